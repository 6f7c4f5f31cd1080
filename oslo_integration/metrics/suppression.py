"""Small-number suppression for the public view: the one place where a figure is hidden.

Primary: counts of 1..threshold persons are hidden. Secondary: wherever a total and its parts are
all published, no group may have exactly one hidden member, since it could be recovered by
subtraction; the next smallest visible member is hidden too until that holds everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from ..vocab import Vocabulary, vocabulary

DEFAULT_THRESHOLD = 4
OSLO = "0301"


def _count_measures(vocab: Vocabulary) -> list[str]:
    return [m.measure for m in vocab.measures.values() if m.unit == "personer"]


def groups(frame: pl.DataFrame, vocab: Vocabulary | None = None) -> list[list[int]]:
    """Row indexes of every total with its parts: [total, part, part, …].

    Two kinds: a breakdown measure's categories under their total (bosatt = kommunal + privat + annet),
    and the bydeler under Oslo i alt for the same measure, category and year.
    """
    vocab = vocab or vocabulary()
    idx = frame.with_row_index("_i")
    out: list[list[int]] = []
    for m in vocab.measures.values():
        if not m.category_kind or m.unit != "personer":
            continue
        total_measure = m.total_measure or m.measure
        parts = idx.filter((pl.col("measure") == m.measure) & pl.col("category").is_not_null())
        totals = idx.filter((pl.col("measure") == total_measure) & pl.col("category").is_null())
        if parts.is_empty() or totals.is_empty():
            continue
        joined = (
            parts.group_by("bydel_nr", "year")
            .agg(pl.col("_i"))
            .join(totals.select("bydel_nr", "year", total="_i"), on=["bydel_nr", "year"])
        )
        out.extend([r["total"], *r["_i"]] for r in joined.iter_rows(named=True) if len(r["_i"]) > 1)
    bydeler = {b.bydel_nr for b in vocab.real_bydeler()}
    counted = idx.filter(pl.col("measure").is_in(_count_measures(vocab)))
    parts = (
        counted.filter(pl.col("bydel_nr").is_in(list(bydeler)))
        .group_by("measure", "category", "year")
        .agg(pl.col("_i"), n=pl.len())
        .filter(pl.col("n") == len(bydeler))
    )
    totals = counted.filter(pl.col("bydel_nr") == OSLO).select("measure", "category", "year", total="_i")
    joined = parts.join(totals, on=["measure", "category", "year"], nulls_equal=True)
    out.extend([r["total"], *r["_i"]] for r in joined.iter_rows(named=True))
    return out


def suppress(
    frame: pl.DataFrame,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    unsuppressed_bydeler: Iterable[str] = (),
    vocab: Vocabulary | None = None,
) -> pl.DataFrame:
    """The public view of observations: hidden cells get status «prikket» and no value.

    `unsuppressed_bydeler` are the bydeler whose own figures the viewer may see in full (a logged-in
    bydel user); everyone else's cells stay exactly as in the public view, so nothing leaks.
    """
    vocab = vocab or vocabulary()
    if frame.is_empty():
        return frame
    counts = _count_measures(vocab)
    small = pl.col("measure").is_in(counts) & (pl.col("status") == "ok") & (pl.col("value") >= 1) & (pl.col("value") <= threshold)
    hidden = frame.select(small | (pl.col("status") == "prikket")).to_series().to_list()
    values = frame["value"].to_list()
    status = frame["status"].to_list()
    group_list = groups(frame, vocab)
    changed = True
    while changed:
        changed = False
        for members in group_list:
            unknown = [i for i in members if hidden[i] or status[i] == "mangler"]
            hidden_members = [i for i in members if hidden[i]]
            if len(unknown) != 1 or not hidden_members:
                continue
            visible = [i for i in members if not hidden[i] and status[i] == "ok"]
            parts_first = sorted(visible, key=lambda i: (i == members[0], values[i] if values[i] is not None else 0.0))
            nonzero = [i for i in parts_first if values[i]]
            pick = (nonzero or parts_first)[:1]
            for i in pick:
                hidden[i] = True
                changed = True
    public = frame.with_columns(
        status=pl.when(pl.Series(hidden)).then(pl.lit("prikket")).otherwise(pl.col("status")),
        value=pl.when(pl.Series(hidden)).then(pl.lit(None, dtype=pl.Float64)).otherwise(pl.col("value")),
    )
    own = list(unsuppressed_bydeler)
    if not own:
        return public
    is_own = pl.col("bydel_nr").is_in(own)
    return public.with_columns(
        status=pl.when(is_own).then(frame["status"]).otherwise(pl.col("status")),
        value=pl.when(is_own).then(frame["value"]).otherwise(pl.col("value")),
    )
