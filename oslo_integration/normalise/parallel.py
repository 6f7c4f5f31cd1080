"""A large batch of files normalised on every core the process may use.

One process reads about 80 small workbooks a second, every step of it Python or single-threaded Rust,
so a bulk import left the machine's other cores idle. Here the batch is cut into contiguous shares of
about equal size, one per core: the first is normalised in this process, each other one meanwhile by a
worker forked from the fork server (forking.py), and the answers come back in the files' order. They
are the answers normalise_files gives for the whole batch: a file's figures and problems do not
depend on the other files read with it.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from itertools import accumulate, pairwise

from ..errors import InputRefused
from ..forking import fork_server, single_threaded
from ..read.limits import env_number
from ..vocab import Synonym
from . import Normalised, normalise_files

WORKERS_ENV = "OSLO_INTEGRATION_READ_WORKERS"
MAX_WORKERS = 8
# Below this a batch is read in the process itself: starting the workers (about half a second the first
# time, the fork server's imports) and sending the answers back would cost more than a second core saves.
MIN_PARALLEL_BYTES = 2 * 1024 * 1024


def worker_count() -> int:
    """The workers a batch is spread over: OSLO_INTEGRATION_READ_WORKERS, else the cores this process may use."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(int(env_number(WORKERS_ENV, cores)), MAX_WORKERS))


def shares(sizes: list[int], n: int) -> list[range]:
    """The files cut into at most `n` contiguous runs of about equal total size (none empty), in order.

    Each cut is where the running total comes nearest its share (k/n of the whole), after the cut before it.
    """
    prefix = list(accumulate(sizes, initial=0))
    cuts = [0]
    for k in range(1, n):  # each cut leaves a file for every run after it, where there are files enough
        candidates = range(cuts[-1] + 1, min(len(sizes), max(len(sizes) - (n - k) + 1, cuts[-1] + 2)))
        if not candidates:
            break
        cuts.append(min(candidates, key=lambda i: abs(prefix[i] * n - prefix[-1] * k)))
    cuts.append(len(sizes))
    return [range(a, b) for a, b in pairwise(cuts) if b > a]


@cache
def _pool(workers: int) -> ProcessPoolExecutor | None:
    """`workers` processes started once per process and kept: a server or a benchmark pays their start once."""
    context = fork_server()
    if context is None:
        return None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=single_threaded)


def plan(sizes: list[int], workers: int) -> list[range]:
    """The runs a batch of files of these sizes is read in: one per process, or one in all below MIN_PARALLEL_BYTES."""
    if sum(sizes) < MIN_PARALLEL_BYTES:
        return [range(len(sizes))] if sizes else []
    return shares(sizes, workers)


def start_workers(workers: int | None = None) -> None:
    """The workers started and answering now, not at the first large batch (the fork server's imports included)."""
    workers = worker_count() if workers is None else workers
    pool = _pool(workers - 1) if workers > 1 else None
    if pool is not None:  # a task each: a pool starts its workers as tasks come
        for future in [pool.submit(os.getpid) for _ in range(workers - 1)]:
            future.result()


def normalise_files_parallel(
    files: list[tuple[bytes, str]], bydel: str | None = None, synonyms: tuple[Synonym, ...] = (), workers: int | None = None
) -> list[Normalised | InputRefused]:
    """normalise_files's answers, the files spread over `workers` processes (this one included) when the batch is large enough."""
    workers = worker_count() if workers is None else workers
    runs = plan([len(data) for data, _ in files], workers)
    pool = _pool(workers - 1) if len(runs) > 1 else None
    if pool is None:
        return normalise_files(files, bydel, synonyms)
    try:  # the first share is read here, the others meanwhile by the workers
        futures = [pool.submit(normalise_files, [files[i] for i in run], bydel, tuple(synonyms)) for run in runs[1:]]
        here = normalise_files([files[i] for i in runs[0]], bydel, synonyms)
        return here + [answer for future in futures for answer in future.result()]
    except BrokenProcessPool:  # a worker was killed (out of memory): the batch is read here, with its own messages
        _pool.cache_clear()
        return normalise_files(files, bydel, synonyms)
