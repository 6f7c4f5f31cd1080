"""The corpus: files in the layouts bydeler and statistics offices really send, each checked row by row.

Every file in tests/corpus (CSV and JSON-stat as files, workbooks written from workbooks.py) has a
hand-written expected/<name>.csv: value, year, bydel, measure, category, status, sheet and cell.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from oslo_integration.errors import InputRefused
from oslo_integration.normalise import normalise_path
from tests.corpus.workbooks import REFUSED, REFUSED_EXPECT, WORKBOOKS, write_workbook

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FILES = sorted(p.name for p in (CORPUS / "files").iterdir()) + sorted(WORKBOOKS)
Row = tuple[str, int, str, str, float | None, str, str, str]


def _path(name: str, tmp: Path) -> Path:
    if name in WORKBOOKS:
        return write_workbook(tmp / name, WORKBOOKS[name])
    return CORPUS / "files" / name


def expected_rows(name: str) -> list[Row]:
    with (CORPUS / "expected" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return sorted(
            (
                r["bydel_nr"],
                int(r["year"]),
                r["measure"],
                r["category"],
                float(r["value"]) if r["value"] else None,
                r["status"],
                r["sheet"],
                r["cell"],
            )
            for r in csv.DictReader(fh)
        )


def read_rows(path: Path) -> list[Row]:
    obs = normalise_path(path).observations
    return sorted(
        (b, y, m, c or "", None if v is None or math.isnan(v) else float(v), s, sh or "", cell)
        for b, y, m, c, v, s, sh, cell in obs.select(
            "bydel_nr", "year", "measure", "category", "value", "status", "sheet", "cell"
        ).iter_rows()
    )


def _difference(got: list[Row], want: list[Row]) -> str:
    missing = [r for r in want if r not in got]
    extra = [r for r in got if r not in want]
    return f"mangler {missing}\nfor mye {extra}"


def test_the_corpus_has_every_layout_and_an_expected_csv_for_each():
    assert len(FILES) >= 30
    for name in FILES:
        assert (CORPUS / "expected" / f"{name}.csv").is_file(), name


@pytest.mark.parametrize("name", FILES)
def test_file_reads_exactly_as_expected(name, tmp_path):
    got = read_rows(_path(name, tmp_path))
    want = expected_rows(name)
    assert got == want, _difference(got, want)


def test_corpus_score(tmp_path, capsys):
    """Prints N/N files exact, the figure the issue asks for."""
    exact = 0
    failed = []
    for name in FILES:
        try:
            ok = read_rows(_path(name, tmp_path)) == expected_rows(name)
        except InputRefused as exc:
            ok, exc_text = False, str(exc)
            failed.append(f"{name}: {exc_text[:200]}")
        else:
            if not ok:
                failed.append(name)
        exact += ok
    with capsys.disabled():
        print(f"\n{exact}/{len(FILES)} files exact")
    assert exact == len(FILES), failed


def test_jsonstat_and_pxweb_csv_of_the_same_table_give_the_same_rows(tmp_path):
    def key(rows: list[Row]) -> list[tuple]:
        return sorted(r[:6] for r in rows)

    from_json = read_rows(CORPUS / "files" / "ssb_13215_deltakere.json")
    from_csv = read_rows(CORPUS / "files" / "ssb_13215_deltakere_bred.csv")
    assert key(from_json) == key(from_csv)
    assert {r[7] for r in from_json} == {f"value[{i}]" for i in range(6)}  # provenance: the value's place in the file


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_files_without_a_years_figure_or_with_a_number_for_a_header_are_refused_naming_the_cell(name, tmp_path):
    path = write_workbook(tmp_path / name, REFUSED[name])
    with pytest.raises(InputRefused) as exc:
        normalise_path(path)
    cell, words = REFUSED_EXPECT[name]
    assert any(p.cell == cell and words in p.message for p in exc.value.problems), exc.value


def test_other_kommuner_are_skipped_with_one_summary_warning():
    n = normalise_path(CORPUS / "files" / "ssb_13215_deltakere_bred.csv")
    skipped = [w for w in n.warnings if "andre kommuner" in w.message]
    assert len(skipped) == 1 and "Bergen" in skipped[0].message and "Trondheim" in skipped[0].message


def test_split_blocks_give_one_warning_naming_the_columns_left_out(tmp_path):
    sexes = normalise_path(write_workbook(tmp_path / "k.xlsx", WORKBOOKS["begge_kjonn_menn_kvinner.xlsx"]))
    assert [w.cell for w in sexes.warnings if "kvinner eller menn" in w.message] == ["D4–G5"]
    shares = normalise_path(write_workbook(tmp_path / "p.xlsx", WORKBOOKS["antall_og_prosent_under_aar.xlsx"]))
    assert any("prosenttall" in w.message and w.cell == "C4–E5" for w in shares.warnings), shares.warnings
    quarters = normalise_path(write_workbook(tmp_path / "q.xlsx", WORKBOOKS["kvartaler_og_hele_aaret.xlsx"]))
    assert any("kvartalstall" in w.message and w.cell == "B2–E2" for w in quarters.warnings), quarters.warnings
