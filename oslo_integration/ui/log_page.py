"""Import log: who imported or undid what, when, from which file; undo with confirmation."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ..auth import User, can_undo, visible_imports
from ..store import StoreError, open_store
from ..text.strings import t
from ..text.untrusted import md
from ..upload import log_table, undo_import
from . import data
from .lang import current_lang
from .login import require_user
from .synonyms import synonyms_section
from .table import show_table


def _undo_section(imports: pl.DataFrame, user: User) -> None:
    undoable = [r for r in imports.sort("id", descending=True).to_dicts() if can_undo(user, r)]
    lang = current_lang()
    st.subheader(t("undo_heading", lang))
    if not undoable:
        st.caption(t("undo_none_admin" if user.is_admin else "undo_none_user", lang))
        return
    labels = {
        r["id"]: t(
            "undo_label",
            lang,
            id=r["id"],
            file=r["file_name"],
            n=r["n_rows"],
            who=r["who"],
            when=f"{r['imported_at']:%d.%m.%Y %H:%M}",
        )
        for r in undoable
    }
    chosen = st.selectbox("Import", list(labels), format_func=labels.get, key="w_undo_choice")
    pending = st.session_state.get("pending_undo")
    if pending != chosen:
        if st.button(t("undo_button", lang), key="w_undo"):
            st.session_state["pending_undo"] = chosen
            st.rerun()
        return
    st.warning(t("undo_confirm", lang, what=md(labels[chosen])))
    yes, no = st.columns(2)
    if yes.button(t("undo_yes", lang), type="primary", key="w_undo_yes"):
        st.session_state.pop("pending_undo", None)
        try:
            result = undo_import(open_store(), user, chosen)
        except StoreError as exc:
            st.session_state["undo_message"] = (False, str(exc))
        else:
            st.session_state["undo_message"] = (True, result.message)
        data.refresh()
        st.rerun()
    if no.button(t("cancel", lang), key="w_undo_no"):
        st.session_state.pop("pending_undo", None)
        st.rerun()


def log_page() -> None:
    user = require_user()
    message = st.session_state.pop("undo_message", None)
    if message:
        (st.success if message[0] else st.error)(md(message[1]))
    imports = visible_imports(user, open_store().imports())
    lang = current_lang()
    st.caption(t("log_intro_admin" if user.is_admin else "log_intro_user", lang))
    show_table(log_table(imports, lang=lang))
    _undo_section(imports, user)
    st.subheader(t("log_synonyms", lang))
    synonyms_section(user)
    events = open_store().events()
    if not user.is_admin:
        events = events.filter(pl.col("import_id").is_in(imports["id"].to_list()))
    with st.expander(t("log_events", lang)):
        show_table(
            events.sort("id", descending=True).select(
                pl.col("happened_at").alias(t("col_when", lang)),
                pl.col("who").alias(t("col_whom", lang)),
                pl.col("action").alias(t("col_action", lang)),
                pl.col("import_id").alias("Import"),
                pl.col("file_name").alias(t("col_file_short", lang)),
                pl.col("detail").alias(t("col_detail", lang)),
                pl.col("sha256").alias("SHA-256"),
            )
        )
