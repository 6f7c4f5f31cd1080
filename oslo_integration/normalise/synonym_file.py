"""`--synonymer FILE`: a CSV of label;measure;category that says what a file's unknown labels mean.

The measure column takes a measure id or its Norwegian name, a year («2024»), or «ignorer»; with
no measure, the category is a category of the kind that already has it (a country by default).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InputRefused, Problem
from ..read.csv_reader import decode, sniff_delimiter
from ..vocab import Synonym, Vocabulary, fold
from .keys import parse_year
from .mapping import check_synonym

_IGNORE_WORDS = {"ignorer", "ignore", "hopp over", "hoppes over", "-"}
_HEADER = {"label", "tekst", "etikett"}
MAX_SYNONYMS = 10_000


def read_synonym_file(path: str | Path, vocab: Vocabulary) -> tuple[Synonym, ...]:
    """Every row as a synonym, or InputRefused naming each bad row's cell."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputRefused([Problem(p.name, "", "", f"Filen kan ikke åpnes: {exc.strerror}.")]) from None
    text = decode(data, p.name)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))[: MAX_SYNONYMS + 1]
    out: list[Synonym] = []
    problems: list[Problem] = []
    for n, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row] + ["", "", ""]
        label, measure, category = cells[:3]
        if not label or label.startswith("#") or (n == 1 and fold(label) in _HEADER):
            continue
        synonym = _synonym(label, measure, category, vocab)
        why = check_synonym(synonym, vocab) if synonym else f"Ukjent måltall «{measure}»."
        if why:
            problems.append(Problem(p.name, "", f"B{n}" if measure else f"A{n}", why))
        else:
            out.append(synonym)
    if problems:
        raise InputRefused(problems)
    return tuple(out)


def _synonym(label: str, measure: str, category: str, vocab: Vocabulary) -> Synonym | None:
    if fold(measure) in _IGNORE_WORDS:
        return Synonym(label, ignore=True)
    year = parse_year(measure)
    if year:
        return Synonym(label, year=year)
    if measure:
        found = measure if measure in vocab.measures else (vocab.measure_for_label(measure) or (None,))[0]
        if found is None:
            return None
        kind = vocab.measures[found].category_kind
        canonical = vocab.category(kind, category) if kind and category else None
        return Synonym(label, measure=found, category=(canonical or category) or None)
    if category:
        for kind, labels in vocab.categories.items():
            if category in labels.values() or fold(category) in labels:
                return Synonym(label, category=labels.get(fold(category), category), kind=kind)
        return Synonym(label, category=category, kind="land")
    return Synonym(label)
