"""The schema as a CSV file: stable column order, whole numbers without «.0», sorted for diffs."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from .normalise import SCHEMA_COLUMNS
from .text.formulas import neutralise


def value_text(col: str = "value") -> pl.Expr:
    v = pl.col(col)
    return (
        pl.when(v.is_null())
        .then(pl.lit(""))
        .when(v == v.round(0))
        .then(v.cast(pl.Int64).cast(pl.String))
        .otherwise(v.round(9).cast(pl.String))
    )


def write_schema_csv(frame: pl.DataFrame, out: str | Path, extra: list[str] | None = None) -> int:
    """Write the schema columns (plus `extra`) and return the number of rows written."""
    cols = SCHEMA_COLUMNS + [c for c in (extra or []) if c in frame.columns]
    # text that a spreadsheet would run as a formula is neutralised, as in every other export
    neutralise(frame.select(cols)).with_columns(value=value_text(), sheet=pl.col("sheet").replace("", None)).write_csv(
        out, null_value=""
    )
    return frame.height
