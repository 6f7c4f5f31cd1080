"""What surrounds a table and gives its figures meaning: titles, sheet name, file name, --bydel."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..vocab import Vocabulary, fold
from .keys import parse_year

_YEAR_ANYWHERE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_BYDEL_WORD = re.compile(r"\bbydel(?:en)?\s+(.+)$", re.I)


@dataclass(frozen=True)
class Context:
    year: int | None = None
    bydel_nr: str | None = None
    measure: str | None = None
    category: str | None = None


def year_in_sheet_name(name: str) -> int | None:
    y = parse_year(name)
    if y:
        return y
    found = set(_YEAR_ANYWHERE.findall(name))
    return int(found.pop()) if len(found) == 1 else None


def bydel_in_text(text: str, vocab: Vocabulary) -> str | None:
    """A bydel named in free text: «Bydel Frogner», «Bydelen St.Hanshaugen», or a line that is a name."""
    whole = vocab.resolve_bydel(text)
    if whole and not text.strip().isdigit():
        return whole
    m = _BYDEL_WORD.search(text)
    if not m:
        return None
    words = re.split(r"[\s,;:()]+", m.group(1).strip())
    for n in range(min(4, len(words)), 0, -1):  # longest name first: «Søndre Nordstrand» before «Nordstrand»
        nr = vocab.resolve_bydel(" ".join(words[:n]))
        if nr and not words[0].isdigit():
            return nr
    return None


def bydel_in_file_name(file_name: str, vocab: Vocabulary) -> str | None:
    """A bydel named in the file name («frogner_2024.xlsx», «Bydel_Sondre_Nordstrand.csv», «030105.csv»)."""
    stem = fold(re.sub(r"[_\-.]+", " ", Path(file_name).stem))
    padded = f" {stem} "
    hits: set[str] = set()
    for variant, nr in sorted(vocab.bydel_names.items(), key=lambda kv: -len(kv[0])):
        if (variant.isdigit() and len(variant) < 6) or len(variant) < 4:
            continue
        if f" {variant} " in padded:
            hits.add(nr)
            padded = padded.replace(f" {variant} ", " ")
    hits.update(code for code in re.findall(r"(?<!\d)(0301\d\d)(?!\d)", stem) if code in vocab.bydeler)
    hits.discard("0")
    return hits.pop() if len(hits) == 1 else None


def measure_in_text(text: str, vocab: Vocabulary) -> tuple[str, str | None] | None:
    """The most specific measure label contained in a title, if any."""
    padded = f" {fold(text)} "
    matches = [(label, target) for label, target in vocab.labels.items() if len(label) >= 5 and f" {label} " in padded]
    if not matches:
        return None
    matches.sort(key=lambda lt: (lt[1][1] is not None, len(lt[0])), reverse=True)
    return matches[0][1]


def single_year_in_text(texts: list[str]) -> int | None:
    found = {int(y) for t in texts for y in _YEAR_ANYWHERE.findall(t)}
    return found.pop() if len(found) == 1 else None
