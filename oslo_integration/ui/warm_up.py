"""What a server does once, as it starts, so the first visitor after a restart does not also wait for our imports.

A new server process has imported nothing of ours and read no figures: `streamlit run app.py` does that
inside the first visitor's page (about 1.4 s of imports on this 2-core machine, Altair, Polars, pydeck
and our pages' modules). `python -m oslo_integration start` does it here, in a thread, while the
server comes up (benchmarks/browser.py measures the first visit both ways).
"""

from __future__ import annotations

import ast
import importlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..paths import PROJECT_ROOT
from ..text.numbers import fmt_number
from .routes import PUBLIC

_LOG = logging.getLogger(__name__)


def page_imports(files: Iterable[Path]) -> list[str]:
    """The modules the scripts import at their top level, in order, once each.

    Read from the source, not run: a page is a script that draws. `from package import name` gives
    `package.name` too, since the name may be a module of the package.
    """
    found: dict[str, None] = {}
    for file in files:
        for node in ast.parse(file.read_text(encoding="utf-8"), filename=str(file)).body:
            if isinstance(node, ast.Import):
                found.update((alias.name, None) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module != "__future__":
                found[node.module] = None
                found.update((f"{node.module}.{alias.name}", None) for alias in node.names)
    return list(found)


def _import(name: str) -> None:
    """A module, or nothing when `name` is a class or function of a module, not a module."""
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name != name:  # a module that is there failed to import something: a real fault
            raise


def page_files(root: Path = PROJECT_ROOT) -> list[Path]:
    """app.py and the public pages: the scripts whose imports every server needs."""
    return [root / "app.py"] + [root / route.file for route in PUBLIC]


def warm_up(root: Path = PROJECT_ROOT) -> None:
    """Imports what app.py and the public pages import, and reads the figures any first visit needs
    into the process's caches (ui/data.py): the same calls with the same keys the pages make.

    Only the public pages: the upload pages' readers are loaded when someone logs in, not in every server.
    """
    for name in page_imports(page_files(root)):
        _import(name)
    from ..metrics import indicators
    from . import data
    from .state import View

    version = data.data_version()
    show_example = View().show_example  # what a link without ?eksempel= shows
    anonymous = ()  # no bydel's own figures shown in full
    data.years(version)
    data.real_years(version)
    for name in indicators():  # every argument as the pages pass it: the cache's key is the arguments as given
        data.indicator_frame(version, show_example, name, anonymous)
    for route in PUBLIC:
        if not route.hidden:  # an embedded card has no sidebar and no year control
            data.page_years(version, show_example, anonymous, route.url_path)


READY = "Oppvarmet"  # the start of the line the server prints when it is done (tests wait for it)


def _warm_up_or_log(after: Callable[[], bool]) -> None:
    try:
        if after():
            started = time.perf_counter()
            warm_up()
            seconds = fmt_number(time.perf_counter() - started, 1)
            print(f"  {READY} på {seconds} s: sidene og tallene er lest inn.", flush=True)
    except Exception:  # noqa: BLE001 – the pages meet the same fault and say so; here only the head start is lost
        _LOG.warning("Oppvarmingen ved start stoppet; sidene leser tallene selv ved første besøk.", exc_info=True)


def start_warm_up(after: Callable[[], bool] = lambda: True) -> threading.Thread:
    """warm_up() in a daemon thread once `after()` says so: the server answers meanwhile (a visitor who
    comes first waits for the same caches, which compute each key once, ui/shared_cache.py)."""
    thread = threading.Thread(target=_warm_up_or_log, args=(after,), name="oppvarming", daemon=True)
    thread.start()
    return thread
