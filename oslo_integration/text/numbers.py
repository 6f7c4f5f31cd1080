"""Numbers in one locale everywhere, from Babel's CLDR data: «4 000», «28 %», «14,3–37,4» in
Norwegian (nb-NO), «4,000», «28%», «14.3–37.4» in English.

Screen text, tables, exports, the case document and the charts' own axes (through `vega_locale`,
which Vega-Lite reads as `config.locale`) all take their symbols from here, so no view can show
«4,000» beside «24,0».
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel import Locale
from babel.numbers import format_decimal

LOCALES = {"nb": "nb_NO", "en": "en_GB"}
EMPTY = "–"  # what a missing number shows: never «None», never «nan»


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["nb"]))


@cache
def symbols(lang: str) -> dict[str, str]:
    """Decimal mark, thousands separator, minus and the percent suffix of the language."""
    loc = _locale(lang)
    num = loc.number_symbols["latn"]
    nb = lang == "nb"
    return {
        "decimal": num["decimal"],
        "group": num["group"],
        "minus": num["minusSign"],
        # CLDR's nb pattern is «#,##0 %» (a no-break space before the sign), en's «#,##0%»
        "percent": ("\u00a0%" if nb else "%"),
    }


def _rounded(value: float, decimals: int) -> Decimal:
    """Half up, as publishers round (24,5 → 25), not Python's half-to-even on binary floats."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fmt_number(value: float | None, decimals: int = 0, lang: str = "nb") -> str:
    if value is None or value != value:  # None or NaN
        return EMPTY
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    rounded = _rounded(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # «−0» says nothing
    text = format_decimal(rounded, format=pattern, locale=_locale(lang), decimal_quantization=False)
    return text.replace("-", symbols(lang)["minus"])


def fmt_percent(value: float | None, decimals: int = 0, lang: str = "nb") -> str:
    """A value already in percent (28.1, not 0.281)."""
    if value is None or value != value:
        return EMPTY
    return fmt_number(value, decimals, lang) + symbols(lang)["percent"]


def fmt_range(low: float | None, high: float | None, decimals: int = 1, lang: str = "nb") -> str:
    """An interval: «14,3–37,4»; empty when either end is missing."""
    if low is None or high is None or low != low or high != high:
        return EMPTY
    return f"{fmt_number(low, decimals, lang)}–{fmt_number(high, decimals, lang)}"


def fmt_points(value: float, decimals: int = 0, lang: str = "nb") -> str:
    sign = "+" if _rounded(value, decimals) > 0 else ""
    unit = "prosentpoeng" if lang == "nb" else "percentage points"
    return f"{sign}{fmt_number(value, decimals, lang)} {unit}"


@cache
def vega_locale(lang: str) -> dict:
    """Vega-Lite's `config.locale` (d3-format and d3-time-format definitions) from the same symbols."""
    s = symbols(lang)
    number = {
        "decimal": s["decimal"],
        "thousands": s["group"],
        "grouping": [3],
        "currency": ["", "\u00a0kr"] if lang == "nb" else ["£", ""],
        "minus": s["minus"],
        "percent": s["percent"],
    }
    loc = _locale(lang)
    months = [loc.months["format"]["wide"][i] for i in range(1, 13)]
    short = [loc.months["format"]["abbreviated"][i].rstrip(".") for i in range(1, 13)]
    days = [loc.days["format"]["wide"][(i - 1) % 7] for i in range(7)]  # d3 starts on Sunday, CLDR's 0 is Monday
    short_days = [loc.days["format"]["abbreviated"][(i - 1) % 7].rstrip(".") for i in range(7)]
    time = {
        "dateTime": "%A %e. %B %Y kl. %X" if lang == "nb" else "%a %e %b %X %Y",
        "date": "%d.%m.%Y" if lang == "nb" else "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": days,
        "shortDays": short_days,
        "months": months,
        "shortMonths": short,
    }
    return {"number": number, "time": time}
