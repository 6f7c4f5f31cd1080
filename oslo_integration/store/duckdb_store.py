"""The embedded store: one DuckDB file, the default for a fresh clone and a single server process.

Short-lived connections per operation, so the dashboard and the command line can take turns on
the file; within a process, writers and readers of the same file take turns on a lock. DuckDB itself
is loaded at the first connection, not at import: a server that only shows pages reads the Parquet
snapshot every write leaves beside the file (snapshot.py) and never loads it.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from .base import StoreError
from .snapshot import file_stamp, folder_of, write_snapshot
from .sql_store import SqlStore

if TYPE_CHECKING:
    import duckdb

_LOCKS: dict[str, threading.RLock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock_for(path: str) -> threading.RLock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path, threading.RLock())


class DuckDBStore(SqlStore):
    dialect = "duckdb"

    def __init__(self, path: str | Path, *, snapshot: bool = True) -> None:
        """`snapshot`: write the pages' Parquet snapshot after each write (not for a store being built elsewhere)."""
        self.path = str(path)
        self._lock = _lock_for(os.path.realpath(self.path))
        self._snapshot = snapshot
        self._snapshotting = threading.local()
        self._held = threading.local()
        self.migrate()

    def _connect(self, wait_seconds: float = 30.0) -> duckdb.DuckDBPyConnection:
        """Another process may hold DuckDB's file lock for the length of one import: wait for it, with jitter."""
        import duckdb

        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                return duckdb.connect(self.path)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"Databasen {self.path} er i bruk av en annen prosess. Prøv igjen om litt.") from None
                time.sleep(random.uniform(0.02, 0.15))

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Several reads on one connection, in one transaction, so they agree with each other.

        Opening the file costs DuckDB about 20 ms each time (a new database instance); the snapshot after
        every write reads four things. Reads only: the transaction is rolled back at the end.
        """
        with self._lock, self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            self._held.con = con
            try:
                yield
            finally:
                self._held.con = None
                con.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction; when it changed the file, the pages' snapshot is written after the commit."""
        held = getattr(self._held, "con", None)
        if held is not None:  # inside reading(): its connection and its transaction
            yield held
            return
        with self._lock:
            before = file_stamp(self.path)
            with self._connect() as con:
                con.execute("BEGIN TRANSACTION")
                try:
                    yield con
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                con.execute("COMMIT")
            # reads leave the file as it was (so this is false for them); the connection is closed, so any
            # checkpoint is in the file before its stamp is taken. Kept only where pages have read it (or a
            # build wrote it): a store only the command line or the tests use is not made to write one.
            if (
                self._snapshot
                and not getattr(self._snapshotting, "on", False)
                and file_stamp(self.path) != before
                and folder_of(self.path).is_dir()
            ):
                self.write_snapshot(fresh_until=before)

    def write_snapshot(self, fresh_until: list | None = None) -> None:
        """The snapshot is a copy for readers: failing to write it must never fail the write that came before."""
        self._snapshotting.on = True
        try:
            write_snapshot(self, fresh_until)
        except Exception:  # noqa: BLE001 - a reader that finds no fresh snapshot reads the store itself
            pass
        finally:
            self._snapshotting.on = False

    def _execute(self, con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[tuple]:
        result = con.execute(sql, params or [])
        return result.fetchall() if result.description else []

    def _stage(self, con: duckdb.DuckDBPyConnection, rows: pl.DataFrame) -> None:
        con.register("staged", rows.to_arrow())

    def _lock_writers(self, con: duckdb.DuckDBPyConnection) -> None:
        """DuckDB has one writer per file already; within this process the per-file lock is held."""

    def _lock_migrations(self, con: duckdb.DuckDBPyConnection) -> None:
        """The per-file lock held by transaction() covers it."""

    def _query(self, sql: str) -> pl.DataFrame:
        held = getattr(self._held, "con", None)
        if held is not None:
            return held.sql(sql).pl()
        with self._lock, self._connect() as con:
            return con.sql(sql).pl()
