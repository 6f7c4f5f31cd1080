"""Label and title matching stays linear on hostile text: 1 MB lines, every function that reads them.

Not a speed test: a quadratic regex took 138 s on a 130 KB title; linear code takes milliseconds.
The bound is a hundred times what they take here, so a noisy machine cannot make it flaky.
"""

from __future__ import annotations

import time

import pytest

from oslo_integration.normalise import context
from oslo_integration.normalise.keys import classify, header_kind, parse_year
from oslo_integration.normalise.layout import find_tables
from oslo_integration.read.grid import Sheet
from oslo_integration.vocab import fold, norm_label, vocabulary

PAYLOADS = {
    "spaces": "a" + " " * 1_000_000 + "b",
    "bydel words": "bydel " * 170_000,
    "footnote marks": "x" + " *" * 500_000 + "y",
    "digits": "2024" * 250_000,
    "fra": "fra " * 250_000,
    "punctuation": "(«.»)" * 200_000,
}
VOCAB = vocabulary()
FUNCTIONS = {
    "norm_label": norm_label,
    "fold": fold,
    "classify": lambda t: classify(t, VOCAB),
    "parse_year": parse_year,
    "header_kind": header_kind,
    "bydel_in_text": lambda t: context.bydel_in_text(t, VOCAB),
    "measure_in_text": lambda t: context.measure_in_text(t, VOCAB),
    "single_year_in_text": context.single_year_in_text,
    "year_in_sheet_name": context.year_in_sheet_name,
    "find_tables": lambda t: find_tables(Sheet("", [[t], [None], ["Bydel", "2024"], ["Frogner", "1"]])),
}


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_every_text_function_is_linear_on_a_1_mb_line(payload):
    text = PAYLOADS[payload]
    for name, func in FUNCTIONS.items():
        start = time.monotonic()
        func(text)
        assert time.monotonic() - start < 5.0, name
