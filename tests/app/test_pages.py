"""Every page through AppTest: no exception, Frogner's real figures where they belong, URL state."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import open_tab
from tests.conftest import ROOT

PAGES = [
    "views/oversikt.py",
    "views/bosetting.py",
    "views/landbakgrunn.py",
    "views/intro.py",
    "views/overgang.py",
    "views/kart.py",
    "views/om_dataene.py",
]


@pytest.fixture(scope="module")
def db(shipped_template, tmp_path_factory):
    import os
    import shutil

    path = Path(shutil.copy(shipped_template, tmp_path_factory.mktemp("app") / "s.duckdb"))
    old = os.environ.get("OSLO_INTEGRATION_DB")
    os.environ["OSLO_INTEGRATION_DB"] = str(path)
    yield path
    if old is None:
        os.environ.pop("OSLO_INTEGRATION_DB")
    else:
        os.environ["OSLO_INTEGRATION_DB"] = old


def app(db, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def texts(at: AppTest) -> str:
    parts = (
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [w.value for w in at.warning]
        + [i.value for i in at.info]
    )
    return "\n".join(str(p) for p in parts)


def frames(at: AppTest) -> list:
    return [d.value for d in at.dataframe]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(db, page):
    at = app(db, bydel="030105", aar="2024")
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


def test_overview_shows_frogner_2024_work_at_programme_end(db):
    at = app(db, bydel="Frogner", aar="2024")
    assert "16 av 57 (28\u00a0%) var i arbeid ved avslutning." in texts(at)
    metric = next(m for m in at.metric if m.label.startswith("Andel i arbeid ved endt"))
    assert metric.value == "28,1\u00a0%"
    assert "eksempeldata" in texts(at)  # the banner: other bydeler's figures are example data


def test_settlement_page_shows_94_in_municipal_housing_2022(db):
    at = app(db, bydel="030105", aar="2022", fra="2022", til="2024")
    at.switch_page("views/bosetting.py").run()
    assert not at.exception
    open_tab(at)
    found = False
    for df in frames(at):
        cols = [c for c in df.columns if c.startswith("Teller")]
        if cols and "Bydel" in df.columns:
            rows = df[(df["Bydel"] == "Frogner") & (df["År"] == 2022)]
            if len(rows) and rows[cols[0]].tolist() == ["94"] and rows["Nevner"].tolist() == ["185"]:
                found = True
                assert rows["Type"].tolist() == ["ekte"]
    assert found, "94 of 185 (2022) is in the municipal-housing card's table"


def test_transition_page_shows_16_of_57(db):
    at = app(db, bydel="030105", aar="2024")
    at.switch_page("views/overgang.py").run()
    assert "Frogner: 28,1\u00a0%" in texts(at)  # the chart's text alternative, on the tab that opens first
    open_tab(at)
    hits = [
        df
        for df in frames(at)
        if "Teller" in df.columns and ((df["Bydel"] == "Frogner") & (df["År"] == 2024) & (df["Teller"] == "16")).any()
    ]
    assert hits and (hits[0][(hits[0]["Bydel"] == "Frogner") & (hits[0]["År"] == 2024)]["Nevner"] == "57").all()


def test_query_parameters_reproduce_a_view(db):
    at = app(db, bydel="030101,030105", aar="2023", fra="2022", til="2024", lang="en")
    view = at.session_state["view"]
    assert view.bydeler == ("030101", "030105") and view.year == 2023 and (view.year_from, view.year_to) == (2022, 2024)
    assert view.lang == "en"
    assert at.multiselect[0].value == ["030101", "030105"]
    assert at.query_params["bydel"] == ["030101,030105"] or at.query_params["bydel"] == "030101,030105"
    assert at.title[0].value == "Overview"


def test_group_parameter_selects_its_bydeler(db):
    at = app(db, bydel="indre_ost")
    assert at.session_state["view"].bydeler == ("030101", "030102", "030103")


def test_selection_survives_a_page_switch(db):
    at = app(db, bydel="030105", aar="2024")
    at.multiselect[0].set_value(["030105", "030112"]).run()
    at.switch_page("views/landbakgrunn.py").run()
    assert not at.exception
    assert at.session_state["view"].bydeler == ("030105", "030112")
    assert at.multiselect[0].value == ["030105", "030112"]


@pytest.mark.parametrize(("name", "value"), [("bydel", "Atlantis"), ("aar", "1899"), ("indikator", "tull"), ("fra", "abc")])
def test_bad_parameter_gives_a_gentle_notice_and_falls_back(db, name, value):
    at = app(db, **{name: value})
    assert not at.exception
    assert any("ugyldig verdi" in i.value for i in at.info)
    assert at.session_state["view"].bydel == "030105"


def test_example_switch_hides_example_figures(db):
    at = app(db, bydel="030112", aar="2024", eksempel="0")
    assert not at.exception
    assert not any("eksempeldata" in w.value for w in at.warning)
    assert "Ingen tall" in texts(at)  # Alna has no real figures


def test_english_toggle(db):
    at = app(db, bydel="030105", aar="2024")
    at.toggle[0].set_value(True).run()
    assert "16 of 57 (28%) were in work when the programme ended." in texts(at)


def test_cards_offer_downloads_and_overview_offers_the_case_document(db):
    at = app(db, bydel="030105", aar="2024")
    assert any("sak til orientering" in b.label for b in at.get("download_button"))
    at.switch_page("views/overgang.py").run()
    assert not at.get("download_button")  # built only when the «Last ned» menu is opened
    for menu in [k for k in at.session_state.keys() if str(k).startswith("dl_") and str(k) != "dl_case"]:  # noqa: SIM118
        at.session_state[menu] = True
    at.run()
    labels = [b.label for b in at.get("download_button")]
    for kind in ("CSV (Excel)", "CSV", "XLSX", "PNG", "SVG"):
        assert labels.count(kind) >= 4, (kind, labels)  # one of each on every card of the page


def test_the_year_control_offers_only_years_with_figures_for_the_page(db):
    """Landbakgrunn offers the years its cards have figures for; 2010, with figures only on other pages, is not offered."""
    from oslo_integration.page_cards import CARDS, years_with_figures
    from oslo_integration.ui import data

    at = app(db, bydel="030105", aar="2024")
    at.switch_page("views/landbakgrunn.py").run()
    assert not at.exception, at.exception
    offered = list(at.select_slider(key="w_year").options)
    version = data.data_version()
    names = [i for card in CARDS["landbakgrunn"] for i in card if i]
    expected = years_with_figures(data.indicator_frame(version, True, n) for n in names)
    assert [int(y) for y in offered] == expected
    assert "2010" not in offered and "2024" in offered


def test_about_page_offers_every_figure_with_the_data_version(db, tmp_path, monkeypatch):
    from oslo_integration.ui import data, published

    at = app(db)
    at.switch_page("views/om_dataene.py").run()
    assert not at.exception, at.exception
    version = data.data_version()
    ident = published.data_version_id(version)
    assert any(f"Datagrunnlag versjon {ident}" in c.value for c in at.caption)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Last ned alle tall (zip)" in labels
    assert version in published._started  # the run started writing static/data for this version
    # what it writes (into a folder of this test's own: static/data is shared by every test worker's servers)
    monkeypatch.setattr(published, "STATIC_DATA", tmp_path / "data")
    assert published.publish_static.__wrapped__(version)  # (once per version in a process: the cache is passed by)
    for name in ("tall.csv", "tall.parquet", "datapackage.json", "README.txt"):  # served at /app/static/data/…
        assert (published.STATIC_DATA / name).exists()
    assert ident in (published.STATIC_DATA / "README.txt").read_text(encoding="utf-8")


def test_a_link_opens_a_cards_tab_and_count_view(db):
    """?tab_<card>=Tabell&vis_<card>=Antall opens that card on its table, showing counts; other cards keep their chart."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("views/bosetting.py")  # a link straight to /bosetting?…
    at.query_params.update(
        {"bydel": "030105", "aar": "2024", "tab_andel_kommunal_bolig": "Tabell", "vis_andel_kommunal_bolig": "Antall"}
    )
    at.run()
    assert not at.exception, at.exception
    assert at.segmented_control(key="vis_andel_kommunal_bolig").value == "Antall"
    assert at.session_state["tab_andel_kommunal_bolig"] == "Tabell"
    assert at.session_state["tab_bosatt"] == "Graf"
    tables = [df.value for df in at.dataframe]
    assert any("Frogner" in set(t.iloc[:, 0]) and "Verdi" in t.columns for t in tables)
    at.switch_page("views/overgang.py").run()  # another page keeps the selection
    at.switch_page("views/bosetting.py").run()
    assert at.session_state["view"].bydeler == ("030105",) and at.session_state["view"].year == 2024


def test_one_card_at_its_own_address(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("views/kort.py")
    at.query_params.update({"indikator": "andel_kommunal_bolig", "bydel": "030105", "aar": "2024", "fane": "tabell"})
    at.run()
    assert not at.exception, at.exception
    assert "w_bydeler" not in at.session_state  # no menu: the view comes from the address
    assert [h.value for h in at.subheader] == ["Andel bosatt i kommunal bolig"]
    assert any("Frogner" in set(df.value.iloc[:, 0]) for df in at.dataframe)  # the table the embed code asked for
    assert any("Datagrunnlag versjon" in c.value and "Kilde: " in c.value for c in at.caption)


def test_changing_each_control_writes_it_to_the_link(db):
    at = app(db)
    at.switch_page("views/kart.py").run()
    assert "aar" not in at.query_params and "bydel" not in at.query_params  # the defaults are not written
    at.select_slider(key="w_year").set_value(2016).run()
    assert at.query_params["aar"] in ("2016", ["2016"])
    at.selectbox(key="w_indicator").set_value("bosatt").run()
    assert at.query_params["indikator"] in ("bosatt", ["bosatt"])
    at.toggle(key="w_example").set_value(False).run()
    assert at.query_params["eksempel"] in ("0", ["0"])
    at.toggle(key="w_lang").set_value(True).run()
    assert at.query_params["lang"] in ("en", ["en"])
    at.multiselect(key="w_bydeler").set_value(["030101"]).run()
    assert at.query_params["bydel"] in ("030101", ["030101"])
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    again.switch_page("views/kart.py")
    again.query_params.update({k: (v[0] if isinstance(v, list) else v) for k, v in dict(at.query_params).items()})
    again.run()  # the link opens exactly that view
    view = again.session_state["view"]
    assert (view.year, view.indicator, view.show_example, view.lang, view.bydeler) == (2016, "bosatt", False, "en", ("030101",))


def test_a_bad_tab_in_the_link_gives_the_notice_and_the_default(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("views/bosetting.py")
    at.query_params.update({"tab_bosatt": "Sirkus"})
    at.run()
    assert not at.exception, at.exception
    assert any("Sirkus" in i.value for i in at.info)
    assert at.session_state["tab_bosatt"] == "Graf"
