"""The language of this run, for parts of the page that are not handed the view (log-in, upload, log)."""

from __future__ import annotations

import streamlit as st


def current_lang() -> str:
    """The sidebar toggle's state when it exists (it is known before the run), else the view's language."""
    toggle = st.session_state.get("w_lang")
    if toggle is not None:
        return "en" if toggle else "nb"
    return getattr(st.session_state.get("view"), "lang", "nb")
