"""A sheet as a grid of cell texts that remembers where each cell sits in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    """A1 address of a 0-based (row, col) position in the sheet."""
    return f"{column_letter(col)}{row + 1}"


@dataclass
class Sheet:
    """Cell texts of one sheet (None = empty) and where the grid starts in the sheet."""

    name: str
    rows: list[list[str | None]]
    row0: int = 0
    col0: int = 0
    percent_cells: frozenset[tuple[int, int]] = frozenset()
    visible: bool = True
    notes: list[str] = field(default_factory=list)
    addresses: list[str] | None = None  # a file without cells (JSON-stat) names each row's place instead
    blanks_are_none: bool = False  # the reader made every empty or blank cell None: a cell is filled when not None

    def address(self, r: int, c: int) -> str:
        if self.addresses is not None:
            return self.addresses[r]
        return a1(self.row0 + r, self.col0 + c)

    def text(self, r: int, c: int) -> str | None:
        row = self.rows[r]
        return row[c] if c < len(row) else None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Workbook:
    """Every sheet read from one file, with the file's name for messages and provenance."""

    file_name: str
    sheets: list[Sheet]
    kind: str  # "xlsx", "csv" or "json"
