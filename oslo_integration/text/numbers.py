"""Numbers the Norwegian way: 1 234,5 and 28 %; English: 1,234.5 and 28%."""

from __future__ import annotations


def fmt_number(value: float | None, decimals: int = 0, lang: str = "nb") -> str:
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "nb":
        return text.replace(",", " ").replace(".", ",").replace("-", "−")
    return text


def fmt_percent(value: float | None, decimals: int = 0, lang: str = "nb") -> str:
    if value is None:
        return "–"
    return f"{fmt_number(value, decimals, lang)} %" if lang == "nb" else f"{fmt_number(value, decimals, lang)}%"


def fmt_points(value: float, decimals: int = 0, lang: str = "nb") -> str:
    sign = "+" if value > 0 else ""
    unit = "prosentpoeng" if lang == "nb" else "percentage points"
    return f"{sign}{fmt_number(value, decimals, lang)} {unit}"
