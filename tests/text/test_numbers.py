"""One number locale: Babel's nb-NO and en for text, and the same symbols in Vega's config.locale."""

from __future__ import annotations

from oslo_integration.text.numbers import EMPTY, fmt_number, fmt_percent, fmt_points, fmt_range, vega_locale

NBSP = "\u00a0"


def test_norwegian_numbers():
    assert fmt_number(4000) == f"4{NBSP}000"
    assert fmt_number(21437) == f"21{NBSP}437"
    assert fmt_number(28.06, 1) == "28,1"
    assert fmt_number(-19) == "−19"  # a real minus sign
    assert fmt_percent(28) == f"28{NBSP}%"
    assert fmt_range(14.31, 37.44) == "14,3–37,4"


def test_english_numbers():
    assert fmt_number(4000, lang="en") == "4,000"
    assert fmt_percent(28, lang="en") == "28%"
    assert fmt_range(14.31, 37.44, lang="en") == "14.3–37.4"


def test_half_up_like_the_publishers_and_no_negative_zero():
    assert fmt_number(24.5) == "25"
    assert fmt_number(0.25, 1) == "0,3"
    assert fmt_number(-0.01, 1) == "0,0"
    assert fmt_points(-0.2) == "0 prosentpoeng"


def test_missing_is_a_dash_never_none():
    assert fmt_number(None) == EMPTY and fmt_percent(float("nan")) == EMPTY and fmt_range(None, 3) == EMPTY


def test_vega_locale_uses_the_same_symbols():
    nb, en = vega_locale("nb")["number"], vega_locale("en")["number"]
    assert (nb["decimal"], nb["thousands"], nb["percent"]) == (",", NBSP, f"{NBSP}%")
    assert (en["decimal"], en["thousands"], en["percent"]) == (".", ",", "%")
    assert vega_locale("nb")["time"]["months"][0] == "januar"
