"""What the readers guarantee: true cell addresses, percent formats, and clear refusals."""

from __future__ import annotations

import zipfile

import pytest

from oslo_integration.errors import InputRefused
from oslo_integration.normalise import normalise_path
from oslo_integration.read import read_bytes, read_path
from tests.conftest import write_xlsx


def test_addresses_survive_an_offset_table(tmp_path):
    f = write_xlsx(tmp_path / "a.xlsx", {"S": [["Tittel"], [], ["x", "y"]]}, start=(4, 3))
    sheet = read_path(f).sheets[0]
    found = {sheet.address(r, c): v for r, row in enumerate(sheet.rows) for c, v in enumerate(row) if v is not None}
    assert found == {"C4": "Tittel", "C6": "x", "D6": "y"}


def test_percent_formatted_cell_is_known(tmp_path):
    f = write_xlsx(tmp_path / "a.xlsx", {"S": [["a", 0.5]]}, percent_cells={"S": ["B1"]})
    sheet = read_path(f).sheets[0]
    assert sheet.percent_cells == frozenset({(0, 1)})


def test_hidden_sheet_is_not_read_and_warned_about(tmp_path):
    f = write_xlsx(
        tmp_path / "alna.xlsx",
        {"Synlig": [["", 2024], ["Bosatte", 5]], "Skjult": [["", 2024], ["Bosatte", 999]]},
        hidden=["Skjult"],
    )
    n = normalise_path(f)
    assert n.observations["value"].to_list() == [5.0]
    assert any("skjult" in str(w) and "Skjult" in str(w) for w in n.warnings)


def test_formula_without_cached_value_is_refused(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["", 2024])
    ws.append(["Bosatte", "=2+3"])
    f = tmp_path / "alna.xlsx"
    wb.save(f)
    with pytest.raises(InputRefused) as exc:
        read_path(f)
    assert "B2" in str(exc.value) and "formel" in str(exc.value)


def test_macro_workbook_and_zip_that_is_no_workbook(tmp_path):
    z = tmp_path / "x.xlsx"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("hei.txt", "hei")
    with pytest.raises(InputRefused, match="ikke et Excel-regneark"):
        read_path(z)
    with pytest.raises(InputRefused, match=r"\.xlsm"):
        read_bytes(b"PK", "makro.xlsm")


def test_csv_that_is_really_a_workbook(tmp_path):
    f = write_xlsx(tmp_path / "a.xlsx", {"S": [["a", 1]]})
    with pytest.raises(InputRefused, match="endelsen .xlsx"):
        read_bytes(f.read_bytes(), "a.csv")


def test_binary_csv_is_refused():
    with pytest.raises(InputRefused, match="ikke en tekstfil"):
        read_bytes(b"\x00\x01\x02abc", "a.csv")
