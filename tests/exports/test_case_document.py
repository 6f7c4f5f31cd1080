"""The case document for Frogner 2022–2024 as a reader of the case sees it: rendered to pages by
LibreOffice (Debian's, headless) and checked as text, and checked in its Word XML for language and
alignment. On a machine without LibreOffice the rendering is skipped with the reason, never in CI."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import polars as pl
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import load_workbook

from oslo_integration.exports.case_document import case_docx, case_tables, case_xlsx
from oslo_integration.metrics import public_view
from oslo_integration.store import open_store
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

FOOTNOTE = "I 2022 var det ingen fra Ukraina som avsluttet Introduksjonsprogrammet"
MARKDOWN = re.compile(r"\*\*|__|`|^#|\|\s*---|\[[^\]]*\]\(|^\s*- ", re.M)  # a footnote's own «*» is not Markdown


@pytest.fixture(scope="module")
def case(shipped_template) -> tuple[pl.DataFrame, pl.DataFrame, bytes]:
    store = open_store(str(shipped_template))
    obs, imports = public_view(store.current()), store.imports()
    return obs, imports, case_docx(obs, "030105", [2022, 2023, 2024], imports)


def test_the_case_footnote_stays_under_its_table(case):
    obs, imports, _docx = case
    tables = case_tables(obs, "030105", [2022, 2023, 2024], imports)
    programme = next(t for t in tables if t.title.startswith("Introduksjonsprogrammet"))
    assert any(FOOTNOTE in f for f in programme.footnotes)
    assert not any(FOOTNOTE in f for t in tables if t is not programme for f in t.footnotes)


def test_document_language_alignment_and_sources(case):
    _obs, _imports, docx = case
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        styles = z.read("word/styles.xml").decode()
    assert 'w:lang w:val="nb-NO"' in styles and "en-US" not in styles
    doc = Document(io.BytesIO(docx))
    for table in doc.tables:
        for row in table.rows[1:]:
            for cell in row.cells[1:]:
                assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Bydel Frogner, sak til bydelsutvalget 2025" in text
    assert "Lisens/vilkår: SSB: NLOD" in text or "NLOD" in text
    assert not MARKDOWN.search(text), MARKDOWN.search(text)
    assert ".xlsx" not in text and ".csv" not in text  # publishers, not our file names


def test_workbook_about_sheet_is_plain_text(case):
    obs, imports, _docx = case
    wb = load_workbook(io.BytesIO(case_xlsx(obs, "030105", [2022, 2023, 2024], imports)))
    about = "\n".join(str(c.value) for row in wb["Om dataene"].iter_rows() for c in row if c.value)
    assert not MARKDOWN.search(about), MARKDOWN.search(about)
    assert "Bydel Frogner, sak til bydelsutvalget 2025" in about
    assert any(FOOTNOTE in str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)


def _need_libreoffice() -> str:
    soffice = shutil.which("soffice")
    if not soffice or not shutil.which("pdftotext"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI must render the case document: install libreoffice-writer-nogui and poppler-utils")
        pytest.skip("LibreOffice or poppler is not installed here (CI installs them)")
    return soffice


def test_rendered_pages_read_as_a_norwegian_case(case, tmp_path):
    soffice = _need_libreoffice()
    _obs, _imports, docx = case
    path = tmp_path / "sak.docx"
    path.write_bytes(docx)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "sak.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert FOOTNOTE in flat
    assert "Bydel Frogner, sak til bydelsutvalget 2025" in flat
    assert "introduksjonspro gram" not in flat and "introduksjonspro-" not in text  # labels do not break inside words
    assert not MARKDOWN.search(text)
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(artifacts / "sak_frogner")], check=True, timeout=120)
        assert any(Path(artifacts).glob("sak_frogner*.png"))
