"""Sources, licences, definitions, symbols, imports, and which figures are real."""

from __future__ import annotations

from functools import lru_cache

import polars as pl
import streamlit as st

from ..metrics.coverage import real_coverage
from ..metrics.indicators import target_source
from ..paths import DATA_DIR
from ..text.strings import t
from ..vocab import vocabulary
from . import data
from .login import current_user
from .state import View
from .synonyms import synonyms_section
from .table import show_table

SYMBOLS = [
    ("tall (185, 4 500, 1 234,5, 28 %)", "ok", "tallet"),
    ("-", "ok", "0 (null, SSBs tegn)"),
    (":", "prikket", "skjult av personvernhensyn (1–4 personer), også «<5»"),
    (". .. … * eller tom celle", "mangler", "ikke tilgjengelig / ikke aktuelt"),
]


@lru_cache(maxsize=8)
def _coverage(version: str, lang: str) -> pl.DataFrame:
    table = real_coverage(data.current(version), lang=lang).drop("measure")
    return table.rename({"label": t("col_measure", lang), "who": t("col_who", lang), "years": t("years", lang)})


def about_page(view: View) -> None:
    lang = view.lang
    version = data.data_version()
    st.subheader(t("about_real", lang))
    st.markdown(t("about_real_intro", lang))
    show_table(_coverage(version, lang))
    kinds = data.current(version).group_by("kind").agg(pl.len().alias("Antall tall")).sort("kind")
    show_table(kinds.rename({"kind": t("type", lang)}))
    st.subheader(t("about_sources", lang))
    st.markdown((DATA_DIR / "SOURCES.md").read_text(encoding="utf-8").split("\n", 2)[2])
    st.info(t("attribution", lang))
    st.subheader(t("about_definitions", lang))
    measures = vocabulary().measures.values()
    show_table(
        pl.DataFrame(
            {
                "Måltall": [m.measure for m in measures],
                "Navn": [m.label_nb if lang == "nb" else m.label_en for m in measures],
                "Enhet": [m.unit for m in measures],
                "Definisjon": [m.definition_nb if lang == "nb" else m.definition_en for m in measures],
            }
        )
    )
    src = target_source()
    st.markdown(f"**Mål:** {src.get('navn', '')}: «{src.get('sitat', '')}».")
    st.subheader(t("about_synonyms", lang))
    st.caption(t("about_synonyms_intro", lang))
    synonyms_section(current_user())
    st.subheader(t("about_symbols", lang))
    show_table(pl.DataFrame(SYMBOLS, schema=["Tegn", "Status", "Betyr"], orient="row"))
    st.subheader(t("about_imports", lang))
    show_table(
        data.imports(version).select(
            "id",
            "file_name",
            "kind",
            *(["who"] if current_user() is not None else []),
            "imported_at",
            "n_rows",
            "current_rows",
            "undone_at",
            "sha256",
        )
    )
