"""What a header or label cell says: a year, a bydel, a measure (and category), a total, or a value column.

Every data cell of a table gets its meaning by combining the key of its row, the key of its column
and the context of its table (title, sheet name, file name, --bydel).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..paths import VOCAB_DIR
from ..vocab import Vocabulary, fold

_YEAR = re.compile(r"^(?:år|aar|year)?\s*((?:19|20)\d\d)(?:\.0+)?\s*[*¹²³⁴⁵⁶⁷⁸⁹†]*$", re.I)
_FROM_COUNTRY = re.compile(r"^(?:antall |bosatte |bosatt |busette |personer |deltakere |deltakarar )?(?:fra|frå) (.+)$")
# «1. kv 2024», «2. kvartal 2024», «K1 2024», «2024K1», «Q3 2024»: a quarter, not the year's figure
_QUARTER = re.compile(
    r"^(?:(?:[1-4])\s*\.?\s*(?:kv|kvartal)\.?\s*((?:19|20)\d\d)|(?:k|q)\s*[1-4]\s*[-/ ]?\s*((?:19|20)\d\d)"
    r"|((?:19|20)\d\d)\s*[-/ ]?\s*(?:k|q)\s*[1-4]|((?:19|20)\d\d)\s*[-/ ]?\s*[1-4]\s*\.?\s*(?:kv|kvartal)"
    r"|kvartal\s*[1-4]\s*((?:19|20)\d\d))$",
    re.I,
)
# «1. kv», «2. kvartal», «K3»: a quarter of the year the title or sheet names; «Hele året»: that year's figure
_QUARTER_ALONE = re.compile(r"^(?:[1-4]\s*\.?\s*(?:kv|kvartal)\.?|(?:k|q)\s*[1-4]|kvartal\s*[1-4])$", re.I)
_YEAR_ALONE = {"hele aret", "heile aret", "aret", "helar", "heilar", "totalt for aret", "hele aret totalt", "sum aret"}
# «Hele 2024», «Heile 2024», «2024 totalt», «2024 i alt», «Året 2024»: the annual figure
_ANNUAL = re.compile(
    r"^(?:(?:hele|heile|heile året|hele året|året|aret|helår|heilår)\s+((?:19|20)\d\d)"
    r"|((?:19|20)\d\d)\s+(?:totalt|i alt|samla|samlet|hele året|heile året|helår|heilår|år))$",
    re.I,
)
_TABLE_NUMBER = re.compile(r"^\s*(?:tabell\s*)?\d{4,6}\s*:\s*", re.I)
_BY_SUFFIX = re.compile(r",?\s+(?:etter|fordelt på|etter region|by)\s+.*$", re.I)
MAX_COMPOUND_CHARS = 200
_ENUMERATED = re.compile(r"^\s*\(?(?:[0-9]{1,2}|[a-zA-Z])[.)]\s+(\S.{0,200})$")
_TOTAL_PREFIX = re.compile(r"^(?:sum|totalt|i alt|samla|samlet)\s+(.+)$")
_PART_OF = re.compile(
    r"^(?:herav|hvorav|derav|av dette|av desse|av dei|herav bosatt|av disse|hvorav bosatt)\s+(?:i\s+|fra\s+|frå\s+)?(.+)$"
)
_CODED_REGION = re.compile(r"^(?:[KkFf]-)?\d{2}(?:\d{2}(?:\d{2})?)?(?:\s+\D.*)?$")
_UNIT_SUFFIX = re.compile(r"(?:,\s*|\s*\(\s*)(prosent|%|andel|personer|antall|personar|tal)\s*\)?\s*$", re.I)
_REMARK = re.compile(r"\([^()]{0,60}\)")
YEAR_TOKEN = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _header_words(path: Path) -> dict[str, str]:
    """Header words (data/vocab/headers.csv) -> what a column under them holds; bokmål and nynorsk."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            out.setdefault(fold(row["label"]), row["kind"].strip())
    return out


HEADER_WORDS = _header_words(VOCAB_DIR / "headers.csv")


def _words(kind: str) -> set[str]:
    return {w for w, k in HEADER_WORDS.items() if k == kind}


VALUE_MARKERS = _words("value")
SHARE_MARKERS = _words("share")
TOTAL_MARKERS = _words("total")
SKIP_MARKERS = _words("skip") | {fold(t) for t in ("kommentar", "merknad", "fotnote")}
SEX_WORDS = _words("sex")
BOTH_SEXES = _words("both_sexes")
GROUP_WORDS = _words("group")
_NOT_DIMENSIONS = {"value", "share", "total", "skip", "sex", "both_sexes", "group"}
DIMENSION_HEADERS: dict[str, str] = {w: k for w, k in HEADER_WORDS.items() if k not in _NOT_DIMENSIONS}
for _w in VALUE_MARKERS:
    DIMENSION_HEADERS.setdefault(_w, "value")


class Key(NamedTuple):
    """Partial meaning of a cell; None fields are filled from the other axis or the context.

    A named tuple, not a dataclass: keys are hashed for every cell of a long table.
    """

    year: int | None = None
    bydel_nr: str | None = None
    measure: str | None = None
    category: str | None = None
    category_kind: str | None = None  # a category given without its measure (e.g. «Syria»)
    total: bool = False
    value: bool = False
    skip: bool = False
    share: bool = False  # the figures are shares (a «Prosent» block), never persons
    sex: bool = False  # a figure for one sex only (the schema has no sex dimension yet)
    quarter: bool = False  # a quarter's figure, not the year's
    elsewhere: str | None = None  # a kommune or fylke outside Oslo: the row is skipped
    ignore: bool = False  # a user said this label is to be left out

    def kind(self) -> str:
        for name in ("year", "bydel_nr", "measure"):
            if getattr(self, name) is not None:
                return name
        if self.category_kind:
            return "category"
        return "total" if self.total else "value" if self.value else "skip" if self.skip else "empty"


def parse_year(text: str) -> int | None:
    m = _YEAR.match(str(text).strip())
    return int(m.group(1)) if m else None


def classify(text: str, vocab: Vocabulary, hint: str | None = None) -> Key | None:
    """The key a label or header text stands for, or None if it is unknown.

    `hint` is the kind a dimension column promises ("bydel", "category:land", …): it lets a bare
    «05» be a bydel and any text be a country in a country column. Memoised: a long table repeats
    the same few labels thousands of times.
    """
    return _classify(str(text), vocab, hint)


@lru_cache(maxsize=1 << 16)
def _classify(text: str, vocab: Vocabulary, hint: str | None) -> Key | None:
    raw = text.strip()
    key = fold(raw)
    if key in vocab.ignored:
        return Key(ignore=True)
    if key in vocab.years:
        return Key(year=vocab.years[key])
    if hint in ("year", "bydel") and key in TOTAL_MARKERS:
        return Key(total=True)
    if hint in ("year", "bydel") and key in SKIP_MARKERS:
        return Key(skip=True)
    if hint == "year":
        return period_key(raw)
    if hint == "bydel":
        nr = vocab.resolve_bydel(raw)
        if nr:
            return Key(bydel_nr=nr)
        other = vocab.is_elsewhere(raw)
        return Key(elsewhere=other) if other else None
    if hint == "category:kjonn":
        return _sex_key(key) or Key(value=True)
    if hint and hint.startswith("category"):
        kind = hint.split(":", 1)[1] if ":" in hint else None
        if key in TOTAL_MARKERS:
            return Key(total=True)
        if kind:
            cat = vocab.category(kind, raw)
            if cat:
                return Key(category=cat, category_kind=kind)
            return Key(category=raw, category_kind=kind) if kind in ("land", "region") else None
        return Key(category=raw, category_kind="*")
    if hint == "measure":
        if key in VALUE_MARKERS or key in SHARE_MARKERS:  # «Personer», «Prosent»: the measure is in the title
            return Key(value=True, share=key in SHARE_MARKERS)
        found = _measure_key(raw, vocab) or _compound_key(raw, vocab)
        return found if found is not None and found.measure else None
    period = period_key(raw)
    if period:
        return period
    if key in SHARE_MARKERS:
        return Key(value=True, share=True)
    if key in VALUE_MARKERS:
        return Key(value=True)
    if key in TOTAL_MARKERS:
        return Key(total=True)
    if key in SKIP_MARKERS:
        return Key(skip=True)
    sex = _sex_key(key)
    if sex:
        return sex
    found = vocab.measure_for_label(raw)
    if found:
        return Key(measure=found[0], category=found[1])
    listed = _ENUMERATED.match(raw)
    if listed:  # «1. Bosatte flyktninger», «b) Kommunal bolig»: a numbered line of a list
        inner = _classify(listed.group(1), vocab, None)
        if inner is not None:
            return inner
    summed = _TOTAL_PREFIX.match(key)
    if summed:  # «Sum bosatte», «Totalt deltakere»: the measure's total
        inner = vocab.measure_for_label(summed.group(1))
        if inner:
            return Key(measure=inner[0], category=inner[1])
    part = _PART_OF.match(key)
    if part:  # «Herav i kommunal bolig», «Av dette frå Ukraina»: a part of the line above, named by itself
        inner = _classify(raw[len(raw) - len(part.group(1)) :] if len(part.group(1)) < len(raw) else part.group(1), vocab, None)
        if inner is not None:
            return inner
    m = _FROM_COUNTRY.match(key)
    if m:
        cat = vocab.category("land", m.group(1))
        if cat:
            return Key(category=cat, category_kind="land")
    if not raw.isdigit() or len(raw) >= 4:
        nr = vocab.resolve_bydel(raw)
        if nr:
            return Key(bydel_nr=nr)
    for kind in ("boligtype", "land", "region", "gruppe", "overgang"):
        cat = vocab.category(kind, raw)
        if cat:
            return Key(category=cat, category_kind=kind)
    if _CODED_REGION.match(raw):  # «4601 Bergen», «K-3201»: a region outside Oslo as a header or label
        other = vocab.is_elsewhere(raw)
        if other:
            return Key(elsewhere=other)
    return _compound_key(raw, vocab)


def _sex_key(key: str) -> Key | None:
    if key in BOTH_SEXES:
        return Key(value=True)
    if key in SEX_WORDS:
        return Key(sex=True)
    return None


_MONTHS = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
_DATE = re.compile(rf"^(?:per|pr\.?|pr|dato)?\s*\d{{1,2}}\.\s*(?:\d{{1,2}}\.|(?:{_MONTHS})\s)\s*((?:19|20)\d\d)$", re.I)


def period_key(text: str) -> Key | None:
    """A year («2024», «År 2024», «Hele 2024», «2024 totalt», «Per 31.12.2024») or a quarter of one («1. kv 2024»)."""
    raw = str(text).strip()
    if len(raw) > 40:
        return None
    y = parse_year(raw)
    if y:
        return Key(year=y)
    m = _DATE.match(raw)
    if m:
        return Key(year=int(m.group(1)))
    m = _ANNUAL.match(raw)
    if m:
        return Key(year=int(m.group(1) or m.group(2)))
    m = _QUARTER.match(raw)
    if m:
        return Key(year=int(next(g for g in m.groups() if g)), quarter=True)
    if _QUARTER_ALONE.match(raw):
        return Key(quarter=True)
    if fold(raw) in _YEAR_ALONE:
        return Key(value=True)
    return None


def _measure_key(raw: str, vocab: Vocabulary) -> Key | None:
    """A measure as official tables write it: «13215: Deltakere i introduksjonsprogrammet, etter region og år»."""
    found = vocab.measure_for_label(raw)
    if found is None and len(raw) <= MAX_COMPOUND_CHARS:
        stripped = _BY_SUFFIX.sub("", _TABLE_NUMBER.sub("", raw)).strip()
        found = vocab.measure_for_label(stripped) if stripped and stripped != raw else None
    return Key(measure=found[0], category=found[1]) if found else None


def _compound_key(raw: str, vocab: Vocabulary) -> Key | None:
    """A header that says two things: «Bosatte flyktninger 2023», «2023 Antall», «Deltakere, prosent».

    Only for header-sized texts: the splitting regexes are not linear on a megabyte of spaces.
    """
    if len(raw) > MAX_COMPOUND_CHARS:
        return None
    measure = _measure_key(raw, vocab) if _TABLE_NUMBER.match(raw) or _BY_SUFFIX.search(raw) else None
    if measure:
        return measure
    if _TABLE_NUMBER.match(raw):  # SSB names the value column of a long export by its table: «13215: …, etter region og år»
        return Key(value=True)
    unit = _UNIT_SUFFIX.search(raw)
    if unit:  # «Deltakere (personer)», «Bosatte i kommunal bolig, prosent»
        inner = _classify(raw[: unit.start()].strip(), vocab, None)
        if inner is not None and (inner.measure or inner.year):
            return inner._replace(share=True) if fold(unit.group(1)) in SHARE_MARKERS else inner
    years = YEAR_TOKEN.findall(raw)
    if len(years) == 1:
        rest = YEAR_TOKEN.sub(" ", _REMARK.sub(" ", raw), count=1).strip(" ,;:-–()")
        if not rest:  # «2023 (foreløpige tall)»
            return Key(year=int(years[0]))
        if rest and len(rest) < len(raw):
            inner = _classify(rest, vocab, None)
            if inner is not None and inner.year is None and not inner.quarter:
                merged = merge(inner, Key(year=int(years[0])))
                return None if isinstance(merged, str) else merged
    parts = [p.strip() for p in re.split(r"[,;]\s*|\s+-\s+", raw) if p.strip()]
    if len(parts) == 2:
        a, b = (_classify(p, vocab, None) for p in parts)
        if a is not None and b is not None:
            merged = merge(a, b)
            return None if isinstance(merged, str) else merged
    return None


def header_kind(text: str | None) -> str | None:
    """The dimension a column header names («År», «Bydel», «Verdi», …), if any."""
    if text is None or not str(text).strip():
        return None
    return DIMENSION_HEADERS.get(fold(str(text)))


def closest_bydel(text: str, vocab: Vocabulary) -> str | None:
    names = {fold(b.bydel): b.bydel for b in vocab.bydeler.values()}
    from rapidfuzz import fuzz, process

    found = process.extractOne(fold(text), list(names), scorer=fuzz.WRatio)
    return names[found[0]] if found else None


_MERGED_FIELDS = ("year", "bydel_nr", "measure", "category", "category_kind")


@lru_cache(maxsize=1 << 16)
def merge(a: Key, b: Key) -> Key | str:
    """Combine two keys; a string names the field on which they disagree. Memoised (keys repeat)."""
    out = [getattr(a, name) for name in _MERGED_FIELDS]
    for i, name in enumerate(_MERGED_FIELDS):
        va, vb = out[i], getattr(b, name)
        if vb is None:
            continue
        if va is not None and va != vb:
            if name in ("category", "category_kind") and (a.measure is None or b.measure is None):
                continue
            return name
        out[i] = vb
    # a total on one axis and a category on the other: the category's figure, summed over the first axis
    total = (a.total and b.category is None) or (b.total and a.category is None)
    return Key(
        *out,
        total=total,
        value=a.value or b.value,
        skip=a.skip or b.skip,
        share=a.share or b.share,
        sex=a.sex or b.sex,
        quarter=a.quarter or b.quarter,
        elsewhere=a.elsewhere or b.elsewhere,
        ignore=a.ignore or b.ignore,
    )


# The schema has no sex dimension yet: figures for women or men only are left out (with one warning),
# the totals for both sexes are read.


@lru_cache(maxsize=4096)
def is_sex_split(category: str | None) -> bool:
    """«Kvinner», «Menn», «Arbeid, Kvinner», «Utdanning, menn»: a figure for one sex only (memoised: asked per cell)."""
    if not category:
        return False
    folded = fold(category)
    return folded in SEX_WORDS or any(word in SEX_WORDS for word in folded.split())
