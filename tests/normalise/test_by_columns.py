"""Column by column and cell by cell give the same figures, in the same order, with the same notes,
warnings and problems: on every corpus file, the benchmark's generated workbooks, and long tables
made to hit each case that sends a table back to the cell path."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import polars as pl
import pytest
from openpyxl import Workbook

import oslo_integration.normalise as normalise
from benchmarks.generate import workbooks
from oslo_integration.errors import InputRefused
from oslo_integration.normalise import Normalised, normalise_files
from oslo_integration.normalise.by_columns import read_by_columns
from oslo_integration.normalise.context import Context
from oslo_integration.normalise.layout import find_tables
from oslo_integration.normalise.tables import read_table
from oslo_integration.read import read_bytes
from oslo_integration.vocab import vocabulary
from tests.corpus.workbooks import REFUSED, WORKBOOKS, write_workbook
from tests.normalise.test_corpus import CORPUS

HEADER = ["Bydel", "År", "Måltall", "Kategori", "Verdi"]


def _long(
    rows: list[list[object]], percent_rows: tuple[int, ...] = (), header: list[object] = HEADER, title: str | None = None
) -> bytes:
    """A long workbook (the benchmark's layout) with the given body rows; `percent_rows` formatted as percent."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    for r in percent_rows:
        ws.cell(row=r + 2, column=5).number_format = "0%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _body(*extra: list[object], n: int = 20) -> list[list[object]]:
    countries = ["Syria", "Eritrea", "Ukraina", "Somalia", "Afghanistan"]  # with 4 years: n <= 20 rows all differ
    rows = [["Frogner", 2020 + i % 4, "bosatt_landbakgrunn", countries[i % 5], i] for i in range(n)]
    return rows + [list(r) for r in extra]


# Long tables that are read column by column, and ones that go back to the cell path (each says why).
LONG = {
    "plain": _long(_body()),
    "symbols_and_empty_figures": _long(
        _body(["Alna", 2021, "bosatt_landbakgrunn", "Syria", ":"], ["Alna", 2022, "bosatt_landbakgrunn", "Syria", None])
    ),
    "a_total_in_the_bydel_column": _long(_body(["I alt", 2021, "bosatt_landbakgrunn", "Syria", 99])),
    "a_sum_row": _long(
        [[name, *(i * 10 + y for y in range(4))] for i, name in enumerate(["Frogner", "Alna", "Sagene", "Grorud"])]
        + [["Sum", 60, 64, 68, 72], ["Oslo i alt", 600, 640, 680, 720]],
        header=["Bydel", 2021, 2022, 2023, 2024],
        title="Bosatte flyktninger (EKSEMPELDATA)",
    ),
    "percent_cells": _long(_body(), percent_rows=(3, 7)),
    "an_empty_label": _long(_body(["Frogner", None, "bosatt_landbakgrunn", "Syria", 4])),
    "an_unknown_bydel": _long(_body(["Fjollbyen", 2021, "bosatt_landbakgrunn", "Syria", 4])),
    "an_unknown_measure": _long(_body(["Alna", 2021, "ukjent_maal", "Syria", 4])),
    "another_kommune": _long(_body(["Bergen", 2021, "bosatt_landbakgrunn", "Syria", 4])),
    "a_figure_for_women": _long(_body(["Alna", 2021, "bosatt_landbakgrunn", "Kvinner", 4])),
    "a_year_that_is_not_one": _long(_body(["Alna", "toogtjue", "bosatt_landbakgrunn", "Syria", 4])),
    "the_same_figure_twice": _long(_body(["Frogner", 2020, "bosatt_landbakgrunn", "Syria", 0])),
    "the_same_figure_twice_differing": _long(_body(["Frogner", 2020, "bosatt_landbakgrunn", "Syria", 5])),
}


def _corpus_files(tmp: Path) -> list[tuple[bytes, str]]:
    files = [((CORPUS / "files" / p.name).read_bytes(), p.name) for p in sorted((CORPUS / "files").iterdir())]
    for name, sheets in {**WORKBOOKS, **REFUSED}.items():
        files.append((write_workbook(tmp / name, sheets).read_bytes(), name))
    return files


def _both_ways(files: list[tuple[bytes, str]], monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    fast = normalise_files(files)
    with monkeypatch.context() as m:
        m.setattr(normalise, "read_table", functools.partial(read_table, by_columns=False))
        slow = normalise_files(files)
    return fast, slow


def _assert_same(fast: Normalised | InputRefused, slow: Normalised | InputRefused, name: str) -> None:
    assert type(fast) is type(slow), name
    if isinstance(slow, InputRefused):
        assert fast.problems == slow.problems, name
        return
    assert fast.observations.equals(slow.observations), name  # the same rows in the same order
    assert fast.notes == slow.notes, name
    assert fast.warnings == slow.warnings, name


def test_every_corpus_file_reads_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    files = _corpus_files(tmp_path)
    fast, slow = _both_ways(files, monkeypatch)
    for (_, name), f, s in zip(files, fast, slow, strict=True):
        _assert_same(f, s, name)


def test_the_generated_workbooks_read_the_same_both_ways(monkeypatch: pytest.MonkeyPatch):
    files = [(data, name) for name, data in workbooks(12)]
    fast, slow = _both_ways(files, monkeypatch)
    assert all(isinstance(a, Normalised) for a in fast)
    for (_, name), f, s in zip(files, fast, slow, strict=True):
        _assert_same(f, s, name)


@pytest.mark.parametrize("case", sorted(LONG))
def test_each_long_case_reads_the_same_both_ways(case: str, monkeypatch: pytest.MonkeyPatch):
    name = f"EKSEMPELDATA_{case}.xlsx"
    fast, slow = _both_ways([(LONG[case], name)], monkeypatch)
    _assert_same(fast[0], slow[0], case)


def _figures_of(data: bytes, name: str, context: Context | None = None):
    """read_table's answer for the one table of the file's first sheet."""
    sheet = read_bytes(data, name).sheets[0]
    tables, _ = find_tables(sheet)
    assert len(tables) == 1
    return read_table(name, sheet, tables[0], context or Context(), vocabulary())


@pytest.mark.parametrize("case", ["plain", "symbols_and_empty_figures", "a_sum_row", "percent_cells"])
def test_plain_long_tables_are_read_column_by_column(case: str):
    context = Context(measure="bosatt") if case == "a_sum_row" else None  # its title says so
    result = _figures_of(LONG[case], f"{case}.xlsx", context)
    assert result.figures is not None and result.records == []
    assert not result.problems


@pytest.mark.parametrize(
    "case", ["an_unknown_bydel", "an_unknown_measure", "another_kommune", "a_figure_for_women", "a_total_in_the_bydel_column"]
)
def test_a_table_with_a_row_to_report_goes_cell_by_cell(case: str):
    result = _figures_of(LONG[case], f"{case}.xlsx")
    assert result.figures is None
    assert result.problems or result.warnings


def test_an_empty_label_goes_cell_by_cell_and_is_carried_from_above():
    result = _figures_of(LONG["an_empty_label"], "an_empty_label.xlsx")
    assert result.figures is None and not result.problems
    assert [(r.year, r.cell) for r in result.records[-2:]] == [(2023, "E21"), (2023, "E22")]


def test_column_by_column_keeps_each_figure_its_cell_and_meaning():
    got = normalise_files([(LONG["plain"], "EKSEMPELDATA_plain.xlsx")])[0]
    assert isinstance(got, Normalised)
    obs = got.observations
    assert obs.height == 20
    first = obs.row(0, named=True)
    assert (first["bydel_nr"], first["year"], first["measure"], first["category"], first["value"], first["cell"]) == (
        "030105",
        2020,
        "bosatt_landbakgrunn",
        "Syria",
        0.0,
        "E2",
    )
    assert obs.filter(pl.col("cell") == "E21")["category"].to_list() == ["Afghanistan"]


def test_a_sum_row_is_left_out_with_a_note_column_by_column():
    got = normalise_files([(LONG["a_sum_row"], "EKSEMPELDATA_sum.xlsx")])[0]
    assert isinstance(got, Normalised)
    obs = got.observations
    assert obs.height == 5 * 4  # four bydeler and Oslo, four years; the «Sum» row is left out
    assert "Data!A8: raden «Sum» er en summering eller beregning og lagres ikke." in got.notes
    # row by row, the years left to right, as the cell path gives them
    assert obs["cell"].to_list()[:5] == ["B4", "C4", "D4", "E4", "B5"]
    assert obs.filter(pl.col("cell") == "C9").select("bydel_nr", "year", "value").row(0) == ("0301", 2022, 640.0)


def test_percent_cells_are_known_column_by_column():
    """A percent-formatted count is refused the same way on both paths: the format travels with the figure."""
    got = normalise_files([(LONG["percent_cells"], "EKSEMPELDATA_pct.xlsx")])[0]
    assert isinstance(got, InputRefused)
    assert [p.cell for p in got.problems] == ["E5:E9"]
    assert "er en prosent" in got.problems[0].message


def test_most_corpus_tables_are_read_column_by_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The fast path is the usual one, not a corner: on the corpus, two tables in three take it."""
    import oslo_integration.normalise.tables as tables

    taken: list[bool] = []

    def spy(*args, **kwargs):
        body = read_by_columns(*args, **kwargs)
        taken.append(body is not None)
        return body

    monkeypatch.setattr(tables, "read_by_columns", spy)
    normalise_files(_corpus_files(tmp_path))
    assert sum(taken) >= 25 and sum(taken) * 3 >= len(taken) * 2


def test_a_figure_repeated_in_a_file_is_kept_once_but_each_file_in_a_batch_keeps_its_own():
    twice = LONG["the_same_figure_twice"]
    once = normalise_files([(LONG["plain"], "EKSEMPELDATA_plain.xlsx")])[0]
    got = normalise_files([(twice, "EKSEMPELDATA_a.xlsx"), (twice, "EKSEMPELDATA_b.xlsx")])
    assert all(isinstance(g, Normalised) for g in got) and isinstance(once, Normalised)
    for g in got:
        keys = g.observations.select("bydel_nr", "year", "measure", "category")
        assert keys.height == keys.unique().height == once.observations.height  # the repeat dropped, nothing else
