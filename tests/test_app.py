"""The dashboard starts on the shipped data and shows Frogner's real figures with their source cell."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def test_app_starts_and_shows_frogner(db_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert any("eksempeldata" in w.value for w in at.warning)
    table = at.dataframe[0].value
    row = table[(table["År"] == 2022) & (table["Kategori"] == "kommunal_bolig")]
    assert row["Verdi"].tolist() == [94.0]
    assert row["Kilde (fil og celle)"].tolist() == ["frogner_bosetting_2022_2024.xlsx B6"]
