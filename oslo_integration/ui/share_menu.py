"""«Del» on every card: the link to the exact view, the iframe for the card alone, and the citation."""

from __future__ import annotations

import streamlit as st

from ..metrics.indicators import Indicator
from ..publishers import files_of, publishers_for
from ..share import base_of, share
from ..text.strings import t
from . import data, published
from .login import own_bydeler
from .state import VIEW_PARAMS, View


def _base() -> str:
    try:
        url = st.context.url or ""
    except Exception:  # noqa: BLE001 (no browser context, e.g. in a test run)
        url = ""
    return base_of(url) if url else "http://localhost:8501"


def share_menu(ind: Indicator, view: View, key: str, tab_label: str | None) -> None:
    """Built only when opened; the texts are in code blocks, each with its copy button."""
    lang = view.lang
    menu = st.popover(t("share", lang), icon=":material/share:", key=f"del_{key}", on_change="rerun")
    if not menu.open:
        return
    version = data.data_version()
    frame = data.indicator_frame(version, view.show_example, ind.indicator, own_bydeler())
    pubs = publishers_for(files_of(frame))
    query = {k: v for k, v in st.query_params.to_dict().items() if k in VIEW_PARAMS or k.startswith(("tab_", "vis_"))}
    shared = share(
        _base(),
        st.session_state.get("page", "oversikt"),
        query,
        ind.indicator,
        ind.label(lang),
        tab_label,
        [p.name_nb for p in pubs],
        [p.name_en for p in pubs],
        published.data_version_id(version),
    )
    with menu:
        st.caption(t("share_link", lang))
        st.code(shared.link, language=None, wrap_lines=True)
        st.caption(t("share_embed", lang))
        st.code(shared.iframe, language="html", wrap_lines=True)
        st.caption(t("share_cite", lang))
        st.code(shared.citation_nb if lang == "nb" else shared.citation_en, language=None, wrap_lines=True)
        st.code(shared.citation_en if lang == "nb" else shared.citation_nb, language=None, wrap_lines=True)
