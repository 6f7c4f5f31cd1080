"""What an unknown label may mean, as choices a user can pick, and the synonym a choice becomes.

A target is a short text: «measure:bosatt», «measure:bosatt_boligtype:kommunal_bolig»,
«category:land:Syria», «year:2024», «bydel:030105» or «ignore». The upload page offers them in a
picker, the command line reads them from `--synonymer`, the store keeps the chosen ones.
"""

from __future__ import annotations

from functools import lru_cache

from ..vocab import Synonym, Vocabulary, fold
from .keys import HEADER_WORDS, YEAR_TOKEN, parse_year

IGNORE = "ignore"
ROLE_HEADER = "kolonne"
ROLE_ROW = "rad"


def target_of(synonym: Synonym) -> str:
    if synonym.ignore:
        return IGNORE
    if synonym.year:
        return f"year:{synonym.year}"
    if synonym.measure:
        return f"measure:{synonym.measure}" + (f":{synonym.category}" if synonym.category else "")
    return f"category:{synonym.kind}:{synonym.category}"


def synonym_for(label: str, target: str) -> Synonym:
    """The synonym a picked target stands for; ValueError for a target that is not one."""
    kind, _, rest = target.partition(":")
    if kind == IGNORE:
        return Synonym(label, ignore=True)
    if kind == "year" and parse_year(rest):
        return Synonym(label, year=parse_year(rest))
    if kind == "measure" and rest:
        measure, _, category = rest.partition(":")
        return Synonym(label, measure=measure, category=category or None)
    if kind == "category" and ":" in rest:
        cat_kind, _, category = rest.partition(":")
        return Synonym(label, category=category, kind=cat_kind)
    raise ValueError(target)


def check_synonym(synonym: Synonym, vocab: Vocabulary) -> str | None:
    """Why a synonym cannot be stored (a Norwegian sentence), or None when it can."""
    if not synonym.label.strip():
        return "Teksten som skal forstås, er tom."
    if synonym.measure and synonym.measure not in vocab.measures:
        return f"Ukjent måltall «{synonym.measure}». Kjente: {', '.join(sorted(vocab.measures))}."
    if synonym.measure and synonym.category:
        kind = vocab.measures[synonym.measure].category_kind
        if not kind:
            return f"Måltallet «{vocab.measures[synonym.measure].label_nb}» har ingen inndeling, men kategorien er «{synonym.category}»."
        if kind in ("boligtype", "gruppe", "overgang") and synonym.category not in set(vocab.categories.get(kind, {}).values()):
            return f"Ukjent kategori «{synonym.category}» for «{vocab.measures[synonym.measure].label_nb}»."
    if not (synonym.measure or synonym.year or synonym.ignore or (synonym.category and synonym.kind)):
        return "Velg hva teksten betyr: et måltall, en kategori, et år, eller at den skal hoppes over."
    return None


def target_label(target: str, vocab: Vocabulary) -> str:
    """What a target means, in words a bydel employee knows."""
    kind, _, rest = target.partition(":")
    if kind == IGNORE:
        return "Hopp over (raden, kolonnen – eller overskriften over flere kolonner)"
    if kind == "year":
        return f"Året {rest}"
    if kind == "bydel":
        return f"Bydel: {vocab.bydel_name(rest)}" if rest in vocab.bydeler else rest
    if kind == "measure":
        measure, _, category = rest.partition(":")
        info = vocab.measures.get(measure)
        name = info.label_nb if info else measure
        return f"Måltall: {name}" + (f" – {_nice(category)}" if category else "")
    if kind == "category":
        cat_kind, _, category = rest.partition(":")
        return f"Kategori ({_KIND_NB.get(cat_kind, cat_kind)}): {_nice(category)}"
    return target


def _nice(category: str) -> str:
    """«kommunal_bolig» -> «Kommunal bolig»; «Syria» stays."""
    text = category.replace("_", " ")
    return text[:1].upper() + text[1:]


_KIND_NB = {
    "land": "landbakgrunn",
    "boligtype": "type bolig",
    "region": "verdensregion",
    "gruppe": "gruppe",
    "overgang": "overgang",
}


@lru_cache(maxsize=8)
def all_targets(vocab: Vocabulary, role: str) -> tuple[str, ...]:
    """Every choice a picker offers: the measures, then every category (suggestions, not options, depend on the role)."""
    out = [f"measure:{m}" for m in vocab.measures]
    for kind, labels in sorted(vocab.categories.items(), key=lambda kv: (kv[0] != "boligtype", kv[0])):
        out.extend(f"category:{kind}:{c}" for c in sorted(set(labels.values())) if not c.startswith("*"))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8)
def _choices(vocab: Vocabulary, role: str) -> dict[str, str]:
    """Folded known text -> target, from the vocabulary that fits the role.

    A header is matched against header words, measure labels and years; a row label against
    measures and categories. So «Kommunenummer» is never offered a country.
    """
    choices: dict[str, str] = {}
    for folded, (measure, category) in vocab.labels.items():
        choices.setdefault(folded, f"measure:{measure}" + (f":{category}" if category else ""))
    if role == ROLE_ROW:
        for kind, labels in vocab.categories.items():
            for folded, category in labels.items():
                if not category.startswith("*"):
                    choices.setdefault(folded, f"category:{kind}:{category}")
    else:
        for word, kind in HEADER_WORDS.items():
            if kind in ("value", "share", "total", "group"):
                choices.setdefault(word, IGNORE)
    return choices


def suggest(label: str, role: str, vocab: Vocabulary, limit: int = 3) -> tuple[str, ...]:
    """The likeliest targets for an unknown label, best first (a year in the text is offered first)."""
    out: list[str] = []
    years = set(YEAR_TOKEN.findall(label[:200]))
    if role == ROLE_HEADER and len(years) == 1:
        out.append(f"year:{years.pop()}")
    choices = _choices(vocab, role)
    from rapidfuzz import fuzz, process  # only an unknown label needs it

    for text, score, _i in process.extract(fold(label)[:80], list(choices), scorer=fuzz.WRatio, limit=limit * 3):
        if score >= 60 and choices[text] not in out:
            out.append(choices[text])
        if len(out) >= limit:
            break
    return tuple(out)


def suggestion_words(targets: tuple[str, ...], vocab: Vocabulary) -> str:
    """«Mente du …» text for a message."""
    return ", ".join(f"«{target_label(t, vocab)}»" for t in targets)
