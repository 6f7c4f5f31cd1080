"""The warm-up reads what a first visit needs under the keys the pages ask for: after it, no page reads
or computes those figures again, and it computes nothing the pages would not."""

from __future__ import annotations

import shutil

from streamlit.testing.v1 import AppTest

from oslo_integration.ui import data
from oslo_integration.ui.routes import PUBLIC
from oslo_integration.ui.warm_up import warm_up
from tests.conftest import ROOT


def _open_every_public_page() -> None:
    for route in PUBLIC:  # a link to each page, as a first reader opens it
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["bydel"] = "030105"
        at.run()
        at.switch_page(route.file).run()
        assert not at.exception, (route.file, at.exception)
        assert at.title or at.subheader, route.file  # the page drew (an embedded card has only its heading)


def test_after_the_warm_up_every_public_page_finds_its_figures_read(env, shipped_template, monkeypatch):
    cached = {
        f.__name__: f for f in (data.current, data.public, data.years, data.real_years, data.indicator_frame, data.page_years)
    }

    def misses() -> dict[str, int]:
        return {name: f.cache_info().misses for name, f in cached.items()}

    before = misses()
    _open_every_public_page()  # a server without the warm-up: what the pages compute themselves
    computed_by_pages = {name: n - before[name] for name, n in misses().items()}
    assert computed_by_pages["indicator_frame"] > 10

    monkeypatch.setenv("OSLO_INTEGRATION_DB", str(shutil.copy(shipped_template, env / "warm.duckdb")))
    before = misses()
    warm_up()
    assert {name: n - before[name] for name, n in misses().items()} == computed_by_pages  # the same, no more
    before = misses()
    _open_every_public_page()
    assert misses() == before  # and nothing left for the pages
