"""The year control offers the page's years: those with a shown figure for one of its cards."""

from __future__ import annotations

import polars as pl

from oslo_integration.metrics import indicators
from oslo_integration.page_cards import CARDS, page_indicators, years_with_figures


def test_years_with_figures_counts_only_shown_figures():
    a = pl.DataFrame({"year": [2014, 2015, 2016], "status": ["ok", "mangler", "prikket"]})
    b = pl.DataFrame({"year": [2022], "status": ["ok"]})
    assert years_with_figures([a, b]) == [2014, 2022]


def test_every_card_names_a_known_indicator():
    known = set(indicators())
    for page in CARDS:
        assert set(page_indicators(page, known, ())) <= known
    assert page_indicators("om-dataene", known, ()) is None
