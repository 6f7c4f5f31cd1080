"""One card alone at /kort?indikator=…&bydel=…&aar=…&fane=…: for an iframe in a newspaper or a report."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ..metrics import indicators
from ..page_cards import count_for
from ..publishers import credit_line
from ..text.strings import t
from ..text.untrusted import md
from . import data, published
from .card import indicator_card
from .login import own_bydeler
from .state import View

DEFAULT_CARD = "andel_arbeid_ved_avslutning"


def embedded_card(view: View) -> None:
    """The card with its heading, then the publishers, the date and the data version; nothing else."""
    lang = view.lang
    name = view.indicator if view.indicator in indicators() else DEFAULT_CARD
    fane = str(st.query_params.get("fane") or "").lower()
    label = {"graf": t("tab_chart", lang), "tabell": t("tab_table", lang), "kart": t("tab_map", lang)}.get(fane)
    if label and f"tab_{name}" not in st.session_state:
        st.session_state[f"tab_{name}"] = label  # the tab the embed code asked for
    indicator_card(name, view, count_indicator=count_for(name), share=False)
    version = data.data_version()
    frame = data.indicator_frame(version, view.show_example, name, own_bydeler())
    st.caption(
        md(credit_line(frame, lang))
        + f" · {dt.date.today():%d.%m.%Y} · "
        + t("data_version", lang, version=published.data_version_id(version))
    )
