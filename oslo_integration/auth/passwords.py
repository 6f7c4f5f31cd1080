"""Passwords are kept only as argon2id hashes (the OWASP recommendation), never as text."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()
# verified against when the user name is unknown, so a wrong name takes as long as a wrong password
_DUMMY_HASH = _HASHER.hash("ingen bruker har dette passordet")
MIN_LENGTH = 10


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
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
