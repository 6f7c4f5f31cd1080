"""`python -m oslo_integration start`, the README's command: the server answers, and says when it is warm."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import urllib.request

from benchmarks.servers import free_port
from oslo_integration import cli, start
from oslo_integration.start import APP, streamlit_args
from oslo_integration.ui.warm_up import READY
from tests.conftest import ROOT


def test_the_options_go_to_streamlit_run_of_the_app():
    assert streamlit_args(["--server.port=8600"]) == ["run", str(APP), "--server.port=8600"]
    assert APP == ROOT / "app.py"


def test_the_command_line_hands_start_and_its_options_to_streamlit_unparsed(monkeypatch):
    got = []
    monkeypatch.setattr(start, "main", lambda options: got.append(options) or 0)
    assert cli.main(["start", "--server.port=8600", "--server.headless=true"]) == 0
    assert got == [["--server.port=8600", "--server.headless=true"]]
    assert "start" in cli.build_parser().format_help()  # and --help lists it


def test_start_serves_the_dashboard_and_warms_it_up(shipped_copy, tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "oslo_integration", "start", "--server.headless=true", f"--server.port={port}",
         "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
        cwd=ROOT, env=dict(os.environ, OSLO_INTEGRATION_DB=str(shipped_copy)),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    lines: list[str] = []
    warm = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            lines.append(line)
            if line.strip().startswith(READY):
                warm.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert warm.wait(120), "".join(lines)[-3000:]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=10) as health:
            assert health.status == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/bosetting?bydel=030105", timeout=10) as page:
            assert page.status == 200 and b'<div id="root">' in page.read()
        assert not any("Traceback" in line or "stoppet" in line for line in lines), "".join(lines)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        reader.join(timeout=10)
        proc.stdout.close()
