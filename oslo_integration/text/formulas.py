"""Text that a spreadsheet could run as a formula is neutralised before it is written."""

from __future__ import annotations

import re

import polars as pl

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_PATTERN = "^[" + "".join(re.escape(c) for c in FORMULA_START) + "]"


_ILLEGAL = "[\x00-\x08\x0b\x0c\x0e-\x1f]"  # what XML (xlsx, docx) cannot hold at all


def neutralise_text(text: str | None) -> str | None:
    """Prefix a text cell that starts like a formula with an apostrophe (OWASP's advice); drop XML-illegal characters."""
    if text is None:
        return text
    text = re.sub(_ILLEGAL, " ", text)
    return "'" + text if text.startswith(FORMULA_START) else text


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text column neutralised; numbers stay numbers (a negative number is not a formula)."""
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(_FORMULA_PATTERN))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .str.replace_all(_ILLEGAL, " ")
        .alias(c)
        for c, dtype in frame.schema.items()
        if dtype == pl.String
    )
