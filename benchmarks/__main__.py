"""`python -m benchmarks [--quick]`: browser, load, ingest, page rerun, growth and memory, as ratios taken side by side.

Prints as it goes, appends the run to benchmarks/RESULTS.md (date and machine), and ends with one
line of name=value pairs. --quick uses tiny sizes so the test suite can run it and it cannot rot.
The full run takes about 20 minutes on two cores (most of it the 60-second crowds of viewers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
from pathlib import Path

from . import browser, ingest, load, memory, pages, trace
from .generate import growth_observations

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
FULL = {
    "files": 200,
    "reruns": 7,
    "growth_years": range(2005, 2025),
    "growth_countries": 50,
    "memory_pages": None,
    "browser_rounds": 3,
    "browser_pages": None,
    "crowds": [10, 50, 100],
    "crowd_seconds": 60.0,
    "replica_crowds": [50, 100],  # where one replica stops holding, so the second one's gain shows
}
QUICK = {
    "files": 8, "reruns": 2, "growth_years": range(2021, 2025), "growth_countries": 5, "memory_pages": ["oversikt"],
    "browser_rounds": 1, "browser_pages": ["bosetting"], "crowds": [3], "crowd_seconds": 4.0, "replica_crowds": [3],
}  # fmt: skip
SUMMARY = [
    "browser_rerun_ratio", "browser_plain_ratio", "browser_open_ratio", "load_viewers_ratio", "load_p95_s_50",
    "replica_scaling", "ingest_speedup", "ingest_parallel_speedup", "rss_floor_ratio", "rss_per_session_mb", "rerun_ratio_max", "growth_ratio", "rss_ratio",
]  # fmt: skip


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


def run(quick: bool, results: Path, skip_browser: bool = False) -> dict[str, float]:
    sizes = QUICK if quick else FULL
    lines: list[str] = []
    nan = float("nan")
    out: dict[str, float] = dict.fromkeys(SUMMARY, nan)

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    say(f"Machine: {_machine()}; mode: {'quick' if quick else 'full'}")
    ing = ingest.run(sizes["files"])
    say(
        f"Ingest: {ing['files']} workbooks ({ing['megabytes']:.1f} MB, {ing['figures']} figures): ours {ing['ours_s']:.2f} s, "
        f"pandas.read_excel(openpyxl) {ing['pandas_openpyxl_s']:.2f} s -> {ing['ingest_speedup']:.1f}x faster"
    )
    pandas_s = ing["pandas_openpyxl_s"]
    say(
        "Ingest stages alone, as pandas' time / the stage's (how far the whole can go): "
        f"checks for hostile files {ing['checks_s']:.2f} s = {pandas_s / ing['checks_s']:.1f}x; "
        f"fastexcel into Polars, nothing else {ing['fastexcel_alone_s']:.2f} s = {pandas_s / ing['fastexcel_alone_s']:.1f}x; "
        f"our reading into cells (both, texts cleaned) {ing['reading_s']:.2f} s = {pandas_s / ing['reading_s']:.1f}x"
    )
    say(
        f"Ingest as a bulk import runs it, the batch spread over {ing['workers']} process(es) (normalise/parallel.py): "
        f"{ing['parallel_s']:.2f} s -> {ing['ingest_parallel_speedup']:.1f}x pandas' single process "
        f"(the workers' start, once per process, {ing['workers_start_s']:.2f} s, timed apart)"
    )
    out["ingest_speedup"] = ing["ingest_speedup"]
    out["ingest_parallel_speedup"] = ing["ingest_parallel_speedup"]
    with tempfile.TemporaryDirectory() as tmp:
        base, grown, base_rows, grown_rows = _stores(Path(tmp), sizes)
        timed = pages.measure(base, grown, sizes["reruns"])
        for page, got in timed.items():
            say(
                f"Rerun {page} (AppTest): {got['one'] * 1000:.1f} ms = {got['one'] / got['hello']:.1f}x hello world "
                f"({got['hello'] * 1000:.1f} ms, timed in turns); on {grown_rows / base_rows:.0f}x the rows "
                f"({grown_rows} figures): {got['big'] * 1000:.1f} ms = {got['big'] / got['one']:.2f}x"
            )
        out["rerun_ratio_max"] = max(got["one"] / got["hello"] for got in timed.values())
        out["growth_ratio"] = max(got["big"] / got["one"] for got in timed.values())
        _load(base, sizes, say, out)
        if skip_browser or not memory.available():
            say("Browser and memory: skipped (no /usr/bin/chromium to open the pages)")
        else:
            _browser(base, sizes, say, out)
            for line in trace.report(trace.run(base, sizes["browser_pages"] or browser.PAGES)):
                say(f"Trace {line.strip()}")  # where a page's seconds go in Chromium (benchmarks/trace.py)
            _memory(base, sizes, say, out)
    summary = " ".join(f"{k}={out[k]:.2f}" for k in SUMMARY)
    _append(results, quick, lines, summary)
    print(summary)
    return out


def _load(base: str, sizes: dict, say, out: dict[str, float]) -> None:
    got = load.run(base, sizes["crowds"], sizes["crowd_seconds"], sizes["replica_crowds"])
    for side in ("ours", "hello"):
        for lv in got[side]["levels"]:
            say(
                f"Load {side}: {lv.viewers} viewers × {sizes['crowd_seconds']:.0f} s, a bydel change every 2 s: "
                f"{lv.requests} runs, p50 {lv.p50_s:.3f} s, p95 {lv.p95_s:.3f} s, {lv.errors} errors"
                f"{' (' + lv.first_error[:120] + ')' if lv.errors else ''}, server RSS {lv.rss_mb:.0f} MB"
            )
    ours_held, hello_held = load.held(got["ours"]["levels"]), load.held(got["hello"]["levels"])
    say(
        f"Load: one server holds {ours_held} viewers at p95 ≤ 1 s (hello world {hello_held}, of at most {max(sizes['crowds'])} tried)"
    )
    out["load_viewers_ratio"] = ours_held / hello_held if hello_held else float("nan")
    fifty = [lv for lv in got["ours"]["levels"] if lv.viewers == 50] or got["ours"]["levels"][-1:]
    out["load_p95_s_50"] = fifty[0].p95_s if fifty[0].errors == 0 else float("inf")
    out["rss_per_session_mb"] = got["ours"]["per_session_mb"]
    say(f"Memory per extra session: {got['ours']['per_session_mb']:.2f} MB (hello world {got['hello']['per_session_mb']:.2f} MB)")
    if got["replicas"] is None:
        say("Replicas: skipped (no nginx or no PostgreSQL server binaries here)")
        return
    for count, levels in got["replicas"].items():
        for lv in levels:
            say(
                f"Replicas: {count} behind nginx (ip_hash), PostgreSQL store: {lv.viewers} viewers: p50 {lv.p50_s:.3f} s, "
                f"p95 {lv.p95_s:.3f} s, {lv.errors} errors, RSS {lv.rss_mb:.0f} MB"
            )
    out["replica_scaling"] = load.scaling(got["replicas"])


def _browser(base: str, sizes: dict, say, out: dict[str, float]) -> None:
    got = browser.run(base, sizes["browser_rounds"], sizes["browser_pages"] or browser.PAGES)
    for name in ("open", "rerun", "menu", "kart_tab"):
        row = {side: got.get(f"{side}:{name}") for side in ("ours", "plain", "hello")}
        shown = ", ".join(f"{side} {v:.2f} s" for side, v in row.items() if v is not None)
        say(f"Browser {name} (median, in turns): {shown}")
    clicked = got.get("ours:map_click")
    say(
        "Browser map click (a real mouse click on a bydel in Kart, after the pointer rested on it): "
        + (f"redrawn in {clicked:.2f} s (median), " if clicked is not None else "")
        + f"{got['ours:map_clicks_lost']:.0f} of {sizes['browser_rounds']} clicks lost"
    )
    say(
        f"Browser first visit (a link to Bosetting {browser.FIRST_VISIT_AFTER_S:.0f} s after a new server answers, median): "
        f"ours {got['ours:first_visit']:.2f} s (started by a bare `streamlit run app.py`: "
        f"{got['ours_unwarmed:first_visit']:.2f} s), hello world {got['hello:first_visit']:.2f} s; "
        f"a later reader of ours {got['ours:open:bosetting']:.2f} s"
    )
    for key in ("browser_rerun_ratio", "browser_plain_ratio", "browser_open_ratio"):
        out[key] = got[key]


def _memory(base: str, sizes: dict, say, out: dict[str, float]) -> None:
    paths = sizes["memory_pages"] or memory.URL_PATHS
    mem = memory.run(base, paths)
    say(
        f"Peak RSS after opening {len(paths)} page(s): ours {mem['ours_mb']:.0f} MB, a server importing only the same "
        f"{mem['libraries']} libraries {mem['libraries_only_mb']:.0f} MB, hello world {mem['hello_world_mb']:.0f} MB; "
        f"anonymous memory (no library code pages) ours {mem['ours_anon_mb']:.0f} MB vs {mem['libraries_only_anon_mb']:.0f} MB"
    )
    out["rss_ratio"] = mem["rss_ratio"]
    out["rss_floor_ratio"] = mem["rss_floor_ratio"]


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
    parser.add_argument("--skip-browser", action="store_true", help="leave out what needs Chromium (browser timings, memory)")
    args = parser.parse_args()
    run(args.quick, args.results, args.skip_browser)


if __name__ == "__main__":
    main()
