"""Synonyms users stored: a table for Om dataene and the import log, and removal for an admin."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ..auth import User
from ..normalise.mapping import target_label, target_of
from ..store import StoreError, open_store
from ..text.strings import t
from ..text.untrusted import md
from ..vocab import Synonym, vocabulary
from . import data
from .lang import current_lang
from .table import show_table


def synonym_table(log: pl.DataFrame, *, with_who: bool, lang: str = "nb") -> pl.DataFrame:
    """One row per stored synonym, newest first: the text, what it means, who, when, from which file."""
    vocab = vocabulary()
    meaning = [
        target_label(
            target_of(Synonym(r["label"], r["measure"], r["category"], r["category_kind"], r["year"], bool(r["is_ignored"]))),
            vocab,
        )
        for r in log.iter_rows(named=True)
    ]
    means = t("syn_col_means", lang)
    table = log.with_columns(pl.Series(means, meaning, dtype=pl.String)).sort("id", descending=True)
    return table.select(
        pl.col("id").alias(t("syn_col_nr", lang)),
        pl.col("label").alias(t("syn_col_label", lang)),
        means,
        *([pl.col("created_by").alias(t("syn_col_by", lang))] if with_who else []),
        pl.col("created_at").alias(t("syn_col_at", lang)),
        pl.col("source_file").alias(t("syn_col_file", lang)),
        pl.when(pl.col("removed_at").is_null())
        .then(pl.lit(t("syn_in_use", lang)))
        .otherwise(pl.lit(t("syn_removed", lang)))
        .alias(t("status", lang)),
    )


def synonyms_section(user: User | None) -> None:
    """The table, and for an admin a way to take a synonym out of use (figures already imported stay)."""
    log = data.synonym_log(data.data_version())
    lang = current_lang()
    if log.is_empty():
        st.caption(t("syn_none", lang))
        return
    show_table(synonym_table(log, with_who=user is not None, lang=lang))
    if user is None or not user.is_admin:
        return
    active = log.filter(pl.col("removed_at").is_null()).sort("id", descending=True)
    if active.is_empty():
        return
    labels = {r["id"]: f"{r['id']}: «{r['label']}»" for r in active.iter_rows(named=True)}
    chosen = st.selectbox(t("syn_remove_choice", lang), list(labels), format_func=labels.get, key="w_synonym_remove_choice")
    if st.button(t("syn_remove", lang), key="w_synonym_remove"):
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
