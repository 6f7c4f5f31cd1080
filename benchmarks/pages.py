"""Median rerun time of every page under AppTest, against a one-line hello-world page in the same harness.

On a shared, noisy machine the two sides of a ratio are timed in turns (hello, page, hello, page …),
so a slow moment hits both rather than one of them.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

from .apptest import navigation_mode

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["oversikt", "bosetting", "landbakgrunn", "intro", "overgang", "kart", "om_dataene"]
HELLO = 'import streamlit as st\n\nst.write("Hello world")\n'


@contextmanager
def _store(db: str | None) -> Iterator[None]:
    old = os.environ.get("OSLO_INTEGRATION_DB")
    if db is not None:
        os.environ["OSLO_INTEGRATION_DB"] = db
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("OSLO_INTEGRATION_DB", None)
        else:
            os.environ["OSLO_INTEGRATION_DB"] = old


def _timed(at: AppTest, db: str | None) -> float:
    with _store(db):
        start = time.perf_counter()
        at.run()
        took = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"the page failed: {at.exception[0].message}")
    return took


def _page_app(page: str, db: str) -> AppTest:
    """The page after a first run and one warm rerun, as for a user clicking around."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params["bydel"] = "030105"
    _timed(at, db)
    at.switch_page(f"views/{page}.py")
    _timed(at, db)
    _timed(at, db)
    return at


def in_turns(sides: dict[str, tuple[AppTest, str | None]], reruns: int) -> dict[str, float]:
    """Median seconds per rerun of each side, the sides timed in turns."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(reruns):
        for name, (at, db) in sides.items():
            times[name].append(_timed(at, db))
    return {name: statistics.median(ts) for name, ts in times.items()}


def measure(base_db: str, grown_db: str, reruns: int, pages: list[str] = PAGES) -> dict[str, dict[str, float]]:
    """Per page: seconds on the shipped data, hello world timed beside it, and seconds on the grown store."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp, navigation_mode():
        script = Path(tmp) / "hello.py"
        script.write_text(HELLO, encoding="utf-8")
        hello = AppTest.from_file(str(script), default_timeout=60)
        _timed(hello, None)
        for page in pages:
            one, big = _page_app(page, base_db), _page_app(page, grown_db)
            got = in_turns({"hello": (hello, None), "one": (one, base_db), "big": (big, grown_db)}, reruns)
            out[page] = got
    return out
