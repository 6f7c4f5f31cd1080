"""The orientation case (sak til orientering): the Frogner case's tables for any bydel and years,
with comparisons, verdicts, charts and sources, as a Word document and a matching workbook.

Everything goes through the public suppression: a hidden figure stays hidden here too.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

import polars as pl

from .. import charts
from ..metrics import build_profile, compute, indicators, verdict
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


def _cell(obs: pl.DataFrame, bydel_nr: str, year: int, measure: str, category: str | None) -> str:
    cat = pl.col("category").is_null() if category is None else pl.col("category") == category
    hit = obs.filter((pl.col("bydel_nr") == bydel_nr) & (pl.col("year") == year) & (pl.col("measure") == measure) & cat)
    if not hit.height:
        return SYMBOL["mangler"]
    r = hit.row(0, named=True)
    return fmt_number(r["value"], 0) if r["status"] == "ok" else SYMBOL[r["status"]]


def _count_table(obs, bydel_nr, years, title, corner, lines) -> CaseTable:
    return CaseTable(
        title, [corner, *map(str, years)], [[label, *(_cell(obs, bydel_nr, y, m, c) for y in years)] for label, m, c in lines]
    )


def case_tables(obs: pl.DataFrame, bydel_nr: str, years: list[int]) -> list[CaseTable]:
    """The case's four kinds of table: housing, settled and origin, the programme, rates compared."""
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
    return tables


def _source_lines(obs: pl.DataFrame, bydel_nr: str, years: list[int]) -> list[str]:
    used = obs.filter(pl.col("bydel_nr").is_in([bydel_nr, "0301", "0"]) & pl.col("year").is_in(years))
    out = []
    for r in used.group_by("source_file", "kind").agg(pl.len()).sort("source_file").iter_rows(named=True):
        tag = " – EKSEMPELDATA, ikke ekte tall" if r["kind"] == "eksempel" else ""
        out.append(f"{clean_name(r['source_file'])} ({r['len']} tall){tag}")
    return out


def _charts(obs: pl.DataFrame, bydel_nr: str, years: list[int]) -> list[tuple[str, bytes]]:
    ind = indicators()["andel_arbeid_ved_avslutning"]
    frame = compute(obs, ind)
    if frame.filter((pl.col("bydel_nr") == bydel_nr) & (pl.col("status") == "ok")).is_empty():
        return []
    name = vocabulary().bydel_name(bydel_nr)
    src = "se kildelisten i saken"
    bars = with_source(
        charts.bars_by_bydel(frame, ind, years[-1], (bydel_nr,)).properties(width=800), f"{ind.label_nb}, {years[-1]}", src
    )
    out = [(f"{ind.label_nb} i {years[-1]}: {name} markert, Oslo i alt og Hele landet som referanselinjer.", chart_png(bars))]
    if len(years) > 1:
        lines = with_source(
            charts.lines_over_years(frame, ind, (bydel_nr,), (years[0], years[-1])).properties(width=800),
            f"{ind.label_nb}, {name}",
            src,
        )
        out.append((f"{ind.label_nb} {years[0]}–{years[-1]}, {name} og Oslo i alt (stiplet).", chart_png(lines)))
    return out


def case_docx(obs: pl.DataFrame, bydel_nr: str, years: list[int]) -> bytes:
    from docx import Document  # loaded when a document is asked for, not by every page
    from docx.shared import Cm, Pt

    name = vocabulary().bydel_name(bydel_nr)
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(f"Bosetting og oppfølging av flyktninger i bydel {name} {years[0]}–{years[-1]}", level=1)
    doc.add_paragraph(
        f"Tallgrunnlag til sak til orientering. Laget {dt.date.today():%d.%m.%Y} med oslo-integration. "
        "Tegn: «:» = skjult av personvernhensyn (få personer), «.» = mangler. "
        "Tall merket «(eks.)» er eksempeldata, ikke ekte tall."
    )
    for table in case_tables(obs, bydel_nr, years):
        doc.add_heading(table.title, level=2)
        t = doc.add_table(rows=1, cols=len(table.header))
        t.style = "Table Grid"
        for i, h in enumerate(table.header):
            t.rows[0].cells[i].text = h
            for run in t.rows[0].cells[i].paragraphs[0].runs:
                run.font.bold = True
        for row in table.rows:
            cells = t.add_row().cells
            for i, v in enumerate(row):
                cells[i].text = v
        for note in table.notes:
            doc.add_paragraph(note)
    for caption, png in _charts(obs, bydel_nr, years):
        doc.add_picture(io.BytesIO(png), width=Cm(16))
        doc.add_paragraph(caption).italic = True
    doc.add_heading("Kilder", level=2)
    for line in _source_lines(obs, bydel_nr, years):
        doc.add_paragraph(line, style="List Bullet")
    for a, b in about_rows():
        if a in ("Kilder og lisenser", "") and b:
            doc.add_paragraph(b, style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def case_xlsx(obs: pl.DataFrame, bydel_nr: str, years: list[int]) -> bytes:
    sheets: dict[str, tuple[list[str], list[list[object]]]] = {
        f"Tabell {i}": (table.header, [[_number(v) for v in row] for row in table.rows])
        for i, table in enumerate(case_tables(obs, bydel_nr, years), start=1)
    }
    return to_xlsx(sheets, about_rows())


def _number(text: str) -> object:
    """Counts become numbers in the workbook; symbols and rate texts stay text."""
    digits = text.replace(" ", "")
    return int(digits) if digits.isdigit() else text
