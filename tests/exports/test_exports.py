"""Every download holds exactly the view's figures, hides what the view hides, and runs no formula."""

from __future__ import annotations

import csv
import io
import json

import polars as pl
import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image

from oslo_integration import charts
from oslo_integration.exports import card_rows, chart_png, chart_svg, neutralise, to_csv_excel, to_csv_plain, to_xlsx, with_source
from oslo_integration.exports.case_document import case_docx, case_xlsx
from oslo_integration.exports.tables import about_rows, export_frame
from oslo_integration.metrics import compute, indicators, public_view
from oslo_integration.store import DuckDBStore
from tests.test_cli import run

IND = indicators()["andel_arbeid_ved_avslutning"]


@pytest.fixture(scope="module")
def public(shipped_template) -> pl.DataFrame:
    store = DuckDBStore(shipped_template)
    return public_view(store.current())


@pytest.fixture(scope="module")
def view_rows(public) -> pl.DataFrame:
    return card_rows(compute(public, IND), 2024, ("030105",), (2022, 2024))


def _frogner(rows, year):
    return rows.filter((pl.col("bydel_nr") == "030105") & (pl.col("year") == year)).row(0, named=True)


def test_excel_csv_has_bom_semicolon_decimal_comma_and_the_view_figures(view_rows):
    data = to_csv_excel(view_rows, IND)
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8")), delimiter=";"))
    assert len(table) == view_rows.height
    fr = next(r for r in table if r["Bydelsnummer"] == "030105" and r["År"] == "2024")
    assert (fr["Teller"], fr["Nevner"], fr["Verdi"]) == ("16", "57", "28,0702")  # counts whole, shares with four decimals
    assert fr["Eksempeldata"] == "nei"


def test_plain_csv_for_researchers(view_rows):
    table = list(csv.DictReader(io.StringIO(to_csv_plain(view_rows, IND).decode("utf-8"))))
    fr = next(r for r in table if r["Bydelsnummer"] == "030105" and r["År"] == "2024")
    assert float(fr["Verdi"]) == pytest.approx(_frogner(view_rows, 2024)["value"], abs=1e-4)
    assert {(r["Bydelsnummer"], r["År"]) for r in table} == set(
        zip(view_rows["bydel_nr"], map(str, view_rows["year"]), strict=True)
    )


def test_xlsx_has_formats_header_and_about_sheet(view_rows):
    wb = load_workbook(io.BytesIO(to_xlsx({"Tall": export_frame(view_rows, IND)}, about_rows(IND))))
    assert wb.sheetnames == ["Tall", "Om dataene"]
    ws = wb["Tall"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Bydelsnummer", "Bydel", "År", "Verdi"] and ws["A1"].font.bold
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    fr = next(r for r in rows if r["Bydelsnummer"] == "030105" and r["År"] == 2024)
    assert (fr["Teller"], fr["Nevner"]) == (16, 57)
    assert ws.cell(row=2, column=header.index("Verdi") + 1).number_format == "0.0"
    about = "\n".join(str(c.value) for row in wb["Om dataene"].iter_rows() for c in row if c.value)
    assert "Laget" in about and "prikket" in about and "CC BY 4.0" in about and "I arbeid ved endt introduksjonsprogram" in about


def test_hidden_cells_are_absent_from_every_download(public):
    ind = indicators()["bosatt_kommunal_bolig"]
    frame = compute(public, ind)
    hidden = frame.filter(pl.col("status") == "prikket")
    assert hidden.height > 0, "the shipped data has suppressed small cells"
    h = hidden.row(0, named=True)
    original = public.filter(pl.col("bydel_nr") == h["bydel_nr"])  # the public view has no value for it either
    assert original.filter((pl.col("year") == h["year"]) & (pl.col("category") == "kommunal_bolig"))["value"].to_list() == [None]
    rows = card_rows(frame, h["year"], (h["bydel_nr"],), (h["year"], h["year"]))
    for text in (to_csv_excel(rows, ind)[3:].decode(), to_csv_plain(rows, ind).decode()):
        line = next(r for r in text.splitlines() if r.startswith(h["bydel_nr"]) and f"{h['year']}" in r)
        assert "prikket" in line
        cells = line.replace(";", ",").split(",")
        assert cells[3] == "", line  # the value column is empty
    wb = load_workbook(io.BytesIO(to_xlsx({"Tall": export_frame(rows, ind)}, about_rows(ind))))
    row = next(r for r in wb["Tall"].iter_rows(min_row=2, values_only=True) if r[0] == h["bydel_nr"] and r[2] == h["year"])
    assert row[3] is None and "prikket" in row


def test_formula_like_text_is_neutralised():
    frame = pl.DataFrame({"a": ['=HYPERLINK("x")', "+1", "-cmd", "@SUM(A1)", "vanlig"], "n": [-1.0, 2.0, 3.0, 4.0, 5.0]})
    out = neutralise(frame)
    assert out["a"].to_list() == ['\'=HYPERLINK("x")', "'+1", "'-cmd", "'@SUM(A1)", "vanlig"]
    assert out["n"].to_list() == [-1.0, 2.0, 3.0, 4.0, 5.0]
    wb = load_workbook(io.BytesIO(to_xlsx({"T": frame}, [("=evil()", "@x")])))
    assert [c.value for c in wb["T"]["A"]][1:] == ['\'=HYPERLINK("x")', "'+1", "'-cmd", "'@SUM(A1)", "vanlig"]
    assert wb["T"]["A2"].data_type == "s"
    assert wb["Om dataene"]["A1"].value == "'=evil()"


def test_png_and_svg_have_title_source_and_date(public):
    frame = compute(public, IND)
    chart = with_source(
        charts.bars_by_bydel(frame, IND, 2024, ("030105",)).properties(width=900),
        "Andel i arbeid, 2024",
        "Kilde: Bydel Frogner, sak til bydelsutvalget 2025",
    )
    png = Image.open(io.BytesIO(chart_png(chart)))
    assert png.width >= 2 * 900  # at least twice screen resolution
    svg = chart_svg(chart)
    assert "Andel i arbeid, 2024" in svg and "Kilde: Bydel Frogner, sak til bydelsutvalget 2025" in svg and "Laget " in svg
    assert "▶ Frogner" in svg  # the selected bydel is marked in the image itself
    drawn = [
        d for layer in chart.to_dict()["layer"] for d in layer.get("data", {}).get("values", []) if d.get("bydel") == "Frogner"
    ]
    assert drawn and drawn[0]["value"] == pytest.approx(16 / 57 * 100)  # the bar is the view's figure


def test_case_document_holds_the_case_figures_and_the_profile_rates(public, tmp_path):
    doc = Document(io.BytesIO(case_docx(public, "030105", [2022, 2023, 2024])))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    housing = tables[0]
    assert housing[1] == ["Kommunal bolig", "94", "53", "50"] and housing[2] == ["Privat leiemarked", "91", "69", "30"]
    assert tables[1][1] == ["Totalt antall flyktninger bosatt", "185", "122", "80"]
    assert tables[1][2] == ["Antall fra Ukraina", "171", "102", "55"]
    intro = tables[2]
    assert intro[1][1:] == ["19", "76", "57"] and intro[2][1:] == [".", "59", "48"]
    assert intro[3][1:] == [".", "18", "16"] and intro[4][1:] == [".", "15", "41"]
    rates = {r[0]: r[1:] for r in tables[3]}
    assert rates["Andel i arbeid ved endt introduksjonsprogram: Frogner"] == [
        ".",
        "18 av 76: 23,7\u00a0%",
        "16 av 57: 28,1\u00a0%",
    ]
    assert rates["Andel bosatt i kommunal bolig: Frogner"][0] == "94 av 185: 50,8\u00a0%"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2024: 16 av 57 (28\u00a0%) var i arbeid ved avslutning." in text
    assert "Kilder" in text and "Bydel Frogner, sak til bydelsutvalget 2025" in text
    assert len(doc.inline_shapes) == 2  # the key charts as images
    # the rates match the profile on the command line
    res = run("profil", "--bydel", "Frogner", "--year", "2024", "--format", "json", env_db=tmp_path / "p.duckdb")
    prof = {i["indicator"]: i for i in json.loads(res.stdout)["indicators"]}
    assert (
        f"{prof['andel_arbeid_ved_avslutning']['value']:.1f}".replace(".", ",") + "\u00a0%"
        in rates["Andel i arbeid ved endt introduksjonsprogram: Frogner"][2]
    )


def test_case_workbook_matches_the_document(public):
    wb = load_workbook(io.BytesIO(case_xlsx(public, "030105", [2022, 2023, 2024])))
    assert wb.sheetnames[-1] == "Om dataene"
    rows = list(wb["Tabell 1"].iter_rows(values_only=True))
    assert rows[0] == ("Type bolig/ år", "2022", "2023", "2024")
    assert rows[1] == ("Kommunal bolig", 94, 53, 50)


def test_hidden_figures_stay_hidden_in_the_case_document(public):
    small = public.filter(
        (pl.col("status") == "prikket") & (pl.col("measure") == "bosatt_boligtype") & (pl.col("bydel_nr").str.len_chars() == 6)
    )
    r = small.row(0, named=True)
    doc = Document(io.BytesIO(case_docx(public, r["bydel_nr"], [r["year"]])))
    label = {"kommunal_bolig": "Kommunal bolig", "privat_leiemarked": "Privat leiemarked", "annet": "Annet"}[r["category"]]
    row = next(row for row in doc.tables[0].rows if row.cells[0].text == label)
    assert row.cells[1].text == ":"


def test_sak_command_writes_docx_and_xlsx(tmp_path):
    out = tmp_path / "sak.docx"
    res = run("sak", "--bydel", "Frogner", "--fra", "2022", "--til", "2024", "--out", str(out), env_db=tmp_path / "s.duckdb")
    assert res.returncode == 0, res.stderr
    doc = Document(out)
    assert doc.tables[0].rows[1].cells[1].text == "94"
    assert load_workbook(tmp_path / "sak.xlsx")["Tabell 1"]["B2"].value == 94


def test_card_source_line_names_the_publishers_and_example_data(view_rows):
    from oslo_integration.ui.downloads import source_line

    line = source_line(view_rows)
    assert "Bydel Frogner, sak til bydelsutvalget 2025" in line and "eksempeldata" in line
    assert ".xlsx" not in line and ".csv" not in line


def test_counts_are_whole_numbers_in_every_export(public):
    ind = indicators()["bosatt"]
    rows = card_rows(compute(public, ind), 2024, ("030105",), (2022, 2024))
    excel = to_csv_excel(rows, ind).decode("utf-8-sig").splitlines()
    frogner = next(line for line in excel if line.startswith("030105;Frogner;2024;"))
    assert frogner.split(";")[3] == "80"
    plain = to_csv_plain(rows, ind).decode().splitlines()
    assert next(line for line in plain if line.startswith("030105,Frogner,2024,")).split(",")[3] == "80"
