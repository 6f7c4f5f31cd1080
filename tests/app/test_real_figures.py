"""Real figures lead: on the transition page for a programme year with real bydel figures, everything is real."""

from __future__ import annotations

import io

import polars as pl
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from tests.app.conftest import open_tab
from tests.conftest import ROOT

SSB_CARD = "Andel i arbeid eller utdanning ett år etter (SSB, fra antall)"


def _open(page: str, year: int = 2013) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"bydel": "030101", "aar": str(year), "fra": "2010", "til": str(year)})
    at.run()
    return at.switch_page(page).run()


def _chart_rows(at: AppTest, title: str) -> pl.DataFrame:
    """Every row of data behind the bar chart described as `title` (decoded from the Arrow the browser gets).

    On screen a chart's own title is short (the card's heading names the measure); its description,
    the text alternative, names both the measure and the year."""
    import json

    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        if title in spec.get("description", "") and chart.proto.datasets:
            tables = [pa.ipc.open_stream(io.BytesIO(d.data.data)).read_all() for d in chart.proto.datasets]
            return pl.concat([pl.from_arrow(t) for t in tables], how="diagonal_relaxed")
    raise AssertionError(f"no chart titled {title}")


def test_transition_page_for_a_real_programme_year_shows_only_real_figures(env):
    at = _open("views/overgang.py")
    assert not at.exception, at.exception
    bars = _chart_rows(at, SSB_CARD + ", 2013")
    text = " ".join(str(v) for col in bars.columns if bars[col].dtype == pl.String for v in bars[col].drop_nulls().to_list())
    assert "eksempel" not in text.lower()  # no bar, label or reference marked as example
    open_tab(at)
    year_table = next(
        df.value for df in at.dataframe if "Teller" in df.value.columns and (df.value["År"] == 2013).all() and len(df.value) > 10
        and df.value["Kilde (fil og celle)"].astype(str).str.contains("imdikator").any()
    )  # fmt: skip
    assert set(year_table["Type"]) == {"ekte"}
    shown = year_table[year_table["Status"] == "ok"]
    assert {"Oslo i alt", "Hele landet"} <= set(shown["Bydel"])
    assert len(shown) - 2 == 13  # 13 bydeler with a published figure for the 2013 cohort (SSB 10824)
    gamle_oslo = shown[shown["Bydel"] == "Gamle Oslo"].iloc[0]
    assert (gamle_oslo["Teller"], gamle_oslo["Nevner"]) == ("13", "21")


def test_verdicts_for_a_real_year_compare_real_with_real(env):
    at = _open("views/oversikt.py")
    assert not at.exception, at.exception
    verdicts = [m.value for m in at.markdown if "Oslo i alt" in m.value]
    assert any(v.startswith("13 av 21 (62\u00a0%) var i arbeid eller utdanning i november året etter") for v in verdicts), (
        verdicts
    )
    assert not any("eksempel" in v for v in verdicts)
