"""The short way to a row's key gives what the row-by-row way gives, problems included, on every corpus table."""

from __future__ import annotations

from pathlib import Path

import pytest

from oslo_integration.normalise.layout import find_tables
from oslo_integration.normalise.tables import TableResult, _columns, _row_key, _row_keys
from oslo_integration.read import read_path
from oslo_integration.vocab import vocabulary
from tests.normalise.test_corpus import FILES, _path


@pytest.mark.parametrize("name", FILES)
def test_row_keys_match_the_row_by_row_way(name: str, tmp_path: Path):
    wb = read_path(_path(name, tmp_path))
    vocab = vocabulary()
    tables = 0
    for sheet in wb.sheets:
        for table in find_tables(sheet)[0]:
            fast, slow = TableResult(), TableResult()
            cols = _columns(name, sheet, table, vocab, TableResult())
            carried: dict[int, str] = {}
            by_row = {r: _row_key(name, sheet, r, cols, vocab, slow, carried) for r in table.body_rows}
            assert _row_keys(name, sheet, table, cols, vocab, fast) == by_row
            assert fast.problems == slow.problems
            tables += 1
    assert tables or not any(any(row) for s in wb.sheets for row in s.rows)
