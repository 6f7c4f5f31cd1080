"""Numbers in one locale everywhere, with CLDR's symbols: «4 000», «28 %», «14,3–37,4» in Norwegian
(nb-NO), «4,000», «28%», «14.3–37.4» in English (en-GB).

Screen text, tables, exports, the case document and the charts' own axes (through `vega_locale`,
which Vega-Lite reads as `config.locale`) all take their symbols from here, so no view can show
«4,000» beside «24,0».

The symbols and the calendar names are CLDR's, written out below for the two languages we show rather
than loaded through Babel at run time: Babel's locale data took 5.6 MB of every server's memory for
these few strings. tests/text/test_numbers.py holds them, and every formatted number, equal to Babel's.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache

LOCALES = {"nb": "nb_NO", "en": "en_GB"}
EMPTY = "–"  # what a missing number shows: never «None», never «nan»

# CLDR: number symbols («latn»), the percent suffix of the percent pattern (nb «#,##0 %» with a no-break
# space, en «#,##0%»), and the format-context month and day names, wide and abbreviated (Monday first).
CLDR = {
    "nb": {
        "decimal": ",",
        "group": "\u00a0",
        "minus": "\u2212",
        "percent": "\u00a0%",
        "months": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
                   "november", "desember"),
        "short_months": ("jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."),
        "days": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
        "short_days": ("man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn."),
    },
    "en": {
        "decimal": ".",
        "group": ",",
        "minus": "-",
        "percent": "%",
        "months": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December"),
        "short_months": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
        "days": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "short_days": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    },
}  # fmt: skip


def _cldr(lang: str) -> dict:
    return CLDR.get(lang, CLDR["nb"])


@cache
def symbols(lang: str) -> dict[str, str]:
    """Decimal mark, thousands separator, minus and the percent suffix of the language."""
    data = _cldr(lang)
    return {key: data[key] for key in ("decimal", "group", "minus", "percent")}


def _rounded(value: float, decimals: int) -> Decimal:
    """Half up, as publishers round (24,5 → 25), not Python's half-to-even on binary floats."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fmt_number(value: float | None, decimals: int = 0, lang: str = "nb") -> str:
    if value is None or value != value:  # None or NaN
        return EMPTY
    rounded = _rounded(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # «−0» says nothing
    s = symbols(lang)
    # already rounded to `decimals`, so the format only groups the digits in threes (CLDR's «#,##0.0»)
    return format(rounded, f",.{max(decimals, 0)}f").translate(
        {ord(","): s["group"], ord("."): s["decimal"], ord("-"): s["minus"]}
    )


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
    data = _cldr(lang)
    months = list(data["months"])
    short = [m.rstrip(".") for m in data["short_months"]]
    days = [data["days"][(i - 1) % 7] for i in range(7)]  # d3 starts on Sunday, CLDR's list here on Monday
    short_days = [data["short_days"][(i - 1) % 7].rstrip(".") for i in range(7)]
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
