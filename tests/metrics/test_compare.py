"""Verdict sentences: a clear difference, an uncertain one, a missing reference, in both languages."""

from __future__ import annotations

import polars as pl
import pytest

from oslo_integration.metrics import indicators
from oslo_integration.metrics.compare import change_between, compare, figure_sentence, rank_among_bydeler, target_comparison

IND = indicators()["andel_arbeid_ved_avslutning"]


def row(k, n, example=False):
    return {"value": k / n * 100, "numerator": k, "denominator": n, "status": "ok", "example": example}


def test_clear_difference_both_languages():
    c = compare(IND, row(16, 57), row(4500, 10000), "landet")
    assert c.direction == "lower" and c.certain is True
    assert c.verdict_nb == "Det er lavere enn landet (45\u00a0%), og forskjellen er større enn tilfeldig variasjon kan forklare."
    assert c.verdict_en == "That is lower than the country (45%), and the difference is larger than chance variation can explain."


def test_uncertain_difference_both_languages():
    c = compare(IND, row(16, 57), row(310, 1000), "oslo")
    assert c.certain is False
    assert c.verdict_nb == "Det er lavere enn Oslo i alt (31\u00a0%), men forskjellen er for liten til å si sikkert."
    assert c.verdict_en == "That is lower than Oslo as a whole (31%), but the difference is too small to be sure."


def test_missing_reference_both_languages():
    c = compare(IND, row(16, 57), None, "landet")
    assert c.status == "mangler" and c.difference is None
    assert c.verdict_nb == "Tall for landet mangler, så vi kan ikke sammenligne."
    assert c.verdict_en == "There is no figure for the country, so no comparison can be made."


def test_example_reference_is_labelled():
    mine = row(16, 57) | {"example": True}  # an example figure may be compared with an example reference, labelled
    c = compare(IND, mine, row(310, 1000, example=True), "oslo")
    assert "(31\u00a0%, eksempeltall)" in c.verdict_nb and "(31%, example figure)" in c.verdict_en


def test_a_real_figure_is_never_judged_against_an_example_reference():
    """Frogner's real 16 of 57 against an invented Oslo i alt: no «lavere enn», no target judgement."""
    c = compare(IND, row(16, 57), row(310, 1000, example=True), "oslo")
    assert c.direction is None and c.difference is None
    assert "lavere" not in c.verdict_nb and "sammenlignes ikke" in c.verdict_nb
    t = target_comparison(IND, row(16, 57), row(310, 1000, example=True), 2024)
    assert t is None or "ikke nådd" not in t.verdict_nb


def test_example_figures_never_give_not_met():
    mine = row(16, 57) | {"example": True}
    t = target_comparison(IND, mine, row(310, 1000), 2024)
    assert t is None or ("ikke nådd" not in t.verdict_nb and "not met" not in t.verdict_en)


def test_published_percent_reference_without_counts_uses_the_bydel_interval():
    c = compare(IND, row(16, 57), {"value": 65.0, "status": "ok"}, "landet")
    assert c.certain is True and c.ci_high < 0
    c2 = compare(IND, row(16, 57), {"value": 30.0, "status": "ok"}, "landet")
    assert c2.certain is False


def test_figure_sentence_matches_the_case():
    assert figure_sentence(IND, row(16, 57), "nb") == "16 av 57 (28\u00a0%) var i arbeid ved avslutning."
    assert figure_sentence(IND, row(16, 57), "en") == "16 of 57 (28%) were in work when the programme ended."
    assert "prikket" in figure_sentence(IND, {"status": "prikket"}, "nb")


def test_target_above_national_average():
    t = target_comparison(IND, row(16, 57), row(4000, 10000), 2024)
    assert t.reference == "mal" and t.verdict_nb.startswith("Målet er å ligge over landsgjennomsnittet (40\u00a0%): ikke nådd.")
    assert "not met" in t.verdict_en


def test_change_over_years_absolute_relative_and_honest():
    ch = change_between(IND, row(18, 76), row(16, 57), 2023, 2024)
    assert ch.absolute == pytest.approx(28.07 - 23.68, abs=0.01)
    assert ch.relative == pytest.approx((28.07 - 23.68) / 23.68 * 100, abs=0.1)
    assert ch.certain is False and ch.verdict_nb.endswith("men endringen er for liten til å si sikkert.")
    big = change_between(IND, row(15, 59), row(41, 48), 2023, 2024)
    assert big.certain is True and "større enn tilfeldig variasjon" in big.verdict_nb


def test_rank_shares_ties():
    frame = pl.DataFrame(
        {
            "bydel_nr": ["030101", "030102", "030103", "030105"],
            "year": [2024] * 4,
            "value": [50.0, 40.0, 50.0, 10.0],
            "status": ["ok"] * 4,
        }
    )
    assert rank_among_bydeler(frame, "030103", 2024).position == 1
    assert rank_among_bydeler(frame, "030103", 2024).ties == 2
    assert rank_among_bydeler(frame, "030102", 2024).position == 3
    assert rank_among_bydeler(frame, "030105", 2024).of == 4
