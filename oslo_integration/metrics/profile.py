"""A bydel's profile for a year: every indicator with its references, rank, change and verdicts.

The same data feeds the overview page, the case document and `python -m oslo_integration profil`.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from ..text.numbers import fmt_number
from ..vocab import vocabulary
from .compare import NORWAY, OSLO, Entry, change_between, compare, figure_sentence, rank_among_bydeler, target_comparison
from .indicators import Indicator, indicators
from .rates import compute
from .suppression import suppress


def _row(frame: pl.DataFrame, bydel_nr: str, year: int) -> dict | None:
    hit = frame.filter((pl.col("bydel_nr") == bydel_nr) & (pl.col("year") == year))
    return hit.row(0, named=True) if hit.height else None


def public_view(current: pl.DataFrame, unsuppressed_bydeler: Iterable[str] = ()) -> pl.DataFrame:
    """Current observations as the public (or a logged-in bydel) may see them."""
    return suppress(current, unsuppressed_bydeler=unsuppressed_bydeler)


PROFILE_INDICATORS = (
    "andel_arbeid_ved_avslutning",
    "andel_utdanning_ved_avslutning",
    "andel_ukrainere_arbeid_innen_1_aar",
    "andel_arbeid_innen_1_aar",
    "intro_arbeid_utdanning_1_aar_etter",
    "andel_arbeid_utdanning_1_aar_etter",
    "andel_direkte_overgang",
    "bosatt_innen_6_mnd",
    "intro_tilbudt_innen_3_mnd",
    "andel_kommunal_bolig",
    "andel_privat_leiemarked",
    "andel_fra_ukraina",
    "bosatt_per_1000_innbyggere",
    "bosatt",
    "intro_deltakere",
    "intro_avsluttet",
)


def build_profile(observations: pl.DataFrame, bydel_nr: str, year: int, which: Iterable[str] | None = None) -> list[Entry]:
    """Entries for every profile indicator with a figure for this bydel (observations already suppressed)."""
    out = []
    for name in which or PROFILE_INDICATORS:
        ind = indicators()[name]
        frame = compute(observations, ind)
        row = _row(frame, bydel_nr, year)
        if row is None or not _has_numerator(observations, ind, bydel_nr, year):
            continue
        entry = Entry(ind, row)
        entry.comparisons = [
            compare(ind, row, _row(frame, OSLO, year), "oslo"),
            compare(ind, row, _row(frame, NORWAY, year), "landet"),
        ]
        target = target_comparison(ind, row, _row(frame, NORWAY, year), year)
        if target:
            entry.comparisons.append(target)
        entry.rank = rank_among_bydeler(frame, bydel_nr, year)
        prev = _row(frame, bydel_nr, year - 1)
        if prev is not None:
            entry.change = change_between(ind, prev, row, year - 1, year)
        out.append(entry)
    return out


def _has_numerator(obs: pl.DataFrame, ind: Indicator, bydel_nr: str, year: int) -> bool:
    """Whether the bydel reported the numerator at all (a denominator alone is no indicator)."""
    cat = pl.col("category").is_null() if not ind.numerator_category else pl.col("category") == ind.numerator_category
    return (
        obs.filter(
            (pl.col("bydel_nr") == bydel_nr) & (pl.col("year") == year) & (pl.col("measure") == ind.numerator) & cat
        ).height
        > 0
    )


def verdict(entry: Entry, lang: str) -> str:
    parts = [figure_sentence(entry.indicator, entry.row, lang)]
    if entry.row.get("status") == "ok":
        parts += [v for c in entry.comparisons if (v := getattr(c, f"verdict_{lang}"))]
    return " ".join(parts)


def to_json(entries: list[Entry], bydel_nr: str, year: int) -> dict:
    """Stable English keys; values unrounded; verdicts in both languages."""
    vocab = vocabulary()
    items = []
    for e in entries:
        refs = {c.reference if c.reference != "landet" else "national": _ref(c) for c in e.comparisons}
        refs = {("target" if k == "mal" else k): v for k, v in refs.items()}
        items.append(
            {
                "indicator": e.indicator.indicator,
                "label_nb": e.indicator.label_nb,
                "label_en": e.indicator.label_en,
                "kind": e.indicator.kind,
                "unit": "percent" if e.indicator.is_share else "per_1000" if e.indicator.scale == 1000 else "persons",
                "value": e.row["value"],
                "numerator": e.row["numerator"],
                "denominator": e.row["denominator"],
                "ci_low": e.row["ci_low"],
                "ci_high": e.row["ci_high"],
                "status": e.row["status"],
                "example_data": e.row["example"],
                "sources": e.row["sources"],
                "references": {k: refs.get(k) for k in ("oslo", "national", "target")},
                "rank": e.rank.to_dict() if e.rank else None,
                "change": e.change.to_dict() if e.change else None,
                "verdict": {"nb": verdict(e, "nb"), "en": verdict(e, "en")},
            }
        )
    return {"bydel_nr": bydel_nr, "bydel": vocab.bydel_name(bydel_nr), "year": year, "indicators": items}


def _ref(c) -> dict:
    return {
        "value": c.value,
        "status": c.status,
        "example_data": c.example,
        "difference": c.difference,
        "ci_low": c.ci_low,
        "ci_high": c.ci_high,
        "certain": c.certain,
        "verdict_nb": c.verdict_nb,
        "verdict_en": c.verdict_en,
    }


def to_text(entries: list[Entry], bydel_nr: str, year: int) -> str:
    """The profile in Norwegian, for the terminal."""
    vocab = vocabulary()
    lines = [f"Bydel {vocab.bydel_name(bydel_nr)} – {year}", ""]
    for e in entries:
        lines.append(_heading(e.indicator, e.row))
        r = e.row
        if r["status"] == "ok":
            parts = [f"  Verdi: {e.indicator.format_value(r['value'])}"]
            if r["numerator"] is not None and r["denominator"] is not None:
                parts.append(f"({fmt_number(r['numerator'])} av {fmt_number(r['denominator'])})")
            if r["ci_low"] is not None:
                parts.append(f"95\u00a0% KI {e.indicator.format_value(r['ci_low'])}–{e.indicator.format_value(r['ci_high'])}")
            lines.append(" ".join(parts))
        else:
            lines.append(f"  Status: {r['status']}")
        for c in e.comparisons:
            name = {"oslo": "Oslo i alt", "landet": "Hele landet", "mal": "Mål"}[c.reference]
            val = e.indicator.format_value(c.value) if c.value is not None else c.status
            lines.append(f"  {name}: {val}{' (eksempeltall)' if c.example else ''}")
        if e.rank and e.rank.position and e.rank.of <= 1:
            lines.append("  Plass blant bydelene: ingen andre bydeler har tall av samme slag ennå")
        elif e.rank and e.rank.position:
            tie = f", delt med {e.rank.ties - 1} andre" if e.rank.ties > 1 else ""
            lines.append(f"  Plass blant bydelene: {e.rank.position} av {e.rank.of} (høyest først{tie})")
        lines.append(f"  Vurdering: {verdict(e, 'nb')}")
        if e.change:
            lines.append(f"  Endring: {e.change.verdict_nb}")
        lines.append(f"  Kilde: {r['sources']}{'  [EKSEMPELDATA]' if r['example'] else ''}")
        lines.append("")
    return "\n".join(lines)


def _heading(ind: Indicator, row: dict) -> str:
    return f"{ind.label_nb}{' [eksempeldata]' if row['example'] else ''}"
