"""Running app.py under AppTest the way a server runs it after its first request.

AppTest resets Streamlit's PagesManager.uses_pages_directory before every run; with a top-level
pages/ folder each run would then pass through the old automatic page mode first (which also drops
clicks on form buttons). The pages now live in views/, so the mode stays off; this keeps AppTest
as a server runs in any case. Shared by the tests and the benchmarks.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from streamlit.runtime.pages_manager import PagesManager


@contextmanager
def navigation_mode() -> Iterator[None]:
    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    try:
        yield
    finally:
        PagesManager.__init__ = original
