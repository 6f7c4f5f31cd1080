"""Failed log-ins are slowed down: free tries, then waits that double; counted before the check, shared by replicas."""

from __future__ import annotations

import threading
import time

import pytest

from oslo_integration.auth import LoginRefused, LoginThrottle, StoreThrottle, UserFile, authenticate
from oslo_integration.auth import login as login_module
from oslo_integration.auth.throttle import FREE_ATTEMPTS, FREE_ATTEMPTS_PER_ADDRESS, MAX_WAIT_SECONDS, wait_for

PASSWORD = "korrekt-hest-batteri"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_waits_double_after_the_free_attempts_and_are_capped():
    waits = [wait_for(n, 1000.0, 1000.0, FREE_ATTEMPTS) for n in range(1, FREE_ATTEMPTS + 13)]
    assert waits[: FREE_ATTEMPTS - 1] == [0.0] * (FREE_ATTEMPTS - 1)
    assert waits[FREE_ATTEMPTS - 1 : FREE_ATTEMPTS + 2] == [2.0, 4.0, 8.0]
    assert waits[-1] == MAX_WAIT_SECONDS
    assert wait_for(20, 1000.0, 1000.0 + MAX_WAIT_SECONDS, FREE_ATTEMPTS) == 0.0


@pytest.fixture
def users(tmp_path) -> UserFile:
    users = UserFile(tmp_path / "brukere.toml")
    users.add("kari", PASSWORD, "bydel", ["Frogner"])
    return users


def test_throttled_user_is_refused_even_with_the_right_password(users):
    clock = Clock()
    throttle = LoginThrottle(clock)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(LoginRefused, match="Feil brukernavn"):
            authenticate(users, "kari", "gjetning", throttle)
    with pytest.raises(LoginRefused, match="Vent 2 sekunder"):
        authenticate(users, "Kari ", PASSWORD, throttle)  # the same person however the name is typed
    clock.now += 2
    assert authenticate(users, "kari", PASSWORD, throttle).name == "kari"
    assert throttle.wait_left("kari") == 0.0


def test_unknown_names_are_throttled_per_name_and_per_address(users):
    clock = Clock()
    throttle = LoginThrottle(clock)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(LoginRefused, match="Feil brukernavn"):
            authenticate(users, "finnes-ikke", "x", throttle)
    with pytest.raises(LoginRefused, match="Vent"):
        authenticate(users, "finnes-ikke", "x", throttle)
    # a new name each time is stopped by the address
    for i in range(FREE_ATTEMPTS_PER_ADDRESS):
        with pytest.raises(LoginRefused, match="Feil brukernavn"):
            authenticate(users, f"ny{i}", "x", throttle, "203.0.113.7")
    with pytest.raises(LoginRefused, match="Vent"):
        authenticate(users, "enda-en-ny", "x", throttle, "203.0.113.7")
    assert authenticate(users, "kari", PASSWORD, throttle, "198.51.100.1").name == "kari"  # another address is free


def test_eight_wrong_passwords_at_once_reach_the_check_at_most_three_times(users, store, monkeypatch):
    """The race: eight attempts sent together. Counted before the check, in the store: at most the free three get through."""
    checks = []
    real = login_module.verify_password

    def slow_verify(stored, password):
        checks.append(password)
        time.sleep(0.2)  # all eight are in flight before the first finishes
        return real(stored, password)

    monkeypatch.setattr(login_module, "verify_password", slow_verify)
    throttle = StoreThrottle(store)
    answers: list[str] = []
    barrier = threading.Barrier(8)

    def attempt(i: int) -> None:
        barrier.wait()
        try:
            authenticate(users, "kari", f"gjetning{i}", throttle, "192.0.2.1")
        except LoginRefused as exc:
            answers.append(str(exc))

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(answers) == 8
    assert len(checks) <= FREE_ATTEMPTS
    assert sum("Vent" in a for a in answers) >= 8 - FREE_ATTEMPTS


def test_store_throttle_is_shared_by_replicas(users, store_location):
    """Two processes' stores on one location: what one counts, the other refuses."""
    from oslo_integration.store import connect

    first, second = StoreThrottle(connect(store_location)), StoreThrottle(connect(store_location))
    for _ in range(FREE_ATTEMPTS):
        assert first.reserve("kari") == 0.0
    assert second.reserve("kari") > 0
    second.succeeded("kari")
    assert first.reserve("kari") == 0.0


def test_the_throttle_table_stays_bounded(store, monkeypatch):
    import oslo_integration.store.sql_store as sql_store

    monkeypatch.setattr(sql_store, "MAX_LOGIN_KEYS", 20)
    throttle = StoreThrottle(store)
    for i in range(60):
        throttle.reserve(f"navn{i}")
    with store.transaction() as con:
        assert store._execute(con, "SELECT count(*) FROM login_attempts")[0][0] <= 20


def test_argon2_checks_are_bounded_by_a_semaphore(users, monkeypatch):
    running, peak = [0], [0]
    lock = threading.Lock()
    real = login_module.verify_password

    def counting_verify(stored, password):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        try:
            return real(stored, password)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(login_module, "verify_password", counting_verify)
    throttle = LoginThrottle()
    threads = [
        threading.Thread(target=lambda i=i: pytest.raises(LoginRefused, authenticate, users, f"u{i}", "x", throttle))
        for i in range(12)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert peak[0] <= login_module.MAX_PARALLEL_CHECKS
