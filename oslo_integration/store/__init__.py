"""The store: where imported figures live, with their history. Embedded DuckDB by default."""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from pathlib import Path

from ..normalise import Normalised, normalise_bytes
from ..paths import DATA_DIR, store_location
from .base import KINDS, ImportResult, Store, StoreError, UndoResult, sha256
from .duckdb_store import DuckDBStore

MANIFEST = DATA_DIR / "manifest.csv"

__all__ = [
    "KINDS",
    "DuckDBStore",
    "ImportResult",
    "Store",
    "StoreError",
    "UndoResult",
    "build_store",
    "import_file",
    "import_normalised",
    "open_store",
]


def import_file(store: Store, data: bytes, file_name: str, *, who: str, kind: str, bydel: str | None = None) -> ImportResult:
    """Read, validate and import one file; InputRefused leaves the store untouched."""
    return import_normalised(store, normalise_bytes(data, file_name, bydel), sha256(data), who=who, kind=kind)


def import_normalised(store: Store, normalised: Normalised, digest: str, *, who: str, kind: str) -> ImportResult:
    """Import a file already read and validated (so a caller that checked first need not read it again)."""
    notes = normalised.notes + [str(w) for w in normalised.warnings]
    return store.import_frame(
        normalised.observations, file_name=normalised.file_name, sha256=digest, who=who, kind=kind, notes=notes
    )


def shipped_sources() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def build_store(path: str | Path) -> Path:
    """Build a store from the shipped data beside `path`, then move it into place atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".building", dir=path.parent)
    os.close(fd)
    os.unlink(tmp_name)
    tmp = Path(tmp_name)
    try:
        store = DuckDBStore(tmp)
        for src in shipped_sources():
            file = DATA_DIR / src["path"]
            import_file(store, file.read_bytes(), file.name, who=src["who"], kind=src["kind"], bydel=src["bydel"] or None)
        with contextlib.suppress(FileExistsError):  # another process built it first; theirs is the same
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return path


def open_store(location: str | None = None) -> Store:
    """The store named by OSLO_INTEGRATION_DB (or the default file), built from shipped data on first use."""
    location = location or store_location()
    if not Path(location).exists():
        build_store(location)
    return DuckDBStore(location)
