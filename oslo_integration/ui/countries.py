"""Breakdown by country of origin for the selected bydeler: shares computed from counts."""

from __future__ import annotations

from functools import lru_cache

import altair as alt
import polars as pl
import streamlit as st

from ..metrics.rates import category_shares
from ..text.numbers import fmt_number
from ..text.strings import t
from ..vocab import vocabulary
from . import data
from .figures import vega_spec
from .login import own_bydeler
from .state import View
from .table import show_table


@lru_cache(maxsize=256)
def _breakdown(
    version: str, show_example: bool, own: tuple[str, ...], measure: str, view: View
) -> tuple[pl.DataFrame, dict | None, pl.DataFrame]:
    """Rows for the selection, the chart spec for the year, and the table; built once per selection."""
    lang = view.lang
    frame = category_shares(data.public(version, show_example, own), measure)
    rows = frame.filter(
        pl.col("bydel_nr").is_in(list(view.bydeler) + ["0301"]) & pl.col("year").is_between(view.year_from, view.year_to)
    )
    ex = t("example", lang)
    shown = rows.with_columns(
        label=pl.col("bydel") + pl.when(pl.col("example")).then(pl.lit(f" ({ex})")).otherwise(pl.lit("")),
        share_text=pl.col("share").map_elements(lambda v: fmt_number(v, 1, lang), return_dtype=pl.String),
    )
    year_rows = shown.filter((pl.col("year") == view.year) & (pl.col("status") == "ok"))
    chart = (
        alt.Chart(alt.Data(values=year_rows.to_dicts()))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, axis=alt.Axis(labelFontSize=14)),
            x=alt.X("share:Q", stack="normalize", title=t("mode_share", lang), axis=alt.Axis(format="%")),
            color=alt.Color("category:N", title=t("category", lang), legend=alt.Legend(labelFontSize=13)),
            tooltip=["label:N", "category:N", "value:Q", "share_text:N"],
        )
        .properties(title=f"{view.year}", height=alt.Step(34))
    )
    table = shown.select(
        pl.col("bydel").alias(t("bydel", lang)),
        pl.col("year").alias(t("year", lang)),
        pl.col("category").alias(t("category", lang)),
        pl.col("value").alias(t("mode_count", lang)),
        pl.col("share_text").alias(t("mode_share", lang) + " (%)"),
        pl.col("status").alias(t("status", lang)),
        pl.when(pl.col("example")).then(pl.lit(ex)).otherwise(pl.lit(t("real", lang))).alias(t("type", lang)),
    )
    return rows, vega_spec(chart) if year_rows.height else None, table


def country_breakdown(measure: str, view: View) -> None:
    lang = view.lang
    info = vocabulary().measures[measure]
    rows, spec, table = _breakdown(data.data_version(), view.show_example, own_bydeler(), measure, view)
    with st.container(border=True):
        st.subheader((info.label_nb if lang == "nb" else info.label_en) + t("by_country", lang))
        if rows.is_empty():
            st.info(t("no_data", lang))
            return
        tab_chart, tab_table = st.tabs([t("tab_chart", lang), t("tab_table", lang)], key=f"tab_land_{measure}", on_change="rerun")
        if tab_chart.open is not False and spec is not None:
            with tab_chart:
                st.vega_lite_chart(spec, width="stretch")
        if tab_table.open:
            with tab_table:
                show_table(table)
