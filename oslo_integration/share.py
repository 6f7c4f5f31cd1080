"""What «Del» offers for a card: the link to the exact view, the iframe for the card alone, and the
citation in Norwegian and English. Pure: the base address, publishers and data version come in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode, urlsplit

DASHBOARD_NB = "Flyktninger i Oslos bydeler (oslo-integration)"
DASHBOARD_EN = "Refugees in Oslo's districts (oslo-integration)"
EMBED_HEIGHT = 620  # px: a card's chart, its heading and the source line without a scrollbar at 320–800 px
TABS = {"Graf": "graf", "Chart": "graf", "Tabell": "tabell", "Table": "tabell", "Kart": "kart", "Map": "kart"}


@dataclass(frozen=True)
class Shared:
    link: str
    embed_url: str
    iframe: str
    citation_nb: str
    citation_en: str


def base_of(url: str) -> str:
    """«https://host/prefix/bosetting?x» → «https://host/prefix»: where the app's pages live."""
    parts = urlsplit(url)
    path = parts.path.rsplit("/", 1)[0] if parts.path.count("/") >= 1 else ""
    return f"{parts.scheme}://{parts.netloc}{path}".rstrip("/")


def share(
    base: str,
    page: str,
    query: dict[str, str],
    indicator: str,
    label: str,
    tab_label: str | None,
    publishers_nb: list[str],
    publishers_en: list[str],
    version: str,
    today: dt.date | None = None,
) -> Shared:
    """The three texts for one card; `query` is the view's own URL parameters (bydel, år, …)."""
    today = today or dt.date.today()
    link = f"{base}/{page}" + (f"?{urlencode(query)}" if query else "")
    card = {"indikator": indicator, **{k: v for k, v in query.items() if k in ("bydel", "aar", "fra", "til", "lang", "eksempel")}}
    fane = TABS.get(tab_label or "", "graf")
    if fane != "graf":
        card["fane"] = fane
    embed_url = f"{base}/kort?{urlencode(card)}"
    iframe = (
        f'<iframe src="{escape(embed_url)}" title="{escape(label)}" loading="lazy" '
        f'width="100%" height="{EMBED_HEIGHT}" style="border:0;max-width:100%"></iframe>'
    )
    citation_nb = (
        f"Kilde: {'; '.join(publishers_nb) or 'se Om dataene'}. Bearbeidet i {DASHBOARD_NB}, {today:%d.%m.%Y}, {link}. "
        f"Datagrunnlag versjon {version}."
    )
    citation_en = (
        f"Source: {'; '.join(publishers_en) or 'see About the data'}. Processed in {DASHBOARD_EN}, {today:%Y-%m-%d}, {link}. "
        f"Data version {version}."
    )
    return Shared(link, embed_url, iframe, citation_nb, citation_en)
