"""Text that a spreadsheet could run as a formula is neutralised before it is written."""

from __future__ import annotations

import re

import polars as pl

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_PATTERN = "^[" + "".join(re.escape(c) for c in FORMULA_START) + "]"


def neutralise_text(text: str | None) -> str | None:
    """Prefix a text cell that starts like a formula with an apostrophe (OWASP's advice)."""
    if text is None or not text.startswith(FORMULA_START):
        return text
    return "'" + text


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text column neutralised; numbers stay numbers (a negative number is not a formula)."""
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(_FORMULA_PATTERN)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c, dtype in frame.schema.items()
        if dtype == pl.String
    )
