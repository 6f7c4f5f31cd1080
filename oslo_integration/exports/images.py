"""Report-quality chart images, rendered on the server with vl-convert (no browser, no network)."""

from __future__ import annotations

import datetime as dt

import altair as alt

PNG_SCALE = 2.5  # at least twice screen resolution, for a projector or a printed case


def with_source(chart: alt.TopLevelMixin, title: str, source: str) -> alt.TopLevelMixin:
    """Title, the source line («Kilde: …») and the date, inside the image itself."""
    made = dt.date.today().strftime("%d.%m.%Y")
    return chart.properties(
        title=alt.Title(
            title,
            subtitle=[f"Kilde: {source}", f"Laget {made} med oslo-integration"],
            fontSize=20,
            subtitleFontSize=14,
            anchor="start",
        )
    )


def chart_png(chart: alt.TopLevelMixin, scale: float = PNG_SCALE) -> bytes:
    import vl_convert as vlc  # loaded on the first image asked for, not by every page

    return vlc.vegalite_to_png(chart.to_dict(), scale=scale)


def chart_svg(chart: alt.TopLevelMixin) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_dict())
