"""The warm-up at server start: it loads what the public pages load, and nothing the upload pages need."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

from oslo_integration.store import read_for_pages
from oslo_integration.ui.warm_up import page_files, page_imports
from tests.conftest import ROOT


def _is_module(name: str) -> bool:
    """Whether `name` is a module (not a function or class a script took from one)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_page_imports_are_the_top_level_imports_of_the_scripts(tmp_path):
    script = tmp_path / "side.py"
    script.write_text(
        "from __future__ import annotations\n"
        "import json, os.path as p\n"
        "from oslo_integration.ui import card\n"
        "from . import local\n"
        "def f():\n"
        "    import fastexcel\n"
        "json.dumps(1)\n",
        encoding="utf-8",
    )
    assert page_imports([script, script]) == ["json", "os.path", "oslo_integration.ui", "oslo_integration.ui.card"]


def test_the_warm_up_loads_the_public_pages_and_not_the_upload_readers(shipped_copy):
    read_for_pages("current", str(shipped_copy))  # the snapshot the pages read, as a server that ran before has it
    code = (
        "import json, sys\n"
        "from oslo_integration.ui import data\n"
        "from oslo_integration.ui.warm_up import warm_up\n"
        "warm_up()\n"
        "print(json.dumps({'modules': sorted(sys.modules), 'frames': data.indicator_frame.cache_info().currsize}))\n"
    )
    env = dict(os.environ, OSLO_INTEGRATION_DB=str(shipped_copy))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.splitlines()[-1])
    loaded = set(found["modules"])
    ours = {m for m in page_imports(page_files()) if m.startswith("oslo_integration")}
    assert {"oslo_integration.ui.card", "oslo_integration.page_cards", "oslo_integration.ui.mappage"} <= ours
    assert {m for m in ours if _is_module(m)} <= loaded
    assert {"altair", "polars", "pydeck", "oslo_integration.ui.card"} <= loaded
    assert not {"duckdb", "fastexcel", "openpyxl", "docx"} & loaded  # the readers and the store's engine stay out
    assert found["frames"] > 10  # every indicator's figures, read once
