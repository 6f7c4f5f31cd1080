"""Indicator definitions (data/vocab/indicators.csv) and targets (data/targets.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from ..paths import DATA_DIR, VOCAB_DIR
from ..text.numbers import fmt_number, fmt_percent
from ..vocab import _rows


@dataclass(frozen=True)
class Indicator:
    indicator: str
    kind: str  # "rate" (from counts), "count", "percent" (published as a percentage)
    numerator: str
    numerator_category: str
    denominator: str
    denominator_category: str
    scale: int
    higher_is_better: str
    label_nb: str
    label_en: str
    sentence_nb: str
    sentence_en: str

    def label(self, lang: str) -> str:
        return self.label_nb if lang == "nb" else self.label_en

    def sentence(self, lang: str) -> str:
        return self.sentence_nb if lang == "nb" else self.sentence_en

    @property
    def is_share(self) -> bool:
        return self.scale == 100 and self.kind in ("rate", "percent")

    def format_value(self, value: float | None, lang: str = "nb", decimals: int = 1) -> str:
        """The value as every view shows it: a share with its percent sign, a count as a whole number."""
        if self.is_share:
            return fmt_percent(value, decimals, lang)
        return fmt_number(value, 0 if self.kind == "count" else decimals, lang)


@dataclass(frozen=True)
class Target:
    indicator: str
    rule: str  # "over_landsgjennomsnitt"
    values: dict[int, float]  # fixed targets by year, where the budget sets one


@cache
def indicators() -> dict[str, Indicator]:
    out = {}
    for r in _rows("indicators.csv", VOCAB_DIR):
        r["scale"] = int(r["scale"])
        out[r["indicator"]] = Indicator(**r)
    return out


@cache
def targets() -> dict[str, Target]:
    with (DATA_DIR / "targets.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    return {
        name: Target(name, spec.get("regel", ""), {int(y): float(v) for y, v in spec.get("verdi", {}).items()})
        for name, spec in raw.get("mal", {}).items()
    }


@cache
def target_source() -> dict[str, str]:
    with (DATA_DIR / "targets.toml").open("rb") as fh:
        return tomllib.load(fh).get("kilde", {})
