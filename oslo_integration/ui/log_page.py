"""Import log: who imported or undid what, when, from which file; undo with confirmation."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ..auth import User, can_undo, visible_imports
from ..store import StoreError, open_store
from ..text.untrusted import md
from ..upload import log_table, undo_import
from . import data
from .login import require_user
from .synonyms import synonyms_section
from .table import show_table


def _undo_section(imports: pl.DataFrame, user: User) -> None:
    undoable = [r for r in imports.sort("id", descending=True).to_dicts() if can_undo(user, r)]
    st.subheader("Angre en import")
    if not undoable:
        st.caption("Det finnes ingen import du kan angre." if user.is_admin else "Du har ingen opplastinger som kan angres.")
        return
    labels = {
        r["id"]: f"Import {r['id']}: {r['file_name']} ({r['n_rows']} tall, {r['who']}, {r['imported_at']:%d.%m.%Y %H:%M})"
        for r in undoable
    }
    chosen = st.selectbox("Import", list(labels), format_func=labels.get, key="w_undo_choice")
    pending = st.session_state.get("pending_undo")
    if pending != chosen:
        if st.button("Angre denne importen …", key="w_undo"):
            st.session_state["pending_undo"] = chosen
            st.rerun()
        return
    st.warning(
        f"Vil du angre {md(labels[chosen])}? Tallene fra den fjernes fra sidene, og tall den erstattet blir gjeldende igjen. "
        "Importen blir stående i loggen som angret."
    )
    yes, no = st.columns(2)
    if yes.button("Ja, angre importen", type="primary", key="w_undo_yes"):
        st.session_state.pop("pending_undo", None)
        try:
            result = undo_import(open_store(), user, chosen)
        except StoreError as exc:
            st.session_state["undo_message"] = (False, str(exc))
        else:
            st.session_state["undo_message"] = (True, result.message)
        data.refresh()
        st.rerun()
    if no.button("Avbryt", key="w_undo_no"):
        st.session_state.pop("pending_undo", None)
        st.rerun()


def log_page() -> None:
    user = require_user()
    message = st.session_state.pop("undo_message", None)
    if message:
        (st.success if message[0] else st.error)(md(message[1]))
    imports = visible_imports(user, open_store().imports())
    st.caption(
        "Alle importer og angringer, med hvem, når, filnavn og SHA-256 (filens fingeravtrykk)."
        if user.is_admin
        else "Importer som gjelder dine bydeler, med hvem, når, filnavn og SHA-256 (filens fingeravtrykk)."
    )
    show_table(log_table(imports))
    _undo_section(imports, user)
    st.subheader("Synonymer lagt til av brukere")
    synonyms_section(user)
    events = open_store().events()
    if not user.is_admin:
        events = events.filter(pl.col("import_id").is_in(imports["id"].to_list()))
    with st.expander("Hendelser (import og angring)"):
        show_table(
            events.sort("id", descending=True).select(
                pl.col("happened_at").alias("Tidspunkt"),
                pl.col("who").alias("Hvem"),
                pl.col("action").alias("Handling"),
                pl.col("import_id").alias("Import"),
                pl.col("file_name").alias("Fil"),
                pl.col("detail").alias("Detaljer"),
                pl.col("sha256").alias("SHA-256"),
            )
        )
