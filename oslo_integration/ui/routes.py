"""The dashboard's pages: file, title, address. app.py makes them into Streamlit's menu; the warm-up at
server start reads the public ones' imports (ui/warm_up.py), so both follow one list."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    file: str  # relative to the project root, as st.Page takes it
    title: str  # a key of text/strings.py
    url_path: str
    hidden: bool = False  # reachable at its address, not in the menu


PUBLIC: tuple[Route, ...] = (
    Route("views/oversikt.py", "page_overview", "oversikt"),
    Route("views/bosetting.py", "page_settlement", "bosetting"),
    Route("views/landbakgrunn.py", "page_origin", "landbakgrunn"),
    Route("views/intro.py", "page_intro", "introduksjonsprogrammet"),
    Route("views/overgang.py", "page_transition", "overgang"),
    Route("views/kart.py", "page_map", "kart"),
    Route("views/om_dataene.py", "page_about", "om-dataene"),
    # one card alone at its own address, for an iframe: not in the menu
    Route("views/kort.py", "page_card", "kort", hidden=True),
)

LOGGED_IN: tuple[Route, ...] = (
    Route("views/last_opp.py", "page_upload", "last-opp"),
    Route("views/logg.py", "page_log", "importlogg"),
)
