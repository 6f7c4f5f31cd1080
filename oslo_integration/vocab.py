"""Vocabularies from data/vocab: measures, label synonyms, categories, bydeler.

Kept as CSV files so that a non-programmer can add a spelling without touching code.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from .paths import VOCAB_DIR

_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
_MARKS = "*¹²³⁴⁵⁶⁷⁸⁹⁰†"
_LEADING_MARKS = re.compile(rf"^\s*[{re.escape(_MARKS)}]+\s*")
_PUNCT = re.compile(r"[.:;,!?()\[\]\"'«»/]+")
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ü": "u", "ö": "o", "ä": "a", "é": "e"})


def _strip_trailing_marks(t: str) -> str:
    """«Bosatte*», «Bosatte ¹ ²» -> «Bosatte»; a loop, not a regex, so a long run of spaces stays linear."""
    end = len(t)
    while True:
        kept = t[:end].rstrip()
        if not kept or kept[-1] not in _MARKS:
            return t[:end]
        end = len(kept) - 1


@lru_cache(maxsize=1 << 16)
def norm_label(text: str) -> str:
    """Lower-case, trim footnote marks and punctuation, collapse spaces: how labels are compared."""
    t = _strip_trailing_marks(_LEADING_MARKS.sub("", str(text).strip(), count=1))  # before NFKC turns «¹» into «1»
    t = unicodedata.normalize("NFKC", t).strip().lower()
    t = t.replace("–", "-").replace("—", "-")
    t = _PUNCT.sub(" ", t)
    return _SPACES.sub(" ", t).strip()


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """ASCII-fold Norwegian letters so «Grunerlokka» meets «Grünerløkka»."""
    return norm_label(text).translate(_FOLD).replace("-", " ")


def _rows(name: str, folder: Path | None = None) -> list[dict[str, str]]:
    path = (folder or VOCAB_DIR) / name
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(line for line in fh if not line.startswith("#"))
        ]


@dataclass(frozen=True)
class Measure:
    measure: str
    unit: str  # "personer" or "prosent"
    category_kind: str  # "", "boligtype", "land", "region", "gruppe"
    total_measure: str  # the measure a breakdown's total equals, e.g. bosatt for bosatt_boligtype
    part_of: str  # the measure that bounds this one from above
    part_match: str  # "total": bounded by the other's total; "same": by the same category
    label_nb: str
    label_en: str
    definition_nb: str
    definition_en: str

    @property
    def is_percent(self) -> bool:
        return self.unit == "prosent"


@dataclass(frozen=True)
class Bydel:
    bydel_nr: str
    bydel: str
    is_bydel: bool
    gruppe: str


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """Hashed by identity, so what is worked out from it can be memoised per vocabulary."""

    measures: dict[str, Measure]
    labels: dict[str, tuple[str, str | None]]  # folded label -> (measure, category)
    label_display: dict[str, str]  # folded label -> label as written in the file
    categories: dict[str, dict[str, str]]  # kind -> folded label -> canonical category
    bydeler: dict[str, Bydel]  # bydel_nr -> Bydel
    bydel_names: dict[str, str]  # folded variant -> bydel_nr
    groups: dict[str, tuple[str, str]]  # gruppe -> (nb, en)
    elsewhere: dict[str, str] = field(default_factory=dict)  # folded kommune/fylke name or code -> its name (not Oslo)
    years: dict[str, int] = field(default_factory=dict)  # folded label -> year (a user's mapping)
    ignored: frozenset[str] = frozenset()  # folded labels a user said to leave out

    def measure_for_label(self, text: str) -> tuple[str, str | None] | None:
        return self.labels.get(fold(text))

    def category(self, kind: str, text: str) -> str | None:
        return self.categories.get(kind, {}).get(fold(text))

    def resolve_bydel(self, text: object) -> str | None:
        """A bydel code for a name or code in any of the usual spellings, else None.

        Official exports write a code and a name in one cell («0301 Oslo», «030101 Gamle Oslo»,
        «K-0301», «0 Hele landet», «03 Oslo» for the fylke, which is the same area as the kommune).
        """
        raw = str(text).strip()
        if len(raw) > MAX_NAME_CHARS:  # no bydel or region is named by a paragraph (and the regexes stay linear)
            return None
        if raw.endswith(".0") and raw[:-2].isdigit():
            raw = raw[:-2]
        coded = _CODE_AND_NAME.match(raw)
        if coded and not raw.isdigit():
            code, name = coded.group(1), (coded.group(2) or "").strip()
            if not name:  # «K-0301», «B-030105»
                return self.resolve_bydel(code) if len(code) in (4, 6) else None
            by_name = self.resolve_bydel(name) or self._plain_name(name)
            if by_name is None:  # «0301 Oslo - Oslove», «030101 Bydel Gamle Oslo (fra 2004)»: the code decides
                return self.resolve_bydel(code) if code == "0301" or (len(code) == 6 and code in self.bydeler) else None
            if (by_name == "0301" and code in ("03", "0301")) or (by_name == "0" and code in ("0", "00")):
                return by_name
            return by_name if self.resolve_bydel(code) == by_name else None
        if raw.isdigit():
            if raw in self.bydeler:
                return raw
            if len(raw) <= 2 and raw in self.bydel_names:
                return self.bydel_names[raw]
            return None
        key = fold(raw)
        if key in self.bydel_names:
            return self.bydel_names[key]
        if key.startswith("bydel "):
            rest = raw.split(None, 1)[1] if " " in raw else ""
            found = self.bydel_names.get(key[len("bydel ") :].strip()) or (
                self.resolve_bydel(rest) if rest[:1].isdigit() else None
            )
            if found:
                return found
        return self._plain_name(raw)

    def _plain_name(self, name: str) -> str | None:
        """A name without the parts official tables add: a Sami name after « - », a remark in brackets."""
        plain = re.sub(r"\s*\([^)]*\)\s*$", "", name.split(" - ")[0]).strip()
        return self.resolve_bydel(plain) if plain and plain != name and not plain[:1].isdigit() else None

    def is_elsewhere(self, text: object) -> str | None:
        """The name of the kommune or fylke outside Oslo a region cell names («4601 Bergen», «Bergen», «K-1103»)."""
        raw = str(text).strip()
        if len(raw) > MAX_NAME_CHARS or self.resolve_bydel(raw):
            return None
        coded = _CODE_AND_NAME.match(raw)
        if coded:
            code, name = coded.group(1), (coded.group(2) or "").strip()
            if len(code) in (4, 6) and not code.startswith("0301"):
                return name or self.elsewhere.get(code, code)
            if len(code) == 2 and name and fold(name) in self.elsewhere:
                return name
            return None
        return self.elsewhere.get(fold(raw))

    def extended(self, synonyms: tuple[Synonym, ...]) -> Vocabulary:
        """This vocabulary with the mappings users stored (the shipped files stay the base)."""
        if not synonyms:
            return self
        labels, display = dict(self.labels), dict(self.label_display)
        categories = {k: dict(v) for k, v in self.categories.items()}
        years, ignored = dict(self.years), set(self.ignored)
        for s in synonyms:
            key = fold(s.label)
            if s.ignore:
                ignored.add(key)
            elif s.year:
                years[key] = s.year
            elif s.measure:
                labels[key] = (s.measure, s.category or None)
                display[key] = s.label
            elif s.category and s.kind:
                categories.setdefault(s.kind, {})[key] = s.category
        return replace(self, labels=labels, label_display=display, categories=categories, years=years, ignored=frozenset(ignored))

    def bydel_name(self, bydel_nr: str) -> str:
        return self.bydeler[bydel_nr].bydel

    def real_bydeler(self) -> list[Bydel]:
        return [b for b in self.bydeler.values() if b.is_bydel]


MAX_NAME_CHARS = 120
_CODE_AND_NAME = re.compile(r"^(?:[KkFfBb]-?)?(\d{1,6})(?:\s*[-–:]?\s+(\D.*))?$")


@dataclass(frozen=True)
class Synonym:
    """A user's answer to «what does this label mean?», stored so the next file reads without asking."""

    label: str
    measure: str | None = None
    category: str | None = None
    kind: str | None = None  # the kind of a category given without a measure («land»)
    year: int | None = None
    ignore: bool = False


@cache
def vocabulary(folder: Path | None = None) -> Vocabulary:
    """Load every vocabulary file once per process."""
    measures = {r["measure"]: Measure(**r) for r in _rows("measures.csv", folder)}
    labels: dict[str, tuple[str, str | None]] = {}
    display: dict[str, str] = {}
    for r in _rows("labels.csv", folder):
        labels[fold(r["label"])] = (r["measure"], r["category"] or None)
        display[fold(r["label"])] = r["label"]
    for m in measures.values():  # canonical ids and Norwegian display labels are labels too
        for text in (m.measure, m.label_nb):
            labels.setdefault(fold(text), (m.measure, None))
            display.setdefault(fold(text), text)
    categories: dict[str, dict[str, str]] = {}
    for r in _rows("categories.csv", folder):
        categories.setdefault(r["kind"], {})[fold(r["label"])] = r["category"]
    for r in _rows("land.csv", folder):  # SSB's country names, each with the variants people write
        for variant in [r["land"], *r["varianter"].split("|")]:
            if variant:
                categories.setdefault("land", {}).setdefault(fold(variant), r["land"])
    bydeler: dict[str, Bydel] = {}
    names: dict[str, str] = {}
    for r in _rows("bydeler.csv", folder):
        b = Bydel(r["bydel_nr"], r["bydel"], r["is_bydel"] == "true", r["gruppe"])
        bydeler[b.bydel_nr] = b
        for variant in [b.bydel, *r["varianter"].split("|")]:
            if variant:
                names[fold(variant)] = b.bydel_nr
    groups = {r["gruppe"]: (r["navn_nb"], r["navn_en"]) for r in _rows("bydelsgrupper.csv", folder)}
    elsewhere: dict[str, str] = {}
    for r in _rows("kommuner.csv", folder):
        if r["nr"] in ("0301", "03"):
            continue
        elsewhere.setdefault(r["nr"], r["navn"])
        for name in {r["navn"], r["navn"].split(" - ")[0]}:
            if fold(name) not in names:
                elsewhere.setdefault(fold(name), name)
    return Vocabulary(measures, labels, display, categories, bydeler, names, groups, elsewhere)


@lru_cache(maxsize=32)
def vocabulary_with(synonyms: tuple[Synonym, ...]) -> Vocabulary:
    """The shipped vocabulary extended by users' synonyms; the same synonyms give the same object (memoised lookups)."""
    return vocabulary().extended(synonyms)
