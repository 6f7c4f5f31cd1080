"""The plain reference for the browser benchmark: our pages' addresses and card counts, drawn the plain way.

Each card is one `st.altair_chart` from a small frame built on every run, under a «Graf | Tabell | Kart»
tab row whose every tab is built on every run (the map reads and sends the GeoJSON each time: no
caching). The sidebar has the same bydel choice (key w_bydeler). Generated figures, never shown as real.
Run with `streamlit run benchmarks/reference_app.py`.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import altair as alt
import pandas as pd
import pydeck as pdk
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
BYDELER = ["Gamle Oslo", "Grünerløkka", "Sagene", "St. Hanshaugen", "Frogner", "Ullern", "Vestre Aker", "Nordre Aker",
           "Bjerke", "Grorud", "Stovner", "Alna", "Østensjø", "Nordstrand", "Søndre Nordstrand"]  # fmt: skip
# cards per page, as on ours (oslo_integration/page_cards.py; Oversikt's profile, Kart's one map, Om dataene's tables)
CARDS = {
    "oversikt": 4,
    "bosetting": 4,
    "landbakgrunn": 1,
    "introduksjonsprogrammet": 2,
    "overgang": 6,
    "kart": 1,
    "om-dataene": 2,
}


def card(n: int, chosen: list[str]) -> None:
    rng = random.Random(n)
    frame = pd.DataFrame({"bydel": BYDELER, "verdi": [rng.randint(5, 60) for _ in BYDELER]})
    frame["valgt"] = frame["bydel"].isin(chosen)
    st.subheader(f"Kort {n + 1} (eksempeltall)")
    graph, table, place = st.tabs(["Graf", "Tabell", "Kart"])
    with graph:
        st.altair_chart(alt.Chart(frame).mark_bar().encode(x="verdi", y=alt.Y("bydel", sort="-x"), color="valgt"))
    with table:
        st.dataframe(frame)
    with place:
        shapes = json.loads((ROOT / "data" / "oslo_bydeler.geojson").read_text(encoding="utf-8"))
        layer = pdk.Layer("GeoJsonLayer", shapes, get_fill_color=[178, 24, 43, 120], pickable=True)
        st.pydeck_chart(
            pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=59.91, longitude=10.75, zoom=9.5), map_style=None)
        )


def page(name: str) -> None:
    chosen = st.session_state.get("w_bydeler") or ["Frogner"]
    st.title(name.capitalize())
    for n in range(CARDS[name]):
        card(n, chosen)


with st.sidebar:
    st.multiselect("Bydeler", BYDELER, default=["Frogner"], key="w_bydeler")
pages = [st.Page(lambda name=name: page(name), title=name, url_path=name) for name in CARDS]
# as ours: the root address goes on to Oversikt at its own address
start = st.Page(lambda: st.switch_page(pages[0]), title="start", url_path="start", default=True, visibility="hidden")
st.navigation([start, *pages]).run()
