"""A composition is of the whole: the listed parts and the computed rest, never the parts as the whole."""

from __future__ import annotations

import polars as pl

from oslo_integration.metrics import public_view
from oslo_integration.metrics.rates import REMAINDER, category_shares
from oslo_integration.store import open_store
from oslo_integration.ui.countries import composition_text


def test_frogner_2024_by_country_is_55_ukraina_and_25_unknown_of_80(shipped_template):
    obs = public_view(open_store(str(shipped_template)).current())
    shares = category_shares(obs, "bosatt_landbakgrunn")
    frogner = shares.filter((pl.col("bydel_nr") == "030105") & (pl.col("year") == 2024)).sort("remainder")
    assert frogner.select("category", "value", "total", "remainder").rows() == [
        ("Ukraina", 55.0, 80.0, False),
        (REMAINDER, 25.0, 80.0, True),
    ]
    assert frogner["share"].sum() == 100.0
    text = composition_text(frogner, "Bosatte etter landbakgrunn", 2024, "nb")
    assert "Frogner: 55 Ukraina (68,8\u00a0%), 25 Øvrige / ukjent (31,3\u00a0%) av 80." in text
    # Oslo i alt lists «Øvrige land» itself: nothing is left over, so no computed rest is added
    oslo = shares.filter((pl.col("bydel_nr") == "0301") & (pl.col("year") == 2024))
    assert not oslo["remainder"].any() and oslo["value"].sum() == oslo["total"][0]


def obs(rows):
    return pl.DataFrame(
        [{"bydel_nr": "030105", "bydel": "Frogner", "year": 2024, "measure": m, "category": c, "value": v, "status": s,
          "kind": "offisiell"} for m, c, v, s in rows],
        schema_overrides={"year": pl.Int32, "value": pl.Float64},
    )  # fmt: skip


def test_a_hidden_part_hides_the_rest_too():
    """total − visible parts would give the hidden part away."""
    frame = obs(
        [
            ("bosatt", None, 80, "ok"),
            ("bosatt_landbakgrunn", "Ukraina", 70, "ok"),
            ("bosatt_landbakgrunn", "Syria", None, "prikket"),
        ]
    )
    rest = category_shares(frame, "bosatt_landbakgrunn").filter(pl.col("remainder"))
    assert rest["status"].to_list() == ["prikket"] and rest["value"].to_list() == [None]


def test_no_rest_when_the_parts_make_the_whole():
    frame = obs([("bosatt", None, 80, "ok"), ("bosatt_landbakgrunn", "Ukraina", 80, "ok")])
    assert not category_shares(frame, "bosatt_landbakgrunn")["remainder"].any()
