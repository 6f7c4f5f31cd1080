"""Tables on screen, handed to Streamlit as Arrow: a Polars frame would be converted through pandas."""

from __future__ import annotations

import polars as pl
import streamlit as st


def show_table(frame: pl.DataFrame, key: str | None = None) -> None:
    st.dataframe(frame.to_arrow(), hide_index=True, width="stretch", key=key)
