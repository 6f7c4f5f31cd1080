"""An lru_cache that computes each key once when many sessions ask for it at the same moment.

A link in a newspaper brings dozens of viewers within seconds. With a plain lru_cache every session
that misses computes the same chart at the same time (benchmarks/load.py saw Altair's validation take
most of the server then). Here a call takes the lock of its key's stripe first: the first computes,
the others wait and then find it cached. Different keys rarely share a stripe, and a stripe is only
held for one computation.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache, update_wrapper
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
STRIPES = 64


def shared_cache(maxsize: int) -> Callable[[F], F]:
    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        locks = [threading.RLock() for _ in range(STRIPES)]

        def call(*args: Any, **kwargs: Any) -> Any:
            key = hash((args, tuple(sorted(kwargs.items()))))
            with locks[key % STRIPES]:
                return cached(*args, **kwargs)

        update_wrapper(call, fn)
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return wrap
