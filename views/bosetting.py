from oslo_integration.ui.card import indicator_card
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_settlement", view)
indicator_card("bosatt", view)
indicator_card("andel_kommunal_bolig", view, count_indicator="bosatt_kommunal_bolig")
indicator_card("andel_privat_leiemarked", view, count_indicator="bosatt_privat_leiemarked")
indicator_card("bosatt_per_1000_innbyggere", view)
