"""Frogner's case reproduced through the profile, on the command line, in text and JSON."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import run


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return tmp_path_factory.mktemp("profil") / "s.duckdb"


def profile(db, year: int) -> dict:
    res = run("profil", "--bydel", "Frogner", "--year", str(year), "--format", "json", env_db=db)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    return {i["indicator"]: i for i in data["indicators"]}


def test_frogner_2024_work_at_programme_end(db):
    ind = profile(db, 2024)["andel_arbeid_ved_avslutning"]
    assert (ind["numerator"], ind["denominator"], ind["status"]) == (16, 57, "ok")
    assert ind["value"] == pytest.approx(28.07, abs=0.01)
    assert round(ind["value"], 1) == 28.1
    assert ind["ci_low"] == pytest.approx(18, abs=0.5) and ind["ci_high"] == pytest.approx(41, abs=0.5)
    assert ind["example_data"] is False
    assert ind["verdict"]["nb"].startswith("16 av 57 (28\u00a0%) var i arbeid ved avslutning.")
    assert set(ind["references"]) == {"oslo", "national", "target"}
    assert ind["references"]["national"]["example_data"] is True  # no public national figure: labelled


def test_frogner_other_case_figures(db):
    p23, p24, p22 = profile(db, 2023), profile(db, 2024), profile(db, 2022)
    assert (p23["andel_arbeid_ved_avslutning"]["numerator"], p23["andel_arbeid_ved_avslutning"]["denominator"]) == (18, 76)
    assert (p23["andel_ukrainere_arbeid_innen_1_aar"]["numerator"], p23["andel_ukrainere_arbeid_innen_1_aar"]["denominator"]) == (
        15,
        59,
    )
    assert (p24["andel_ukrainere_arbeid_innen_1_aar"]["numerator"], p24["andel_ukrainere_arbeid_innen_1_aar"]["denominator"]) == (
        41,
        48,
    )
    assert (p22["andel_kommunal_bolig"]["numerator"], p22["andel_kommunal_bolig"]["denominator"]) == (94, 185)
    assert p22["andel_arbeid_ved_avslutning"]["status"] == "mangler"  # «*» in the case: never 0


def test_json_keys_are_stable(db):
    ind = profile(db, 2024)["andel_arbeid_ved_avslutning"]
    assert list(ind) == [
        "indicator", "label_nb", "label_en", "kind", "unit", "value", "numerator", "denominator", "ci_low", "ci_high",
        "status", "example_data", "sources", "references", "rank", "change", "verdict",
    ]  # fmt: skip


def test_text_profile_is_norwegian(db):
    res = run("profil", "--bydel", "frogner", "--year", "2024", env_db=db)
    assert res.returncode == 0
    assert "Andel i arbeid ved endt introduksjonsprogram" in res.stdout
    assert "28,1\u00a0% (16 av 57) 95\u00a0% KI 18,1\u00a0%–40,8\u00a0%" in res.stdout
    assert "Plass blant bydelene" in res.stdout


def test_unknown_bydel_exit_2(db):
    res = run("profil", "--bydel", "Frognr", "--year", "2024", env_db=db)
    assert res.returncode == 2 and "Frogner" in res.stderr
