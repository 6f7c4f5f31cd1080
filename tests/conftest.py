"""Shared helpers: spreadsheets written on the fly, and a store in a temporary folder."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import settings
from openpyxl import Workbook

from oslo_integration.store import Store, connect
from tests.support.postgres import fresh_database, server_url

# the machines are shared and noisy: a property test is about values, never about a 200 ms deadline
settings.register_profile("shared-machine", deadline=None)
settings.load_profile("shared-machine")


def _scan_for_components_once() -> None:
    """Each new AppTest scans every installed package's metadata for Streamlit components (0.3 s here,
    and the suite makes over a hundred). What is installed does not change during a run: scan once."""
    from streamlit.components.v2 import manifest_scanner

    manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


_scan_for_components_once()

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE_TEXTS = DATA / "kilder"


def _shipped_count() -> int:
    from oslo_integration.store import shipped_sources

    return len(shipped_sources())


SHIPPED_IMPORTS = _shipped_count()  # the manifest's files, imported in order when a store is built
FIRST_UPLOAD = SHIPPED_IMPORTS + 1  # the id the first import after them gets


def write_xlsx(
    path: Path,
    sheets: dict[str, Iterable[Iterable[object]]],
    *,
    start: tuple[int, int] = (1, 1),
    percent_cells: dict[str, list[str]] | None = None,
    hidden: Iterable[str] = (),
) -> Path:
    """A workbook with each sheet's rows written from `start` (1-based row, col)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is not None:
                    ws.cell(row=start[0] + i, column=start[1] + j, value=value)
        for addr in (percent_cells or {}).get(name, []):
            ws[addr].number_format = "0%"
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def write_csv(
    path: Path, rows: Iterable[Iterable[object]], *, sep: str = ";", encoding: str = "utf-8", bom: bool = False
) -> Path:
    text = "\n".join(sep.join("" if v is None else str(v) for v in row) for row in rows) + "\n"
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.fixture(scope="session")
def pg_server():
    """Admin URL of a PostgreSQL server for the session (see tests/support/postgres.py)."""
    yield from server_url()


@pytest.fixture
def pg_url(pg_server):
    """A fresh database of its own for one test; skipped without a server, except under CI=true."""
    if pg_server is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no PostgreSQL server: .ci/run installs Debian's postgresql")
        pytest.skip("no PostgreSQL server binaries here (apt-get install postgresql) and no OSLO_INTEGRATION_TEST_PG")
    with fresh_database(pg_server) as url:
        yield url


BACKENDS = ["duckdb", "postgres"]


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def store_location(backend: str, tmp_path: Path, request) -> str:
    """Where a store lives for this test: a DuckDB file, or a PostgreSQL database of its own."""
    if backend == "duckdb":
        return str(tmp_path / "test.duckdb")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_location: str) -> Store:
    """An empty store on each backend: the store tests run against both."""
    return connect(store_location)


@pytest.fixture
def db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point OSLO_INTEGRATION_DB at a fresh file so the command line builds its own store."""
    path = tmp_path / "cli.duckdb"
    monkeypatch.setenv("OSLO_INTEGRATION_DB", str(path))
    return path


@pytest.fixture(scope="session")
def shipped_template(tmp_path_factory) -> Path:
    """A store built from the shipped data once per test session; copy it, never write to it."""
    from oslo_integration.store import build_store

    return build_store(tmp_path_factory.mktemp("template") / "shipped.duckdb")


@pytest.fixture
def shipped_copy(shipped_template: Path, tmp_path: Path) -> Path:
    """A private copy of the shipped store (a file copy is much faster than a build)."""
    import shutil

    return Path(shutil.copy(shipped_template, tmp_path / "shipped.duckdb"))
