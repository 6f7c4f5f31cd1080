"""Failed log-ins are slowed down: free tries, then waits that double, and a success resets."""

from __future__ import annotations

import pytest

from oslo_integration.auth import LoginRefused, LoginThrottle, UserFile, authenticate
from oslo_integration.auth.throttle import FREE_ATTEMPTS, MAX_WAIT_SECONDS


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_waits_double_after_the_free_attempts_and_are_capped():
    clock = Clock()
    throttle = LoginThrottle(clock)
    waits = []
    for _ in range(FREE_ATTEMPTS + 12):
        throttle.failed("Kari")
        waits.append(throttle.wait_left("kari "))  # the same person however the name is typed
    assert waits[: FREE_ATTEMPTS - 1] == [0.0] * (FREE_ATTEMPTS - 1)
    assert waits[FREE_ATTEMPTS - 1 : FREE_ATTEMPTS + 2] == [2.0, 4.0, 8.0]
    assert waits[-1] == MAX_WAIT_SECONDS
    clock.now += MAX_WAIT_SECONDS
    assert throttle.wait_left("kari") == 0.0
    assert throttle.wait_left("ola") == 0.0


def test_throttled_user_is_refused_even_with_the_right_password(tmp_path):
    users = UserFile(tmp_path / "brukere.toml")
    users.add("kari", "korrekt-hest-batteri", "bydel", ["Frogner"])
    clock = Clock()
    throttle = LoginThrottle(clock)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(LoginRefused, match="Feil brukernavn"):
            authenticate(users, "kari", "gjetning", throttle)
    with pytest.raises(LoginRefused, match="Vent 2 sekunder"):
        authenticate(users, "kari", "korrekt-hest-batteri", throttle)
    clock.now += 2
    assert authenticate(users, "kari", "korrekt-hest-batteri", throttle).name == "kari"
    assert throttle.wait_left("kari") == 0.0
