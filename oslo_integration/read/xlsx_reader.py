"""Excel workbooks read with fastexcel (Rust/calamine), plus what it does not tell us.

fastexcel gives cell values fast but not number formats, so percent-formatted cells and
formulas without a cached value are found by a light scan of the sheet XML.
"""

from __future__ import annotations

import posixpath
import re

import polars as pl

from ..errors import InputRefused, Problem
from ..text.numbers import fmt_number
from .grid import Sheet, Workbook, a1
from .limits import MAX_AREA, MAX_CELL_CHARS, MAX_ROWS, check_cells, check_extent, max_cells
from .package import Package, open_package
from .sheet_scan import SheetScan, col_index, count_filled, count_tags, scan_sheet
from .sniff import describe
from .xml_stream import TooManyElements, elements

_BUILTIN_PERCENT = {9, 10}


def _refuse(file_name: str, message: str) -> InputRefused:
    return InputRefused([Problem(file_name, "", "", message)])


def _open(data: bytes, file_name: str) -> Package:
    what = describe(data)
    if what:
        raise _refuse(
            file_name,
            f"Filen heter .xlsx, men er {what}. Den har trolig fått feil filendelse. "
            "Godtatte formater er .xlsx og .csv (Excel-arbeidsbok eller kommadelt tekst).",
        )
    if not data.startswith(b"PK"):
        raise _refuse(
            file_name,
            "Filen er ikke et gyldig Excel-regneark (.xlsx). Kanskje den har fått feil filendelse? "
            "Lagre den på nytt som .xlsx eller .csv.",
        )
    return open_package(data, file_name)


def _percent_styles(package: Package) -> set[int]:
    """Indexes into cellXfs whose number format shows the value as a percentage."""
    styles = package.part("xl/styles.xml")
    if styles is None:
        return set()
    found = elements(styles, {("numFmts", "numFmt"), ("cellXfs", "xf")})
    custom = {
        _int(attrs.get("numFmtId"), -1)
        for local, attrs in found
        if local == "numFmt" and "%" in re.sub(r'"[^"]*"', "", attrs.get("formatCode", ""))
    }
    percent_ids = _BUILTIN_PERCENT | custom
    xfs = [attrs for local, attrs in found if local == "xf"]
    return {i for i, attrs in enumerate(xfs) if _int(attrs.get("numFmtId"), 0) in percent_ids}


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _sheet_parts(package: Package) -> dict[str, str]:
    """Sheet name -> the lower-cased path of its XML part (paths are matched without regard to case)."""
    workbook, rels = package.part("xl/workbook.xml"), package.part("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return {}
    targets = {a.get("Id"): a.get("Target", "") for _, a in elements(rels, {("Relationships", "Relationship")})}
    out = {}
    for _, sheet in elements(workbook, {("sheets", "sheet")}):
        target = targets.get(sheet.get("id"), "")
        path = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target))
        out[sheet.get("name", "")] = path.lower()
    return out


def _scan(package: Package, file_name: str, sheet_names: dict[str, str]) -> dict[str, SheetScan]:
    """Every sheet part scanned (lower-cased path -> scan), refused if a sheet is too large, before any cell is read.

    `sheet_names` maps a sheet's lower-cased part path to its name, for the messages.
    """
    sheet_parts = package.sheet_parts()
    filled = {part: count_filled(body) for part, body in sheet_parts.items()}  # counted once, used twice
    check_cells(sum(filled.values()), file_name)
    counted = {part: count_tags(body) for part, body in sheet_parts.items()}
    for part, (tags, rows) in counted.items():  # counted in C first, so the scan below never loops over millions of tags
        if tags > MAX_AREA or rows > MAX_ROWS:
            raise _refuse(
                file_name,
                f"Arket «{part.rsplit('/', 1)[-1]}» har {fmt_number(tags, 0)} celler og {fmt_number(rows, 0)} rader i filen "
                f"(også tomme med formatering). Grensen er {fmt_number(MAX_AREA, 0)} celler og {fmt_number(MAX_ROWS, 0)} "
                "rader. Slett tomme rader og kolonner etter tabellen, eller kopier tabellen til et nytt ark.",
            )
    try:
        percent_styles = _percent_styles(package)
    except TooManyElements:
        raise _refuse(file_name, "Filen har flere celleformater enn noe regneark trenger. Lagre den på nytt i Excel.") from None
    budget = max_cells()
    scans: dict[str, SheetScan] = {}
    for part, body in sheet_parts.items():
        scan = scan_sheet(body, percent_styles, budget, counted[part], filled[part])
        budget -= scan.filled
        check_extent(
            scan.rows, scan.cols, a1(max(scan.rows - 1, 0), max(scan.cols - 1, 0)), file_name, sheet_names.get(part.lower(), part)
        )
        if scan.stopped or budget < 0:  # a cell the count above did not see
            check_cells(max_cells() - budget, file_name, more=scan.stopped)
        scans[part.lower()] = scan
    return scans


# Unicode's White_Space, what Rust's str::trim and so Polars' str.strip_chars() take away. Python's own
# str.strip() takes more (the separators U+001C–U+001F), so it is not used: a cell of those stays filled.
BLANK = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def rows_of(frame: pl.DataFrame) -> list[list[str | None]]:
    """Cell texts row by row; cells holding only spaces count as empty, long texts are cut.

    Column by column in Python: a Polars query costs about half a millisecond however small the sheet,
    which was a tenth of reading a typical workbook, and the texts are made into Python strings anyway.
    """
    columns = [
        [None if v is None or not v.strip(BLANK) else v[:MAX_CELL_CHARS] for v in column.to_list()]
        for column in frame.iter_columns()
    ]
    return list(map(list, zip(*columns, strict=True)))


_MERGE = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*\bref\s*=\s*["\']([A-Za-z]{1,3})([0-9]{1,7}):([A-Za-z]{1,3})([0-9]{1,7})["\']'
)
MAX_MERGES = 10_000


def merged_ranges(body: bytes) -> list[tuple[int, int, int, int]]:
    """(first row, first col, last row, last col), 0-based, of the sheet's merged cells (at most MAX_MERGES)."""
    out = []
    for m in _MERGE.finditer(body):
        r1, r2 = int(m.group(2)) - 1, int(m.group(4)) - 1
        c1, c2 = col_index(m.group(1)), col_index(m.group(3))
        out.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
        if len(out) >= MAX_MERGES:
            break
    return out


def _spread_merged(rows: list[list[str | None]], merges: list[tuple[int, int, int, int]], col0: int) -> None:
    """A merged cell's text belongs to every cell it covers («2023» over Antall | Prosent, a bydel over its rows).

    Only texts and years spread: a merged figure stays in its one cell, so it is never counted twice.
    Cells are filled within the grid that was read (whose size the scan has already bounded).
    """
    for r1, c1, r2, c2 in merges:
        c1, c2 = c1 - col0, c2 - col0
        if r1 >= len(rows) or c1 < 0 or c1 >= len(rows[r1]):
            continue
        value = rows[r1][c1]
        if value is None or not _spreads(value) or _alone(rows, r1, r2, c1, c2):
            continue
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c1, min(c2, len(row) - 1) + 1):
                if row[c] is None:
                    row[c] = value


def _alone(rows: list[list[str | None]], r1: int, r2: int, c1: int, c2: int) -> bool:
    """A merged cell with nothing else in its rows is a title over the table, not a header: it stays one cell."""
    for r in range(r1, min(r2, len(rows) - 1) + 1):
        if any(v is not None for c, v in enumerate(rows[r]) if c < c1 or c > c2):
            return False
    return True


def _spreads(value: str) -> bool:
    t = value.strip()
    if re.fullmatch(r"(19|20)\d\d(\.0+)?", t):
        return True
    return not re.fullmatch(r"[-+−]?[\d\s.,%]+", t)


def checked_package(data: bytes, file_name: str) -> tuple[Package, dict[str, str], dict[str, SheetScan]]:
    """The package opened under its limits, its sheets' parts and every sheet scanned: all a hostile file
    is checked for before a single cell is read (refused with a message otherwise)."""
    package = _open(data, file_name)
    try:
        parts = _sheet_parts(package)
    except TooManyElements:
        raise _refuse(file_name, "Arbeidsboken lister flere ark enn noe regneark har. Lagre den på nytt i Excel.") from None
    return package, parts, _scan(package, file_name, {part: name for name, part in parts.items()})


def read_xlsx(data: bytes, file_name: str) -> Workbook:
    package, parts, scans = checked_package(data, file_name)
    import fastexcel  # only reading a workbook needs it, not showing the pages

    try:
        reader = fastexcel.read_excel(package.clean)
    except Exception as exc:  # calamine reports many shapes of broken files
        raise _refuse(file_name, f"Regnearket kan ikke leses ({type(exc).__name__}). Er filen skadet?") from None
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    for name in reader.sheet_names:
        scan = scans.get(parts.get(name, ""), SheetScan())
        for addr in scan.no_value:
            problems.append(
                Problem(
                    file_name,
                    name,
                    addr,
                    "Cellen har en formel uten lagret resultat. Åpne filen i Excel, lagre den på nytt "
                    "(så blir resultatet lagret) eller lim inn verdiene som tall.",
                )
            )
        sheet = reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
        cols = sheet.available_columns()
        col0 = cols[0].absolute_index if cols else 0
        rows = rows_of(sheet.to_polars()) if cols else []
        body = package.part(parts.get(name, "")) or b"" if name in parts else b""
        if b"mergeCell" in body:
            _spread_merged(rows, merged_ranges(body), col0)
        percent = frozenset((r, c - col0) for r, c in scan.percent)
        visible = str(sheet.visible) == "visible"
        sheets.append(Sheet(name, rows, 0, col0, percent, visible=visible, blanks_are_none=True))  # see rows_of
    if problems:
        raise InputRefused(problems)
    return Workbook(file_name, sheets, "xlsx")
