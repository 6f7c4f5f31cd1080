"""Breakdown by country of origin for the selected bydeler: each whole with its parts and the rest."""

from __future__ import annotations

import polars as pl
import streamlit as st

from .. import charts
from ..metrics.rates import category_shares
from ..text.numbers import fmt_number, fmt_percent
from ..text.strings import status_names, t
from ..text.untrusted import md
from ..vocab import vocabulary
from . import data
from .figures import vega_spec
from .login import own_bydeler
from .shared_cache import shared_cache
from .state import View
from .table import show_table


def breakdown_table(shares: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Counts and shares of the whole, as text in the language's locale; the computed rest says so."""
    ex = t("example", lang)
    return shares.select(
        pl.col("bydel").alias(t("bydel", lang)),
        pl.col("year").alias(t("year", lang)),
        pl.when(pl.col("remainder")).then(pl.lit(t("remainder", lang))).otherwise(pl.col("category")).alias(t("category", lang)),
        pl.col("value").map_elements(lambda v: fmt_number(v, 0, lang), return_dtype=pl.String, skip_nulls=False).alias(t("mode_count", lang)),
        pl.col("total").map_elements(lambda v: fmt_number(v, 0, lang), return_dtype=pl.String, skip_nulls=False).alias(t("total", lang)),
        pl.col("share").map_elements(lambda v: fmt_percent(v, 1, lang), return_dtype=pl.String, skip_nulls=False).alias(t("share_of_all", lang)),
        pl.col("status").replace_strict(status_names(lang), default=pl.col("status")).alias(t("status", lang)),
        pl.when(pl.col("example")).then(pl.lit(ex)).when(pl.col("remainder")).then(pl.lit(t("computed", lang)))
        .otherwise(pl.lit(t("real", lang))).alias(t("type", lang)),
    )  # fmt: skip


@shared_cache(maxsize=256)
def _breakdown(
    version: str, show_example: bool, own: tuple[str, ...], measure: str, view: View
) -> tuple[pl.DataFrame, dict | None, str, pl.DataFrame]:
    """Rows for the selection, the chart spec for the year, its text alternative, and the table."""
    lang = view.lang
    info = vocabulary().measures[measure]
    shares = category_shares(data.public(version, show_example, own), measure)
    who = [*view.bydeler, "0301", "0"]
    rows = shares.filter(pl.col("bydel_nr").is_in(who) & pl.col("year").is_between(view.year_from, view.year_to))
    year_rows = rows.filter((pl.col("year") == view.year) & (pl.col("status") == "ok"))
    label = info.label_nb if lang == "nb" else info.label_en
    alt_text = composition_text(year_rows, label, view.year, lang)
    spec = vega_spec(charts.composition_bars(rows, view.year, who, lang, str(view.year), alt_text)) if year_rows.height else None
    return rows, spec, alt_text, breakdown_table(rows, lang)


def composition_text(year_rows: pl.DataFrame, label: str, year: int, lang: str) -> str:
    """«Frogner: 55 Ukraina (68,8 %), 25 Øvrige / ukjent (31,3 %) av 80.» for each whole."""
    parts = []
    for (nr,), group in year_rows.group_by(["bydel_nr"], maintain_order=True):
        name = charts.series_name(nr, bool(group["example"].any()), lang)
        of = "av" if lang == "nb" else "of"
        bits = ", ".join(
            f"{fmt_number(r['value'], 0, lang)} {t('remainder', lang) if r['remainder'] else r['category']} ({fmt_percent(r['share'], 1, lang)})"
            for r in group.iter_rows(named=True)
        )
        parts.append(f"{name}: {bits} {of} {fmt_number(group['total'][0], 0, lang)}.")
    return f"{t('chart', lang)}: {label}, {year}. " + " ".join(parts)


def country_breakdown(measure: str, view: View) -> None:
    lang = view.lang
    info = vocabulary().measures[measure]
    rows, spec, alt_text, table = _breakdown(data.data_version(), view.show_example, own_bydeler(), measure, view)
    with st.container(border=True, key=f"card_land_{measure}"):
        st.subheader((info.label_nb if lang == "nb" else info.label_en) + t("by_country", lang))
        if rows.is_empty() or spec is None:
            st.info(t("no_figures_year", lang, label=info.label_nb if lang == "nb" else info.label_en, year=view.year))
            if rows.is_empty():
                return
        tab_chart, tab_table = st.tabs(
            [t("tab_chart", lang), t("tab_table", lang)], key=f"tab_land_{measure}", bind="query-params"
        )
        if tab_chart.open is not False and spec is not None:
            with tab_chart:
                st.vega_lite_chart(spec, width="stretch")
                st.caption(md(alt_text))
        if tab_table.open:
            with tab_table:
                show_table(table)
