from oslo_integration.ui.card import indicator_card
from oslo_integration.ui.countries import country_breakdown
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_origin", view)
indicator_card("andel_fra_ukraina", view, count_indicator="bosatt_fra_ukraina")
country_breakdown("bosatt_landbakgrunn", view)
