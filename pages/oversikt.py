import streamlit as st

from oslo_integration.ui.overview import imports_section, profile_section
from oslo_integration.ui.page import header

view = st.session_state["view"]
header("page_overview", view)
profile_section(view)
imports_section(view)
