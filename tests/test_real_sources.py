"""The real series found since: read by our own readers, in the store row for row, conflicts decided in the data.

Every official file the store is built from is read here with `normalise`, as any bydel file would
be; each row of the two new files is then looked up in a store built from the shipped data.
"""

from __future__ import annotations

import polars as pl
import pytest

from oslo_integration.metrics import public_view
from oslo_integration.normalise import normalise_path
from oslo_integration.normalise.tables import is_sex_split
from oslo_integration.store import connect, shipped_sources
from tests.conftest import DATA

NEW_FILES = ["real/real_observations_long_2.csv", "real/real_observations_bydel_imdikator.csv"]
KEY = ["bydel_nr", "year", "measure", "category"]
DECISIONS = pl.read_csv(DATA / "real" / "beslutninger.csv", comment_prefix="#", infer_schema_length=0)


def _raw(path: str) -> pl.DataFrame:
    """The file as published to us, every column as text, the sex split left out (the schema has no sex yet)."""
    raw = pl.read_csv(DATA / path, infer_schema_length=0)
    keep = [not is_sex_split(c) for c in raw["category"].to_list()]
    return raw.filter(pl.Series(keep)).with_columns(
        pl.col("year").cast(pl.Int32), pl.col("value").cast(pl.Float64), pl.col("category").replace("", None)
    )


@pytest.fixture(scope="module")
def current(shipped_template):
    return connect(str(shipped_template)).current()


@pytest.mark.parametrize("path", NEW_FILES)
def test_every_row_of_the_new_files_is_in_the_store_with_value_status_and_url(path, current):
    raw = _raw(path)
    read = normalise_path(DATA / path).observations
    assert read.height == raw.height  # normalise reads the file as it is (the sex rows left out, with a warning)
    joined = raw.join(current, on=KEY, how="left", suffix="_store", nulls_equal=True)
    assert joined["status_store"].null_count() == 0, "rows missing from the store"
    assert (joined["status"] == joined["status_store"]).all()  # «:» stays «prikket», «.» stays «mangler»
    same_value = (joined["value"] - joined["value_store"]).abs() < 1e-6
    assert (same_value | (joined["value"].is_null() & joined["value_store"].is_null())).all()
    assert (joined["source_url"] == joined["source_url_store"]).all()
    assert (joined["kind"] == "offisiell").all()


def test_real_figures_for_every_bydel_are_shipped(current):
    """IMDikator: SSB's status one year after for cohorts 2010–2013 and IMDi's direct transition 2014, per bydel."""
    real = current.filter(pl.col("kind") == "offisiell")
    bydeler = [f"0301{n:02d}" for n in range(1, 16)]
    cohorts = real.filter((pl.col("measure") == "intro_tidligere_deltakere_status_1_aar") & pl.col("bydel_nr").is_in(bydeler))
    assert cohorts.group_by("year").len().sort("year")["len"].to_list() == [15, 15, 15, 15]
    gamle_oslo = real.filter(
        (pl.col("bydel_nr") == "030101") & (pl.col("year") == 2014) & (pl.col("measure") == "intro_avsluttet")
    )
    assert gamle_oslo["value"].to_list() == [29.0]


def test_publishers_suppression_is_kept_and_not_applied_again(current):
    public = public_view(current)
    official = public.filter(pl.col("kind") == "offisiell")
    stored = current.filter(pl.col("kind") == "offisiell")
    assert official.filter(pl.col("status") == "prikket").height == stored.filter(pl.col("status") == "prikket").height
    small = stored.filter(
        (pl.col("status") == "ok") & pl.col("value").is_between(1, 4) & pl.col("bydel_nr").str.len_chars().eq(6)
        & pl.col("measure").str.starts_with("intro_")
    )  # fmt: skip
    assert small.height > 0, "the publishers print counts of 3 and 4; they are public"
    shown = small.select(KEY).join(public, on=KEY, nulls_equal=True)
    assert (shown["status"] == "ok").all()


def _shipped_real() -> pl.DataFrame:
    frames = []
    for src in shipped_sources():
        if src["kind"] == "offisiell":
            obs = normalise_path(DATA / src["path"], src["bydel"] or None).observations
            frames.append(obs.with_columns(file=pl.lit(src["path"])))
    return pl.concat(frames, how="vertical_relaxed")


def test_real_sources_never_disagree_without_a_recorded_decision():
    real = _shipped_real().filter(pl.col("status") == "ok")
    disagree = real.group_by(KEY).agg(pl.col("value").n_unique().alias("n"), pl.col("file")).filter(pl.col("n") > 1)
    decided = {(r["bydel_nr"], int(r["year"]), r["measure"], r["category"] or None) for r in DECISIONS.iter_rows(named=True)}
    undecided = [
        r for r in disagree.iter_rows(named=True) if (r["bydel_nr"], r["year"], r["measure"], r["category"]) not in decided
    ]
    assert undecided == [], f"two real sources disagree with no row in data/real/beslutninger.csv: {undecided}"


@pytest.mark.parametrize("decision", list(DECISIONS.iter_rows(named=True)), ids=lambda d: d["nr"])
def test_each_conflict_ships_its_recorded_decision(decision, current):
    key = (pl.col("bydel_nr") == decision["bydel_nr"]) & (pl.col("year") == int(decision["year"]))
    key &= (pl.col("measure") == decision["measure"]) & pl.col("category").eq_missing(decision["category"] or None)
    row = current.filter(key)
    assert row["value"].to_list() == [float(decision["chosen_value"])], decision["decision"]
    assert row["kind"].to_list() == ["offisiell"]
    chosen_file = decision["chosen_source"].split(" ")[0]
    assert chosen_file in row["source_file"].item() or chosen_file in (row["origin"].item() or "")
    held = _shipped_real().filter(key)["value"].to_list()
    assert float(decision["rejected_value"]) not in held  # the rejected figure is in no shipped file


def test_readme_and_om_dataene_list_exactly_what_is_real(current):
    from oslo_integration.metrics.coverage import coverage_markdown, real_coverage

    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Which figures are real")[1].split("\n## ")[0]
    listed = [line for line in section.splitlines() if line.startswith("| `")]
    assert listed == coverage_markdown(real_coverage(current))


def test_the_case_document_for_real_years_has_no_example_figure(current):
    import io

    from docx import Document

    from oslo_integration.exports.case_document import case_docx, case_tables

    years = [2010, 2011, 2012, 2013, 2014]
    public = public_view(current)
    tables = case_tables(public, "030101", years)
    cells = [c for table in tables for row in table.rows for c in row]
    assert cells and not any("eks" in c for c in cells)
    assert any(c.strip() and c[0].isdigit() for c in cells)  # real figures are in it
    text = "\n".join(p.text for p in Document(io.BytesIO(case_docx(public, "030101", years))).paragraphs)
    assert "EKSEMPELDATA" not in text
