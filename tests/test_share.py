"""«Del»: the link, the iframe and the citation for one card."""

from __future__ import annotations

import datetime as dt

from oslo_integration.share import EMBED_HEIGHT, base_of, share


def test_link_embed_and_citation():
    s = share(
        "https://tall.oslo.example",
        "bosetting",
        {"bydel": "030105", "aar": "2024", "tab_andel_kommunal_bolig": "Tabell"},
        "andel_kommunal_bolig",
        "Andel bosatt i kommunal bolig",
        "Tabell",
        ["Bydel Frogner, sak til bydelsutvalget 2025"],
        ["Bydel Frogner, case to the district council 2025"],
        "47-3fa2c1d9",
        dt.date(2026, 11, 24),
    )
    assert s.link == "https://tall.oslo.example/bosetting?bydel=030105&aar=2024&tab_andel_kommunal_bolig=Tabell"
    assert s.embed_url == "https://tall.oslo.example/kort?indikator=andel_kommunal_bolig&bydel=030105&aar=2024&fane=tabell"
    assert s.iframe.startswith('<iframe src="https://tall.oslo.example/kort?indikator=andel_kommunal_bolig&amp;bydel=030105')
    assert (
        'title="Andel bosatt i kommunal bolig"' in s.iframe
        and 'loading="lazy"' in s.iframe
        and f'height="{EMBED_HEIGHT}"' in s.iframe
    )
    assert s.citation_nb == (
        "Kilde: Bydel Frogner, sak til bydelsutvalget 2025. Bearbeidet i Flyktninger i Oslos bydeler (oslo-integration), "
        f"24.11.2026, {s.link}. Datagrunnlag versjon 47-3fa2c1d9."
    )
    assert s.citation_en.startswith("Source: Bydel Frogner, case to the district council 2025. Processed in ")
    assert s.citation_en.endswith("Data version 47-3fa2c1d9.")


def test_a_hostile_title_cannot_break_out_of_the_iframe():
    s = share("http://x", "kart", {}, "bosatt", 'a" onload="alert(1)', None, [], [], "1-x")
    assert 'onload="alert' not in s.iframe and "&quot;" in s.iframe


def test_base_of_a_page_address():
    assert base_of("https://host/prefix/bosetting?x=1") == "https://host/prefix"
    assert base_of("http://127.0.0.1:8501/oversikt") == "http://127.0.0.1:8501"
