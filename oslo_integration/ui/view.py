"""The shared selection in the sidebar, kept in session state and mirrored in the URL."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from ..metrics import indicators
from ..text.strings import t
from ..text.untrusted import md
from ..vocab import vocabulary
from . import data
from .login import own_bydeler
from .state import VIEW_PARAMS, View, parse_query, to_query

KEY = "view"


def current_view() -> View:
    """The view for this run: from the session if set, else from the URL (with notices for bad values)."""
    version = data.data_version()
    if KEY not in st.session_state:
        parsed = parse_query(
            {k: st.query_params.get(k) for k in st.query_params},
            data.years(version),
            list(indicators()),
            data.real_years(version),
        )
        st.session_state[KEY] = parsed.view
        st.session_state["notices"] = parsed.notices
    return st.session_state[KEY]


def set_view(view: View) -> None:
    """Writes the view's own parameters, only those that changed; the cards' own (tab, Andel/Antall) are
    bound to the URL by their widgets and left alone here."""
    st.session_state[KEY] = view
    version = data.data_version()
    default = parse_query(
        {"bydel": ",".join(view.bydeler)}, data.years(version), list(indicators()), data.real_years(version)
    ).view  # what a link with only the bydel opens: nothing equal to it is written
    query = to_query(view, default)
    for name in VIEW_PARAMS:  # each write is a message to the browser: only what changed
        if name in query and st.query_params.get(name) != query[name]:
            st.query_params[name] = query[name]
        elif name not in query and name in st.query_params:
            del st.query_params[name]


def _initial(key: str, value: object) -> None:
    """Seed a widget's state once; later runs keep what the user chose (a changing default would reset it)."""
    if key not in st.session_state:
        st.session_state[key] = value


def _nearest(year: int, years: list[int]) -> int:
    return min(years, key=lambda y: (abs(y - year), -y))


def sidebar(page: str = "") -> View:
    """Bydeler, groups, years, language and the example switch; returns the updated view.

    The year controls offer only the years the page has figures for (`page` is its address); a year
    the page lacks moves to the nearest one it has.
    """
    view = current_view()
    vocab = vocabulary()
    _initial("w_example", view.show_example)
    years = data.page_years(data.data_version(), bool(st.session_state["w_example"]), own_bydeler(), page)
    _initial("w_lang", view.lang == "en")
    _initial("w_bydeler", list(view.bydeler))
    _initial("w_year", view.year)
    if st.session_state["w_year"] not in years:
        st.session_state["w_year"] = _nearest(int(st.session_state["w_year"]), years)
    span = (_nearest(view.year_from, years), _nearest(view.year_to, years))
    with st.sidebar:
        lang = "en" if st.session_state["w_lang"] else "nb"
        st.toggle(t("language", lang), key="w_lang")
        lang = "en" if st.session_state["w_lang"] else "nb"
        names = {b.bydel_nr: b.bydel for b in vocab.real_bydeler()}
        chosen = st.multiselect(t("bydeler_compare", lang), list(names), format_func=names.get, key="w_bydeler")
        groups = {g: (nb if lang == "nb" else en) for g, (nb, en) in vocab.groups.items()}
        group = st.selectbox(t("group", lang), [""] + list(groups), format_func=lambda g: groups.get(g, "–"), key="w_group")
        if group:
            chosen = list(dict.fromkeys(chosen + [b.bydel_nr for b in vocab.real_bydeler() if b.gruppe == group]))
        if len(years) > 1:
            year = st.select_slider(t("year", lang), options=years, key="w_year")
        else:  # a slider needs two choices
            year = years[0]
            st.caption(f"{t('year', lang)}: {year}")
        # a range slider is told by its value; it follows the view, which follows the slider
        if len(years) > 1:
            if any(y not in years for y in st.session_state.get("w_span", ())):  # a span from a page with other years
                del st.session_state["w_span"]
            span = st.select_slider(t("years", lang), options=years, value=span, key="w_span")
        show_example = st.toggle(t("show_example", lang), key="w_example")
        st.caption(t("attribution", lang))
    new = replace(
        view,
        bydeler=tuple(chosen) or view.bydeler,
        year=int(year),
        year_from=int(span[0]),
        year_to=int(span[1]),
        lang=lang,
        show_example=show_example,
    )
    set_view(new)
    for notice in st.session_state.pop("notices", []):
        st.info(md(notice))
    return new


def page_view() -> View:
    """The view for a page file; reroutes through app.py if Streamlit ran the page on its own.

    The page files live in views/, not pages/: a top-level pages/ folder puts Streamlit in its older
    automatic page mode until app.py has run once, so a fresh server answered the first link to a page
    with «Page not found». Should that mode ever be on, it is switched off and the run repeated.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without it: render the sidebar here instead
        PagesManager = None  # noqa: N806
    if PagesManager is not None and PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    if KEY in st.session_state:
        return st.session_state[KEY]
    return sidebar()
