"""Nothing hidden can be recovered by any viewer: anonymous, each bydel user, admin.

The check here is independent of the implementation: it writes down every equation the data
obeys (each bydel's total = its housing types; Oslo i alt = all its parts, per category), takes as
known everything the viewer sees on screen *and* in the public view (they can log out), and asks
linear algebra whether a hidden cell follows: e_i in the row space of the unknowns' matrix.
"""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from oslo_integration.metrics import suppress
from oslo_integration.vocab import vocabulary

BYDELER = [b.bydel_nr for b in vocabulary().real_bydeler()]
EXTRA = ["030116", "030117", "030199"]  # Sentrum, Marka, uten fast bosted: parts of Oslo i alt
CATEGORIES = ["kommunal_bolig", "privat_leiemarked", "annet"]
OSLO = "0301"


def _row(bydel: str, measure: str, category: str | None, value: float | None, status: str = "ok", kind: str = "innsendt") -> dict:
    return {
        "kind": kind,
        "bydel_nr": bydel,
        "bydel": "x",
        "year": 2024,
        "measure": measure,
        "category": category,
        "value": value,
        "status": status,
        "source_file": "f",
        "sheet": "",
        "cell": "A1",
    }


def build(
    parts: dict[str, dict[str, int]], missing: set[tuple[str, str]] = frozenset(), official: set[str] = frozenset()
) -> pl.DataFrame:
    """Every place's housing types and total, and Oslo i alt as the sum of them; `missing` cells are «mangler».

    Places in `official` were published by an official publisher (kind «offisiell»): public already.
    """
    rows = []
    oslo = dict.fromkeys(CATEGORIES, 0)
    for place, cats in parts.items():
        kind = "offisiell" if place in official else "innsendt"
        for c, v in cats.items():
            oslo[c] += v
            status = "mangler" if (place, c) in missing else "ok"
            rows.append(_row(place, "bosatt_boligtype", c, float(v) if status == "ok" else None, status, kind))
        rows.append(_row(place, "bosatt", None, float(sum(cats.values())), "ok", kind))
    for c, v in oslo.items():
        rows.append(_row(OSLO, "bosatt_boligtype", c, float(v)))
    rows.append(_row(OSLO, "bosatt", None, float(sum(oslo.values()))))
    return pl.DataFrame(rows, schema_overrides={"value": pl.Float64, "category": pl.String, "year": pl.Int32})


def equations(frame: pl.DataFrame) -> list[list[tuple[int, float]]]:
    """Each equation as (row, coefficient) pairs summing to zero; absent parts of Oslo count as zero (known)."""
    key = {(r["bydel_nr"], r["measure"], r["category"]): i for i, r in enumerate(frame.iter_rows(named=True))}
    places = sorted({b for b, _, _ in key if b != OSLO})
    eqs = []
    for place in [*places, OSLO]:
        eqs.append([(key[(place, "bosatt", None)], 1.0)] + [(key[(place, "bosatt_boligtype", c)], -1.0) for c in CATEGORIES])
    for measure, category in [("bosatt", None)] + [("bosatt_boligtype", c) for c in CATEGORIES]:
        eqs.append([(key[(OSLO, measure, category)], 1.0)] + [(key[(p, measure, category)], -1.0) for p in places])
    return eqs


def recoverable(frame: pl.DataFrame, known: list[bool], targets: list[int]) -> list[int]:
    """The targets whose values follow from the equations given the known cells."""
    unknown = [i for i, k in enumerate(known) if not k]
    col = {i: c for c, i in enumerate(unknown)}
    rows = []
    for eq in equations(frame):
        row = [0.0] * len(unknown)
        for i, coef in eq:
            if i in col:
                row[col[i]] = coef
        if any(row):
            rows.append(row)
    if not rows:
        return list(targets)
    a = np.array(rows)
    rank = np.linalg.matrix_rank(a)
    out = []
    for t in targets:
        e = np.zeros((1, len(unknown)))
        e[0, col[t]] = 1.0
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank:
            out.append(t)
    return out


def leaks(frame: pl.DataFrame, own: list[str]) -> list[int]:
    """Cells hidden from this viewer (and not their own) that they can recover from all they see."""
    public = suppress(frame)
    mine = suppress(frame, unsuppressed_bydeler=own)
    seen = [(p == "ok" or m == "ok") for p, m in zip(public["status"].to_list(), mine["status"].to_list(), strict=True)]
    truth_ok = frame["status"].to_list()
    hidden = [i for i, (s, m) in enumerate(zip(truth_ok, mine["status"].to_list(), strict=True)) if s == "ok" and m == "prikket"]
    return recoverable(frame, seen, hidden)


counts = st.integers(min_value=0, max_value=14)
place_parts = st.fixed_dictionaries({c: counts for c in CATEGORIES})


@st.composite
def datasets(draw):
    extras = draw(st.lists(st.sampled_from(EXTRA), unique=True, max_size=3))
    parts = {p: draw(place_parts) for p in BYDELER + extras}
    cells = [(p, c) for p in parts for c in CATEGORIES]
    missing = set(draw(st.lists(st.sampled_from(cells), max_size=2, unique=True)))
    official = set(draw(st.lists(st.sampled_from(list(parts)), max_size=6, unique=True)))
    return parts, missing, official


@settings(max_examples=60, deadline=None)
@given(datasets(), st.sampled_from([[]] + [[b] for b in BYDELER]))
def test_no_viewer_can_recover_a_hidden_cell(data, own):
    parts, missing, official = data
    frame = build(parts, missing, official)
    assert leaks(frame, own) == []
    # what an official publisher published is shown as published: never hidden again by our rule
    view = suppress(frame, unsuppressed_bydeler=own)
    published = frame.with_row_index("i").filter((pl.col("kind") == "offisiell") & (pl.col("status") == "ok"))["i"]
    assert (view["status"].gather(published) == "ok").all()


def test_admin_sees_the_public_view():
    from oslo_integration.auth import ADMIN, User
    from oslo_integration.auth.rights import unsuppressed_for

    assert unsuppressed_for(User("sjef", ADMIN)) == ()


# -- the three leaks that were found, one regression test each ------------------------------------


def _big(**small: int) -> dict[str, dict[str, int]]:
    parts = {b: {"kommunal_bolig": 20 + i, "privat_leiemarked": 30 + i, "annet": 10 + i} for i, b in enumerate(BYDELER)}
    for bydel, value in small.items():
        parts[bydel] = {"kommunal_bolig": value, "privat_leiemarked": 40, "annet": 12}
    return parts


def test_own_view_does_not_reveal_the_cell_hidden_beside_ones_own():
    # Frogner's 3 is hidden for the public; the smallest other kommunal_bolig is hidden beside it.
    # Logged in as Frogner, Oslo i alt minus the visible bydeler used to give that other cell.
    frame = build(_big(**{"030105": 3}))
    public = suppress(frame)
    beside = public.filter(
        (pl.col("measure") == "bosatt_boligtype")
        & (pl.col("category") == "kommunal_bolig")
        & (pl.col("status") == "prikket")
        & (pl.col("bydel_nr") != "030105")
    )
    assert beside.height >= 1
    assert leaks(frame, ["030105"]) == []
    mine = suppress(frame, unsuppressed_bydeler=["030105"])
    assert mine.filter((pl.col("bydel_nr") == "030105") & (pl.col("category") == "kommunal_bolig"))["value"].item() == 3


def test_sentrum_is_part_of_oslo_i_alt():
    parts = _big()
    parts["030116"] = {"kommunal_bolig": 2, "privat_leiemarked": 0, "annet": 0}  # Sentrum
    parts["030117"] = {"kommunal_bolig": 0, "privat_leiemarked": 0, "annet": 0}  # Marka
    frame = build(parts)
    public = suppress(frame)
    sentrum = public.filter((pl.col("bydel_nr") == "030116") & (pl.col("category") == "kommunal_bolig"))
    assert sentrum["status"].item() == "prikket"
    oslo_group = public.filter((pl.col("category") == "kommunal_bolig") & (pl.col("status") == "prikket"))
    assert oslo_group.height >= 2  # another part (or the total) hidden with it
    assert leaks(frame, []) == []


def test_published_small_figures_stay_as_published_and_uploads_around_them_stay_hidden():
    parts = _big(**{"030101": 2})  # Gamle Oslo's 2 was published by SSB/IMDi
    parts["030105"] = {"kommunal_bolig": 3, "privat_leiemarked": 40, "annet": 12}  # Frogner's 3 was uploaded
    frame = build(parts, official={"030101"})
    view = suppress(frame)
    cell = {(r["bydel_nr"], r["category"]): r["status"] for r in view.iter_rows(named=True)}
    assert cell[("030101", "kommunal_bolig")] == "ok"  # public already: not hidden again
    assert cell[("030105", "kommunal_bolig")] == "prikket"
    assert leaks(frame, []) == [] and leaks(frame, ["030105"]) == [] and leaks(frame, ["030101"]) == []
