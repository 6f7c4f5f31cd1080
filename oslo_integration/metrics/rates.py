"""Indicators from observations: rates from counts with Wilson intervals, counts, published percents.

A missing or hidden numerator or denominator gives a missing or hidden rate, never 0.
"""

from __future__ import annotations

import polars as pl

from .indicators import Indicator
from .intervals import Z95

RESULT_SCHEMA = {
    "bydel_nr": pl.String,
    "bydel": pl.String,
    "year": pl.Int32,
    "indicator": pl.String,
    "value": pl.Float64,
    "numerator": pl.Float64,
    "denominator": pl.Float64,
    "ci_low": pl.Float64,
    "ci_high": pl.Float64,
    "status": pl.String,
    "example": pl.Boolean,
    "sources": pl.String,
}


def _pick(obs: pl.DataFrame, measure: str, category: str) -> pl.DataFrame:
    cat = pl.col("category").is_null() if not category else pl.col("category") == category
    has_kind = "kind" in obs.columns
    return obs.filter((pl.col("measure") == measure) & cat).select(
        "bydel_nr",
        "bydel",
        "year",
        "value",
        "status",
        example=(pl.col("kind") == "eksempel") if has_kind else pl.lit(False),
        # the file and cell it was read from, and where a publisher's figure can be checked: its address
        source=pl.concat_str(
            [pl.format("{} {}", pl.col("source_file"), pl.col("cell")), pl.col("source_url")]
            if "source_url" in obs.columns
            else [pl.format("{} {}", pl.col("source_file"), pl.col("cell"))],
            separator=" – ",
            ignore_nulls=True,
        ),
    )


def wilson_bounds(k: pl.Expr, n: pl.Expr, z: float = Z95) -> tuple[pl.Expr, pl.Expr]:
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * (p * (1 - p) / n + z * z / (4 * n * n)).sqrt() / denom
    return (centre - half).clip(0.0, 1.0), (centre + half).clip(0.0, 1.0)


def compute(obs: pl.DataFrame, ind: Indicator) -> pl.DataFrame:
    """One row per bydel and year with the indicator's value, counts, interval, status and sources."""
    num = _pick(obs, ind.numerator, ind.numerator_category)
    if ind.kind in ("count", "percent"):
        return num.select(
            "bydel_nr",
            "bydel",
            "year",
            indicator=pl.lit(ind.indicator),
            value="value",
            numerator=pl.col("value") if ind.kind == "count" else pl.lit(None, dtype=pl.Float64),
            denominator=pl.lit(None, dtype=pl.Float64),
            ci_low=pl.lit(None, dtype=pl.Float64),
            ci_high=pl.lit(None, dtype=pl.Float64),
            status="status",
            example="example",
            sources="source",
        ).cast(RESULT_SCHEMA)
    den = _pick(obs, ind.denominator, ind.denominator_category)
    j = num.join(den, on=["bydel_nr", "year"], how="full", suffix="_d", coalesce=True)
    k, n = pl.col("value"), pl.col("value_d")
    either_hidden = (pl.col("status") == "prikket") | (pl.col("status_d") == "prikket")
    computable = (pl.col("status") == "ok") & (pl.col("status_d") == "ok") & (n > 0) & (k <= n)
    lo, hi = wilson_bounds(k, n)
    return j.select(
        "bydel_nr",
        bydel=pl.coalesce("bydel", "bydel_d"),
        year="year",
        indicator=pl.lit(ind.indicator),
        value=pl.when(computable).then(k / n * ind.scale),
        numerator=pl.when(computable).then(k),
        denominator=pl.when(computable).then(n),
        # rounding must never put the estimate outside its own interval
        ci_low=pl.when(computable).then(pl.min_horizontal(lo * ind.scale, k / n * ind.scale)),
        ci_high=pl.when(computable).then(pl.max_horizontal(hi * ind.scale, k / n * ind.scale)),
        status=pl.when(either_hidden).then(pl.lit("prikket")).when(computable).then(pl.lit("ok")).otherwise(pl.lit("mangler")),
        example=pl.col("example").fill_null(False) | pl.col("example_d").fill_null(False),
        sources=pl.concat_str([pl.col("source"), pl.col("source_d")], separator=" ÷ ", ignore_nulls=True),
    ).cast(RESULT_SCHEMA)


def compute_all(obs: pl.DataFrame, inds: dict[str, Indicator]) -> pl.DataFrame:
    return pl.concat([compute(obs, i) for i in inds.values()], how="vertical")


REMAINDER = "Øvrige / ukjent"


def category_shares(obs: pl.DataFrame, measure: str) -> pl.DataFrame:
    """Each category's count and its share of the measure's whole, the whole always accounted for.

    Where the listed categories add up to less than the total (Frogner 2024: 55 from Ukraina of 80
    settled), the rest is a computed category «Øvrige / ukjent» (`remainder` true), so a chart of the
    parts never presents the listed ones as the whole. A remainder is only computed from visible
    figures: with a hidden part it would give the hidden number away, so it is hidden too.
    """
    from ..vocab import vocabulary

    info = vocabulary().measures[measure]
    total_measure = info.total_measure or measure
    parts = obs.filter((pl.col("measure") == measure) & pl.col("category").is_not_null())
    totals = obs.filter((pl.col("measure") == total_measure) & pl.col("category").is_null()).select(
        "bydel_nr", "year", total="value", total_status="status", total_kind="kind"
    )
    listed = parts.group_by("bydel_nr", "year").agg(
        listed=pl.col("value").filter(pl.col("status") == "ok").sum(),
        any_hidden=(pl.col("status") == "prikket").any(),
        any_example=(pl.col("kind") == "eksempel").any(),
        bydel=pl.col("bydel").first(),
    )
    rest = (
        listed.join(totals, on=["bydel_nr", "year"], how="inner")
        .filter((pl.col("total_status") == "ok") & (pl.col("total") - pl.col("listed") > 0.5))
        .select(
            "bydel_nr",
            "bydel",
            "year",
            category=pl.lit(REMAINDER),
            value=pl.when(pl.col("any_hidden")).then(None).otherwise(pl.col("total") - pl.col("listed")),
            status=pl.when(pl.col("any_hidden")).then(pl.lit("prikket")).otherwise(pl.lit("ok")),
            kind=pl.when(pl.col("any_example") | (pl.col("total_kind") == "eksempel"))
            .then(pl.lit("eksempel"))
            .otherwise(pl.lit("beregnet")),
            remainder=pl.lit(True),
        )
    )
    parts = pl.concat(
        [parts.select("bydel_nr", "bydel", "year", "category", "value", "status", "kind", remainder=pl.lit(False)), rest],
        how="vertical_relaxed",
    )
    j = parts.join(totals, on=["bydel_nr", "year"], how="left")
    ok = (pl.col("status") == "ok") & (pl.col("total_status") == "ok") & (pl.col("total") > 0)
    return j.select(
        "bydel_nr",
        "bydel",
        "year",
        "category",
        "value",
        "total",
        share=pl.when(ok).then(pl.col("value") / pl.col("total") * 100),
        status=pl.when((pl.col("status") == "prikket") | (pl.col("total_status") == "prikket"))
        .then(pl.lit("prikket"))
        .when(ok)
        .then(pl.lit("ok"))
        .otherwise(pl.lit("mangler")),
        example=(pl.col("kind") == "eksempel") | (pl.col("total_kind") == "eksempel").fill_null(False),
        remainder="remainder",
    ).sort("bydel_nr", "year", "remainder", "category")
