"""One number locale: CLDR's nb-NO and en-GB for text, and the same symbols in Vega's config.locale.

The server does not load Babel (its locale data cost 5.6 MB a server): the CLDR data are written out in
text/numbers.py, and held equal here to what Babel, a test dependency, reads from CLDR.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from oslo_integration.text.numbers import (
    CLDR,
    EMPTY,
    LOCALES,
    fmt_number,
    fmt_percent,
    fmt_points,
    fmt_range,
    vega_locale,
)

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


def test_the_written_out_cldr_data_are_babels():
    for lang, data in CLDR.items():
        loc = Locale.parse(LOCALES[lang])
        num = loc.number_symbols["latn"]
        assert (data["decimal"], data["group"], data["minus"]) == (num["decimal"], num["group"], num["minusSign"])
        percent = loc.percent_formats[None].pattern  # «#,##0 %» / «#,##0%»
        assert data["percent"] == percent.removeprefix("#,##0").replace("\u00a0", NBSP)
        assert data["months"] == tuple(loc.months["format"]["wide"][i] for i in range(1, 13))
        assert data["short_months"] == tuple(loc.months["format"]["abbreviated"][i] for i in range(1, 13))
        assert data["days"] == tuple(loc.days["format"]["wide"][i] for i in range(7))
        assert data["short_days"] == tuple(loc.days["format"]["abbreviated"][i] for i in range(7))


def _babel(value: float, decimals: int, lang: str) -> str:
    """What the formatter gave when it went through Babel."""
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    rounded = abs(rounded) if rounded == 0 else rounded
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    loc = Locale.parse(LOCALES[lang])
    text = format_decimal(rounded, format=pattern, locale=loc, decimal_quantization=False)
    return text.replace("-", loc.number_symbols["latn"]["minusSign"])


@given(
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False) | st.integers(-(10**12), 10**12),
    decimals=st.integers(0, 3),
    lang=st.sampled_from(sorted(LOCALES)),
)
def test_every_number_is_formatted_as_babel_formats_it(value, decimals, lang):
    assert fmt_number(value, decimals, lang) == _babel(value, decimals, lang)
