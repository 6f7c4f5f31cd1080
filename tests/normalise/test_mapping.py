"""Picked meanings: targets become synonyms, synonyms extend the vocabulary, bad ones are refused in Norwegian."""

from __future__ import annotations

import pytest

from oslo_integration.normalise import normalise_bytes
from oslo_integration.normalise.mapping import check_synonym, synonym_for, target_label, target_of
from oslo_integration.vocab import Synonym, vocabulary

VOCAB = vocabulary()


@pytest.mark.parametrize(
    ("target", "synonym", "words"),
    [
        ("measure:bosatt", Synonym("x", measure="bosatt"), "Måltall: Bosatte flyktninger"),
        (
            "measure:bosatt_boligtype:kommunal_bolig",
            Synonym("x", measure="bosatt_boligtype", category="kommunal_bolig"),
            "Kommunal bolig",
        ),
        ("category:land:Kurdistan", Synonym("x", category="Kurdistan", kind="land"), "Kategori (landbakgrunn): Kurdistan"),
        ("year:2024", Synonym("x", year=2024), "Året 2024"),
        ("ignore", Synonym("x", ignore=True), "Hopp over"),
    ],
)
def test_a_target_is_a_synonym_and_back(target, synonym, words):
    assert synonym_for("x", target) == synonym
    assert target_of(synonym) == target
    assert words in target_label(target, VOCAB)
    assert check_synonym(synonym, VOCAB) is None


def test_bad_synonyms_say_why():
    assert "Ukjent måltall" in check_synonym(Synonym("x", measure="finnes_ikke"), VOCAB)
    assert "ingen inndeling" in check_synonym(Synonym("x", measure="bosatt", category="Syria"), VOCAB)
    assert "Ukjent kategori" in check_synonym(Synonym("x", measure="bosatt_boligtype", category="slott"), VOCAB)
    with pytest.raises(ValueError):
        synonym_for("x", "noe:annet")


def test_a_new_country_a_new_year_word_and_a_skipped_line_read_through_synonyms():
    data = "Bydel Alna – bosatte flyktninger etter landbakgrunn\nLand;Heile året 2024 (førebels)\nKurdisk;7\nMerknadslinje;x\n".encode()
    picks = (
        Synonym("Kurdisk", category="Kurdistan", kind="land"),
        Synonym("Heile året 2024 (førebels)", year=2024),
        Synonym("Merknadslinje", ignore=True),
    )
    got = normalise_bytes(data, "alna.csv", synonyms=picks).observations
    assert got.select("bydel_nr", "year", "measure", "category", "value", "cell").rows() == [
        ("030112", 2024, "bosatt_landbakgrunn", "Kurdistan", 7.0, "B3")
    ]
