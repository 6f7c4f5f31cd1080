"""Every file of the hostile corpus, through the command line: refused (or read) fast, small and cleanly.

Each runs as its own process, so its peak memory is measured for that file alone (os.wait4). The
bounds are generous against a noisy shared machine and far below what the files used to cost
(seconds to minutes, gigabytes); the point is that the cost is bounded, not how fast it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from oslo_integration.store import connect
from tests.conftest import ROOT
from tests.support.hostile import READ, REFUSED, make

pytestmark = pytest.mark.slow

MAX_SECONDS = 5.0
MAX_RSS_MB = 300.0


# Runs the command line and, whatever way it ends, writes its own peak RSS (VmHWM: of this program's
# memory only; ru_maxrss would also count the forked test process before exec) to the file in argv[1].
_MEASURED = """
import runpy, sys
out, sys.argv = sys.argv[1], ["oslo_integration", *sys.argv[2:]]
try:
    runpy.run_module("oslo_integration", run_name="__main__")
finally:
    hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
    open(out, "w").write(hwm.split()[1])
"""


def run_cli(args: list[str], db, tmp_path) -> tuple[int, str, float, float]:
    """(exit code, stderr + stdout, seconds, peak RSS in MB of this one process) of a command-line run."""
    env = dict(os.environ, OSLO_INTEGRATION_DB=str(db))
    out_path, peak_path = tmp_path / "cli.out", tmp_path / "cli.peak"
    start = time.monotonic()
    with out_path.open("wb") as out:
        proc = subprocess.run(
            [sys.executable, "-c", _MEASURED, str(peak_path), *args], cwd=ROOT, env=env, stdout=out, stderr=out, timeout=120
        )
    seconds = time.monotonic() - start
    return proc.returncode, out_path.read_text(encoding="utf-8"), seconds, int(peak_path.read_text()) / 1024


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_hostile_file_is_refused_fast_small_and_cleanly(case, shipped_copy, tmp_path):
    path = tmp_path / case.file_name
    path.write_bytes(make(case.name))
    before = shipped_copy.read_bytes()
    code, text, seconds, rss = run_cli(["import", str(path), "--kind", "innsendt"], shipped_copy, tmp_path)
    assert code == 2, text
    assert case.file_name in text and case.expect in text, text
    assert "Traceback" not in text
    assert seconds < MAX_SECONDS, f"{seconds:.1f} s"
    assert rss < MAX_RSS_MB, f"{rss:.0f} MB"
    assert shipped_copy.read_bytes() == before  # nothing stored, not a byte


@pytest.mark.parametrize("case", READ, ids=lambda c: c.name)
def test_pathological_but_legal_file_is_read_within_bounds(case, shipped_copy, tmp_path):
    path = tmp_path / case.file_name
    path.write_bytes(make(case.name))
    code, text, seconds, rss = run_cli(["import", str(path), "--kind", "innsendt"], shipped_copy, tmp_path)
    assert code == 0, text
    assert seconds < MAX_SECONDS and rss < MAX_RSS_MB, (seconds, rss)
    last = connect(str(shipped_copy)).imports().sort("id").row(-1, named=True)
    assert last["file_name"] == case.file_name
    assert len(last["notes"]) < 60_000  # titles and footnotes travel with the import, capped
    assert case.expect not in last["notes"]
