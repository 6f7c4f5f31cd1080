"""What a sheet's XML holds, read from the XML itself before any cell is loaded.

The workbook reader allocates a grid from the first to the last cell, so one cell at `XFD1048576`
costs billions of slots. Here the real extent is taken from every row and cell tag (never from
`<dimension>`, which is only the sender's word), along with the filled cells, the percent-formatted
cells and the formulas without a stored result, in one linear pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# a row or cell tag, with or without a namespace prefix (<row …>, <c …>, <x:c …/>)
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*)>")
_ATTR_R = re.compile(rb'\br\s*=\s*["\']([A-Za-z]*)([0-9]*)["\']')
_ATTR_S = re.compile(rb'\bs\s*=\s*["\']([0-9]+)["\']')
_FORMULA_NO_VALUE = re.compile(
    rb'<c\b[^>]*\br="([A-Z]+[0-9]+)"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)
_MAX_LETTERS = 3  # XFD is the last column Excel has


def col_index(letters: bytes) -> int:
    """0-based column of `A`, `AB`, … (upper or lower case)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n - 1


@dataclass
class SheetScan:
    rows: int = 0  # 1 + the last row index used (0 for an empty sheet)
    cols: int = 0  # 1 + the last column index used
    filled: int = 0  # cells with content (a self-closing <c/> is only formatting)
    percent: set[tuple[int, int]] = field(default_factory=set)
    no_value: list[str] = field(default_factory=list)  # formulas without a stored result
    stopped: bool = False  # more filled cells than the budget: the scan stopped early

    @property
    def area(self) -> int:
        return self.rows * self.cols


_PREFIXED_CELL_END = re.compile(rb"</[A-Za-z_][\w.-]*:c>")


def count_filled(xml: bytes) -> int:
    """Filled cells, counted in C: a cell with content closes with </c> (or </x:c>); <c …/> is only formatting."""
    n = xml.count(b"</c>")
    if b":c>" in xml:
        n += sum(1 for _ in _PREFIXED_CELL_END.finditer(xml))
    return n


_PREFIXED_TAG = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|row)\b")
_RARE_CELL = re.compile(rb"<c[>/\t\n]")  # <c>, <c/>, and a tab or line break after the name
_RARE_ROW = re.compile(rb"<row[>/\n]")


def count_tags(xml: bytes) -> tuple[int, int]:
    """(cell tags, row tags), empty ones included, counted in C (a prefixed form only when there is one)."""
    # the usual form by count; the rare ones are counted only when a search finds one (nine passes over every
    # sheet were a tenth of reading; a list of matches could be millions long in a hostile file)
    cells = xml.count(b"<c ")
    if _RARE_CELL.search(xml):
        cells += xml.count(b"<c>") + xml.count(b"<c/") + xml.count(b"<c\t") + xml.count(b"<c\n")
    rows = xml.count(b"<row ")
    if _RARE_ROW.search(xml):
        rows += xml.count(b"<row>") + xml.count(b"<row/") + xml.count(b"<row\n")
    if b":c " in xml or b":row" in xml:
        for m in _PREFIXED_TAG.finditer(xml):
            if m.group(0).endswith(b"row"):
                rows += 1
            else:
                cells += 1
    return cells, rows


# The shape every spreadsheet program writes: each row and cell tag unprefixed and starting with its address.
_ROW_REF = re.compile(rb'<row r="([0-9]{1,7})"')
_CELL_LETTERS = re.compile(rb'<c r="([A-Za-z]+)[0-9]')
_CELL_ROW = re.compile(rb'<c r="[A-Za-z]+([0-9]{1,7})"')


def scan_sheet(
    xml: bytes,
    percent_styles: set[int] | frozenset[int] = frozenset(),
    cell_budget: int | None = None,
    tags: tuple[int, int] | None = None,
    filled: int | None = None,
) -> SheetScan:
    """The sheet's extent, filled cells, percent cells and formulas without a result.

    Sheets in the shape spreadsheet programs write are scanned by whole-body regular expressions (in C);
    any other shape, or more filled cells than `cell_budget`, goes through the tag-by-tag pass.
    `tags` is count_tags(xml) and `filled` count_filled(xml) when the caller has them already.
    """
    filled = count_filled(xml) if filled is None else filled
    found = _scan_addressed(xml, percent_styles, cell_budget, tags or count_tags(xml), filled)
    return found or _scan_tags(xml, percent_styles, cell_budget)


def _scan_addressed(
    xml: bytes, percent_styles: set[int] | frozenset[int], cell_budget: int | None, tags: tuple[int, int], filled: int
) -> SheetScan | None:
    """The fast scan, or None when a tag lacks its leading address (the general pass then decides)."""
    cells, rows = tags
    if cell_budget is not None and filled > cell_budget:
        return None
    row_refs = _ROW_REF.findall(xml)
    letters = _CELL_LETTERS.findall(xml)
    if len(row_refs) != rows or len(letters) != cells:
        return None
    cell_rows = _CELL_ROW.findall(xml)
    if len(cell_rows) != cells:  # an address of more than 7 digits: the general pass reports it
        return None
    out = SheetScan(filled=filled)
    last_row = max(map(int, row_refs), default=0)
    if letters:
        last_row = max(last_row, max(map(int, cell_rows)))
        widest = max(set(letters), key=lambda t: (len(t), t.upper()))
        out.cols = (1 << 20 if len(widest) > _MAX_LETTERS else col_index(widest)) + 1
    out.rows = last_row
    used = [n for n in percent_styles if b's="%d"' % n in xml]
    if used:
        styled = re.compile(rb'<c r="([A-Za-z]+)([0-9]{1,7})"[^>]*?\bs="(?:' + b"|".join(b"%d" % n for n in used) + rb')"')
        out.percent = {(int(m.group(2)) - 1, col_index(m.group(1))) for m in styled.finditer(xml)}
    if b"<f" in xml:
        out.no_value = [m.group(1).decode() for m in _FORMULA_NO_VALUE.finditer(xml)]
    return out


def _scan_tags(xml: bytes, percent_styles: set[int] | frozenset[int] = frozenset(), cell_budget: int | None = None) -> SheetScan:
    """One pass over the row and cell tags; stops once more than `cell_budget` filled cells are seen."""
    out = SheetScan()
    row, col = -1, -1
    for m in _TAG.finditer(xml):
        attrs = m.group(2)
        ref = _ATTR_R.search(attrs)
        if m.group(1) == b"row":
            row = int(ref.group(2)) - 1 if ref and ref.group(2) and not ref.group(1) else row + 1
            col = -1
            out.rows = max(out.rows, row + 1)
            continue
        if ref and ref.group(1) and ref.group(2):
            # more letters than XFD is beyond any real sheet: the extent check refuses it
            col = 1 << 20 if len(ref.group(1)) > _MAX_LETTERS else col_index(ref.group(1))
            row = int(ref.group(2)) - 1
        else:
            col += 1
            row = max(row, 0)
        out.rows = max(out.rows, row + 1)
        out.cols = max(out.cols, col + 1)
        if not attrs.endswith(b"/"):
            out.filled += 1
            if cell_budget is not None and out.filled > cell_budget:
                out.stopped = True
                return out
        if percent_styles:
            s = _ATTR_S.search(attrs)
            if s and int(s.group(1)) in percent_styles:
                out.percent.add((row, col))
    if b"<f" in xml:
        out.no_value = [m.group(1).decode() for m in _FORMULA_NO_VALUE.finditer(xml)]
    return out
