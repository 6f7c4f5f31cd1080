"""Suppression hides 1–4 persons and never leaves a hidden cell recoverable by subtraction."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from oslo_integration.metrics import suppress
from oslo_integration.metrics.suppression import groups
from oslo_integration.vocab import vocabulary

BYDELER = [b.bydel_nr for b in vocabulary().real_bydeler()]


def _frame(rows):
    base = {"bydel": "x", "source_file": "f", "sheet": "", "cell": "A1"}
    return pl.DataFrame([base | r for r in rows], schema_overrides={"value": pl.Float64, "category": pl.String, "year": pl.Int32})


def _housing(total, parts, bydel="030112"):
    rows = [{"bydel_nr": bydel, "year": 2024, "measure": "bosatt", "category": None, "value": float(total), "status": "ok"}]
    for cat, v in parts.items():
        rows.append(
            {"bydel_nr": bydel, "year": 2024, "measure": "bosatt_boligtype", "category": cat, "value": float(v), "status": "ok"}
        )
    return rows


def test_small_counts_are_hidden_and_zero_is_not():
    out = suppress(_frame(_housing(20, {"kommunal_bolig": 3, "privat_leiemarked": 17, "annet": 0})))
    st_ = dict(zip(out["category"].fill_null("total"), out["status"], strict=True))
    assert st_["kommunal_bolig"] == "prikket"
    assert st_["annet"] == "ok"  # zero is a real figure, not a small one
    # 3 could be recovered as 20 - 17 - 0, so the next smallest non-zero part is hidden too
    assert st_["privat_leiemarked"] == "prikket"
    assert out.filter(pl.col("status") == "prikket")["value"].is_null().all()


def test_threshold_is_configurable():
    out = suppress(_frame(_housing(20, {"kommunal_bolig": 6, "privat_leiemarked": 14})), threshold=6)
    assert out.filter(pl.col("category") == "kommunal_bolig")["status"].item() == "prikket"


def test_own_bydel_sees_its_figures_and_others_are_unchanged():
    rows = _housing(20, {"kommunal_bolig": 3, "privat_leiemarked": 17}) + _housing(
        9, {"kommunal_bolig": 2, "privat_leiemarked": 7}, "030111"
    )
    public = suppress(_frame(rows))
    mine = suppress(_frame(rows), unsuppressed_bydeler=["030112"])
    assert mine.filter(pl.col("bydel_nr") == "030112")["status"].to_list() == ["ok"] * 3
    assert mine.filter(pl.col("bydel_nr") == "030111").equals(public.filter(pl.col("bydel_nr") == "030111"))


def test_hidden_bydel_cannot_be_recovered_from_oslo_total():
    rows = [
        {
            "bydel_nr": nr,
            "year": 2024,
            "measure": "bosatt",
            "category": None,
            "value": 3.0 if i == 0 else 50.0 + i,
            "status": "ok",
        }
        for i, nr in enumerate(BYDELER)
    ]
    rows.append(
        {
            "bydel_nr": "0301",
            "year": 2024,
            "measure": "bosatt",
            "category": None,
            "value": sum(r["value"] for r in rows),
            "status": "ok",
        }
    )
    out = suppress(_frame(rows))
    # the 3 and one more would do for an outsider; a third is hidden so that the bydel whose cell is
    # the second cannot, logged in and seeing its own, subtract its way to the 3
    assert out.filter(pl.col("status") == "prikket").height == 3


counts = st.integers(0, 30)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(counts, min_size=2, max_size=5),
    extra_total=st.integers(0, 5),
    country_parts=st.lists(counts, min_size=2, max_size=4),
    missing=st.lists(st.booleans(), min_size=5, max_size=5),
    bydel_values=st.lists(counts, min_size=len(BYDELER), max_size=len(BYDELER)),
)
def test_no_hidden_cell_is_recoverable_from_visible_totals(parts, extra_total, country_parts, missing, bydel_values):
    cats = ["kommunal_bolig", "privat_leiemarked", "annet", "x4", "x5"][: len(parts)]
    total = sum(parts) + extra_total * 0  # housing types partition the total
    rows = _housing(total, dict(zip(cats, parts, strict=True)))
    for i, (c, v) in enumerate(zip(["Ukraina", "Syria", "Eritrea", "Somalia"], country_parts, strict=False)):
        status = "mangler" if missing[i] else "ok"
        rows.append(
            {
                "bydel_nr": "030112",
                "year": 2024,
                "measure": "bosatt_landbakgrunn",
                "category": c,
                "value": None if missing[i] else float(v),
                "status": status,
            }
        )
    rows = [r for r in rows if not (r["bydel_nr"] == "030112" and r["measure"] == "bosatt" and r["category"] is None)]
    rows.insert(
        0,
        {
            "bydel_nr": "030112",
            "year": 2024,
            "measure": "bosatt",
            "category": None,
            "value": float(max(total, sum(country_parts))),
            "status": "ok",
        },
    )
    for nr, v in zip(BYDELER, bydel_values, strict=True):
        if nr != "030112":
            rows.append({"bydel_nr": nr, "year": 2024, "measure": "bosatt", "category": None, "value": float(v), "status": "ok"})
    rows.append(
        {
            "bydel_nr": "0301",
            "year": 2024,
            "measure": "bosatt",
            "category": None,
            "value": float(sum(bydel_values) + total),
            "status": "ok",
        }
    )
    frame = _frame(rows)
    out = suppress(frame)
    status = out["status"].to_list()
    original = frame["status"].to_list()
    for members in groups(frame):
        unknown = [i for i in members if status[i] != "ok"]
        newly_hidden = [i for i in members if status[i] == "prikket" and original[i] == "ok"]
        assert not (len(unknown) == 1 and newly_hidden), "a hidden cell is the only unknown in its group"
    small = (frame["value"] >= 1) & (frame["value"] <= 4)
    assert out.filter(small.fill_null(False))["status"].eq("prikket").all()
