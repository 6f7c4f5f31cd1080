"""The embedded store: one DuckDB file, the default for a fresh clone and a single server process.

Short-lived connections per operation, so the dashboard and the command line can take turns on
the file; within a process, writers and readers of the same file take turns on a lock.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from .base import StoreError
from .sql_store import SqlStore

_LOCKS: dict[str, threading.RLock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock_for(path: str) -> threading.RLock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path, threading.RLock())


class DuckDBStore(SqlStore):
    dialect = "duckdb"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = _lock_for(os.path.realpath(self.path))
        self.migrate()

    def _connect(self, wait_seconds: float = 30.0) -> duckdb.DuckDBPyConnection:
        """Another process may hold DuckDB's file lock for the length of one import: wait for it, with jitter."""
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                return duckdb.connect(self.path)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"Databasen {self.path} er i bruk av en annen prosess. Prøv igjen om litt.") from None
                time.sleep(random.uniform(0.02, 0.15))

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock, self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

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
        with self._lock, self._connect() as con:
            return con.sql(sql).pl()
