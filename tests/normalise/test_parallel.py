"""A batch spread over processes gives exactly the answers of one process, in the files' order; a worker that
dies costs time, not answers; the cut into shares is contiguous, complete and about even."""

from __future__ import annotations

import functools
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import oslo_integration.normalise.parallel as parallel
from oslo_integration.errors import InputRefused
from oslo_integration.forking import fork_server
from oslo_integration.normalise import Normalised, normalise_files
from oslo_integration.normalise.parallel import normalise_files_parallel, shares, worker_count
from tests.normalise.test_by_columns import _assert_same, _corpus_files

pytestmark = pytest.mark.slow


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=60), st.integers(min_value=1, max_value=8))
def test_shares_cover_every_file_once_in_order_in_at_most_n_runs(sizes: list[int], n: int):
    runs = shares(sizes, n)
    assert [i for run in runs for i in run] == list(range(len(sizes)))
    assert len(runs) <= n and all(len(run) for run in runs)
    if len(sizes) >= n:
        assert len(runs) == n  # every worker gets something when there are files enough


def test_shares_are_about_even_by_size():
    assert shares([5, 5, 5, 5], 2) == [range(0, 2), range(2, 4)]
    assert shares([1, 1, 1, 10], 2) == [range(0, 3), range(3, 4)]  # the big file alone
    assert shares([1] * 9, 3) == [range(0, 3), range(3, 6), range(6, 9)]
    assert shares([7], 4) == [range(0, 1)] and shares([], 2) == []


def test_worker_count_follows_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert worker_count() == 3
    monkeypatch.setenv(parallel.WORKERS_ENV, "0")
    assert worker_count() == 1
    monkeypatch.setenv(parallel.WORKERS_ENV, "ikke et tall")
    assert worker_count() == min(len(os.sched_getaffinity(0)), parallel.MAX_WORKERS)


def _spread(tmp_path: Path) -> list[tuple[bytes, str]]:
    """The corpus (real layouts and refused files) twice over, so every share holds both kinds."""
    files = _corpus_files(tmp_path)
    return files + [(data, f"kopi_{name}") for data, name in files]


def test_the_corpus_spread_over_three_processes_reads_as_in_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    files = _spread(tmp_path)
    used: list[int] = []
    real_pool = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda n: used.append(n) or real_pool(n))
    spread = normalise_files_parallel(files, workers=3)
    assert used == [2]  # two workers beside this process
    one = normalise_files(files)
    assert sum(isinstance(a, InputRefused) for a in one) >= 4 and sum(isinstance(a, Normalised) for a in one) >= 20
    for (_, name), a, b in zip(files, spread, one, strict=True):
        _assert_same(a, b, name)


def test_a_small_batch_is_read_in_this_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(parallel, "_pool", lambda n: pytest.fail("a pool was started for a small batch"))
    files = _corpus_files(tmp_path)[:4]
    assert sum(len(d) for d, _ in files) < parallel.MIN_PARALLEL_BYTES
    for (_, name), a, b in zip(files, normalise_files_parallel(files, workers=2), normalise_files(files), strict=True):
        _assert_same(a, b, name)


def test_a_worker_that_dies_costs_time_not_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A worker killed (as by the kernel when memory runs out) breaks the pool: the batch is read here instead."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    dying = functools.cache(
        lambda n: ProcessPoolExecutor(n, mp_context=fork_server(), initializer=functools.partial(os._exit, 3))
    )
    monkeypatch.setattr(parallel, "_pool", dying)
    files = _spread(tmp_path)[:12]
    for (_, name), a, b in zip(files, normalise_files_parallel(files, workers=2), normalise_files(files), strict=True):
        _assert_same(a, b, name)
    assert dying.cache_info().currsize == 0  # the broken pool was let go: the next batch starts new workers
