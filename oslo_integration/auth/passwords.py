"""Passwords are kept only as argon2id hashes (the OWASP recommendation), never as text."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()
MIN_LENGTH = 10


@cache
def _dummy_hash() -> str:
    """Verified against when the user name is unknown, so a wrong name takes as long as a wrong password.

    Made at the first log-in, not at import: hashing takes 0.15 s, which every process that loads
    the log-in (each server, each command) would otherwise pay at start."""
    return _HASHER.hash("ingen bruker har dette passordet")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def is_hash(text: str) -> bool:
    return text.startswith("$argon2")


def weak_password(password: str) -> str | None:
    """Why a new password is too weak, or None."""
    if len(password) < MIN_LENGTH:
        return f"Passordet må ha minst {MIN_LENGTH} tegn."
    if len(set(password)) < 4:
        return "Passordet har for få ulike tegn."
    return None
