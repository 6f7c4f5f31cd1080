"""A card's figures as CSV (Norwegian Excel and plain) and XLSX with an «Om dataene» sheet."""

from __future__ import annotations

import datetime as dt
import io

import polars as pl

from ..metrics.indicators import Indicator
from ..publishers import publishers
from ..vocab import vocabulary
from .safe import neutralise, neutralise_text

COLUMNS_NB = {
    "bydel_nr": "Bydelsnummer",
    "bydel": "Bydel",
    "year": "År",
    "value": "Verdi",
    "numerator": "Teller",
    "denominator": "Nevner",
    "ci_low": "KI nedre",
    "ci_high": "KI øvre",
    "status": "Status",
    "example": "Eksempeldata",
    "sources": "Kilde (fil og celle)",
}
SYMBOLS = [
    ("ok", "tallet vises"),
    ("prikket", "skjult av personvernhensyn (1–4 personer, eller fordi det kunne regnes ut fra andre tall)"),
    ("mangler", "ikke tilgjengelig / ikke aktuelt"),
]


def card_rows(frame: pl.DataFrame, year: int, bydeler: tuple[str, ...], years: tuple[int, int]) -> pl.DataFrame:
    """What a card shows: every bydel for the year, and the selected bydeler with Oslo and the country over the years."""
    all_bydeler = {b.bydel_nr for b in vocabulary().real_bydeler()} | {"0301", "0"}
    shown = frame.filter(
        ((pl.col("year") == year) & pl.col("bydel_nr").is_in(list(all_bydeler)))
        | (pl.col("bydel_nr").is_in([*bydeler, "0301", "0"]) & pl.col("year").is_between(*years))
    )
    return shown.unique(subset=["bydel_nr", "year"], keep="first").sort("year", "bydel_nr")


def export_frame(rows: pl.DataFrame, ind: Indicator) -> pl.DataFrame:
    cols = ["bydel_nr", "bydel", "year", "value", "numerator", "denominator", "ci_low", "ci_high", "status", "example", "sources"]
    # counts are whole numbers in every export («25», never «25,0»); shares keep four decimals
    value = pl.col("value").round(0).cast(pl.Int64) if ind.kind == "count" else pl.col("value").round(4)
    out = rows.select(cols).with_columns(
        value, pl.col("ci_low").round(4), pl.col("ci_high").round(4),
        pl.col("numerator").round(0).cast(pl.Int64), pl.col("denominator").round(0).cast(pl.Int64),
        pl.when(pl.col("example")).then(pl.lit("ja")).otherwise(pl.lit("nei")).alias("example"),
    )  # fmt: skip
    if ind.kind != "rate":
        out = out.drop("numerator", "denominator", "ci_low", "ci_high")
    return neutralise(out.rename({k: v for k, v in COLUMNS_NB.items() if k in out.columns}))


def to_csv_excel(rows: pl.DataFrame, ind: Indicator) -> bytes:
    """UTF-8 with BOM, `;` and decimal comma: opens right in Norwegian Excel."""
    frame = export_frame(rows, ind)
    text = frame.with_columns(
        pl.col(c).cast(pl.String).str.replace(".", ",", literal=True) for c, t in frame.schema.items() if t.is_float()
    ).write_csv(separator=";", null_value="")
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def to_csv_plain(rows: pl.DataFrame, ind: Indicator) -> bytes:
    """UTF-8, `,` and decimal point, for researchers."""
    return export_frame(rows, ind).write_csv(null_value="").encode("utf-8")


def about_rows(
    ind: Indicator | None = None, sources: list[str] | None = None, version: str | None = None
) -> list[tuple[str, str]]:
    """Sources, licences, definitions and symbols, for the «Om dataene» sheet and documents: plain
    sentences with publishers and licences (`sources`, or every shipped publisher), never Markdown."""
    vocab = vocabulary()
    rows = [("Laget", dt.date.today().isoformat())]
    if version:
        rows.append(("Datagrunnlag versjon", version))
    rows.append(("", ""))
    if ind is not None:
        rows.append(("Indikator", ind.label_nb))
        for m in {ind.numerator, ind.denominator} - {""}:
            rows.append((vocab.measures[m].label_nb, vocab.measures[m].definition_nb))
        rows.append(("", ""))
    rows.append(("Tegn", "Betydning"))
    rows += SYMBOLS
    rows += [("", ""), ("Kilder og lisenser", "")]
    if sources is None:
        sources = [f"{p.name_nb}. Lisens/vilkår: {p.licence_nb}." for p in publishers().values() if p.licence_nb not in ("", "–")]
        sources.append(
            "Bydelsgrenser: © Oslo kommune, Plan- og bygningsetaten, CC BY 4.0 (endret: Sentrum skilt ut, forenklet og reprojisert)."
        )
    rows += [("", line) for line in sources]
    rows.append(("Eksempeldata", "Tall merket «ja» under Eksempeldata er genererte, ikke ekte tall."))
    return rows


def to_xlsx(sheets: dict[str, pl.DataFrame | tuple[list[str], list[list[object]]]], about: list[tuple[str, str]]) -> bytes:
    """One sheet per table (a frame, or a header and rows) with number formats and a bold header, then «Om dataene»."""
    from openpyxl import Workbook  # loaded when a workbook is asked for, not by every page
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for name, table in sheets.items():
        header, rows = (table.columns, list(table.iter_rows())) if isinstance(table, pl.DataFrame) else table
        ws = wb.create_sheet(name[:31])
        ws.append([neutralise_text(str(c)) for c in header])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([neutralise_text(v) if isinstance(v, str) else v for v in row])
        for j, col in enumerate(header, start=1):
            for r in range(2, len(rows) + 2):
                cell = ws.cell(row=r, column=j)
                if isinstance(cell.value, float):
                    cell.number_format = "0" if col in ("Teller", "Nevner") else "0.0"
                elif isinstance(cell.value, int):
                    cell.number_format = "0"
            ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = max(10, min(60, len(str(col)) + 4))
    info = wb.create_sheet("Om dataene")
    for a, b in about:
        info.append([neutralise_text(a), neutralise_text(b)])
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 120
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
