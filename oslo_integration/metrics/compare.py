"""A bydel's figure against Oslo i alt, Hele landet, the other bydeler and the city's target,
with verdicts that say plainly whether a difference is larger than chance could explain.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import polars as pl

from ..text.numbers import fmt_number, fmt_points
from ..vocab import vocabulary
from .indicators import Indicator, targets
from .intervals import newcombe, wilson

OSLO, NORWAY = "0301", "0"
REFERENCE_NAMES = {
    "oslo": {"nb": "Oslo i alt", "en": "Oslo as a whole"},
    "landet": {"nb": "landet", "en": "the country"},
    "mal": {"nb": "målet", "en": "the target"},
}


@dataclass
class Comparison:
    reference: str  # "oslo", "landet" or "mal"
    value: float | None
    status: str  # "ok", "prikket", "mangler"
    example: bool = False
    difference: float | None = None  # bydel minus reference, in the indicator's unit
    ci_low: float | None = None
    ci_high: float | None = None
    direction: str | None = None  # "higher", "lower", "equal"
    certain: bool | None = None  # True: larger than chance; False: too small to say; None: cannot judge
    verdict_nb: str = ""
    verdict_en: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Change:
    from_year: int
    to_year: int
    from_value: float | None
    to_value: float | None
    absolute: float | None = None
    relative: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    certain: bool | None = None
    verdict_nb: str = ""
    verdict_en: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Rank:
    position: int | None
    of: int
    ties: int = 1

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Entry:
    """One indicator for one bydel and year, with everything needed to judge it."""

    indicator: Indicator
    row: dict
    comparisons: list[Comparison] = field(default_factory=list)
    rank: Rank | None = None
    change: Change | None = None


def figure_sentence(ind: Indicator, row: dict, lang: str) -> str:
    """«16 av 57 (28 %) var i arbeid ved avslutning.» or the honest reason there is no figure."""
    status = row.get("status")
    if status == "prikket":
        return (
            f"{ind.label_nb}: tallet er skjult fordi det gjelder så få personer (prikket)."
            if lang == "nb"
            else f"{ind.label_en}: hidden because it concerns very few people."
        )
    if status != "ok" or row.get("value") is None:
        return f"{ind.label_nb}: tallet mangler." if lang == "nb" else f"{ind.label_en}: no figure."
    if ind.kind == "rate" and ind.is_share:
        k, n = fmt_number(row["numerator"], 0, lang), fmt_number(row["denominator"], 0, lang)
        of = "av" if lang == "nb" else "of"
        return f"{k} {of} {n} ({ind.format_value(row['value'], lang, 0)}) {ind.sentence(lang)}."
    if ind.kind == "count":
        return f"{fmt_number(row['value'], 0, lang)} {ind.sentence(lang)}."
    if ind.kind == "rate":
        return f"{fmt_number(row['value'], 1, lang)} {ind.sentence(lang)}."
    return f"{ind.format_value(row['value'], lang, 0)} {ind.sentence(lang)}."


def _ref_label(reference: str, value_text: str, example: bool, lang: str) -> str:
    name = REFERENCE_NAMES[reference][lang]
    ex = (", eksempeltall" if lang == "nb" else ", example figure") if example else ""
    return f"{name} ({value_text}{ex})"


def compare(ind: Indicator, row: dict, ref: dict | None, reference: str) -> Comparison:
    """Compare a bydel row with a reference row (same indicator and year)."""
    if ref is None or ref.get("status") != "ok" or ref.get("value") is None:
        status = "prikket" if ref and ref.get("status") == "prikket" else "mangler"
        name_nb, name_en = REFERENCE_NAMES[reference]["nb"], REFERENCE_NAMES[reference]["en"]
        return Comparison(
            reference,
            None,
            status,
            bool(ref and ref.get("example")),
            verdict_nb=f"Tall for {name_nb} mangler, så vi kan ikke sammenligne.",
            verdict_en=f"There is no figure for {name_en}, so no comparison can be made.",
        )
    if not row.get("example") and ref.get("example"):
        # a real figure is judged only against real references: an invented one says nothing about it
        name_nb, name_en = REFERENCE_NAMES[reference]["nb"], REFERENCE_NAMES[reference]["en"]
        return Comparison(
            reference,
            None,
            "eksempel",
            True,
            verdict_nb=f"{name_nb.capitalize()} har bare eksempeltall dette året, så bydelens ekte tall sammenlignes ikke med det.",
            verdict_en=f"{name_en.capitalize()} has only example figures this year, so the district's real figure is not compared with it.",
        )
    comp = Comparison(reference, ref["value"], "ok", bool(ref.get("example")) or bool(row.get("example")))
    if row.get("status") != "ok" or row.get("value") is None:
        comp.verdict_nb = "Bydelens tall mangler eller er skjult, så vi kan ikke sammenligne."
        comp.verdict_en = "The district's figure is missing or hidden, so no comparison can be made."
        return comp
    diff = row["value"] - ref["value"]
    comp.difference = diff
    comp.direction = "higher" if diff > 0 else "lower" if diff < 0 else "equal"
    scale = ind.scale
    if ind.kind == "rate" and row.get("numerator") is not None and row.get("denominator"):
        k, n = row["numerator"], row["denominator"]
        if ref.get("numerator") is not None and ref.get("denominator"):
            _d, lo, hi = newcombe(k, n, ref["numerator"], ref["denominator"])
            comp.ci_low, comp.ci_high = lo * scale, hi * scale
        else:  # a published reference without counts: is it outside the bydel's own interval?
            lo_p, hi_p = wilson(k, n)
            comp.ci_low, comp.ci_high = lo_p * scale - ref["value"], hi_p * scale - ref["value"]
        comp.certain = comp.ci_low > 0 or comp.ci_high < 0
    elif ind.kind == "count":  # a bydel's count against a city or national count says nothing
        return comp
    _write_verdict(ind, comp)
    return comp


def _write_verdict(ind: Indicator, comp: Comparison) -> None:
    for lang in ("nb", "en"):
        label = _ref_label(comp.reference, ind.format_value(comp.value, lang, 0), comp.example, lang)
        if comp.direction == "equal":
            head = f"Det er det samme som {label}" if lang == "nb" else f"That is the same as {label}"
        elif lang == "nb":
            head = f"Det er {'høyere' if comp.direction == 'higher' else 'lavere'} enn {label}"
        else:
            head = f"That is {'higher' if comp.direction == 'higher' else 'lower'} than {label}"
        if comp.certain is True:
            tail = (
                ", og forskjellen er større enn tilfeldig variasjon kan forklare."
                if lang == "nb"
                else ", and the difference is larger than chance variation can explain."
            )
        elif comp.certain is False:
            tail = (
                ", men forskjellen er for liten til å si sikkert."
                if lang == "nb"
                else ", but the difference is too small to be sure."
            )
        else:
            tail = (
                ". Uten antall bak prosenten kan vi ikke si om forskjellen er større enn tilfeldig variasjon."
                if lang == "nb"
                else ". Without the counts behind the percentage we cannot say whether the difference exceeds chance."
            )
        setattr(comp, f"verdict_{lang}", head + tail)


def target_comparison(ind: Indicator, row: dict, national: dict | None, year: int) -> Comparison | None:
    """The Oslostandard target: above the national average, or a fixed value where one is set."""
    target = targets().get(ind.indicator)
    if target is None:
        return None
    if year in target.values:
        ref = {"value": target.values[year], "status": "ok", "example": False}
    elif target.rule == "over_landsgjennomsnitt":
        ref = national
    else:
        return None
    comp = compare(ind, row, ref, "mal")
    met = comp.direction == "higher"
    for lang in ("nb", "en"):
        if comp.example:  # example figures on either side: shown apart, never «ikke nådd»
            text = (
                "Målet er å ligge over landsgjennomsnittet. Eksempeltall vurderes ikke mot målet."
                if lang == "nb"
                else "The target is to be above the national average. Example figures are not judged against it."
            )
        elif comp.value is None:
            text = (
                "Målet er å ligge over landsgjennomsnittet, men landstallet mangler."
                if lang == "nb"
                else "The target is to be above the national average, but the national figure is missing."
            )
        elif comp.difference is None:
            text = getattr(comp, f"verdict_{lang}")
        else:
            ex = (", eksempeltall" if lang == "nb" else ", example figure") if comp.example else ""
            target_text = f"({ind.format_value(comp.value, lang, 0)}{ex})"
            if lang == "nb":
                state = "nådd" if met else "ikke nådd"
                sure = (
                    " Forskjellen er større enn tilfeldig variasjon kan forklare."
                    if comp.certain
                    else " Forskjellen er for liten til å si sikkert."
                    if comp.certain is False
                    else ""
                )
                text = f"Målet er å ligge over landsgjennomsnittet {target_text}: {state}.{sure}"
            else:
                state = "met" if met else "not met"
                sure = (
                    " The difference is larger than chance variation can explain."
                    if comp.certain
                    else " The difference is too small to be sure."
                    if comp.certain is False
                    else ""
                )
                text = f"The target is to be above the national average {target_text}: {state}.{sure}"
        setattr(comp, f"verdict_{lang}", text)
    return comp


def rank_among_bydeler(frame: pl.DataFrame, bydel_nr: str, year: int) -> Rank:
    """Position among the bydeler with a figure of the same kind that year, highest first; ties share a place.

    A real figure is ranked among real figures only, an example figure among example figures: a
    place among invented numbers says nothing about a real one.
    """
    bydeler = [b.bydel_nr for b in vocabulary().real_bydeler()]
    pool = frame.filter(pl.col("bydel_nr").is_in(bydeler) & (pl.col("year") == year) & (pl.col("status") == "ok"))
    mine = pool.filter(pl.col("bydel_nr") == bydel_nr)
    if "example" in pool.columns and mine.height:
        pool = pool.filter(pl.col("example") == mine["example"][0])
    if pool.is_empty() or bydel_nr not in pool["bydel_nr"].to_list():
        return Rank(None, pool.height)
    ranked = pool.with_columns(pos=pl.col("value").rank("min", descending=True).cast(pl.Int32))
    me = ranked.filter(pl.col("bydel_nr") == bydel_nr).row(0, named=True)
    ties = ranked.filter(pl.col("value") == me["value"]).height
    return Rank(me["pos"], pool.height, ties)


def change_between(ind: Indicator, before: dict | None, after: dict | None, from_year: int, to_year: int) -> Change:
    ch = Change(from_year, to_year, before and before.get("value"), after and after.get("value"))
    if not before or not after or before.get("status") != "ok" or after.get("status") != "ok":
        ch.verdict_nb = f"Kan ikke beregne endring fra {from_year} til {to_year}: et av årene mangler tall."
        ch.verdict_en = f"No change from {from_year} to {to_year} can be computed: a year has no figure."
        return ch
    ch.absolute = after["value"] - before["value"]
    ch.relative = ch.absolute / before["value"] * 100 if before["value"] else None
    rel_nb = f", {'+' if (ch.relative or 0) > 0 else ''}{fmt_number(ch.relative, 0)} %" if ch.relative is not None else ""
    rel_en = f", {'+' if (ch.relative or 0) > 0 else ''}{fmt_number(ch.relative, 0, 'en')}%" if ch.relative is not None else ""
    if ind.kind == "rate" and all(r.get("denominator") for r in (before, after)):
        d, lo, hi = newcombe(after["numerator"], after["denominator"], before["numerator"], before["denominator"])
        ch.ci_low, ch.ci_high = lo * ind.scale, hi * ind.scale
        ch.certain = ch.ci_low > 0 or ch.ci_high < 0
    up = ch.absolute > 0
    if ind.is_share:
        amount_nb, amount_en = fmt_points(ch.absolute, 0, "nb"), fmt_points(ch.absolute, 0, "en")
    else:
        amount_nb = f"{'+' if up else ''}{fmt_number(ch.absolute, 0)}"
        amount_en = f"{'+' if up else ''}{fmt_number(ch.absolute, 0, 'en')}"
    v0_nb, v1_nb = ind.format_value(before["value"], "nb", 0), ind.format_value(after["value"], "nb", 0)
    v0_en, v1_en = ind.format_value(before["value"], "en", 0), ind.format_value(after["value"], "en", 0)
    if ch.absolute == 0:
        ch.verdict_nb = f"Uendret fra {from_year} til {to_year} ({v1_nb})."
        ch.verdict_en = f"Unchanged from {from_year} to {to_year} ({v1_en})."
        return ch
    ch.verdict_nb = (
        f"Fra {from_year} til {to_year} gikk det {'opp' if up else 'ned'} fra {v0_nb} til {v1_nb} ({amount_nb}{rel_nb})"
    )
    ch.verdict_en = (
        f"From {from_year} to {to_year} it went {'up' if up else 'down'} from {v0_en} to {v1_en} ({amount_en}{rel_en})"
    )
    if ch.certain is True:
        ch.verdict_nb += ", og endringen er større enn tilfeldig variasjon kan forklare."
        ch.verdict_en += ", and the change is larger than chance variation can explain."
    elif ch.certain is False:
        ch.verdict_nb += ", men endringen er for liten til å si sikkert."
        ch.verdict_en += ", but the change is too small to be sure."
    elif ind.kind == "count":
        ch.verdict_nb += "; antallet er en opptelling, ikke et utvalg."
        ch.verdict_en += "; the number is a count, not a sample."
    else:
        ch.verdict_nb += "; uten antall kan vi ikke vurdere usikkerheten."
        ch.verdict_en += "; without counts the uncertainty cannot be judged."
    return ch
