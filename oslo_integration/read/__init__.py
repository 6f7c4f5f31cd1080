"""Readers: any accepted file becomes a Workbook of cell grids with their addresses."""

from __future__ import annotations

from itertools import chain
from pathlib import Path

from ..errors import InputRefused, Problem
from ..text.untrusted import clean_cell_text, clean_name, has_nul
from .csv_reader import read_csv
from .grid import Sheet, Workbook, a1, column_letter
from .jsonstat import read_jsonstat
from .limits import MAX_PROBLEMS_SHOWN, check_size
from .sniff import describe
from .xlsx_reader import read_xlsx

ACCEPTED = (".xlsx", ".csv", ".json")
ACCEPTED_TEXT = "Godtatte formater er .xlsx, .csv og .json (Excel-arbeidsbok, kommadelt tekst, JSON-stat fra SSB)."
_REFUSED_FORMATS = {
    ".xls": "det gamle Excel-formatet (.xls)",
    ".xlsm": "Excel med makroer (.xlsm)",
    ".xlsb": "binært Excel-format (.xlsb)",
    ".ods": "OpenDocument-regneark (.ods)",
    ".numbers": "Numbers-regneark",
}

__all__ = ["ACCEPTED", "Sheet", "Workbook", "a1", "column_letter", "read_bytes", "read_path"]


def read_bytes(data: bytes, file_name: str) -> Workbook:
    """Read an uploaded or local file by its name's extension, refusing other formats clearly.

    The name is cleaned first (it travels into messages, the store and every download), and every
    cell's text after: a NUL is refused with its cell (PostgreSQL cannot store it), other control
    characters become spaces.
    """
    file_name = clean_name(file_name)
    check_size(data, file_name)
    suffix = Path(file_name).suffix.lower()
    if suffix in _REFUSED_FORMATS:
        raise InputRefused(
            [
                Problem(
                    file_name,
                    "",
                    "",
                    f"Filen er {_REFUSED_FORMATS[suffix]}, som ikke tas imot. {ACCEPTED_TEXT} Lagre filen som en av dem.",
                )
            ]
        )
    try:
        return _clean_cells(_read_by_suffix(data, file_name, suffix))
    except (InputRefused, MemoryError):  # out of memory is the caller's to report (isolated.py), not a broken file
        raise
    except Exception as exc:  # a broken file must give a message, never a crash
        raise InputRefused(
            [Problem(file_name, "", "", f"Filen kan ikke leses ({type(exc).__name__}). Er den skadet? {ACCEPTED_TEXT}")]
        ) from None


def _clean_cells(wb: Workbook) -> Workbook:
    problems: list[Problem] = []
    for sheet in wb.sheets:
        sheet.name = clean_name(sheet.name)
        if "".join(filter(None, chain.from_iterable(sheet.rows))).isprintable():
            continue  # the usual sheet, told in C: nothing to clean or refuse
        for r, row in enumerate(sheet.rows):
            for c, cell in enumerate(row):
                if cell is None or cell.isprintable():
                    continue
                if has_nul(cell):
                    if len(problems) < MAX_PROBLEMS_SHOWN:
                        problems.append(
                            Problem(
                                wb.file_name,
                                sheet.name,
                                sheet.address(r, c),
                                "Cellen inneholder et nulltegn (NUL), som ikke kan lagres. Skriv inn teksten på nytt "
                                "eller slett cellen.",
                            )
                        )
                    continue
                row[c] = clean_cell_text(cell)
    if problems:
        raise InputRefused(problems)
    return wb


def _read_by_suffix(data: bytes, file_name: str, suffix: str) -> Workbook:
    if suffix == ".xlsx":
        return read_xlsx(data, file_name)
    if suffix == ".csv":
        what = describe(data)
        if what:
            raise InputRefused([Problem(file_name, "", "", f"Filen heter .csv, men er {what}. {ACCEPTED_TEXT}")])
        if data.startswith(b"PK"):
            raise InputRefused([Problem(file_name, "", "", "Filen heter .csv, men er et Excel-regneark. Gi den endelsen .xlsx.")])
        return read_csv(data, file_name)
    if suffix == ".json":
        return read_jsonstat(data, file_name)
    raise InputRefused([Problem(file_name, "", "", f"Ukjent filtype «{suffix or 'ingen'}». {ACCEPTED_TEXT}")])


def read_path(path: str | Path) -> Workbook:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputRefused([Problem(p.name, "", "", f"Filen kan ikke åpnes: {exc.strerror}.")]) from None
    return read_bytes(data, p.name)
