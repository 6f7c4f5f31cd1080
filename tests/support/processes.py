"""Worker processes for the concurrency tests, safe after AppTest has run in the same pytest process.

AppTest runs app.py as the module `__main__` and leaves it in sys.modules; a spawned worker would
then run the whole app as its main module on start-up and die. While the pool lives, `__main__`
is an empty module, so the workers start clean.
"""

from __future__ import annotations

import multiprocessing
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool


@contextmanager
def clean_main() -> Iterator[None]:
    saved = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = saved


@contextmanager
def spawn_pool(processes: int) -> Iterator[Pool]:
    with clean_main(), multiprocessing.get_context("spawn").Pool(processes) as pool:
        yield pool
