"""Every public figure at once, in the app: the package for a data version, built once per version
in each server process, offered on Om dataene and written to `static/data/` for stable addresses.

Each replica notices a new data version within `data.refresh_seconds()` and writes the files again;
they are written atomically, so two replicas writing the same version never leave half a file.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

from ..exports.package import package_files, write_files, zip_package
from ..paths import PROJECT_ROOT
from . import data

STATIC_DATA = PROJECT_ROOT / "static" / "data"
STATIC_URL = "app/static/data"
log = logging.getLogger(__name__)


def _store_version(version: str) -> int:
    tail = version.rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else 0


@lru_cache(maxsize=2)
def package(version: str) -> tuple[str, dict[str, bytes]]:
    """(data version id, files) for the store's state `version`."""
    return package_files(data.current(version), _store_version(version))


def data_version_id(version: str) -> str:
    """The short identifier citations and downloads carry («47-3fa2c1d9»)."""
    return package(version)[0]


@lru_cache(maxsize=2)
def zipped(version: str) -> bytes:
    return zip_package(package(version)[1])


@lru_cache(maxsize=2)
def publish_static(version: str) -> bool:
    """Writes the package to static/data once per version; a read-only disk leaves the download only."""
    try:
        write_files(package(version)[1], STATIC_DATA)
    except OSError as exc:
        log.warning("could not write %s: %s", STATIC_DATA, exc)
        return False
    return True


_started: set[str] = set()
_lock = threading.Lock()


def publish_in_background(version: str) -> None:
    """Called on every run: the first run that sees a new data version starts writing its files in a
    thread, so the static addresses follow every import and undo on every replica, and no one waits."""
    with _lock:
        if version in _started:
            return
        _started.add(version)
    threading.Thread(target=publish_static, args=(version,), name="publish-static", daemon=True).start()
