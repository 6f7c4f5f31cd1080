from oslo_integration.ui.log_page import log_page
from oslo_integration.ui.page import header
from oslo_integration.ui.view import page_view

view = page_view()
header("page_log", view, figures=False)
log_page()
