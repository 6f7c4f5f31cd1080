"""The preview: every figure with its cell, new/changed/unchanged against the store, nothing written."""

from __future__ import annotations

import pytest

from oslo_integration.store import StoreError
from oslo_integration.upload import RightsRefused, figures_table, import_previews, preview_upload, undo_import
from tests.store.test_concurrency import file_bytes
from tests.upload.conftest import ADMIN, FROGNER, GAMLE_OSLO, frogner_workbook


def test_preview_shows_figures_with_cells_and_what_changes(shipped, tmp_path):
    data = frogner_workbook(tmp_path / "frogner_2025.xlsx").read_bytes()
    before = file_bytes(shipped.path)
    preview = preview_upload(data, "frogner_2025.xlsx", FROGNER, shipped.current(), shipped.imports())
    assert preview.ok and preview.problems == []
    assert preview.counts() == {"ny": 2, "endret": 1, "uendret": 1}
    table = figures_table(preview).to_dicts()
    changed = next(r for r in table if r["Endring"] == "Endrer lagret tall")
    assert changed | {} == changed | {
        "Bydel": "Frogner",
        "År": 2024,
        "Verdi": "52",
        "Lagret nå": "50",
        "Ark": "Bolig",
        "Celle": "B4",
    }
    assert {(r["Celle"], r["Verdi"]) for r in table if r["Endring"] == "Nytt tall"} == {("C4", "41"), ("C5", "22")}
    assert file_bytes(shipped.path) == before  # a preview writes nothing


def test_the_shipped_case_workbook_is_recognised_as_already_imported(shipped):
    from tests.conftest import DATA

    data = (DATA / "bydeler" / "frogner_bosetting_2022_2024.xlsx").read_bytes()
    preview = preview_upload(data, "frogner_bosetting_2022_2024.xlsx", FROGNER, shipped.current(), shipped.imports())
    assert preview.already_imported is not None
    assert preview.counts() == {"ny": 0, "endret": 0, "uendret": 24}


def test_another_bydels_figures_refuse_the_file_and_store_nothing(shipped, tmp_path):
    data = frogner_workbook(tmp_path / "frogner_2025.xlsx").read_bytes()
    before = file_bytes(shipped.path)
    preview = preview_upload(data, "frogner_2025.xlsx", GAMLE_OSLO, shipped.current(), shipped.imports())
    assert not preview.ok
    assert [(p.sheet, p.cell) for p in preview.problems] == [("Bolig", "B4")]
    assert "ola kan bare legge inn tall for Gamle Oslo" in preview.problems[0].message
    assert import_previews(shipped, [preview], GAMLE_OSLO) == []  # a refused file is never imported
    assert file_bytes(shipped.path) == before


def test_rights_are_checked_again_when_importing(shipped, tmp_path):
    data = frogner_workbook(tmp_path / "frogner_2025.xlsx").read_bytes()
    preview = preview_upload(data, "frogner_2025.xlsx", FROGNER, shipped.current(), shipped.imports())
    before = file_bytes(shipped.path)
    [result] = import_previews(shipped, [preview], GAMLE_OSLO)  # a preview made for someone else
    assert isinstance(result, RightsRefused)
    assert file_bytes(shipped.path) == before


def test_import_then_undo_by_own_bydel_but_not_by_another(shipped, tmp_path):
    data = frogner_workbook(tmp_path / "frogner_2025.xlsx").read_bytes()
    preview = preview_upload(data, "frogner_2025.xlsx", FROGNER, shipped.current(), shipped.imports())
    seen = []
    [result] = import_previews(shipped, [preview], FROGNER, lambda done, total, name: seen.append((done, total)))
    assert result.created and result.rows == 4 and seen == [(0, 1), (1, 1)]
    row = shipped.imports().filter(id=result.import_id).row(0, named=True)
    assert (row["who"], row["kind"], row["sha256"], row["file_name"]) == ("kari", "innsendt", preview.sha256, "frogner_2025.xlsx")
    cur = shipped.current().filter(bydel_nr="030105", year=2024, measure="bosatt_boligtype", category="kommunal_bolig")
    assert cur["value"].to_list() == [52.0]
    with pytest.raises(RightsRefused):
        undo_import(shipped, GAMLE_OSLO, result.import_id)
    with pytest.raises(RightsRefused):  # shipped official figures: only admin may undo them
        undo_import(shipped, FROGNER, 3)
    undo_import(shipped, FROGNER, result.import_id)
    cur = shipped.current().filter(bydel_nr="030105", year=2024, measure="bosatt_boligtype", category="kommunal_bolig")
    assert cur["value"].to_list() == [50.0]
    assert shipped.current().filter(year=2025).is_empty()
    events = shipped.events().filter(import_id=result.import_id)
    assert events.select("who", "action", "sha256").rows() == [
        ("kari", "import", preview.sha256),
        ("kari", "angre", preview.sha256),
    ]
    with pytest.raises(StoreError):
        undo_import(shipped, ADMIN, result.import_id)  # already undone


def test_a_file_that_names_no_bydel_is_read_as_the_uploaders_own_with_a_warning(shipped, tmp_path):
    from tests.conftest import write_csv

    data = write_csv(tmp_path / "tall.csv", [["", "2025"], ["Bosatte flyktninger", "63"]]).read_bytes()
    preview = preview_upload(data, "tall.csv", FROGNER, shipped.current(), shipped.imports())
    assert preview.ok, preview.problems
    assert preview.changes.select("bydel_nr", "year", "value").rows() == [("030105", 2025, 63.0)]
    assert any("lest som tall for Frogner" in w.message for w in preview.warnings)
    refused = preview_upload(data, "tall.csv", ADMIN, shipped.current(), shipped.imports())  # admin: no own bydel
    assert not refused.ok and "Finner ikke hvilken bydel" in str(refused.problems[0])
