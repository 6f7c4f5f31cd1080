"""The preview and the log as tables for people: Norwegian headings, names instead of codes."""

from __future__ import annotations

import polars as pl

from ..errors import Problem
from ..text.formulas import neutralise
from ..text.numbers import fmt_number
from ..vocab import Vocabulary, vocabulary
from .preview import CHANGE_LABELS, Preview

_STATUS_NB = {"ok": "", "prikket": "skjult (:)", "mangler": "mangler (.)"}
_STATUS_EN = {"ok": "", "prikket": "hidden (:)", "mangler": "missing (.)"}
# the tables are built with Norwegian headings; the English view renames them
HEADINGS_EN = {
    "Endring": "Change", "Bydel": "District", "År": "Year", "Måltall": "Measure", "Kategori": "Category",
    "Verdi": "Value", "Lagret nå": "Stored now", "Ark": "Sheet", "Celle": "Cell", "Melding": "Message",
    "Tidspunkt": "Time", "Hvem": "Who", "Fil": "File", "Gjelder": "For", "Tall": "Figures",
    "Gjeldende": "Current", "Angret": "Undone",
}  # fmt: skip
CHANGE_EN = {"Nytt tall": "New figure", "Endrer lagret tall": "Changes a stored figure", "Som lagret": "As stored"}


def in_language(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """English headings for the English view; the Norwegian ones otherwise."""
    if lang != "en":
        return frame
    return frame.rename({k: v for k, v in HEADINGS_EN.items() if k in frame.columns})


def _category(code: str | None) -> str:
    """Canonical codes such as «kommunal_bolig» as people write them; countries are already names."""
    if not code:
        return ""
    return code.replace("_", " ").capitalize() if "_" in code else code


def _fmt(value: float | None, status: str | None, lang: str = "nb") -> str:
    if status is None:
        return ""
    if status != "ok" or value is None:
        return (_STATUS_EN if lang == "en" else _STATUS_NB).get(status, status)
    return fmt_number(value, 0 if float(value).is_integer() else 1, lang)


def figures_table(preview: Preview, vocab: Vocabulary | None = None, lang: str = "nb") -> pl.DataFrame:
    """Every figure the file would import, with its cell and what it does to the stored figure."""
    vocab = vocab or vocabulary()
    if preview.changes.is_empty():
        return pl.DataFrame()
    rows = []
    for r in preview.changes.sort("change", "bydel_nr", "year", "measure", "category", nulls_last=True).iter_rows(named=True):
        measure = vocab.measures.get(r["measure"])
        change = CHANGE_LABELS[r["change"]]
        rows.append(
            {
                "Endring": CHANGE_EN.get(change, change) if lang == "en" else change,
                "Bydel": vocab.bydel_name(r["bydel_nr"]),
                "År": r["year"],
                "Måltall": (measure.label_en if lang == "en" else measure.label_nb) if measure else r["measure"],
                "Kategori": _category(r["category"]),
                "Verdi": _fmt(r["value"], r["status"], lang),
                "Lagret nå": _fmt(r["stored_value"], r["stored_status"], lang)
                + ((" (example data)" if lang == "en" else " (eksempeldata)") if r["stored_kind"] == "eksempel" else ""),
                "Ark": r["sheet"] or "",
                "Celle": r["cell"],
            }
        )
    return in_language(neutralise(pl.DataFrame(rows)), lang)


def problems_table(problems: list[Problem], lang: str = "nb") -> pl.DataFrame:
    return in_language(
        neutralise(
            pl.DataFrame(
                {
                    "Ark": [p.sheet for p in problems],
                    "Celle": [p.cell for p in problems],
                    "Melding": [p.message for p in problems],
                },
                schema={"Ark": pl.String, "Celle": pl.String, "Melding": pl.String},
            )
        ),
        lang,
    )


def log_table(imports: pl.DataFrame, vocab: Vocabulary | None = None, lang: str = "nb") -> pl.DataFrame:
    """One row per import: who, when, which file (and its sha256), what it holds, whether it is undone."""
    vocab = vocab or vocabulary()

    def names(codes: str | None) -> str:
        # a code the vocabulary does not know (an older import, a stray text) is shown as it is
        found = [vocab.bydeler[c].bydel if c in vocab.bydeler else c for c in (codes or "").split(",") if c]
        many = f"{len(found)} districts and areas" if lang == "en" else f"{len(found)} bydeler og områder"
        return ", ".join(found) if len(found) <= 4 else many

    undone = "undone {} by {}" if lang == "en" else "angret {} av {}"
    table = (
        imports.sort("id", descending=True)
        .pipe(neutralise)
        .select(
            pl.col("id").alias("Import"),
            pl.col("imported_at").alias("Tidspunkt"),
            pl.col("who").alias("Hvem"),
            pl.col("file_name").alias("Fil"),
            pl.col("kind").alias("Type"),
            pl.col("bydeler").map_elements(names, return_dtype=pl.String).alias("Gjelder"),
            pl.col("n_rows").alias("Tall"),
            pl.col("current_rows").alias("Gjeldende"),
            pl.when(pl.col("undone_at").is_not_null())
            .then(pl.format(undone, pl.col("undone_at").dt.strftime("%Y-%m-%d %H:%M"), pl.col("undone_by")))
            .otherwise(pl.lit(""))
            .alias("Angret"),
            pl.col("sha256").alias("SHA-256"),
        )
    )
    return in_language(table, lang)
