"""What the charts draw, checked on their specs: locale, colours, references, examples, text alternatives."""

from __future__ import annotations

import json

import polars as pl
import pytest

from oslo_integration import charts
from oslo_integration.metrics import indicators

NBSP = "\u00a0"


def frame(rows: list[tuple]) -> pl.DataFrame:
    """(bydel_nr, bydel, year, value, status, example, numerator, denominator) rows as an indicator frame."""
    return pl.DataFrame(
        [
            {"bydel_nr": nr, "bydel": name, "year": y, "indicator": "x", "value": v, "numerator": k, "denominator": n,
             "ci_low": None if v is None or n is None else v - 5, "ci_high": None if v is None or n is None else v + 5,
             "status": st, "example": ex, "sources": "f.xlsx B2"}
            for nr, name, y, v, st, ex, k, n in rows
        ],
        schema_overrides={"year": pl.Int32, "value": pl.Float64, "numerator": pl.Float64, "denominator": pl.Float64,
                          "ci_low": pl.Float64, "ci_high": pl.Float64},
    )  # fmt: skip


SHARE = indicators()["andel_arbeid_ved_avslutning"]
COUNT = indicators()["bosatt"]
SHARES = frame(
    [
        ("030105", "Frogner", 2023, 23.7, "ok", False, 18, 76),
        ("030105", "Frogner", 2024, 28.1, "ok", False, 16, 57),
        ("030101", "Gamle Oslo", 2024, 40.0, "ok", True, 20, 50),
        ("030101", "Gamle Oslo", 2023, 38.0, "ok", True, 19, 50),
        ("030102", "Grünerløkka", 2024, None, "prikket", False, None, None),
        ("0301", "Oslo i alt", 2023, 33.0, "ok", False, None, None),
        ("0301", "Oslo i alt", 2024, 35.2, "ok", False, None, None),
        ("0", "Hele landet", 2024, 36.5, "ok", False, None, None),
    ]
)
COUNTS = frame(
    [
        ("030105", "Frogner", 2024, 80.0, "ok", False, None, None),
        ("030101", "Gamle Oslo", 2024, 128.0, "ok", True, None, None),
        ("0301", "Oslo i alt", 2024, 1357.0, "ok", False, None, None),
        ("0", "Hele landet", 2024, 21437.0, "ok", False, None, None),
    ]
)


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def rows_of(spec: dict) -> list[dict]:
    """A chart's inline rows: on the chart itself, or on its first layer."""
    return (spec.get("data") or layers(spec)[0]["data"])["values"]


def reference_rules(spec: dict) -> list[dict]:
    """The dashed or dotted lines of Oslo i alt and Hele landet."""
    return [layer for layer in layers(spec) if isinstance(layer["mark"], dict) and "strokeDash" in layer["mark"]]


def test_norwegian_ticks_and_locale():
    spec = charts.bars_by_bydel(SHARES, SHARE, 2024, ("030105",), "nb").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == NBSP
    axis = layers(spec)[0]["encoding"]["x"]["axis"]
    assert axis["labelExpr"] == f"format(datum.value, ',') + '{NBSP}%'"
    en = charts.bars_by_bydel(SHARES, SHARE, 2024, ("030105",), "en").to_dict()
    assert en["config"]["locale"]["number"]["decimal"] == "."


def test_bars_carry_names_values_and_status_in_the_locale():
    rows = charts.bar_rows(SHARES, SHARE, 2024, ("030105",), "nb")
    lines = [r["line"] for r in rows]
    assert "▶ Frogner: 28,1\u00a0%" in lines
    assert "Gamle Oslo (eksempel): 40,0\u00a0%" in lines
    assert "Grünerløkka: skjult (få personer)" in lines  # hidden: said, never drawn as zero
    assert next(r for r in rows if r["bydel"] == "Frogner")["interval"] == "23,1–33,1"


def _without_data(spec: dict) -> dict:
    """The spec as the browser keys its drawn chart: datasets left out, their names by their place."""
    text = json.dumps({k: v for k, v in spec.items() if k != "datasets"}, sort_keys=True)
    for i, name in enumerate(spec.get("datasets", {})):
        text = text.replace(name, f"dataset {i}")
    return json.loads(text)


def test_choosing_other_bydeler_changes_only_the_lines_data():
    """The line chart's colours, line styles and texts ride in its data, so it too is redrawn in place."""
    from oslo_integration.ui.figures import vega_spec

    one = charts.lines_over_years(SHARES, SHARE, ("030105",), (2023, 2024), "nb")
    two = charts.lines_over_years(SHARES, SHARE, ("030105", "030101"), (2023, 2024), "nb")
    assert _without_data(vega_spec(one)) == _without_data(vega_spec(two))
    assert vega_spec(one)["datasets"] != vega_spec(two)["datasets"]
    line_of = {r["series"]: r["line"] for r in rows_of(two.to_dict())}
    assert line_of == {"Frogner": "bydel", "Gamle Oslo (eksempel)": "bydel", "Oslo i alt": "oslo", "Hele landet": "norway"}


def test_choosing_other_bydeler_changes_only_the_bars_data():
    """The browser redraws a chart in place when only its data change; a new spec would build it anew."""
    from oslo_integration.ui.figures import vega_spec

    one = charts.bars_by_bydel(SHARES, SHARE, 2024, ("030105",), "nb")
    two = charts.bars_by_bydel(SHARES, SHARE, 2024, ("030105", "030101"), "nb")
    assert _without_data(vega_spec(one)) == _without_data(vega_spec(two))  # what is sent
    assert vega_spec(one)["datasets"] != vega_spec(two)["datasets"]
    rows = layers(two.to_dict())[0]["data"]["values"]
    assert [r["rank"] for r in rows] == list(range(len(rows)))  # drawn in the data's order: largest first
    assert [r["label"] for r in rows][:2] == ["▶ Gamle Oslo (eksempel)", "▶ Frogner"]


def test_count_references_that_dwarf_the_bars_are_written_not_drawn():
    chart = charts.bars_by_bydel(COUNTS, COUNT, 2024, ("030105",), "nb")
    spec = chart.to_dict()
    assert reference_rules(spec) == []
    subtitle = spec["title"]["subtitle"]
    assert f"Oslo i alt: 1{NBSP}357 (ikke tegnet i skala)" in subtitle
    assert f"Hele landet: 21{NBSP}437 (ikke tegnet i skala)" in subtitle


def test_share_references_are_drawn_and_named_by_their_line():
    refs = charts.references(SHARES, SHARE, 2024, 40.0, "nb")
    assert [r["drawn"] for r in refs] == [True, True]
    spec = charts.bars_by_bydel(SHARES, SHARE, 2024, ("030105",), "nb").to_dict()
    assert len(reference_rules(spec)) == 2
    assert spec["title"]["subtitle"] == ["Stiplet: Oslo i alt 35,2\u00a0%", "Prikket: Hele landet 36,5\u00a0%"]


def colour_of(spec: dict) -> dict[str, str]:
    """Each series' colour as drawn: the colour scale's range is the rows' own `color`."""
    points = next(layer for layer in layers(spec) if "shape" in layer["encoding"])  # they make the legend
    assert points["encoding"]["color"]["scale"] == {"range": {"field": "color"}}
    assert points["encoding"]["shape"]["scale"] == {"range": {"field": "shape"}}
    return {r["series"]: r["color"] for r in rows_of(spec)}


def test_series_keep_their_colour_whatever_is_selected():
    one = colour_of(charts.lines_over_years(SHARES, SHARE, ("030105",), (2023, 2024), "nb").to_dict())
    two = colour_of(charts.lines_over_years(SHARES, SHARE, ("030101", "030105"), (2023, 2024), "nb").to_dict())
    assert one["Oslo i alt"] == two["Oslo i alt"] == charts.OSLO_COLOR
    assert one["Frogner"] == two["Frogner"]
    assert one["Hele landet"] == two["Hele landet"] == charts.NORWAY_COLOR
    assert "Gamle Oslo (eksempel)" in two  # an example series always says so in its legend
    assert len(set(charts.series_colors().values())) == len(charts.series_colors())


def test_count_lines_leave_out_the_country():
    rows = charts.line_rows(COUNTS, COUNT, ("030105",), (2024, 2024), "nb")
    assert {r["series"] for r in rows} == {"Frogner", "Oslo i alt"}


def test_every_chart_has_its_own_description():
    text = charts.text_alternative(SHARES, SHARE, 2024, "030105", "nb")
    spec = charts.bars_by_bydel(SHARES, SHARE, 2024, ("030105",), "nb", description=text).to_dict()
    assert spec["description"] == text
    assert "Frogner: 28,1\u00a0%" in text and "Oslo i alt: 35,2\u00a0%" in text
    lines = charts.lines_over_years(SHARES, SHARE, ("030105",), (2023, 2024), "nb").to_dict()
    assert lines["description"].startswith("Diagram: Andel i arbeid ved endt introduksjonsprogram, 2023–2024. ")
    # each line says its own first and last figure (the SVG's text for that line)
    said = {r["series"]: r["aria"] for r in rows_of(lines)}
    assert said["Oslo i alt"] == "Oslo i alt: 33,0\u00a0% (2023) – 35,2\u00a0% (2024)"
    assert said["Hele landet"] == "Hele landet: 36,5\u00a0% (2024)"  # one figure in the span: said once


def test_an_empty_card_says_why_in_one_line():
    reason = charts.no_figures_reason(SHARES, SHARE, 2022, "nb")
    assert reason == "Ingen tall for Andel i arbeid ved endt introduksjonsprogram i 2022. Tall finnes for 2023–2024."
    assert charts.no_figures_reason(SHARES, SHARE, 2024, "nb") is None
    hidden = SHARES.filter(pl.col("bydel_nr") == "030102")
    assert "skjult" in charts.no_figures_reason(hidden, SHARE, 2024, "nb")


def test_no_line_chart_without_a_figure_to_draw_in_the_span():
    assert charts.lines_if_any(SHARES, SHARE, ("030105",), (2024, 2024), "nb") is None  # one year: the bars say it
    hidden_only = SHARES.filter(pl.col("bydel_nr") == "030102")
    assert charts.lines_if_any(hidden_only, SHARE, ("030102",), (2023, 2024), "nb") is None  # no empty axes
    drawn = charts.lines_if_any(SHARES, SHARE, ("030105",), (2023, 2024), "nb")
    assert drawn is not None
    assert drawn.to_dict() == charts.lines_over_years(SHARES, SHARE, ("030105",), (2023, 2024), "nb").to_dict()


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str = "#ffffff") -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(
    "colour",
    [
        charts.SELECTED,
        charts.REAL_BAR,
        charts.EXAMPLE_BAR,
        charts.INTERVAL,
        charts.OSLO_COLOR,
        charts.NORWAY_COLOR,
        *charts.BYDEL_PALETTE,
        *charts.COMPOSITION_PALETTE,
    ],
)
def test_marks_meet_wcag_non_text_contrast(colour):
    assert contrast(colour) >= 3.0, colour


def test_chart_text_meets_wcag_text_contrast():
    assert contrast(charts.TEXT) >= 4.5


def test_spec_is_json_without_none():
    spec = charts.bars_by_bydel(SHARES, SHARE, 2024, ("030105",), "nb").to_dict()
    assert "None" not in json.dumps(spec) and "0.000000" not in json.dumps(spec)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_chart_kind_is_valid_vega_lite_and_sent_as_validated(lang):
    """The server skips the schema check (figures.vega_spec); here every kind a card draws is checked."""
    from oslo_integration.ui.figures import vega_spec

    made = [
        charts.bars_by_bydel(SHARES, SHARE, 2024, ("030105",), lang),  # intervals and drawn references
        charts.bars_by_bydel(COUNTS, COUNT, 2024, ("030105", "030101"), lang),  # references written, not drawn
        charts.lines_over_years(SHARES, SHARE, ("030105", "030101"), (2023, 2024), lang),
        charts.lines_over_years(COUNTS, COUNT, ("030105",), (2023, 2024), lang),
    ]
    shares = pl.DataFrame(
        {"bydel_nr": ["030105"] * 2, "year": [2024] * 2, "category": ["Ukraina", None], "value": [30.0, 70.0],
         "share": [30.0, 70.0], "total": [100.0] * 2, "status": ["ok"] * 2, "remainder": [False, True],
         "example": [False] * 2},
        schema_overrides={"year": pl.Int32},
    )  # fmt: skip
    made.append(charts.composition_bars(shares, 2024, ["030105"], lang, "Bosatte etter landbakgrunn"))
    for chart in made:
        checked = chart.to_dict(validate=True)  # raises on anything the Vega-Lite schema does not allow
        sent = vega_spec(chart)
        assert {k: v for k, v in sent.items() if k != "datasets"}.keys() == {
            k: v for k, v in checked.items() if k != "datasets"
        }.keys()
        assert sent["config"] == checked["config"] and sent["description"] == checked["description"]
