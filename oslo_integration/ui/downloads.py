"""Download buttons for exactly what a card shows; files are made only when a button is clicked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import polars as pl
import streamlit as st

from .. import charts
from ..exports import card_rows, chart_png, chart_svg, to_csv_excel, to_csv_plain, to_xlsx, with_source
from ..exports.tables import about_rows, export_frame
from ..metrics.indicators import Indicator
from ..publishers import credit_line
from ..text.strings import t
from .state import View


def source_line(rows: pl.DataFrame, lang: str = "nb") -> str:
    """The publishers of the rows, and a plain word when example data is among them."""
    example = t("includes_example", lang) if rows["example"].any() else ""
    return credit_line(rows, lang) + example


def _version() -> str:
    from . import data, published

    return published.data_version_id(data.data_version())


def download_menu(frame: Callable[[], pl.DataFrame], ind: Indicator, view: View, key: str) -> None:
    """A «Last ned» button that opens the five formats; nothing is built until it is opened (and a file until clicked)."""
    menu = st.popover(t("download", view.lang), icon=":material/download:", key=f"dl_{key}", on_change="rerun")
    if menu.open:
        with menu:
            download_row(frame(), ind, view, key)


def download_row(frame: pl.DataFrame, ind: Indicator, view: View, key: str) -> None:
    stem = f"{ind.indicator}_{view.year}_{dt.date.today():%Y%m%d}"

    def rows() -> pl.DataFrame:  # made on click, like the files
        return card_rows(frame, view.year, view.bydeler, (view.year_from, view.year_to))

    def chart():
        bars = charts.bars_by_bydel(frame, ind, view.year, view.bydeler, view.lang).properties(width=900)
        return with_source(bars, f"{ind.label(view.lang)}, {view.year}", source_line(rows(), view.lang), view.lang)

    cols = st.columns(5)
    cols[0].download_button(
        "CSV (Excel)", lambda: to_csv_excel(rows(), ind), f"{stem}.csv", "text/csv", key=f"dl_csv_{key}", on_click="ignore"
    )
    cols[1].download_button(
        "CSV", lambda: to_csv_plain(rows(), ind), f"{stem}_plain.csv", "text/csv", key=f"dl_plain_{key}", on_click="ignore"
    )
    cols[2].download_button(
        "XLSX", lambda: to_xlsx({"Tall": export_frame(rows(), ind)}, about_rows(ind, version=_version())), f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"dl_xlsx_{key}", on_click="ignore",
    )  # fmt: skip
    cols[3].download_button("PNG", lambda: chart_png(chart()), f"{stem}.png", "image/png", key=f"dl_png_{key}", on_click="ignore")
    cols[4].download_button(
        "SVG", lambda: chart_svg(chart()), f"{stem}.svg", "image/svg+xml", key=f"dl_svg_{key}", on_click="ignore"
    )
