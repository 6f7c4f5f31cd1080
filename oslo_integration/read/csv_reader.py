"""CSV files as bydeler send them: UTF-8 (with or without BOM) or Windows-1252, `;` or `,`."""

from __future__ import annotations

import csv
import io

from ..errors import InputRefused, Problem
from .grid import Sheet, Workbook

_DELIMITERS = (";", ",", "\t")


def decode(data: bytes, file_name: str) -> str:
    """Text of a CSV file; a BOM means UTF-8, else UTF-8 if it decodes, else Windows-1252."""
    if b"\x00" in data[:4096]:
        raise InputRefused(
            [Problem(file_name, "", "", "Filen er ikke en tekstfil (CSV). Lagre den som .csv eller .xlsx og prøv igjen.")]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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
    return Workbook(file_name, [Sheet(name="", rows=rows)], "csv")
