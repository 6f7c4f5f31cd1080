"""What the public pages read from an embedded store, kept beside it as Parquet, so a server that only shows
pages never loads DuckDB.

DuckDB's engine costs a page server about 40 MB of library code and more of heap once it has answered one
query, for a table of a few thousand figures that Polars reads from Parquet in a millisecond. Every process
that writes the store (an import, an undo, a synonym, a log-in's throttle, a build) writes the snapshot after
its commit (see DuckDBStore.transaction). A reader trusts the snapshot only while the database file and its
write-ahead log are exactly as they were when it was written (inode, size, modification and change times):
a store changed by any other means - a file copied over it, a writer that stopped before its snapshot - is
read from DuckDB again and the snapshot written anew. PostgreSQL stores have no snapshot (their client is light).
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from ..vocab import Synonym

if TYPE_CHECKING:
    from .duckdb_store import DuckDBStore

SUFFIX = ".snapshot"
POINTER = "current.json"
FRAMES = ("current", "imports", "synonyms")


def folder_of(path: str | Path) -> Path:
    """The snapshot's folder beside the database file."""
    return Path(str(path) + SUFFIX)


def file_stamp(path: str | Path) -> list[list[int] | None]:
    """What tells a changed database file: inode, size, modification and change time of the file and its WAL.

    The change time cannot be set back by a copy that keeps the source's times, as the modification time can.
    """
    out: list[list[int] | None] = []
    for name in (str(path), str(path) + ".wal"):
        try:
            st = os.stat(name)
        except FileNotFoundError:
            out.append(None)
        else:
            out.append([st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns])
    return out


@dataclass(frozen=True)
class Snapshot:
    """The store's public tables as they were at one data version, answering as the store does."""

    version: int
    folder: Path

    def data_version(self) -> int:
        return self.version

    def _frame(self, name: str) -> pl.DataFrame:
        return pl.read_parquet(self.folder / f"{name}.parquet")

    def current(self) -> pl.DataFrame:
        return self._frame("current")

    def imports(self) -> pl.DataFrame:
        return self._frame("imports")

    def synonyms(self) -> pl.DataFrame:
        return self._frame("synonyms")

    def active_synonyms(self) -> tuple[Synonym, ...]:
        """As the store answers: the mappings not removed, oldest first."""
        rows = self.synonyms().filter(pl.col("removed_at").is_null()).sort("id")
        return tuple(
            Synonym(r["label"], r["measure"], r["category"], r["category_kind"], r["year"], bool(r["is_ignored"]))
            for r in rows.iter_rows(named=True)
        )


def _pointer(root: Path) -> dict | None:
    try:
        found = json.loads((root / POINTER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def read_snapshot(path: str | Path) -> Snapshot | None:
    """The snapshot when it is the store as it is now, else None (the caller then reads the store itself)."""
    root = folder_of(path)
    pointer = _pointer(root)
    if pointer is None or pointer.get("stamp") != file_stamp(path):
        return None
    folder = root / str(pointer.get("folder", ""))
    if not pointer.get("folder") or not all((folder / f"{name}.parquet").is_file() for name in FRAMES):
        return None
    return Snapshot(int(pointer["version"]), folder)


def write_snapshot(store: DuckDBStore, fresh_until: list | None = None) -> Snapshot | None:
    """Write the store's public tables beside it and point readers at them; None when it could not be done.

    A new folder per data version, filled before the pointer names it, so a reader never sees half a snapshot.
    `fresh_until` is the file's stamp before a write this process just made: when the snapshot was the store
    until then and the data version has not moved (a log-in's throttle), the same folder is named again with
    the new stamp. If another process writes the store meanwhile, nothing is published: the next reader reads
    the store itself.
    """
    root = folder_of(store.path)
    before = file_stamp(store.path)
    try:
        with store.reading():  # one connection and one transaction: the version and the frames agree
            version = store.data_version()
            old = _pointer(root)
            if (
                old
                and fresh_until is not None
                and old.get("stamp") == fresh_until
                and old.get("version") == version
                and (root / str(old.get("folder", ""))).is_dir()
            ):
                name = str(old["folder"])
            else:
                root.mkdir(exist_ok=True)
                folder = root / f"v{version}-{uuid.uuid4().hex[:12]}"  # made under the umask, as the store's file is
                folder.mkdir()
                for frame in FRAMES:  # the names read_snapshot looks for
                    getattr(store, frame)().write_parquet(folder / f"{frame}.parquet")
                name = folder.name
        if file_stamp(store.path) != before:
            return None
        tmp = root / f"{POINTER}.{uuid.uuid4().hex[:12]}"
        with tmp.open("x", encoding="utf-8") as fh:
            json.dump({"version": version, "folder": name, "stamp": before}, fh)
        os.replace(tmp, root / POINTER)
    except OSError:  # a store in a folder we may not write to: the pages read the store itself
        return None
    _tidy(root, keep={name, str((old or {}).get("folder", ""))})
    return Snapshot(version, root / name)


def _tidy(root: Path, keep: set[str]) -> None:
    """Older folders removed; the one just replaced is kept for a reader that was pointed at it a moment ago."""
    for entry in root.iterdir():
        if entry.is_dir() and entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(f"{POINTER}.") and time.time() - _mtime(entry) > 60:  # a writer that stopped
            entry.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return time.time()
