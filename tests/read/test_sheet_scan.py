"""The tag counts that bound a sheet before any cell is read, and the cleaning of cell texts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oslo_integration.errors import InputRefused
from oslo_integration.read import read_bytes
from oslo_integration.read.sheet_scan import count_tags

_CELL_FORMS = [b'<c r="A1">', b"<c>", b"<c/>", b"<c\tr='B2'>", b"<c\nr='C3'>", b"<x:c r='A1'>"]
_ROW_FORMS = [b'<row r="1">', b"<row>", b"<row/>", b"<row\nr='2'>", b"<x:row r='3'>"]
_OTHER = [b"<cols>", b'<col min="1"/>', b"<cfRule>", b"</c>", b"</row>", b"<v>1</v>", b"<rowBreaks>", b"text"]


def _by_hand(xml: bytes) -> tuple[int, int]:
    """Every form counted one by one, as the reader did before (nine passes)."""
    cells = sum(xml.count(form) for form in (b"<c ", b"<c>", b"<c/", b"<c\t", b"<c\n")) + xml.count(b"<x:c ")
    rows = sum(xml.count(form) for form in (b"<row ", b"<row>", b"<row/", b"<row\n")) + xml.count(b"<x:row")
    return cells, rows


@given(st.lists(st.sampled_from(_CELL_FORMS + _ROW_FORMS + _OTHER), max_size=40))
def test_count_tags_counts_every_form_of_a_cell_and_a_row(pieces):
    xml = b"".join(pieces)
    assert count_tags(xml) == _by_hand(xml)


def test_a_control_character_becomes_a_space_and_a_nul_is_refused_with_its_cell():
    wb = read_bytes(b"Bydel;Bosatte\nFrogner;5\nMerknad\x0bher;\n", "a.csv")
    rows = wb.sheets[0].rows
    assert rows[1][:2] == ["Frogner", "5"] and rows[2][0] == "Merknad her"
    padding = "Frogner;5\n" * 500  # a NUL in the first 4 kB makes it a binary file, refused before any cell
    with pytest.raises(InputRefused) as refused:
        read_bytes(f"Bydel;Bosatte\n{padding}Frog\x00ner;5\n".encode(), "b.csv")
    (problem,) = refused.value.problems
    assert problem.cell == "A502" and "nulltegn" in problem.message
