"""Checking a user name and password, with the throttle in front."""

from __future__ import annotations

import math

from .passwords import verify_password
from .throttle import LoginThrottle
from .users import User, UserFile


class LoginRefused(Exception):
    """The text is shown to the person logging in; it never says whether the name or the password was wrong."""


def authenticate(users: UserFile, name: str, password: str, throttle: LoginThrottle) -> User:
    name = name.strip()
    wait = throttle.wait_left(name)
    if wait > 0:
        raise LoginRefused(f"For mange mislykkede forsøk. Vent {math.ceil(wait)} sekunder og prøv igjen.")
    if not verify_password(users.password_hash(name), password):
        throttle.failed(name)
        raise LoginRefused("Feil brukernavn eller passord.")
    throttle.succeeded(name)
    user = users.user(name)
    assert user is not None
    return user
