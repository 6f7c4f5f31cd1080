"""What both backends share: the SQL of importing, undoing and reading, written once.

A backend supplies a connection (as a context manager that commits or rolls back), a way to put
the rows of an import in a relation called `staged`, a writers' lock, and how to read a query
into Polars. Everything else - ids, the same-file check, superseding, undo, the log - is here, so
the two stores give the same answers. Reads are sorted in Polars, not by the database's collation.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager

import polars as pl

from ..normalise import OBSERVATION_SCHEMA
from ..vocab import Synonym
from .base import KINDS, ImportResult, StoreError, UndoResult
from .migrations import MIGRATIONS

OBS_COLUMNS = list(OBSERVATION_SCHEMA)
MAX_LOGIN_KEYS = 10_000
KEY_ORDER = ["bydel_nr", "year", "measure", "category"]
IMPORT_SCHEMA = {
    "id": pl.Int32,
    "file_name": pl.String,
    "sha256": pl.String,
    "who": pl.String,
    "imported_at": pl.Datetime("us"),
    "kind": pl.String,
    "n_rows": pl.Int32,
    "current_rows": pl.Int64,
    "bydeler": pl.String,
    "undone_at": pl.Datetime("us"),
    "undone_by": pl.String,
    "notes": pl.String,
}
EVENT_SCHEMA = {
    "id": pl.Int32,
    "happened_at": pl.Datetime("us"),
    "who": pl.String,
    "action": pl.String,
    "import_id": pl.Int32,
    "file_name": pl.String,
    "sha256": pl.String,
    "detail": pl.String,
}


SYNONYM_SCHEMA = {
    "id": pl.Int32,
    "label": pl.String,
    "measure": pl.String,
    "category": pl.String,
    "category_kind": pl.String,
    "year": pl.Int32,
    "is_ignored": pl.Boolean,
    "created_by": pl.String,
    "created_at": pl.Datetime("us"),
    "source_file": pl.String,
    "import_id": pl.Int32,
    "removed_by": pl.String,
    "removed_at": pl.Datetime("us"),
}


def _target(s: Synonym) -> str:
    from ..normalise.mapping import target_of

    return target_of(s)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class SqlStore(ABC):
    dialect: str

    # -- what a backend supplies -------------------------------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager:
        """A connection in a transaction: committed when the block ends, rolled back on an exception."""

    @abstractmethod
    def _execute(self, con, sql: str, params: list | None = None) -> list[tuple]: ...

    @abstractmethod
    def _stage(self, con, rows: pl.DataFrame) -> None:
        """Make `rows` readable as the relation `staged` inside this transaction."""

    @abstractmethod
    def _lock_writers(self, con) -> None:
        """One import or undo at a time (readers are never blocked and see only committed work)."""

    @abstractmethod
    def _query(self, sql: str) -> pl.DataFrame: ...

    @abstractmethod
    def _lock_migrations(self, con) -> None: ...

    # -- schema --------------------------------------------------------------------------------

    def migrate(self) -> list[int]:
        """Apply the versions this store lacks, in order, under the backend's lock; returns what was applied."""
        applied: list[int] = []
        with self.transaction() as con:
            self._lock_migrations(con)
            self._execute(con, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            have = {r[0] for r in self._execute(con, "SELECT version FROM schema_version")}
            for m in MIGRATIONS[self.dialect]:
                if m.version in have:
                    continue
                for statement in (s.strip() for s in m.sql.split(";")):
                    if statement:
                        self._execute(con, statement)
                self._execute(con, "INSERT INTO schema_version VALUES (?)", [m.version])
                applied.append(m.version)
        return applied

    def schema_versions(self) -> list[int]:
        with self.transaction() as con:
            return sorted(r[0] for r in self._execute(con, "SELECT version FROM schema_version"))

    # -- writing -------------------------------------------------------------------------------

    def import_frame(
        self,
        frame: pl.DataFrame,
        *,
        file_name: str,
        sha256: str,
        who: str,
        kind: str,
        notes: list[str],
        synonyms: tuple[Synonym, ...] = (),
    ) -> ImportResult:
        """All rows of one file in one transaction, or none; the same bytes twice change nothing.

        `synonyms` (what the uploader said the file's unknown labels mean) are stored in the same
        transaction, so a file and the mappings it was read with land together or not at all.
        """
        with self.transaction() as con:
            result = self.import_in(con, frame, file_name=file_name, sha256=sha256, who=who, kind=kind, notes=notes)
            if synonyms:
                self.add_synonyms_in(con, synonyms, who=who, file_name=file_name, import_id=result.import_id)
            return result

    # -- synonyms -----------------------------------------------------------------------------

    def add_synonyms(self, synonyms: tuple[Synonym, ...], *, who: str, file_name: str | None = None) -> int:
        with self.transaction() as con:
            return self.add_synonyms_in(con, synonyms, who=who, file_name=file_name, import_id=None)

    def add_synonyms_in(
        self, con, synonyms: tuple[Synonym, ...], *, who: str, file_name: str | None, import_id: int | None
    ) -> int:
        """Store each mapping; a label mapped again replaces its earlier mapping (which stays in the log as removed)."""
        self._lock_writers(con)
        stamp = now()
        for s in synonyms:
            self._execute(
                con,
                "UPDATE synonyms SET removed_at = ?, removed_by = ? WHERE lower(label) = lower(?) AND removed_at IS NULL",
                [stamp, who, s.label],
            )
            new_id = self._execute(con, "SELECT coalesce(max(id), 0) + 1 FROM synonyms")[0][0]
            self._execute(
                con,
                "INSERT INTO synonyms VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                [new_id, s.label, s.measure, s.category, s.kind, s.year, s.ignore, who, stamp, file_name, import_id],
            )
            self._event(con, who, "synonym", import_id or 0, file_name or "", "", f"«{s.label}» → {_target(s)}")
        return len(synonyms)

    def remove_synonym(self, synonym_id: int, who: str) -> str:
        """Take a mapping out of use. Figures already imported with it stay as they are."""
        with self.transaction() as con:
            self._lock_writers(con)
            found = self._execute(con, "SELECT label, removed_at FROM synonyms WHERE id = ?", [synonym_id])
            if not found:
                raise StoreError(f"Synonym {synonym_id} finnes ikke.")
            label, removed_at = found[0]
            if removed_at is not None:
                raise StoreError(f"Synonymet «{label}» er allerede fjernet.")
            self._execute(con, "UPDATE synonyms SET removed_at = ?, removed_by = ? WHERE id = ?", [now(), who, synonym_id])
            self._event(con, who, "synonym fjernet", 0, "", "", f"«{label}»")
        return f"Synonymet «{label}» er fjernet. Tall som alt er importert med det, står som før."

    def synonyms(self) -> pl.DataFrame:
        """Every mapping users have stored, removed ones included (the log of who said what)."""
        return _typed(self._query("SELECT * FROM synonyms"), SYNONYM_SCHEMA).sort("id")

    def active_synonyms(self) -> tuple[Synonym, ...]:
        """The mappings in use, oldest first (a later one wins); read as plain rows, so no Arrow is loaded for it."""
        with self.transaction() as con:
            rows = self._execute(
                con,
                "SELECT label, measure, category, category_kind, year, is_ignored FROM synonyms "
                "WHERE removed_at IS NULL ORDER BY id",
            )
        return tuple(Synonym(label, m, c, k, y, bool(i)) for label, m, c, k, y, i in rows)

    def import_in(
        self, con, frame: pl.DataFrame, *, file_name: str, sha256: str, who: str, kind: str, notes: list[str]
    ) -> ImportResult:
        """The import inside a transaction the caller holds (so several can commit together)."""
        if kind not in KINDS:
            raise StoreError(f"Ukjent type import «{kind}». Bruk {', '.join(KINDS)}.")
        rows = frame.select(OBS_COLUMNS).cast(OBSERVATION_SCHEMA)
        self._lock_writers(con)
        same = self._execute(con, "SELECT min(id) FROM imports WHERE sha256 = ? AND undone_at IS NULL", [sha256])
        if same and same[0][0] is not None:
            found = same[0][0]
            return ImportResult(found, False, 0, 0, f"{file_name} er allerede importert (import {found}). Ingenting er endret.")
        import_id = self._execute(con, "SELECT coalesce(max(id), 0) + 1 FROM imports")[0][0]
        self._stage(con, rows)
        superseded = self._execute(
            con,
            """SELECT count(*) FROM current_observations c JOIN staged o
               ON c.bydel_nr = o.bydel_nr AND c.year = o.year AND c.measure = o.measure
               AND coalesce(c.category, '') = coalesce(o.category, '')""",
        )[0][0]
        self._execute(
            con,
            "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
            [import_id, file_name, sha256, who, now(), kind, "\n".join(notes), rows.height],
        )
        cols = ", ".join(OBS_COLUMNS)
        self._execute(con, f"INSERT INTO observations (import_id, {cols}) SELECT ?, {cols} FROM staged", [import_id])
        self._event(con, who, "import", import_id, file_name, sha256, f"{rows.height} tall, type {kind}")
        return ImportResult(
            import_id,
            True,
            rows.height,
            superseded,
            f"{file_name}: importert som import {import_id} ({rows.height} tall, {superseded} erstatter eldre tall).",
        )

    def undo(self, import_id: int, who: str) -> UndoResult:
        """Mark an import undone; the figures it superseded become current again."""
        with self.transaction() as con:
            self._lock_writers(con)
            found = self._execute(con, "SELECT file_name, sha256, undone_at FROM imports WHERE id = ?", [import_id])
            if not found:
                raise StoreError(f"Import {import_id} finnes ikke.")
            file_name, sha, undone_at = found[0]
            if undone_at is not None:
                raise StoreError(f"Import {import_id} ({file_name}) er allerede angret.")
            before = self._current_keys(con)
            self._execute(con, "UPDATE imports SET undone_at = ?, undone_by = ? WHERE id = ?", [now(), who, import_id])
            after = self._current_keys(con)
            restored = len({k for k, imp in after.items() if before.get(k) == import_id and imp != import_id})
            removed = sum(1 for k, imp in before.items() if imp == import_id and k not in after)
            self._event(con, who, "angre", import_id, file_name, sha, f"{restored} eldre tall tilbake, {removed} fjernet")
        return UndoResult(
            import_id,
            restored,
            removed,
            f"Import {import_id} ({file_name}) er angret: {restored} eldre tall er tilbake, {removed} er fjernet.",
        )

    def _current_keys(self, con) -> dict[tuple, int]:
        rows = self._execute(con, "SELECT bydel_nr, year, measure, coalesce(category, ''), import_id FROM current_observations")
        return {tuple(r[:4]): r[4] for r in rows}

    def _event(self, con, who: str, action: str, import_id: int, file_name: str, sha: str, detail: str) -> None:
        event_id = self._execute(con, "SELECT coalesce(max(id), 0) + 1 FROM events")[0][0]
        self._execute(
            con,
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [event_id, now(), who, action, import_id, file_name, sha, detail],
        )

    # -- log-in attempts ------------------------------------------------------------------------

    def reserve_login(self, keys: dict[str, int], now: float, wait_for) -> float:
        """Count one attempt against every key at once, or none: the seconds to wait if any key must wait, else 0.

        `keys` maps each key (name, client address) to its free attempts; `wait_for(failures, last_at,
        now, free)` is the throttle's rule. The attempt is counted *before* the password is checked, in
        one transaction under `_lock_login`, so attempts sent at the same moment cannot all slip in.
        The table is kept small: entries older than an hour go, and at most MAX_LOGIN_KEYS stay.
        """
        with self.transaction() as con:
            self._lock_login(con)
            found = {
                k: (n, t)
                for k, n, t in self._execute(
                    con,
                    f"SELECT key, failures, last_at FROM login_attempts WHERE key IN ({', '.join('?' * len(keys))})",
                    list(keys),
                )
            }
            wait = max(wait_for(*found.get(k, (0, 0.0)), now, free) for k, free in keys.items())
            if wait > 0:
                return wait
            for k in keys:
                if k in found:
                    self._execute(con, "UPDATE login_attempts SET failures = failures + 1, last_at = ? WHERE key = ?", [now, k])
                else:
                    self._execute(con, "INSERT INTO login_attempts VALUES (?, 1, ?)", [k, now])
            self._execute(con, "DELETE FROM login_attempts WHERE last_at < ?", [now - 3600])
            over = self._execute(con, "SELECT count(*) FROM login_attempts")[0][0] - MAX_LOGIN_KEYS
            if over > 0:
                self._execute(
                    con,
                    "DELETE FROM login_attempts WHERE key IN (SELECT key FROM login_attempts ORDER BY last_at LIMIT ?)",
                    [over],
                )
            return 0.0

    def clear_login(self, key: str) -> None:
        with self.transaction() as con:
            self._execute(con, "DELETE FROM login_attempts WHERE key = ?", [key])

    def _lock_login(self, con) -> None:
        """One reservation at a time: DuckDB's per-file lock (held by the transaction); PostgreSQL locks the table."""
        self._lock_writers(con)

    # -- reading -------------------------------------------------------------------------------

    def current(self) -> pl.DataFrame:
        """Current figures, one per bydel/year/measure/category, with the kind of import they came from."""
        frame = self._query(f"SELECT {', '.join(OBS_COLUMNS)}, import_id, kind FROM current_observations")
        schema = OBSERVATION_SCHEMA | {"import_id": pl.Int32, "kind": pl.String}
        return _typed(frame, schema).sort(KEY_ORDER, nulls_last=False, maintain_order=True)

    def history(self) -> pl.DataFrame:
        frame = self._query(
            f"SELECT o.import_id, {', '.join('o.' + c for c in OBS_COLUMNS)}, i.kind, i.undone_at IS NOT NULL AS undone "
            "FROM observations o JOIN imports i ON i.id = o.import_id"
        )
        schema = {"import_id": pl.Int32} | OBSERVATION_SCHEMA | {"kind": pl.String, "undone": pl.Boolean}
        return _typed(frame, schema).sort(["import_id", "bydel_nr", "year", "measure", "category"], nulls_last=False)

    def imports(self) -> pl.DataFrame:
        frame = self._query(
            """SELECT i.id, i.file_name, i.sha256, i.who, i.imported_at, i.kind, i.n_rows,
                      (SELECT count(*) FROM current_observations c WHERE c.import_id = i.id) AS current_rows,
                      (SELECT string_agg(DISTINCT o.bydel_nr, ',' ORDER BY o.bydel_nr) FROM observations o
                       WHERE o.import_id = i.id) AS bydeler,
                      i.undone_at, i.undone_by, i.notes
               FROM imports i"""
        )
        return _typed(frame, IMPORT_SCHEMA).sort("id")

    def events(self) -> pl.DataFrame:
        return _typed(self._query("SELECT * FROM events"), EVENT_SCHEMA).sort("id")

    def data_version(self) -> int:
        """Grows with every import and undo: a cheap key for caches (and for other replicas to notice)."""
        with self.transaction() as con:
            return int(self._execute(con, "SELECT coalesce(max(id), 0) FROM events")[0][0])


def _typed(frame: pl.DataFrame, schema: dict) -> pl.DataFrame:
    """The same column types whichever database answered (an empty answer included)."""
    if frame.is_empty():
        return pl.DataFrame(schema=schema)
    return frame.select(list(schema)).cast(schema)
