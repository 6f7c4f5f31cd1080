"""Small-number suppression: the one place where a figure is hidden, computed for each viewer.

Primary: counts of 1..threshold persons are hidden. Secondary: wherever a total and its parts are
all published, no hidden cell may be recoverable by subtraction. Two passes make sure of that:
- per group, no group may have exactly one unknown member (the next smallest visible one is hidden);
- over all groups at once, no hidden cell may be determined by the linear equations the published
  totals and parts give (subtraction through a chain of groups), checked with linear algebra.

A logged-in bydel user sees the public view plus their own bydel's cells in full, so the public
hiding is made safe against every bydel as an insider (its own cells counted as known): nothing of
another bydel can be recovered from what such a viewer sees, logged in or not. Figures an official
publisher has published are public already: never hidden again, and known to everyone.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from ..vocab import Vocabulary, vocabulary

DEFAULT_THRESHOLD = 4
OSLO = "0301"
OFFICIAL = "offisiell"  # the import kind of figures an official publisher has published
# parts of Oslo i alt that are not bydeler: counted in the total, so they are in its groups
OTHER_PARTS_OF_OSLO = ("030116", "030117", "030199")


def _count_measures(vocab: Vocabulary) -> list[str]:
    return [m.measure for m in vocab.measures.values() if m.unit == "personer"]


def groups(frame: pl.DataFrame, vocab: Vocabulary | None = None) -> list[list[int]]:
    """Row indexes of every total with its parts: [total, part, part, …].

    Two kinds: a breakdown measure's categories under their total (bosatt = kommunal + privat + annet),
    and everything under Oslo i alt for the same measure, category and year: the 15 bydeler and
    Sentrum, Marka and «uten fast bosted» where they are given. A group is formed only where all 15
    bydeler are given (with one missing the total says nothing about any single one). A part of
    Oslo that is absent is taken as known, which errs on the side of hiding more.
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
    bydeler = [b.bydel_nr for b in vocab.real_bydeler()]
    counted = idx.filter(pl.col("measure").is_in(_count_measures(vocab)))
    parts = (
        counted.filter(pl.col("bydel_nr").is_in(bydeler + list(OTHER_PARTS_OF_OSLO)))
        .group_by("measure", "category", "year")
        .agg(pl.col("_i"), n=pl.col("bydel_nr").is_in(bydeler).sum())
        .filter(pl.col("n") == len(bydeler))
    )
    totals = counted.filter(pl.col("bydel_nr") == OSLO).select("measure", "category", "year", total="_i")
    joined = parts.join(totals, on=["measure", "category", "year"], nulls_equal=True)
    out.extend([r["total"], *r["_i"]] for r in joined.iter_rows(named=True))
    return out


class _Hiding:
    """Which cells are hidden, and the rules for hiding one more, as seen by one viewer (`known`: their own cells)."""

    def __init__(self, hidden: list[bool], status: list[str], values: list[float | None]) -> None:
        self.hidden = hidden
        self.status = status
        self.values = values

    def unknown(self, i: int, known: list[bool]) -> bool:
        """A cell this viewer cannot see: hidden (by us or the source) or missing, and not one of their own."""
        return not known[i] and (self.hidden[i] or self.status[i] == "mangler")

    def secret(self, i: int, known: list[bool]) -> bool:
        """A value we hold and hide: a «:» from the source has no value here, so there is nothing of it to protect."""
        return self.hidden[i] and not known[i] and self.status[i] == "ok"

    def unknown_cells(self, known: list[bool]) -> list[bool]:
        """`unknown` for every cell at once."""
        return [not k and (h or s == "mangler") for k, h, s in zip(known, self.hidden, self.status, strict=True)]

    def secret_cells(self, known: list[bool]) -> list[bool]:
        """`secret` for every cell at once."""
        return [h and not k and s == "ok" for k, h, s in zip(known, self.hidden, self.status, strict=True)]

    def hide_one_more(self, members: list[int], known: list[bool]) -> bool:
        """Hide the smallest visible non-zero part of a group not known to the viewer (the total last); False if none is left."""
        visible = [i for i in members if not self.hidden[i] and not known[i] and self.status[i] == "ok"]
        ordered = sorted(visible, key=lambda i: (i == members[0], self.values[i] if self.values[i] is not None else 0.0))
        nonzero = [i for i in ordered if self.values[i]]
        pick = (nonzero or ordered)[:1]
        for i in pick:
            self.hidden[i] = True
        return bool(pick)

    def per_group(self, group_list: list[list[int]], known: list[bool]) -> bool:
        """No group with exactly one unknown member that is hidden; True if anything more was hidden."""
        changed, any_change = True, False
        while changed:
            changed = False
            for members in group_list:
                unknown = [i for i in members if self.unknown(i, known)]
                if len(unknown) == 1 and self.secret(unknown[0], known) and self.hide_one_more(members, known):
                    changed = any_change = True
        return any_change

    def linear(self, group_list: list[list[int]], known: list[bool]) -> bool:
        """No hidden cell determined by all the groups' equations together; True if anything more was hidden."""
        any_change = False
        groups_of: dict[int, list[list[int]]] = {}
        for members in group_list:
            for i in members:
                groups_of.setdefault(i, []).append(members)
        for _ in range(len(self.hidden)):  # each round hides at least one more cell, or ends
            found = determined_cells(group_list, self.unknown_cells(known), self.secret_cells(known))
            progress = False
            for i in found:
                for members in groups_of.get(i, ()):
                    if self.hide_one_more(members, known):
                        progress = any_change = True
                        break
            if not progress:
                return any_change
            self.per_group(group_list, known)
        return any_change


def determined_cells(group_list: list[list[int]], unknown: list[bool], hidden: list[bool]) -> list[int]:
    """Hidden cells whose value follows from the groups' equations (total = sum of parts) and the known cells.

    With the unknown cells as variables, each group touching one gives a row of A; a hidden cell i is
    determined exactly when every solution of A·x = 0 has x_i = 0 (e_i lies in A's row space).
    The equations fall apart into independent blocks (groups linked by a shared unknown cell), and
    each block is solved on its own: many small SVDs instead of one large one, which is what made
    suppression most of a first page view.
    """
    import numpy as np  # only for the check; already loaded with Streamlit

    rows: list[dict[int, float]] = []
    variables: dict[int, int] = {}
    for members in group_list:
        unknown_members = [(pos, i) for pos, i in enumerate(members) if unknown[i]]
        if unknown_members:
            row = {variables.setdefault(i, len(variables)): 1.0 if pos == 0 else -1.0 for pos, i in unknown_members}
            rows.append(row)
    if not variables:
        return []
    blocks = _blocks(rows, len(variables))
    determined_columns: set[int] = set()
    for block_rows in blocks:
        columns = sorted({c for r in block_rows for c in rows[r]})
        if len(columns) == 1:
            determined_columns.add(columns[0])  # one unknown in an equation of its own: it is the difference
            continue
        if len(block_rows) == 1:
            continue  # one equation in several unknowns determines none of them
        where = {c: k for k, c in enumerate(columns)}
        a = np.zeros((len(block_rows), len(columns)))
        for k, r in enumerate(block_rows):
            for c, v in rows[r].items():
                a[k, where[c]] = v
        _, s, vt = np.linalg.svd(a)
        null = vt[int((s > 1e-9).sum()) :]  # rows spanning the block's null space
        free = np.abs(null).max(axis=0) if null.shape[0] else np.zeros(len(columns))
        determined_columns.update(c for c, f in zip(columns, free, strict=True) if f < 1e-9)
    return [i for i, c in variables.items() if c in determined_columns and hidden[i]]


def _blocks(rows: list[dict[int, float]], n_variables: int) -> list[list[int]]:
    """Row numbers of A grouped into independent blocks: rows sharing a variable are in one block."""
    parent = list(range(n_variables))

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for row in rows:
        first, *rest = row
        for c in rest:
            parent[root(c)] = root(first)
    out: dict[int, list[int]] = {}
    for r, row in enumerate(rows):
        out.setdefault(root(next(iter(row))), []).append(r)
    return list(out.values())


def hidden_cells(
    frame: pl.DataFrame, *, threshold: int = DEFAULT_THRESHOLD, known_bydeler: Iterable[str] = (), vocab: Vocabulary | None = None
) -> list[bool]:
    """Which rows of `frame` a viewer who sees `known_bydeler`' own cells in full must not see.

    The public hiding is made safe against every single bydel's insider knowledge (a logged-in bydel
    user sees the public view plus their own cells, and can always log out to compare), so revealing
    one bydel's own cells gives away nothing of anyone else. A user with several bydeler gets their
    own cells bydel by bydel, as long as that still gives nothing away.
    """
    vocab = vocab or vocabulary()
    counts = _count_measures(vocab)
    # what an official publisher has published is public already: its own «:» stays, but our rule does not
    # hide it again, and it counts as known to everyone when our hiding protects an uploaded figure
    published = (
        frame.select(pl.col("kind") == OFFICIAL).to_series().fill_null(False).to_list()
        if "kind" in frame.columns
        else [False] * frame.height
    )
    small = pl.col("measure").is_in(counts) & (pl.col("status") == "ok") & (pl.col("value") >= 1) & (pl.col("value") <= threshold)
    status = frame["status"].to_list()
    hidden = [
        (h and not p) or s == "prikket"
        for h, p, s in zip(frame.select(small).to_series().fill_null(False).to_list(), published, status, strict=True)
    ]
    places = frame["bydel_nr"].to_list()
    group_list = groups(frame, vocab)
    hiding = _Hiding(hidden, status, frame["value"].to_list())
    # known to everyone: published figures with a value (a published «:» is unknown to everyone)
    nobody = [p and s == "ok" for p, s in zip(published, status, strict=True)]
    insiders = [
        [p == b.bydel_nr or k for p, k in zip(places, nobody, strict=True)]
        for b in vocab.real_bydeler()
        if b.bydel_nr in set(places)
    ]
    changed = True
    while changed:
        changed = hiding.per_group(group_list, nobody)
        changed = hiding.linear(group_list, nobody) or changed
        for known in insiders:
            changed = hiding.linear(group_list, known) or changed
    # the viewer's own cells, bydel by bydel, as long as what they then know determines no one else's
    revealed = [False] * frame.height
    for b in dict.fromkeys(known_bydeler):
        trial = [r or p == b or k for r, p, k in zip(revealed, places, nobody, strict=True)]
        if not determined_cells(group_list, hiding.unknown_cells(trial), hiding.secret_cells(trial)):
            revealed = trial
    return [h and not r for h, r in zip(hiding.hidden, revealed, strict=True)]


def suppress(
    frame: pl.DataFrame,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    unsuppressed_bydeler: Iterable[str] = (),
    vocab: Vocabulary | None = None,
) -> pl.DataFrame:
    """The view of observations for a viewer: hidden cells get status «prikket» and no value.

    `unsuppressed_bydeler` are the bydeler whose own figures the viewer may see in full (a logged-in
    bydel user); the hiding of everyone else's cells takes account of what they see.
    """
    if frame.is_empty():
        return frame
    own = list(unsuppressed_bydeler)
    hide = pl.lit(pl.Series(hidden_cells(frame, threshold=threshold, known_bydeler=own, vocab=vocab)))
    return frame.with_columns(
        status=pl.when(hide).then(pl.lit("prikket")).otherwise(pl.col("status")),
        value=pl.when(hide).then(pl.lit(None, dtype=pl.Float64)).otherwise(pl.col("value")),
    )
