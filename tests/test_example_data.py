"""Example data is deterministic, labelled in every row, and never covers a real figure."""

from __future__ import annotations

import polars as pl

from oslo_integration import example_data
from oslo_integration.normalise import normalise_path


def test_regenerating_gives_the_shipped_file_byte_for_byte():
    assert example_data.to_csv_bytes(example_data.generate()) == example_data.OUT_FILE.read_bytes()


def test_every_row_says_it_is_example_data():
    obs = normalise_path(example_data.OUT_FILE).observations
    assert obs.height > 1000
    assert obs["note"].str.starts_with("EKSEMPELDATA").all()
    assert example_data.OUT_FILE.name.startswith("EKSEMPELDATA")


def test_no_example_key_overlaps_a_real_one():
    real = example_data._real_frames()
    ex = normalise_path(example_data.OUT_FILE).observations
    key = ["bydel_nr", "year", "measure", "category"]
    assert ex.join(real, on=key, how="inner", nulls_equal=True).is_empty()
    assert ex.filter(pl.col("bydel_nr") == "030105").is_empty()
