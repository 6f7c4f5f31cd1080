"""Imports are all or nothing, idempotent, superseding with history, and undo brings the old back."""

from __future__ import annotations

import hashlib

import duckdb
import polars as pl
import psycopg
import pytest

from oslo_integration.errors import InputRefused
from oslo_integration.store import _OPENED, DuckDBStore, StoreError, import_file, open_store, shipped_sources
from tests.conftest import write_csv


def _csv(tmp_path, name, value):
    return write_csv(
        tmp_path / name,
        [["År", "Bydel", "Måltall", "Verdi"], ["2024", "Alna", "bosatt", value], ["2024", "Alna", "intro_avsluttet", "3"]],
    )


def _import(store, path, kind="innsendt"):
    return import_file(store, path.read_bytes(), path.name, who="test", kind=kind)


def _alna(store) -> float:
    cur = store.current()
    return cur.filter((pl.col("bydel_nr") == "030112") & (pl.col("measure") == "bosatt"))["value"].item()


def test_import_then_same_bytes_again_changes_nothing(store, tmp_path):
    f = _csv(tmp_path, "a.csv", "10")
    first = _import(store, f)
    assert first.created and first.rows == 2
    before = (store.imports().height, store.current().height, store.history().height)
    again = _import(store, f)
    assert not again.created and again.import_id == first.import_id
    assert "allerede importert" in again.message
    assert (store.imports().height, store.current().height, store.history().height) == before


def test_newer_import_supersedes_and_undo_restores(store, tmp_path):
    old = _import(store, _csv(tmp_path, "a.csv", "10"))
    new = _import(store, _csv(tmp_path, "b.csv", "12"))
    assert new.superseded == 2
    assert _alna(store) == 12
    assert store.history().height == 4  # the old figures stay as history
    undone = store.undo(new.import_id, "test")
    assert undone.restored == 2
    assert _alna(store) == 10
    assert store.current()["import_id"].unique().to_list() == [old.import_id]
    with pytest.raises(StoreError, match="allerede angret"):
        store.undo(new.import_id, "test")
    with pytest.raises(StoreError, match="finnes ikke"):
        store.undo(999, "test")
    actions = store.events()["action"].to_list()
    assert actions == ["import", "import", "angre"]


def test_undo_of_only_import_removes_its_figures(store, tmp_path):
    res = _import(store, _csv(tmp_path, "a.csv", "10"))
    out = store.undo(res.import_id, "test")
    assert out.removed == 2 and store.current().is_empty()


def test_undone_file_can_be_imported_again(store, tmp_path):
    f = _csv(tmp_path, "a.csv", "10")
    res = _import(store, f)
    store.undo(res.import_id, "test")
    again = _import(store, f)
    assert again.created and _alna(store) == 10


def _file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_refused_file_leaves_store_byte_for_byte(tmp_path):
    db = tmp_path / "s.duckdb"
    store = DuckDBStore(db)
    _import(store, _csv(tmp_path, "a.csv", "10"))
    digest = _file_digest(db)
    bad = write_csv(tmp_path / "bad.csv", [["År", "Bydel", "Måltall", "Verdi"], ["2024", "Alna", "bosatt", "-5"]])
    with pytest.raises(InputRefused):
        _import(store, bad)
    assert _file_digest(db) == digest


def test_failure_inside_the_transaction_writes_nothing(store, tmp_path):
    _import(store, _csv(tmp_path, "a.csv", "10"))
    before = (store.imports().height, store.history().height, store.events().height)
    broken = pl.DataFrame(
        {
            "bydel_nr": ["030112"],
            "bydel": ["Alna"],
            "year": [2024],
            "measure": ["bosatt"],
            "category": [None],
            "value": [1.0],
            "status": ["ukjent-status"],
            "source_file": ["x.csv"],
            "sheet": [""],
            "cell": ["A1"],
            "ref_date": [None],
            "source_url": [None],
            "origin": [None],
            "note": [None],
        }
    )
    # the CHECK constraint on status fails after the import row was written
    with pytest.raises((duckdb.ConstraintException, psycopg.errors.CheckViolation)):
        store.import_frame(broken, file_name="x.csv", sha256="abc", who="t", kind="innsendt", notes=[])
    assert (store.imports().height, store.history().height, store.events().height) == before


def test_unknown_kind_is_refused(store, tmp_path):
    with pytest.raises(StoreError):
        _import(store, _csv(tmp_path, "a.csv", "10"), kind="hemmelig")


def test_open_store_builds_from_shipped_data_once(store_location, monkeypatch):
    monkeypatch.setenv("OSLO_INTEGRATION_DB", store_location)
    store = open_store()
    imports = store.imports()
    assert imports["kind"].to_list() == [src["kind"] for src in shipped_sources()]
    assert imports["kind"].to_list()[0] == "eksempel"  # first, so every real figure imported after it wins
    assert store.current().filter(pl.col("kind") == "eksempel").height > 0
    _OPENED.clear()  # as a second process would: open it again from scratch
    again = open_store()
    assert again.imports().height == len(shipped_sources())
    assert again.events()["action"].to_list() == ["import"] * len(shipped_sources())


def test_example_data_never_overrides_real_figures(store_location):
    _OPENED.clear()
    store = open_store(store_location)
    cur = store.current()
    frogner = cur.filter(pl.col("bydel_nr") == "030105")
    assert set(frogner.filter(pl.col("year").is_between(2022, 2024))["kind"]) == {"offisiell"}
    oslo = cur.filter((pl.col("bydel_nr") == "0301") & (pl.col("measure") == "bosatt"))
    assert set(oslo["kind"]) == {"offisiell"}
