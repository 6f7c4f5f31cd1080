"""Upload through the dashboard as a bydel user would: log in, preview with cells, confirm, see, undo."""

from __future__ import annotations

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from oslo_integration.store import open_store
from tests.app.conftest import PASSWORD, open_tab
from tests.conftest import FIRST_UPLOAD, ROOT
from tests.upload.conftest import frogner_workbook


def start() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["bydel"] = "030105"
    at.query_params["aar"] = "2024"
    return at.run()


def log_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    if "w_login_name" not in at.session_state:  # the form is built when «Logg inn» is opened
        at.session_state["w_login_open"] = True
        at.run()
    at.text_input(key="w_login_name").input(name)
    at.text_input(key="w_login_password").input(password)
    next(b for b in at.button if b.label == "Logg inn").click().run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label.startswith(label))


def housing_row(at: AppTest, bydel: str, year: int) -> dict:
    """The municipal-housing share row of the settlement page's table for one bydel and year."""
    open_tab(at)
    shares = [df.value for df in at.dataframe if "Teller" in df.value.columns]
    for frame in shares[:2]:  # the page's first card: the span table, then every bydel for the year
        rows = frame[(frame["Bydel"] == bydel) & (frame["År"] == year)]
        if len(rows):
            return rows.iloc[0].to_dict()
    raise AssertionError(f"{bydel} {year} not in the housing tables")


def test_anonymous_visitors_cannot_reach_upload_or_undo(env):
    at = start()
    assert not at.exception
    for page in ("views/last_opp.py", "views/logg.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)
    assert len(at.file_uploader) == 0
    for body in (
        "from oslo_integration.ui.upload_page import upload_page\nupload_page()",
        "from oslo_integration.ui.log_page import log_page\nlog_page()",
    ):
        direct = AppTest.from_string(body, default_timeout=60).run()  # the page itself checks too
        assert "bare for innloggede brukere" in direct.warning[0].value
        assert len(direct.file_uploader) == 0 and len(direct.button) == 0


def test_wrong_password_is_refused_and_upload_stays_hidden(env):
    at = log_in(start(), "kari", "feil-passord")
    assert at.error[0].value == "Feil brukernavn eller passord."
    with pytest.raises(ValueError):
        at.switch_page("views/last_opp.py")


def test_upload_preview_confirm_show_and_undo(env, tmp_path):
    at = log_in(start(), "kari")
    assert any("Innlogget: kari (Frogner)" in c.value for c in at.sidebar.caption)
    at.switch_page("views/bosetting.py").run()
    assert housing_row(at, "Frogner", 2024)["Teller"] == "50"

    at.switch_page("views/last_opp.py").run()
    data = frogner_workbook(tmp_path / "frogner_2025.xlsx").read_bytes()
    at.file_uploader[0].upload("frogner_2025.xlsx", data).run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Klar til import: 4 tall – 2 nye, 1 endrer tall som er lagret nå, 1 er som lagret")
    preview = next(d.value for d in at.dataframe if "Celle" in d.value.columns)
    as_rows = {(r["Celle"], r["Verdi"], r["Endring"], r["Lagret nå"]) for r in preview.to_dict("records")}
    assert ("B4", "52", "Endrer lagret tall", "50") in as_rows
    assert ("C4", "41", "Nytt tall", "") in as_rows and ("C5", "22", "Nytt tall", "") in as_rows
    assert ("B5", "30", "Som lagret", "30") in as_rows

    button(at, "Bekreft og importer 1 fil").click().run()
    assert not at.exception, at.exception
    assert f"frogner_2025.xlsx: importert som import {FIRST_UPLOAD} (4 tall" in at.success[0].value
    assert len(at.file_uploader) == 1 and at.file_uploader[0].value in (None, [])  # a fresh uploader for the next file

    at.switch_page("views/bosetting.py").run()
    row = housing_row(at, "Frogner", 2024)
    assert row["Teller"] == "52" and "frogner_2025.xlsx B4" in row["Kilde (fil og celle)"]

    at.switch_page("views/logg.py").run()
    log = next(d.value for d in at.dataframe if "SHA-256" in d.value.columns)
    assert log.iloc[0]["Hvem"] == "kari" and log.iloc[0]["Fil"] == "frogner_2025.xlsx" and len(log.iloc[0]["SHA-256"]) == 64
    shipped = open_store().imports().filter(pl.col("id") < FIRST_UPLOAD)
    with_frogner = {i for i, b in zip(shipped["id"], shipped["bydeler"], strict=True) if "030105" in (b or "")}
    assert set(log["Import"]) == with_frogner | {FIRST_UPLOAD}  # published series, the case, the upload
    assert at.selectbox(key="w_undo_choice").options == [
        f"Import {FIRST_UPLOAD}: frogner_2025.xlsx (4 tall, kari, " + log.iloc[0]["Tidspunkt"].strftime("%d.%m.%Y %H:%M") + ")"
    ]
    button(at, "Angre denne importen").click().run()
    assert any(f"Vil du angre Import {FIRST_UPLOAD}" in w.value for w in at.warning)  # asks first
    button(at, "Avbryt").click().run()
    assert not any("Vil du angre" in w.value for w in at.warning)
    button(at, "Angre denne importen").click().run()
    button(at, "Ja, angre importen").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith(
        f"Import {FIRST_UPLOAD} (frogner_2025.xlsx) er angret: 2 eldre tall er tilbake, 2 er fjernet."
    )

    at.switch_page("views/bosetting.py").run()
    row = housing_row(at, "Frogner", 2024)
    assert row["Teller"] == "50" and "frogner_bosetting_2022_2024.xlsx D6" in row["Kilde (fil og celle)"]


def test_a_bydel_user_cannot_import_or_undo_another_bydels_figures(env, tmp_path):
    at = log_in(start(), "kari")
    at.switch_page("views/last_opp.py").run()
    at.file_uploader[0].upload("frogner_2025.xlsx", frogner_workbook(tmp_path / "f.xlsx").read_bytes()).run()
    button(at, "Bekreft og importer 1 fil").click().run()
    button(at, "Logg ut").click().run()

    at = log_in(start(), "ola")
    at.switch_page("views/last_opp.py").run()
    at.file_uploader[0].upload("frogner_2025.xlsx", frogner_workbook(tmp_path / "g.xlsx", kommunal_2024=60).read_bytes()).run()
    assert "Filen kan ikke importeres" in at.error[0].value
    problems = next(d.value for d in at.dataframe if "Melding" in d.value.columns)
    assert problems.iloc[0]["Celle"] == "B4" and "ola kan bare legge inn tall for Gamle Oslo" in problems.iloc[0]["Melding"]
    assert button(at, "Bekreft og importer 0 fil").disabled

    at.switch_page("views/logg.py").run()
    log = next(d.value for d in at.dataframe if "SHA-256" in d.value.columns)
    assert 4 not in set(log["Import"])  # kari's Frogner upload is not in Gamle Oslo's log
    assert len(at.selectbox) == 0 or "w_undo_choice" not in [s.key for s in at.selectbox]
    assert "Du har ingen opplastinger som kan angres." in [c.value for c in at.caption]


def test_a_logged_in_bydel_sees_its_own_small_figures_others_stay_hidden(env):
    at = start()
    at.switch_page("views/bosetting.py").run()
    public = {b: housing_row(at, b, 2024)["Status"] for b in ("St. Hanshaugen", "Ullern")}
    assert public == {"St. Hanshaugen": "skjult (få personer)", "Ullern": "skjult (få personer)"}
    at = log_in(start(), "hanne")
    at.switch_page("views/bosetting.py").run()
    assert housing_row(at, "St. Hanshaugen", 2024)["Status"] == "ok"
    assert housing_row(at, "Ullern", 2024)["Status"] == "skjult (få personer)"
    assert any("ser bydelens egne tall uten prikking" in i.value for i in at.info)
