"""Cached loading: the store (its Parquet snapshot, when fresh) is read once per data version, indicators once per view."""

from __future__ import annotations

import os
import threading
import time

import polars as pl

from ..metrics import compute, indicators, public_view
from ..paths import store_location
from ..store import read_for_pages
from .shared_cache import shared_cache

# Cached in the process with lru_caches keyed on the data version (shared_cache.py: one computation per
# key however many sessions ask at once): every session gets the same (immutable) Polars frame, with no unpickled copy and none of st.cache_*'s per-call argument
# hashing, which was a large part of a rerun once the work itself was cached.

REFRESH_ENV = "OSLO_INTEGRATION_REFRESH_SECONDS"
DEFAULT_REFRESH_SECONDS = 10.0


def refresh_seconds() -> float:
    """How often a server asks the store whether anything changed: the bound on how stale another replica's import is."""
    try:
        return float(os.environ.get(REFRESH_ENV) or DEFAULT_REFRESH_SECONDS)
    except ValueError:
        return DEFAULT_REFRESH_SECONDS


_version: dict[str, tuple[float, str]] = {}  # store location -> (read at, version)
_version_lock = threading.Lock()


def data_version() -> str:
    """The store and its version: every cache below is keyed on it, so new figures are read within refresh_seconds().

    Kept in the process for refresh_seconds() (a plain dict: this is asked many times per rerun).
    """
    location = store_location()
    with _version_lock:
        found = _version.get(location)
    if found is None or time.monotonic() - found[0] > refresh_seconds():
        found = (time.monotonic(), f"{location}#{read_for_pages('data_version', location)}")
        with _version_lock:
            _version[location] = found
    return found[1]


@shared_cache(maxsize=4)
def current(version: str) -> pl.DataFrame:
    return read_for_pages("current")


@shared_cache(maxsize=16)
def public(version: str, show_example: bool, own: tuple[str, ...] = ()) -> pl.DataFrame:
    """The suppressed view; example figures left out when the switch is off.

    `own` are the bydeler of a logged-in bydel user, whose own figures are shown in full.
    """
    frame = public_view(current(version), unsuppressed_bydeler=own)
    return frame if show_example else frame.filter(pl.col("kind") != "eksempel")


@shared_cache(maxsize=256)
def indicator_frame(version: str, show_example: bool, indicator: str, own: tuple[str, ...] = ()) -> pl.DataFrame:
    return compute(public(version, show_example, own), indicators()[indicator])


def refresh() -> None:
    """After an import or undo in this process: read the store again on the next run."""
    with _version_lock:
        _version.clear()


@shared_cache(maxsize=4)
def imports(version: str) -> pl.DataFrame:
    return read_for_pages("imports")


@shared_cache(maxsize=4)
def real_years(version: str) -> dict[str, list[int]]:
    """Per bydel, the years with real (not example) figures for what the overview shows: what the default year prefers.

    Only the measures behind the profile's indicators count, so the default year always has something
    real to show (a year-to-date count or a population figure alone does not make a year).
    """
    from ..metrics.profile import PROFILE_INDICATORS

    shown = {indicators()[name].numerator for name in PROFILE_INDICATORS}
    frame = current(version).filter(
        (pl.col("kind") != "eksempel") & (pl.col("status") != "mangler") & pl.col("measure").is_in(list(shown))
    )
    grouped = frame.group_by("bydel_nr").agg(pl.col("year").unique().sort())
    return {nr: [int(y) for y in ys] for nr, ys in grouped.iter_rows()}


@shared_cache(maxsize=4)
def years(version: str) -> list[int]:
    frame = current(version)
    ys = frame.filter(pl.col("bydel_nr").str.len_chars() == 6)["year"].unique().sort().to_list()
    return [int(y) for y in ys] or [2024]


@shared_cache(maxsize=4)
def synonyms(version: str) -> tuple:
    """The synonyms users stored (a tuple of vocab.Synonym), read once per data version."""
    return read_for_pages("active_synonyms")


@shared_cache(maxsize=4)
def synonym_log(version: str) -> pl.DataFrame:
    """Every stored synonym with who added it, when, from which file, and whether it was removed."""
    return read_for_pages("synonyms")


@shared_cache(maxsize=64)
def page_years(version: str, show_example: bool, own: tuple[str, ...], page: str) -> list[int]:
    """The years the page has figures for: the only years its year control offers."""
    from ..metrics.profile import PROFILE_INDICATORS
    from ..page_cards import page_indicators, years_with_figures

    names = page_indicators(page, indicators(), PROFILE_INDICATORS)
    if names is None:
        return years(version)
    found = years_with_figures(indicator_frame(version, show_example, name, own) for name in names)
    return found or years(version)
