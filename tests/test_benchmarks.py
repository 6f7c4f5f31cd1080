"""The benchmarks run in quick mode, so they cannot rot; the full run stays out of CI."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from benchmarks import memory
from tests.conftest import ROOT


def test_quick_benchmarks_run_and_end_with_one_line_of_ratios(tmp_path):
    results = tmp_path / "RESULTS.md"
    args = [sys.executable, "-m", "benchmarks", "--quick", "--results", str(results)]
    if not memory.available() and os.environ.get("CI") != "true":
        args.append("--skip-memory")  # the memory benchmark opens the pages in Debian's chromium
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    last = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"ingest_speedup=[\d.]+ rerun_ratio_max=[\d.]+ growth_ratio=[\d.]+ rss_ratio=([\d.]+|nan)", last), last
    ratios = dict(pair.split("=") for pair in last.split())
    assert float(ratios["ingest_speedup"]) > 0 and float(ratios["rerun_ratio_max"]) > 0
    text = results.read_text(encoding="utf-8")
    assert "quick" in text and last in text and "Machine:" in text
