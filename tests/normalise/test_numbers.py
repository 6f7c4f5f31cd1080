import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oslo_integration.normalise.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value", "status", "percent"),
    [
        ("185", 185.0, "ok", False),
        ("4 500", 4500.0, "ok", False),
        ("4\u00a0500", 4500.0, "ok", False),
        ("4\u2009500", 4500.0, "ok", False),
        ("4\u202f500", 4500.0, "ok", False),
        ("1 234,5", 1234.5, "ok", False),
        ("1.234,5", 1234.5, "ok", False),
        ("28 %", 28.0, "ok", True),
        ("28,5%", 28.5, "ok", True),
        ("0,28", 0.28, "ok", False),
        ("−3", -3.0, "ok", False),
        ("-", 0.0, "ok", False),
        (":", None, "prikket", False),
        ("<5", None, "prikket", False),
        (".", None, "mangler", False),
        ("..", None, "mangler", False),
        ("…", None, "mangler", False),
        ("*", None, "mangler", False),
        ("", None, "mangler", False),
        (None, None, "mangler", False),
        ("  17 ", 17.0, "ok", False),
        ("mange", None, None, False),
        ("12 3a", None, None, False),
    ],
)
def test_norwegian_numbers_and_symbols(text, value, status, percent):
    assert parse_number(text) == (value, status, percent)


def test_percent_formatted_cell_holds_a_fraction():
    assert parse_number("0.28", percent_format=True) == (28.0, "ok", True)
    assert parse_number("0.281", percent_format=True) == (28.1, "ok", True)


def _norwegian(n: int, decimals: str, sep: str) -> str:
    groups = f"{n:,}".replace(",", sep)
    return groups + ("," + decimals if decimals else "")


@given(
    n=st.integers(min_value=0, max_value=10**9),
    decimals=st.text(alphabet="0123456789", max_size=3),
    sep=st.sampled_from([" ", "\u00a0", "\u2009", "\u202f", ""]),
    percent=st.sampled_from(["", "%", " %"]),
    negative=st.booleans(),
)
def test_any_norwegian_number_reads_back_exactly(n, decimals, sep, percent, negative):
    text = ("-" if negative and n else "") + _norwegian(n, decimals, sep) + percent
    expected = float(f"{'-' if negative and n else ''}{n}.{decimals or '0'}")
    value, status, is_percent = parse_number(text)
    assert status == "ok"
    assert math.isclose(value, expected, rel_tol=1e-12)
    assert is_percent == bool(percent)


@given(st.text(max_size=12))
def test_parser_never_crashes_and_status_matches_value(text):
    value, status, _ = parse_number(text)
    assert status in (None, "ok", "prikket", "mangler")
    assert (value is not None) == (status == "ok")
