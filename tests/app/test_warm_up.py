"""The warm-up reads what a first visit needs under the keys the pages ask for: after it, no page reads
or computes those figures again."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from oslo_integration.ui import data
from oslo_integration.ui.routes import PUBLIC
from oslo_integration.ui.warm_up import warm_up
from tests.conftest import ROOT


def test_after_the_warm_up_every_public_page_finds_its_figures_read(env):
    warm_up()
    cached = {
        f.__name__: f for f in (data.current, data.public, data.years, data.real_years, data.indicator_frame, data.page_years)
    }
    misses = {name: f.cache_info().misses for name, f in cached.items()}
    assert data.indicator_frame.cache_info().currsize > 10
    for route in PUBLIC:  # a link to each page, as a first reader opens it
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["bydel"] = "030105"
        at.run()
        at.switch_page(route.file).run()
        assert not at.exception, (route.file, at.exception)
        assert at.title or at.subheader, route.file  # the page drew (an embedded card has only its heading)
    assert {name: f.cache_info().misses for name, f in cached.items()} == misses
