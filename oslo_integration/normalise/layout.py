"""Where the tables are on a sheet: header rows, body rows, columns, titles above, notes below.

Sheets are laid out for a case document, not a database: titles and notes above a table,
footnotes under it, several tables separated by blank rows, headers anywhere near the top, and
headers stacked in several rows («År» over the years, «Introduksjonsprogrammet» over three
columns, a bydel over its years). A column's meaning is the path of every header above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..read.grid import Sheet
from .keys import DIMENSION_HEADERS, parse_year

_FOOTNOTE_START = re.compile(
    r"^\s*([*¹²³⁴⁵⁶⁷⁸⁹†]|\(\d\)|\d\)|kilde|note|merknad|fotnote|obs|anm|forklaring|tegnforklaring)", re.I
)
_NUMBER = re.compile(r"^[-+−]?\s*\d[\d\s\u00a0\u202f.,']*\s*%?\s*[*¹²³⁴⁵⁶⁷⁸⁹†]*$")
_SYMBOLS = {"-", ":", ".", "..", "…", "*", "x", "–", "—"}
MAX_HEADER_ROWS = 4


@dataclass
class TextLine:
    row: int
    col: int
    text: str


@dataclass(frozen=True)
class HeaderCell:
    """One header text in a column's path, and the cell it was written in (a group header's own cell)."""

    row: int
    col: int
    text: str


@dataclass
class Table:
    """Grid positions of one table; `columns` are the header's non-empty columns plus the label column."""

    header_row: int  # the lowest header row
    body_rows: list[int]
    columns: list[int]
    titles: list[TextLine] = field(default_factory=list)  # nearest first
    notes: list[TextLine] = field(default_factory=list)
    header_rows: list[int] = field(default_factory=list)  # top to bottom
    paths: dict[int, list[HeaderCell]] = field(default_factory=dict)  # column -> its headers, top to bottom

    def path(self, col: int) -> list[HeaderCell]:
        return self.paths.get(col, [])


def cell_kind(text: object) -> str:
    """«empty», «year», «number», «symbol» or «text»: enough to tell a header row from a row of figures."""
    if text is None:
        return "empty"
    t = str(text).strip()
    if not t:
        return "empty"
    if parse_year(t):
        return "year"
    if t in _SYMBOLS:
        return "symbol"
    if _NUMBER.match(t):
        return "number"
    return "text"


def _filled(sheet: Sheet, r: int) -> list[int]:
    return [c for c, v in enumerate(sheet.rows[r]) if v is not None and (type(v) is not str or v.strip())]


def filled_columns(sheet: Sheet) -> list[list[int]]:
    """Each row's filled columns (read, never changed: rows with every cell filled share one list).

    When the reader has made blanks None, a full row is told by one test in C instead of a look at every cell.
    """
    if not sheet.blanks_are_none:
        return [_filled(sheet, r) for r in range(len(sheet.rows))]
    full: dict[int, list[int]] = {}
    out = []
    for row in sheet.rows:
        if None in row:
            out.append([c for c, v in enumerate(row) if v is not None])
        else:
            out.append(full.get(len(row)) or full.setdefault(len(row), list(range(len(row)))))
    return out


def find_tables(sheet: Sheet) -> tuple[list[Table], list[TextLine]]:
    """Tables on the sheet and the text lines that belong to none of them (kept as notes)."""
    n = len(sheet.rows)
    filled = filled_columns(sheet)
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
        headers = _header_rows(sheet, filled, r)
        end = _table_end(sheet, filled, headers[-1])
        label_col = min(min(filled[i]) for i in range(r, end + 1) if filled[i])
        table = Table(headers[-1], [i for i in range(headers[-1] + 1, end + 1) if filled[i]], [], header_rows=headers)
        table.paths = _paths(sheet, filled, headers, label_col)
        first_value = min(table.paths, default=label_col)
        unheaded_labels = {c for i in table.body_rows for c in filled[i] if label_col < c < first_value}
        table.columns = sorted(set(table.paths) | {label_col} | unheaded_labels)
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
    """A lone year or «Antall» over the value column, or a group header over a header row, is a header."""
    if r + 1 >= len(filled) or len(filled[r + 1]) < 2:
        return False
    text = str(sheet.rows[r][filled[r][0]])
    if filled[r][0] <= min(filled[r + 1]):
        return False
    return bool(_LONE_HEADER.match(text)) or _headerish(sheet, filled, r + 1, min(filled[r + 1]))


def _headerish(sheet: Sheet, filled: list[list[int]], r: int, label_col: int) -> bool:
    """A row of header texts: no figures, and its label cell (if any) is a header word like «Bydel» or «Land»."""
    cells = filled[r]
    if not cells:
        return False
    beyond = [c for c in cells if c > label_col]
    if not beyond:
        return False
    kinds = [cell_kind(sheet.rows[r][c]) for c in beyond]
    if any(k in ("number", "symbol") for k in kinds):
        return False
    first = min(cells)
    if first <= label_col:
        head = str(sheet.rows[r][first]).strip()
        from ..vocab import fold

        if fold(head) not in DIMENSION_HEADERS:
            return False
    return True


def _header_rows(sheet: Sheet, filled: list[list[int]], start: int) -> list[int]:
    """The first row of a table and the header rows stacked under it (up to MAX_HEADER_ROWS)."""
    rows = [start]
    nearby = [min(filled[i]) for i in range(start, min(len(filled), start + MAX_HEADER_ROWS + 3)) if filled[i]]
    label_col = min(nearby)
    r = start + 1
    while r < len(filled) and len(rows) < MAX_HEADER_ROWS and _headerish(sheet, filled, r, label_col):
        # a row of years under a row of years is data (counts that look like years), not another header
        if r + 1 >= len(filled) or not filled[r + 1]:
            break
        rows.append(r)
        r += 1
    return rows


def _paths(sheet: Sheet, filled: list[list[int]], headers: list[int], label_col: int) -> dict[int, list[HeaderCell]]:
    """Each column's header texts, top to bottom.

    A header above the lowest row covers the empty cells to its right until the next header in
    its row (a group header written once over the columns it spans, merged or not); it never
    spreads over the label column or over a column whose lowest header names a dimension.
    """
    bottom = headers[-1]
    last_col = max(max(filled[h]) for h in headers if filled[h])
    dimension_cols = {c for c in filled[bottom] if DIMENSION_HEADERS.get(_fold(sheet.rows[bottom][c])) not in (None, "value")}
    paths: dict[int, list[HeaderCell]] = {}
    for h in headers:
        spanning: HeaderCell | None = None
        for c in range(0, last_col + 1):
            text = sheet.text(h, c)
            if text is not None and str(text).strip():
                cell = HeaderCell(h, c, str(text).strip())
                paths.setdefault(c, []).append(cell)
                spanning = cell if (h != bottom and c > label_col and c not in dimension_cols) else None
            elif spanning is not None and c not in dimension_cols:
                paths.setdefault(c, []).append(spanning)
    return paths


def _fold(text: object) -> str:
    from ..vocab import fold

    return fold(str(text)) if text is not None else ""


def _table_end(sheet: Sheet, filled: list[list[int]], header: int) -> int:
    """Last row of the table.

    It runs until a lone text cell not in its label column, or a blank row after which no row of
    figures in the same columns follows (a table continues across blank rows while its columns line
    up; a title, a footnote or a new header row starts something else).
    """
    label_col = min(filled[header + 1]) if header + 1 < len(filled) and filled[header + 1] else min(filled[header])
    label_col = min(label_col, min(filled[header]))
    columns = set(filled[header]) | {label_col}
    end = header
    r = header + 1
    while r < len(filled):
        cells = filled[r]
        if not cells:
            nxt = r + 1
            while nxt < len(filled) and not filled[nxt]:
                nxt += 1
            if nxt < len(filled) and end > header and _continues(sheet, filled[nxt], nxt, label_col, columns):
                r = nxt
                continue
            break
        if len(cells) == 1:
            continues = r + 1 < len(filled) and len(filled[r + 1]) >= 2
            if not (cells[0] == label_col and continues):
                break
        end = r
        r += 1
    return end


def _continues(sheet: Sheet, cells: list[int], r: int, label_col: int, columns: set[int]) -> bool:
    """A row after a blank gap still belongs to the table: a label and figures in the table's own columns."""
    if len(cells) < 2 or min(cells) != label_col or not set(cells) <= columns:
        return False
    kinds = [cell_kind(sheet.rows[r][c]) for c in cells if c != label_col]
    return any(k in ("number", "symbol") for k in kinds) and cell_kind(sheet.rows[r][label_col]) in ("text", "year")
