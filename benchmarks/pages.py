"""Median rerun time of every page under AppTest, against a one-line hello-world page in the same harness."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from .apptest import navigation_mode

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["oversikt", "bosetting", "landbakgrunn", "intro", "overgang", "kart", "om_dataene"]
HELLO = 'import streamlit as st\n\nst.write("Hello world")\n'


def _median_rerun(at: AppTest, reruns: int) -> float:
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(f"the page failed: {at.exception[0].message}")
    return statistics.median(times)


def hello_world(reruns: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "hello.py"
        script.write_text(HELLO, encoding="utf-8")
        at = AppTest.from_file(str(script), default_timeout=60).run()
        at.run()  # warm
        return _median_rerun(at, reruns)


def page_reruns(reruns: int, pages: list[str] = PAGES) -> dict[str, float]:
    """Seconds per rerun of each page, after a first run and one warm rerun (as a user clicking around)."""
    out = {}
    with navigation_mode():
        for page in pages:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
            at.query_params["bydel"] = "030105"
            at.run()
            at.switch_page(f"pages/{page}.py").run()
            at.run()
            out[page] = _median_rerun(at, reruns)
    return out
