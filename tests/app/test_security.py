"""What the security review found, checked through the pages as a visitor or a logged-in user meets them."""

from __future__ import annotations

import polars as pl
from streamlit.testing.v1 import AppTest

from oslo_integration.auth import User, UserFile
from oslo_integration.metrics import public_view
from oslo_integration.store import open_store
from oslo_integration.text.untrusted import WORD_JOINER
from oslo_integration.upload import figures_table, preview_upload
from oslo_integration.vocab import vocabulary
from tests.app.conftest import PASSWORD
from tests.app.test_upload_flow import button, log_in, start
from tests.conftest import ROOT, write_csv
from tests.upload.conftest import frogner_workbook


def test_a_removed_user_loses_their_rights_on_the_next_click(env, tmp_path):
    at = log_in(start(), "kari")
    at.switch_page("views/last_opp.py").run()
    at.file_uploader[0].upload("frogner_2025.xlsx", frogner_workbook(tmp_path / "f.xlsx").read_bytes()).run()
    assert button(at, "Bekreft og importer 1 fil")
    before = open_store().imports().height
    UserFile().remove("kari")  # `bruker remove` while her session is open
    button(at, "Bekreft og importer 1 fil").click().run()
    assert not at.exception, at.exception
    assert open_store().imports().height == before  # nothing imported
    assert not any(b.label.startswith("Bekreft og importer") for b in at.button)
    assert not any("Innlogget" in c.value for c in at.sidebar.caption)  # logged out, the upload page gone


def test_a_demoted_user_has_only_the_new_rights(env, tmp_path):
    at = log_in(start(), "kari")
    UserFile().add("kari", PASSWORD, "bydel", ["Gamle Oslo"])  # moved to another bydel
    at.switch_page("views/last_opp.py").run()
    at.file_uploader[0].upload("frogner_2025.xlsx", frogner_workbook(tmp_path / "f.xlsx").read_bytes()).run()
    assert "Filen kan ikke importeres" in at.error[0].value
    assert any("Innlogget: kari (Gamle Oslo)" in c.value for c in at.sidebar.caption)


def test_a_query_parameter_with_markdown_is_shown_as_text(env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["bydel"] = "[klikk](https://evil.example)"
    at.query_params["aar"] = "![](http://evil.example/x.png)"
    at.run()
    assert not at.exception
    shown = " ".join(i.value for i in at.info)
    shown = shown.replace(WORD_JOINER, "")  # invisible; keeps GFM from linking the address
    assert "\\[klikk\\](https://evil.example)" in shown  # escaped: drawn as the characters it is
    assert "\\!\\[\\](http://evil.example/x.png)" in shown
    assert "https://" not in " ".join(i.value for i in at.info)


def test_anonymous_pages_carry_no_uploader_names(env, tmp_path):
    at = log_in(start(), "kari")
    at.switch_page("views/last_opp.py").run()
    at.file_uploader[0].upload("frogner_2025.xlsx", frogner_workbook(tmp_path / "f.xlsx").read_bytes()).run()
    button(at, "Bekreft og importer 1 fil").click().run()
    for page in ("views/oversikt.py", "views/om_dataene.py"):
        anonymous = start()
        anonymous.switch_page(page).run()
        assert not anonymous.exception
        for frame in anonymous.dataframe:
            text = frame.value.astype(str).to_string()
            assert "kari" not in text and "kommandolinje" not in text, page
            assert "who" not in frame.value.columns and "Av" not in frame.value.columns


def test_a_store_that_cannot_be_reached_gives_a_norwegian_notice(env, monkeypatch):
    monkeypatch.setenv("OSLO_INTEGRATION_DB", "postgresql://nobody:hemmelig@127.0.0.1:1/none")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    assert "databasen svarer ikke" in at.error[0].value
    assert "hemmelig" not in at.error[0].value and "Traceback" not in at.error[0].value


def test_the_preview_never_shows_a_hidden_stored_figure_of_another_bydel(env, tmp_path):
    """Leak 2: «Lagret nå» showed other bydeler's stored, unhidden values when their figures were refused."""
    store = open_store()
    current = store.current()
    public = public_view(current)
    hidden = public.join(current, on=["bydel_nr", "year", "measure", "category"], nulls_equal=True, suffix="_stored").filter(
        (pl.col("status") == "prikket") & (pl.col("status_stored") == "ok") & pl.col("category").is_null()
        & (pl.col("bydel_nr") == "030104")  # St. Hanshaugen's small example figures
    )  # fmt: skip
    assert hidden.height, "the shipped data should have a hidden St. Hanshaugen figure"
    row = hidden.row(0, named=True)
    label = vocabulary().measures[row["measure"]].label_nb
    path = write_csv(tmp_path / "sth.csv", [["Bydel", "År", label], ["St. Hanshaugen", row["year"], 99]])
    ola = User("ola", "bydel", ("030101",))
    preview = preview_upload(path.read_bytes(), "sth.csv", ola, current, store.imports())
    assert not preview.ok  # not ola's bydel
    shown = figures_table(preview)["Lagret nå"].to_list()
    assert len(shown) == 1 and shown[0].startswith("skjult (:)")
    assert str(int(row["value_stored"])) not in " ".join(shown)
