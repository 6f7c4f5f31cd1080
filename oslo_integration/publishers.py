"""Who published a figure: the «Kilde:» on chart images, in the case document and in citations.

Credits name publishers (IMDi, Statistisk sentralbyrå, Bydel Frogner), never our file names; the
table is data (`data/vocab/publishers.csv`). A file not listed there is a bydel's own upload and is
credited to that bydel.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import polars as pl

from .vocab import _rows


@dataclass(frozen=True)
class Publisher:
    name_nb: str
    name_en: str
    licence_nb: str
    licence_en: str

    def name(self, lang: str) -> str:
        return self.name_nb if lang == "nb" else self.name_en

    def licence(self, lang: str) -> str:
        return self.licence_nb if lang == "nb" else self.licence_en


@cache
def publishers() -> dict[str, Publisher]:
    return {
        r["source_file"]: Publisher(r["publisher_nb"], r["publisher_en"], r["licence_nb"], r["licence_en"])
        for r in _rows("publishers.csv")
    }


def publisher_of(source_file: str, bydel: str | None = None) -> Publisher:
    known = publishers().get(source_file)
    if known:
        return known
    who = f"Bydel {bydel}" if bydel else "Bydelen"
    return Publisher(f"{who} (egne tall)", f"{who} (own figures)", "bydelens egne tall", "the district's own figures")


def publishers_for(files: Iterable[tuple[str | None, str | None]]) -> list[Publisher]:
    """The distinct publishers of (source file, bydel) pairs, in a stable order."""
    found: dict[str, Publisher] = {}
    for source_file, bydel in sorted(set(files), key=lambda p: (p[0] or "", p[1] or "")):
        p = publisher_of(source_file or "", bydel)
        found.setdefault(p.name_nb, p)
    return list(found.values())


def files_of(obs: pl.DataFrame) -> list[tuple[str | None, str | None]]:
    """(source file, bydel) pairs of observation rows, or of indicator rows through their `sources` text."""
    if "source_file" in obs.columns:
        return list(obs.select("source_file", "bydel").unique().iter_rows())
    pairs = []
    for sources, bydel in obs.select("sources", "bydel").unique().iter_rows():
        for part in (sources or "").split(" ÷ "):
            if part.strip():
                pairs.append((part.strip().split(" ")[0], bydel))
    return pairs


def credit_line(obs: pl.DataFrame, lang: str = "nb") -> str:
    """«Kilde: IMDi og Statistisk sentralbyrå (tabell 10824); Bydel Frogner, sak til bydelsutvalget 2025»."""
    names = [p.name(lang) for p in publishers_for(files_of(obs))]
    head = "Kilde" if lang == "nb" else "Source"
    return f"{head}: " + "; ".join(names) if names else ""
