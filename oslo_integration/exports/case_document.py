"""The orientation case (sak til orientering): the Frogner case's tables for any bydel and years,
with comparisons, verdicts, charts and sources, as a Word document and a matching workbook.

Everything goes through the public suppression: a hidden figure stays hidden here too.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

import polars as pl

from .. import charts
from ..metrics import build_profile, compute, indicators, verdict
from ..publishers import credit_line, files_of, publishers_for
from ..text.numbers import fmt_number, fmt_percent
from ..text.untrusted import clean_name
from ..vocab import vocabulary
from .images import chart_png, with_source
from .tables import about_rows, to_xlsx

SYMBOL = {"prikket": ":", "mangler": "."}
RATES = ("andel_kommunal_bolig", "andel_fra_ukraina", "andel_arbeid_ved_avslutning", "andel_ukrainere_arbeid_innen_1_aar")


@dataclass
class CaseTable:
    title: str
    header: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # the source's own footnotes, kept under the table
    cells: set[tuple[int, str, int]] = field(default_factory=set)  # (import, sheet, row) its figures were read from


_NOTE = re.compile(r"^(?P<sheet>.*)!(?P<col>[A-Z]+)(?P<row>\d+): (?P<text>.*)$", re.S)
_FOOTNOTE_MARK = re.compile(r"^\s*([*¹²³⁴⁵⁶⁷⁸⁹†]|\(\d\)|\d\))")


def _row_number(cell: str | None) -> int | None:
    m = re.match(r"^[A-Z]+(\d+)$", cell or "")
    return int(m.group(1)) if m else None


def attach_footnotes(tables: list[CaseTable], imports: pl.DataFrame | None) -> None:
    """Each footnote of a source sheet («* I 2022 var det ingen fra Ukraina …») goes under the case table
    whose figures stand nearest above it in that sheet: the case's own explanation stays with its table."""
    if imports is None or imports.is_empty():
        return
    for imp in imports.filter(pl.col("undone_at").is_null()).iter_rows(named=True):
        for note in (imp.get("notes") or "").splitlines():
            m = _NOTE.match(note)
            if not m or not _FOOTNOTE_MARK.match(m.group("text")):
                continue
            at = int(m.group("row"))
            above = [
                (row, i) for i, table in enumerate(tables) for (iid, sheet, row) in table.cells
                if iid == imp["id"] and sheet == m.group("sheet") and row < at
            ]  # fmt: skip
            if above:
                tables[max(above)[1]].footnotes.append(clean_name(m.group("text").strip()))


def _cell(obs: pl.DataFrame, bydel_nr: str, year: int, measure: str, category: str | None, seen: set | None = None) -> str:
    cat = pl.col("category").is_null() if category is None else pl.col("category") == category
    hit = obs.filter((pl.col("bydel_nr") == bydel_nr) & (pl.col("year") == year) & (pl.col("measure") == measure) & cat)
    if not hit.height:
        return SYMBOL["mangler"]
    r = hit.row(0, named=True)
    row = _row_number(r.get("cell"))
    if seen is not None and row is not None and r.get("import_id") is not None:
        seen.add((r["import_id"], r.get("sheet") or "", row))
    return fmt_number(r["value"], 0) if r["status"] == "ok" else SYMBOL[r["status"]]


def _count_table(obs, bydel_nr, years, title, corner, lines) -> CaseTable:
    seen: set[tuple[int, str, int]] = set()
    rows = [[label, *(_cell(obs, bydel_nr, y, m, c, seen) for y in years)] for label, m, c in lines]
    return CaseTable(title, [corner, *map(str, years)], rows, cells=seen)


def case_tables(obs: pl.DataFrame, bydel_nr: str, years: list[int], imports: pl.DataFrame | None = None) -> list[CaseTable]:
    """The case's four kinds of table: housing, settled and origin, the programme, rates compared;
    with `imports`, each source's own footnotes under the table they explain."""
    countries = sorted(
        set(
            obs.filter(
                (pl.col("bydel_nr") == bydel_nr) & (pl.col("measure") == "bosatt_landbakgrunn") & pl.col("year").is_in(years)
            )["category"].drop_nulls()
        )
        - {"Ukraina"}
    )
    tables = [
        _count_table(obs, bydel_nr, years, "Bosatte etter type bolig", "Type bolig/ år",
                     [("Kommunal bolig", "bosatt_boligtype", "kommunal_bolig"), ("Privat leiemarked", "bosatt_boligtype", "privat_leiemarked"),
                      ("Annet", "bosatt_boligtype", "annet")]),
        _count_table(obs, bydel_nr, years, "Bosatte flyktninger og landbakgrunn", "",
                     [("Totalt antall flyktninger bosatt", "bosatt", None), ("Antall fra Ukraina", "bosatt_landbakgrunn", "Ukraina"),
                      *((f"Fra {c}", "bosatt_landbakgrunn", c) for c in countries)]),
        _count_table(obs, bydel_nr, years, "Introduksjonsprogrammet: avslutning og overgang til arbeid", "",
                     [("Totalt antall deltakere som avsluttet introduksjonsprogram", "intro_avsluttet", None),
                      ("Deltakere fra Ukraina", "intro_avsluttet", "Ukraina"),
                      ("I arbeid ved endt introduksjonsprogram", "intro_arbeid_ved_avslutning", None),
                      ("Ukrainere i arbeid i løpet av et år etter endt introduksjonsprogram", "intro_arbeid_innen_1_aar", "Ukraina")]),
    ]  # fmt: skip
    inds = indicators()
    header = ["Andel / år", *map(str, years)]
    rows, notes = [], []
    for name in RATES:
        ind = inds[name]
        frame = compute(obs, ind)
        for who, nr in ((vocabulary().bydel_name(bydel_nr), bydel_nr), ("Oslo i alt", "0301"), ("Hele landet", "0")):
            line = [f"{ind.label_nb}: {who}"]
            for y in years:
                hit = frame.filter((pl.col("bydel_nr") == nr) & (pl.col("year") == y))
                if not hit.height:
                    line.append(SYMBOL["mangler"])
                    continue
                r = hit.row(0, named=True)
                if r["status"] != "ok":
                    line.append(SYMBOL[r["status"]])
                else:
                    ex = " (eks.)" if r["example"] else ""
                    counts = (
                        f"{fmt_number(r['numerator'])} av {fmt_number(r['denominator'])}: " if r["numerator"] is not None else ""
                    )
                    line.append(f"{counts}{fmt_percent(r['value'], 1)}{ex}")
            if any(c not in (".",) for c in line[1:]):
                rows.append(line)
        for y in years:
            for entry in build_profile(obs, bydel_nr, y, (name,)):
                if entry.row["status"] == "ok":
                    notes.append(f"{y}: {verdict(entry, 'nb')}")
    tables.append(CaseTable("Andeler sammenlignet med Oslo i alt og Hele landet", header, rows, notes))
    attach_footnotes(tables, imports)
    return tables


def _used(obs: pl.DataFrame, bydel_nr: str, years: list[int]) -> pl.DataFrame:
    return obs.filter(pl.col("bydel_nr").is_in([bydel_nr, "0301", "0"]) & pl.col("year").is_in(years))


def source_lines(obs: pl.DataFrame, bydel_nr: str, years: list[int]) -> list[str]:
    """One plain sentence per publisher behind the case's figures, with its licence; example data said plainly."""
    out = []
    for pub in publishers_for(files_of(_used(obs, bydel_nr, years))):
        out.append(f"{pub.name_nb}. Lisens/vilkår: {pub.licence_nb}." if pub.licence_nb not in ("", "–") else f"{pub.name_nb}.")
    out.append(
        "Bydelsgrenser: © Oslo kommune, Plan- og bygningsetaten, CC BY 4.0 (endret: Sentrum skilt ut, forenklet og reprojisert)."
    )
    return out


def _charts(obs: pl.DataFrame, bydel_nr: str, years: list[int]) -> list[tuple[str, bytes]]:
    ind = indicators()["andel_arbeid_ved_avslutning"]
    frame = compute(obs, ind)
    if frame.filter((pl.col("bydel_nr") == bydel_nr) & (pl.col("status") == "ok")).is_empty():
        return []
    name = vocabulary().bydel_name(bydel_nr)
    credit = credit_line(_used(obs, bydel_nr, years))
    bars = with_source(
        charts.bars_by_bydel(frame, ind, years[-1], (bydel_nr,)).properties(width=800), f"{ind.label_nb}, {years[-1]}", credit
    )
    out = [
        (
            f"{ind.label_nb} i {years[-1]}: {name} markert, Oslo i alt og Hele landet som referanselinjer. {credit}.",
            chart_png(bars),
        )
    ]
    drawn = charts.lines_if_any(frame, ind, (bydel_nr,), (years[0], years[-1]))
    if drawn is not None:  # (no figure in the span: no empty frame of axes in the case, as on the dashboard)
        lines = with_source(drawn.properties(width=800), f"{ind.label_nb}, {name}", credit)
        out.append(
            (
                f"{ind.label_nb} {years[0]}–{years[-1]}, {name}, Oslo i alt (stiplet) og Hele landet (prikket). {credit}.",
                chart_png(lines),
            )
        )
    return out


LABEL_WIDTH_CM, TEXT_WIDTH_CM = 6.5, 16.0


def _set_language(doc, tag: str = "nb-NO") -> None:
    """The document's language (Word spell-checks and hyphenates by it): in the defaults and in Normal."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for rpr in (doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")),
                doc.styles["Normal"].element.get_or_add_rPr()):  # fmt: skip
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attr in ("w:val", "w:eastAsia"):
            lang.set(qn(attr), tag)
    settings = doc.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        settings.append(theme)
    theme.set(qn("w:val"), tag)


def _table(doc, table: CaseTable) -> None:
    """Labels in a column wide enough not to break words, figures right-aligned in equal columns."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    t = doc.add_table(rows=1, cols=len(table.header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    figure_width = (TEXT_WIDTH_CM - LABEL_WIDTH_CM) / max(1, len(table.header) - 1)
    widths = [Cm(LABEL_WIDTH_CM)] + [Cm(figure_width)] * (len(table.header) - 1)

    def fill(cells, values, bold: bool = False) -> None:
        for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = widths[i]
            cell.text = value
            para = cell.paragraphs[0]
            if i > 0:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in para.runs:
                run.font.bold = bold

    for column, width in zip(t.columns, widths, strict=True):  # the grid is what LibreOffice and Word lay out by
        column.width = width
    fill(t.rows[0].cells, table.header, bold=True)
    for row in table.rows:
        fill(t.add_row().cells, row)
    for footnote in table.footnotes:  # the source's own footnote, right under its table
        doc.add_paragraph(footnote).runs[0].font.size = doc.styles["Normal"].font.size


def case_docx(
    obs: pl.DataFrame, bydel_nr: str, years: list[int], imports: pl.DataFrame | None = None, version: str | None = None
) -> bytes:
    from docx import Document  # loaded when a document is asked for, not by every page
    from docx.shared import Cm, Pt

    name = vocabulary().bydel_name(bydel_nr)
    doc = Document()
    _set_language(doc)
    doc.core_properties.language = "nb-NO"
    doc.core_properties.title = f"Bosetting og oppfølging av flyktninger i bydel {name} {years[0]}–{years[-1]}"
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(f"Bosetting og oppfølging av flyktninger i bydel {name} {years[0]}–{years[-1]}", level=1)
    doc.add_paragraph(
        f"Tallgrunnlag til sak til orientering. Laget {dt.date.today():%d.%m.%Y} med oslo-integration. "
        "Tegn: «:» = skjult av personvernhensyn (få personer), «.» = mangler. "
        "Tall merket «(eks.)» er eksempeldata, ikke ekte tall." + (f" Datagrunnlag versjon {version}." if version else "")
    )
    for table in case_tables(obs, bydel_nr, years, imports):
        doc.add_heading(table.title, level=2)
        _table(doc, table)
        for note in table.notes:
            doc.add_paragraph(note)
    for caption, png in _charts(obs, bydel_nr, years):
        doc.add_picture(io.BytesIO(png), width=Cm(16))
        doc.add_paragraph(caption).runs[0].italic = True
    doc.add_heading("Kilder", level=2)
    for line in source_lines(obs, bydel_nr, years):
        doc.add_paragraph(line, style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def case_xlsx(
    obs: pl.DataFrame, bydel_nr: str, years: list[int], imports: pl.DataFrame | None = None, version: str | None = None
) -> bytes:
    sheets: dict[str, tuple[list[str], list[list[object]]]] = {
        f"Tabell {i}": (table.header, [[_number(v) for v in row] for row in table.rows] + [[f] for f in table.footnotes])
        for i, table in enumerate(case_tables(obs, bydel_nr, years, imports), start=1)
    }
    return to_xlsx(sheets, about_rows(sources=source_lines(obs, bydel_nr, years), version=version))


def _number(text: str) -> object:
    """Counts become numbers in the workbook; symbols and rate texts stay text."""
    digits = text.replace(" ", "").replace("\u00a0", "")
    return int(digits) if digits.isdigit() else text
