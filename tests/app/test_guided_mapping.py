"""An unknown label is a question, not a dead end: pick its meaning, import, and the next file reads without asking."""

from __future__ import annotations

import io

import polars as pl
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from oslo_integration.auth import UserFile
from oslo_integration.store import open_store
from oslo_integration.ui.upload_page import _pick_key
from tests.app.conftest import PASSWORD
from tests.app.test_upload_flow import button, log_in, start

LABEL = "Talet på nyleg busette flyktningar"  # Nynorsk the shipped vocabulary does not have


def frogner_file(year: int, value: int) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Frogner"
    for row in (["Bydel Frogner"], [None, year], [LABEL, value]):
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def pickers(at: AppTest) -> list:
    return [s for s in at.selectbox if str(s.key).startswith("w_map_")]


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.switch_page("views/last_opp.py").run()
    at.file_uploader[0].upload(name, data).run()
    assert not at.exception, at.exception
    return at


def test_pick_a_meaning_import_and_the_next_file_reads_without_asking_until_an_admin_removes_it(env):
    UserFile(env / "brukere.toml").add("anne", PASSWORD, "admin", [])
    at = log_in(start(), "kari")

    upload(at, "frogner_2026.xlsx", frogner_file(2026, 17))
    [picker] = pickers(at)
    assert picker.key == _pick_key(LABEL, "rad")
    assert any(LABEL in m.value for m in at.markdown)
    assert picker.value == "measure:bosatt"  # pre-filled with the best suggestion
    picker.set_value("ignore").run()  # the preview follows the pick
    assert not at.exception, at.exception
    assert any("Fant ingen tall" in str(df.value.to_dict()) for df in at.dataframe)
    pickers(at)[0].set_value("measure:bosatt").run()
    assert not at.exception, at.exception
    assert any(s.value.startswith("Klar til import: 1 tall") for s in at.success), [s.value for s in at.success]
    button(at, "Bekreft og importer").click().run()
    assert not at.exception, at.exception

    store = open_store()
    stored = store.synonyms()
    assert stored.select("label", "measure", "created_by", "source_file").rows() == [
        (LABEL, "bosatt", "kari", "frogner_2026.xlsx")
    ]
    figure = store.current().filter((pl.col("year") == 2026) & (pl.col("bydel_nr") == "030105"))
    assert figure.select("measure", "value", "cell").rows() == [("bosatt", 17.0, "B3")]

    upload(at, "frogner_2027.xlsx", frogner_file(2027, 21))  # same label: no question this time
    assert pickers(at) == []
    assert any(s.value.startswith("Klar til import: 1 tall") for s in at.success)
    button(at, "Bekreft og importer").click().run()
    assert store.current().filter(pl.col("year") == 2027)["value"].to_list() == [21.0]

    at.switch_page("views/om_dataene.py").run()
    assert not at.exception, at.exception
    assert any(LABEL in str(df.value.to_dict()) for df in at.dataframe)

    admin = log_in(start(), "anne")
    admin.switch_page("views/logg.py").run()
    assert not admin.exception, admin.exception
    admin.selectbox(key="w_synonym_remove_choice").set_value(int(stored["id"][0])).run()
    button(admin, "Fjern synonymet").click().run()
    assert not admin.exception, admin.exception
    assert open_store().active_synonyms() == ()
    # figures already imported with it stay; the next file asks again
    assert store.current().filter(pl.col("year").is_in([2026, 2027])).height == 2
    at = log_in(start(), "kari")
    upload(at, "frogner_2025.xlsx", frogner_file(2025, 5))
    assert len(pickers(at)) == 1


def test_several_files_at_once_are_read_side_by_side_and_one_pick_serves_them_all(env):
    """Files not read yet are read two at a time (upload_page._previews); each keeps its own figures and the order."""
    at = log_in(start(), "kari")
    at.switch_page("views/last_opp.py").run()
    files = [
        (f"frogner_{year}.xlsx", frogner_file(year, value), "application/octet-stream")
        for year, value in ((2026, 17), (2027, 21))
    ]
    at.file_uploader[0].set_value(files).run()
    assert not at.exception, at.exception
    [picker] = pickers(at)  # the label both files share is asked once
    assert picker.value == "measure:bosatt"
    where = next(m.value for m in at.markdown if LABEL in m.value)
    assert "frogner_2026.xlsx" in where and "frogner_2027.xlsx" in where
    button(at, "Bekreft og importer").click().run()
    assert not at.exception, at.exception
    figures = open_store().current().filter(pl.col("year") >= 2026).sort("year")
    assert figures.select("year", "value", "source_file").rows() == [
        (2026, 17.0, "frogner_2026.xlsx"),
        (2027, 21.0, "frogner_2027.xlsx"),
    ]
