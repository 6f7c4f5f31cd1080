"""Every way figures leave the system neutralises formulas and drops control characters.

The dashboard's downloads did already; the command line's `export` and `normalise`, the case
document and the upload and log tables now do too.
"""

from __future__ import annotations

import csv

import polars as pl

from oslo_integration.errors import Problem
from oslo_integration.exports.case_document import case_docx
from oslo_integration.metrics import public_view
from oslo_integration.store import connect, import_file
from oslo_integration.text.formulas import neutralise_text
from oslo_integration.upload import log_table, problems_table
from tests.conftest import write_csv
from tests.test_cli import run

PAYLOAD = '=HYPERLINK("https://evil.example","klikk")'


def _hostile_long_table(path):
    return write_csv(
        path,
        [["År", "Bydel", "Måltall", "Verdi", "Merknad"], [2024, "Frogner", "Bosatte flyktninger", 77, PAYLOAD]],
    )


def _rows(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_cli_export_and_normalise_neutralise_formulas(tmp_path, shipped_copy):
    source = _hostile_long_table(tmp_path / "=formel.csv")
    assert run("import", str(source), env_db=shipped_copy).returncode == 0
    out = tmp_path / "alt.csv"
    assert run("export", "--out", str(out), env_db=shipped_copy).returncode == 0
    ours = [r for r in _rows(out) if r["source_file"].endswith("formel.csv")]
    assert ours and ours[0]["note"] == "'" + PAYLOAD and ours[0]["source_file"] == "'=formel.csv"
    assert all(not v.startswith(("=", "+", "@")) for r in _rows(out) for v in r.values())
    normalised = tmp_path / "normalisert.csv"
    assert run("normalise", str(source), "--out", str(normalised)).returncode == 0
    assert _rows(normalised)[0]["source_file"] == "'=formel.csv"


def test_log_and_problem_tables_neutralise(tmp_path, shipped_copy):
    store = connect(str(shipped_copy))
    import_file(
        store, _hostile_long_table(tmp_path / "x.csv").read_bytes(), "=cmd|' /C calc'!A0.csv", who="+sjef", kind="innsendt"
    )
    log = log_table(store.imports())
    assert log["Fil"][0] == "'=cmd|' /C calc'!A0.csv" and log["Hvem"][0] == "'+sjef"
    problems = problems_table([Problem("f.csv", "=ark", "A1", "@SUM(1)")])
    assert problems.row(0) == ("'=ark", "A1", "'@SUM(1)")


def test_control_characters_never_reach_a_document(tmp_path, shipped_copy):
    store = connect(str(shipped_copy))
    store.import_frame(
        pl.DataFrame(
            {
                "bydel_nr": ["030105"],
                "bydel": ["Frogner"],
                "year": [2024],
                "measure": ["bosatt"],
                "category": [None],
                "value": [77.0],
                "status": ["ok"],
                "source_file": ["frogner\x07\x1b.csv"],
                "sheet": [""],
                "cell": ["A1"],
                "ref_date": [None],
                "source_url": [None],
                "origin": [None],
                "note": [None],
            }
        ),
        file_name="frogner\x07\x1b.csv",
        sha256="0" * 64,
        who="test",
        kind="innsendt",
        notes=[],
    )  # fmt: skip  (a name stored before names were cleaned)
    docx = case_docx(public_view(store.current()), "030105", [2023, 2024])  # python-docx refuses control characters
    assert docx[:2] == b"PK"
    assert neutralise_text("a\x07b") == "a b"
