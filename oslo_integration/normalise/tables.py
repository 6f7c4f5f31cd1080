"""One table on a sheet -> one record per figure, each with its key and its cell address."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..read.grid import Sheet
from ..read.limits import MAX_PROBLEMS_SHOWN
from ..vocab import Vocabulary, fold
from .context import Context
from .keys import Key, classify, closest_bydel, closest_labels, header_kind, merge
from .layout import Table

DEFAULT_MEASURE_FOR_KIND = {
    "boligtype": "bosatt_boligtype",
    "land": "bosatt_landbakgrunn",
    "region": "innvandrerbefolkning",
    "gruppe": "bosetting_plan",
}


@dataclass
class Record:
    """A figure before its number is parsed: where it is, what it means, the text in the cell."""

    bydel_nr: str | None
    year: int | None
    measure: str | None
    category: str | None
    raw: str | None
    percent_format: bool
    sheet: str
    cell: str
    status_text: str | None = None
    extras: dict[str, str] = field(default_factory=dict)


@dataclass
class TableResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


# The schema has no sex dimension yet: figures for women or men only are left out (with one warning),
# the totals for both sexes are read.
_SEX_WORDS = {"kvinner", "kvinne", "menn", "mann", "kvinnar", "jenter", "gutter", "kjonn kvinner", "kjonn menn"}


def is_sex_split(category: str | None) -> bool:
    """«Kvinner», «Menn», «Arbeid, Kvinner», «Utdanning, menn»: a figure for one sex only."""
    if not category:
        return False
    folded = fold(category)
    return folded in _SEX_WORDS or any(word in _SEX_WORDS for word in folded.split())


@dataclass
class _Column:
    col: int
    role: str  # "label", "dim", "value", "meta", "status", "ignore"
    hint: str | None = None
    key: Key | None = None
    meta: str | None = None


def _shown(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unknown_label(file: str, sheet: Sheet, r: int, c: int, text: str, vocab: Vocabulary, what: str, out: TableResult) -> Problem:
    # suggestions cost a fuzzy search each: only for the problems that will be shown
    near = ", ".join(f"«{t}»" for t in closest_labels(text[:80], vocab)) if len(out.problems) < MAX_PROBLEMS_SHOWN else ""
    return Problem(
        file,
        sheet.name,
        sheet.address(r, c),
        f"Ukjent {what} «{_shown(text)}». "
        + (f"Nærmeste kjente: {near}. " if near else "")
        + "Rett teksten, eller legg den til som synonym i data/vocab/labels.csv.",
    )


def _columns(file: str, sheet: Sheet, table: Table, vocab: Vocabulary, out: TableResult) -> list[_Column]:
    cols: list[_Column] = []
    h = table.header_row
    for i, c in enumerate(table.columns):
        text = sheet.text(h, c)
        kind = header_kind(text)
        if kind and kind.startswith("meta:"):
            cols.append(_Column(c, "meta", meta=kind.split(":", 1)[1]))
        elif kind == "status":
            cols.append(_Column(c, "status"))
        elif kind == "value":
            cols.append(_Column(c, "value", key=Key(value=True)))
        elif kind:
            cols.append(_Column(c, "dim", hint=kind))
        elif i == 0 and (text is None or classify(text, vocab) is None or _mostly_text(sheet, table, c)):
            cols.append(_Column(c, "label"))
        elif text is None:
            if any(sheet.text(r, c) is not None for r in table.body_rows):
                out.problems.append(
                    Problem(
                        file,
                        sheet.name,
                        sheet.address(h, c),
                        "Kolonnen har tall, men ingen overskrift. Skriv år, bydel eller måltall i overskriften.",
                    )
                )
            cols.append(_Column(c, "ignore"))
        else:
            key = classify(text, vocab)
            if key is None:
                out.problems.append(_unknown_label(file, sheet, h, c, str(text), vocab, "kolonneoverskrift", out))
                cols.append(_Column(c, "ignore"))
            else:
                cols.append(_Column(c, "value", key=key))
    return cols


def _mostly_text(sheet: Sheet, table: Table, c: int) -> bool:
    from .keys import parse_year

    texts = [sheet.text(r, c) for r in table.body_rows]
    texts = [t for t in texts if t is not None]
    if not texts:
        return False
    wordy = sum(1 for t in texts if any(ch.isalpha() for ch in str(t)) or parse_year(str(t)))
    return wordy * 2 >= len(texts)


def _row_key(file: str, sheet: Sheet, r: int, cols: list[_Column], vocab: Vocabulary, out: TableResult) -> Key | None:
    key = Key()
    for col in cols:
        if col.role not in ("label", "dim"):
            continue
        text = sheet.text(r, col.col)
        if text is None:
            if col.role == "label" or col.hint in ("year", "bydel", "measure"):
                out.problems.append(
                    Problem(
                        file, sheet.name, sheet.address(r, col.col), "Raden har tall, men ingen tekst som sier hva de gjelder."
                    )
                )
                return None
            continue
        found = classify(str(text), vocab, col.hint if col.role == "dim" else None)
        if found is None:
            if col.hint == "bydel":
                near = closest_bydel(str(text)[:80], vocab) if len(out.problems) < MAX_PROBLEMS_SHOWN else None
                out.problems.append(
                    Problem(
                        file,
                        sheet.name,
                        sheet.address(r, col.col),
                        f"Ukjent bydel «{_shown(str(text))}»." + (f" Mente du «{near}»?" if near else ""),
                    )
                )
            elif col.hint == "year":
                out.problems.append(
                    Problem(file, sheet.name, sheet.address(r, col.col), f"«{_shown(str(text))}» er ikke et årstall.")
                )
            else:
                out.problems.append(_unknown_label(file, sheet, r, col.col, str(text), vocab, "tekst", out))
            return None
        merged = merge(key, found)
        if isinstance(merged, str):
            out.problems.append(
                Problem(file, sheet.name, sheet.address(r, col.col), f"Kolonnene i raden sier ulike ting om {_FIELD_NB[merged]}.")
            )
            return None
        key = merged
    return key


_FIELD_NB = {"year": "år", "bydel_nr": "bydel", "measure": "måltall", "category": "kategori", "category_kind": "kategori"}


def _axis_kinds(keys: list[Key | None]) -> set[str]:
    return {k.kind() for k in keys if k is not None}


def read_table(file: str, sheet: Sheet, table: Table, context: Context, vocab: Vocabulary) -> TableResult:
    out = TableResult()
    cols = _columns(file, sheet, table, vocab, out)
    value_cols = [c for c in cols if c.role == "value"]
    if not value_cols:
        out.problems.append(
            Problem(
                file, sheet.name, sheet.address(table.header_row, table.columns[0]), "Fant ingen kolonne med tall i tabellen."
            )
        )
        return out
    col_kinds = _axis_kinds([c.key for c in value_cols])
    row_keys = {r: _row_key(file, sheet, r, cols, vocab, out) for r in table.body_rows}
    row_kinds = _axis_kinds(list(row_keys.values()))
    meta_cols = [c for c in cols if c.role == "meta"]
    status_col = next((c for c in cols if c.role == "status"), None)

    for col in value_cols:
        if col.key.skip or (col.key.total and col_kinds & {"year", "bydel_nr"}):
            out.notes.append(
                f"{sheet.address(table.header_row, col.col)}: kolonnen «{sheet.text(table.header_row, col.col)}» er en summering eller beregning og lagres ikke."
            )
    for r, rk in row_keys.items():
        if rk is not None and (rk.skip or (rk.total and row_kinds & {"year", "bydel_nr"})):
            label_col = cols[0].col
            out.notes.append(
                f"{sheet.address(r, label_col)}: raden «{sheet.text(r, label_col)}» er en summering eller beregning og lagres ikke."
            )

    resolved_keys: dict[Key, tuple[int, str, str, str | None] | str] = {}  # the same key resolves the same way
    by_sex: list[str] = []
    for r in table.body_rows:
        rk = row_keys[r]
        if rk is None or rk.skip or (rk.total and row_kinds & {"year", "bydel_nr"}):
            continue
        extras = {c.meta: str(sheet.text(r, c.col)).strip() for c in meta_cols if sheet.text(r, c.col) is not None}
        status_text = sheet.text(r, status_col.col) if status_col else None
        for col in value_cols:
            if col.key.skip or (col.key.total and col_kinds & {"year", "bydel_nr"}):
                continue
            addr = sheet.address(r, col.col)
            merged = merge(rk, col.key)
            if isinstance(merged, str):
                out.problems.append(Problem(file, sheet.name, addr, f"Raden og kolonnen sier ulike ting om {_FIELD_NB[merged]}."))
                continue
            if is_sex_split(merged.category):
                by_sex.append(addr)
                continue
            if merged not in resolved_keys:
                resolved_keys[merged] = _resolve(merged, context, vocab)
            resolved = resolved_keys[merged]
            if isinstance(resolved, str):
                out.problems.append(Problem(file, sheet.name, addr, resolved))
                continue
            year, bydel_nr, measure, category = resolved
            out.records.append(
                Record(
                    bydel_nr,
                    year,
                    measure,
                    category,
                    sheet.text(r, col.col),
                    (r, col.col) in sheet.percent_cells,
                    sheet.name,
                    addr,
                    status_text,
                    extras,
                )
            )
    if by_sex:
        out.warnings.append(
            Problem(
                file,
                sheet.name,
                f"{by_sex[0]}–{by_sex[-1]}" if len(by_sex) > 1 else by_sex[0],
                f"{len(by_sex)} tall for kvinner eller menn alene er ikke lest: kjønn er ikke en del av skjemaet ennå. "
                "Tallene for begge kjønn er lest.",
                "advarsel",
            )
        )
    return out


def _resolve(key: Key, ctx: Context, vocab: Vocabulary) -> tuple[int, str, str, str | None] | str:
    """Fill what the key leaves open from the context; a string explains what is missing."""
    year = key.year or ctx.year
    bydel_nr = key.bydel_nr or ctx.bydel_nr
    measure, category = key.measure, key.category
    if measure is None:
        measure, base_cat = ctx.measure, ctx.category
        if key.category_kind and key.category_kind != "*":
            measure = _measure_for_kind(measure, key.category_kind, vocab)
            if measure is None:
                return f"Kategorien «{category}» passer ikke til måltallet i tabellens tittel."
        elif category is None and not key.total:
            category = base_cat
    if measure is None:
        return (
            "Finner ikke hvilket måltall tallet gjelder. Skriv det i radens eller kolonnens tekst, "
            "eller som tittel over tabellen (f.eks. «Bosatte flyktninger»)."
        )
    info = vocab.measures[measure]
    if key.total:
        category = None
        if info.total_measure:
            measure = info.total_measure
            info = vocab.measures[measure]
    if category is not None:
        if not info.category_kind:
            return f"Måltallet «{info.label_nb}» har ingen inndeling, men cellen har kategorien «{category}»."
        canonical = vocab.category(info.category_kind, category)
        if canonical is None and info.category_kind in ("boligtype", "gruppe"):
            known = ", ".join(sorted(set(vocab.categories.get(info.category_kind, {}).values())))
            return f"Ukjent kategori «{category}» for «{info.label_nb}». Kjente: {known}."
        category = canonical or category
    if year is None:
        return "Finner ikke hvilket år tallet gjelder. Bruk år som kolonne- eller radoverskrift, som arknavn eller i tittelen."
    if bydel_nr is None:
        return (
            "Finner ikke hvilken bydel tallet gjelder. Skriv «Bydel Navn» over tabellen, bruk en bydelskolonne, "
            "ha bydelen i filnavnet, eller angi --bydel."
        )
    return year, bydel_nr, measure, category


def _measure_for_kind(measure: str | None, kind: str, vocab: Vocabulary) -> str | None:
    if measure is None:
        return DEFAULT_MEASURE_FOR_KIND.get(kind)
    info = vocab.measures[measure]
    if info.category_kind == kind:
        return measure
    for m in vocab.measures.values():
        if m.total_measure == measure and m.category_kind == kind:
            return m.measure
    return None
