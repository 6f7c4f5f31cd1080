import streamlit as st

from oslo_integration.ui.card import indicator_card
from oslo_integration.ui.countries import country_breakdown
from oslo_integration.ui.page import header

view = st.session_state["view"]
header("page_origin", view)
indicator_card("andel_fra_ukraina", view, count_indicator="bosatt_fra_ukraina")
country_breakdown("bosatt_landbakgrunn", view)
