"""Spreadsheets -> the common long schema (shared/schema.md), with every figure's cell.

read (cells) -> layout (tables) -> keys and context (what each cell means) -> numbers -> validate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from ..errors import InputRefused, Problem
from ..read import Workbook, read_bytes, read_path
from ..read.limits import MAX_PROBLEMS_SHOWN
from ..text.numbers import fmt_number
from ..vocab import Synonym, Vocabulary, vocabulary, vocabulary_with
from .by_columns import Figures
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


def normalise_bytes(
    data: bytes,
    file_name: str,
    bydel: str | None = None,
    *,
    fallback_bydel: str | None = None,
    synonyms: tuple[Synonym, ...] = (),
) -> Normalised:
    """`fallback_bydel` is used only where nothing in the file says which bydel (an uploader's own bydel);
    `synonyms` are users' mappings of labels the shipped vocabulary does not know (stored, or picked now)."""
    vocab = vocabulary_with(tuple(synonyms))
    return normalise_workbook(read_bytes(data, file_name), bydel, vocab, fallback_bydel=fallback_bydel)


def _read_sheets_text(wb: Workbook) -> str:
    shown = [f"«{s.name}»" for s in wb.sheets if s.visible]
    return f"Lest ble: {', '.join(shown)}." if shown else "Ingen synlige ark ble lest."


def normalise_files(
    files: list[tuple[bytes, str]], bydel: str | None = None, synonyms: tuple[Synonym, ...] = ()
) -> list[Normalised | InputRefused]:
    """Many files (bytes, name) in one batch; each gets its own answer, in the order given."""
    read: list[Workbook | InputRefused] = []
    for data, name in files:
        try:
            read.append(read_bytes(data, name))
        except InputRefused as exc:
            read.append(exc)
    readable = [wb for wb in read if isinstance(wb, Workbook)]
    vocab = vocabulary_with(tuple(synonyms))
    answers = iter(normalise_many([(wb, bydel) for wb in readable], vocab) if readable else [])
    return [wb if isinstance(wb, InputRefused) else next(answers) for wb in read]


def normalise_workbook(
    wb: Workbook, bydel: str | None = None, vocab: Vocabulary | None = None, *, fallback_bydel: str | None = None
) -> Normalised:
    """Every figure of the workbook, or InputRefused listing every problem found in it."""
    result = normalise_many([(wb, bydel)], vocab, fallback_bydel=fallback_bydel)[0]
    if isinstance(result, InputRefused):
        raise result
    return result


def normalise_many(
    workbooks: list[tuple[Workbook, str | None]], vocab: Vocabulary | None = None, *, fallback_bydel: str | None = None
) -> list[Normalised | InputRefused]:
    """Several workbooks at once, each with its own answer: the figures, or every problem found in it.

    Cells are read per workbook; number parsing and validation run once over all of them, so a
    batch of many small files does not pay the fixed cost of each table operation file by file.
    """
    vocab = vocab or vocabulary()
    collected = [_collect(wb, bydel, vocab, fallback_bydel) for wb, bydel in workbooks]
    frame, parse_problems, parse_notes = _to_frame(collected, vocab)
    from ..validate import validate_many

    checked = validate_many(frame.filter(pl.col("status").is_not_null()), [c.file for c in collected], vocab)
    out: list[Normalised | InputRefused] = []
    kept = _drop_repeats(frame)  # once for the batch, each file's own repeats (a query per file cost more than the work)
    by_file = {key[0]: part for key, part in kept.partition_by("_f", as_dict=True, include_key=False).items()}
    empty = frame.clear().drop("_f")
    for i, c in enumerate(collected):
        problems = c.problems + parse_problems.get(i, []) + checked.get(i, [])
        mine = by_file.get(i, empty)
        if not problems and mine.is_empty():
            problems.append(
                Problem(c.file, "", "", "Fant ingen tall i filen. Har den en tabell med overskrifter (år, bydel eller måltall)?")
            )
        if problems:
            out.append(InputRefused(bounded_problems(group_problems(list(dict.fromkeys(problems))))))
        else:
            notes = bounded_notes(c.notes + parse_notes.get(i, []))
            out.append(Normalised(c.file, mine, notes, bounded_problems(c.warnings)))
    return out


MAX_NOTE_CHARS = 500
MAX_NOTES = 100
MAX_MESSAGE_CHARS = 400


def bounded_problems(problems: list[Problem]) -> list[Problem]:
    """The first problems in full and one line that counts the rest: a file of junk gives a short answer."""
    shown = [
        p if len(p.message) <= MAX_MESSAGE_CHARS else replace(p, message=p.message[: MAX_MESSAGE_CHARS - 1] + "…")
        for p in problems[:MAX_PROBLEMS_SHOWN]
    ]
    rest = len(problems) - len(shown)
    if rest > 0:
        first = problems[0]
        shown.append(
            Problem(
                first.file,
                "",
                "",
                f"… og {fmt_number(rest, 0)} til av samme slag (ikke vist). Rett de første og prøv igjen.",
                first.level,
            )
        )
    return shown


_A1 = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
_QUOTED = re.compile(r"«[^»]*»")


def group_problems(problems: list[Problem]) -> list[Problem]:
    """The same problem down one column or along one row is one message naming the range («B5:B48»).

    Problems are the same when their messages differ only in the quoted cell text; the first
    cell's text is kept in the message and the others are counted. Columns are grouped first,
    then what is left along rows; the order of first appearance is kept.
    """
    placed: list[tuple[int, list[tuple[int, Problem, str, int]]]] = []
    by_col: dict[tuple, list[tuple[int, Problem, str, int]]] = {}
    for i, p in enumerate(problems):
        m = _A1.match(p.cell)
        if not m:
            placed.append((i, [(i, p, "", 0)]))
            continue
        template = (p.file, p.sheet, p.level, p.label, _QUOTED.sub("«»", p.message, count=1))
        by_col.setdefault((*template, m.group(1)), []).append((i, p, m.group(1), int(m.group(2))))
    by_row: dict[tuple, list[tuple[int, Problem, str, int]]] = {}
    for key, members in by_col.items():
        if len(members) > 1:
            placed.append((members[0][0], members))
        else:
            i, p, col, row = members[0]
            by_row.setdefault((*key[:-1], row), []).append(members[0])
    placed.extend((members[0][0], members) for members in by_row.values())
    return [_one_message(members) for _, members in sorted(placed, key=lambda pm: pm[0])]


def _one_message(members: list[tuple[int, Problem, str, int]]) -> Problem:
    first = members[0][1]
    if len(members) == 1:
        return first
    cols = sorted({c for _, _, c, _ in members}, key=lambda c: (len(c), c))
    rows = sorted({r for _, _, _, r in members})
    span = f"{cols[0]}{rows[0]}:{cols[-1]}{rows[-1]}"
    text = first.message.rstrip()
    text += "" if text.endswith((".", "?", "!")) else "."
    along = "kolonne" if len(cols) == 1 else "rad"
    return replace(
        first, cell=span, message=f"{text} Det samme gjelder {len(members) - 1} celle(r) til i samme {along} ({span})."
    )


def bounded_notes(notes: list[str]) -> list[str]:
    """Titles and footnotes travel with the import; a sheet of text must not become a note of megabytes."""
    kept = [n if len(n) <= MAX_NOTE_CHARS else n[: MAX_NOTE_CHARS - 1] + "…" for n in notes[:MAX_NOTES]]
    if len(notes) > MAX_NOTES:
        kept.append(f"… og {fmt_number(len(notes) - MAX_NOTES, 0)} merknader til (ikke lagret).")
    return kept


@dataclass
class _Collected:
    """One workbook's cells with their meaning, before numbers are parsed."""

    file: str
    parts: list[list[Record] | Figures]  # table by table: records from the cell path, columns from by_columns
    problems: list[Problem]
    notes: list[str]
    warnings: list[Problem]


def _collect(wb: Workbook, bydel: str | None, vocab: Vocabulary, fallback_bydel: str | None = None) -> _Collected:
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
    name_year = single_year_in_text([re.sub(r"[_\-.]+", " ", Path(file).stem)])
    used_fallback = False
    parts: list[list[Record] | Figures] = []
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
            # a caption under the table («Tabell 3: Bosatte flyktninger etter landbakgrunn, 2023») names it too
            captions = [t.text for t in table.notes if _CAPTION.match(t.text)]
            found_measure = next((m for m in (measure_in_text(t, vocab) for t in titles + captions) if m), None)
            ctx = Context(
                year=sheet_year or single_year_in_text(titles) or single_year_in_text(captions) or name_year,
                bydel_nr=table_bydel or cli_bydel or name_bydel or fallback_bydel,
                measure=found_measure[0] if found_measure else None,
                category=found_measure[1] if found_measure else None,
            )
            result = read_table(file, sheet, table, ctx, vocab)
            if not (table_bydel or cli_bydel or name_bydel) and (
                any(r.bydel_nr == fallback_bydel for r in result.records)
                or (result.figures is not None and fallback_bydel in result.figures.bydel_nr)
            ):
                used_fallback = True
            if result.records:
                parts.append(result.records)
            if result.figures is not None:
                parts.append(result.figures)
            problems.extend(result.problems)
            notes.extend(_note(sheet.name, sheet.address(t.row, t.col), t.text) for t in reversed(table.titles))
            notes.extend(f"{_sheet_prefix(sheet.name)}{n}" for n in result.notes)
            warnings.extend(result.warnings)
            notes.extend(_note(sheet.name, sheet.address(t.row, t.col), t.text) for t in table.notes)
        notes.extend(_note(sheet.name, sheet.address(t.row, t.col), t.text) for t in loose)
    if used_fallback and fallback_bydel:
        warnings.append(
            Problem(
                file,
                "",
                "",
                f"Der filen ikke sier hvilken bydel tallene gjelder, er de lest som tall for {vocab.bydel_name(fallback_bydel)} "
                "(bydelen du legger inn tall for). Skriv «Bydel Navn» over tabellen hvis det er feil.",
                "advarsel",
            )
        )
    return _Collected(file, parts, problems, notes, warnings)


_CAPTION = re.compile(r"^\s*(?:tabell|tab\.|figur)\s*\d*\s*[:.]", re.I)


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


def _to_frame(
    collected: list[_Collected], vocab: Vocabulary
) -> tuple[pl.DataFrame, dict[int, list[Problem]], dict[int, list[str]]]:
    """Parse every cell's text at once and turn the records into schema rows (`_f` = which workbook)."""
    problems: dict[int, list[Problem]] = {}
    notes: dict[int, list[str]] = {}
    files = [c.file for c in collected]
    raw = pl.DataFrame(_columns_of(collected), schema=_RAW_SCHEMA)
    parsed = parse_numbers(raw)
    units = pl.DataFrame({"measure": list(vocab.measures), "unit": [m.unit for m in vocab.measures.values()]})
    parsed = parsed.join(units, on="measure", how="left")
    status_given = pl.col("status_text").str.strip_chars().str.to_lowercase()
    flagged = parsed.with_columns(
        _unparsed=pl.col("unparsed"),
        _pct=pl.col("is_percent") & (pl.col("unit") != "prosent"),
        _status=status_given.is_not_null() & ~status_given.is_in(list(STATUSES)),
    ).filter(pl.col("_unparsed") | pl.col("_pct").fill_null(False) | pl.col("_status").fill_null(False))
    for row in flagged.iter_rows(named=True):
        messages = [
            f"«{row['raw']}» er ikke et tall eller et kjent symbol (-, :, ., .., …, *)." if row["_unparsed"] else None,
            f"«{row['raw']}» er en prosent, men «{vocab.measures[row['measure']].label_nb}» skal være et antall personer."
            if row["_pct"]
            else None,
            f"Ukjent status «{row['status_text']}»; bruk ok, prikket eller mangler." if row["_status"] else None,
        ]
        problems.setdefault(row["_f"], []).extend(Problem(files[row["_f"]], row["sheet"], row["cell"], m) for m in messages if m)
    parsed = parsed.with_columns(
        status=pl.when(status_given.is_in([HIDDEN, MISSING]) & pl.col("value").is_null())
        .then(status_given)
        .otherwise(pl.col("status"))
    )
    # A percent measure written as fractions (0.28) throughout is read as percent (28).
    fractions = (
        parsed.filter((pl.col("unit") == "prosent") & (pl.col("status") == OK))
        .group_by("_f", "measure")
        .agg(all_fraction=(pl.col("value").abs() <= 1).all() & ~pl.col("is_percent").any() & (pl.col("value") > 0).any())
        .filter("all_fraction")
    )
    for f, m in fractions.select("_f", "measure").iter_rows():
        notes.setdefault(f, []).append(
            f"«{vocab.measures[m].label_nb}» var skrevet som andeler (0–1) og er regnet om til prosent."
        )
    if fractions.height:
        parsed = parsed.join(fractions.select("_f", "measure", "all_fraction"), on=["_f", "measure"], how="left").with_columns(
            value=pl.when(pl.col("all_fraction").fill_null(False) & (pl.col("status") == OK))
            .then((pl.col("value") * 100).round(9))
            .otherwise(pl.col("value"))
        )
    names = pl.DataFrame({"bydel_nr": list(vocab.bydeler), "bydel": [b.bydel for b in vocab.bydeler.values()]})
    file_names = pl.DataFrame(
        {"_f": list(range(len(files))), "source_file": files}, schema={"_f": pl.Int32, "source_file": pl.String}
    )
    frame = (
        parsed.join(names, on="bydel_nr", how="left")
        .join(file_names, on="_f", how="left")
        .with_columns(value=pl.when(pl.col("status") == OK).then(pl.col("value")))
        .select("_f", *OBSERVATION_SCHEMA)
        .cast(OBSERVATION_SCHEMA)
    )
    return frame, problems, notes


_RAW_SCHEMA = {
    "_f": pl.Int32,
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
}
_FROM_EXTRAS: dict[str, Callable[[Mapping[str, str]], str | None]] = {
    "ref_date": lambda e: e.get("ref_date"),
    "source_url": lambda e: e.get("source_url") or e.get("source"),
    "origin": lambda e: _origin(e),
    "note": lambda e: e.get("note"),
}


def _columns_of(collected: list[_Collected]) -> dict[str, list]:
    """Every figure of every workbook as columns, in reading order: records field by field, columns as they are."""
    out: dict[str, list] = {name: [] for name in _RAW_SCHEMA}
    for f, c in enumerate(collected):
        for part in c.parts:
            if isinstance(part, Figures):
                n = len(part.cell)
                out["_f"] += [f] * n
                for name in ("bydel_nr", "year", "measure", "category", "raw", "percent_format", "cell"):
                    out[name] += getattr(part, name)
                out["sheet"] += [part.sheet] * n
                for name in ("status_text", *_FROM_EXTRAS):
                    out[name] += [None] * n
                continue
            # column by column (zip(*records) makes an iterator per record, and the collector walks them all);
            # the long files' own columns only where a record has them
            out["_f"] += [f] * len(part)
            for name, i in (("bydel_nr", 0), ("year", 1), ("measure", 2), ("category", 3)):
                out[name] += [r[i] for r in part]
            out["raw"] += [None if r.raw is None else str(r.raw) for r in part]
            out["percent_format"] += [r.percent_format for r in part]
            out["sheet"] += [r.sheet for r in part]
            out["cell"] += [r.cell for r in part]
            out["status_text"] += [r.status_text for r in part]
            for name, value in _FROM_EXTRAS.items():
                out[name] += [None if not r.extras else value(r.extras) for r in part]
    return out


def _origin(extras: Mapping[str, str]) -> str | None:
    """Where a figure in a long file said it came from (its own source_file/sheet/cell columns)."""
    parts = [extras.get("source_file"), extras.get("sheet"), extras.get("cell")]
    if not any(parts):
        return None
    f, s, c = (p or "" for p in parts)
    return f"{f} {s + '!' if s else ''}{c}".strip()


def _drop_repeats(frame: pl.DataFrame) -> pl.DataFrame:
    """The same figure written twice in a file with the same value is kept once (differing values are refused)."""
    return frame.unique(subset=["_f", "bydel_nr", "year", "measure", "category"], keep="first", maintain_order=True)


__all__ = [
    "EXTRA_COLUMNS",
    "OBSERVATION_SCHEMA",
    "SCHEMA_COLUMNS",
    "InputRefused",
    "Normalised",
    "normalise_bytes",
    "normalise_files",
    "normalise_many",
    "normalise_path",
    "normalise_workbook",
]
