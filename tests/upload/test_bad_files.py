"""Every kind of bad file gets its Norwegian message, and the store stays byte for byte as it was.

Each file goes through both doors: the upload preview (what the page does) and import_file (what
the command line does). Neither may raise anything but a refusal, and neither may write.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from oslo_integration.errors import InputRefused
from oslo_integration.store import import_file
from oslo_integration.upload import preview_upload
from tests.conftest import write_csv, write_xlsx
from tests.store.test_concurrency import file_bytes
from tests.upload.conftest import ADMIN, frogner_workbook


def _formula_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Bolig"
    for row in (["Bosetting av flyktninger i bydel Frogner"], [], ["Type bolig", 2024], ["Kommunal bolig", "=10+20"]):
        ws.append(row)
    wb.save(path)
    return path.read_bytes()


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    return buf.getvalue()


def _too_many_cells(tmp_path) -> bytes:
    side = 317  # 317 x 317 = 100 489 cells, just over the 100 000 limit
    rows = [["Bydel"] + [f"k{c}" for c in range(side - 1)]] + [[f"r{r}"] + ["1"] * (side - 1) for r in range(side - 1)]
    return write_csv(tmp_path / "stor.csv", rows).read_bytes()


def _ods() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


def _mojibake(tmp_path) -> bytes:
    text = "Bydel;År;Bosatte flyktninger\nFrogner;2024;80\n"
    return text.encode("utf-8").decode("cp1252").encode("utf-8")  # UTF-8 read as Windows-1252 and saved again


BAD_FILES = {
    "not a spreadsheet": (
        "bilde.png",
        lambda p: b"\x89PNG\r\n\x1a\n" + bytes(200),
        "Ukjent filtype «.png». Godtatte formater er .xlsx",
    ),
    "text renamed to xlsx": ("tall.xlsx", lambda p: b"Bydel;2024\nFrogner;80\n", "ikke et gyldig Excel-regneark"),
    "pdf renamed to xlsx": ("tall.xlsx", lambda p: b"%PDF-1.7\n" + bytes(100), "heter .xlsx, men er en PDF-fil"),
    "xls renamed to xlsx": (
        "tall.xlsx",
        lambda p: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
        "det gamle Excel-formatet (.xls)",
    ),
    "ods renamed to xlsx": ("tall.xlsx", lambda p: _ods(), "OpenDocument-regneark (.ods)"),
    "xlsx renamed to csv": (
        "tall.csv",
        lambda p: frogner_workbook(p / "x.xlsx").read_bytes(),
        "heter .csv, men er et Excel-regneark",
    ),
    "xlsm": ("tall.xlsm", lambda p: b"PK\x03\x04", "Excel med makroer (.xlsm), som ikke tas imot. Godtatte formater er .xlsx"),
    "xls": ("tall.xls", lambda p: b"\xd0\xcf\x11\xe0", "det gamle Excel-formatet (.xls), som ikke tas imot. Godtatte formater"),
    "ods": ("tall.ods", lambda p: _ods(), "OpenDocument-regneark (.ods), som ikke tas imot. Godtatte formater"),
    "over the size limit": ("stor.xlsx", lambda p: b"PK" + bytes(11 * 1024 * 1024), "Største tillatte størrelse er 10 MB"),
    "zip bomb": ("bombe.xlsx", lambda p: _zip_bomb(), "mistenkelig mye for et regneark"),
    "too many cells": ("stor.csv", _too_many_cells, "celler med innhold. Grensen er 100\u00a0000"),
    "formula without cached value": ("formel.xlsx", lambda p: _formula_workbook(p / "f.xlsx"), "formel uten lagret resultat"),
    "wrong encoding (garbled)": ("tall.csv", _mojibake, "feil tegnkoding"),
    "wrong encoding (undecodable)": (
        "tall.csv",
        lambda p: b"Bydel;\x81\x8d\x90;2024\n",
        "Tegnkodingen i filen kan ikke gjenkjennes",
    ),
    "binary csv": ("tall.csv", lambda p: b"Bydel\x00\x00\x01\x02;2024", "ikke en tekstfil"),
    "validation: negative count": (
        "negativ.csv",
        lambda p: write_csv(p / "n.csv", [["Bydel", "År", "Bosatte flyktninger"], ["Frogner", 2024, -3]]).read_bytes(),
        "negativ",
    ),
    "validation: unknown label": (
        "ukjent.csv",
        lambda p: write_csv(p / "u.csv", [["Bydel", "År", "Antall hester"], ["Frogner", 2024, 3]]).read_bytes(),
        "Antall hester",
    ),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_file_gets_its_message_and_leaves_store_as_it_was(kind, shipped, tmp_path):
    name, make, expected = BAD_FILES[kind]
    data = make(tmp_path)
    before = file_bytes(shipped.path)
    preview = preview_upload(data, name, ADMIN, shipped.current(), shipped.imports())
    assert not preview.ok
    messages = " ".join(str(p) for p in preview.problems)
    assert expected in messages, messages
    assert all(p.file == name for p in preview.problems)
    with pytest.raises(InputRefused) as refused:
        import_file(shipped, data, name, who="sjef", kind="innsendt")
    assert expected in str(refused.value)
    assert file_bytes(shipped.path) == before


def test_size_limit_is_configurable(shipped, tmp_path, monkeypatch):
    data = frogner_workbook(tmp_path / "frogner.xlsx").read_bytes()
    monkeypatch.setenv("OSLO_INTEGRATION_MAX_MB", "0.001")
    preview = preview_upload(data, "frogner.xlsx", ADMIN, shipped.current(), shipped.imports())
    assert "Største tillatte størrelse er 0 MB" in str(preview.problems[0])
    monkeypatch.setenv("OSLO_INTEGRATION_MAX_MB", "1")
    assert preview_upload(data, "frogner.xlsx", ADMIN, shipped.current(), shipped.imports()).ok


def test_cell_limit_counts_filled_cells_in_the_sheet_xml(shipped, tmp_path, monkeypatch):
    data = frogner_workbook(tmp_path / "frogner.xlsx").read_bytes()  # 10 filled cells
    monkeypatch.setenv("OSLO_INTEGRATION_MAX_CELLS", "9")
    assert "Filen har 10 celler med innhold. Grensen er 9." in str(
        preview_upload(data, "frogner.xlsx", ADMIN, shipped.current(), shipped.imports()).problems[0]
    )
    monkeypatch.setenv("OSLO_INTEGRATION_MAX_CELLS", "10")
    assert preview_upload(data, "frogner.xlsx", ADMIN, shipped.current(), shipped.imports()).ok


def test_hidden_sheet_is_a_warning_that_says_what_was_read(shipped, tmp_path):
    path = write_xlsx(
        tmp_path / "skjult.xlsx",
        {
            "Bolig": [["Bosetting av flyktninger i bydel Frogner"], [], ["Type bolig", 2025], ["Kommunal bolig", 41]],
            "Gammelt": [["Type bolig", 2019], ["Kommunal bolig", 7]],
        },
        hidden=["Gammelt"],
    )
    preview = preview_upload(path.read_bytes(), "skjult.xlsx", ADMIN, shipped.current(), shipped.imports())
    assert preview.ok
    [warning] = preview.warnings
    assert warning.sheet == "Gammelt" and "skjult og ble ikke lest" in warning.message and "Lest ble: «Bolig»." in warning.message
    assert preview.changes["year"].to_list() == [2025]


def test_utf16_csv_from_excel_is_read(shipped, tmp_path):
    text = "Bydel\tÅr\tBosatte flyktninger\nFrogner\t2025\t63\n"
    preview = preview_upload(text.encode("utf-16"), "unicode.csv", ADMIN, shipped.current(), shipped.imports())
    assert preview.ok, preview.problems
    assert preview.changes["value"].to_list() == [63.0]
