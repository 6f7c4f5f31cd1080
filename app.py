"""Entry point: `streamlit run app.py`. Routes to the pages; the shared selection lives in the sidebar."""

from __future__ import annotations

import streamlit as st

from oslo_integration.text.strings import t
from oslo_integration.ui.login import current_user, login_box
from oslo_integration.ui.view import current_view, sidebar

st.set_page_config(page_title="Flyktninger i Oslos bydeler", layout="wide")

lang = current_view().lang
PAGES = [
    st.Page("pages/oversikt.py", title=t("page_overview", lang), url_path="oversikt"),
    st.Page("pages/bosetting.py", title=t("page_settlement", lang), url_path="bosetting"),
    st.Page("pages/landbakgrunn.py", title=t("page_origin", lang), url_path="landbakgrunn"),
    st.Page("pages/intro.py", title=t("page_intro", lang), url_path="introduksjonsprogrammet"),
    st.Page("pages/overgang.py", title=t("page_transition", lang), url_path="overgang"),
    st.Page("pages/kart.py", title=t("page_map", lang), url_path="kart"),
    st.Page("pages/om_dataene.py", title=t("page_about", lang), url_path="om-dataene"),
]
# upload and the log exist only for logged-in users; the pages check again themselves
LOGGED_IN_PAGES = [
    st.Page("pages/last_opp.py", title=t("page_upload", lang), url_path="last-opp"),
    st.Page("pages/logg.py", title=t("page_log", lang), url_path="importlogg"),
]


def _start() -> None:
    """The root URL opens Oversikt at its own address (Streamlit serves a default page only at «/»,
    so a shared link to /oversikt would otherwise say «Page not found»)."""
    st.switch_page(PAGES[0])


START = st.Page(_start, title=t("page_overview", lang), url_path="start", default=True, visibility="hidden")
page = st.navigation([START] + PAGES + (LOGGED_IN_PAGES if current_user() else []))
if page is START:  # straight on to Oversikt; the sidebar (and its notices about the URL) is drawn there
    page.run()
st.session_state["view"] = sidebar()
login_box()
page.run()
