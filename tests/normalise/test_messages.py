"""Messages name the cause once: ranges for the same problem, a number where a header belongs, fitting suggestions."""

from __future__ import annotations

import pytest

from oslo_integration.errors import InputRefused, Problem
from oslo_integration.normalise import group_problems, normalise_path
from oslo_integration.normalise.mapping import ROLE_HEADER, ROLE_ROW, suggest
from oslo_integration.vocab import vocabulary
from tests.conftest import write_csv


def refusal(path) -> list[Problem]:
    with pytest.raises(InputRefused) as exc:
        normalise_path(path)
    return exc.value.problems


def test_the_same_problem_down_a_column_is_one_message_with_its_range(tmp_path):
    rows = [["Bydel Alna"], ["År", "Bosatte flyktninger"]] + [[str(2000 + i), f"x{i}"] for i in range(1, 45)]
    problems = refusal(write_csv(tmp_path / "alna.csv", rows))
    assert len(problems) == 1
    assert problems[0].cell == "B3:B46"
    assert problems[0].message.startswith("«x1» er ikke et tall") and "43 celle(r) til i samme kolonne" in problems[0].message


def test_different_unknown_texts_keep_their_own_suggestions():
    ps = [
        Problem("f", "", "B2", "Ukjent bydel «Grorudd». Mente du «Grorud»?"),
        Problem("f", "", "B3", "Ukjent bydel «Frognr». Mente du «Frogner»?"),
    ]
    assert group_problems(ps) == ps


def test_a_number_where_a_header_belongs_says_so(tmp_path):
    problems = refusal(
        write_csv(tmp_path / "a.csv", [["Bydel Alna"], ["Type bolig", "2023", "19"], ["Kommunal bolig", "8", "3"]])
    )
    assert [(p.cell, "tallet «19»" in p.message) for p in problems] == [("C2", True)]
    assert not any("kolonneoverskrift «19»" in p.message or "Fant ingen kolonne med tall" in p.message for p in problems)


def test_a_table_full_of_numbers_under_unknown_headers_is_never_said_to_have_no_numbers(tmp_path):
    problems = refusal(write_csv(tmp_path / "a.csv", [["Bydel Alna"], ["Ting", "Tang"], ["Kommunal bolig", "8"]]))
    assert problems and not any("Fant ingen kolonne med tall" in p.message for p in problems)
    assert [p.label for p in problems] == ["Tang"]


def test_suggestions_come_from_the_vocabulary_that_fits_where_the_text_stands():
    vocab = vocabulary()
    header = suggest("Kommunenumer", ROLE_HEADER, vocab)
    assert not any(t.startswith("category:land") for t in header)
    assert suggest("Syriaa", ROLE_ROW, vocab)[0] == "category:land:Syria"
    assert suggest("Busette flyktninger", ROLE_HEADER, vocab)[0] == "measure:bosatt"
    assert suggest("Året 2027 (foreløpig)", ROLE_HEADER, vocab)[0] == "year:2027"
