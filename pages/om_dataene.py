import streamlit as st

from oslo_integration.ui.about import about_page
from oslo_integration.ui.page import header

view = st.session_state["view"]
header("page_about", view)
about_page(view)
