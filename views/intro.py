from oslo_integration.ui.card import indicator_card
from oslo_integration.ui.countries import country_breakdown
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_intro", view)
indicator_card("intro_deltakere", view)
indicator_card("intro_avsluttet", view)
country_breakdown("intro_avsluttet", view)
