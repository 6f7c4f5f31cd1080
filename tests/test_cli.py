"""The command line as a user runs it: exit codes, Norwegian messages, no tracebacks for bad input."""

from __future__ import annotations

import csv
import os

import polars as pl

from tests.conftest import DATA, FIRST_UPLOAD, write_csv, write_xlsx
from tests.support.cli import Ran, run_cli


def run(*args: str, env_db=None, env: dict[str, str] | None = None, input: str | None = None) -> Ran:
    """`python -m oslo_integration ARGS` (forked from a loaded one: tests/support/cli.py), with OSLO_INTEGRATION_DB=ENV_DB."""
    env = dict(os.environ if env is None else env)
    if env_db is not None:
        env["OSLO_INTEGRATION_DB"] = str(env_db)
    return run_cli(list(args), env=env, input=input)


def test_normalise_writes_schema_columns_and_touches_no_store(tmp_path):
    out = tmp_path / "out.csv"
    db = tmp_path / "never.duckdb"
    res = run("normalise", str(DATA / "bydeler" / "frogner_bosetting_2022_2024.xlsx"), "--out", str(out), env_db=db)
    assert res.returncode == 0, res.stderr
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [
        "bydel_nr",
        "bydel",
        "year",
        "measure",
        "category",
        "value",
        "status",
        "source_file",
        "sheet",
        "cell",
    ]
    assert rows[0] | {} == {
        "bydel_nr": "030105",
        "bydel": "Frogner",
        "year": "2022",
        "measure": "bosatt_boligtype",
        "category": "kommunal_bolig",
        "value": "94",
        "status": "ok",
        "source_file": "frogner_bosetting_2022_2024.xlsx",
        "sheet": "Bosetting og introprogram",
        "cell": "B6",
    }
    assert len(rows) == 24
    assert not db.exists()


def test_bad_file_exit_2_one_line_per_problem_no_traceback(tmp_path):
    bad = write_xlsx(tmp_path / "grorud.xlsx", {"Ark1": [["", 2024], ["Bosatte", -2], ["Kommunal bolgi", 1]]})
    res = run("normalise", str(bad), "--out", str(tmp_path / "o.csv"))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert any(line.startswith("grorud.xlsx, ark «Ark1», celle B2:") for line in lines)
    assert any(line.startswith("grorud.xlsx, ark «Ark1», celle A3:") and "Kommunal bolig" in line for line in lines)
    assert not (tmp_path / "o.csv").exists()


def test_not_a_spreadsheet_and_refused_formats(tmp_path):
    fake = tmp_path / "tall.xlsx"
    fake.write_text("dette er ikke et regneark", encoding="utf-8")
    old = tmp_path / "tall.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    for f, expected in ((fake, "ikke et gyldig Excel-regneark"), (old, ".xlsx, .csv og .json")):
        res = run("normalise", str(f), "--out", str(tmp_path / "o.csv"))
        assert res.returncode == 2 and expected in res.stderr and "Traceback" not in res.stderr


def test_import_list_undo_export_round_trip(tmp_path):
    db = tmp_path / "s.duckdb"
    f = write_csv(tmp_path / "bydel_alna.csv", [["", "2024"], ["Bosatte", "77"]])
    res = run("import", str(f), env_db=db)
    assert res.returncode == 0 and f"importert som import {FIRST_UPLOAD}" in res.stdout, res.stdout + res.stderr
    assert "allerede importert" in run("import", str(f), env_db=db).stdout
    listing = run("imports", env_db=db).stdout
    assert "bydel_alna.csv" in listing and "EKSEMPELDATA" in listing
    out = tmp_path / "e.csv"
    assert run("export", "--out", str(out), env_db=db).returncode == 0
    exported = pl.read_csv(out, infer_schema=False)
    alna = exported.filter((pl.col("bydel_nr") == "030112") & (pl.col("year") == "2024") & (pl.col("measure") == "bosatt"))
    assert alna.select("value", "kind").row(0) == ("77", "innsendt")
    assert "er angret" in run("undo", "4", env_db=db).stdout
    again = run("undo", "4", env_db=db)
    assert again.returncode == 2 and "allerede angret" in again.stderr


def test_import_refuses_the_whole_batch_if_one_file_is_bad(tmp_path, shipped_copy):
    db = shipped_copy
    good = write_csv(tmp_path / "bydel_alna.csv", [["", "2024"], ["Bosatte", "77"]])
    bad = write_csv(tmp_path / "bydel_grorud.csv", [["", "2024"], ["Bosatte", "abc"]])
    res = run("import", str(good), str(bad), env_db=db)
    assert res.returncode == 2 and "bydel_grorud.csv, celle B2" in res.stderr
    assert "bydel_alna.csv" not in run("imports", env_db=db).stdout


def test_every_command_has_norwegian_help():
    for cmd in ("normalise", "import", "imports", "undo", "export", "eksempeldata"):
        res = run(cmd, "--help")
        assert res.returncode == 0 and "usage" in res.stdout
    assert "bydel" in run("normalise", "--help").stdout


def test_bruker_add_list_remove_with_hashed_password(tmp_path):
    users = tmp_path / "brukere.toml"

    def bruker(*args: str, password: str | None = None) -> Ran:
        return run("bruker", *args, env=dict(os.environ, OSLO_INTEGRATION_USERS=str(users)), input=password)

    res = bruker(
        "add", "kari", "--bydel", "Frogner", "--bydel", "Sagene", "--passord-fra-stdin", password="korrekt-hest-batteri\n"
    )
    assert res.returncode == 0, res.stderr
    assert "La til kari (Frogner, Sagene)" in res.stdout
    assert bruker("add", "sjef", "--rolle", "admin", "--passord-fra-stdin", password="et-annet-langt-passord\n").returncode == 0
    assert "korrekt-hest-batteri" not in users.read_text(encoding="utf-8")
    assert users.read_text(encoding="utf-8").count("$argon2id$") == 2
    assert bruker("list").stdout.splitlines() == ["kari\tbydel\tFrogner, Sagene", "sjef\tadmin\talle"]
    bad = bruker("add", "ola", "--bydel", "Frognr", "--passord-fra-stdin", password="korrekt-hest-batteri\n")
    assert bad.returncode == 2 and "ukjent bydel «Frognr»" in bad.stderr and "Traceback" not in bad.stderr
    assert bruker("add", "ola", "--passord-fra-stdin", password="korrekt-hest-batteri\n").returncode == 2
    assert bruker("remove", "kari").returncode == 0
    assert bruker("list").stdout.splitlines() == ["sjef\tadmin\talle"]
    assert bruker("remove", "kari").returncode == 2
