"""Credits name publishers, never our file names."""

from __future__ import annotations

import polars as pl

from oslo_integration.publishers import credit_line, publisher_of


def test_shipped_files_are_credited_to_their_publishers():
    obs = pl.DataFrame(
        {"source_file": ["frogner_bosetting_2022_2024.xlsx", "real_observations_long_2.csv"], "bydel": ["Frogner", "Oslo i alt"]}
    )
    line = credit_line(obs)
    assert line == "Kilde: Bydel Frogner, sak til bydelsutvalget 2025; IMDi og Statistisk sentralbyrå (tabell 10824)"
    assert ".csv" not in line and ".xlsx" not in line
    assert credit_line(obs, "en").startswith("Source: Bydel Frogner, case to the district council 2025")


def test_an_upload_is_credited_to_its_bydel():
    assert publisher_of("mine_tall.xlsx", "Alna").name_nb == "Bydel Alna (egne tall)"


def test_indicator_rows_are_credited_through_their_sources():
    rows = pl.DataFrame(
        {
            "sources": ["real_observations_bydel_imdikator.csv row 5 – https://x ÷ frogner_bosetting_2022_2024.xlsx D16"],
            "bydel": ["Frogner"],
        }
    )
    assert "Statistisk sentralbyrå (tabell 10824) og IMDi (IMDikator)" in credit_line(rows)
    assert "Bydel Frogner, sak til bydelsutvalget 2025" in credit_line(rows)
