"""Synonyms users stored: a table for Om dataene and the import log, and removal for an admin."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ..auth import User
from ..normalise.mapping import target_label, target_of
from ..store import StoreError, open_store
from ..text.untrusted import md
from ..vocab import Synonym, vocabulary
from . import data
from .table import show_table


def synonym_table(log: pl.DataFrame, *, with_who: bool) -> pl.DataFrame:
    """One row per stored synonym, newest first: the text, what it means, who, when, from which file."""
    vocab = vocabulary()
    meaning = [
        target_label(
            target_of(Synonym(r["label"], r["measure"], r["category"], r["category_kind"], r["year"], bool(r["is_ignored"]))),
            vocab,
        )
        for r in log.iter_rows(named=True)
    ]
    table = log.with_columns(pl.Series("Betyr", meaning, dtype=pl.String)).sort("id", descending=True)
    return table.select(
        pl.col("id").alias("Nr."),
        pl.col("label").alias("Tekst i filen"),
        "Betyr",
        *([pl.col("created_by").alias("Lagt til av")] if with_who else []),
        pl.col("created_at").alias("Lagt til"),
        pl.col("source_file").alias("Fra fil"),
        pl.when(pl.col("removed_at").is_null()).then(pl.lit("i bruk")).otherwise(pl.lit("fjernet")).alias("Status"),
    )


def synonyms_section(user: User | None) -> None:
    """The table, and for an admin a way to take a synonym out of use (figures already imported stay)."""
    log = data.synonym_log(data.data_version())
    if log.is_empty():
        st.caption("Ingen brukere har lagt til synonymer ennå. Ordlistene i data/vocab brukes.")
        return
    show_table(synonym_table(log, with_who=user is not None))
    if user is None or not user.is_admin:
        return
    active = log.filter(pl.col("removed_at").is_null()).sort("id", descending=True)
    if active.is_empty():
        return
    labels = {r["id"]: f"{r['id']}: «{r['label']}»" for r in active.iter_rows(named=True)}
    chosen = st.selectbox("Synonym som skal fjernes", list(labels), format_func=labels.get, key="w_synonym_remove_choice")
    if st.button("Fjern synonymet", key="w_synonym_remove"):
        try:
            message = open_store().remove_synonym(chosen, who=user.name)
        except StoreError as exc:
            st.error(md(str(exc)))
            return
        data.refresh()
        st.session_state["synonym_message"] = message
        st.rerun()
    if "synonym_message" in st.session_state:
        st.success(md(st.session_state.pop("synonym_message")))
