"""AppTest as the server runs after its first request (see benchmarks/apptest.py for why)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import navigation_mode


@pytest.fixture(autouse=True)
def _navigation_mode():
    with navigation_mode():
        yield


def open_tab(at: AppTest, label: str = "Tabell") -> AppTest:
    """Cards build only their open tab; open `label` in every card, as a user clicking «Tabell» would."""
    for tabs_key in [k for k in at.session_state.keys() if str(k).startswith("tab_")]:  # noqa: SIM118 (no __iter__)
        at.session_state[tabs_key] = label
    return at.run()
