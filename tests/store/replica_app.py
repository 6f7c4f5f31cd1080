"""A second app process for the replica test: logs in and uploads a workbook through the real pages.

Run as `python -m tests.store.replica_app WORKBOOK` with OSLO_INTEGRATION_DB and OSLO_INTEGRATION_USERS set.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.apptest import navigation_mode

ROOT = Path(__file__).resolve().parents[2]


def upload(workbook: Path, user: str, password: str) -> str:
    with navigation_mode():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["bydel"] = "030105"
        at.run()
        at.session_state["w_login_open"] = True
        at.run()
        at.text_input(key="w_login_name").input(user)
        at.text_input(key="w_login_password").input(password)
        next(b for b in at.button if b.label == "Logg inn").click().run()
        at.switch_page("views/last_opp.py").run()
        at.file_uploader[0].upload(workbook.name, workbook.read_bytes()).run()
        next(b for b in at.button if b.label.startswith("Bekreft og importer")).click().run()
        if at.exception:
            raise SystemExit(str(at.exception))
        return at.success[0].value


if __name__ == "__main__":
    print(upload(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
