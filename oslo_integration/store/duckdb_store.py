"""The embedded store: one DuckDB file, imports as transactions, history kept, undo by marking.

The current figure for a key is the one from the newest import that is not undone, so undoing an
import brings back what it superseded without copying rows around.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import threading
import time
from pathlib import Path

import duckdb
import polars as pl

from ..normalise import OBSERVATION_SCHEMA
from .base import KINDS, ImportResult, StoreError, UndoResult

SCHEMA_VERSION = 1
_OBS_COLUMNS = list(OBSERVATION_SCHEMA)
_KEY = "o.bydel_nr, o.year, o.measure, coalesce(o.category, '')"

DDL = f"""
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS imports (
    id INTEGER PRIMARY KEY,
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    who VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN {KINDS!r}),
    notes VARCHAR,
    n_rows INTEGER NOT NULL,
    undone_at TIMESTAMP,
    undone_by VARCHAR
);
CREATE TABLE IF NOT EXISTS observations (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    bydel_nr VARCHAR NOT NULL,
    bydel VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    measure VARCHAR NOT NULL,
    category VARCHAR,
    value DOUBLE,
    status VARCHAR NOT NULL CHECK (status IN ('ok', 'prikket', 'mangler')),
    source_file VARCHAR NOT NULL,
    sheet VARCHAR,
    cell VARCHAR NOT NULL,
    ref_date VARCHAR,
    source_url VARCHAR,
    origin VARCHAR,
    note VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    happened_at TIMESTAMP NOT NULL,
    who VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    import_id INTEGER,
    file_name VARCHAR,
    sha256 VARCHAR,
    detail VARCHAR
);
CREATE OR REPLACE VIEW current_observations AS
SELECT o.*, i.kind, i.imported_at
FROM observations o JOIN imports i ON i.id = o.import_id
WHERE i.undone_at IS NULL
QUALIFY row_number() OVER (PARTITION BY {_KEY} ORDER BY o.import_id DESC) = 1;
"""

_LOCKS: dict[str, threading.RLock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock_for(path: str) -> threading.RLock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path, threading.RLock())


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class DuckDBStore:
    """Short-lived connections per operation, so the dashboard and the command line can take turns."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = _lock_for(os.path.realpath(self.path))
        with self._lock, self._connect() as con:
            if self._version(con) == SCHEMA_VERSION:
                return
            con.execute("BEGIN TRANSACTION")
            con.execute(DDL)
            if con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0] == 0:
                con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
            con.execute("COMMIT")

    @staticmethod
    def _version(con: duckdb.DuckDBPyConnection) -> int | None:
        found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchall()[0][0]
        if not found:
            return None
        rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
        return rows[0][0] if rows else None

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

    # -- writing -------------------------------------------------------------------------------

    def import_frame(
        self, frame: pl.DataFrame, *, file_name: str, sha256: str, who: str, kind: str, notes: list[str]
    ) -> ImportResult:
        """All rows of one file in one transaction, or none; the same bytes twice change nothing."""
        if kind not in KINDS:
            raise StoreError(f"Ukjent type import «{kind}». Bruk {', '.join(KINDS)}.")
        rows = frame.select(_OBS_COLUMNS).cast(OBSERVATION_SCHEMA)
        with self._lock, self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                same = con.execute(
                    "SELECT id FROM imports WHERE sha256 = ? AND undone_at IS NULL ORDER BY id LIMIT 1", [sha256]
                ).fetchall()
                if same:
                    con.execute("ROLLBACK")
                    return ImportResult(
                        same[0][0], False, 0, 0, f"{file_name} er allerede importert (import {same[0][0]}). Ingenting er endret."
                    )
                import_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM imports").fetchall()[0][0]
                staged = rows.with_columns(import_id=pl.lit(import_id, dtype=pl.Int32))
                con.register("staged", staged.to_arrow())
                superseded = con.execute(
                    """SELECT count(*) FROM current_observations c JOIN staged o
                       ON c.bydel_nr = o.bydel_nr AND c.year = o.year AND c.measure = o.measure
                       AND coalesce(c.category, '') = coalesce(o.category, '')"""
                ).fetchall()[0][0]
                con.execute(
                    "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                    [import_id, file_name, sha256, who, _now(), kind, "\n".join(notes), rows.height],
                )
                cols = ", ".join(_OBS_COLUMNS)
                con.execute(f"INSERT INTO observations (import_id, {cols}) SELECT import_id, {cols} FROM staged")
                con.unregister("staged")
                self._event(con, who, "import", import_id, file_name, sha256, f"{rows.height} tall, type {kind}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return ImportResult(
            import_id,
            True,
            rows.height,
            superseded,
            f"{file_name}: importert som import {import_id} ({rows.height} tall, {superseded} erstatter eldre tall).",
        )

    def undo(self, import_id: int, who: str) -> UndoResult:
        """Mark an import undone; the figures it superseded become current again."""
        with self._lock, self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                found = con.execute("SELECT file_name, sha256, undone_at FROM imports WHERE id = ?", [import_id]).fetchall()
                row = found[0] if found else None
                if row is None:
                    raise StoreError(f"Import {import_id} finnes ikke.")
                if row[2] is not None:
                    raise StoreError(f"Import {import_id} ({row[0]}) er allerede angret.")
                before = self._current_keys(con)
                con.execute("UPDATE imports SET undone_at = ?, undone_by = ? WHERE id = ?", [_now(), who, import_id])
                after = self._current_keys(con)
                restored = len({k for k, imp in after.items() if before.get(k) == import_id and imp != import_id})
                removed = sum(1 for k, imp in before.items() if imp == import_id and k not in after)
                self._event(con, who, "angre", import_id, row[0], row[1], f"{restored} eldre tall tilbake, {removed} fjernet")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return UndoResult(
            import_id,
            restored,
            removed,
            f"Import {import_id} ({row[0]}) er angret: {restored} eldre tall er tilbake, {removed} er fjernet.",
        )

    @staticmethod
    def _current_keys(con: duckdb.DuckDBPyConnection) -> dict[tuple, int]:
        rows = con.execute(
            "SELECT bydel_nr, year, measure, coalesce(category, ''), import_id FROM current_observations"
        ).fetchall()
        return {r[:4]: r[4] for r in rows}

    @staticmethod
    def _event(con, who: str, action: str, import_id: int, file_name: str, sha: str, detail: str) -> None:
        event_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM events").fetchall()[0][0]
        con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [event_id, _now(), who, action, import_id, file_name, sha, detail],
        )

    # -- reading -------------------------------------------------------------------------------

    def _frame(self, sql: str, params: list | None = None) -> pl.DataFrame:
        with self._lock, self._connect() as con:
            return con.sql(sql, params=params or None).pl()

    def current(self) -> pl.DataFrame:
        """Current figures, one per bydel/year/measure/category, with the kind of import they came from."""
        return self._frame(
            f"SELECT {', '.join(_OBS_COLUMNS)}, import_id, kind FROM current_observations "
            "ORDER BY bydel_nr, year, measure, category NULLS FIRST"
        ).cast({"year": pl.Int32, "import_id": pl.Int32})

    def history(self) -> pl.DataFrame:
        return self._frame(
            f"SELECT o.import_id, {', '.join('o.' + c for c in _OBS_COLUMNS)}, i.kind, i.undone_at IS NOT NULL AS undone "
            "FROM observations o JOIN imports i ON i.id = o.import_id ORDER BY o.import_id, o.bydel_nr, o.year, o.measure"
        )

    def imports(self) -> pl.DataFrame:
        return self._frame(
            """SELECT i.id, i.file_name, i.sha256, i.who, i.imported_at, i.kind, i.n_rows,
                      (SELECT count(*) FROM current_observations c WHERE c.import_id = i.id) AS current_rows,
                      (SELECT string_agg(DISTINCT o.bydel_nr, ',' ORDER BY o.bydel_nr) FROM observations o
                       WHERE o.import_id = i.id) AS bydeler,
                      i.undone_at, i.undone_by, i.notes
               FROM imports i ORDER BY i.id"""
        )

    def events(self) -> pl.DataFrame:
        return self._frame("SELECT * FROM events ORDER BY id")

    def data_version(self) -> int:
        """Grows with every import and undo: a cheap key for caches."""
        with self._lock, self._connect() as con:
            return int(con.execute("SELECT coalesce(max(id), 0) FROM events").fetchall()[0][0])
