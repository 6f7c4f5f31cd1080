"""What the cards draw, built once per data version and selection and then reused on every rerun.

A rerun (a click on the projector) should only send what is already built: Altair's chart
validation and the map's GeoJSON serialisation were most of a page's time, so both are cached
here as finished specs. Charts are converted the way st.altair_chart converts them (data as
Arrow), so st.vega_lite_chart can send them without touching Altair again.
"""

from __future__ import annotations

import hashlib
import json

import altair as alt
import polars as pl
import pydeck as pdk
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from .. import charts, maps
from ..metrics import indicators
from . import data
from .shared_cache import shared_cache

Selection = tuple[str, ...]


def vega_spec(chart: alt.TopLevelMixin) -> dict:
    """A finished Vega-Lite spec whose inline data are named Arrow datasets, ready to send as they are.

    Not validated against the Vega-Lite schema here: that was two thirds of building a chart, on every
    first view of a selection. The charts are the same code every time; tests/test_charts.py validates them.
    """
    spec = chart.to_dict(validate=False)
    datasets: dict[str, object] = {name: _arrow(values) for name, values in spec.get("datasets", {}).items()}
    _name_inline_data(spec, datasets)
    if datasets:
        spec["datasets"] = datasets
    return spec


def _arrow(values: object) -> object:
    if isinstance(values, list) and all(isinstance(v, dict) for v in values):  # an empty list too
        return convert_anything_to_arrow_bytes(pl.DataFrame(values, infer_schema_length=None))
    return values


def _name_inline_data(node: object, datasets: dict[str, object]) -> None:
    """Move every `data: {values: [...]}` into `datasets` under a name (Streamlit sends those as Arrow)."""
    if isinstance(node, list):
        for item in node:
            _name_inline_data(item, datasets)
        return
    if not isinstance(node, dict):
        return
    found = node.get("data")
    if isinstance(found, dict) and isinstance(found.get("values"), list):
        values = found["values"]
        name = "data-" + hashlib.sha1(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()[:16]
        datasets.setdefault(name, _arrow(values))
        node["data"] = {"name": name} | {k: v for k, v in found.items() if k != "values"}
    for key, value in node.items():
        if key not in ("data", "datasets"):
            _name_inline_data(value, datasets)


@shared_cache(maxsize=1024)
def chart_tab(
    version: str,
    show_example: bool,
    own: Selection,
    indicator: str,
    year: int,
    bydel: str,
    bydeler: Selection,
    span: tuple[int, int],
    lang: str,
) -> tuple[str, dict | None, dict | None, str | None]:
    """Everything the Graf tab shows, in one cached call: text alternative, bars, lines over the span,
    and the one line that says why there is nothing to draw (then no bar chart is made)."""
    frame = data.indicator_frame(version, show_example, indicator, own)
    ind = indicators()[indicator]
    text = charts.text_alternative(frame, ind, year, bydel, lang)
    reason = charts.no_figures_reason(frame, ind, year, lang)
    bars = None if reason else vega_spec(charts.bars_by_bydel(frame, ind, year, bydeler, lang, description=text))
    drawn = charts.lines_if_any(frame, ind, bydeler, span, lang)
    lines = None if drawn is None else vega_spec(drawn)
    return text, bars, lines, reason


@shared_cache(maxsize=256)
def choropleth(
    version: str,
    show_example: bool,
    own: Selection,
    indicator: str,
    year: int,
    bydeler: Selection,
    lang: str,
    zoom: float = maps.ZOOM_CARD,
) -> tuple[pdk.Deck, str]:
    """The map with its JSON made once (compact), and the legend as HTML."""
    frame = data.indicator_frame(version, show_example, indicator, own)
    deck, legend = maps.choropleth(frame, indicators()[indicator], year, bydeler, lang, zoom)
    text = json.dumps(json.loads(deck.to_json()), separators=(",", ":"))
    deck.to_json = lambda: text  # st.pydeck_chart asks for the JSON on every rerun
    return deck, maps.legend_html(legend)
