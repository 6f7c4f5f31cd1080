"""Memory of a Streamlit server after every page has been opened once, against two floors.

A real `streamlit run` in a subprocess, pages opened in Debian's headless Chromium via Playwright,
the peak read from /proc/<pid>/status (VmHWM). The floors: a one-line hello-world server, and a
server whose script only imports the same third-party libraries our server has loaded after every
page (found by running every page under AppTest in a child process) - what the stack itself costs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import servers

URL_PATHS = ["oversikt", "bosetting", "landbakgrunn", "introduksjonsprogrammet", "overgang", "kart", "om-dataene"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking"]

# Every page under AppTest, then the third-party top-level modules that are loaded (stdlib and ours left out).
_LOADED = """
import json, sys
from streamlit.testing.v1 import AppTest
from benchmarks.apptest import navigation_mode
with navigation_mode():
    at = AppTest.from_file("app.py", default_timeout=300)
    at.query_params["bydel"] = "030105"
    at.run()
    for page in ["oversikt", "bosetting", "landbakgrunn", "intro", "overgang", "kart", "om_dataene"]:
        at.switch_page(f"views/{page}.py").run()
        for key in [k for k in at.session_state.keys() if str(k).startswith("tab_")]:
            at.session_state[key] = "Kart"
        at.run()
        assert not at.exception, [e.value for e in at.exception]  # a page that failed loads less than one that ran
std = set(sys.stdlib_module_names)
top = {m.split(".")[0] for m in sys.modules}
print(json.dumps(sorted(m for m in top if m not in std and not m.startswith("_") and m not in ("oslo_integration", "benchmarks", "views"))))
"""


# Streamlit's own mark on the app root once a script run has ended («initial» before the first run,
# «running» during one). Its running indicator is no proof: it appears only a moment after a run starts,
# so a wait for its absence can end before the script has run at all (seen with imports slowed down:
# the floor's libraries were then missing from its peak).
SCRIPT_DONE = "notRunning"


def available() -> bool:
    return Path(CHROMIUM).exists()


def loaded_libraries(env: dict[str, str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _LOADED], cwd=servers.ROOT, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def floor_script(libraries: list[str]) -> str:
    """A server script that imports the libraries (each in a try: a few are parts of others) and draws one line."""
    lines = ["import importlib", "import streamlit as st", ""]
    lines += [
        f"for name in {libraries!r}:",
        "    try:",
        "        importlib.import_module(name)",
        "    except Exception:",
        "        pass",
    ]
    return "\n".join(lines) + '\nst.write("Hello world")\n'


def _open_pages(base: str, paths: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        for path in paths:
            page.goto(f"{base}/{path}", wait_until="domcontentloaded")
            page.wait_for_selector(f"[data-testid='stApp'][data-test-script-state='{SCRIPT_DONE}']", timeout=120_000)
            page.wait_for_timeout(500)
        browser.close()


def peak_rss(script: Path, paths: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(peak RSS, anonymous RSS now) in MB: the second leaves out the libraries' code pages the run touched."""
    with servers.serving(script, env) as server:
        _open_pages(server.url, paths)
        time.sleep(0.5)
        return servers.rss_mb(server.pid, "VmHWM"), servers.rss_mb(server.pid, "RssAnon")


def run(db: str, paths: list[str] = URL_PATHS) -> dict[str, float]:
    env = dict(os.environ, OSLO_INTEGRATION_DB=db)
    ours, ours_anon = peak_rss(servers.OURS, paths, env)
    libraries = loaded_libraries(env)
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp) / "hello.py"
        hello.write_text(servers.HELLO, encoding="utf-8")
        baseline, _ = peak_rss(hello, [""], env)
        floor = Path(tmp) / "libraries_only.py"
        floor.write_text(floor_script(libraries), encoding="utf-8")
        libs_only, libs_anon = peak_rss(floor, [""], env)
    return {
        "ours_mb": ours,
        "ours_anon_mb": ours_anon,
        "hello_world_mb": baseline,
        "libraries_only_mb": libs_only,
        "libraries_only_anon_mb": libs_anon,
        "libraries": len(libraries),
        "rss_ratio": ours / baseline,
        "rss_floor_ratio": ours / libs_only,
        "anon_floor_ratio": ours_anon / libs_anon,
    }
