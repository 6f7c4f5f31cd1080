"""An indicator card: the same figure as chart, table and map, with an Antall/Andel switch."""

from __future__ import annotations

from functools import partial

import polars as pl
import streamlit as st

from ..metrics import indicators
from ..metrics.indicators import Indicator
from ..text.numbers import EMPTY, fmt_number, fmt_range
from ..text.strings import status_names, t
from ..text.untrusted import md
from ..vocab import vocabulary
from . import data, figures
from .login import own_bydeler
from .shared_cache import shared_cache
from .state import View
from .table import show_table


def table(frame: pl.DataFrame, ind: Indicator, view: View, year: int | None = None) -> pl.DataFrame:
    """The card's figures as a table with status, example flag and source for every row."""
    lang = view.lang
    names = {b.bydel_nr: b.bydel for b in vocabulary().bydeler.values()}
    rows = frame if year is None else frame.filter(pl.col("year") == year)
    order = {nr: i for i, nr in enumerate(list(view.bydeler) + ["0301", "0"])}
    rows = rows.with_columns(_o=pl.col("bydel_nr").replace_strict(order, default=99, return_dtype=pl.Int32)).sort(
        "_o", "bydel_nr", "year"
    )

    def show(v: float | None, decimals: int) -> str:
        return fmt_number(v, decimals, lang)

    dec = 1 if ind.kind != "count" else 0
    out = rows.select(
        pl.col("bydel_nr").replace_strict(names, default=pl.col("bydel_nr")).alias(t("bydel", lang)),
        pl.col("year").alias(t("year", lang)),
        pl.col("value")
        .map_elements(lambda v: show(v, dec), return_dtype=pl.String, skip_nulls=False)
        .alias(t("value", lang) + (" (%)" if ind.is_share else "")),
        pl.col("numerator")
        .map_elements(lambda v: show(v, 0), return_dtype=pl.String, skip_nulls=False)
        .alias(t("numerator", lang)),
        pl.col("denominator")
        .map_elements(lambda v: show(v, 0), return_dtype=pl.String, skip_nulls=False)
        .alias(t("denominator", lang)),
        pl.struct("ci_low", "ci_high")
        .map_elements(lambda r: fmt_range(r["ci_low"], r["ci_high"], 1, lang), return_dtype=pl.String)
        .alias(t("interval", lang)),
        pl.col("status").replace_strict(status_names(lang), default=pl.col("status")).alias(t("status", lang)),
        pl.when(pl.col("example")).then(pl.lit(t("example", lang))).otherwise(pl.lit(t("real", lang))).alias(t("type", lang)),
        pl.col("sources").fill_null(EMPTY).alias(t("source", lang)),
    )
    if ind.kind != "rate":
        out = out.drop(t("numerator", lang), t("denominator", lang), t("interval", lang))
    return out


def _notice_bad_link(key: str, lang: str, has_mode: bool) -> None:
    """A tab or Andel/Antall in the link that the card does not have: the usual notice, then the default
    (Streamlit drops the bound parameter itself)."""
    tabs = [t("tab_chart", lang), t("tab_table", lang), t("tab_map", lang)]
    modes = [t("mode_share", lang), t("mode_count", lang)] if has_mode else []
    for name, allowed, fallback in ((f"tab_{key}", tabs, tabs[0]), (f"vis_{key}", modes, modes[0] if modes else "–")):
        value = st.query_params.get(name)
        if value is not None and value not in allowed and f"bad_{name}" not in st.session_state:
            st.session_state[f"bad_{name}"] = True  # once per session
            st.info(md(t("bad_param", lang, name=name, value=value, fallback=fallback)))


@shared_cache(maxsize=512)
def _has_data(
    version: str, show_example: bool, own: tuple[str, ...], indicator: str, bydeler: tuple[str, ...], year: int
) -> bool:
    frame = data.indicator_frame(version, show_example, indicator, own)
    relevant = frame.filter(pl.col("bydel_nr").is_in(list(bydeler) + ["0301", "0"]))
    return not (relevant.filter(pl.col("status") == "ok").is_empty() and frame.filter(pl.col("year") == year).is_empty())


@shared_cache(maxsize=512)
def _tables(
    version: str, show_example: bool, own: tuple[str, ...], indicator: str, view: View
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The card's two tables: the selection over the span, and every bydel for the year."""
    frame = data.indicator_frame(version, show_example, indicator, own)
    ind = indicators()[indicator]
    span = frame.filter(
        pl.col("year").is_between(view.year_from, view.year_to) & pl.col("bydel_nr").is_in(list(view.bydeler) + ["0301", "0"])
    )
    return table(span, ind, view), table(frame, ind, view, view.year)


def indicator_card(
    indicator: str, view: View, *, count_indicator: str | None = None, key: str | None = None, share: bool = True
) -> None:
    """Graf / Tabell / Kart of one indicator; `count_indicator` gives the Antall side of a share."""
    inds = indicators()
    lang = view.lang
    key = key or indicator
    version = data.data_version()
    chosen = inds[indicator]
    with st.container(border=True, key=f"card_{key}"):
        st.subheader(chosen.label(lang))
        _notice_bad_link(key, lang, bool(count_indicator))
        if count_indicator:
            mode = st.segmented_control(
                t("mode", lang),
                [t("mode_share", lang), t("mode_count", lang)],
                default=t("mode_share", lang),
                key=f"vis_{key}",  # in the URL as ?vis_<card>=Antall (only when not the default)
                bind="query-params",
                required=True,
                label_visibility="collapsed",
            )
            if mode == t("mode_count", lang):
                chosen = inds[count_indicator]
        own = own_bydeler()
        if not _has_data(version, view.show_example, own, chosen.indicator, view.bydeler, view.year):
            st.info(t("no_data", lang))
            return
        args = (version, view.show_example, own, chosen.indicator)
        # only the open tab is built and sent: a rerun on the projector stays fast
        tab_chart, tab_table, tab_map = st.tabs(
            [t("tab_chart", lang), t("tab_table", lang), t("tab_map", lang)],
            key=f"tab_{key}",  # in the URL as ?tab_<card>=Tabell (only when not the default)
            bind="query-params",
        )
        if tab_chart.open is not False:
            with tab_chart:
                alt_text, bar_spec, line_spec, reason = figures.chart_tab(
                    *args, view.year, view.bydel, view.bydeler, (view.year_from, view.year_to), lang
                )
                if reason:  # one line, no empty chart
                    st.info(reason)
                else:
                    st.vega_lite_chart(bar_spec, width="stretch")
                    st.caption(md(alt_text))
                if line_spec is not None:
                    st.vega_lite_chart(line_spec, width="stretch")
        if tab_table.open:
            with tab_table:
                span_table, year_table = _tables(*args, view)
                show_table(span_table)
                with st.expander(t("bydel", lang) + " – " + str(view.year)):
                    show_table(year_table)
        if tab_map.open:
            with tab_map:
                deck, legend = figures.choropleth(*args, view.year, view.bydeler, lang)
                left, right = st.columns([3, 1])
                with left:
                    from .mappage import select_clicked

                    st.pydeck_chart(
                        deck,
                        height=420,
                        key=f"map_{key}",
                        on_select=partial(select_clicked, f"map_{key}"),
                        selection_mode="single-object",
                    )
                    st.caption(t("map_click", lang))
                with right:
                    st.html(legend)
        from .downloads import download_menu

        # one row of two menus: a horizontal container is one element, where columns were four
        with st.container(horizontal=True, gap="small"):
            download_menu(lambda: data.indicator_frame(version, view.show_example, chosen.indicator, own), chosen, view, key)
            if share:
                from .share_menu import share_menu

                share_menu(chosen, view, key, st.session_state.get(f"tab_{key}"))
        st.caption(
            chosen.label(lang)
            + ": "
            + (
                vocabulary().measures.get(chosen.numerator).definition_nb
                if lang == "nb"
                else vocabulary().measures.get(chosen.numerator).definition_en
            )
        )
