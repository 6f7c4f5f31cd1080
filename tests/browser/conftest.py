"""One streamlit server and one Chromium per browser test module."""

from __future__ import annotations

import pytest

from tests.browser.test_pages_in_chromium import CHROMIUM, _need_browser, _serve


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _need_browser()
    with _serve(tmp_path_factory.mktemp("browser")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking"],
        )
        yield b
        b.close()
