"""Sources, licences, definitions, symbols, imports, and which figures are real."""

from __future__ import annotations

from functools import lru_cache

import polars as pl
import streamlit as st

from ..metrics.coverage import real_coverage
from ..metrics.indicators import target_source
from ..publishers import publishers
from ..text.strings import t
from ..text.untrusted import md
from ..upload.tables import log_table
from ..vocab import vocabulary
from . import data, published
from .login import current_user
from .state import View
from .synonyms import synonyms_section
from .table import show_table

SYMBOLS = {
    "nb": [
        ("tall (185, 4\u00a0500, 1\u00a0234,5, 28\u00a0%)", "ok", "tallet"),
        ("-", "ok", "0 (null, SSBs tegn)"),
        (":", "prikket", "skjult av personvernhensyn (1–4 personer), også «<5»"),
        (". .. … * eller tom celle", "mangler", "ikke tilgjengelig / ikke aktuelt"),
    ],
    "en": [
        ("a number (185, 4,500, 1,234.5, 28%)", "ok", "the figure"),
        ("-", "ok", "0 (zero, Statistics Norway's symbol)"),
        (":", "prikket", "hidden for privacy (1–4 people), also «<5»"),
        (". .. … * or an empty cell", "mangler", "not available / not applicable"),
    ],
}


def publishers_table(lang: str) -> pl.DataFrame:
    """Who published what is shipped, on what terms: a table, not the developers' Markdown."""
    pubs = publishers()
    return pl.DataFrame(
        {
            t("col_publisher", lang): [p.name(lang) for p in pubs.values()],
            t("col_licence", lang): [p.licence(lang) for p in pubs.values()],
            t("col_file_short", lang): list(pubs),
        }
    )


@lru_cache(maxsize=8)
def _coverage(version: str, lang: str) -> pl.DataFrame:
    table = real_coverage(data.current(version), lang=lang).drop("measure")
    return table.rename({"label": t("col_measure", lang), "who": t("col_who", lang), "years": t("years", lang)})


def _everything(version: str, lang: str) -> None:
    """«Last ned alle tall»: the package as one zip, and its files at stable addresses."""
    ident = published.data_version_id(version)
    st.subheader(t("about_all", lang))
    st.caption(t("about_all_intro", lang, version=ident))
    st.download_button(
        t("about_all_button", lang), lambda: published.zipped(version), f"oslo-integration-tall-{ident}.zip", "application/zip",
        key="dl_everything", on_click="ignore", icon=":material/download:",
    )  # fmt: skip
    if published.publish_static(version):
        links = " · ".join(f"[{name}]({published.STATIC_URL}/{name})" for name in sorted(published.package(version)[1]))
        st.caption(t("about_all_addresses", lang, links=links))


def about_page(view: View) -> None:
    lang = view.lang
    version = data.data_version()
    st.subheader(t("about_real", lang))
    st.markdown(t("about_real_intro", lang))
    show_table(_coverage(version, lang))
    st.caption(t("example_banner_long", lang))
    kinds = data.current(version).group_by("kind").agg(pl.len().alias(t("kinds_count", lang))).sort("kind")
    if lang == "en":
        kinds = kinds.with_columns(pl.col("kind").replace({"eksempel": "example", "offisiell": "official", "bydel": "district"}))
    show_table(kinds.rename({"kind": t("type", lang)}))
    st.subheader(t("about_sources", lang))
    st.caption(t("about_publishers_intro", lang))
    show_table(publishers_table(lang))
    st.info(t("attribution", lang))
    st.subheader(t("about_definitions", lang))
    measures = vocabulary().measures.values()
    show_table(
        pl.DataFrame(
            {
                t("about_col_measure", lang): [m.measure for m in measures],
                t("about_col_name", lang): [m.label_nb if lang == "nb" else m.label_en for m in measures],
                t("about_col_unit", lang): [
                    m.unit if lang == "nb" else {"personer": "persons", "prosent": "percent"}.get(m.unit, m.unit)
                    for m in measures
                ],
                t("about_col_definition", lang): [m.definition_nb if lang == "nb" else m.definition_en for m in measures],
            }
        )
    )
    src = target_source()
    st.markdown(f"**{t('about_target', lang)}:** {md(src.get('navn', ''))}: «{md(src.get('sitat', ''))}».")
    st.subheader(t("about_synonyms", lang))
    st.caption(t("about_synonyms_intro", lang))
    synonyms_section(current_user())
    st.subheader(t("about_symbols", lang))
    show_table(
        pl.DataFrame(SYMBOLS[lang], schema=[t("sym_col_symbol", lang), t("status", lang), t("sym_col_means", lang)], orient="row")
    )
    _everything(version, lang)
    st.subheader(t("about_imports", lang))
    table = log_table(data.imports(version), lang=lang)
    who = "Who" if lang == "en" else "Hvem"
    show_table(table if current_user() is not None else table.drop(who))  # who imported: for logged-in users only
