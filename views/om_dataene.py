from oslo_integration.ui.about import about_page
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_about", view)
about_page(view)
