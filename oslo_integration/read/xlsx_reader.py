"""Excel workbooks read with fastexcel (Rust/calamine), plus what it does not tell us.

fastexcel gives cell values fast but not number formats, so percent-formatted cells and
formulas without a cached value are found by a light scan of the sheet XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

import polars as pl

from ..errors import InputRefused, Problem
from .grid import Sheet, Workbook
from .limits import check_cells
from .sniff import describe

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_BUILTIN_PERCENT = {9, 10}
_CELL_TAG = re.compile(rb"<c\b([^>]*?)(/?)>")
_ATTR_R = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_ATTR_S = re.compile(rb'\bs="([0-9]+)"')
_FORMULA_NO_VALUE = re.compile(
    rb'<c\b[^>]*\br="([A-Z]+[0-9]+)"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


def _refuse(file_name: str, message: str) -> InputRefused:
    return InputRefused([Problem(file_name, "", "", message)])


def _open_zip(data: bytes, file_name: str) -> zipfile.ZipFile:
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
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except zipfile.BadZipFile:
        raise _refuse(file_name, "Filen er skadet og kan ikke åpnes som et Excel-regneark (.xlsx).") from None
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
        raise _refuse(
            file_name,
            f"Filen pakkes ut til {total / 1e6:.0f} MB, som er mistenkelig mye for et regneark. "
            "Den leses ikke av sikkerhetshensyn.",
        )
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise _refuse(file_name, "Filen er en zip-fil, men ikke et Excel-regneark (.xlsx).")
    if "xl/vbaProject.bin" in names:
        raise _refuse(file_name, "Regneark med makroer (.xlsm) tas ikke imot. Lagre som .xlsx uten makroer.")
    return zf


def _percent_styles(zf: zipfile.ZipFile) -> set[int]:
    """Indexes into cellXfs whose number format shows the value as a percentage."""
    try:
        root = ElementTree.fromstring(zf.read("xl/styles.xml"))
    except KeyError:
        return set()
    custom = {
        int(nf.get("numFmtId", "-1"))
        for nf in root.iterfind("m:numFmts/m:numFmt", _NS)
        if "%" in re.sub(r'"[^"]*"', "", nf.get("formatCode", ""))
    }
    percent_ids = _BUILTIN_PERCENT | custom
    return {i for i, xf in enumerate(root.iterfind("m:cellXfs/m:xf", _NS)) if int(xf.get("numFmtId", "0")) in percent_ids}


def _sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the package."""
    wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iterfind("rel:Relationship", _NS)}
    out = {}
    for s in wb.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(s.get(f"{{{_NS['r']}}}id"), "")
        target = target.lstrip("/")
        out[s.get("name", "")] = target if target.startswith("xl/") else f"xl/{target}"
    return out


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def _scan_sheet_xml(xml: bytes, percent_styles: set[int]) -> tuple[set[tuple[int, int]], list[str], int]:
    """(row, col) of percent-formatted cells, addresses of formulas with no cached value, and filled cells."""
    percent: set[tuple[int, int]] = set()
    filled = xml.count(b"</c>")  # a cell with content closes with </c>; <c .../> is only formatting
    if percent_styles:
        for m in _CELL_TAG.finditer(xml):
            attrs = m.group(1)
            s = _ATTR_S.search(attrs)
            if s and int(s.group(1)) in percent_styles:
                r = _ATTR_R.search(attrs)
                if r:
                    percent.add((int(r.group(2)) - 1, _col_index(r.group(1))))
    no_value = [m.group(1).decode() for m in _FORMULA_NO_VALUE.finditer(xml)] if b"<f" in xml else []
    return percent, no_value, filled


def _rows(frame: pl.DataFrame) -> list[list[str | None]]:
    """Cell texts row by row; cells holding only spaces count as empty (done once, column-wise)."""
    cleaned = frame.select(pl.when(pl.col(c).str.strip_chars() != "").then(pl.col(c)).alias(c) for c in frame.columns)
    return [list(r) for r in cleaned.rows()]


def read_xlsx(data: bytes, file_name: str) -> Workbook:
    zf = _open_zip(data, file_name)
    percent_styles = _percent_styles(zf)
    paths = _sheet_paths(zf)
    # the XML is scanned first, so an oversized sheet is refused before its cells are read
    scans = {name: _scan_sheet_xml(zf.read(path), percent_styles) for name, path in paths.items() if path in zf.namelist()}
    check_cells(sum(scan[2] for scan in scans.values()), file_name)
    import fastexcel  # only reading a workbook needs it, not showing the pages

    try:
        reader = fastexcel.read_excel(data)
    except Exception as exc:  # calamine reports many shapes of broken files
        raise _refuse(file_name, f"Regnearket kan ikke leses ({type(exc).__name__}). Er filen skadet?") from None
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    for name in reader.sheet_names:
        percent_abs, no_value, _ = scans.get(name, (set(), [], 0))
        for addr in no_value:
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
        rows = _rows(sheet.to_polars()) if cols else []
        percent = frozenset((r, c - col0) for r, c in percent_abs)
        sheets.append(Sheet(name, rows, 0, col0, percent, visible=str(sheet.visible) == "visible"))
    if problems:
        raise InputRefused(problems)
    return Workbook(file_name, sheets, "xlsx")
