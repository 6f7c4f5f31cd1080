"""Where the tables are on a sheet: header row, body rows, columns, titles above, notes below.

Sheets are laid out for a case document, not a database: titles and notes above a table,
footnotes under it, several tables separated by blank rows, headers anywhere near the top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..read.grid import Sheet

_FOOTNOTE_START = re.compile(
    r"^\s*([*¹²³⁴⁵⁶⁷⁸⁹†]|\(\d\)|\d\)|kilde|note|merknad|fotnote|obs|anm|forklaring|tegnforklaring)", re.I
)


@dataclass
class TextLine:
    row: int
    col: int
    text: str


@dataclass
class Table:
    """Grid positions of one table; `columns` are the header's non-empty columns plus the label column."""

    header_row: int
    body_rows: list[int]
    columns: list[int]
    titles: list[TextLine] = field(default_factory=list)  # nearest first
    notes: list[TextLine] = field(default_factory=list)


def _filled(sheet: Sheet, r: int) -> list[int]:
    return [c for c, v in enumerate(sheet.rows[r]) if v is not None and (type(v) is not str or v.strip())]


def find_tables(sheet: Sheet) -> tuple[list[Table], list[TextLine]]:
    """Tables on the sheet and the text lines that belong to none of them (kept as notes)."""
    n = len(sheet.rows)
    filled = [_filled(sheet, r) for r in range(n)]
    tables: list[Table] = []
    loose: list[TextLine] = []
    pending: list[TextLine] = []  # text seen since the last table
    r = 0
    while r < n:
        cells = filled[r]
        if not cells:
            r += 1
            continue
        if len(cells) == 1 and not _single_cell_header(sheet, filled, r):
            pending.append(TextLine(r, cells[0], str(sheet.rows[r][cells[0]]).strip()))
            r += 1
            continue
        header = r
        end = _table_end(filled, r)
        label_col = min(min(filled[i]) for i in range(header, end + 1))
        columns = sorted(set(filled[header]) | {label_col})
        table = Table(header, list(range(header + 1, end + 1)), columns)
        # Text right after the previous table that reads like a footnote belongs to it.
        while pending and tables and _FOOTNOTE_START.match(pending[0].text):
            tables[-1].notes.append(pending.pop(0))
        table.titles = list(reversed(pending))
        pending = []
        tables.append(table)
        r = end + 1
    if tables:
        tables[-1].notes.extend(pending)
    else:
        loose.extend(pending)
    return tables, loose


_LONE_HEADER = re.compile(r"^\s*((19|20)\d\d(\.0+)?\s*[*¹²³]*|antall|verdi|andel|prosent|%)\s*$", re.I)


def _single_cell_header(sheet: Sheet, filled: list[list[int]], r: int) -> bool:
    """A lone year or «Antall» over the value column of the rows below is their header."""
    if r + 1 >= len(filled) or len(filled[r + 1]) < 2:
        return False
    text = str(sheet.rows[r][filled[r][0]])
    return filled[r][0] > min(filled[r + 1]) and bool(_LONE_HEADER.match(text))


def _table_end(filled: list[list[int]], header: int) -> int:
    """Last row of the table: it runs until a blank row, or a lone text cell not in its label column."""
    label_col = min(filled[header + 1]) if header + 1 < len(filled) and filled[header + 1] else min(filled[header])
    label_col = min(label_col, min(filled[header]))
    end = header
    r = header + 1
    while r < len(filled):
        cells = filled[r]
        if not cells:
            break
        if len(cells) == 1:
            continues = r + 1 < len(filled) and len(filled[r + 1]) >= 2
            if not (cells[0] == label_col and continues):
                break
        end = r
        r += 1
    return end
