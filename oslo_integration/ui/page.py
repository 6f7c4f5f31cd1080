"""What every page starts with: its title and, when example figures are shown, the banner."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ..text.strings import t
from ..vocab import vocabulary
from . import data
from .login import own_bydeler
from .state import View


def header(title_key: str, view: View, *, figures: bool = True) -> None:
    """`figures=False` for pages that show no figures (upload, log): no example or unsuppressed banner."""
    st.title(t(title_key, view.lang))
    if not figures:
        return
    frame = data.public(data.data_version(), view.show_example, own_bydeler())
    if view.show_example and frame.filter(pl.col("kind") == "eksempel").height:
        st.warning(t("example_banner", view.lang), icon="⚠️")
    elif not view.show_example:
        st.caption(t("example_hidden", view.lang))
    own = own_bydeler()
    if own:
        names = ", ".join(vocabulary().bydel_name(b) for b in own)
        st.info(t("own_unsuppressed", view.lang, bydeler=names), icon="🔓")
