"""Repeated failed log-ins are slowed down: after a few misses, each try must wait longer.

Counted per user name (known or not) and per client address, so neither guessing one account's
password nor trying a new name each time gets far. An attempt is counted *before* the password is
checked, atomically, so attempts sent at the same moment cannot all reach the check. A wait is
answered at once with how long is left, never by sleeping, so a guesser cannot tie up the server.

Two homes for the counts: `StoreThrottle` keeps them in the store, shared by every replica (what the
dashboard uses); `LoginThrottle` keeps them in this process (for a store-less caller and for tests).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

FREE_ATTEMPTS = 3  # per user name
FREE_ATTEMPTS_PER_ADDRESS = 20  # per client address: an office behind one address has several users
MAX_WAIT_SECONDS = 300.0
MAX_KEYS = 10_000


def wait_for(failures: int, last_at: float, now: float, free: int) -> float:
    """Seconds left before another attempt after `failures` counted attempts, the last at `last_at`."""
    if failures < free:
        return 0.0
    wait = min(MAX_WAIT_SECONDS, 2.0 ** (failures - free + 1))
    return max(0.0, last_at + wait - now)


def keys_for(name: str, address: str | None) -> dict[str, int]:
    """The throttle's keys for one attempt, each with its free attempts."""
    keys = {"navn:" + name.strip().lower(): FREE_ATTEMPTS}
    if address:
        keys["adresse:" + address] = FREE_ATTEMPTS_PER_ADDRESS
    return keys


class Throttle(Protocol):
    def reserve(self, name: str, address: str | None = None) -> float:
        """Count an attempt and return 0, or return the seconds to wait (and count nothing)."""

    def succeeded(self, name: str) -> None: ...


class LoginThrottle:
    """The counts in this process's memory (bounded: the oldest entries go first)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}

    def reserve(self, name: str, address: str | None = None) -> float:
        keys = keys_for(name, address)
        now = self._clock()
        with self._lock:
            wait = max(wait_for(*self._failures.get(k, (0, 0.0)), now, free) for k, free in keys.items())
            if wait > 0:
                return wait
            for k in keys:
                count, _ = self._failures.pop(k, (0, 0.0))
                self._failures[k] = (count + 1, now)  # re-inserted: the dict's order is the age order
            while len(self._failures) > MAX_KEYS:
                self._failures.pop(next(iter(self._failures)))
        return 0.0

    def wait_left(self, name: str, address: str | None = None) -> float:
        now = self._clock()
        with self._lock:
            return max(wait_for(*self._failures.get(k, (0, 0.0)), now, free) for k, free in keys_for(name, address).items())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(next(iter(keys_for(name, None))), None)


class StoreThrottle:
    """The counts in the store (table login_attempts): every replica sees the same, and a restart forgets nothing."""

    def __init__(self, store, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._clock = clock

    def reserve(self, name: str, address: str | None = None) -> float:
        return self._store.reserve_login(keys_for(name, address), self._clock(), wait_for)

    def succeeded(self, name: str) -> None:
        self._store.clear_login(next(iter(keys_for(name, None))))
