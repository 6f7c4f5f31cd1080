"""Synonyms users stored extend the shipped vocabulary on both backends; removing one re-reads nothing."""

from __future__ import annotations

import polars as pl
import pytest

from oslo_integration.errors import InputRefused
from oslo_integration.store import import_file
from oslo_integration.vocab import Synonym
from tests.conftest import write_csv
from tests.test_cli import run

LABEL = "Nyleg busette"


def _file(tmp_path, name, year, value):
    return write_csv(tmp_path / name, [["Bydel", "År", LABEL], ["Alna", str(year), str(value)]])


def test_a_stored_synonym_reads_the_next_file_and_removal_keeps_what_was_imported(store, tmp_path):
    first = _file(tmp_path, "a.csv", 2023, 12)
    with pytest.raises(InputRefused) as refused:
        import_file(store, first.read_bytes(), first.name, who="kari", kind="innsendt")
    [unknown] = [p for p in refused.value.problems if p.label]
    assert (unknown.label, unknown.role, unknown.cell) == (LABEL, "kolonne", "C1")

    result = import_file(
        store, first.read_bytes(), first.name, who="kari", kind="innsendt", new_synonyms=(Synonym(LABEL, measure="bosatt"),)
    )
    log = store.synonyms()
    assert log.select("label", "measure", "created_by", "source_file", "import_id").rows() == [
        (LABEL, "bosatt", "kari", "a.csv", result.import_id)
    ]
    assert store.active_synonyms() == (Synonym(LABEL, measure="bosatt"),)

    second = _file(tmp_path, "b.csv", 2024, 15)
    import_file(store, second.read_bytes(), second.name, who="ola", kind="innsendt")  # no question asked
    alna = store.current().filter(pl.col("bydel_nr") == "030112").sort("year")
    assert alna.select("year", "measure", "value").rows() == [(2023, "bosatt", 12.0), (2024, "bosatt", 15.0)]

    message = store.remove_synonym(int(log["id"][0]), who="admin")
    assert "står som før" in message
    assert store.active_synonyms() == ()
    assert store.current().filter(pl.col("bydel_nr") == "030112").height == 2  # imported figures stay
    third = _file(tmp_path, "c.csv", 2022, 9)
    with pytest.raises(InputRefused):
        import_file(store, third.read_bytes(), third.name, who="kari", kind="innsendt")
    assert [e for e in store.events()["action"].to_list() if e.startswith("synonym")] == ["synonym", "synonym fjernet"]


def test_mapping_a_label_again_replaces_the_old_mapping(store):
    store.add_synonyms((Synonym("Tal", measure="bosatt"),), who="a")
    store.add_synonyms((Synonym("tal", measure="intro_deltakere"),), who="b")
    assert store.active_synonyms() == (Synonym("tal", measure="intro_deltakere"),)
    assert store.synonyms()["removed_by"].to_list() == ["b", None]


def test_command_line_synonym_file_imports_and_stores(tmp_path, db_env):
    data = _file(tmp_path, "alna.csv", 2023, 12)
    refused = run("import", str(data), env_db=db_env)
    assert refused.returncode == 2 and "Ukjent kolonneoverskrift «Nyleg busette»" in refused.stderr
    synonyms = tmp_path / "synonymer.csv"
    synonyms.write_text(
        f"tekst;måltall;kategori\n{LABEL};Bosatte flyktninger;\nHeilt ukjent;ikke_et_maltall;\n", encoding="utf-8"
    )
    bad = run("import", str(data), "--synonymer", str(synonyms), env_db=db_env)
    assert bad.returncode == 2 and "synonymer.csv, celle B3: Ukjent måltall «ikke_et_maltall»" in bad.stderr
    synonyms.write_text(f"tekst;måltall;kategori\n{LABEL};Bosatte flyktninger;\nSyrisk;;Syria\n", encoding="utf-8")
    ok = run("import", str(data), "--synonymer", str(synonyms), env_db=db_env)
    assert ok.returncode == 0, ok.stderr
    assert "2 synonym(er) fra synonymer.csv er lagret" in ok.stdout
    again = _file(tmp_path, "alna_2024.csv", 2024, 14)
    assert run("import", str(again), env_db=db_env).returncode == 0
