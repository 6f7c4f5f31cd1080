"""Several replicas on one PostgreSQL: migrations once, imports atomic across processes, the same
answers as the embedded store, and one replica's import visible on another's pages within the refresh."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import navigation_mode
from oslo_integration.auth import UserFile
from oslo_integration.store import PostgresStore, open_store
from oslo_integration.store.migrations import MIGRATIONS
from tests.app.conftest import open_tab
from tests.conftest import FIRST_UPLOAD, ROOT
from tests.store.test_concurrency import BYDELER, bydel_file
from tests.support.processes import clean_main, spawn_pool
from tests.test_cli import run
from tests.upload.conftest import frogner_workbook

pytestmark = pytest.mark.slow


def _start(url: str, barrier) -> list[int]:
    barrier.wait()
    return PostgresStore(url).schema_versions()


def test_replicas_starting_together_apply_each_migration_once(pg_url):
    with clean_main(), multiprocessing.get_context("spawn").Manager() as manager:
        barrier = manager.Barrier(4)
        with spawn_pool(4) as pool:
            seen = pool.starmap_async(_start, [(pg_url, barrier)] * 4).get(timeout=240)
    versions = [m.version for m in MIGRATIONS["postgres"]]
    assert seen == [versions] * 4
    with psycopg.connect(pg_url) as con:
        assert con.execute("SELECT version, count(*) FROM schema_version GROUP BY version ORDER BY 1").fetchall() == [
            (v, 1) for v in versions
        ]


def _replica(url: str, files: list[str], shared: str) -> list[tuple[int, bool]]:
    """One app process: its four uploads and the file both replicas get, all at once on threads."""
    from tests.store.test_concurrency import _import_in_process

    with ThreadPoolExecutor(5) as pool:
        return list(pool.map(lambda f: _import_in_process(url, f, Path(f).stem), files + [shared]))


def test_eight_imports_split_over_two_processes_land_once_each(pg_url, tmp_path):
    files = [str(bydel_file(tmp_path, i, b)) for i, b in enumerate(BYDELER)]
    shared = str(bydel_file(tmp_path, 99, "Alna"))
    PostgresStore(pg_url)
    with spawn_pool(2) as pool:
        first, second = pool.starmap_async(_replica, [(pg_url, files[:4], shared), (pg_url, files[4:], shared)]).get(timeout=240)
    landed = [r for r in first[:4] + second[:4]]
    assert sorted(i for i, _ in landed) == sorted({i for i, _ in landed}) and all(created for _, created in landed)
    assert sorted(created for _, created in (first[4], second[4])) == [False, True]  # the shared file: once
    store = PostgresStore(pg_url)
    assert store.imports().height == 9 and sorted(store.imports()["id"].to_list()) == list(range(1, 10))
    assert store.current().height == 9 * 30
    assert store.events().height == 9


def test_the_same_imports_give_identical_exports_on_both_backends(pg_url, tmp_path):
    duck = tmp_path / "s.duckdb"
    steps = [
        ("import", str(frogner_workbook(tmp_path / "frogner_2025.xlsx"))),
        ("import", str(bydel_file(tmp_path, 1, "Sagene")), "--kind", "offisiell"),
        ("undo", "4"),
        ("import", str(frogner_workbook(tmp_path / "frogner_2025_b.xlsx", kommunal_2024=51))),
    ]
    outputs = []
    for db in (str(duck), pg_url):
        for step in steps:
            res = run(*step, env_db=db)
            assert res.returncode == 0, res.stderr
        out = tmp_path / f"export_{len(outputs)}.csv"
        res = run("export", "--out", str(out), env_db=db)
        assert res.returncode == 0, res.stderr
        outputs.append(out.read_bytes())
    assert len(outputs[0]) > 100_000
    assert outputs[0] == outputs[1]


def test_an_import_on_one_app_process_appears_on_the_others_pages(pg_url, tmp_path, monkeypatch):
    users = tmp_path / "brukere.toml"
    UserFile(users).add("kari", "korrekt-hest-batteri", "bydel", ["Frogner"])
    refresh = 2.0
    env = {"OSLO_INTEGRATION_DB": pg_url, "OSLO_INTEGRATION_USERS": str(users), "OSLO_INTEGRATION_REFRESH_SECONDS": str(refresh)}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    open_store(pg_url)  # built from the shipped data once, by whichever replica comes first

    def municipal_2024(at: AppTest) -> str:
        open_tab(at)
        table = next(d.value for d in at.dataframe if "Teller" in d.value.columns)
        return table[(table["Bydel"] == "Frogner") & (table["År"] == 2024)]["Teller"].iloc[0]

    with navigation_mode():
        reader = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        reader.query_params["bydel"] = "030105"
        reader.run()
        reader.switch_page("views/bosetting.py").run()
        assert municipal_2024(reader) == "50"
        workbook = frogner_workbook(tmp_path / "frogner_2025.xlsx")
        other = subprocess.run(
            [sys.executable, "-m", "tests.store.replica_app", str(workbook), "kari", "korrekt-hest-batteri"],
            cwd=ROOT, env=dict(os.environ, **env), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert other.returncode == 0, other.stderr[-2000:]
        assert f"importert som import {FIRST_UPLOAD}" in other.stdout
        imported_at = time.monotonic()
        seen = municipal_2024(reader.run())
        while seen != "52" and time.monotonic() - imported_at < refresh + 5:
            time.sleep(0.25)
            seen = municipal_2024(reader.run())
        assert seen == "52", "the other replica's import did not show up"
        assert time.monotonic() - imported_at <= refresh + 5


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Each test's database is new; forget stores opened for earlier ones."""
    from oslo_integration.store import _OPENED

    _OPENED.clear()
    yield
    _OPENED.clear()
