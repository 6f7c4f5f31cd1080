import streamlit as st

from oslo_integration.ui.mappage import full_map
from oslo_integration.ui.page import header

view = st.session_state["view"]
header("page_map", view)
full_map(view)
