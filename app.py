"""Entry point: `streamlit run app.py`. The themed pages come with the dashboard issue."""

from __future__ import annotations

import polars as pl
import streamlit as st

from oslo_integration.store import open_store
from oslo_integration.vocab import vocabulary

st.set_page_config(page_title="Flyktninger i Oslos bydeler", layout="wide")


@st.cache_data(show_spinner="Leser tallene …")
def load_current(version: int) -> pl.DataFrame:
    return open_store().current()


@st.cache_data
def data_version() -> int:
    return open_store().data_version()


vocab = vocabulary()
current = load_current(data_version())
st.title("Bosetting og integrering av flyktninger i Oslos bydeler")
st.warning(
    "Dashbordet viser både ekte og **eksempeldata**. Ekte bydelstall finnes bare for Bydel Frogner "
    "(2022–2024); Oslo- og landstall er publiserte tall. Alle andre bydelstall er generert eksempeldata "
    "og er merket «eksempel» i kolonnen *Type*."
)
names = {b.bydel: nr for nr, b in vocab.bydeler.items()}
choice = st.selectbox("Bydel", list(names), index=list(names).index("Frogner"))
measures = {m.label_nb: m.measure for m in vocab.measures.values()}
shown = current.filter(pl.col("bydel_nr") == names[choice])
table = shown.select(
    pl.col("year").alias("År"),
    pl.col("measure").replace_strict({v: k for k, v in measures.items()}, default=pl.col("measure")).alias("Måltall"),
    pl.col("category").alias("Kategori"),
    pl.col("value").alias("Verdi"),
    pl.col("status").alias("Status"),
    pl.col("kind").alias("Type"),
    pl.format("{} {}", pl.col("source_file"), pl.col("cell")).alias("Kilde (fil og celle)"),
)
st.dataframe(table, hide_index=True, width="stretch")
st.caption(
    "Kilder: Bydel Frogner (sak 2025); IMDi; SSB (NLOD); Byrådet i Oslo via NRK/Avisa Oslo. "
    "Bydelsgrenser: © Oslo kommune, Plan- og bygningsetaten. CC BY 4.0. Se data/SOURCES.md."
)
