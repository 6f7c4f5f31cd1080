"""`python -m oslo_integration …` for the tests, forked from a server that has the command line loaded.

Each test process starts one fork server (tests/support/cli_server.py) on first use. A run then costs
what the command does, not a new Python's imports. The answer is what a subprocess gives, plus the
run's seconds and its peak memory.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the run's own peak resident memory (VmHWM), which counts the loaded command line


class _ForkServer:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.cli_server"],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        atexit.register(self.stop)

    def reply(self, deadline: float) -> dict:
        """The server's next line; TimeoutExpired at the deadline, RuntimeError if the server ended (either way
        the server and its child are killed, and the next run starts a new one)."""
        ready, _, _ = select.select([self.process.stdout], [], [], max(0.0, deadline - time.monotonic()))
        line = self.process.stdout.readline() if ready else None
        if not line:
            self.stop()
            if line is None:
                raise subprocess.TimeoutExpired("oslo_integration (forked)", deadline)
            raise RuntimeError("the command line's fork server ended without an answer")
        return json.loads(line)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        _server.cache_clear()


@cache
def _server() -> _ForkServer:
    return _ForkServer()


def run_cli(args: list[str], *, env: dict[str, str] | None = None, input: str | None = None, timeout: float = 120) -> Ran:
    """Runs the command line with ARGS (environment ENV, else this process's; stdin INPUT, else empty)."""
    with tempfile.TemporaryDirectory() as folder:
        files = {name: os.path.join(folder, name) for name in ("stdin", "stdout", "stderr", "peak")}
        Path(files["stdin"]).write_text(input or "", encoding="utf-8")
        request = dict(files, args=list(args), cwd=str(ROOT), env=dict(os.environ if env is None else env))
        server = _server()
        start = time.monotonic()
        server.process.stdin.write(json.dumps(request).encode() + b"\n")
        server.process.stdin.flush()
        code = server.reply(start + timeout)["code"]
        seconds = time.monotonic() - start
        peak = Path(files["peak"])
        return Ran(
            returncode=code,
            stdout=Path(files["stdout"]).read_text(encoding="utf-8"),
            stderr=Path(files["stderr"]).read_text(encoding="utf-8"),
            seconds=seconds,
            peak_mb=float(peak.read_text() or "nan") if peak.exists() else float("nan"),  # unmeasured fails any bound
        )
