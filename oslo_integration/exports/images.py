"""Report-quality chart images, rendered on the server with vl-convert (no browser, no network)."""

from __future__ import annotations

import datetime as dt

import altair as alt

PNG_SCALE = 2.5  # at least twice screen resolution, for a projector or a printed case


def with_source(chart: alt.TopLevelMixin, title: str, credit: str, lang: str = "nb") -> alt.TopLevelMixin:
    """Title, the publishers' credit line («Kilde: IMDi og SSB …») and the date, inside the image itself."""
    made = dt.date.today().strftime("%d.%m.%Y")
    line = f"Laget {made} med oslo-integration" if lang == "nb" else f"Made {made} with oslo-integration"
    return chart.properties(
        title=alt.Title(
            title,
            subtitle=[credit, line],
            fontSize=20,
            subtitleFontSize=14,
            anchor="start",
        )
    )


def chart_png(chart: alt.TopLevelMixin, scale: float = PNG_SCALE) -> bytes:
    import vl_convert as vlc  # loaded on the first image asked for, not by every page

    return vlc.vegalite_to_png(chart.to_dict(), scale=scale, format_locale=_locale(chart))


def chart_svg(chart: alt.TopLevelMixin) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_dict(), format_locale=_locale(chart))


def _locale(chart: alt.TopLevelMixin) -> dict | str:
    """vl-convert's number locale: the chart's own (`config.locale`), else Norwegian."""
    from ..text.numbers import vega_locale

    return (chart.to_dict().get("config", {}).get("locale") or vega_locale("nb"))["number"]
