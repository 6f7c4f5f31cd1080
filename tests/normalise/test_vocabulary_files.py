"""The vocabulary as professionals write it: data files with Nynorsk, SSB's countries and official wordings."""

from __future__ import annotations

import csv

import pytest

from oslo_integration.normalise.keys import HEADER_WORDS, classify, header_kind
from oslo_integration.paths import VOCAB_DIR
from oslo_integration.vocab import fold, vocabulary

VOCAB = vocabulary()


@pytest.mark.parametrize(
    ("text", "measure", "category"),
    [
        ("Busette flyktningar", "bosatt", None),
        ("Faktisk bosetting", "bosatt", None),
        ("Anmodning om bosetting", "anmodet", None),
        ("Opprinnelig anmodning", "anmodet_opprinnelig", None),
        ("Vedtak om bosetting", "vedtatt", None),
        ("Oppmoding om busetjing", "anmodet", None),
        ("Kommunal bustad", "bosatt_boligtype", "kommunal_bolig"),
        ("Privat leigemarknad", "bosatt_boligtype", "privat_leiemarked"),
        ("Avslutta introduksjonsprogrammet", "intro_avsluttet", None),
        ("Deltakarar i introduksjonsprogrammet", "intro_deltakere", None),
        ("I arbeid ved avslutta introduksjonsprogram", "intro_arbeid_ved_avslutning", None),
        ("Sysselsatt og/eller under utdanning", "intro_arbeid_utdanning_1_aar_etter_antall", None),
        ("Direkte overgang til arbeid eller utdanning", "intro_direkte_overgang_antall", None),
    ],
)
def test_official_and_nynorsk_wordings(text, measure, category):
    key = classify(text, VOCAB)
    assert (key.measure, key.category) == (measure, category)


def test_every_country_ssb_names_is_a_category_with_the_variants_people_write():
    with (VOCAB_DIR / "land.csv").open(encoding="utf-8") as fh:
        countries = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    assert len(countries) >= 195
    for row in countries:
        for variant in [row["land"], *filter(None, row["varianter"].split("|"))]:
            assert VOCAB.category("land", variant) == row["land"], variant
    for written, canonical in [
        ("Yemen", "Jemen"),
        ("Andre", "Øvrige land"),
        ("Øvrige land", "Øvrige land"),
        ("Myanmar", "Burma"),
        ("Elfenbeinskysten", "Elfenbenskysten"),
        ("Statslause", "Statsløs"),
        ("Kviterussland", "Belarus"),
    ]:
        assert VOCAB.category("land", written) == canonical


def test_two_transition_measures_stay_apart_each_with_its_definition():
    imdi, ssb = VOCAB.measures["intro_direkte_overgang"], VOCAB.measures["intro_arbeid_utdanning_1_aar_etter"]
    assert "IMDi" in imdi.definition_nb and "ved avslutning" in imdi.definition_nb
    assert "november året etter" in ssb.definition_nb
    assert "sammenlign aldri" in imdi.definition_nb.lower()


def test_header_words_in_both_written_languages_and_regions_as_official_tables_write_them():
    for word, kind in [
        ("År", "year"),
        ("Kommunenummer", "bydel"),
        ("region", "bydel"),
        ("bosted", "bydel"),
        ("Landbakgrunn", "category:land"),
        ("Bustadtype", "category:boligtype"),
        ("Eining", "meta:unit"),
        ("Enhet", "meta:unit"),
        ("Statistikkvariabel", "measure"),
    ]:
        assert header_kind(word) == kind, word
    assert HEADER_WORDS[fold("Begge kjønn")] == "both_sexes" and HEADER_WORDS[fold("Kvinnar")] == "sex"
    for text, code in [
        ("0301 Oslo", "0301"),
        ("0301", "0301"),
        ("K-0301", "0301"),
        ("03 Oslo", "0301"),
        ("0 Hele landet", "0"),
        ("030101 Gamle Oslo", "030101"),
        ("Bydel 1 Gamle Oslo", "030101"),
        ("0301 Oslo - Oslove", "0301"),
    ]:
        assert VOCAB.resolve_bydel(text) == code, text
    for text in ("4601 Bergen", "Bergen", "46 Vestland", "K-1103", "5001 Trondheim - Tråante"):
        assert VOCAB.resolve_bydel(text) is None and VOCAB.is_elsewhere(text), text
