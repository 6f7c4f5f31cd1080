from oslo_integration.page_cards import CARDS
from oslo_integration.ui.card import indicator_card
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_settlement", view)
for indicator, count in CARDS["bosetting"]:
    indicator_card(indicator, view, count_indicator=count)
