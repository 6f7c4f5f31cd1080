"""The store: where imported figures live, with their history. Embedded DuckDB by default."""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..normalise import Normalised, normalise_bytes
from ..paths import DATA_DIR, store_location
from ..vocab import Synonym
from .base import KINDS, ImportResult, Store, StoreError, UndoResult, sha256
from .duckdb_store import DuckDBStore
from .snapshot import read_snapshot
from .sql_store import SqlStore

if TYPE_CHECKING:
    from .postgres_store import PostgresStore

MANIFEST = DATA_DIR / "manifest.csv"

__all__ = [
    "KINDS",
    "DuckDBStore",
    "PostgresStore",
    "ImportResult",
    "Store",
    "StoreError",
    "UndoResult",
    "build_store",
    "connect",
    "import_file",
    "import_normalised",
    "read_for_pages",
    "open_store",
]


def import_file(
    store: Store,
    data: bytes,
    file_name: str,
    *,
    who: str,
    kind: str,
    bydel: str | None = None,
    new_synonyms: tuple[Synonym, ...] = (),
) -> ImportResult:
    """Read with the stored synonyms and any new ones, validate and import one file; InputRefused leaves the store untouched.

    New synonyms are stored with the import, in its transaction.
    """
    normalised = normalise_bytes(data, file_name, bydel, synonyms=store.active_synonyms() + new_synonyms)
    return import_normalised(store, normalised, sha256(data), who=who, kind=kind, synonyms=new_synonyms)


def _notes(normalised: Normalised) -> list[str]:
    """What travels with an import: the file's notes and its warnings."""
    return normalised.notes + [str(w) for w in normalised.warnings]


def import_normalised(
    store: Store, normalised: Normalised, digest: str, *, who: str, kind: str, synonyms: tuple[Synonym, ...] = ()
) -> ImportResult:
    """Import a file already read and validated (so a caller that checked first need not read it again)."""
    return store.import_frame(
        normalised.observations,
        file_name=normalised.file_name,
        sha256=digest,
        who=who,
        kind=kind,
        notes=_notes(normalised),
        synonyms=synonyms,
    )


def shipped_sources() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def _import_shipped(store: SqlStore, con) -> None:
    """The shipped data, in the manifest's order, inside the caller's transaction (so a build is all or nothing)."""
    for src in shipped_sources():
        data = (DATA_DIR / src["path"]).read_bytes()
        normalised = normalise_bytes(data, Path(src["path"]).name, src["bydel"] or None)
        store.import_in(
            con, normalised.observations, file_name=normalised.file_name, sha256=sha256(data), who=src["who"],
            kind=src["kind"], notes=_notes(normalised),
        )  # fmt: skip


def build_store(path: str | Path) -> Path:
    """Build a store from the shipped data beside `path`, then move it into place atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".building", dir=path.parent)
    os.close(fd)
    os.unlink(tmp_name)
    tmp = Path(tmp_name)
    try:
        store = DuckDBStore(tmp, snapshot=False)  # the pages' snapshot belongs beside the file in its place
        with store.transaction() as con:
            _import_shipped(store, con)
        with contextlib.suppress(FileExistsError):  # another process built it first; theirs is the same
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    DuckDBStore(path).write_snapshot()  # so a server that only shows pages finds it and never loads DuckDB
    return path


def is_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def __getattr__(name: str):
    if name == "PostgresStore":  # imported on demand, so the embedded default never loads psycopg
        from .postgres_store import PostgresStore

        return PostgresStore
    raise AttributeError(name)


def build_postgres(store: PostgresStore) -> bool:
    """Put the shipped data into an empty PostgreSQL store, all in one transaction; False if it was not empty.

    Replicas starting together queue on an advisory lock; the first builds, the others find it built.
    """
    with store.build_lock():
        with store.transaction() as con:
            if store._execute(con, "SELECT count(*) FROM imports")[0][0]:
                return False
            _import_shipped(store, con)
        return True


_OPENED: dict[str, Store] = {}
_OPENED_LOCK = threading.Lock()


def connect(location: str) -> Store:
    """The store at a location as it is (a file path or a postgresql:// URL), with its schema migrated."""
    if is_url(location):
        from .postgres_store import PostgresStore  # psycopg is loaded only for a PostgreSQL store

        return PostgresStore(location)
    return DuckDBStore(location)


PageRead = Literal["data_version", "current", "imports", "synonyms", "active_synonyms"]


def read_for_pages(what: PageRead, location: str | None = None):
    """What the public pages read: from an embedded store's Parquet snapshot when it is the store as it is now,
    so DuckDB is not loaded to show pages; else from the store itself (its snapshot written anew for the next)."""
    location = location or store_location()
    found = None if is_url(location) else read_snapshot(location)
    if found is not None:
        try:
            return getattr(found, what)()
        except OSError:  # removed or unreadable since it was found: the store itself answers
            pass
    store = open_store(location)
    if isinstance(store, DuckDBStore):
        store.write_snapshot()
    return getattr(store, what)()


def open_store(location: str | None = None) -> Store:
    """The store named by OSLO_INTEGRATION_DB (a file path or a postgresql:// URL), built from shipped data on first use.

    Opened once per process and location: the schema check and migrations run at the first open.
    """
    location = location or store_location()
    with _OPENED_LOCK:
        store = _OPENED.get(location)
        if store is not None and (is_url(location) or Path(location).exists()):
            return store
        if not is_url(location) and not Path(location).exists():
            build_store(location)
        store = connect(location)
        if is_url(location):
            build_postgres(store)
        _OPENED[location] = store
        return store
