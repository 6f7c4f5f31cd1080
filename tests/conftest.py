"""Shared helpers: spreadsheets written on the fly, and a store in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook

from oslo_integration.store import DuckDBStore

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE_TEXTS = DATA / "kilder"


def write_xlsx(
    path: Path,
    sheets: dict[str, Iterable[Iterable[object]]],
    *,
    start: tuple[int, int] = (1, 1),
    percent_cells: dict[str, list[str]] | None = None,
    hidden: Iterable[str] = (),
) -> Path:
    """A workbook with each sheet's rows written from `start` (1-based row, col)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is not None:
                    ws.cell(row=start[0] + i, column=start[1] + j, value=value)
        for addr in (percent_cells or {}).get(name, []):
            ws[addr].number_format = "0%"
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def write_csv(
    path: Path, rows: Iterable[Iterable[object]], *, sep: str = ";", encoding: str = "utf-8", bom: bool = False
) -> Path:
    text = "\n".join(sep.join("" if v is None else str(v) for v in row) for row in rows) + "\n"
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.fixture
def store(tmp_path: Path) -> DuckDBStore:
    return DuckDBStore(tmp_path / "test.duckdb")


@pytest.fixture
def db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point OSLO_INTEGRATION_DB at a fresh file so the command line builds its own store."""
    path = tmp_path / "cli.duckdb"
    monkeypatch.setenv("OSLO_INTEGRATION_DB", str(path))
    return path
