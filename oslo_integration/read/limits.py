"""How much a single file may hold, so one upload cannot take the server down.

The size limit can be set with OSLO_INTEGRATION_MAX_MB (default 10); the cell limit with
OSLO_INTEGRATION_MAX_CELLS (default 100 000). Both are checked before the cells are read.
"""

from __future__ import annotations

import os

from ..errors import InputRefused, Problem
from ..text.numbers import fmt_number

MAX_MB_ENV = "OSLO_INTEGRATION_MAX_MB"
MAX_CELLS_ENV = "OSLO_INTEGRATION_MAX_CELLS"
DEFAULT_MAX_MB = 10.0
DEFAULT_MAX_CELLS = 100_000


def env_number(name: str, default: float) -> float:
    """A number from the environment, or `default` when it is unset or not a number."""
    try:
        return float(os.environ.get(name) or default)
    except ValueError:
        return default


def max_file_bytes() -> int:
    return int(env_number(MAX_MB_ENV, DEFAULT_MAX_MB) * 1024 * 1024)


def max_cells() -> int:
    try:
        return int(os.environ.get(MAX_CELLS_ENV) or DEFAULT_MAX_CELLS)
    except ValueError:
        return DEFAULT_MAX_CELLS


def check_size(data: bytes, file_name: str) -> None:
    limit = max_file_bytes()
    if len(data) > limit:
        raise InputRefused(
            [
                Problem(
                    file_name,
                    "",
                    "",
                    f"Filen er {fmt_number(len(data) / 1024 / 1024, 1)} MB. Største tillatte størrelse er "
                    f"{fmt_number(limit / 1024 / 1024, 0)} MB. Del den opp, eller fjern ark og bilder som ikke trengs.",
                )
            ]
        )


def check_cells(n_cells: int, file_name: str, *, more: bool = False) -> None:
    """`more`: the count stopped early, so the file has at least `n_cells`."""
    limit = max_cells()
    if n_cells > limit:
        raise InputRefused(
            [
                Problem(
                    file_name,
                    "",
                    "",
                    f"Filen har {'mer enn ' if more else ''}{fmt_number(n_cells - (1 if more else 0), 0)} celler med innhold. Grensen er {fmt_number(limit, 0)}. "
                    "Del den opp i flere filer (for eksempel én per år eller per tabell).",
                )
            ]
        )


MAX_ROWS = 100_000  # the last row a sheet may use
MAX_COLUMNS = 1_000  # the last column (ALL)
MAX_AREA = 1_000_000  # rows × columns from A1 to the last cell: what the reader allocates
MAX_CELL_CHARS = 2_000  # longer texts are cut before any label matching sees them
MAX_PROBLEMS_SHOWN = 50  # per kind of problem; the rest are counted in one line


def check_extent(rows: int, cols: int, last_cell: str, file_name: str, sheet: str) -> None:
    """Refuse a sheet whose last used cell is far beyond what a table needs, before its grid is allocated."""
    if rows <= MAX_ROWS and cols <= MAX_COLUMNS and rows * cols <= MAX_AREA:
        return
    raise InputRefused(
        [
            Problem(
                file_name,
                sheet,
                last_cell,
                f"Arket bruker celler helt ut til {last_cell} ({fmt_number(rows, 0)} rader × {fmt_number(cols, 0)} kolonner). "
                f"Grensen er {fmt_number(MAX_ROWS, 0)} rader, {fmt_number(MAX_COLUMNS, 0)} kolonner og "
                f"{fmt_number(MAX_AREA, 0)} celler i alt. Slett tomme rader og kolonner etter tabellen, eller kopier "
                "tabellen til et nytt ark.",
            )
        ]
    )
