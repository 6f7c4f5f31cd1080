from oslo_integration.ui.overview import case_button, imports_section, profile_section
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_overview", view)
profile_section(view)
case_button(view)
imports_section(view)
