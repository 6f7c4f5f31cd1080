"""ruff (configured in pyproject.toml) passes, so style problems fail the same command as tests."""

import shutil
import subprocess

import pytest

from tests.conftest import ROOT


def test_ruff_check_passes():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is part of the test extra: pip install -e '.[test]'")
    res = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
