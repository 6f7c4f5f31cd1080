"""The benchmarks run in quick mode, so they cannot rot; the full run stays out of CI."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from benchmarks import memory
from benchmarks.__main__ import SUMMARY
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("benchmarks")]
NUMBER = r"(-?[\d.]+|nan|inf)"


def test_quick_benchmarks_run_and_end_with_one_line_of_ratios(tmp_path):
    results = tmp_path / "RESULTS.md"
    args = [sys.executable, "-m", "benchmarks", "--quick", "--results", str(results)]
    if not memory.available() and os.environ.get("CI") != "true":
        args.append("--skip-browser")  # the browser and memory benchmarks open the pages in Debian's chromium
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    last = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(" ".join(f"{name}={NUMBER}" for name in SUMMARY), last), last
    ratios = {k: float(v) for k, v in (pair.split("=") for pair in last.split())}
    assert ratios["ingest_speedup"] > 0 and ratios["rerun_ratio_max"] > 0
    assert ratios["load_p95_s_50"] > 0  # the simulated viewers were served (an error would make it inf)
    assert ratios["load_p95_s_50"] != float("inf"), done.stdout[-3000:]
    if "--skip-browser" not in args:
        assert ratios["browser_rerun_ratio"] > 0 and ratios["browser_open_ratio"] > 0 and ratios["rss_floor_ratio"] > 0
    text = results.read_text(encoding="utf-8")
    # the stages every reader of ours must pass, timed alone: how far the ingest ratio can go
    stages = re.search(
        r"Ingest stages alone.*hostile files ([\d.]+) s = ([\d.]+)x.*nothing else ([\d.]+) s.*cleaned\) ([\d.]+) s", text
    )
    assert stages and all(float(g) > 0 for g in stages.groups()), text[:2000]
    bulk = re.search(r"Ingest as a bulk import runs it, the batch spread over (\d+) process\(es\).*-> ([\d.]+)x", text)
    assert bulk and int(bulk[1]) == 1 and float(bulk[2]) > 0, text[:2000]  # quick mode's 8 files stay in one process
    if "--skip-browser" not in args:  # the trace says where Bosetting's seconds go, next to hello world
        traced = re.search(r"Trace bosetting: drawn ([\d.]+) s, main thread busy ([\d.]+) s, websocket (\d+) messages.*", text)
        assert traced and float(traced[1]) > 0 and float(traced[2]) > 0 and int(traced[3]) > 0, text[-3000:]
        assert "Vega (graphs)" in traced[0] and "React" in traced[0]  # its charts and its components both cost
        assert "Trace hello world: drawn" in text
        # real mouse clicks on the map, each either redrawn or counted as lost (not asserted: it is a matter of time)
        clicks = re.search(r"Browser map click .*?(?:redrawn in ([\d.]+) s \(median\), )?(\d+) of (\d+) clicks lost", text)
        assert clicks and int(clicks[3]) == 1 and (clicks[1] is not None or clicks[2] == "1"), text[-3000:]
        # the first reader after a start, ours warmed up and not, beside hello world (times, not asserted)
        first = re.search(
            r"Browser first visit .*: ours ([\d.]+) s .*`streamlit run app.py`: ([\d.]+) s\), hello world ([\d.]+) s", text
        )
        assert first and all(float(g) > 0 for g in first.groups()), text[-3000:]
    assert "quick" in text and last in text and "Machine:" in text
    assert "Load ours: 3 viewers" in text and "Load hello: 3 viewers" in text
    if os.path.exists("/usr/sbin/nginx") and os.path.exists("/usr/lib/postgresql"):
        assert "Replicas: 2 behind nginx" in text
