"""What every page starts with: its title and, when example figures are shown, the banner."""

from __future__ import annotations

from functools import lru_cache

import polars as pl
import streamlit as st

from ..text.strings import t
from ..vocab import vocabulary
from . import data
from .login import own_bydeler
from .state import View


@lru_cache(maxsize=8)
def _has_example(version: str) -> bool:
    return data.current(version).filter(pl.col("kind") == "eksempel").height > 0


def header(title_key: str, view: View, *, figures: bool = True) -> None:
    """`figures=False` for pages that show no figures (upload, log): no example or unsuppressed banner."""
    st.title(t(title_key, view.lang))
    if view.meeting:  # no sidebar on the projector: the selection is said on the page
        names = ", ".join(vocabulary().bydel_name(b) for b in view.bydeler)
        st.subheader(t("meeting_selection", view.lang, bydeler=names, year=view.year))
    if not figures:
        return
    if view.show_example and _has_example(data.data_version()):
        st.warning(t("example_banner", view.lang), icon="⚠️")  # one or two lines: the first figure stays above the fold
    elif not view.show_example:
        st.caption(t("example_hidden", view.lang))
    own = own_bydeler()
    if own:
        names = ", ".join(vocabulary().bydel_name(b) for b in own)
        st.info(t("own_unsuppressed", view.lang, bydeler=names), icon="🔓")
