from oslo_integration.page_cards import BREAKDOWNS, CARDS
from oslo_integration.ui.card import indicator_card
from oslo_integration.ui.countries import country_breakdown
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_origin", view)
for indicator, count in CARDS["landbakgrunn"]:
    indicator_card(indicator, view, count_indicator=count)
for measure in BREAKDOWNS["landbakgrunn"]:
    country_breakdown(measure, view)
