"""The map's classes, names and framing, checked on the pure functions."""

from __future__ import annotations

import json

import polars as pl

from oslo_integration import maps
from oslo_integration.metrics import indicators

IND = indicators()["andel_arbeid_ved_avslutning"]
NO_FIGURES = pl.DataFrame(
    schema={"bydel_nr": pl.String, "year": pl.Int32, "value": pl.Float64, "status": pl.String, "example": pl.Boolean}
)


def test_classes_are_never_empty_or_duplicate():
    assert maps.class_breaks([43.8] * 15) == [(43.8, 43.8)]
    assert maps.class_breaks([10.0, 20.0, 20.0, 30.0]) == [(10.0, 10.0), (20.0, 20.0), (30.0, 30.0)]
    classes = maps.class_breaks([float(v) for v in range(15)])
    assert len(classes) == 5 and all(low <= high for low, high in classes)
    assert all(a[1] < b[0] for a, b in zip(classes, classes[1:], strict=False))
    assert maps.class_breaks([]) == []


def test_legend_names_a_single_value_once():
    frame = pl.DataFrame(
        {"bydel_nr": ["030101", "030102"], "year": [2024, 2024], "value": [43.8, 43.8], "status": ["ok", "ok"],
         "example": [False, False], "ci_low": [None, None], "ci_high": [None, None]},
        schema_overrides={"ci_low": pl.Float64, "ci_high": pl.Float64},
    )  # fmt: skip
    _deck, legend = maps.choropleth(frame, IND, 2024, ("030101",), "nb")
    assert legend[0]["text"] == "43,8\u00a0%"
    assert not any(" – " in item["text"] and item["text"].split(" – ")[0] == item["text"].split(" – ")[1] for item in legend)


def test_every_bydel_has_its_name_on_the_map_inside_the_city():
    points = maps.label_points()
    deck, _legend = maps.choropleth(NO_FIGURES, IND, 2024, (), "nb")
    names = next(layer for layer in deck.layers if layer.id == maps.NAMES_ID)
    assert {n["text"].replace("\n", " ") for n in names.data} >= {"Frogner", "Grünerløkka", "Søndre Nordstrand", "Østensjø"}
    lon, lat = points["030105"]
    assert 10.64 < lon < 10.74 and 59.88 < lat < 59.94  # Frogner's name stands in Frogner


def test_framed_on_the_built_up_area():
    view = maps.view_state()
    assert 10.7 < view.longitude < 10.9 and 59.85 < view.latitude < 59.95 and view.zoom >= 9.3


def test_only_the_fill_answers_a_click():
    """deck.gl picks on pointerdown; picking the borders' paths took 160–200 ms under software WebGL (the fill
    alone 11–14 ms), long enough for a click to count as a press. The borders are drawn, but not picked."""
    deck, _legend = maps.choropleth(NO_FIGURES, IND, 2024, ("030113",), "nb")
    spec = json.loads(deck.to_json())
    bydeler = next(layer for layer in spec["layers"] if layer["id"] == maps.LAYER_ID)
    assert bydeler["pickable"] is True and bydeler["stroked"] is True and bydeler["filled"] is True
    assert bydeler["_subLayerProps"] == {"polygons-stroke": {"pickable": False}}
    assert all(layer.get("pickable") is False for layer in spec["layers"] if layer["id"] != maps.LAYER_ID)


def test_the_chosen_bydeler_are_outlined_last_so_no_border_runs_through_theirs():
    deck, _legend = maps.choropleth(NO_FIGURES, IND, 2024, ("030113", "030105"), "nb")
    features = next(layer for layer in deck.layers if layer.id == maps.LAYER_ID).data["features"]
    order = [f["properties"]["bydel_nr"] for f in features]
    assert sorted(order[-2:]) == ["030105", "030113"] and len(order) == len(set(order)) == 17
    assert [f["properties"]["line"] for f in features[-2:]] == [maps.SELECTED_LINE] * 2
