from oslo_integration.ui.card import indicator_card
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_transition", view)
indicator_card("andel_arbeid_ved_avslutning", view, count_indicator="intro_arbeid_ved_avslutning")
indicator_card("andel_ukrainere_arbeid_innen_1_aar", view, count_indicator="ukrainere_arbeid_innen_1_aar")
indicator_card("andel_utdanning_ved_avslutning", view, count_indicator="intro_utdanning_ved_avslutning")
indicator_card("intro_arbeid_utdanning_1_aar_etter", view)
# the two published outcome measures, each on its own card: never compared with each other or with the above
indicator_card("andel_arbeid_utdanning_1_aar_etter", view, count_indicator="arbeid_utdanning_1_aar_etter_antall")
indicator_card("andel_direkte_overgang", view, count_indicator="direkte_overgang_antall")
