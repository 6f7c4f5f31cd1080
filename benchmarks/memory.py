"""Peak memory (RSS high-water mark) of a Streamlit server after every page has been opened once.

A real `streamlit run` in a subprocess, pages opened in Debian's headless Chromium via Playwright,
the peak read from /proc/<pid>/status (VmHWM) - against a one-line hello-world server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .pages import HELLO, ROOT

URL_PATHS = ["oversikt", "bosetting", "landbakgrunn", "introduksjonsprogrammet", "overgang", "kart", "om-dataene"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking"]


def available() -> bool:
    return Path(CHROMIUM).exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc status")


def _serve(script: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless=true", f"--server.port={port}",
         "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
        cwd=script.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/_stcore/health", timeout=2)
            return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"streamlit did not start for {script}")


def _open_pages(base: str, paths: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        for path in paths:
            page.goto(f"{base}/{path}", wait_until="domcontentloaded")
            page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
            page.wait_for_function(
                "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000
            )  # the script run is over
            page.wait_for_timeout(500)
        browser.close()


def peak_rss(script: Path, paths: list[str], env: dict[str, str]) -> float:
    proc, base = _serve(script, env)
    try:
        _open_pages(base, paths)
        time.sleep(0.5)
        return _peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run(db: str, paths: list[str] = URL_PATHS) -> dict[str, float]:
    env = dict(os.environ, OSLO_INTEGRATION_DB=db)
    ours = peak_rss(ROOT / "app.py", paths, env)
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp) / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        baseline = peak_rss(hello, [""], env)
    return {"ours_mb": ours, "hello_world_mb": baseline, "rss_ratio": ours / baseline}
