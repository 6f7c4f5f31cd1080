"""What a header or label cell says: a year, a bydel, a measure (and category), a total, or a value column.

Every data cell of a table gets its meaning by combining the key of its row, the key of its column
and the context of its table (title, sheet name, file name, --bydel).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..vocab import Vocabulary, fold

_YEAR = re.compile(r"^(?:år|aar|year)?\s*((?:19|20)\d\d)(?:\.0+)?\s*[*¹²³⁴⁵⁶⁷⁸⁹†]*$", re.I)
_FROM_COUNTRY = re.compile(r"^(?:antall |bosatte |bosatt |personer )?fra (.+)$")

VALUE_MARKERS = {
    fold(t)
    for t in (
        "antall",
        "verdi",
        "value",
        "tall",
        "andel",
        "prosent",
        "%",
        "andel %",
        "andel (%)",
        "antall personer",
        "personer",
        "figur",
        "resultat",
    )
}
TOTAL_MARKERS = {fold(t) for t in ("i alt", "totalt", "total", "sum", "alle", "samlet", "sum alle", "alle land", "i alt alle")}
SKIP_MARKERS = {
    fold(t)
    for t in (
        "endring",
        "endring %",
        "endring i %",
        "endring i prosent",
        "differanse",
        "gjennomsnitt",
        "snitt",
        "kommentar",
        "merknad",
        "fotnote",
    )
}

DIMENSION_HEADERS: dict[str, str] = {}
for _kind, _names in {
    "year": ("år", "aar", "year", "årstall", "periode"),
    "bydel": (
        "bydel",
        "bydelsnavn",
        "bydel_nr",
        "bydelsnr",
        "bydelsnummer",
        "bydel nr",
        "bydelnavn",
        "område",
        "geografi",
        "sted",
    ),
    "measure": ("måltall", "maltall", "measure", "indikator", "mål", "maal", "variabel", "statistikkvariabel", "tema"),
    "category": ("kategori", "category", "inndeling", "undergruppe"),
    "category:land": ("land", "landbakgrunn", "fødeland", "statsborgerskap", "nasjonalitet", "opprinnelsesland"),
    "category:boligtype": ("type bolig", "boligtype", "bolig", "type bolig år", "type bolig/ år"),
    "value": ("verdi", "value", "antall", "tall"),
    "status": ("status", "symbol"),
    "meta:source_file": ("source_file", "kildefil"),
    "meta:sheet": ("sheet", "ark"),
    "meta:cell": ("cell", "celle"),
    "meta:source_url": ("source_url", "kilde_url", "lenke", "url"),
    "meta:ref_date": ("ref_date", "referansedato", "dato", "per dato"),
    "meta:note": ("note", "merknad", "kommentar", "fotnote", "anmerkning"),
    "meta:source": ("kilde", "source", "utgiver"),
    "meta:unit": ("unit", "enhet"),
}.items():
    for _n in _names:
        DIMENSION_HEADERS[fold(_n)] = _kind


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
    if hint in ("year", "bydel") and key in TOTAL_MARKERS:
        return Key(total=True)
    if hint in ("year", "bydel") and key in SKIP_MARKERS:
        return Key(skip=True)
    if hint == "year":
        y = parse_year(raw)
        return Key(year=y) if y else None
    if hint == "bydel":
        nr = vocab.resolve_bydel(raw)
        return Key(bydel_nr=nr) if nr else None
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
        found = vocab.measure_for_label(raw)
        return Key(measure=found[0], category=found[1]) if found else None
    y = parse_year(raw)
    if y:
        return Key(year=y)
    if key in VALUE_MARKERS:
        return Key(value=True)
    if key in TOTAL_MARKERS:
        return Key(total=True)
    if key in SKIP_MARKERS:
        return Key(skip=True)
    found = vocab.measure_for_label(raw)
    if found:
        return Key(measure=found[0], category=found[1])
    m = _FROM_COUNTRY.match(key)
    if m:
        cat = vocab.category("land", m.group(1))
        if cat:
            return Key(category=cat, category_kind="land")
    if not raw.isdigit() or len(raw) >= 4:
        nr = vocab.resolve_bydel(raw)
        if nr:
            return Key(bydel_nr=nr)
    for kind in ("boligtype", "land", "region", "gruppe"):
        cat = vocab.category(kind, raw)
        if cat:
            return Key(category=cat, category_kind=kind)
    return None


def header_kind(text: str | None) -> str | None:
    """The dimension a column header names («År», «Bydel», «Verdi», …), if any."""
    if text is None or not str(text).strip():
        return None
    return DIMENSION_HEADERS.get(fold(str(text)))


def closest_labels(text: str, vocab: Vocabulary, limit: int = 3) -> list[str]:
    """Known labels nearest to an unknown one, for the message that refuses it."""
    choices: dict[str, str] = {}
    for folded, shown in vocab.label_display.items():
        if "_" not in shown:
            choices.setdefault(folded, shown[:1].upper() + shown[1:])
    for b in vocab.bydeler.values():
        choices.setdefault(fold(b.bydel), b.bydel)
    for kind_map in vocab.categories.values():
        for folded, canonical in kind_map.items():
            if "_" not in canonical:
                choices.setdefault(folded, canonical)
    from rapidfuzz import fuzz, process  # only a refused label needs it

    found = process.extract(fold(text), list(choices), scorer=fuzz.WRatio, limit=limit)
    return [choices[c] for c, _score, _i in found]


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
    return Key(*out, total=a.total or b.total, value=a.value or b.value, skip=a.skip or b.skip)
