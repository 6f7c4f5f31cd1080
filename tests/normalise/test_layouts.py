"""Each layout a bydel may send gives exactly the right rows, each with its cell."""

from __future__ import annotations

import polars as pl
import pytest

from oslo_integration.errors import InputRefused
from oslo_integration.normalise import normalise_path
from tests.conftest import write_csv, write_xlsx


def rows(path, bydel=None) -> set[tuple]:
    obs = normalise_path(path, bydel).observations
    return set(obs.select("bydel_nr", "year", "measure", "category", "value", "status", "sheet", "cell").iter_rows())


def test_long_table_columns_in_any_order(tmp_path):
    f = write_csv(
        tmp_path / "lang.csv",
        [
            ["Verdi", "Måltall", "Bydel", "År", "Kategori"],
            ["12", "Bosatte flyktninger", "Grorud", "2023", ""],
            ["7", "bosatt_boligtype", "Grorud", "2023", "Kommunal bolig"],
            [":", "bosatt", "St.Hanshaugen", "2023", ""],
        ],
    )
    assert rows(f) == {
        ("030110", 2023, "bosatt", None, 12.0, "ok", "", "A2"),
        ("030110", 2023, "bosatt_boligtype", "kommunal_bolig", 7.0, "ok", "", "A3"),
        ("030104", 2023, "bosatt", None, None, "prikket", "", "A4"),
    }


def test_wide_table_years_as_columns_with_title_notes_and_footnote(tmp_path):
    f = write_xlsx(
        tmp_path / "rapport.xlsx",
        {
            "Ark1": [
                ["Bydel Sagene – bosetting"],
                ["Utarbeidet til bydelsutvalget"],
                [],
                ["Type bolig/ år", 2023, 2024],
                ["Kommunal bolig", 10, "4 500"],
                ["Privat leiemarked", "*", 3],
                [],
                ["* Tallet mangler for 2023."],
            ]
        },
    )
    obs = normalise_path(f)
    assert rows(f) == {
        ("030103", 2023, "bosatt_boligtype", "kommunal_bolig", 10.0, "ok", "Ark1", "B5"),
        ("030103", 2024, "bosatt_boligtype", "kommunal_bolig", 4500.0, "ok", "Ark1", "C5"),
        ("030103", 2023, "bosatt_boligtype", "privat_leiemarked", None, "mangler", "Ark1", "B6"),
        ("030103", 2024, "bosatt_boligtype", "privat_leiemarked", 3.0, "ok", "Ark1", "C6"),
    }
    assert any("Tallet mangler for 2023" in n and "A8" in n for n in obs.notes)


def test_bydeler_as_rows_years_as_columns_measure_in_title(tmp_path):
    f = write_xlsx(
        tmp_path / "alle.xlsx",
        {
            "Bosatte": [
                ["Bosatte flyktninger etter bydel"],
                ["Bydel", "2022", "2023"],
                ["Bydel Gamle Oslo", 140, 120],
                ["Grunerlokka", 88, ":"],
                ["Oslo i alt", 1926, 2018],
                ["Sum", 2154, 2138],
            ]
        },
    )
    obs = normalise_path(f)
    assert rows(f) == {
        ("030101", 2022, "bosatt", None, 140.0, "ok", "Bosatte", "B3"),
        ("030101", 2023, "bosatt", None, 120.0, "ok", "Bosatte", "C3"),
        ("030102", 2022, "bosatt", None, 88.0, "ok", "Bosatte", "B4"),
        ("030102", 2023, "bosatt", None, None, "prikket", "Bosatte", "C4"),
        ("0301", 2022, "bosatt", None, 1926.0, "ok", "Bosatte", "B5"),
        ("0301", 2023, "bosatt", None, 2018.0, "ok", "Bosatte", "C5"),
    }
    assert any("«Sum»" in n and "A6" in n for n in obs.notes)


def test_several_tables_on_one_sheet_each_with_its_title(tmp_path):
    """Alna's «I alt» (B11) repeats B3 with the same value, so the figure is kept once."""
    f = write_xlsx(
        tmp_path / "bydel_alna_2024.xlsx",
        {
            "Oversikt": [
                ["Bosatte flyktninger"],
                ["", 2024],
                ["Alna", 60],
                ["Stovner", 41],
                [],
                ["Bosatte etter landbakgrunn, Bydel Alna"],
                ["Land", 2024],
                ["Ukraina", 40],
                ["Syria", 12],
                ["Burkina Faso", 2],
                ["I alt", 60],
                [],
                ["I arbeid ved endt introduksjonsprogram"],
                ["Bydel", 2024],
                ["12", 9],
            ]
        },
    )
    assert rows(f) == {
        ("030112", 2024, "bosatt", None, 60.0, "ok", "Oversikt", "B3"),
        ("030111", 2024, "bosatt", None, 41.0, "ok", "Oversikt", "B4"),
        ("030112", 2024, "bosatt_landbakgrunn", "Ukraina", 40.0, "ok", "Oversikt", "B8"),
        ("030112", 2024, "bosatt_landbakgrunn", "Syria", 12.0, "ok", "Oversikt", "B9"),
        ("030112", 2024, "bosatt_landbakgrunn", "Burkina Faso", 2.0, "ok", "Oversikt", "B10"),
        ("030112", 2024, "intro_arbeid_ved_avslutning", None, 9.0, "ok", "Oversikt", "B15"),
    }


def test_one_sheet_per_year(tmp_path):
    f = write_xlsx(
        tmp_path / "nordstrand.xlsx",
        {
            "2023": [
                ["Måltall", "Antall"],
                ["Bosatte", 30],
                ["Avsluttet introduksjonsprogrammet", 20],
                ["I arbeid ved avslutning", 8],
            ],
            "2024": [
                ["Måltall", "Antall"],
                ["Bosatte", 25],
                ["Avsluttet introduksjonsprogrammet", 18],
                ["I arbeid ved avslutning", "-"],
            ],
        },
    )
    got = rows(f, bydel="Nordstrand")
    assert ("030114", 2023, "bosatt", None, 30.0, "ok", "2023", "B2") in got
    assert ("030114", 2024, "intro_arbeid_ved_avslutning", None, 0.0, "ok", "2024", "B4") in got
    assert len(got) == 6


def test_header_below_notes_and_table_not_in_column_a(tmp_path):
    f = write_xlsx(
        tmp_path / "x.xlsx",
        {
            "Data": [
                ["Rapport til bydelsutvalget"],
                ["Laget av: Bydel Østensjø"],
                ["Merk: tallene er foreløpige"],
                [],
                [],
                [],
                [],
                [None, 2022, 2023],
                ["Andel bosatt innen 6 måneder", "81,5 %", 0.9],
            ]
        },
        start=(2, 3),
        percent_cells={"Data": ["E10"]},
    )
    assert rows(f) == {
        ("030113", 2022, "bosatt_innen_6_mnd", None, 81.5, "ok", "Data", "D10"),
        ("030113", 2023, "bosatt_innen_6_mnd", None, 90.0, "ok", "Data", "E10"),
    }


def test_percent_measure_written_as_fractions_is_read_as_percent(tmp_path):
    f = write_csv(
        tmp_path / "ullern.csv", [["", "2023", "2024"], ["Andel tilbudt introduksjonsprogram innen 3 måneder", "0,8", "0,75"]]
    )
    obs = normalise_path(f)
    assert sorted(obs.observations["value"].to_list()) == [75.0, 80.0]
    assert any("andeler" in n for n in obs.notes)


def test_years_as_rows_measures_as_columns(tmp_path):
    f = write_csv(
        tmp_path / "bydel_bjerke.csv", [["År", "Bosatte", "Kommunal bolig"], ["2023", "20", "11"], ["2024", "15", "9"]], sep=","
    )
    assert rows(f) == {
        ("030109", 2023, "bosatt", None, 20.0, "ok", "", "B2"),
        ("030109", 2023, "bosatt_boligtype", "kommunal_bolig", 11.0, "ok", "", "C2"),
        ("030109", 2024, "bosatt", None, 15.0, "ok", "", "B3"),
        ("030109", 2024, "bosatt_boligtype", "kommunal_bolig", 9.0, "ok", "", "C3"),
    }


@pytest.mark.parametrize(
    "variant", ["St.Hanshaugen", "St. Hanshaugen", "Bydel St Hanshaugen", "04", "4", "030104", "st.hanshaugen"]
)
def test_bydel_name_variants_in_a_bydel_column(tmp_path, variant):
    f = write_csv(tmp_path / "v.csv", [["År", "Bydel", "Måltall", "Verdi"], ["2024", variant, "bosatt", "5"]])
    assert normalise_path(f).observations["bydel_nr"].to_list() == ["030104"]


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        ("frogner_2024.csv", "030105"),
        ("Bydel_Sondre_Nordstrand.csv", "030115"),
        ("tall-grunerlokka.csv", "030102"),
        ("030107 tall.csv", "030107"),
    ],
)
def test_bydel_from_file_name(tmp_path, file_name, expected):
    f = write_csv(tmp_path / file_name, [["", "2024"], ["Bosatte", "5"]])
    assert normalise_path(f).observations["bydel_nr"].to_list() == [expected]


def test_bydel_from_option_and_conflict_with_title(tmp_path):
    f = write_csv(tmp_path / "tall.csv", [["", "2024"], ["Bosatte", "5"]])
    assert normalise_path(f, bydel="Ullern").observations["bydel_nr"].to_list() == ["030106"]
    g = write_csv(tmp_path / "tall2.csv", [["Bydel Grorud"], ["", "2024"], ["Bosatte", "5"]])
    with pytest.raises(InputRefused) as exc:
        normalise_path(g, bydel="Frogner")
    assert "A1" in str(exc.value) and "Grorud" in str(exc.value)


def test_no_bydel_anywhere_is_refused(tmp_path):
    f = write_csv(tmp_path / "tall.csv", [["", "2024"], ["Bosatte", "5"]])
    with pytest.raises(InputRefused) as exc:
        normalise_path(f)
    assert "tall.csv" in str(exc.value) and "B2" in str(exc.value) and "bydel" in str(exc.value)


@pytest.mark.parametrize(
    ("encoding", "bom", "sep"),
    [("utf-8", False, ";"), ("utf-8", True, ";"), ("cp1252", False, ";"), ("utf-8", False, ","), ("cp1252", False, ",")],
)
def test_csv_encodings_and_separators(tmp_path, encoding, bom, sep):
    f = write_csv(
        tmp_path / "x.csv",
        [
            ["År", "Bydel", "Måltall", "Kategori", "Verdi"],
            ["2023", "Søndre Nordstrand", "bosatt_boligtype", "Privat leiemarked", "1 234"],
        ],
        encoding=encoding,
        bom=bom,
        sep=sep,
    )
    obs = normalise_path(f).observations
    assert obs.select("bydel", "category", "value").row(0) == ("Søndre Nordstrand", "privat_leiemarked", 1234.0)


def test_decimal_comma_in_comma_separated_csv_is_quoted(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('År,Bydel,Måltall,Verdi\n2023,Alna,bosatt_innen_6_mnd,"81,5"\n', encoding="utf-8")
    assert normalise_path(path).observations["value"].to_list() == [81.5]


def test_frogner_case_layout_reads_every_table(tmp_path):
    from tests.conftest import DATA

    obs = normalise_path(DATA / "bydeler" / "frogner_bosetting_2022_2024.xlsx").observations
    assert obs.height == 24
    assert set(obs["bydel_nr"]) == {"030105"}
    assert obs.filter(pl.col("status") == "mangler").height == 3


def test_two_row_header_with_ar_above_the_years(tmp_path):
    f = write_xlsx(
        tmp_path / "bydel_ullern.xlsx", {"Ark": [[None, "År"], ["Type bolig", 2023, 2024], ["Kommunal bolig", "16*", 12]]}
    )
    assert rows(f) == {
        ("030106", 2023, "bosatt_boligtype", "kommunal_bolig", 16.0, "ok", "Ark", "B3"),
        ("030106", 2024, "bosatt_boligtype", "kommunal_bolig", 12.0, "ok", "Ark", "C3"),
    }


def test_lone_year_header_over_the_value_column(tmp_path):
    f = write_xlsx(tmp_path / "bydel_ullern.xlsx", {"Ark": [["Bosatte flyktninger"], [None, 2024], ["Ullern", 12], ["Alna", 30]]})
    assert rows(f) == {
        ("030106", 2024, "bosatt", None, 12.0, "ok", "Ark", "B3"),
        ("030112", 2024, "bosatt", None, 30.0, "ok", "Ark", "B4"),
    }


def test_filled_columns_of_a_read_workbook_are_those_of_the_cell_by_cell_look():
    """The reader makes blanks None, so a full row is told by one test; the answer is the one a look at every cell gives."""
    from oslo_integration.normalise.layout import _filled, filled_columns
    from oslo_integration.read.grid import Sheet

    rows = [["Bydel", "2023", "2024"], [None, None, None], ["Alna", None, "4"], ["Grorud", "3", "5"], [], ["x"]]
    read = Sheet("Ark1", [list(r) for r in rows], blanks_are_none=True)
    plain = Sheet("Ark1", [list(r) for r in rows])
    assert filled_columns(read) == filled_columns(plain) == [_filled(plain, r) for r in range(len(rows))]
    assert filled_columns(read) == [[0, 1, 2], [], [0, 2], [0, 1, 2], [], [0]]
    # a reader that keeps blank texts is looked at cell by cell
    assert filled_columns(Sheet("Ark1", [["Alna", " ", "4"]])) == [[0, 2]]
