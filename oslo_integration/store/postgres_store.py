"""The server store: PostgreSQL, for several replicas of the dashboard sharing one database.

Chosen by a postgresql:// URL in OSLO_INTEGRATION_DB. Same schema and SQL as the embedded store
(sql_store.py); PostgreSQL's own locks keep it right across processes and machines:
- migrations run under a transaction-level advisory lock, so replicas starting together apply
  each version once;
- an import or undo takes an exclusive lock on `imports` for its transaction, so ids stay gapless
  and the same-file check cannot race (a partial unique index on sha256 backs it up);
- readers are never blocked and, by MVCC, never see half an import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import polars as pl
import psycopg

from .base import StoreError
from .sql_store import OBS_COLUMNS, SqlStore

MIGRATION_LOCK = 7_301_001  # advisory lock ids of this application
BUILD_LOCK = 7_301_002
_PARAM = re.compile(r"\?")


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


class PostgresStore(SqlStore):
    dialect = "postgres"

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        self.url = url
        self.path = redact(url)
        self._timeout = connect_timeout
        self.migrate()

    def _connect(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self.url, connect_timeout=self._timeout, application_name="oslo-integration")
        except psycopg.OperationalError as exc:
            raise StoreError(f"Får ikke kontakt med databasen {self.path}: {str(exc).strip().splitlines()[0]}") from None

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        with self._connect() as con, con.transaction():  # commits at the end, rolls back on an exception
            yield con

    def _execute(self, con: psycopg.Connection, sql: str, params: list | None = None) -> list[tuple]:
        cur = con.execute(_PARAM.sub("%s", sql), params or None)
        return cur.fetchall() if cur.description else []

    def _stage(self, con: psycopg.Connection, rows: pl.DataFrame) -> None:
        con.execute(
            "DROP TABLE IF EXISTS pg_temp.staged; "  # several imports in one transaction (the shipped data)
            "CREATE TEMP TABLE staged (LIKE observations INCLUDING DEFAULTS) ON COMMIT DROP; "
            "ALTER TABLE staged DROP COLUMN import_id"
        )
        with con.cursor().copy(f"COPY staged ({', '.join(OBS_COLUMNS)}) FROM STDIN") as copy:
            for row in rows.iter_rows():
                copy.write_row(row)

    def _lock_writers(self, con: psycopg.Connection) -> None:
        con.execute("LOCK TABLE imports IN EXCLUSIVE MODE")

    def _lock_login(self, con: psycopg.Connection) -> None:
        con.execute("LOCK TABLE login_attempts IN EXCLUSIVE MODE")

    def _lock_migrations(self, con: psycopg.Connection) -> None:
        con.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])

    def _query(self, sql: str) -> pl.DataFrame:
        with self._connect() as con:
            cur = con.execute(sql)
            names = [d.name for d in cur.description]
            rows = cur.fetchall()
        return pl.DataFrame(rows, schema=names, orient="row", infer_schema_length=None)

    @contextmanager
    def build_lock(self) -> Iterator[psycopg.Connection]:
        """Held while the shipped data goes in, so only one replica builds and the others wait for it."""
        with self._connect() as con:
            con.execute("SELECT pg_advisory_lock(%s)", [BUILD_LOCK])
            try:
                yield con
            finally:
                con.execute("SELECT pg_advisory_unlock(%s)", [BUILD_LOCK])
