"""Every figure in Bydel Frogner's case (seed 001), read from the shipped workbook, equals the store's."""

from __future__ import annotations

import re

import polars as pl
import pytest

from oslo_integration.store import DuckDBStore
from tests.conftest import SOURCE_TEXTS

# Transcribed from shared/seeds/001_9b35ab8cd33885b9.txt: (measure, category, {year: value or None for «*»})
CASE = [
    ("bosatt_boligtype", "kommunal_bolig", "Kommunal bolig", {2022: 94, 2023: 53, 2024: 50}),
    ("bosatt_boligtype", "privat_leiemarked", "Privat leiemarked", {2022: 91, 2023: 69, 2024: 30}),
    ("bosatt", None, "bosatt", {2022: 185, 2023: 122, 2024: 80}),
    ("bosatt_landbakgrunn", "Ukraina", "Ukraina", {2022: 171, 2023: 102, 2024: 55}),
    ("intro_avsluttet", None, "introduksjonsprogram", {2022: 19, 2023: 76, 2024: 57}),
    ("intro_avsluttet", "Ukraina", "Deltakere fra Ukraina", {2022: None, 2023: 59, 2024: 48}),
    ("intro_arbeid_ved_avslutning", None, "introduksjonsprogram", {2022: None, 2023: 18, 2024: 16}),
    ("intro_arbeid_innen_1_aar", "Ukraina", "introduksjonsprogram", {2022: None, 2023: 15, 2024: 41}),
]


@pytest.fixture(scope="module")
def current(shipped_template) -> pl.DataFrame:
    store = DuckDBStore(shipped_template)
    return store.current().filter(pl.col("bydel_nr") == "030105")


def test_transcription_matches_the_case_text():
    """The expected figures are in the seed text, in the same order, so the test cannot drift from the case."""
    text = (SOURCE_TEXTS / "frogner_sak_bosetting_2025.txt").read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", text)
    assert "Kommunal bolig 94 53 50" in flat
    assert "Privat leiemarked 91 69 30" in flat
    assert "bosatt 185 122 80" in flat
    assert "Ukraina 171 102 55" in flat
    assert "introduksjonsprogram 19 76 57" in flat
    assert "Deltakere fra Ukraina * 59 48" in flat
    assert "introduksjonsprogram * 18 16" in flat
    assert "introduksjonsprogram * 15 41" in flat


@pytest.mark.parametrize(("measure", "category", "_label", "figures"), CASE)
def test_every_case_figure_equals_the_store(current, measure, category, _label, figures):
    for year, expected in figures.items():
        row = current.filter(
            (pl.col("measure") == measure)
            & (pl.col("year") == year)
            & (pl.col("category").is_null() if category is None else pl.col("category") == category)
        )
        assert row.height == 1, (measure, category, year)
        r = row.row(0, named=True)
        assert r["kind"] == "offisiell"
        assert r["source_file"] == "frogner_bosetting_2022_2024.xlsx" and re.fullmatch(r"[B-D]\d+", r["cell"])
        if expected is None:
            assert (r["status"], r["value"]) == ("mangler", None)
        else:
            assert (r["status"], r["value"]) == ("ok", float(expected))


def test_footnote_kept_as_import_note(shipped_template):
    store = DuckDBStore(shipped_template)
    notes = store.imports().filter(pl.col("file_name") == "frogner_bosetting_2022_2024.xlsx")["notes"].item()
    assert "I 2022 var det ingen fra Ukraina som avsluttet Introduksjonsprogrammet" in notes
