"""The pages' Parquet snapshot: the store's own answers, rewritten by every write, never trusted once stale."""

from __future__ import annotations

import json
import os
import shutil

import polars as pl
import pytest

from benchmarks import memory
from oslo_integration.store import DuckDBStore, connect, import_file, read_for_pages
from oslo_integration.store import snapshot as snap
from oslo_integration.vocab import Synonym
from tests.conftest import write_csv
from tests.store.test_concurrency import half_imports_seen

FROGNER, BOSATT = "030105", "bosatt"


def _same_answers(found: snap.Snapshot, store: DuckDBStore) -> None:
    assert found.data_version() == store.data_version()
    for name in snap.FRAMES:
        theirs, ours = getattr(store, name)(), getattr(found, name)()
        assert ours.schema == theirs.schema, name
        assert ours.equals(theirs), name
    assert found.active_synonyms() == store.active_synonyms()


def _csv(tmp_path, value: str):
    return write_csv(tmp_path / f"alna_{value}.csv", [["År", "Bydel", "Måltall", "Verdi"], ["2024", "Alna", BOSATT, value]])


def test_a_built_store_comes_with_its_snapshot_holding_the_real_figures(shipped_copy, shipped_template):
    found = snap.read_snapshot(shipped_template)
    assert found is not None  # written by the build, beside the file in its place
    store = DuckDBStore(shipped_template, snapshot=False)
    _same_answers(found, store)
    # Frogner's own case: 185 refugees settled in 2022, 122 in 2023, 80 in 2024 (Bydel Frogner, sak til orientering)
    current = found.current()
    settled = current.filter(
        (pl.col("bydel_nr") == FROGNER)
        & (pl.col("measure") == BOSATT)
        & pl.col("year").is_between(2022, 2024)
        & pl.col("category").is_null()
    )
    assert settled.sort("year")["value"].to_list() == [185.0, 122.0, 80.0]
    # a copy of the file is a new file: its snapshot is not there until the store is read once
    assert snap.read_snapshot(shipped_copy) is None
    assert read_for_pages("current", str(shipped_copy)).equals(current)
    assert snap.read_snapshot(shipped_copy) is not None


def test_every_write_rewrites_the_snapshot(shipped_copy, tmp_path):
    store = DuckDBStore(shipped_copy)
    store.write_snapshot()
    before = snap.read_snapshot(shipped_copy)
    result = import_file(store, _csv(tmp_path, "41").read_bytes(), "alna_41.csv", who="test", kind="innsendt")
    assert result.created
    after = snap.read_snapshot(shipped_copy)
    assert after is not None and after.version > before.version and after.folder != before.folder
    _same_answers(after, store)
    alna = after.current().filter((pl.col("bydel_nr") == "030112") & (pl.col("measure") == BOSATT) & (pl.col("year") == 2024))
    assert alna["value"].to_list() == [41.0]
    store.add_synonyms((Synonym("Bosatte i alt", BOSATT, None, None, None, False),), who="test")
    _same_answers(snap.read_snapshot(shipped_copy), store)
    store.undo(result.import_id, "test")
    _same_answers(snap.read_snapshot(shipped_copy), store)
    # only this folder and the one it replaced are kept
    assert len([p for p in snap.folder_of(shipped_copy).iterdir() if p.is_dir()]) <= 2


def test_a_store_no_page_has_read_is_not_made_to_write_a_snapshot(shipped_copy, tmp_path):
    store = DuckDBStore(shipped_copy)
    import_file(store, _csv(tmp_path, "5").read_bytes(), "alna_5.csv", who="test", kind="innsendt")
    assert not snap.folder_of(shipped_copy).exists()  # the command line and the tests pay nothing for it
    read_for_pages("current", str(shipped_copy))
    import_file(store, _csv(tmp_path, "6").read_bytes(), "alna_6.csv", who="test", kind="innsendt")
    _same_answers(snap.read_snapshot(shipped_copy), store)  # once read by pages, kept by every write


def test_a_write_that_leaves_the_figures_as_they_were_names_the_same_folder_again(shipped_copy):
    store = DuckDBStore(shipped_copy)
    store.write_snapshot()
    before = snap.read_snapshot(shipped_copy)
    store.reserve_login({"name:ola": 5}, 1_000.0, lambda *args: 0.0)  # the log-in throttle writes the file
    after = snap.read_snapshot(shipped_copy)
    assert after is not None and after.folder == before.folder and after.version == before.version


def test_a_store_changed_behind_its_back_is_read_from_the_store_not_the_snapshot(shipped_copy, tmp_path):
    store = DuckDBStore(shipped_copy)
    store.write_snapshot()
    assert snap.read_snapshot(shipped_copy) is not None
    # another store (one more import) copied over this one, keeping the source's times, as `cp -p` does
    other = tmp_path / "other" / "store.duckdb"
    other.parent.mkdir()
    shutil.copy(shipped_copy, other)
    changed = DuckDBStore(other, snapshot=False)
    import_file(changed, _csv(tmp_path, "7").read_bytes(), "alna_7.csv", who="test", kind="innsendt")
    shutil.copy2(other, shipped_copy)
    assert snap.read_snapshot(shipped_copy) is None  # stale: never shown
    assert read_for_pages("current", str(shipped_copy)).equals(changed.current())
    _same_answers(snap.read_snapshot(shipped_copy), changed)


def test_a_half_removed_or_broken_snapshot_is_not_used(shipped_copy):
    store = DuckDBStore(shipped_copy)
    store.write_snapshot()
    found = snap.read_snapshot(shipped_copy)
    (found.folder / "imports.parquet").unlink()
    assert snap.read_snapshot(shipped_copy) is None
    (snap.folder_of(shipped_copy) / snap.POINTER).write_text("{not json", encoding="utf-8")
    assert snap.read_snapshot(shipped_copy) is None
    assert read_for_pages("imports", str(shipped_copy)).equals(store.imports())


def test_a_snapshot_that_cannot_be_written_never_fails_the_write(shipped_copy, tmp_path, monkeypatch):
    store = DuckDBStore(shipped_copy)
    store.write_snapshot()

    def refuse(*args, **kwargs):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", refuse)
    result = import_file(store, _csv(tmp_path, "9").read_bytes(), "alna_9.csv", who="test", kind="innsendt")
    assert result.created
    assert snap.read_snapshot(shipped_copy) is None  # no snapshot of the new figures: the store answers
    assert read_for_pages("data_version", str(shipped_copy)) == store.data_version()


def test_the_pointer_names_the_version_and_the_file_as_it_was(shipped_copy):
    DuckDBStore(shipped_copy).write_snapshot()
    pointer = json.loads((snap.folder_of(shipped_copy) / snap.POINTER).read_text(encoding="utf-8"))
    assert pointer["stamp"] == snap.file_stamp(shipped_copy)
    assert pointer["folder"].startswith(f"v{pointer['version']}-")


@pytest.mark.slow
def test_a_server_showing_pages_from_a_fresh_snapshot_never_loads_duckdb(shipped_template):
    """Every page, every tab, under AppTest in a child process (as the memory benchmark finds what a server
    loads): DuckDB's library is not among the libraries loaded."""
    loaded = memory.loaded_libraries(dict(os.environ, OSLO_INTEGRATION_DB=str(shipped_template)))
    assert "polars" in loaded and "streamlit" in loaded  # the pages ran
    assert "duckdb" not in loaded


@pytest.mark.slow
def test_pages_reading_while_other_processes_import_never_see_half_an_import(tmp_path):
    db = str(tmp_path / "s.duckdb")
    store = connect(db)
    read_for_pages("current", db)  # a page has read it: from now on every writer keeps the snapshot
    partial, reads = half_imports_seen(db, tmp_path, lambda: read_for_pages("current", db))
    assert partial == [] and reads > 0
    last = snap.read_snapshot(db)
    assert last is not None and last.current().height == 8 * 30  # the last writer's snapshot is the store
    _same_answers(last, store)
