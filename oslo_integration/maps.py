"""pydeck choropleths over the shipped bydel boundaries; no base map, nothing fetched at run time."""

from __future__ import annotations

import json
from functools import cache

import polars as pl
import pydeck as pdk

from .metrics.indicators import Indicator
from .paths import BOUNDARIES_FILE
from .text.numbers import fmt_range
from .text.strings import t

LAYER_ID = "bydeler"
NAMES_ID = "navn"
PALETTE = [[222, 235, 247], [158, 202, 225], [66, 146, 198], [33, 113, 181], [8, 69, 148]]
MISSING_FILL = [200, 200, 200]
MISSING_LINE = [110, 110, 110]
OUTSIDE_FILL = [246, 246, 241]
SELECTED_LINE = [178, 24, 43]
# Framed on the built-up bydeler (lon 10.62–10.95, lat 59.81–59.99), not on Marka: at this zoom the
# city fills a card's map at 340–900 px wide, with Marka's edge still visible around it.
CENTRE = (59.897, 10.785)
ZOOM_CARD, ZOOM_PAGE = 9.5, 9.85


def view_state(zoom: float = ZOOM_CARD) -> pdk.ViewState:
    return pdk.ViewState(latitude=CENTRE[0], longitude=CENTRE[1], zoom=zoom, min_zoom=9, max_zoom=14, pitch=0)


@cache
def boundaries() -> dict:
    with BOUNDARIES_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area and centroid of one ring (shoelace), in degrees: small enough here to treat as flat."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


# Two small neighbours whose centroids sit too close for their names: each moved inside itself.
LABEL_NUDGE = {"030104": (-0.009, 0.002), "030102": (0.010, -0.003)}


@cache
def label_points() -> dict[str, tuple[float, float]]:
    """Where each bydel's name stands: the centroid of its largest polygon (nudged for two neighbours)."""
    out = {}
    for f in boundaries()["features"]:
        geom = f["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        area, x, y = max(_ring_centroid([list(p[:2]) for p in poly[0]]) for poly in polygons)
        nr = f["properties"]["bydel_nr"]
        dx, dy = LABEL_NUDGE.get(nr, (0.0, 0.0))
        out[nr] = (x + dx, y + dy)
    return out


def class_breaks(values: list[float], most: int = len(PALETTE)) -> list[tuple[float, float]]:
    """Classes of about equal count as (lowest, highest) member: never empty, never overlapping, and
    fewer than `most` when there are fewer distinct values (three values give three classes)."""
    distinct = sorted(set(values))
    if not distinct:
        return []
    if len(distinct) <= most:  # few values: one class each
        return [(v, v) for v in distinct]
    k = most
    ordered = sorted(values)
    classes: list[list[float]] = []
    for v in distinct:
        # the class a value belongs to by its rank among all values, so each class holds about len/k of them
        rank = ordered.index(v)
        i = min(k - 1, rank * k // len(ordered))
        if classes and (i <= len(classes) - 1):
            classes[-1].append(v)
        else:
            classes.append([v])
    return [(c[0], c[-1]) for c in classes]


def class_of(value: float, classes: list[tuple[float, float]]) -> int:
    for i, (_low, high) in enumerate(classes):
        if value <= high:
            return i
    return len(classes) - 1


def _class_colours(n: int) -> list[list[int]]:
    """n colours spread over the palette, light to dark."""
    if n <= 1:
        return [PALETTE[2]]
    return [PALETTE[round(i * (len(PALETTE) - 1) / (n - 1))] for i in range(n)]


def _range_text(ind: Indicator, low: float, high: float, lang: str) -> str:
    return ind.format_value(low, lang) if low == high else f"{ind.format_value(low, lang)} – {ind.format_value(high, lang)}"


def choropleth(
    frame: pl.DataFrame, ind: Indicator, year: int, selected: tuple[str, ...], lang: str = "nb", zoom: float = ZOOM_CARD
) -> tuple[pdk.Deck, list[dict]]:
    """The map with each bydel's name and its legend (colour, text); missing and hidden bydeler get their own grey."""
    rows = {r["bydel_nr"]: r for r in frame.filter(pl.col("year") == year).iter_rows(named=True)}
    values = [r["value"] for nr, r in rows.items() if len(nr) == 6 and r["status"] == "ok" and r["value"] is not None]
    classes = class_breaks(values)
    colours = _class_colours(len(classes))
    ex = t("example", lang)
    features, names = [], []
    points = label_points()
    for f in boundaries()["features"]:
        nr = f["properties"]["bydel_nr"]
        name = f["properties"]["bydel"]
        if not f["properties"].get("is_bydel", True):  # Marka and Sentrum: on the map, not in the comparison
            props = {"bydel_nr": nr, "bydel": name, "value_text": t("not_bydel", lang), "interval_text": "", "status_text": "",
                     "fill": OUTSIDE_FILL + [255], "line": [170, 170, 170], "width": 20}  # fmt: skip
            features.append({"type": "Feature", "geometry": f["geometry"], "properties": props})
            continue
        r = rows.get(nr)
        ok = r is not None and r["status"] == "ok" and r["value"] is not None
        status = r["status"] if r else "mangler"
        interval = fmt_range(r["ci_low"], r["ci_high"], 1, lang) if ok and r.get("ci_low") is not None else ""
        props = {
            "bydel_nr": nr,
            "bydel": name,
            "value_text": ind.format_value(r["value"], lang) if ok else t(f"status_{status}", lang),
            "interval_text": f"{t('interval_short', lang)}: {interval}" if interval else "",
            "status_text": t(f"status_{status}", lang)
            + (f" – {ex}" if r and r["example"] else f" – {t('real', lang)}" if r else ""),
            "fill": colours[class_of(r["value"], classes)] + [235] if ok else MISSING_FILL + [200],
            "line": SELECTED_LINE if nr in selected else ([60, 60, 60] if ok else MISSING_LINE),
            "width": 120 if nr in selected else 20,  # metres; at least one pixel
        }
        features.append({"type": "Feature", "geometry": f["geometry"], "properties": props})
        names.append({"position": list(points[nr]), "text": name.replace(" ", "\n", 1) if len(name) > 9 else name})
    # borders are drawn in the features' order: a neighbour's drawn later would run through a chosen one's outline
    features.sort(key=lambda f: f["properties"]["bydel_nr"] in selected)
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
        # Only the fill answers a click or a hover. deck.gl picks synchronously on pointerdown, and under
        # software WebGL (a PC without a GPU) picking the borders' paths took 160–200 ms against 11–14 ms
        # for the fill alone: with them, a click held longer than the tap's 250 ms counted as a press, not
        # a click, and was lost. A click on a border still lands on the bydel drawn under it.
        _sub_layer_props={"polygons-stroke": {"pickable": False}},
    )
    labels = pdk.Layer(
        "TextLayer",
        data=names,
        id=NAMES_ID,
        get_position="position",
        get_text="text",
        get_size=12.5,
        size_units="'pixels'",  # pydeck reads a bare string as an expression: quoted, it stays a string
        get_color=[20, 20, 20],
        # æ, ø, å and ü: the default set is ASCII only (and «auto» reaches the browser as a function)
        character_set="'" + "".join(sorted({c for n in names for c in n["text"] if c != "\n"})) + "'",
        font_family="'Source Sans Pro, Helvetica Neue, Arial, sans-serif'",
        background=True,  # a pale plate behind the name keeps it readable on the darkest class (WCAG 1.4.3)
        get_background_color=[255, 255, 255, 215],
        background_padding=[3, 1],
        line_height=1.05,
        get_text_anchor="'middle'",
        get_alignment_baseline="'center'",
        pickable=False,
    )
    tooltip = {
        "html": "<b>{bydel}</b><br/>" + ind.label(lang) + ": <b>{value_text}</b><br/>{interval_text}<br/>{status_text}",
        # short lines that wrap: a tooltip near the map's edge keeps its value in view
        "style": {"fontSize": "14px", "maxWidth": "230px", "whiteSpace": "normal", "lineHeight": "1.3",
                  "backgroundColor": "#1a1a1a", "color": "#ffffff", "padding": "6px 8px"},
    }  # fmt: skip
    # map_provider=None without a map_style: pydeck then marks the style so Streamlit draws no base
    # map at all (passing map_style=None would make Streamlit fetch its themed tile style instead).
    deck = pdk.Deck(layers=[layer, labels], initial_view_state=view_state(zoom), map_provider=None, tooltip=tooltip)
    legend = [{"color": colours[i], "text": _range_text(ind, low, high, lang)} for i, (low, high) in enumerate(classes)]
    legend.append({"color": MISSING_FILL, "text": t("legend_missing", lang)})
    legend.append({"color": OUTSIDE_FILL, "text": t("not_bydel", lang)})
    if any(r["example"] for nr, r in rows.items() if len(nr) == 6):
        legend.append({"color": None, "text": f"{t('example', lang).capitalize()}: " + t("legend_example", lang)})
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
