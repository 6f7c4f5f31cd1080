"""Every file of the hostile corpus, through the command line: refused (or read) fast, small and cleanly.

Each runs as its own process (forked from one with the command line loaded), so its peak memory
(VmHWM) is that of one command line reading that file alone. The bounds are generous against a noisy
shared machine and far below what the files used to cost (seconds to minutes, gigabytes); the point
is that the cost is bounded, not how fast it is.
"""

from __future__ import annotations

import pytest

from oslo_integration.store import connect
from tests.support.hostile import READ, REFUSED, make
from tests.test_cli import run

pytestmark = pytest.mark.slow

MAX_SECONDS = 5.0
MAX_RSS_MB = 300.0


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_hostile_file_is_refused_fast_small_and_cleanly(case, shipped_copy, tmp_path):
    path = tmp_path / case.file_name
    path.write_bytes(make(case.name))
    before = shipped_copy.read_bytes()
    ran = run("import", str(path), "--kind", "innsendt", env_db=shipped_copy)
    text = ran.stderr + ran.stdout
    assert ran.returncode == 2, text
    assert case.file_name in text and case.expect in text, text
    assert "Traceback" not in text
    assert ran.seconds < MAX_SECONDS, f"{ran.seconds:.1f} s"
    assert ran.peak_mb < MAX_RSS_MB, f"{ran.peak_mb:.0f} MB"
    assert shipped_copy.read_bytes() == before  # nothing stored, not a byte


@pytest.mark.parametrize("case", READ, ids=lambda c: c.name)
def test_pathological_but_legal_file_is_read_within_bounds(case, shipped_copy, tmp_path):
    path = tmp_path / case.file_name
    path.write_bytes(make(case.name))
    ran = run("import", str(path), "--kind", "innsendt", env_db=shipped_copy)
    assert ran.returncode == 0, ran.stderr + ran.stdout
    assert ran.seconds < MAX_SECONDS and ran.peak_mb < MAX_RSS_MB, (ran.seconds, ran.peak_mb)
    last = connect(str(shipped_copy)).imports().sort("id").row(-1, named=True)
    assert last["file_name"] == case.file_name
    assert len(last["notes"]) < 60_000  # titles and footnotes travel with the import, capped
    assert case.expect not in last["notes"]
