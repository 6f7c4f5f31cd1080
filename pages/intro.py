import streamlit as st

from oslo_integration.ui.card import indicator_card
from oslo_integration.ui.countries import country_breakdown
from oslo_integration.ui.page import header

view = st.session_state["view"]
header("page_intro", view)
indicator_card("intro_deltakere", view)
indicator_card("intro_avsluttet", view)
country_breakdown("intro_avsluttet", view)
