from oslo_integration.ui.embed import embedded_card
from oslo_integration.ui.view import page_view

embedded_card(page_view())
