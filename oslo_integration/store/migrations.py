"""Versioned schema changes, applied on start-up in order; each backend has its own dialect of them.

Add a new version at the end, never edit an applied one. A store records the versions it has in
`schema_version`; a start applies what is missing under a lock, so replicas starting at the same
time apply each version once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import KINDS

_KEY = "o.bydel_nr, o.year, o.measure, coalesce(o.category, '')"

_TABLES = f"""
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
    value DOUBLE PRECISION,
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
"""

# The current figure per key: the newest import that is not undone.
_VIEW = f"""
CREATE OR REPLACE VIEW current_observations AS
SELECT * FROM (
    SELECT o.*, i.kind, i.imported_at,
           row_number() OVER (PARTITION BY {_KEY} ORDER BY o.import_id DESC) AS newest
    FROM observations o JOIN imports i ON i.id = o.import_id
    WHERE i.undone_at IS NULL
) ranked WHERE newest = 1;
"""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


# Failed log-ins, per user name and per client address, shared by every replica on the store.
_LOGIN_ATTEMPTS = """
CREATE TABLE IF NOT EXISTS login_attempts (
    key VARCHAR PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at DOUBLE PRECISION NOT NULL
);
"""

# What users said an unknown label means (upload page, --synonymer): extends data/vocab for every later file.
_SYNONYMS = """
CREATE TABLE IF NOT EXISTS synonyms (
    id INTEGER PRIMARY KEY,
    label VARCHAR NOT NULL,
    measure VARCHAR,
    category VARCHAR,
    category_kind VARCHAR,
    year INTEGER,
    is_ignored BOOLEAN NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    source_file VARCHAR,
    import_id INTEGER,
    removed_by VARCHAR,
    removed_at TIMESTAMP
);
"""

MIGRATIONS: dict[str, list[Migration]] = {
    "duckdb": [
        Migration(1, "importer, tall og hendelser", _TABLES + _VIEW),
        Migration(2, "mislykkede innlogginger, felles for alle replikaer", _LOGIN_ATTEMPTS),
        Migration(3, "synonymer brukerne har lagt til", _SYNONYMS),
    ],
    "postgres": [
        Migration(1, "importer, tall og hendelser", _TABLES + _VIEW),
        Migration(
            2,
            "indekser, og samme fil bare én gang (så lenge den ikke er angret)",
            """
            CREATE INDEX IF NOT EXISTS observations_import ON observations (import_id);
            CREATE INDEX IF NOT EXISTS observations_key ON observations (bydel_nr, year, measure, category);
            CREATE UNIQUE INDEX IF NOT EXISTS imports_live_sha256 ON imports (sha256) WHERE undone_at IS NULL;
            """,
        ),
        Migration(3, "mislykkede innlogginger, felles for alle replikaer", _LOGIN_ATTEMPTS),
        Migration(4, "synonymer brukerne har lagt til", _SYNONYMS),
    ],
}
