"""The preview reads a file in a child process with memory and time limits: what overruns them is refused, the server goes on."""

from __future__ import annotations

from oslo_integration.upload import preview_upload
from oslo_integration.upload.isolated import normalise_isolated
from tests.upload.conftest import FROGNER, frogner_workbook


def test_a_read_that_needs_more_memory_than_allowed_is_refused_with_a_message(tmp_path, monkeypatch, shipped):
    data = frogner_workbook(tmp_path / "frogner.xlsx").read_bytes()
    monkeypatch.setenv("OSLO_INTEGRATION_READ_MB", "8")  # far less than reading the workbook needs
    preview = preview_upload(data, "frogner.xlsx", FROGNER, shipped.current(), shipped.imports())
    assert not preview.ok
    assert "krevde mer minne enn en opplasting får bruke" in preview.problems[0].message
    monkeypatch.delenv("OSLO_INTEGRATION_READ_MB")
    assert preview_upload(data, "frogner.xlsx", FROGNER, shipped.current(), shipped.imports()).ok  # this process is fine


def test_a_read_that_takes_too_long_is_stopped(tmp_path, monkeypatch):
    data = frogner_workbook(tmp_path / "frogner.xlsx").read_bytes()
    monkeypatch.setenv("OSLO_INTEGRATION_READ_SECONDS", "0.01")
    try:
        normalise_isolated(data, "frogner.xlsx")
    except Exception as exc:  # InputRefused, with the message
        assert "tok for lang tid" in str(exc)
    else:
        raise AssertionError("a read over its deadline must be stopped")
