"""Streamlit servers for the benchmarks: started on loopback, asked for their memory, stopped.

Shared by the browser, load and memory benchmarks, so every side of a ratio is served the same way.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELLO = 'import streamlit as st\n\nst.write("Hello world")\n'
# hello world with one widget to change: the smallest app a rerun can be asked of
HELLO_RERUN = (
    "import streamlit as st\n\n"
    'st.sidebar.multiselect("Bydel", ["Frogner", "Alna", "Sagene", "Grorud"], default=["Frogner"], key="w_bydeler")\n'
    'st.write("Hello world")\n'
)


# ours as the README starts it: `streamlit run app.py` with the warm-up at start (oslo_integration/start.py)
OURS = ROOT / "app.py"
OURS_LAUNCHER = (sys.executable, "-m", "oslo_integration", "start")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory of a process now (VmRSS) or at its peak (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc status")


@dataclass
class Server:
    process: subprocess.Popen
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid


LOG_ENV = "BENCHMARK_SERVER_LOG"  # a folder: each server's output is kept there (to find a failing run's cause)


def start(script: Path, env: dict[str, str] | None = None, port: int | None = None, *, warm: bool = True) -> Server:
    """`streamlit run script` headless on loopback, returned once its health check answers; ours (OURS)
    through its launcher unless `warm` is False.

    Every server runs with the one runner setting ours changes (.streamlit/config.toml: no full garbage
    collection after each run), so hello world and the plain app are compared on equal terms.
    """
    port = port or free_port()
    logs = os.environ.get(LOG_ENV)
    out = open(Path(logs) / f"{script.stem}-{port}.log", "wb") if logs else subprocess.DEVNULL  # noqa: SIM115
    command = list(OURS_LAUNCHER) if warm and script == OURS else [sys.executable, "-m", "streamlit", "run", str(script)]
    proc = subprocess.Popen(
        [*command, "--server.headless=true", f"--server.port={port}",
         "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none",
         "--server.runOnSave=false", "--runner.postScriptGC=false"],
        cwd=ROOT if script.parent == ROOT else script.parent, env=env or dict(os.environ),
        stdout=out, stderr=out,
    )  # fmt: skip
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit stopped at start for {script}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            return Server(proc, port)
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"streamlit did not start for {script}")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@contextmanager
def serving(script: Path, env: dict[str, str] | None = None, *, warm: bool = True) -> Iterator[Server]:
    server = start(script, env, warm=warm)
    try:
        yield server
    finally:
        stop(server)
