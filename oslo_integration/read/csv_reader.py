"""CSV files as bydeler send them: UTF-8 (with or without BOM) or Windows-1252, `;` or `,`."""

from __future__ import annotations

import csv
import io
import re

from ..errors import InputRefused, Problem
from .grid import Sheet, Workbook, a1
from .limits import MAX_AREA, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, check_cells, check_extent, max_cells

_DELIMITERS = (";", ",", "\t")


_SAVE_AS_UTF8 = "Lagre filen på nytt som «CSV UTF-8 (kommadelt)» i Excel, eller som .xlsx."
# UTF-8 text that was once read as Windows-1252 and saved again: «Ã¸» for «ø», «Ã¥» for «å» …
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a\u20ac\u2122]|Â[\u00a0-\u00bf]")


def _refuse(file_name: str, message: str, cell: str = "") -> InputRefused:
    return InputRefused([Problem(file_name, "", cell, message)])


def decode(data: bytes, file_name: str) -> str:
    """Text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _refuse(file_name, f"Filen sier den er UTF-16, men teksten kan ikke leses slik. {_SAVE_AS_UTF8}") from None
    if b"\x00" in data[:4096]:
        raise _refuse(file_name, "Filen er ikke en tekstfil (CSV). Lagre den som .csv eller .xlsx og prøv igjen.")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            raise _refuse(
                file_name, f"Filen sier den er UTF-8, men har ugyldige tegn (byte {exc.start + 3}). {_SAVE_AS_UTF8}"
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _refuse(
            file_name, f"Tegnkodingen i filen kan ikke gjenkjennes (ukjent tegn ved byte {exc.start}). {_SAVE_AS_UTF8}"
        ) from None


def _check_text(rows: list[list[str | None]], file_name: str) -> None:
    """Refuse text that was garbled by a wrong encoding on the way, naming the first cell it shows in."""
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell and ("\ufffd" in cell or _MOJIBAKE.search(cell)):
                raise _refuse(
                    file_name,
                    f"Teksten «{cell.strip()[:40]}» ser ut til å ha feil tegnkoding (for eksempel «Ã¸» i stedet for «ø»). "
                    + _SAVE_AS_UTF8,
                    a1(r, c),
                )


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into more than one column."""
    end = -1
    for _ in range(30):  # the first 30 lines, found without splitting the whole text
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    lines = [ln for ln in text[:end].splitlines() if ln.strip()]
    best, best_score = ",", -1.0
    for delim in _DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delim)]
        except csv.Error:  # a field over csv's limit with this delimiter: not the one
            continue
        multi = [w for w in widths if w > 1]
        if not multi:
            continue
        common = max(set(multi), key=multi.count)
        score = multi.count(common) * 1000 + common
        if score > best_score:
            best, best_score = delim, score
    return best


def _cell(text: str) -> str | None:
    return (text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS]) if text.strip() else None


def read_csv(data: bytes, file_name: str) -> Workbook:
    """The file's rows, refused as soon as it is longer, wider or fuller than a table can be (never read whole first)."""
    text = decode(data, file_name)
    delim = sniff_delimiter(text)
    rows: list[list[str | None]] = []
    filled, limit, widest = 0, max_cells(), 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        for record in reader:
            widest = max(widest, len(record))
            if len(rows) >= MAX_ROWS or widest > MAX_COLUMNS or (len(rows) + 1) * widest > MAX_AREA:
                check_extent(len(rows) + 1, widest, a1(len(rows), widest - 1), file_name, "")
            row = [_cell(cell) for cell in record]
            filled += sum(1 for cell in row if cell is not None)
            if filled > limit:
                check_cells(filled, file_name, more=True)
            rows.append(row)
    except csv.Error as exc:
        raise _refuse(file_name, f"Linje {reader.line_num} kan ikke leses som CSV ({exc}).", a1(len(rows), 0)) from None
    del text
    _check_text(rows, file_name)
    return Workbook(file_name, [Sheet(name="", rows=rows)], "csv")
