"""`python -m benchmarks [--quick]`: ingest, page rerun, growth and memory, as ratios taken side by side.

Prints as it goes, appends the run to benchmarks/RESULTS.md (date and machine), and ends with one
line of name=value pairs. --quick uses tiny sizes so the test suite can run it and it cannot rot.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
from pathlib import Path

from . import ingest, memory, pages
from .generate import growth_observations

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
FULL = {"files": 200, "reruns": 7, "growth_years": range(2005, 2025), "growth_countries": 50, "memory_pages": None}
QUICK = {"files": 8, "reruns": 2, "growth_years": range(2021, 2025), "growth_countries": 5, "memory_pages": ["oversikt"]}


def _stores(folder: Path, sizes: dict) -> tuple[str, str, int, int]:
    """A store from the shipped data, and the same with the generated growth rows added."""
    from oslo_integration.store import open_store

    base = str(folder / "base.duckdb")
    grown = str(folder / "growth.duckdb")
    base_rows = open_store(base).current().height
    store = open_store(grown)
    extra = growth_observations(sizes["growth_years"], sizes["growth_countries"])
    store.import_frame(extra, file_name="EKSEMPELDATA_vekst.csv", sha256="vekst", who="benchmarks", kind="eksempel", notes=[])
    return base, grown, base_rows, store.current().height


def _machine() -> str:
    return f"{platform.node()} · {platform.machine()} · {os.cpu_count()} kjerner · Python {platform.python_version()}"


def run(quick: bool, results: Path, skip_memory: bool = False) -> dict[str, float]:
    sizes = QUICK if quick else FULL
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    say(f"Machine: {_machine()}; mode: {'quick' if quick else 'full'}")
    ing = ingest.run(sizes["files"])
    say(
        f"Ingest: {ing['files']} workbooks ({ing['megabytes']:.1f} MB, {ing['figures']} figures): ours {ing['ours_s']:.2f} s, "
        f"pandas.read_excel(openpyxl) {ing['pandas_openpyxl_s']:.2f} s -> {ing['ingest_speedup']:.1f}x faster"
    )
    with tempfile.TemporaryDirectory() as tmp:
        base, grown, base_rows, grown_rows = _stores(Path(tmp), sizes)
        timed = pages.measure(base, grown, sizes["reruns"])
        for page, got in timed.items():
            say(
                f"Rerun {page}: {got['one'] * 1000:.1f} ms = {got['one'] / got['hello']:.1f}x hello world "
                f"({got['hello'] * 1000:.1f} ms, timed in turns); on {grown_rows / base_rows:.0f}x the rows "
                f"({grown_rows} figures): {got['big'] * 1000:.1f} ms = {got['big'] / got['one']:.2f}x"
            )
        out = {
            "ingest_speedup": ing["ingest_speedup"],
            "rerun_ratio_max": max(got["one"] / got["hello"] for got in timed.values()),
            "growth_ratio": max(got["big"] / got["one"] for got in timed.values()),
        }
        if skip_memory or not memory.available():
            say("Memory: skipped (no /usr/bin/chromium to open the pages)")
            out["rss_ratio"] = float("nan")
        else:
            paths = sizes["memory_pages"] or memory.URL_PATHS
            mem = memory.run(base, paths)
            say(
                f"Peak RSS after opening {len(paths)} page(s): ours {mem['ours_mb']:.0f} MB, hello world {mem['hello_world_mb']:.0f} MB"
            )
            out["rss_ratio"] = mem["rss_ratio"]
    summary = " ".join(f"{k}={v:.2f}" for k, v in out.items())
    _append(results, quick, lines, summary)
    print(summary)
    return out


def _append(results: Path, quick: bool, lines: list[str], summary: str) -> None:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = [f"## {stamp} · {'quick' if quick else 'full'}", "", *[f"- {line}" for line in lines], "", "```", summary, "```", ""]
    new = not results.exists()
    with results.open("a", encoding="utf-8") as fh:
        if new:
            fh.write("# Benchmark results\n\nAppended by `python -m benchmarks`; ratios are taken side by side in one run.\n\n")
        fh.write("\n".join(block) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (what the test suite runs)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the Markdown file to append to")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the browser-driven memory measurement")
    args = parser.parse_args()
    run(args.quick, args.results, args.skip_memory)


if __name__ == "__main__":
    main()
