from oslo_integration.ui.page import header
from oslo_integration.ui.upload_page import upload_page
from oslo_integration.ui.view import page_view

view = page_view()
header("page_upload", view, figures=False)
upload_page()
