"""What a user may do: import figures only for their own bydeler, undo only their own bydel's uploads."""

from __future__ import annotations

import polars as pl

from ..errors import Problem
from ..vocab import Vocabulary, vocabulary
from .users import User

UPLOAD_KIND = "innsendt"


def can_upload(user: User | None) -> bool:
    return user is not None


def unsuppressed_for(user: User | None) -> tuple[str, ...]:
    """The bydeler whose own figures this user sees in full on the pages: a bydel user's own (admin sees the public view)."""
    return user.bydeler if user is not None and not user.is_admin else ()


def stored_visible_for(user: User) -> tuple[str, ...] | None:
    """Whose stored figures the upload preview may show: the bydeler the user may write (None: all, for admin)."""
    return None if user.is_admin else user.bydeler


def rights_problems(user: User, observations: pl.DataFrame, file_name: str, vocab: Vocabulary | None = None) -> list[Problem]:
    """One problem per bydel (and sheet) the user may not write, naming its first cell and how many there are."""
    if user.is_admin or observations.is_empty():
        return []
    vocab = vocab or vocabulary()
    own = ", ".join(vocab.bydel_name(b) for b in user.bydeler)
    outside = (
        observations.with_row_index("_order")
        .filter(~pl.col("bydel_nr").is_in(list(user.bydeler)))
        .group_by("bydel_nr", "sheet", maintain_order=True)
        .agg(pl.col("cell").first(), pl.len().alias("n"))
    )
    problems = []
    for row in outside.iter_rows(named=True):
        more = f" (og {row['n'] - 1} celler til)" if row["n"] > 1 else ""
        problems.append(
            Problem(
                file_name,
                row["sheet"] or "",
                row["cell"],
                f"Tallet gjelder {vocab.bydel_name(row['bydel_nr'])}{more}, men {user.name} kan bare legge inn tall for {own}. "
                "Filen er ikke importert.",
            )
        )
    return problems


def _bydeler(value: str | None) -> set[str]:
    return {b for b in (value or "").split(",") if b}


def can_undo(user: User | None, import_row: dict) -> bool:
    """Admin may undo any import; a bydel user only uploads whose figures all belong to their bydeler."""
    if user is None or import_row.get("undone_at") is not None:
        return False
    if user.is_admin:
        return True
    bydeler = _bydeler(import_row.get("bydeler"))
    return import_row.get("kind") == UPLOAD_KIND and bool(bydeler) and bydeler <= set(user.bydeler)


def visible_imports(user: User, imports: pl.DataFrame) -> pl.DataFrame:
    """The log a user may see: all of it for admin, imports touching their bydeler for a bydel user."""
    if user.is_admin:
        return imports
    own = set(user.bydeler)
    return imports.filter(pl.col("bydeler").map_elements(lambda v: bool(_bydeler(v) & own), return_dtype=pl.Boolean))
