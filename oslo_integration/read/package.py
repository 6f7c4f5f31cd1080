"""An .xlsx package opened with hard limits, so a small file cannot make the reader allocate without end.

A zip's declared sizes are the sender's word, not a fact: every part we keep is inflated here in
chunks with a cap on the bytes actually produced, and the workbook reader is then handed a new
package built from exactly those bytes. Sheets are found by their content (`<sheetData`), not by
their names, so a part whose name differs in case from the workbook's reference is counted too.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ..errors import InputRefused, Problem
from ..text.numbers import fmt_number

MAX_INFLATED_BYTES = 64 * 1024 * 1024  # every kept part together, as actually inflated
MAX_COMPRESSION_RATIO = 200  # real spreadsheets pack 5–50 times; far more is a bomb, not a table
MAX_ENTRIES = 2_000
MAX_SHEETS = 255
_CHUNK = 1 << 16
_KEPT_SUFFIXES = (".xml", ".rels")
_UNPACK_REFUSED = "Den leses ikke av sikkerhetshensyn. Lagre den på nytt i Excel og prøv igjen."


def _too_much(file_name: str, what: str) -> InputRefused:
    return _refuse(file_name, f"Filen pakkes ut til {what}, som er mistenkelig mye for et regneark. {_UNPACK_REFUSED}")


def _refuse(file_name: str, message: str) -> InputRefused:
    return InputRefused([Problem(file_name, "", "", message)])


@dataclass
class Package:
    """The kept parts of a workbook by their names in the file, and a clean package of only those parts."""

    parts: dict[str, bytes]
    clean: bytes

    def sheet_parts(self) -> dict[str, bytes]:
        """Every part that holds cells, whatever its name or case: found by content, not by reference."""
        return {name: body for name, body in self.parts.items() if b"sheetData" in body}

    def part(self, name: str) -> bytes | None:
        """A part by name, ignoring case (as the workbook readers do)."""
        want = name.lower()
        for key, value in self.parts.items():
            if key.lower() == want:
                return value
        return None


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, file_name: str) -> bytes:
    """A part's bytes, read in chunks and stopped as soon as more than `budget` bytes come out."""
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                if len(out) > budget:
                    raise _too_much(file_name, f"mer enn {fmt_number(MAX_INFLATED_BYTES / 1024 / 1024, 0)} MB")
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        # a CRC error is what a part that inflates to other than its declared size gives
        raise _refuse(
            file_name, f"Filen er skadet: delen «{info.filename[:80]}» kan ikke pakkes ut ({type(exc).__name__})."
        ) from None
    return bytes(out)


def open_package(data: bytes, file_name: str) -> Package:
    """The XML parts of an .xlsx, each inflated under the cap, with every sheet part scanned."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(file_name, "Filen er skadet og kan ikke åpnes som et Excel-regneark (.xlsx).") from None
    if len(infos) > MAX_ENTRIES:
        raise _refuse(file_name, f"Filen har {fmt_number(len(infos), 0)} deler; et regneark har langt færre. {_UNPACK_REFUSED}")
    seen: set[str] = set()
    for info in infos:
        key = info.filename.lower()
        if key in seen:  # two parts with one name: readers disagree on which one counts
            raise _refuse(file_name, f"Filen har delen «{info.filename[:80]}» to ganger. {_UNPACK_REFUSED}")
        seen.add(key)
    if "xl/vbaproject.bin" in seen:
        raise _refuse(file_name, "Regneark med makroer (.xlsm) tas ikke imot. Lagre som .xlsx uten makroer.")
    if "xl/workbook.xml" not in seen:
        raise _refuse(file_name, "Filen er en zip-fil, men ikke et Excel-regneark (.xlsx).")
    parts: dict[str, bytes] = {}
    left = MAX_INFLATED_BYTES
    for info in infos:
        if info.is_dir() or not info.filename.lower().endswith(_KEPT_SUFFIXES):
            continue  # pictures and other binary parts are not needed to read the cells
        body = _inflate(zf, info, left, file_name)
        left -= len(body)
        parts[info.filename] = body
    inflated = MAX_INFLATED_BYTES - left
    if inflated > 16 * 1024 * 1024 and inflated > MAX_COMPRESSION_RATIO * len(data):
        raise _too_much(file_name, f"{fmt_number(inflated / 1024 / 1024, 0)} MB fra {fmt_number(len(data) / 1024, 0)} kB")
    n_sheets = sum(1 for body in parts.values() if b"sheetData" in body)
    if n_sheets > MAX_SHEETS:
        raise _refuse(file_name, f"Filen har {n_sheets} ark. Grensen er {MAX_SHEETS}.")
    clean = io.BytesIO()
    with zipfile.ZipFile(clean, "w", zipfile.ZIP_STORED) as out:  # read once, at once: packing it again would only cost time
        for name, body in parts.items():
            out.writestr(name, body)
    return Package(parts, clean.getvalue())
