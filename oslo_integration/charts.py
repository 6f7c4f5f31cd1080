"""Altair charts from tidy indicator frames: bydeler for a year, lines over years, and compositions.

Rules every chart here keeps, each with a plain test:
- one layout at every width: a bydel's name stands above its bar, so a 390 px phone keeps the whole
  width for the bars instead of spending it on labels;
- hidden and missing figures are written as text where the bar would be, never drawn as zero;
- a reference (Oslo i alt, Hele landet) that would dwarf the bars is written in the subtitle, not
  drawn to a scale that makes every bydel a sliver;
- a series keeps its colour and mark whatever is selected, and an example series always says so;
- numbers follow the language's locale (`config.locale`), and every chart carries its own
  description for screen readers.
"""

from __future__ import annotations

import functools
import json

import altair as alt

# pandas is imported whole here, under the import lock, before any chart is built: Altair looks it up in
# sys.modules, and a session's thread that got there while another was still importing it failed with
# «partially initialized module 'pandas'» (found by benchmarks/load.py: many viewers on a fresh server).
import pandas  # noqa: F401
import polars as pl

from .metrics.indicators import Indicator
from .text.numbers import fmt_number, fmt_percent, fmt_range, symbols, vega_locale
from .text.strings import status_names, t
from .vocab import vocabulary

# Marks at least 3:1 against white (WCAG 2.1 1.4.11), text at least 4.5:1 (1.4.3); a test checks both.
SELECTED = "#b2182b"
REAL_BAR = "#35608f"
EXAMPLE_BAR = "#7b8a9a"
INTERVAL = "#1a1a1a"
TEXT = "#262626"
OSLO_COLOR = "#1a1a1a"
NORWAY_COLOR = "#6a3d9a"
FONT_SIZE = 14
OSLO, NORWAY = "0301", "0"
# One colour per bydel, fixed by its place in the bydel list, so a series never changes colour.
BYDEL_PALETTE = [
    "#1f5f99", "#b2182b", "#2d7d46", "#8c510a", "#b35900", "#c4400a", "#01665e", "#9c2a72",
    "#4d4d9f", "#7f5a00", "#00708a", "#8b1a1a", "#3c6e1e", "#a3366e", "#5a5a5a",
]  # fmt: skip
COMPOSITION_PALETTE = ["#1f5f99", "#c4400a", "#2d7d46", "#6a3d9a", "#8c510a", "#00708a", "#9c2a72", "#4d4d4d", "#858585"]
REMAINDER_COLOR = "#858585"  # the computed rest: grey, and named «Øvrige / ukjent» in the legend
DWARF = 3.0  # a reference more than this many times the largest bar is written, not drawn
BAR_STEP = 44  # px per bydel: a name line above a 20 px bar


def series_colors() -> dict[str, str]:
    """Every series' colour: each bydel by its place in the list, Oslo i alt black, Hele landet purple."""
    bydeler = [b.bydel_nr for b in vocabulary().real_bydeler()]
    colours = {nr: BYDEL_PALETTE[i % len(BYDEL_PALETTE)] for i, nr in enumerate(bydeler)}
    return colours | {OSLO: OSLO_COLOR, NORWAY: NORWAY_COLOR}


def series_name(nr: str, example: bool, lang: str) -> str:
    vocab = vocabulary()
    base = t("oslo", lang) if nr == OSLO else t("norway", lang) if nr == NORWAY else vocab.bydel_name(nr)
    return base + (f" ({t('example', lang)})" if example else "")


def _axis_labels(ind: Indicator, lang: str) -> str:
    """Tick labels in the language's locale: «4 000», «28 %» (values are already in percent)."""
    if ind.is_share:
        return f"format(datum.value, ',') + '{symbols(lang)['percent']}'"
    return "format(datum.value, ',')"


def finish(chart: alt.TopLevelMixin, lang: str, description: str) -> alt.TopLevelMixin:
    """Locale, description (the SVG's text alternative), quiet view and readable axes for any chart.

    Set on the chart as it is (made by the caller, nobody else holds it): each `.configure_…` copied
    the whole chart, data included, and a first page view builds dozens of charts.
    """
    chart.description = description
    # fit-x: the width follows the container, the height is the chart's own (Streamlit's «fit»
    # squeezed a line chart's plot to a few pixels under its legend)
    chart.autosize = alt.AutoSizeParams(type="fit-x", contains="padding")
    chart.config = _config(lang)
    return chart


@functools.cache
def _config(lang: str) -> alt.Config:
    """One configuration per language, shared by every chart (Altair copies it before changing it)."""
    return alt.Config(
        locale=vega_locale(lang),
        font="Source Sans Pro, sans-serif",
        view=alt.ViewConfig(strokeWidth=0),
        axis=alt.AxisConfig(
            labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelColor=TEXT, titleColor=TEXT, labelOverlap=True
        ),
        legend=alt.LegendConfig(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelColor=TEXT, titleColor=TEXT),
        title=alt.TitleConfig(color=TEXT, subtitleColor=TEXT),
    )


def references(frame: pl.DataFrame, ind: Indicator, year: int, largest: float | None, lang: str) -> list[dict]:
    """Oslo i alt and Hele landet for the year, each drawn as a line only when it does not dwarf the bars.

    A count of a whole city or country beside a bydel's count is written, not drawn: at one scale every
    bydel bar would be a sliver. Shares are always on the same scale and drawn.
    """
    out = []
    for nr, color, dash in ((OSLO, OSLO_COLOR, [6, 3]), (NORWAY, NORWAY_COLOR, [2, 2])):
        hit = frame.filter((pl.col("bydel_nr") == nr) & (pl.col("year") == year) & (pl.col("status") == "ok"))
        if not hit.height or hit["value"][0] is None:
            continue
        r = hit.row(0, named=True)
        value = float(r["value"])
        drawn = ind.is_share or largest is None or largest <= 0 or value <= DWARF * largest
        name = series_name(nr, bool(r["example"]), lang)
        out.append(
            {"value": value, "name": name, "text": ind.format_value(value, lang), "color": color, "dash": dash, "drawn": drawn}
        )
    return out


def _reference_subtitle(refs: list[dict], lang: str) -> list[str]:
    lines = []
    for ref in refs:
        if ref["drawn"]:
            kind = t("line_dashed" if ref["dash"][0] > 3 else "line_dotted", lang)
            lines.append(f"{kind}: {ref['name']} {ref['text']}")
        else:
            lines.append(f"{ref['name']}: {ref['text']} ({t('not_to_scale', lang)})")
    return lines


def bar_rows(frame: pl.DataFrame, ind: Indicator, year: int, selected: tuple[str, ...], lang: str) -> list[dict]:
    """One row per bydel for the year, with its label, shown value and status text, largest first."""
    bydeler = {b.bydel_nr for b in vocabulary().real_bydeler()}
    rows = frame.filter((pl.col("year") == year) & pl.col("bydel_nr").is_in(list(bydeler)))
    names = status_names(lang)
    out = []
    for r in rows.iter_rows(named=True):
        chosen = r["bydel_nr"] in selected
        ok = r["status"] == "ok" and r["value"] is not None
        label = ("▶ " if chosen else "") + series_name(r["bydel_nr"], bool(r["example"]), lang)
        out.append(
            {
                "bydel": r["bydel"],
                "label": label,
                "value": r["value"] if ok else None,
                "ci_low": r["ci_low"] if ok else None,
                "ci_high": r["ci_high"] if ok else None,
                "shown": ind.format_value(r["value"], lang) if ok else names.get(r["status"], r["status"]),
                "line": label + ": " + (ind.format_value(r["value"], lang) if ok else names.get(r["status"], r["status"])),
                "interval": fmt_range(r["ci_low"], r["ci_high"], 1, lang) if ok and r["ci_low"] is not None else "",
                "state": names.get(r["status"], r["status"]),
                "kind_text": t("example", lang) if r["example"] else t("real", lang),
                "chosen": chosen,
                "example": bool(r["example"]),
            }
        )
    return sorted(out, key=lambda d: (d["value"] is None, -(d["value"] or 0), d["label"]))


def bars_by_bydel(
    frame: pl.DataFrame,
    ind: Indicator,
    year: int,
    selected: tuple[str, ...],
    lang: str = "nb",
    title: str | None = None,
    description: str = "",
) -> alt.TopLevelMixin:
    """All bydeler for one year, names above their bars, with Oslo i alt and Hele landet as references."""
    # the order rides in the data, not in the spec: a change of the chosen bydeler then changes only the data,
    # and the browser updates the drawn chart in place instead of building it anew
    data = [d | {"rank": i} for i, d in enumerate(bar_rows(frame, ind, year, selected, lang))]
    values = [d["value"] for d in data if d["value"] is not None]
    refs = references(frame, ind, year, max(values) if values else None, lang)
    y = alt.Y(
        "label:N",
        sort=alt.EncodingSortField("rank", op="min"),
        title=None,
        axis=None,
        scale=alt.Scale(paddingInner=0.5, paddingOuter=0.3),
    )
    base = alt.Chart(alt.Data(values=data)).encode(y=y)
    tooltip = [
        alt.Tooltip("bydel:N", title=t("bydel", lang)),
        alt.Tooltip("shown:N", title=t("value", lang)),
        *([alt.Tooltip("interval:N", title=t("interval", lang))] if ind.kind == "rate" else []),
        alt.Tooltip("state:N", title=t("status", lang)),
        alt.Tooltip("kind_text:N", title=t("type", lang)),
    ]
    x = alt.X(
        "value:Q",
        title=None,  # the card's heading names the measure; a long axis title squeezed the plot on a phone
        scale=alt.Scale(zero=True, nice=True),
        axis=alt.Axis(tickCount=4, labelExpr=_axis_labels(ind, lang), orient="top", grid=True),
    )
    bars = (
        base.transform_filter("datum.value != null")
        .mark_bar(cornerRadiusEnd=2)
        .encode(
            x=x,
            color=alt.ColorValue(
                REAL_BAR,
                condition=[{"test": "datum.chosen", "value": SELECTED}, {"test": "datum.example", "value": EXAMPLE_BAR}],
            ),
            tooltip=tooltip,
        )
    )
    # the name and value line sits in the gap above its bar, from the left edge: the bars get the full width
    names = base.mark_text(align="left", baseline="bottom", dy=-12, fontSize=FONT_SIZE, color=TEXT).encode(
        x=alt.XValue(0), text=alt.Text("line:N")
    )
    layers: list[alt.Chart] = [bars, names]
    if any(d["ci_low"] is not None for d in data):
        layers.append(
            base.transform_filter("datum.ci_low != null")
            .mark_rule(color=INTERVAL, strokeWidth=1.5)
            .encode(x=alt.X("ci_low:Q"), x2=alt.X2("ci_high"), tooltip=tooltip)
        )
    for ref in refs:
        if ref["drawn"]:
            layers.append(
                alt.Chart(alt.Data(values=[ref]))
                .mark_rule(color=ref["color"], strokeDash=ref["dash"], strokeWidth=2.5)
                .encode(x=alt.X("value:Q"), tooltip=[alt.Tooltip("name:N", title=t("reference", lang)), alt.Tooltip("text:N", title=t("value", lang))])
            )  # fmt: skip
    heading = alt.Title(
        title or str(year),  # short on screen: the card's heading names the measure; images set the full title
        subtitle=_reference_subtitle(refs, lang) or "",
        fontSize=18,
        subtitleFontSize=FONT_SIZE,
        anchor="start",
    )
    chart = alt.layer(*layers).properties(height=alt.Step(BAR_STEP), width="container", title=heading)
    return finish(chart, lang, description or f"{ind.label(lang)}, {year}")


def line_rows(frame: pl.DataFrame, ind: Indicator, selected: tuple[str, ...], years: tuple[int, int], lang: str) -> list[dict]:
    """The selected bydeler, Oslo i alt and (for shares) Hele landet over the years, each named for its series."""
    keep = [*selected, OSLO] + ([NORWAY] if ind.is_share else [])
    rows = frame.filter(pl.col("bydel_nr").is_in(keep) & pl.col("year").is_between(*years))
    example_series = set(rows.filter(pl.col("example"))["bydel_nr"].to_list())
    names = status_names(lang)
    out = []
    for r in rows.sort("bydel_nr", "year").iter_rows(named=True):
        ok = r["status"] == "ok" and r["value"] is not None
        out.append(
            {
                "series": series_name(r["bydel_nr"], r["bydel_nr"] in example_series, lang),
                "bydel_nr": r["bydel_nr"],
                "year": int(r["year"]),
                "value": r["value"] if ok else None,
                "ci_low": r["ci_low"] if ok else None,
                "ci_high": r["ci_high"] if ok else None,
                "shown": ind.format_value(r["value"], lang) if ok else names.get(r["status"], r["status"]),
                "state": names.get(r["status"], r["status"]),
                "kind_text": t("example", lang) if r["example"] else t("real", lang),
            }
        )
    return out


def lines_over_years(
    frame: pl.DataFrame,
    ind: Indicator,
    selected: tuple[str, ...],
    years: tuple[int, int],
    lang: str = "nb",
    description: str = "",
) -> alt.TopLevelMixin:
    """Selected bydeler over the years with Oslo i alt dashed; each series' colour is fixed by who it is.

    Everything that depends on which bydeler are chosen rides in the data (colour, line style, each line's
    text alternative), none of it in the spec: choosing another bydel then only swaps the data, and the
    browser redraws the chart in place instead of building it anew (as for the bars).
    """
    return _lines_chart(line_rows(frame, ind, selected, years, lang), ind, years, lang, description)


def lines_if_any(
    frame: pl.DataFrame, ind: Indicator, selected: tuple[str, ...], years: tuple[int, int], lang: str = "nb"
) -> alt.TopLevelMixin | None:
    """The lines over the span, or None when the span is one year or holds no figure to draw (no empty axes).

    The rows are built once, for the check and for the chart, as the dashboard and the case document both ask.
    """
    rows = line_rows(frame, ind, selected, years, lang)
    if years[0] >= years[1] or all(r["value"] is None for r in rows):
        return None
    return _lines_chart(rows, ind, years, lang, "")


def _lines_chart(rows: list[dict], ind: Indicator, years: tuple[int, int], lang: str, description: str) -> alt.TopLevelMixin:
    data = _with_series_look(rows)
    base = alt.Chart(alt.Data(values=data)).encode(x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)))
    tooltip = [alt.Tooltip("series:N", title=t("bydel", lang)), alt.Tooltip("year:O", title=t("year", lang)),
               alt.Tooltip("shown:N", title=t("value", lang)), alt.Tooltip("state:N", title=t("status", lang)),
               alt.Tooltip("kind_text:N", title=t("type", lang))]  # fmt: skip
    y = alt.Y(
        "value:Q",
        title=None,  # the card's heading names the measure; a long vertical title squeezed the plot
        axis=alt.Axis(tickCount=4, labelExpr=_axis_labels(ind, lang)),
        scale=alt.Scale(zero=True),
    )
    drawn = base.transform_filter("datum.value != null")
    line = drawn.mark_line(strokeWidth=3).encode(
        y=y,
        # each row's own colour (a series keeps it whatever else is chosen), on `stroke`, not `color`: Vega-Lite
        # draws one legend for the channels that share one field, and `color` is the points' (by series)
        stroke=alt.Stroke("color:N", scale=None),
        strokeDash=alt.StrokeDash(
            "line:N", scale=alt.Scale(domain=list(LINE_DASHES), range=list(LINE_DASHES.values())), legend=None
        ),
        detail="series:N",
        description=alt.Description("aria:N"),  # each line's own text alternative: its first and last figure
        tooltip=tooltip,
    )
    # The points make the legend: colour and shape from the rows' own fields (Vega sorts the series and their
    # colours and shapes alike), on one set of marks, so the two legends are drawn as one.
    points = drawn.mark_point(size=70, filled=True, opacity=1, aria=False).encode(
        y=y,
        color=alt.Color("series:N", title=None, scale=alt.Scale(range=alt.FieldRange("color")), legend=SERIES_LEGEND),
        shape=alt.Shape("series:N", title=None, scale=alt.Scale(range=alt.FieldRange("shape")), legend=SERIES_LEGEND),
        tooltip=tooltip,
    )
    layers = [line, points]
    if any(d["ci_low"] is not None for d in data):
        layers.append(
            base.transform_filter("datum.ci_low != null")
            .mark_rule(strokeWidth=1.5)
            # the row's colour as it is: the points alone make the legend
            .encode(y=alt.Y("ci_low:Q"), y2=alt.Y2("ci_high"), stroke=alt.Stroke("color:N", scale=None))
        )
    chart = alt.layer(*layers).properties(
        height=300, width="container", title=alt.Title(f"{years[0]}–{years[1]}", fontSize=18, anchor="start")
    )
    return finish(
        chart, lang, description or f"{t('chart', lang)}: {ind.label(lang)}, {years[0]}–{years[1]}. {t('lines_each', lang)}"
    )


SERIES_LEGEND = alt.Legend(orient="bottom", direction="vertical", columns=1, labelLimit=300, symbolStrokeWidth=3)
# Oslo i alt dashed, Hele landet dotted, each bydel solid
LINE_DASHES = {"bydel": [1, 0], "oslo": [6, 4], "norway": [2, 2]}
# Each series' point shape, fixed like its colour (told apart without colour): bydeler by their place in the list
BYDEL_SHAPES = ["circle", "diamond", "triangle-down", "cross"]  # no sideways triangle: ▶ marks the chosen bars
OSLO_SHAPE, NORWAY_SHAPE = "square", "triangle-up"


def series_shapes() -> dict[str, str]:
    bydeler = [b.bydel_nr for b in vocabulary().real_bydeler()]
    shapes = {nr: BYDEL_SHAPES[i % len(BYDEL_SHAPES)] for i, nr in enumerate(bydeler)}
    return shapes | {OSLO: OSLO_SHAPE, NORWAY: NORWAY_SHAPE}


def _with_series_look(rows: list[dict]) -> list[dict]:
    """Each row with its series' colour, point shape, line style and text («Frogner: 12 % (2016) – 15 % (2024)»)."""
    colours, shapes, said = series_colors(), series_shapes(), series_texts(rows)
    kind = {OSLO: "oslo", NORWAY: "norway"}
    return [
        r
        | {
            "color": colours[r["bydel_nr"]],
            "shape": shapes[r["bydel_nr"]],
            "line": kind.get(r["bydel_nr"], "bydel"),
            "aria": said.get(r["series"], r["series"]),
        }
        for r in rows
    ]


def composition_rows(shares: pl.DataFrame, year: int, bydeler: list[str], lang: str) -> list[dict]:
    """Each selected bydel's parts for the year as counts and shares of its whole, remainder included."""
    rows = shares.filter((pl.col("year") == year) & pl.col("bydel_nr").is_in(bydeler) & (pl.col("status") == "ok"))
    place = {nr: i for i, nr in enumerate(bydeler)}
    rows = rows.sort(
        pl.col("bydel_nr").replace_strict(place, default=len(place)),
        "remainder",
        pl.col("value"),
        descending=[False, False, True],
    )
    out = []
    for r in rows.iter_rows(named=True):
        out.append(
            {
                "who": series_name(r["bydel_nr"], bool(r["example"]), lang),
                "category": t("remainder", lang) if r["remainder"] else r["category"],
                "value": r["value"],
                "share": r["share"],
                "shown": f"{fmt_number(r['value'], 0, lang)} ({fmt_percent(r['share'], 1, lang)})",
                "remainder": bool(r["remainder"]),
                "total": fmt_number(r["total"], 0, lang),
            }
        )
    return out


def composition_bars(
    shares: pl.DataFrame, year: int, bydeler: list[str], lang: str, title: str, description: str = ""
) -> alt.TopLevelMixin:
    """100 % bars of each whole (e.g. all settled), the remainder drawn as «Øvrige / ukjent», never left out."""
    data = composition_rows(shares, year, bydeler, lang)
    cats = list(dict.fromkeys(d["category"] for d in sorted(data, key=lambda d: (d["remainder"], -d["value"]))))
    colours = [
        (REMAINDER_COLOR if c == t("remainder", lang) else COMPOSITION_PALETTE[i % len(COMPOSITION_PALETTE)])
        for i, c in enumerate(cats)
    ]
    order = list(dict.fromkeys(d["who"] for d in data))
    chart = (
        alt.Chart(alt.Data(values=data))
        .transform_calculate(order=f"indexof({json.dumps(cats)}, datum.category)")
        .mark_bar()
        .encode(
            y=alt.Y("who:N", sort=order, title=None, axis=alt.Axis(labelLimit=160)),
            x=alt.X(
                "share:Q",
                stack="zero",
                title=t("share_of_all", lang),
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(tickCount=4, labelExpr=f"format(datum.value, ',') + '{symbols(lang)['percent']}'"),
            ),
            color=alt.Color(
                "category:N",
                title=None,
                scale=alt.Scale(domain=cats, range=colours),
                legend=alt.Legend(orient="bottom", direction="horizontal", columns=2, labelLimit=130),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("who:N", title=t("bydel", lang)),
                alt.Tooltip("category:N", title=t("category", lang)),
                alt.Tooltip("shown:N", title=t("value", lang)),
                alt.Tooltip("total:N", title=t("total", lang)),
            ],
        )  # fmt: skip
        .properties(height=alt.Step(40), width="container", title=alt.Title(title, fontSize=18, anchor="start"))
    )
    return finish(chart, lang, description or title)


def no_figures_reason(frame: pl.DataFrame, ind: Indicator, year: int, lang: str) -> str | None:
    """One line saying why a card has nothing to draw for the year, or None when it has figures."""
    in_year = frame.filter(pl.col("year") == year)
    if in_year.filter(pl.col("status") == "ok").height:
        return None
    hidden = in_year.filter(pl.col("status") == "prikket").height
    with_figures = sorted(set(frame.filter(pl.col("status") == "ok")["year"].to_list()))
    from .metrics.coverage import year_ranges

    where = t("figures_for_years", lang, years=year_ranges(with_figures)) if with_figures else t("no_figures_at_all", lang)
    key = "no_figures_hidden" if hidden else "no_figures_year"
    return t(key, lang, label=ind.label(lang), year=year) + " " + where


def text_alternative(frame: pl.DataFrame, ind: Indicator, year: int, bydel_nr: str, lang: str = "nb") -> str:
    """A sentence that says what the chart shows, for screen readers and for the table-minded."""
    rows = frame.filter(pl.col("year") == year)

    def value_of(nr: str) -> str:
        hit = rows.filter(pl.col("bydel_nr") == nr)
        if not hit.height:
            return t("status_mangler", lang)
        r = hit.row(0, named=True)
        text = ind.format_value(r["value"], lang) if r["status"] == "ok" else t(f"status_{r['status']}", lang)
        return text + (f" ({t('example', lang)})" if r["example"] else "")

    n = rows.filter((pl.col("bydel_nr").str.len_chars() == 6) & (pl.col("status") == "ok")).height
    name = vocabulary().bydel_name(bydel_nr)
    return t(
        "chart_alt",
        lang,
        label=ind.label(lang),
        year=year,
        n=n,
        bydel=name,
        value=value_of(bydel_nr),
        oslo=value_of(OSLO),
        norway=value_of(NORWAY),
    )


def series_texts(rows: list[dict]) -> dict[str, str]:
    """Each series with its first and last figure in the span: «Frogner: 12 % (2016) – 15 % (2024)»."""
    out = {}
    for series in dict.fromkeys(r["series"] for r in rows):
        points = [r for r in rows if r["series"] == series and r["value"] is not None]
        if points:
            first, last = points[0], points[-1]
            out[series] = f"{series}: {first['shown']} ({first['year']})" + (
                f" – {last['shown']} ({last['year']})" if last is not first else ""
            )
    return out
