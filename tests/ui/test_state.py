"""The view in the URL: each parameter only when it differs from what a link without it opens."""

from __future__ import annotations

from dataclasses import replace

from oslo_integration.ui.state import parse_query, to_query

YEARS = list(range(2010, 2025))


def test_defaults_are_not_written_and_a_link_reads_back_the_same_view():
    default = parse_query({}, YEARS, ["bosatt"]).view
    assert to_query(default, default) == {}
    view = replace(default, bydeler=("030101", "030105"), year=2016, lang="en", show_example=False, indicator="bosatt")
    query = to_query(view, parse_query({"bydel": "030101,030105"}, YEARS, ["bosatt"]).view)
    assert query == {"bydel": "030101,030105", "aar": "2016", "indikator": "bosatt", "lang": "en", "eksempel": "0"}
    back = parse_query(query, YEARS, ["bosatt"]).view
    assert (back.bydeler, back.year, back.lang, back.show_example, back.indicator) == (view.bydeler, 2016, "en", False, "bosatt")
