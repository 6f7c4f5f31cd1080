"""CSV files as bydeler send them: UTF-8 (with or without BOM) or Windows-1252, `;` or `,`."""

from __future__ import annotations

import csv
import io
import re

from ..errors import InputRefused, Problem
from .grid import Sheet, Workbook, a1
from .limits import check_cells

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
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    best, best_score = ",", -1.0
    for delim in _DELIMITERS:
        widths = [len(r) for r in csv.reader(lines, delimiter=delim)]
        multi = [w for w in widths if w > 1]
        if not multi:
            continue
        common = max(set(multi), key=multi.count)
        score = multi.count(common) * 1000 + common
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv(data: bytes, file_name: str) -> Workbook:
    text = decode(data, file_name)
    delim = sniff_delimiter(text)
    rows: list[list[str | None]] = []
    for record in csv.reader(io.StringIO(text, newline=""), delimiter=delim):
        rows.append([cell if cell.strip() else None for cell in record])
    check_cells(sum(1 for row in rows for cell in row if cell is not None), file_name)
    _check_text(rows, file_name)
    return Workbook(file_name, [Sheet(name="", rows=rows)], "csv")
