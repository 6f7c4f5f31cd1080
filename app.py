"""Entry point: `streamlit run app.py`. Routes to the pages; the shared selection lives in the sidebar."""

from __future__ import annotations

import streamlit as st

from oslo_integration.store import StoreError
from oslo_integration.text.strings import t
from oslo_integration.ui.data import data_version
from oslo_integration.ui.lang import current_lang
from oslo_integration.ui.login import current_user, login_box, refresh_login
from oslo_integration.ui.published import publish_in_background
from oslo_integration.ui.routes import LOGGED_IN, PUBLIC, Route
from oslo_integration.ui.shell import page_shell
from oslo_integration.ui.view import current_view, sidebar

st.set_page_config(page_title="Flyktninger i Oslos bydeler", layout="wide")


def pages(lang: str) -> tuple[object, list, list]:
    """The hidden start page, the public pages, and the pages only for logged-in users (which check again themselves).

    Made once per session and language: making them resolves every path on disk, which was a tenth
    of a loaded server's time (benchmarks/load.py). Never shared between sessions (a page remembers
    whether this run may call it).
    """
    made = st.session_state.setdefault("_pages", {})
    if lang not in made:
        made[lang] = _pages(lang)
    return made[lang]


def _pages(lang: str) -> tuple[object, list, list]:
    def page(route: Route) -> object:
        return st.Page(
            route.file, title=t(route.title, lang), url_path=route.url_path, visibility="hidden" if route.hidden else "visible"
        )

    public = [page(route) for route in PUBLIC]
    logged_in = [page(route) for route in LOGGED_IN]

    def start() -> None:
        """The root URL opens Oversikt at its own address (Streamlit serves a default page only at «/»,
        so a shared link to /oversikt would otherwise say «Page not found»)."""
        st.switch_page(public[0])

    start_page = st.Page(start, title=t("page_overview", lang), url_path="start", default=True, visibility="hidden")
    return start_page, public, logged_in


def run() -> None:
    refresh_login()  # a user removed from the user file loses the upload pages on their next click
    current_view()  # parses the URL on a session's first run
    lang = current_lang()  # the toggle's new state is known before this run: the menu switches on the same click
    start_page, public, logged_in = pages(lang)
    page = st.navigation([start_page] + public + (logged_in if current_user() else []))
    if page is start_page:  # straight on to Oversikt; the sidebar (and its notices about the URL) is drawn there
        page.run()
    st.session_state["page"] = page.url_path
    publish_in_background(data_version())  # static/data follows the data version on every replica
    if page.url_path == "kort":  # an embedded card: the view from its address, no menu, no log-in
        st.session_state["view"] = current_view()
        page_shell(st.session_state["view"], embed=True)
        page.run()
        return
    st.session_state["view"] = sidebar(page.url_path)
    page_shell(st.session_state["view"])
    login_box()
    page.run()


try:
    run()
except StoreError:  # the store is locked or unreachable: a notice, never a traceback with server paths
    view = st.session_state.get("view")
    st.error(t("store_unreachable", getattr(view, "lang", "nb")))
