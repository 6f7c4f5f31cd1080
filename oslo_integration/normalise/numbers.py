"""Numbers as Norwegians write them, and the statistics symbols, parsed as Polars expressions.

"4 500" (any space), "1 234,5", "28 %", "28,5%", a percent-formatted cell holding 0.28;
`-` is zero, `:` hidden, `.`, `..`, `…`, `*` and an empty cell missing (schema.md).
"""

from __future__ import annotations

import polars as pl

OK, HIDDEN, MISSING = "ok", "prikket", "mangler"
STATUSES = (OK, HIDDEN, MISSING)

_SPACE_CHARS = r"[\s\u00a0\u2007\u2009\u202f]"
ZERO_SYMBOLS = ["-", "–", "—", "−"]
HIDDEN_SYMBOLS = [":", "<5", "< 5", "prikket", "prikka", "skjult"]
MISSING_SYMBOLS = ["", ".", "..", "...", "…", "*", "**", "***", "mangler"]
_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"


def parse_numbers(frame: pl.DataFrame, raw: str = "raw", percent_format: str = "percent_format") -> pl.DataFrame:
    """Add `value`, `status`, `is_percent` and `unparsed` (True where the text is no number or symbol).

    `percent_format` marks cells whose number format shows them as a percentage, so their stored
    fraction (0.28) is a percent (28). Cells that are already plain numbers (most of them, in a
    spreadsheet) take a fast path; only text goes through the full set of rules.
    """
    pct_fmt = (pl.col(percent_format) if percent_format in frame.columns else pl.lit(False)).fill_null(False)
    plain = pl.col(raw).cast(pl.String).str.contains(r"^-?[0-9]+(\.[0-9]+)?$").fill_null(False)
    indexed = frame.with_row_index("_row")
    fast = indexed.filter(plain)
    if fast.height == 0:
        return _parse_text(frame, raw, percent_format)
    number = pl.col(raw).cast(pl.String).cast(pl.Float64)
    fast = fast.with_columns(
        status=pl.lit(OK),
        value=pl.when(pct_fmt).then((number * 100).round(9)).otherwise(number),
        is_percent=pct_fmt,
        unparsed=pl.lit(False),
    )
    slow = _parse_text(indexed.filter(~plain), raw, percent_format)
    return pl.concat([fast, slow], how="vertical_relaxed").sort("_row").drop("_row")


def _parse_text(frame: pl.DataFrame, raw: str, percent_format: str) -> pl.DataFrame:
    # a footnote mark after a number («16*», «28 %¹») belongs to the note, not the number
    text = (
        pl.col(raw)
        .cast(pl.String)
        .str.replace_all(_SPACE_CHARS, " ")
        .str.strip_chars()
        .str.replace(r"([0-9%])\s*[*¹²³⁴⁵⁶⁷⁸⁹⁰†]+$", "$1")
    )
    lowered = text.str.to_lowercase()
    has_pct = text.str.ends_with("%")
    body = text.str.strip_suffix("%").str.replace_all(" ", "").str.replace("^−", "-")
    both = body.str.contains(",", literal=True) & body.str.contains(".", literal=True)
    comma_last = body.str.find(",", literal=True) > body.str.find(r"\.[^.]*$")
    cleaned = (
        pl.when(both & comma_last)
        .then(body.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .when(both)
        .then(body.str.replace_all(",", "", literal=True))
        .otherwise(body.str.replace(",", ".", literal=True))
    )
    numeric = pl.when(cleaned.str.contains(_NUMBER)).then(cleaned.cast(pl.Float64, strict=False))
    pct_fmt = pl.col(percent_format) if percent_format in frame.columns else pl.lit(False)
    is_zero = text.is_in(ZERO_SYMBOLS)
    is_hidden = lowered.is_in(HIDDEN_SYMBOLS)
    is_missing = text.is_null() | lowered.is_in(MISSING_SYMBOLS)
    return frame.with_columns(
        status=pl.when(is_zero)
        .then(pl.lit(OK))
        .when(is_hidden)
        .then(pl.lit(HIDDEN))
        .when(is_missing)
        .then(pl.lit(MISSING))
        .when(numeric.is_not_null())
        .then(pl.lit(OK))
        .otherwise(pl.lit(None, dtype=pl.String)),
        value=pl.when(is_zero)
        .then(pl.lit(0.0))
        .when(is_hidden | is_missing)
        .then(pl.lit(None, dtype=pl.Float64))
        .when(pct_fmt.fill_null(False) & ~has_pct)
        .then((numeric * 100).round(9))
        .otherwise(numeric),
        is_percent=(has_pct | pct_fmt.fill_null(False)) & numeric.is_not_null(),
    ).with_columns(unparsed=pl.col("status").is_null())


def parse_number(text: str | None, percent_format: bool = False) -> tuple[float | None, str | None, bool]:
    """One cell through the same expression: (value, status, is_percent); status None = not a number."""
    out = parse_numbers(
        pl.DataFrame({"raw": [text], "percent_format": [percent_format]}, schema={"raw": pl.String, "percent_format": pl.Boolean})
    )
    row = out.row(0, named=True)
    return row["value"], row["status"], row["is_percent"]
