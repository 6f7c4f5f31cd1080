"""The full-page map of any indicator; a click on a bydel selects it everywhere."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import streamlit as st

from .. import maps
from ..metrics import indicators
from ..text.strings import t
from ..vocab import vocabulary
from . import data, figures
from .login import own_bydeler
from .state import View
from .view import set_view

MAP_KEY = "full_map"


def select_clicked(map_key: str) -> None:
    """Runs before the script on a click, so the sidebar's selection can still be changed."""
    clicked = maps.selected_bydel(st.session_state.get(map_key))
    if clicked in {b.bydel_nr for b in vocabulary().real_bydeler()}:  # Marka and Sentrum are not choices
        st.session_state["w_bydeler"] = [clicked]


def full_map(view: View) -> None:
    lang = view.lang
    inds = indicators()
    options = list(inds)
    current = view.indicator if view.indicator in inds else "andel_arbeid_ved_avslutning"
    choice = st.selectbox(
        t("indicator", lang), options, index=options.index(current), format_func=lambda i: inds[i].label(lang), key="w_indicator"
    )
    if choice != view.indicator:
        view = replace(view, indicator=choice)
        set_view(view)
    ind = inds[choice]
    deck, legend = figures.choropleth(
        data.data_version(), view.show_example, own_bydeler(), choice, view.year, view.bydeler, lang, maps.ZOOM_PAGE
    )
    left, right = st.columns([4, 1])
    with left:
        st.pydeck_chart(deck, height=640, key=MAP_KEY, on_select=partial(select_clicked, MAP_KEY), selection_mode="single-object")
        st.caption(t("map_click", lang))
    with right:
        st.markdown(f"**{ind.label(lang)}, {view.year}**")
        st.html(legend)
    st.caption(t("attribution", lang))
