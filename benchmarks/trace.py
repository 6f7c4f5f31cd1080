"""Where a page's seconds go in Chromium: `python -m benchmarks.trace [page …]`.

Each page is opened from a link, as a first-time reader opens it (benchmarks/browser.py), with
Chromium's tracing on: the timeline of the page's main thread and V8's sampling profiler. Printed per
page: the time to fully drawn, how much of it the main thread was busy, and the CPU time by the
bundle it ran in (Vega, React, CSS-in-JS, Markdown, …) with the browser's own work (style, layout,
parsing: «(program)») and garbage collection beside them; and what came over the websocket.
Diagnostic, not a target: it says which part of the page to make lighter.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import browser, servers
from .memory import CHROMIUM, CHROMIUM_ARGS

CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8.execute",
    "toplevel",
    "disabled-by-default-v8.cpu_profiler",
]
# A bundle's name without its content hash («embed.CX5AQgxi.js» -> «embed») -> what it draws.
GROUPS = {
    "embed": "Vega (graphs)",
    "vega-interpreter": "Vega (graphs)",
    "ArrowVegaLiteChart": "Vega (graphs)",
    "react-dom": "React",
    "emotion-styled": "CSS-in-JS",
    "emotion-is-prop-valid": "CSS-in-JS",
    "styled-components": "CSS-in-JS",
    "StreamlitMarkdown": "Markdown",
    "protobuf": "messages (protobuf, Arrow)",
    "recordbatch": "messages (protobuf, Arrow)",
    "serialization": "messages (protobuf, Arrow)",
    "index": "Streamlit's app",
    "(program)": "browser: style, layout, parsing",
    "(garbage collector)": "garbage collection",
}


@dataclass
class PageTrace:
    """One page from a link: seconds to fully drawn, main-thread busy seconds, CPU ms by bundle, websocket."""

    page: str
    drawn_s: float
    busy_s: float
    by_bundle_ms: Counter = field(default_factory=Counter)
    ws_frames: int = 0
    ws_bytes: int = 0

    def by_group_ms(self) -> Counter:
        out: Counter = Counter()
        for bundle, ms in self.by_bundle_ms.items():
            if bundle != "(idle)":
                out[GROUPS.get(bundle, "deck.gl (map)" if "deck" in bundle.lower() else "other")] += ms
        return out


def bundle(url: str, function: str) -> str:
    """«http://…/static/js/embed.CX5AQgxi.js» -> «embed»; V8's own nodes keep their name («(program)»)."""
    name = url.rsplit("/", 1)[-1]
    if not name:
        return function if function.startswith("(") else "(native)"
    return name.split(".", 1)[0]


def summarise(trace: dict | list, page: str, drawn_s: float, origin: str = "http://127.0.0.1") -> PageTrace:
    """The page's renderer main thread's busy time (top-level tasks) and the profiler's samples by bundle.

    The trace covers the whole browser, other renderers too (Chromium's own pages): the page's renderer
    is the one whose profile ran scripts from `origin`.
    """
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    ours = {
        e.get("pid")
        for e in events
        if e.get("name") == "ProfileChunk"
        and any(
            n["callFrame"].get("url", "").startswith(origin) for n in e["args"]["data"].get("cpuProfile", {}).get("nodes", [])
        )
    }
    events = [e for e in events if e.get("pid") in ours]
    threads = {
        (e.get("pid"), e.get("tid")): e["args"]["name"] for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"
    }
    main = {key for key, name in threads.items() if name == "CrRendererMain"}
    busy_us = sum(
        e.get("dur", 0)
        for e in events
        if e.get("name") == "RunTask" and e.get("ph") == "X" and (e.get("pid"), e.get("tid")) in main
    )
    frames: dict[tuple, dict] = {}  # (profile id, node id) -> call frame
    by_bundle: Counter = Counter()
    for e in events:
        if e.get("name") != "ProfileChunk":
            continue
        data = e["args"]["data"]
        profile = data.get("cpuProfile", {})
        for node in profile.get("nodes", []):
            frames[(e.get("id"), node["id"])] = node["callFrame"]
        for sample, delta in zip(profile.get("samples", []), data.get("timeDeltas", []), strict=False):
            frame = frames.get((e.get("id"), sample), {})
            by_bundle[bundle(frame.get("url", ""), frame.get("functionName", ""))] += delta / 1000
    return PageTrace(page, drawn_s, busy_us / 1e6, by_bundle)


def trace_page(chromium, url: str, page_name: str) -> PageTrace:
    """One page from a link in a fresh context, traced from the navigation to fully drawn."""
    context = browser._context(chromium)
    frames = [0, 0]

    def on_socket(ws) -> None:
        def received(payload) -> None:
            frames[0] += 1
            frames[1] += len(payload)

        ws.on("framereceived", received)

    try:
        page = context.new_page()
        page.on("websocket", on_socket)
        chromium.start_tracing(page=page, categories=CATEGORIES)
        page.goto(url, wait_until="commit")
        drawn = browser._settled(page, 0.0)
        raw = chromium.stop_tracing()
    finally:
        context.close()
    out = summarise(json.loads(raw), page_name, drawn, "/".join(url.split("/", 3)[:3]))
    out.ws_frames, out.ws_bytes = frames
    return out


def run(db: str, pages: list[str] = browser.PAGES) -> list[PageTrace]:
    """Our pages, then hello world (with one sidebar widget) for what any Streamlit page costs."""
    from playwright.sync_api import sync_playwright

    env = dict(os.environ, OSLO_INTEGRATION_DB=db)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        hello_script = Path(tmp) / "hello_rerun.py"
        hello_script.write_text(servers.HELLO_RERUN, encoding="utf-8")
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with servers.serving(servers.OURS, env) as ours, servers.serving(hello_script, env) as hello:
                browser.open_link(chromium, f"{ours.url}/{pages[0]}{browser.QUERY}")  # each server has had its first visitor
                browser.open_link(chromium, hello.url + "/")
                traces = [trace_page(chromium, f"{ours.url}/{name}{browser.QUERY}", name) for name in pages]
                return traces + [trace_page(chromium, hello.url + "/", "hello world")]
        finally:
            chromium.close()


def report(traces: list[PageTrace]) -> list[str]:
    lines = []
    for t in traces:
        groups = t.by_group_ms()
        lines.append(
            f"{t.page}: drawn {t.drawn_s:.2f} s, main thread busy {t.busy_s:.2f} s, websocket {t.ws_frames} messages "
            f"({t.ws_bytes / 1024:.0f} kB); CPU ms: " + ", ".join(f"{g} {ms:.0f}" for g, ms in groups.most_common())
        )
        lines.append("  bundles: " + ", ".join(f"{b} {ms:.0f}" for b, ms in t.by_bundle_ms.most_common(12) if b != "(idle)"))
    return lines


def main(argv: list[str]) -> None:
    from oslo_integration.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "trace.duckdb")
        open_store(db)  # built from the shipped data, as the dashboard starts
        for line in report(run(db, argv or browser.PAGES)):
            print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
