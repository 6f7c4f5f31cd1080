"""Every validation rule refuses the file, names its cell, and all problems come at once."""

from __future__ import annotations

import datetime as dt

import pytest

from oslo_integration.errors import InputRefused
from oslo_integration.normalise import normalise_path
from tests.conftest import write_csv, write_xlsx


def problems(path, bydel="Alna") -> list[str]:
    with pytest.raises(InputRefused) as exc:
        normalise_path(path, bydel)
    return [str(p) for p in exc.value.problems]


def test_negative_and_fractional_counts(tmp_path):
    f = write_csv(tmp_path / "a.csv", [["", "2023", "2024"], ["Bosatte", "-3", "2,5"]])
    got = problems(f)
    assert any("a.csv, celle B2" in p and "negativt" in p for p in got)
    assert any("a.csv, celle C2" in p and "helt tall" in p for p in got)


def test_percent_outside_0_100(tmp_path):
    f = write_csv(tmp_path / "a.csv", [["", "2023"], ["Andel bosatt innen 6 måneder", "128 %"]])
    assert any("celle B2" in p and "mellom 0 og 100" in p for p in problems(f))


def test_percent_given_for_a_count(tmp_path):
    f = write_csv(tmp_path / "a.csv", [["", "2023"], ["Bosatte", "28 %"]])
    assert any("celle B2" in p and "prosent" in p for p in problems(f))


@pytest.mark.parametrize(
    ("part_label", "total_label"),
    [
        ("Kommunal bolig", "Totalt antall flyktninger bosatt"),
        ("Antall fra Ukraina", "Totalt antall flyktninger bosatt"),
        ("I arbeid ved endt introduksjonsprogram", "Totalt antall deltakere som avsluttet introduksjonsprogram"),
    ],
)
def test_part_larger_than_total_names_both_cells(tmp_path, part_label, total_label):
    f = write_xlsx(tmp_path / "a.xlsx", {"Ark": [["", 2024], [total_label, 10], [part_label, 12]]})
    got = problems(f)
    assert any("ark «Ark», celle B3" in p and "Ark!B2" in p and "større enn totalen" in p for p in got), got


def test_sum_of_housing_types_larger_than_total(tmp_path):
    f = write_xlsx(tmp_path / "a.xlsx", {"Ark": [["", 2024], ["Bosatte", 10], ["Kommunal bolig", 6], ["Privat leiemarked", 6]]})
    got = problems(f)
    assert any("celle B2" in p and "B3, B4" in p and "Summen" in p for p in got), got


def test_year_outside_range(tmp_path):
    next_year = dt.date.today().year + 1
    f = write_csv(tmp_path / "a.csv", [["", "1999", str(next_year + 1), str(next_year)], ["Bosatte", "1", "2", "3"]])
    got = problems(f)
    assert any("celle B2" in p and "1999" in p for p in got)
    assert any("celle C2" in p and str(next_year + 1) in p for p in got)
    assert not any("celle D2" in p for p in got)


def test_unknown_bydel_with_suggestion(tmp_path):
    f = write_csv(
        tmp_path / "a.csv",
        [["År", "Bydel", "Måltall", "Verdi"], ["2024", "Grorudd", "bosatt", "4"], ["2024", "Frognr", "bosatt", "4"]],
    )
    got = problems(f, bydel=None)
    assert any("celle B2" in p and "«Grorudd»" in p and "«Grorud»" in p for p in got)
    assert any("celle B3" in p and "«Frogner»" in p for p in got)


def test_same_figure_twice_with_different_values_names_both_cells(tmp_path):
    f = write_xlsx(
        tmp_path / "a.xlsx", {"Ark": [["", 2024], ["Bosatte", 10], [], ["Bosatte flyktninger"], ["", 2024], ["Alna", 11]]}
    )
    got = problems(f)
    assert any("Ark!B2" in p and "Ark!B6" in p and "to ganger" in p for p in got), got


def test_same_figure_twice_with_the_same_value_is_kept_once(tmp_path):
    f = write_xlsx(
        tmp_path / "a.xlsx", {"Ark": [["", 2024], ["Bosatte", 10], [], ["Bosatte flyktninger"], ["", 2024], ["Alna", 10]]}
    )
    assert normalise_path(f, "Alna").observations.height == 1


def test_every_problem_reported_at_once(tmp_path):
    f = write_csv(
        tmp_path / "a.csv", [["", "2023", "2024"], ["Bosatte", "-1", "x"], ["Andel bosatt innen 6 måneder", "101", "50"]]
    )
    got = problems(f)
    assert len(got) >= 3
    assert {c for p in got for c in ("B2", "C2", "B3") if f"celle {c}" in p} == {"B2", "C2", "B3"}


def test_unknown_label_names_cell_and_closest_labels(tmp_path):
    f = write_xlsx(tmp_path / "a.xlsx", {"Ark": [["", 2024], ["Kommunale bolig", 10], ["Antall bosatte i privatbolig", 2]]})
    got = problems(f)
    assert any(
        p.startswith("a.xlsx, ark «Ark», celle A2: Ukjent radtekst «Kommunale bolig»") and "ommunal bolig" in p for p in got
    ), got
    assert any("celle A3" in p and "Nærmeste kjente" in p for p in got)


def test_new_synonym_in_data_file_is_understood(tmp_path, monkeypatch):
    import shutil

    from oslo_integration import vocab as vocab_module
    from oslo_integration.normalise import normalise_workbook
    from oslo_integration.read import read_path
    from tests.conftest import DATA

    folder = tmp_path / "vocab"
    shutil.copytree(DATA / "vocab", folder)
    with (folder / "labels.csv").open("a", encoding="utf-8") as fh:
        fh.write("flyktninger som fikk bolig i år,bosatt,\n")
    f = write_csv(tmp_path / "alna.csv", [["", "2024"], ["Flyktninger som fikk bolig i år", "7"]])
    obs = normalise_workbook(read_path(f), vocab=vocab_module.vocabulary(folder)).observations
    assert obs.select("measure", "value").row(0) == ("bosatt", 7.0)
