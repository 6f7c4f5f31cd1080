"""Rates come from counts with Wilson intervals; hidden or missing parts never give a rate."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from oslo_integration.metrics import compute, indicators, newcombe, wilson


def test_wilson_known_value_frogner_2024():
    lo, hi = wilson(16, 57)
    assert lo == pytest.approx(0.1808, abs=5e-4) and hi == pytest.approx(0.4081, abs=5e-4)


@given(n=st.integers(1, 100_000), data=st.data())
def test_interval_contains_estimate_and_stays_in_0_1(n, data):
    k = data.draw(st.integers(0, n))
    lo, hi = wilson(k, n)
    assert 0.0 <= lo <= k / n + 1e-12 and k / n - 1e-12 <= hi <= 1.0


@given(n1=st.integers(1, 5000), n2=st.integers(1, 5000), data=st.data())
def test_newcombe_difference_interval_contains_difference(n1, n2, data):
    k1, k2 = data.draw(st.integers(0, n1)), data.draw(st.integers(0, n2))
    d, lo, hi = newcombe(k1, n1, k2, n2)
    assert -1.0 - 1e-12 <= lo <= d + 1e-12 and d - 1e-12 <= hi <= 1.0 + 1e-12


def _obs(rows):
    base = {"bydel": "Alna", "source_file": "f.csv", "sheet": "", "cell": "A1", "kind": "innsendt"}
    return pl.DataFrame([base | r for r in rows], schema_overrides={"value": pl.Float64, "category": pl.String, "year": pl.Int32})


def _rate(rows, name="andel_arbeid_ved_avslutning"):
    return compute(_obs(rows), indicators()[name]).row(0, named=True)


def test_rate_from_counts_carries_numerator_denominator_interval():
    r = _rate(
        [
            {
                "bydel_nr": "030112",
                "year": 2024,
                "measure": "intro_arbeid_ved_avslutning",
                "category": None,
                "value": 16.0,
                "status": "ok",
            },
            {"bydel_nr": "030112", "year": 2024, "measure": "intro_avsluttet", "category": None, "value": 57.0, "status": "ok"},
        ]
    )
    assert (r["numerator"], r["denominator"], r["status"]) == (16.0, 57.0, "ok")
    assert r["value"] == pytest.approx(28.07, abs=0.01)
    assert r["ci_low"] == pytest.approx(18.08, abs=0.05) and r["ci_high"] == pytest.approx(40.81, abs=0.05)


@pytest.mark.parametrize(
    ("num_status", "den_status", "expected"),
    [("prikket", "ok", "prikket"), ("ok", "prikket", "prikket"), ("mangler", "ok", "mangler"), ("ok", "mangler", "mangler")],
)
def test_hidden_or_missing_part_gives_hidden_or_missing_rate(num_status, den_status, expected):
    r = _rate(
        [
            {
                "bydel_nr": "030112",
                "year": 2024,
                "measure": "intro_arbeid_ved_avslutning",
                "category": None,
                "value": 3.0 if num_status == "ok" else None,
                "status": num_status,
            },
            {
                "bydel_nr": "030112",
                "year": 2024,
                "measure": "intro_avsluttet",
                "category": None,
                "value": 40.0 if den_status == "ok" else None,
                "status": den_status,
            },
        ]
    )
    assert r["status"] == expected and r["value"] is None and r["numerator"] is None


def test_absent_denominator_and_zero_denominator_give_missing_not_zero():
    only_num = _rate(
        [
            {
                "bydel_nr": "030112",
                "year": 2024,
                "measure": "intro_arbeid_ved_avslutning",
                "category": None,
                "value": 3.0,
                "status": "ok",
            }
        ]
    )
    assert only_num["status"] == "mangler" and only_num["value"] is None
    zero = _rate(
        [
            {
                "bydel_nr": "030112",
                "year": 2024,
                "measure": "intro_arbeid_ved_avslutning",
                "category": None,
                "value": 0.0,
                "status": "ok",
            },
            {"bydel_nr": "030112", "year": 2024, "measure": "intro_avsluttet", "category": None, "value": 0.0, "status": "ok"},
        ]
    )
    assert zero["status"] == "mangler" and zero["value"] is None


def test_example_flag_travels_into_the_rate():
    rows = [
        {
            "bydel_nr": "030112",
            "year": 2024,
            "measure": "bosatt_boligtype",
            "category": "kommunal_bolig",
            "value": 5.0,
            "status": "ok",
        },
        {
            "bydel_nr": "030112",
            "year": 2024,
            "measure": "bosatt",
            "category": None,
            "value": 10.0,
            "status": "ok",
            "kind": "eksempel",
        },
    ]
    assert _rate(rows, "andel_kommunal_bolig")["example"] is True


@given(
    k=st.one_of(st.none(), st.integers(0, 500)),
    n=st.one_of(st.none(), st.integers(0, 500)),
    k_status=st.sampled_from(["ok", "prikket", "mangler"]),
    n_status=st.sampled_from(["ok", "prikket", "mangler"]),
)
def test_no_rate_is_ever_computed_from_a_hidden_or_missing_count(k, n, k_status, n_status):
    rows = [
        {
            "bydel_nr": "030112",
            "year": 2024,
            "measure": "intro_arbeid_ved_avslutning",
            "category": None,
            "value": float(k) if k_status == "ok" and k is not None else None,
            "status": k_status,
        },
        {
            "bydel_nr": "030112",
            "year": 2024,
            "measure": "intro_avsluttet",
            "category": None,
            "value": float(n) if n_status == "ok" and n is not None else None,
            "status": n_status,
        },
    ]
    r = _rate(rows)
    if r["status"] == "ok":
        assert k_status == n_status == "ok" and k is not None and n and k <= n
        assert r["ci_low"] <= r["value"] <= r["ci_high"] and r["ci_low"] >= 0 and r["ci_high"] <= 100
    else:
        assert r["value"] is None and r["ci_low"] is None
        if "prikket" in (k_status, n_status):
            assert r["status"] == "prikket"
