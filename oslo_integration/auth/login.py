"""Checking a user name and password, with the throttle in front and the hashing work bounded."""

from __future__ import annotations

import math
import threading

from .passwords import verify_password
from .throttle import Throttle
from .users import User, UserFile

# argon2id costs 64 MiB and a CPU core per check: at most this many at once in a process, and a
# log-in that cannot get a turn quickly is answered «try again» instead of queueing without end
MAX_PARALLEL_CHECKS = 2
CHECK_QUEUE_SECONDS = 5.0
_CHECKS = threading.BoundedSemaphore(MAX_PARALLEL_CHECKS)


class LoginRefused(Exception):
    """The text is shown to the person logging in; it never says whether the name or the password was wrong."""


def authenticate(users: UserFile, name: str, password: str, throttle: Throttle, address: str | None = None) -> User:
    """The user, or LoginRefused. Every attempt counts against the name and the client address before it is checked."""
    name = name.strip()[:200]
    wait = throttle.reserve(name, address)
    if wait > 0:
        raise LoginRefused(f"For mange mislykkede forsøk. Vent {math.ceil(wait)} sekunder og prøv igjen.")
    if not _CHECKS.acquire(timeout=CHECK_QUEUE_SECONDS):
        raise LoginRefused("Mange logger inn akkurat nå. Prøv igjen om litt.")
    try:
        ok = verify_password(users.password_hash(name), password[:1024])
    finally:
        _CHECKS.release()
    if not ok:
        raise LoginRefused("Feil brukernavn eller passord.")
    throttle.succeeded(name)
    user = users.user(name)
    assert user is not None
    return user


def recheck(user: User | None, users: UserFile | None = None) -> User | None:
    """The user as the user file says now: None if removed, with the current role and bydeler if changed.

    Asked before every privileged action, so a removed or demoted user loses their rights at once,
    even in a session that logged in before.
    """
    if user is None:
        return None
    users = users or UserFile()
    return users.user(user.name) or users.oidc_user(user.name if "@" in user.name else None)
