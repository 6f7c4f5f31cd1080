"""AppTest as the server runs after its first request: app.py's st.navigation, not the old pages/ mode.

AppTest resets Streamlit's PagesManager.uses_pages_directory before every run. Because the project
keeps its pages in a top-level pages/ folder, each run would then go through the old automatic
page mode first, which drops button clicks inside forms. A real server leaves that mode for good
on its first run (oslo_integration.ui.view.page_view), so the tests do the same.
"""

from __future__ import annotations

import pytest
from streamlit.runtime.pages_manager import PagesManager


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
