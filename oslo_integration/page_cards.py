"""Which cards each page draws: the pages and the sidebar's year control read the same list.

A card is (indicator, its Antall side or None); a breakdown is a measure split by category.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

CARDS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "bosetting": (
        ("bosatt", None),
        ("andel_kommunal_bolig", "bosatt_kommunal_bolig"),
        ("andel_privat_leiemarked", "bosatt_privat_leiemarked"),
        ("bosatt_per_1000_innbyggere", None),
    ),
    "landbakgrunn": (("andel_fra_ukraina", "bosatt_fra_ukraina"),),
    "introduksjonsprogrammet": (("intro_deltakere", None), ("intro_avsluttet", None)),
    # the two published outcome measures each have their own card: never compared with each other or the others
    "overgang": (
        ("andel_arbeid_ved_avslutning", "intro_arbeid_ved_avslutning"),
        ("andel_ukrainere_arbeid_innen_1_aar", "ukrainere_arbeid_innen_1_aar"),
        ("andel_utdanning_ved_avslutning", "intro_utdanning_ved_avslutning"),
        ("intro_arbeid_utdanning_1_aar_etter", None),
        ("andel_arbeid_utdanning_1_aar_etter", "arbeid_utdanning_1_aar_etter_antall"),
        ("andel_direkte_overgang", "direkte_overgang_antall"),
    ),
}
BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "landbakgrunn": ("bosatt_landbakgrunn",),
    "introduksjonsprogrammet": ("intro_avsluttet",),
}


def page_indicators(page: str, every: Iterable[str], overview: Iterable[str]) -> tuple[str, ...] | None:
    """The indicators whose years a page offers; None for pages that show every year (Om dataene, upload)."""
    if page in CARDS:
        return tuple(i for card in CARDS[page] for i in card if i)
    if page == "kart":
        return tuple(every)
    if page in ("oversikt", "start"):
        return tuple(overview)
    return None


def years_with_figures(frames: Iterable[pl.DataFrame]) -> list[int]:
    """The years in which at least one bydel, Oslo i alt or Hele landet has a shown figure."""
    years: set[int] = set()
    for frame in frames:
        years |= set(frame.filter(pl.col("status") == "ok")["year"].cast(pl.Int64).to_list())
    return sorted(years)


def count_for(indicator: str) -> str | None:
    """The Antall side of a card's share, wherever the card stands."""
    for cards in CARDS.values():
        for share, count in cards:
            if share == indicator:
                return count
    return None
