"""Spreadsheets -> the common long schema (shared/schema.md), with every figure's cell.

read (cells) -> layout (tables) -> keys and context (what each cell means) -> numbers -> validate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ..errors import InputRefused, Problem
from ..read import Workbook, read_bytes, read_path
from ..vocab import Vocabulary, vocabulary
from .context import (
    Context,
    bydel_in_file_name,
    bydel_in_text,
    measure_in_text,
    single_year_in_text,
    year_in_sheet_name,
)
from .layout import TextLine, find_tables
from .numbers import HIDDEN, MISSING, OK, STATUSES, parse_numbers
from .tables import Record, read_table

SCHEMA_COLUMNS = ["bydel_nr", "bydel", "year", "measure", "category", "value", "status", "source_file", "sheet", "cell"]
EXTRA_COLUMNS = ["ref_date", "source_url", "origin", "note"]
OBSERVATION_SCHEMA = {
    "bydel_nr": pl.String,
    "bydel": pl.String,
    "year": pl.Int32,
    "measure": pl.String,
    "category": pl.String,
    "value": pl.Float64,
    "status": pl.String,
    "source_file": pl.String,
    "sheet": pl.String,
    "cell": pl.String,
    "ref_date": pl.String,
    "source_url": pl.String,
    "origin": pl.String,
    "note": pl.String,
}


@dataclass
class Normalised:
    """The figures of one file in the common schema, and the notes that travel with the import."""

    file_name: str
    observations: pl.DataFrame
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def normalise_path(path: str | Path, bydel: str | None = None) -> Normalised:
    return normalise_workbook(read_path(path), bydel)


def normalise_bytes(data: bytes, file_name: str, bydel: str | None = None) -> Normalised:
    return normalise_workbook(read_bytes(data, file_name), bydel)


def _read_sheets_text(wb: Workbook) -> str:
    shown = [f"«{s.name}»" for s in wb.sheets if s.visible]
    return f"Lest ble: {', '.join(shown)}." if shown else "Ingen synlige ark ble lest."


def normalise_workbook(wb: Workbook, bydel: str | None = None, vocab: Vocabulary | None = None) -> Normalised:
    """Every figure of the workbook, or InputRefused listing every problem found in it."""
    from ..validate import validate

    vocab = vocab or vocabulary()
    file = wb.file_name
    problems: list[Problem] = []
    notes: list[str] = []
    warnings: list[Problem] = []
    cli_bydel = None
    if bydel is not None:
        cli_bydel = vocab.resolve_bydel(bydel)
        if cli_bydel is None:
            from .keys import closest_bydel

            problems.append(Problem(file, "", "", f"Ukjent bydel «{bydel}» i --bydel. Mente du «{closest_bydel(bydel, vocab)}»?"))
    name_bydel = bydel_in_file_name(file, vocab)
    records: list[Record] = []
    for sheet in wb.sheets:
        if not sheet.visible:
            warnings.append(
                Problem(
                    file,
                    sheet.name,
                    "",
                    "Arket er skjult og ble ikke lest. Vis arket i Excel hvis tallene i det skal med. " + _read_sheets_text(wb),
                    "advarsel",
                )
            )
            continue
        tables, loose = find_tables(sheet)
        if not tables:
            if any(any(v is not None for v in row) for row in sheet.rows):
                warnings.append(Problem(file, sheet.name, "", "Fant ingen tabell på arket; bare tekst ble lest.", "advarsel"))
            notes.extend(_note(sheet.name, sheet.address(t.row, t.col), t.text) for t in loose)
            continue
        sheet_year = year_in_sheet_name(sheet.name) if wb.kind == "xlsx" else None
        sheet_lines = [t for tb in tables for t in tb.titles] + loose
        sheet_bydel = (vocab.resolve_bydel(sheet.name) if sheet.name and not sheet.name.isdigit() else None) or _first_bydel(
            sheet_lines, vocab
        )
        for table in tables:
            titles = [t.text for t in table.titles]
            table_bydel = _first_bydel(table.titles, vocab) or sheet_bydel
            if cli_bydel and table_bydel and table_bydel != cli_bydel:
                where = next((t for t in table.titles if bydel_in_text(t.text, vocab)), table.titles[0] if table.titles else None)
                problems.append(
                    Problem(
                        file,
                        sheet.name,
                        sheet.address(where.row, where.col) if where else "",
                        f"Teksten nevner {vocab.bydel_name(table_bydel)}, men --bydel sier {vocab.bydel_name(cli_bydel)}.",
                    )
                )
            found_measure = next((m for m in (measure_in_text(t, vocab) for t in titles) if m), None)
            ctx = Context(
                year=sheet_year or single_year_in_text(titles),
                bydel_nr=table_bydel or cli_bydel or name_bydel,
                measure=found_measure[0] if found_measure else None,
                category=found_measure[1] if found_measure else None,
            )
            result = read_table(file, sheet, table, ctx, vocab)
            records.extend(result.records)
            problems.extend(result.problems)
            notes.extend(_note(sheet.name, sheet.address(t.row, t.col), t.text) for t in reversed(table.titles))
            notes.extend(f"{_sheet_prefix(sheet.name)}{n}" for n in result.notes)
            notes.extend(_note(sheet.name, sheet.address(t.row, t.col), t.text) for t in table.notes)
        notes.extend(_note(sheet.name, sheet.address(t.row, t.col), t.text) for t in loose)
    frame, parse_problems, parse_notes = _to_frame(file, records, vocab)
    problems.extend(parse_problems)
    notes.extend(parse_notes)
    problems.extend(validate(frame.filter(pl.col("status").is_not_null()), file, vocab))
    if not problems and frame.is_empty():
        problems.append(
            Problem(file, "", "", "Fant ingen tall i filen. Har den en tabell med overskrifter (år, bydel eller måltall)?")
        )
    if problems:
        raise InputRefused(problems)
    return Normalised(file, _drop_repeats(frame), notes, warnings)


def _sheet_prefix(sheet: str) -> str:
    return f"{sheet}!" if sheet else ""


def _note(sheet: str, address: str, text: str) -> str:
    return f"{_sheet_prefix(sheet)}{address}: {text}"


def _first_bydel(lines: list[TextLine], vocab: Vocabulary) -> str | None:
    for line in lines:
        found = bydel_in_text(line.text, vocab)
        if found:
            return found
    return None


def _to_frame(file: str, records: list[Record], vocab: Vocabulary) -> tuple[pl.DataFrame, list[Problem], list[str]]:
    """Parse every cell's text at once and turn the records into schema rows."""
    problems: list[Problem] = []
    notes: list[str] = []
    raw = pl.DataFrame(
        {
            "bydel_nr": [r.bydel_nr for r in records],
            "year": [r.year for r in records],
            "measure": [r.measure for r in records],
            "category": [r.category for r in records],
            "raw": [None if r.raw is None else str(r.raw) for r in records],
            "percent_format": [r.percent_format for r in records],
            "sheet": [r.sheet for r in records],
            "cell": [r.cell for r in records],
            "status_text": [r.status_text for r in records],
            "ref_date": [r.extras.get("ref_date") for r in records],
            "source_url": [r.extras.get("source_url") or r.extras.get("source") for r in records],
            "origin": [_origin(r.extras) for r in records],
            "note": [r.extras.get("note") for r in records],
        },
        schema_overrides={
            "bydel_nr": pl.String,
            "year": pl.Int32,
            "measure": pl.String,
            "category": pl.String,
            "raw": pl.String,
            "percent_format": pl.Boolean,
            "sheet": pl.String,
            "cell": pl.String,
            "status_text": pl.String,
            "ref_date": pl.String,
            "source_url": pl.String,
            "origin": pl.String,
            "note": pl.String,
        },
    )
    parsed = parse_numbers(raw)
    units = pl.DataFrame({"measure": list(vocab.measures), "unit": [m.unit for m in vocab.measures.values()]})
    parsed = parsed.join(units, on="measure", how="left")
    for row in parsed.filter(pl.col("unparsed")).iter_rows(named=True):
        problems.append(
            Problem(file, row["sheet"], row["cell"], f"«{row['raw']}» er ikke et tall eller et kjent symbol (-, :, ., .., …, *).")
        )
    for row in parsed.filter(pl.col("is_percent") & (pl.col("unit") != "prosent")).iter_rows(named=True):
        problems.append(
            Problem(
                file,
                row["sheet"],
                row["cell"],
                f"«{row['raw']}» er en prosent, men «{vocab.measures[row['measure']].label_nb}» skal være et antall personer.",
            )
        )
    status_given = pl.col("status_text").str.strip_chars().str.to_lowercase()
    for row in parsed.filter(status_given.is_not_null() & ~status_given.is_in(list(STATUSES))).iter_rows(named=True):
        problems.append(
            Problem(file, row["sheet"], row["cell"], f"Ukjent status «{row['status_text']}»; bruk ok, prikket eller mangler.")
        )
    parsed = parsed.with_columns(
        status=pl.when(status_given.is_in([HIDDEN, MISSING]) & pl.col("value").is_null())
        .then(status_given)
        .otherwise(pl.col("status"))
    )
    # A percent measure written as fractions (0.28) throughout is read as percent (28).
    fractions = (
        parsed.filter((pl.col("unit") == "prosent") & (pl.col("status") == OK))
        .group_by("measure")
        .agg(all_fraction=(pl.col("value").abs() <= 1).all() & ~pl.col("is_percent").any() & (pl.col("value") > 0).any())
        .filter("all_fraction")
    )
    for m in fractions["measure"]:
        notes.append(f"«{vocab.measures[m].label_nb}» var skrevet som andeler (0–1) og er regnet om til prosent.")
    parsed = parsed.with_columns(
        value=pl.when(pl.col("measure").is_in(fractions["measure"].implode()) & (pl.col("status") == OK))
        .then((pl.col("value") * 100).round(9))
        .otherwise(pl.col("value"))
    )
    names = pl.DataFrame({"bydel_nr": list(vocab.bydeler), "bydel": [b.bydel for b in vocab.bydeler.values()]})
    frame = (
        parsed.join(names, on="bydel_nr", how="left")
        .with_columns(source_file=pl.lit(file), value=pl.when(pl.col("status") == OK).then(pl.col("value")))
        .select(list(OBSERVATION_SCHEMA))
        .cast(OBSERVATION_SCHEMA)
    )
    return frame, problems, notes


def _origin(extras: dict[str, str]) -> str | None:
    """Where a figure in a long file said it came from (its own source_file/sheet/cell columns)."""
    parts = [extras.get("source_file"), extras.get("sheet"), extras.get("cell")]
    if not any(parts):
        return None
    f, s, c = (p or "" for p in parts)
    return f"{f} {s + '!' if s else ''}{c}".strip()


def _drop_repeats(frame: pl.DataFrame) -> pl.DataFrame:
    """The same figure written twice with the same value is kept once (differing values are refused)."""
    return frame.unique(subset=["bydel_nr", "year", "measure", "category"], keep="first", maintain_order=True)


__all__ = [
    "EXTRA_COLUMNS",
    "OBSERVATION_SCHEMA",
    "SCHEMA_COLUMNS",
    "InputRefused",
    "Normalised",
    "normalise_bytes",
    "normalise_path",
    "normalise_workbook",
]
