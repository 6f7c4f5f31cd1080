"""pydeck choropleths over the shipped bydel boundaries; no base map, nothing fetched at run time."""

from __future__ import annotations

import json
from functools import cache

import polars as pl
import pydeck as pdk

from .metrics.indicators import Indicator
from .paths import BOUNDARIES_FILE
from .text.strings import t

LAYER_ID = "bydeler"
PALETTE = [[239, 243, 255], [189, 215, 231], [107, 174, 214], [49, 130, 189], [8, 81, 156]]
MISSING_FILL = [200, 200, 200]
MISSING_LINE = [120, 120, 120]
OUTSIDE_FILL = [250, 250, 247]
SELECTED_LINE = [178, 24, 43]
VIEW = pdk.ViewState(latitude=59.95, longitude=10.76, zoom=9.2, pitch=0)


@cache
def boundaries() -> dict:
    with BOUNDARIES_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


def _bins(values: list[float], n: int = len(PALETTE)) -> list[float]:
    """Equal-count class breaks, so each colour covers about the same number of bydeler."""
    v = sorted(values)
    if not v:
        return []
    return [v[min(len(v) - 1, round(i * len(v) / n))] for i in range(1, n)]


def _class(value: float, breaks: list[float]) -> int:
    return sum(value >= b for b in breaks)


def choropleth(
    frame: pl.DataFrame, ind: Indicator, year: int, selected: tuple[str, ...], lang: str = "nb"
) -> tuple[pdk.Deck, list[dict]]:
    """The map and its legend (colour, text); missing and hidden bydeler get their own grey."""
    rows = {r["bydel_nr"]: r for r in frame.filter(pl.col("year") == year).iter_rows(named=True)}
    values = [r["value"] for nr, r in rows.items() if len(nr) == 6 and r["status"] == "ok" and r["value"] is not None]
    breaks = _bins(values)
    ex = t("example", lang)
    features = []
    for f in boundaries()["features"]:
        nr = f["properties"]["bydel_nr"]
        if not f["properties"].get("is_bydel", True):  # Marka and Sentrum: on the map, not in the comparison
            props = {"bydel_nr": nr, "bydel": f["properties"]["bydel"], "value_text": t("not_bydel", lang), "status_text": "",
                     "fill": OUTSIDE_FILL + [255], "line": [170, 170, 170], "width": 20}  # fmt: skip
            features.append({"type": "Feature", "geometry": f["geometry"], "properties": props})
            continue
        r = rows.get(nr)
        ok = r is not None and r["status"] == "ok" and r["value"] is not None
        status = r["status"] if r else "mangler"
        props = {
            "bydel_nr": nr,
            "bydel": f["properties"]["bydel"],
            "value_text": ind.format_value(r["value"], lang) if ok else t(f"status_{status}", lang),
            "status_text": t(f"status_{status}", lang) + (f" – {ex}" if r and r["example"] else ""),
            "fill": PALETTE[_class(r["value"], breaks)] + [230] if ok else MISSING_FILL + [200],
            "line": SELECTED_LINE if nr in selected else ([60, 60, 60] if ok else MISSING_LINE),
            "width": 120 if nr in selected else 20,  # metres; at least one pixel
        }
        features.append({"type": "Feature", "geometry": f["geometry"], "properties": props})
    layer = pdk.Layer(
        "GeoJsonLayer",
        data={"type": "FeatureCollection", "features": features},
        id=LAYER_ID,
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color="properties.line",
        get_line_width="properties.width",
        line_width_min_pixels=1,
    )
    tooltip = {
        "html": "<b>{bydel}</b><br/>" + ind.label(lang) + ": {value_text}<br/>{status_text}",
        "style": {"fontSize": "15px"},
    }
    # map_provider=None without a map_style: pydeck then marks the style so Streamlit draws no base
    # map at all (passing map_style=None would make Streamlit fetch its themed tile style instead).
    deck = pdk.Deck(layers=[layer], initial_view_state=VIEW, map_provider=None, tooltip=tooltip)
    legend = []
    edges = [min(values)] + breaks + [max(values)] if values else []
    for i in range(len(edges) - 1):
        legend.append(
            {"color": PALETTE[i], "text": f"{ind.format_value(edges[i], lang)} – {ind.format_value(edges[i + 1], lang)}"}
        )
    legend.append({"color": MISSING_FILL, "text": t("legend_missing", lang)})
    legend.append({"color": OUTSIDE_FILL, "text": t("not_bydel", lang)})
    if any(r["example"] for nr, r in rows.items() if len(nr) == 6):
        legend.append(
            {
                "color": None,
                "text": f"{t('example', lang).capitalize()}: " + t("legend_example", lang),
            }
        )
    return deck, legend


def legend_html(legend: list[dict]) -> str:
    items = []
    for item in legend:
        swatch = (
            f'<span style="display:inline-block;width:18px;height:18px;margin-right:8px;border:1px solid #555;'
            f'background:rgb({item["color"][0]},{item["color"][1]},{item["color"][2]})"></span>'
            if item["color"]
            else ""
        )
        items.append(f'<div style="margin:4px 0;font-size:15px">{swatch}{item["text"]}</div>')
    return "".join(items)


def selected_bydel(state: object) -> str | None:
    """The bydel clicked on the map, from st.pydeck_chart's selection state."""
    try:
        objects = state.selection["objects"].get(LAYER_ID) or []  # type: ignore[attr-defined]
    except (AttributeError, KeyError, TypeError):
        return None
    if not objects:
        return None
    obj = objects[0]
    props = obj.get("properties", obj) if isinstance(obj, dict) else {}
    return props.get("bydel_nr")
