"""One table on a sheet -> one record per figure, each with its key and its cell address."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import Problem
from ..read.grid import Sheet, column_letter
from ..read.limits import MAX_PROBLEMS_SHOWN
from ..vocab import Vocabulary, fold
from .by_columns import Figures, read_by_columns
from .context import Context
from .keys import GROUP_WORDS, SHARE_MARKERS, Key, classify, closest_bydel, header_kind, is_sex_split, merge
from .layout import HeaderCell, Table, cell_kind
from .mapping import ROLE_HEADER, ROLE_ROW, suggest, suggestion_words

DEFAULT_MEASURE_FOR_KIND = {
    "boligtype": "bosatt_boligtype",
    "land": "bosatt_landbakgrunn",
    "region": "innvandrerbefolkning",
    "gruppe": "bosetting_plan",
}


class Record(NamedTuple):
    """A figure before its number is parsed: where it is, what it means, the text in the cell.

    A named tuple: one is made per figure of a batch. Without extras it holds only strings, numbers and None,
    so Python's collector stops tracking it after one look (a batch's records were a tenth of its time).
    """

    bydel_nr: str | None
    year: int | None
    measure: str | None
    category: str | None
    raw: str | None
    percent_format: bool
    sheet: str
    cell: str
    status_text: str | None = None
    extras: Mapping[str, str] | None = None  # a long file's own columns (unit, ref_date, source, …)


@dataclass
class TableResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    asked: set[tuple[int, int]] = field(default_factory=set)  # header cells already reported as unknown
    figures: Figures | None = None  # the table's figures as columns, when they were read column by column


@dataclass
class _Column:
    col: int
    role: str  # "label", "dim", "value", "meta", "status", "ignore"
    hint: str | None = None
    key: Key | None = None
    meta: str | None = None


def _shown(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unknown_label(file: str, sheet: Sheet, r: int, c: int, text: str, vocab: Vocabulary, role: str, out: TableResult) -> Problem:
    """One unknown label, with suggestions from the vocabulary that fits where it stands."""
    shown = len(out.problems) < MAX_PROBLEMS_SHOWN  # suggestions cost a fuzzy search each: only for shown problems
    near = suggest(text[:80], role, vocab) if shown else ()
    what = "kolonneoverskrift" if role == ROLE_HEADER else "radtekst"
    return Problem(
        file,
        sheet.name,
        sheet.address(r, c),
        f"Ukjent {what} «{_shown(text)}». "
        + (f"Nærmeste kjente: {suggestion_words(near, vocab)}. " if near else "")
        + "Velg hva den betyr på opplastingssiden, eller rett teksten i filen.",
        label=text.strip()[:200],
        role=role,
        suggestions=near,
    )


def _number_as_header(file: str, sheet: Sheet, r: int, c: int, text: str) -> Problem:
    return Problem(
        file,
        sheet.name,
        sheet.address(r, c),
        f"Der overskriften skulle stå, står tallet «{_shown(text)}» (ikke et årstall). Mangler tabellen en overskriftsrad, "
        "eller er den flyttet en rad opp eller ned?",
    )


def _columns(file: str, sheet: Sheet, table: Table, vocab: Vocabulary, out: TableResult) -> list[_Column]:
    cols: list[_Column] = []
    for i, c in enumerate(table.columns):
        path = table.path(c)
        bottom = path[-1] if path else None
        text = bottom.text if bottom else None
        kind = header_kind(text)
        if i == 0 and kind in ("year", "bydel") and _names_the_columns(table, kind, c, vocab):
            kind = None  # «År» over the row labels of a table whose columns are the years: it names the columns
        if kind == "ignore":
            cols.append(_Column(c, "ignore"))  # «Nr.», a running number
        elif kind and kind.startswith("meta:"):
            cols.append(_Column(c, "meta", meta=kind.split(":", 1)[1]))
        elif kind == "status":
            cols.append(_Column(c, "status"))
        elif kind and kind != "value":
            cols.append(_Column(c, "dim", hint=kind))
        elif (
            i == 0
            and len(path) <= 1
            and kind != "value"
            and (text is None or classify(text, vocab) is None or _mostly_text(sheet, table, c))
        ):
            cols.append(_Column(c, "label"))
        elif text is None and c < min(table.paths, default=c) and _mostly_text(sheet, table, c):
            cols.append(_Column(c, "label"))  # a second label column without a header (PxWeb's XLSX)
        elif text is None:
            if any(sheet.text(r, c) is not None for r in table.body_rows):
                out.problems.append(
                    Problem(
                        file,
                        sheet.name,
                        sheet.address(table.header_row, c),
                        "Kolonnen har tall, men ingen overskrift. Skriv år, bydel eller måltall i overskriften.",
                    )
                )
            cols.append(_Column(c, "ignore"))
        else:
            key = _path_key(file, sheet, path, vocab, out)
            cols.append(_Column(c, "ignore") if key is None else _Column(c, "value", key=key))
    return cols


def _names_the_columns(table: Table, kind: str, label_col: int, vocab: Vocabulary) -> bool:
    """Whether the other headers are mostly of the dimension the first column's header names."""
    want = "year" if kind == "year" else "bydel_nr"
    others = [table.path(c)[-1].text for c in table.columns if c != label_col and table.path(c)]
    hits = sum(1 for text in others if getattr(classify(text, vocab), want, None) is not None)
    return bool(others) and hits * 2 > len(others)


def _path_key(file: str, sheet: Sheet, path: list[HeaderCell], vocab: Vocabulary, out: TableResult) -> Key | None:
    """The meaning of a value column: every header above it, the lower one more specific than the upper.

    A dimension word over values («År» over the years) and a group heading over several columns
    («Introduksjonsprogrammet») say nothing more; any other unknown header is asked about.
    """
    keys: list[Key] = []
    unknown: list[HeaderCell] = []
    for i, cell in enumerate(path):
        found = classify(cell.text, vocab)
        upper = i < len(path) - 1
        if (
            found is None
            and (fold(cell.text) in GROUP_WORDS or (upper and header_kind(cell.text)))
            or found is not None
            and found.ignore
            and upper
        ):
            found = Key()
        if found is None:
            unknown.append(cell)
        else:
            keys.append(found)
    if unknown and len(path) > 1:
        whole = classify(" ".join(cell.text for cell in path), vocab)
        if whole is not None:
            return whole
    for cell in unknown:
        if cell_kind(cell.text) == "number":
            out.problems.append(_number_as_header(file, sheet, cell.row, cell.col, cell.text))
        elif (cell.row, cell.col) not in out.asked:
            out.asked.add((cell.row, cell.col))
            out.problems.append(_unknown_label(file, sheet, cell.row, cell.col, cell.text, vocab, ROLE_HEADER, out))
    if unknown:
        return None
    key = Key()
    for found in keys:
        merged = merge(key, found)
        if merged in ("measure", "category", "category_kind"):  # «Bosatte» over «Kommunal bolig»: the lower says more
            merged = merge(key._replace(measure=None, category=None, category_kind=None), found)
        if isinstance(merged, str):
            cell = path[-1]
            out.problems.append(
                Problem(
                    file,
                    sheet.name,
                    sheet.address(cell.row, cell.col),
                    f"Overskriftene over kolonnen sier ulike ting om {_FIELD_NB[merged]}: "
                    + " › ".join(f"«{_shown(c.text, 40)}»" for c in path)
                    + ".",
                )
            )
            return None
        key = merged
    if key == Key():
        return Key(value=True)
    return key


def _mostly_text(sheet: Sheet, table: Table, c: int) -> bool:
    from .keys import parse_year

    texts = [sheet.text(r, c) for r in table.body_rows]
    texts = [t for t in texts if t is not None]
    if not texts:
        return False
    wordy = sum(1 for t in texts if any(ch.isalpha() for ch in str(t)) or parse_year(str(t)))
    return wordy * 2 >= len(texts)


def _row_keys(
    file: str, sheet: Sheet, table: Table, cols: list[_Column], vocab: Vocabulary, out: TableResult
) -> dict[int, Key | None]:
    """Every body row's key. A row whose label cells are all filled and all known takes the short way (its texts
    classified and merged, both memoised); any other row goes through `_row_key`, which carries and reports."""
    label_cols = [col for col in cols if col.role in ("label", "dim")]
    where = [(col.col, col.hint if col.role == "dim" else None) for col in label_cols]
    carried: dict[int, str] = {}
    keys: dict[int, Key | None] = {}
    known: dict[tuple[str | None, ...], Key | None] = {}  # the labels but the innermost -> their key: they repeat
    outer = where[:-1]
    last_hint = where[-1][1] if where else None
    for r in table.body_rows:
        row = sheet.rows[r]
        width = len(row)
        texts = tuple(row[c] if c < width else None for c, _hint in where)
        prefix = texts[:-1]
        key = known[prefix] if prefix in known else _short_key(prefix, outer, vocab, known)
        if key is not None and where:
            found = classify(texts[-1], vocab, last_hint) if texts[-1] is not None else None
            key = None if found is None else merge(key, found)
        if key is None or isinstance(key, str):
            keys[r] = _row_key(file, sheet, r, cols, vocab, out, carried)
        else:
            for (c, _hint), text in zip(where, texts, strict=True):
                carried[c] = text
            keys[r] = key
    return keys


def _short_key(prefix: tuple[str | None, ...], outer: list[tuple[int, str | None]], vocab: Vocabulary, known: dict) -> Key | None:
    """The merged key of a row's outer labels when all are filled and known (else None), remembered in `known`."""
    key: Key | str | None = Key()
    for (_c, hint), text in zip(outer, prefix, strict=True):
        found = classify(text, vocab, hint) if text is not None else None
        if found is None:
            key = None
            break
        key = merge(key, found)
        if isinstance(key, str):
            key = None
            break
    known[prefix] = key
    return key


def _row_key(
    file: str, sheet: Sheet, r: int, cols: list[_Column], vocab: Vocabulary, out: TableResult, carried: dict[int, str]
) -> Key | None:
    """The key of a row's label cells; an empty label under a filled one in an outer column repeats it (pivot tables)."""
    key = Key()
    label_cols = [col for col in cols if col.role in ("label", "dim")]
    innermost = label_cols[-1].col if label_cols else None
    row_has_label = any(sheet.text(r, col.col) is not None for col in label_cols)
    for col in label_cols:
        text = sheet.text(r, col.col)
        if text is None and col.col != innermost and row_has_label and col.col in carried:
            text = carried[col.col]
        if text is None:
            if col.role == "label" or col.hint in ("year", "bydel", "measure"):
                out.problems.append(
                    Problem(
                        file, sheet.name, sheet.address(r, col.col), "Raden har tall, men ingen tekst som sier hva de gjelder."
                    )
                )
                return None
            continue
        carried[col.col] = str(text)
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
            elif cell_kind(text) == "number" and col.role == "label":
                out.problems.append(
                    Problem(
                        file,
                        sheet.name,
                        sheet.address(r, col.col),
                        f"Radteksten er tallet «{_shown(str(text))}», ikke et år, en bydel eller et måltall. "
                        "Mangler tabellen en kolonne med radtekster?",
                    )
                )
            else:
                out.problems.append(_unknown_label(file, sheet, r, col.col, str(text), vocab, ROLE_ROW, out))
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


def read_table(
    file: str, sheet: Sheet, table: Table, context: Context, vocab: Vocabulary, *, by_columns: bool = True
) -> TableResult:
    """Every figure of one table with its meaning, or the problems that stop it.

    A table whose rows are all plain goes column by column (by_columns.py); any other through the loop below,
    cell by cell. `by_columns=False` forces the cell path (the tests hold the two to the same answers).
    """
    out = TableResult()
    cols = _columns(file, sheet, table, vocab, out)
    value_cols = [c for c in cols if c.role == "value" and not c.key.ignore]
    if not value_cols:
        if not out.problems:  # never «no column with numbers» of a table whose headers were the trouble
            out.problems.append(
                Problem(
                    file, sheet.name, sheet.address(table.header_row, table.columns[0]), "Fant ingen kolonne med tall i tabellen."
                )
            )
        return out
    value_cols = _annual_only(file, sheet, table, value_cols, out)
    col_kinds = _axis_kinds([c.key for c in value_cols])
    only_totals = all(c.key.total for c in value_cols)  # a lone «I alt» column: the figures, not a sum to skip
    meta_cols = [c for c in cols if c.role == "meta"]
    status_col = next((c for c in cols if c.role == "status"), None)

    def summed(key: Key, kinds: set[str]) -> bool:
        """A «Sum» over the years or bydeler of its axis: a total that names no year or bydel itself."""
        if not (key.skip or key.total):  # most keys: told by two fields
            return False
        over = (kinds & {"year"} and key.year is None) or (kinds & {"bydel_nr"} and key.bydel_nr is None)
        return key.skip or (key.total and bool(over) and not only_totals)

    elsewhere: list[str] = [c.key.elsewhere for c in value_cols if c.key.elsewhere]
    value_cols = [c for c in value_cols if not c.key.elsewhere]
    rows_elsewhere = False
    for col in value_cols:
        if summed(col.key, col_kinds):
            out.notes.append(
                f"{sheet.address(table.header_row, col.col)}: kolonnen «{sheet.text(table.header_row, col.col)}» er en summering eller beregning og lagres ikke."
            )

    def summed_row(r: int) -> None:
        label_col = cols[0].col
        out.notes.append(
            f"{sheet.address(r, label_col)}: raden «{sheet.text(r, label_col)}» er en summering eller beregning og lagres ikke."
        )

    # The same key (without its year and bydel) resolves the same way, and a measure takes its unit the same way:
    # both asked once per distinct label, not once per cell of a long table.
    resolved_what: dict[tuple, tuple[str, str | None] | str] = {}
    for_unit: dict[tuple[str, bool, bool], str | None] = {}
    by_sex: list[str] = []
    shares: list[str] = []
    value_cols = [c for c in value_cols if not summed(c.key, col_kinds)]  # the notes above name the others
    # each value column's key for a row that is a total and for one that is not
    col_keys = [
        (
            col.col,
            column_letter(sheet.col0 + col.col),
            col.key,
            col.key._replace(total=False, value=True) if only_totals else col.key,
        )
        for col in value_cols
    ]

    def what_of(key: Key) -> tuple[str, str | None] | str:
        what_key = key[2:]
        if what_key not in resolved_what:
            resolved_what[what_key] = _resolve_what(key, context, vocab)
        return resolved_what[what_key]

    if by_columns and not meta_cols and status_col is None:
        labels = [(c.col, c.hint if c.role == "dim" else None) for c in cols if c.role in ("label", "dim")]
        body = read_by_columns(
            sheet,
            table.body_rows,
            labels,
            col_keys,
            summed,
            what_of,
            lambda measure, share: _measure_for_unit(measure, share, False, vocab),
            context,
            vocab,
        )
        if body is not None:
            for r in body.summed_rows:
                summed_row(r)
            out.figures = body.figures
            _warn_left_out(file, sheet, out, by_sex, shares, elsewhere, rows_elsewhere)
            return out
    row_keys = _row_keys(file, sheet, table, cols, vocab, out)
    row_kinds = _axis_kinds(list(row_keys.values()))
    for r, rk in row_keys.items():
        if rk is not None and summed(rk, row_kinds):
            summed_row(r)
    addresses = sheet.addresses  # as Sheet.address does it, without a call per cell
    percent_cells = sheet.percent_cells
    records = out.records
    for r in table.body_rows:
        rk = row_keys[r]
        if rk is None or summed(rk, row_kinds) or rk.ignore:
            continue
        if rk.elsewhere:
            elsewhere.append(rk.elsewhere)
            rows_elsewhere = True
            continue
        extras = (
            {c.meta: str(sheet.text(r, c.col)).strip() for c in meta_cols if sheet.text(r, c.col) is not None}
            if meta_cols
            else None
        )
        status_text = sheet.text(r, status_col.col) if status_col else None
        unit_share = _unit_is_share(extras.get("unit")) if extras else None
        row_no = sheet.row0 + r + 1
        for c, letters, total_key, plain_key in col_keys:
            addr = f"{letters}{row_no}" if addresses is None else addresses[r]
            merged = merge(rk, total_key if rk.total else plain_key)
            if isinstance(merged, str):
                out.problems.append(Problem(file, sheet.name, addr, f"Raden og kolonnen sier ulike ting om {_FIELD_NB[merged]}."))
                continue
            if merged.sex or is_sex_split(merged.category):
                by_sex.append(addr)
                continue
            what_key = merged[2:]  # every field but the year and the bydel (a tuple slice: made in C)
            what = resolved_what.get(what_key)
            if what is None:
                what = resolved_what[what_key] = _resolve_what(Key(None, None, *what_key), context, vocab)
            resolved = _with_place(what, merged, context)
            if isinstance(resolved, str):
                out.problems.append(Problem(file, sheet.name, addr, resolved))
                continue
            year, bydel_nr, measure, category = resolved
            unit_key = (measure, merged.share or unit_share is True, unit_share is False)
            if unit_key not in for_unit:
                for_unit[unit_key] = _measure_for_unit(*unit_key, vocab)
            measure = for_unit[unit_key]
            if measure is None:
                shares.append(addr)
                continue
            records.append(
                Record(
                    bydel_nr,
                    year,
                    measure,
                    category,
                    sheet.text(r, c),
                    (r, c) in percent_cells,
                    sheet.name,
                    addr,
                    status_text,
                    extras,
                )
            )
    _warn_left_out(file, sheet, out, by_sex, shares, elsewhere, rows_elsewhere)
    return out


def _warn_left_out(
    file: str, sheet: Sheet, out: TableResult, by_sex: list[str], shares: list[str], elsewhere: list[str], rows_elsewhere: bool
) -> None:
    """One warning per kind of figure left out: for one sex only, shares of persons, other kommuner."""
    if by_sex:
        out.warnings.append(
            Problem(
                file,
                sheet.name,
                _span(by_sex),
                f"{len(by_sex)} tall for kvinner eller menn alene er ikke lest: kjønn er ikke en del av skjemaet ennå. "
                "Tallene for begge kjønn er lest.",
                "advarsel",
            )
        )
    if shares:
        out.warnings.append(
            Problem(
                file,
                sheet.name,
                _span(shares),
                f"{len(shares)} prosenttall er ikke lest: de er andeler av et antall personer, og bare antallene lagres "
                "(andelene regnes ut av dem).",
                "advarsel",
            )
        )
    if elsewhere:
        names = list(dict.fromkeys(elsewhere))
        out.warnings.append(
            Problem(
                file,
                sheet.name,
                "",
                f"Tall for andre kommuner og fylker enn Oslo er hoppet over ({len(elsewhere)} "
                f"{'rader' if rows_elsewhere else 'kolonner'}: {', '.join(_shown(n, 40) for n in names[:5])}"
                f"{' …' if len(names) > 5 else ''}). Oslo og hele landet er lest.",
                "advarsel",
            )
        )


def _span(addresses: list[str]) -> str:
    return f"{addresses[0]}–{addresses[-1]}" if len(addresses) > 1 else addresses[0]


def _unit_is_share(unit: str | None) -> bool | None:
    """What an «Enhet» cell says: True for a share (Prosent), False for persons, None when there is none."""
    if not unit:
        return None
    folded = fold(unit)
    if folded in SHARE_MARKERS or folded in ("prosent", "pst", "andel", "prosentpoeng"):
        return True
    if folded in ("personer", "personar", "antall", "tal", "tall", "person", "antall personer"):
        return False
    return None


def _measure_for_unit(measure: str, share: bool, persons: bool, vocab: Vocabulary) -> str | None:
    """The measure a figure is, given that it is a share or a count: «…_antall» is the count of a percent measure.

    None when a share has no percent measure to go to (it is left out, never stored as persons).
    """
    unit = vocab.measures[measure].unit
    if share and unit == "personer":
        twin = measure.removesuffix("_antall")
        return twin if twin != measure and vocab.measures.get(twin, None) and vocab.measures[twin].unit == "prosent" else None
    if persons and unit == "prosent":
        twin = f"{measure}_antall"
        return twin if twin in vocab.measures else measure
    return measure


def _annual_only(file: str, sheet: Sheet, table: Table, value_cols: list[_Column], out: TableResult) -> list[_Column]:
    """Quarter columns are left out (with one warning) when the year's own column is there, refused when not."""
    quarters = [c for c in value_cols if c.key.quarter]
    if not quarters:
        return value_cols
    annual = {c.key._replace(value=False) for c in value_cols if not c.key.quarter}
    left_out, missing = [], []
    for c in quarters:
        (left_out if c.key._replace(quarter=False, value=False) in annual else missing).append(c)
    head = table.header_row
    if left_out:
        out.warnings.append(
            Problem(
                file,
                sheet.name,
                _span([sheet.address(head, c.col) for c in left_out]),
                f"{len(left_out)} kolonner med kvartalstall er ikke lest ("
                + ", ".join(f"«{_shown(table.path(c.col)[-1].text, 20)}»" for c in left_out[:6])
                + "); tallet for hele året er lest fra årskolonnen.",
                "advarsel",
            )
        )
    for c in missing:
        cell = table.path(c.col)[-1]
        out.problems.append(
            Problem(
                file,
                sheet.name,
                sheet.address(cell.row, cell.col),
                f"«{_shown(cell.text)}» er et kvartalstall, ikke tallet for hele året, og tabellen har ingen kolonne "
                f"for hele året. Legg til en kolonne «Hele {c.key.year or 'året'}»"
                + (f" (eller «{c.key.year} totalt»)." if c.key.year else "."),
            )
        )
    return [c for c in value_cols if not c.key.quarter]


def _with_place(what: tuple[str, str | None] | str, key: Key, ctx: Context) -> tuple[int, str, str, str | None] | str:
    """The measure and category with the year and bydel of the key or the context; what is missing comes first."""
    if isinstance(what, str):
        return what
    year = key.year or ctx.year
    if year is None:
        return "Finner ikke hvilket år tallet gjelder. Bruk år som kolonne- eller radoverskrift, som arknavn eller i tittelen."
    bydel_nr = key.bydel_nr or ctx.bydel_nr
    if bydel_nr is None:
        return (
            "Finner ikke hvilken bydel tallet gjelder. Skriv «Bydel Navn» over tabellen, bruk en bydelskolonne, "
            "ha bydelen i filnavnet, eller angi --bydel."
        )
    return year, bydel_nr, what[0], what[1]


def _resolve_what(key: Key, ctx: Context, vocab: Vocabulary) -> tuple[str, str | None] | str:
    """The measure and category of a key without its year and bydel (those never change them): asked once per
    distinct label in a long table, not once per row."""
    measure, category = key.measure, key.category
    if (
        measure is not None
        and key.category_kind
        and key.category_kind != "*"
        and vocab.measures[measure].category_kind != key.category_kind
    ):
        # «Bosatte flyktninger» with a country: settled by country of origin
        measure = _measure_for_kind(measure, key.category_kind, vocab)
        if measure is None:
            return f"Kategorien «{category}» passer ikke til måltallet «{vocab.measures[key.measure].label_nb}»."
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
    return measure, category


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
