"""A table's body read column by column: each label's meaning found once, the figures kept as columns.

The cell path (the loop in `tables.read_table`) makes a key and a record for every figure; in a long
table of thousands of rows that was most of an import's time. Here each label column's distinct texts
are classified once, a row is known by the ids of its labels, what a row and a value column mean
together is worked out once per distinct pair, and the figures come out as lists, one per field.

Only the clean case is taken: any row the cell path would carry a label into, report, or warn about
(an empty or unknown label, columns that disagree, a figure for one sex, a share, another kommune, a
missing year, bydel or measure) sends the whole table back to the cell path. What is read and what is
said are the same either way; only the time differs (tests/normalise/test_by_columns.py holds both to it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from ..read.grid import Sheet
from ..vocab import Vocabulary
from .context import Context
from .keys import Key, classify, is_sex_split, merge

# (column, its letters, its key for a row that is a total, its key for any other row): as read_table has them
ValueColumn = tuple[int, str, Key, Key]
# what a (row kind, value column) pair gives: None (left out) or (measure, category, year, bydel_nr), where a
# None year or bydel means «the row's own»
_Outcome = tuple[str, str | None, int | None, str | None] | None


class Figures(NamedTuple):
    """A table's figures as columns, in the cell path's order (row by row, value columns left to right)."""

    bydel_nr: list[str]
    year: list[int]
    measure: list[str]
    category: list[str | None]
    raw: list[str | None]
    percent_format: list[bool]
    cell: list[str]
    sheet: str


@dataclass
class Body:
    figures: Figures
    summed_rows: list[int]  # body rows left out as sums over an axis, in order (the caller notes each)


class _Fallback(Exception):
    """The table needs the cell path."""


class _Labels:
    """Every body row's labels as small ids: the meaning without year and bydel, and the year and bydel apart.

    A key's year and bydel never change how the rest of it merges (keys.merge compares them only with
    each other), so the few distinct rests are merged in Python and the many rows only point at them.
    """

    def __init__(self, rows: list[list[str | None]], labels: list[tuple[int, str | None]], vocab: Vocabulary) -> None:
        self.years: list[int | None] | None = None
        self.bydeler: list[str | None] | None = None
        self.rests: list[Key] = []  # interned: a key without its year and bydel
        self._rest_id: dict[Key, int] = {}
        per_column: list[list[int]] = []
        for c, hint in labels:
            texts = _column(rows, c)
            keys: dict[str, Key] = {}
            for text in dict.fromkeys(texts):
                found = classify(text, vocab, hint) if text is not None else None
                if found is None:  # an empty label (carried from above?) or an unknown one: the cell path asks
                    raise _Fallback
                keys[text] = found
            if any(k.year is not None for k in keys.values()):
                if self.years is not None:  # two columns name the year: the cell path checks that they agree
                    raise _Fallback
                self.years = [keys[t].year for t in texts]  # type: ignore[index]
            if any(k.bydel_nr is not None for k in keys.values()):
                if self.bydeler is not None:
                    raise _Fallback
                self.bydeler = [keys[t].bydel_nr for t in texts]  # type: ignore[index]
            ids = {t: self._intern(k._replace(year=None, bydel_nr=None)) for t, k in keys.items()}
            per_column.append([ids[t] for t in texts])  # type: ignore[index]
        combos = list(zip(*per_column, strict=True))
        merged: dict[tuple[int, ...], int] = {}
        for combo in dict.fromkeys(combos):
            key: Key | str = Key()
            for i in combo:
                key = merge(key, self.rests[i])  # type: ignore[arg-type]
                if isinstance(key, str):
                    raise _Fallback
            merged[combo] = self._intern(key)  # type: ignore[arg-type]
        self.rest_of_row = [merged[c] for c in combos]

    def _intern(self, key: Key) -> int:
        if key not in self._rest_id:
            self._rest_id[key] = len(self.rests)
            self.rests.append(key)
        return self._rest_id[key]

    def kinds(self) -> list[tuple[bool, bool, int]]:
        """Each row's kind: whether it names a year, a bydel, and the id of the rest of its key."""
        n = len(self.rest_of_row)
        has_year = [y is not None for y in self.years] if self.years is not None else [False] * n
        has_bydel = [b is not None for b in self.bydeler] if self.bydeler is not None else [False] * n
        return list(zip(has_year, has_bydel, self.rest_of_row, strict=True))

    def key_of(self, kind: tuple[bool, bool, int]) -> Key:
        """A key that stands for every row of its kind (a year and bydel only where they have one)."""
        has_year, has_bydel, rest = kind
        return self.rests[rest]._replace(year=0 if has_year else None, bydel_nr="" if has_bydel else None)


def read_by_columns(
    sheet: Sheet,
    body_rows: list[int],
    labels: list[tuple[int, str | None]],
    value_columns: list[ValueColumn],
    summed: Callable[[Key, set[str]], bool],
    what_of: Callable[[Key], tuple[str, str | None] | str],
    unit_measure: Callable[[str, bool], str | None],
    context: Context,
    vocab: Vocabulary,
) -> Body | None:
    """The table's figures as columns, or None when some row needs the cell path.

    `labels` are the label and dimension columns (column, hint) left to right; `summed`, `what_of` and
    `unit_measure` are read_table's own rules (a sum over an axis; a key's measure and category; the
    measure a share or a count goes to), so both paths decide alike.
    """
    if not labels or not value_columns or not body_rows:
        return None
    rows = [sheet.rows[r] for r in body_rows]
    try:
        found = _Labels(rows, labels, vocab)
        kinds = found.kinds()
        outcomes = _outcomes(found, dict.fromkeys(kinds), value_columns, summed, what_of, unit_measure, context)
    except _Fallback:
        return None
    row_kind_outcomes = [outcomes[k] for k in kinds]
    summed_rows = [r for r, (skip, _) in zip(body_rows, row_kind_outcomes, strict=True) if skip == "summed"]
    cols = [c for c, *_ in value_columns]
    letters = [letters for _, letters, *_ in value_columns]
    # every figure's row position, value column position and outcome, row by row as the cell path goes
    if len(cols) == 1:  # the long layout: one value column, so no pairs to make
        every = [per_col[0] for _, per_col in row_kind_outcomes]
        at_rows = [i for i, o in enumerate(every) if o is not None]
        per = every if len(at_rows) == len(rows) else [every[i] for i in at_rows]
        at_cols = [0] * len(at_rows)
        texts = _column(rows, cols[0])
        raw = texts if per is every else [texts[i] for i in at_rows]
    else:
        pairs = [(i, j) for i, (_, per_col) in enumerate(row_kind_outcomes) for j, o in enumerate(per_col) if o is not None]
        at_rows, at_cols = [i for i, _ in pairs], [j for _, j in pairs]
        per = [row_kind_outcomes[i][1][j] for i, j in pairs]
        raw = [_text(rows[i], cols[j]) for i, j in pairs]
    years, bydeler = found.years, found.bydeler
    row0, addresses, percent = sheet.row0, sheet.addresses, sheet.percent_cells
    figures = Figures(
        bydel_nr=[o[3] or bydeler[i] for i, o in zip(at_rows, per, strict=True)]  # type: ignore[index,misc]
        if bydeler is not None
        else [o[3] for o in per],  # type: ignore[index,misc]
        year=[o[2] or years[i] for i, o in zip(at_rows, per, strict=True)]  # type: ignore[index,misc]
        if years is not None
        else [o[2] for o in per],  # type: ignore[index,misc]
        measure=[o[0] for o in per],  # type: ignore[index]
        category=[o[1] for o in per],  # type: ignore[index]
        raw=raw,
        percent_format=[(body_rows[i], cols[j]) in percent for i, j in zip(at_rows, at_cols, strict=True)]
        if percent
        else [False] * len(per),
        cell=[f"{letters[j]}{row0 + body_rows[i] + 1}" for i, j in zip(at_rows, at_cols, strict=True)]
        if addresses is None
        else [addresses[body_rows[i]] for i in at_rows],
        sheet=sheet.name,
    )
    return Body(figures, summed_rows)


def _text(row: list[str | None], c: int) -> str | None:
    return row[c] if c < len(row) else None


def _column(rows: list[list[str | None]], c: int) -> list[str | None]:
    """Column `c` of every row (a row too short for it has None there)."""
    if min(map(len, rows)) > c:  # the usual grid: every row as wide as the sheet
        return list(map(itemgetter(c), rows))
    return [_text(row, c) for row in rows]


def _outcomes(
    found: _Labels,
    kinds: dict[tuple[bool, bool, int], None],
    value_columns: list[ValueColumn],
    summed: Callable[[Key, set[str]], bool],
    what_of: Callable[[Key], tuple[str, str | None] | str],
    unit_measure: Callable[[str, bool], str | None],
    context: Context,
) -> dict[tuple[bool, bool, int], tuple[str | None, list[_Outcome]]]:
    """Per row kind: why it is left out («summed», «ignored» or None) and what each value column gives."""
    keys = {kind: found.key_of(kind) for kind in kinds}
    row_kinds = {k.kind() for k in keys.values()}
    out: dict[tuple[bool, bool, int], tuple[str | None, list[_Outcome]]] = {}
    for kind, rk in keys.items():
        if rk.elsewhere:  # another kommune: the cell path warns
            raise _Fallback
        if summed(rk, row_kinds):
            out[kind] = ("summed", [None] * len(value_columns))
        elif rk.ignore:
            out[kind] = ("ignored", [None] * len(value_columns))
        else:
            out[kind] = (None, [_outcome(rk, kind, col, what_of, unit_measure, context) for col in value_columns])
    return out


def _outcome(
    rk: Key,
    kind: tuple[bool, bool, int],
    col: ValueColumn,
    what_of: Callable[[Key], tuple[str, str | None] | str],
    unit_measure: Callable[[str, bool], str | None],
    context: Context,
) -> _Outcome:
    """What one value column of a row of this kind gives; _Fallback for anything the cell path would say."""
    has_year, has_bydel, _ = kind
    _, _, total_key, plain_key = col
    col_key = total_key if rk.total else plain_key
    if (has_year and col_key.year is not None) or (has_bydel and col_key.bydel_nr is not None):
        raise _Fallback  # both name a year (or a bydel): the cell path checks that they agree
    merged = merge(rk, col_key)
    if isinstance(merged, str) or merged.sex:
        raise _Fallback
    if is_sex_split(merged.category):
        raise _Fallback
    what = what_of(Key(None, None, *merged[2:]))
    if isinstance(what, str):
        raise _Fallback
    year = None if has_year else (col_key.year or context.year)
    bydel_nr = None if has_bydel else (col_key.bydel_nr or context.bydel_nr)
    if (not has_year and year is None) or (not has_bydel and bydel_nr is None):
        raise _Fallback  # no year or no bydel anywhere: the cell path says so, cell by cell
    measure = unit_measure(what[0], merged.share)
    if measure is None:  # a share with no percent measure: the cell path warns
        raise _Fallback
    return measure, what[1], year, bydel_nr
