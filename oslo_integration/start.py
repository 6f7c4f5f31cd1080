"""`python -m oslo_integration start [Streamlit's options]`: the dashboard's server, warmed up as it starts.

The same as `streamlit run app.py` with the same options and .streamlit/config.toml, plus the warm-up
(ui/warm_up.py), so the first visitor after a start or a restart is not the one who waits for it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from .paths import PROJECT_ROOT

APP = PROJECT_ROOT / "app.py"
WAIT_FOR_SERVER_S = 120.0


def streamlit_args(options: Sequence[str]) -> list[str]:
    return ["run", str(APP), *options]


def runtime_running(timeout_s: float = WAIT_FOR_SERVER_S) -> bool:
    """Whether Streamlit's runtime came up within `timeout_s`: the warm-up waits for it, so the server's
    own start (its imports, opening its port) is neither slowed nor raced by the warm-up's."""
    from streamlit.runtime import Runtime, RuntimeState

    running = {RuntimeState.NO_SESSIONS_CONNECTED, RuntimeState.ONE_OR_MORE_SESSIONS_CONNECTED}
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if Runtime.exists() and Runtime.instance().state in running:
            return True
        time.sleep(0.05)
    return False


def main(options: Sequence[str]) -> int:
    from streamlit.web import cli

    from .ui.warm_up import start_warm_up

    start_warm_up(after=runtime_running)
    return cli.main(streamlit_args(options), prog_name="streamlit")
