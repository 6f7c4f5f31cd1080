"""Repeated failed log-ins are slowed down: after a few misses, each try must wait longer.

Kept per user name in the server process. A wait is answered at once with how long is left,
rather than by sleeping, so a guesser cannot tie up the server's threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 300.0


class LoginThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}

    @staticmethod
    def _key(name: str) -> str:
        return name.strip().lower()

    def wait_left(self, name: str) -> float:
        """Seconds before `name` may try again (0 when free to try)."""
        with self._lock:
            count, last = self._failures.get(self._key(name), (0, 0.0))
        if count < FREE_ATTEMPTS:
            return 0.0
        wait = min(MAX_WAIT_SECONDS, 2.0 ** (count - FREE_ATTEMPTS + 1))
        return max(0.0, last + wait - self._clock())

    def failed(self, name: str) -> None:
        with self._lock:
            count, _ = self._failures.get(self._key(name), (0, 0.0))
            self._failures[self._key(name)] = (count + 1, self._clock())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(self._key(name), None)
