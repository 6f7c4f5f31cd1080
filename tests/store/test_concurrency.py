"""Eight imports at once all land, the same file twice lands once, and readers never see half an import."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl
import pytest

from oslo_integration.store import connect, import_file
from tests.conftest import write_csv
from tests.support.processes import spawn_pool

pytestmark = pytest.mark.slow

BYDELER = ["Gamle Oslo", "Grünerløkka", "Sagene", "St. Hanshaugen", "Frogner", "Ullern", "Vestre Aker", "Nordre Aker"]


def file_bytes(path: str | Path) -> str:
    """Digest of the store file and its write-ahead log, for 'byte for byte as it was'."""
    digest = hashlib.sha256()
    for p in (Path(path), Path(f"{path}.wal")):
        digest.update(p.read_bytes() if p.exists() else b"<none>")
    return digest.hexdigest()


def bydel_file(folder: Path, i: int, bydel: str) -> Path:
    rows = [["Bydel", "År", "Bosatte flyktninger", "Kommunal bolig", "Privat leiemarked"]]
    rows += [[bydel, year, 100 + i + year % 10, 50 + i, 40] for year in range(2015, 2025)]
    return write_csv(folder / f"bydel_{i}.csv", rows)


def _import_in_process(db: str, path: str, who: str) -> tuple[int, bool]:
    data = Path(path).read_bytes()
    result = import_file(connect(db), data, Path(path).name, who=who, kind="innsendt")
    return result.import_id, result.created


def test_eight_concurrent_imports_of_different_files_all_land(tmp_path, store_location):
    db = store_location
    connect(db)
    files = [bydel_file(tmp_path, i, b) for i, b in enumerate(BYDELER)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda f: _import_in_process(db, str(f), f.stem), files))
    assert sorted(r[0] for r in results) == list(range(1, 9)) and all(created for _, created in results)
    store = connect(db)
    assert store.imports()["n_rows"].to_list() == [30] * 8
    assert store.current().height == 8 * 30


def test_eight_concurrent_imports_from_separate_processes_all_land(tmp_path, store_location):
    db = store_location
    connect(db)
    files = [bydel_file(tmp_path, i, b) for i, b in enumerate(BYDELER)]
    # four worker processes take the eight files as they come, so several always import at once;
    # the timeout turns a hang into a failure with its reason
    with spawn_pool(4) as pool:
        results = pool.starmap_async(_import_in_process, [(db, str(f), f.stem) for f in files]).get(timeout=240)
    assert sorted(r[0] for r in results) == list(range(1, 9))
    assert connect(db).current().height == 8 * 30


def test_the_same_file_imported_twice_at_once_lands_once(tmp_path, store_location):
    db = store_location
    connect(db)
    f = bydel_file(tmp_path, 0, "Frogner")
    barrier = threading.Barrier(2)

    def go(who: str) -> tuple[int, bool]:
        barrier.wait()
        return _import_in_process(db, str(f), who)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(go, ["kari", "ola"]))
    assert sorted(created for _, created in results) == [False, True]
    assert {i for i, _ in results} == {1}
    assert connect(db).imports().height == 1


def half_imports_seen(db: str, folder: Path, current: Callable[[], pl.DataFrame]) -> tuple[list[dict], int]:
    """Eight bydel files imported by other processes while `current()` is read in a loop: the imports seen
    with other than all their 30 figures, and how many reads there were."""
    files = [bydel_file(folder, i, b) for i, b in enumerate(BYDELER)]
    done = threading.Event()
    partial: list[dict] = []
    reads = 0

    def read() -> None:
        nonlocal reads
        while not done.is_set():
            counts = dict(current().group_by("import_id").len().iter_rows())
            reads += 1
            partial.extend({i: n} for i, n in counts.items() if n != 30)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda f: _import_in_process(db, str(f), f.stem), files))
    finally:
        done.set()
        thread.join()
    return partial, reads


def test_a_reader_never_sees_half_an_import(tmp_path, store_location):
    db = store_location
    store = connect(db)
    partial, reads = half_imports_seen(db, tmp_path, connect(db).current)
    assert partial == []
    assert reads > 0
    assert store.current().height == 8 * 30
