"""A bydel user writes and undoes only their own bydel's figures; admin may do all."""

from __future__ import annotations

import polars as pl

from oslo_integration.auth import User, can_undo, rights_problems, visible_imports

FROGNER = User("kari", "bydel", ("030105",))
ADMIN = User("sjef", "admin")


def test_figure_for_another_bydel_is_refused_naming_its_cell():
    obs = pl.DataFrame(
        {
            "bydel_nr": ["030105", "030101", "030101", "0301"],
            "sheet": ["Ark1", "Ark1", "Ark1", "Ark1"],
            "cell": ["B4", "B5", "C5", "B6"],
        }
    )
    problems = rights_problems(FROGNER, obs, "fil.xlsx")
    assert [(p.sheet, p.cell) for p in problems] == [("Ark1", "B5"), ("Ark1", "B6")]
    assert "Gamle Oslo (og 1 celler til)" in problems[0].message and "bare legge inn tall for Frogner" in problems[0].message
    assert "Oslo i alt" in problems[1].message
    assert str(problems[0]).startswith("fil.xlsx, ark «Ark1», celle B5:")
    assert rights_problems(ADMIN, obs, "fil.xlsx") == []


def test_undo_rights():
    own_upload = {"kind": "innsendt", "bydeler": "030105", "undone_at": None}
    assert can_undo(FROGNER, own_upload)
    assert not can_undo(FROGNER, own_upload | {"bydeler": "030101"})
    assert not can_undo(FROGNER, own_upload | {"bydeler": "030101,030105"})
    assert not can_undo(FROGNER, own_upload | {"kind": "offisiell"})  # shipped figures: admin only
    assert not can_undo(FROGNER, own_upload | {"undone_at": "2026-01-01"})
    assert not can_undo(None, own_upload)
    assert can_undo(ADMIN, own_upload | {"kind": "offisiell", "bydeler": "0,0301"})


def test_log_shows_a_bydel_user_only_imports_touching_their_bydeler():
    imports = pl.DataFrame({"id": [1, 2, 3], "bydeler": ["030101,030105", "030101", "030105"]})
    assert visible_imports(FROGNER, imports)["id"].to_list() == [1, 3]
    assert visible_imports(ADMIN, imports)["id"].to_list() == [1, 2, 3]
