"""Altair charts from tidy indicator frames: bydeler for a year, or lines over years.

Hidden and missing figures are written as text where the bar would be, never drawn as zero; the
selected bydel is marked by colour and by an arrow in its label, so colour is not the only cue.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from .metrics.indicators import Indicator
from .text.strings import status_names, t
from .vocab import vocabulary

SELECTED = "#b2182b"
OTHER = "#6b8fb5"
OSLO_COLOR = "#1a1a1a"
NORWAY_COLOR = "#7a5195"
FONT_SIZE = 14


def bars_by_bydel(
    frame: pl.DataFrame, ind: Indicator, year: int, selected: tuple[str, ...], lang: str = "nb", title: str | None = None
) -> alt.LayerChart:
    """All bydeler for one year, with Oslo i alt and Hele landet as labelled reference lines."""
    vocab = vocabulary()
    bydeler = {b.bydel_nr for b in vocab.real_bydeler()}
    rows = frame.filter((pl.col("year") == year) & pl.col("bydel_nr").is_in(list(bydeler)))
    ex = t("example", lang)
    data = rows.with_columns(
        label=pl.when(pl.col("bydel_nr").is_in(list(selected))).then(pl.format("▶ {}", "bydel")).otherwise(pl.col("bydel"))
        + pl.when(pl.col("example")).then(pl.lit(f" ({ex})")).otherwise(pl.lit("")),
        chosen=pl.col("bydel_nr").is_in(list(selected)),
        shown=pl.col("value").map_elements(lambda v: ind.format_value(v, lang), return_dtype=pl.String),
        state=pl.col("status").replace_strict(status_names(lang), default=pl.col("status")),
        kind_text=pl.when(pl.col("example")).then(pl.lit(ex)).otherwise(pl.lit(t("real", lang))),
    ).to_dicts()
    order = [d["label"] for d in sorted(data, key=lambda d: (d["value"] is None, -(d["value"] or 0)))]
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelFontSize=FONT_SIZE, labelLimit=260)),
    )
    tooltip = [
        alt.Tooltip("bydel:N", title=t("bydel", lang)),
        alt.Tooltip("shown:N", title=t("value", lang)),
        alt.Tooltip("state:N", title=t("status", lang)),
        alt.Tooltip("kind_text:N", title=t("type", lang)),
    ]
    x_title = ind.label(lang) + (" (%)" if ind.is_share else "")
    bars = (
        base.transform_filter("datum.value != null")
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=x_title, axis=alt.Axis(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE)),
            color=alt.condition("datum.chosen", alt.value(SELECTED), alt.value(OTHER)),
            opacity=alt.condition("datum.example", alt.value(0.55), alt.value(1.0)),
            tooltip=tooltip,
        )
    )
    layers = [bars]
    if rows["ci_low"].is_not_null().any():
        layers.append(
            base.transform_filter("datum.ci_low != null")
            .mark_rule(color="#333", strokeWidth=1.5)
            .encode(x="ci_low:Q", x2="ci_high:Q")
        )
    layers.append(
        base.transform_filter("datum.value == null")
        .mark_text(align="left", dx=4, fontStyle="italic", fontSize=FONT_SIZE, color="#555")
        .encode(x=alt.datum(0), text="state:N", tooltip=tooltip)
    )
    refs = []
    for nr, key, color, dash, align in (
        ("0301", "oslo", OSLO_COLOR, [6, 3], "right"),
        ("0", "norway", NORWAY_COLOR, [2, 2], "left"),
    ):
        hit = frame.filter((pl.col("bydel_nr") == nr) & (pl.col("year") == year) & (pl.col("status") == "ok"))
        if hit.height:
            r = hit.row(0, named=True)
            name = t(key, lang) + (f" ({ex})" if r["example"] else "")
            refs.append(
                {
                    "value": r["value"],
                    "name": f"{name}: {ind.format_value(r['value'], lang)}",
                    "color": color,
                    "dash": dash,
                    "align": align,
                }
            )
    for ref in refs:
        rule = (
            alt.Chart(alt.Data(values=[ref]))
            .mark_rule(color=ref["color"], strokeDash=ref["dash"], strokeWidth=2.5)
            .encode(x="value:Q", tooltip=[alt.Tooltip("name:N")])
        )
        # Oslo's label to the left of its line, the country's to the right, so they never overlap
        label = (
            alt.Chart(alt.Data(values=[ref]))
            .mark_text(
                align=ref["align"],
                dx=-4 if ref["align"] == "right" else 4,
                dy=-8,
                fontSize=FONT_SIZE,
                fontWeight="bold",
                color=ref["color"],
            )
            .encode(x="value:Q", y=alt.value(0), text="name:N")
        )
        layers += [rule, label]
    chart = alt.layer(*layers).properties(
        height=alt.Step(26), title=alt.Title(title or f"{ind.label(lang)}, {year}", fontSize=18, anchor="start")
    )
    return chart.configure_view(strokeWidth=0)


def lines_over_years(
    frame: pl.DataFrame, ind: Indicator, selected: tuple[str, ...], years: tuple[int, int], lang: str = "nb"
) -> alt.LayerChart:
    """Selected bydeler over the years, with Oslo i alt dashed; rates carry their interval."""
    keep = list(selected) + ["0301"]
    ex = t("example", lang)
    rows = frame.filter(pl.col("bydel_nr").is_in(keep) & pl.col("year").is_between(*years)).with_columns(
        series=pl.when(pl.col("bydel_nr") == "0301").then(pl.lit(t("oslo", lang))).otherwise(pl.col("bydel")),
        dashed=pl.col("bydel_nr") == "0301",
        shown=pl.col("value").map_elements(lambda v: ind.format_value(v, lang), return_dtype=pl.String),
        kind_text=pl.when(pl.col("example")).then(pl.lit(ex)).otherwise(pl.lit(t("real", lang))),
        state=pl.col("status").replace_strict(status_names(lang), default=pl.col("status")),
    )
    data = rows.to_dicts()
    base = alt.Chart(alt.Data(values=data)).encode(
        x=alt.X("year:O", title=t("year", lang), axis=alt.Axis(labelFontSize=FONT_SIZE, labelAngle=0)),
        color=alt.Color("series:N", title=None, legend=alt.Legend(labelFontSize=FONT_SIZE, orient="bottom")),
    )
    tooltip = [alt.Tooltip("series:N", title=t("bydel", lang)), alt.Tooltip("year:O"), alt.Tooltip("shown:N", title=t("value", lang)),
               alt.Tooltip("state:N", title=t("status", lang)), alt.Tooltip("kind_text:N", title=t("type", lang))]  # fmt: skip
    y = alt.Y("value:Q", title=ind.label(lang) + (" (%)" if ind.is_share else ""), axis=alt.Axis(labelFontSize=FONT_SIZE))
    line = (
        base.transform_filter("datum.value != null")
        .mark_line(point=alt.OverlayMarkDef(size=70, filled=True), strokeWidth=3)
        .encode(
            y=y, strokeDash=alt.condition("datum.dashed", alt.value([6, 4]), alt.value([1, 0])), shape="series:N", tooltip=tooltip
        )
    )
    layers = [line]
    if rows["ci_low"].is_not_null().any():
        layers.append(
            base.transform_filter("datum.ci_low != null").mark_rule(strokeWidth=1.5).encode(y="ci_low:Q", y2="ci_high:Q")
        )
    layers.append(
        base.transform_filter("datum.value == null")
        .mark_text(fontStyle="italic", fontSize=12, dy=-8)
        .encode(y=alt.datum(0), text="state:N", tooltip=tooltip)
    )
    return (
        alt.layer(*layers)
        .properties(height=360, title=alt.Title(ind.label(lang), fontSize=18, anchor="start"))
        .configure_view(strokeWidth=0)
    )


def text_alternative(frame: pl.DataFrame, ind: Indicator, year: int, bydel_nr: str, lang: str = "nb") -> str:
    """A sentence that says what the chart shows, for screen readers and for the table-minded."""
    rows = frame.filter(pl.col("year") == year)

    def value_of(nr: str) -> str:
        hit = rows.filter(pl.col("bydel_nr") == nr)
        if not hit.height:
            return t("status_mangler", lang)
        r = hit.row(0, named=True)
        return ind.format_value(r["value"], lang) if r["status"] == "ok" else t(f"status_{r['status']}", lang)

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
        oslo=value_of("0301"),
        norway=value_of("0"),
    )
