from oslo_integration.ui.mappage import full_map
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_map", view)
full_map(view)
