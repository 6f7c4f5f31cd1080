"""The trace summary: the page's own renderer only, CPU by bundle, busy time from its top-level tasks."""

from __future__ import annotations

from benchmarks.trace import bundle, summarise


def _profile(pid: int, url: str, samples: list[int], deltas: list[int]) -> dict:
    nodes = [
        {"id": 1, "callFrame": {"url": "", "functionName": "(program)"}},
        {"id": 2, "callFrame": {"url": url, "functionName": "render"}},
    ]
    return {"name": "ProfileChunk", "pid": pid, "id": f"0x{pid}", "ph": "P",
            "args": {"data": {"cpuProfile": {"nodes": nodes, "samples": samples}, "timeDeltas": deltas}}}  # fmt: skip


def test_only_the_pages_renderer_counts_and_samples_go_to_their_bundle():
    ours, other = 10, 20
    events = [
        {"ph": "M", "name": "thread_name", "pid": ours, "tid": ours, "args": {"name": "CrRendererMain"}},
        {"ph": "M", "name": "thread_name", "pid": other, "tid": other, "args": {"name": "CrRendererMain"}},
        {"ph": "X", "name": "RunTask", "pid": ours, "tid": ours, "ts": 0, "dur": 300_000},
        {"ph": "X", "name": "RunTask", "pid": other, "tid": other, "ts": 0, "dur": 900_000},
        _profile(ours, "http://127.0.0.1:8501/static/js/embed.CX5AQgxi.js", [2, 2, 1], [1000, 2000, 500]),
        _profile(other, "chrome://new-tab-page/composebox.js", [2], [9000]),
    ]
    got = summarise({"traceEvents": events}, "bosetting", 1.2, "http://127.0.0.1:8501")
    assert got.busy_s == 0.3
    assert dict(got.by_bundle_ms) == {"embed": 3.0, "(program)": 0.5}
    assert dict(got.by_group_ms()) == {"Vega (graphs)": 3.0, "browser: style, layout, parsing": 0.5}


def test_bundle_names_lose_their_content_hash():
    assert bundle("http://h/static/js/react-dom.Dzbslgj4.js", "se") == "react-dom"
    assert bundle("", "(garbage collector)") == "(garbage collector)"
    assert bundle("", "appendChild") == "(native)"
