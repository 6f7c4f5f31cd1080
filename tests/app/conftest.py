"""AppTest as the server runs after its first request (see benchmarks/apptest.py for why)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import navigation_mode
from oslo_integration.auth import UserFile

PASSWORD = "korrekt-hest-batteri"


@pytest.fixture(scope="session")
def users_template(tmp_path_factory) -> Path:
    """kari (Frogner), ola (Gamle Oslo), hanne (St. Hanshaugen): hashed once per test process (argon2 takes 0.15 s each)."""
    path = tmp_path_factory.mktemp("brukere") / "brukere.toml"
    users = UserFile(path)
    users.add("kari", PASSWORD, "bydel", ["Frogner"])
    users.add("ola", PASSWORD, "bydel", ["Gamle Oslo"])
    users.add("hanne", PASSWORD, "bydel", ["St. Hanshaugen"])
    return path


@pytest.fixture
def env(shipped_template, users_template, tmp_path, monkeypatch):
    """A store and a user file of the test's own, with the users of `users_template`."""
    monkeypatch.setenv("OSLO_INTEGRATION_DB", str(shutil.copy(shipped_template, tmp_path / "s.duckdb")))
    monkeypatch.setenv("OSLO_INTEGRATION_USERS", str(shutil.copy(users_template, tmp_path / "brukere.toml")))
    return tmp_path


@pytest.fixture(autouse=True)
def _navigation_mode():
    with navigation_mode():
        yield


def open_tab(at: AppTest, label: str = "Tabell") -> AppTest:
    """Cards build only their open tab; open `label` in every card, as a user clicking «Tabell» would."""
    for tabs_key in [k for k in at.session_state.keys() if str(k).startswith("tab_")]:  # noqa: SIM118 (no __iter__)
        at.session_state[tabs_key] = label
    return at.run()
