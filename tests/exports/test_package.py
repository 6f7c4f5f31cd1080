"""Every public figure at once: a valid Data Package whose CSV is the public view, row for row."""

from __future__ import annotations

import json

import polars as pl
import pytest

from oslo_integration.exports.package import CSV_NAME, PACKAGE_NAME, PARQUET_NAME, README_NAME, public_figures, write_package
from oslo_integration.metrics import public_view
from oslo_integration.metrics.suppression import DEFAULT_THRESHOLD
from oslo_integration.store import open_store
from oslo_integration.vocab import vocabulary
from tests.test_cli import run


@pytest.fixture(scope="module")
def current(shipped_template) -> pl.DataFrame:
    store = open_store(str(shipped_template))
    # one uploaded count small enough to be hidden: it must never reach the package
    small = store.current().filter((pl.col("bydel_nr") == "030105") & (pl.col("year") == 2024) & (pl.col("measure") == "bosatt"))
    small = small.with_columns(
        measure=pl.lit("bosatt_landbakgrunn"),
        category=pl.lit("Syria"),
        value=pl.lit(3.0),
        kind=pl.lit("innsendt"),
        cell=pl.lit("Z99"),
    )
    return pl.concat([store.current(), small], how="vertical_relaxed")


@pytest.fixture(scope="module")
def published(current, tmp_path_factory):
    out = tmp_path_factory.mktemp("pakke")
    return write_package(current, 7, out), out


def test_the_package_validates_as_a_frictionless_data_package(published):
    import frictionless  # the test extra installs it

    pub, out = published
    assert set(pub.files) == {CSV_NAME, PARQUET_NAME, PACKAGE_NAME, README_NAME}
    report = frictionless.validate(str(out / PACKAGE_NAME))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((out / PACKAGE_NAME).read_text(encoding="utf-8"))
    assert descriptor["version"] == pub.version and pub.version.startswith("7-")
    fields = descriptor["resources"][0]["schema"]["fields"]
    assert all(f["type"] and f["description"] for f in fields)
    measures = {m["name"]: m for m in descriptor["measures"]}
    assert measures["bosatt"]["unit"] and measures["bosatt"]["description"] == vocabulary().measures["bosatt"].definition_nb
    titles = {s["title"] for s in descriptor["sources"]}
    assert "Bydel Frogner, sak til bydelsutvalget 2025" in titles
    readme = (out / README_NAME).read_text(encoding="utf-8")
    assert pub.version in readme and "Data version" in readme and "Datagrunnlag versjon" in readme


def test_the_csv_is_the_public_view_row_for_row(published, current):
    _pub, out = published
    csv = pl.read_csv(out / CSV_NAME, infer_schema_length=0).with_columns(pl.col("aar").cast(pl.Int64))
    public = public_view(current)
    assert csv.height == public.height
    screen = {
        (r["bydel_nr"], int(r["year"]), r["measure"], r["category"] or ""): (
            r["status"],
            r["value"] if r["status"] == "ok" else None,
        )
        for r in public.iter_rows(named=True)
    }
    for r in csv.iter_rows(named=True):
        key = (r["bydel_nr"], r["aar"], r["maaltall"], r["kategori"] or "")
        status, value = screen[key]
        assert r["status"] == status
        shown = float(r["verdi"]) if r["verdi"] else None
        assert shown == (None if value is None else pytest.approx(value, abs=5e-5)), key  # four decimals, as every export
    assert pl.read_parquet(out / PARQUET_NAME).height == csv.height


def test_no_small_count_is_shown_and_a_hidden_cell_is_empty(published):
    _pub, out = published
    csv = pl.read_csv(out / CSV_NAME, infer_schema_length=0)
    counts = {m.measure for m in vocabulary().measures.values() if m.unit == "personer"}
    ours = csv.filter((pl.col("type") != "offisiell") & pl.col("maaltall").is_in(list(counts)) & (pl.col("status") == "ok"))
    values = ours["verdi"].cast(pl.Float64)
    assert not ((values >= 1) & (values <= DEFAULT_THRESHOLD)).any()  # a publisher's own small figure is public already
    syria = csv.filter((pl.col("kategori") == "Syria") & (pl.col("kilde_celle") == "Z99"))
    assert syria["status"].to_list() == ["prikket"] and syria["verdi"].to_list() == [None]


def test_publiser_on_the_command_line(db_env, tmp_path):
    res = run("publiser", "--out", str(tmp_path / "ut"))
    assert res.returncode == 0, res.stderr
    assert "datagrunnlag versjon" in res.stdout
    assert (tmp_path / "ut" / CSV_NAME).exists() and (tmp_path / "ut" / PACKAGE_NAME).exists()


def test_public_figures_never_carry_a_hidden_value(current):
    figures = public_figures(current)
    assert figures.filter((pl.col("status") != "ok") & pl.col("verdi").is_not_null()).is_empty()
