"""Cached loading: the store is read once per data version, indicators once per view of the data."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ..metrics import compute, indicators, public_view
from ..store import open_store


@st.cache_data(ttl=30, show_spinner=False)
def data_version() -> int:
    return open_store().data_version()


@st.cache_data(show_spinner="Leser tallene …")
def current(version: int) -> pl.DataFrame:
    return open_store().current()


@st.cache_data(show_spinner=False, max_entries=64)
def public(version: int, show_example: bool, own: tuple[str, ...] = ()) -> pl.DataFrame:
    """The suppressed view; example figures left out when the switch is off.

    `own` are the bydeler of a logged-in bydel user, whose own figures are shown in full.
    """
    frame = public_view(current(version), unsuppressed_bydeler=own)
    return frame if show_example else frame.filter(pl.col("kind") != "eksempel")


@st.cache_data(show_spinner=False, max_entries=256)
def indicator_frame(version: int, show_example: bool, indicator: str, own: tuple[str, ...] = ()) -> pl.DataFrame:
    return compute(public(version, show_example, own), indicators()[indicator])


def refresh() -> None:
    """After an import or undo in this process: read the store again on the next run."""
    data_version.clear()


@st.cache_data(show_spinner=False)
def imports(version: int) -> pl.DataFrame:
    return open_store().imports()


def years(version: int) -> list[int]:
    frame = current(version)
    ys = frame.filter(pl.col("bydel_nr").str.len_chars() == 6)["year"].unique().sort().to_list()
    return [int(y) for y in ys] or [2024]
