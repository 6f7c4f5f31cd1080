"""Which figures are real: per measure, for whom and for which years, computed from the store itself.

Shown on Om dataene and checked against the README, so the list can never drift from the data.
"""

from __future__ import annotations

import polars as pl

from ..vocab import Vocabulary, vocabulary

OSLO, NORGE = "0301", "0"
REAL_KINDS = ("offisiell", "innsendt")


def year_ranges(years: list[int]) -> str:
    """[2010, 2011, 2012, 2014] -> «2010–2012, 2014»."""
    out: list[str] = []
    for y in sorted(set(years)):
        if out and out[-1].split("–")[-1] == str(y - 1):
            out[-1] = out[-1].split("–")[0] + f"–{y}"
        else:
            out.append(str(y))
    return ", ".join(out)


def _who(codes: list[str], vocab: Vocabulary, lang: str = "nb") -> str:
    bydeler = sorted(c for c in codes if c in {b.bydel_nr for b in vocab.real_bydeler()})
    en = lang == "en"
    parts = []
    if len(bydeler) == len(vocab.real_bydeler()):
        parts.append("all 15 districts" if en else "alle 15 bydeler")
    elif len(bydeler) > 3:
        parts.append(f"{len(bydeler)} districts" if en else f"{len(bydeler)} bydeler")
    elif bydeler:
        parts.append(", ".join(vocab.bydel_name(b) for b in bydeler))
    if OSLO in codes:
        parts.append("Oslo as a whole" if en else "Oslo i alt")
    if NORGE in codes:
        parts.append("Norway" if en else "Hele landet")
    return ", ".join(parts)


def real_coverage(current: pl.DataFrame, vocab: Vocabulary | None = None, lang: str = "nb") -> pl.DataFrame:
    """One row per measure and year span: which places have real figures (a value or the publisher's «:»)."""
    vocab = vocab or vocabulary()
    real = current.filter(pl.col("kind").is_in(REAL_KINDS) & (pl.col("status") != "mangler"))
    rows = []
    for measure, part in real.group_by("measure", maintain_order=True):
        info = vocab.measures.get(measure[0])
        by_year = part.group_by("year").agg(pl.col("bydel_nr").unique().sort()).sort("year")
        # years with the same set of places are listed together
        spans: dict[str, list[int]] = {}
        for year, codes in by_year.iter_rows():
            spans.setdefault(_who(codes, vocab, lang), []).append(year)
        for who, years in spans.items():
            rows.append(
                {
                    "measure": measure[0],
                    "label": (info.label_nb if lang == "nb" else info.label_en) if info else measure[0],
                    "who": who,
                    "years": year_ranges(years),
                    "first": min(years),
                }
            )
    if not rows:
        return pl.DataFrame(schema={"measure": pl.String, "label": pl.String, "who": pl.String, "years": pl.String})
    return pl.DataFrame(rows).sort("label", "first").drop("first")


def coverage_markdown(coverage: pl.DataFrame) -> list[str]:
    """The README's table rows (measure id, name, for whom, years), one line each."""
    return [f"| `{r['measure']}` | {r['label']} | {r['who']} | {r['years']} |" for r in coverage.iter_rows(named=True)]
