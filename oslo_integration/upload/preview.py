"""What an uploaded file would do, worked out without touching the store.

Every figure with its cell, and for each whether it is new, changes what is stored now, or is
already there; problems (which refuse the file) and warnings, each with its cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from ..auth import User, rights_problems
from ..auth.rights import stored_visible_for
from ..errors import InputRefused, Problem
from ..metrics.suppression import suppress
from ..normalise import Normalised
from ..store.base import sha256
from ..text.untrusted import clean_name
from ..vocab import Synonym
from .isolated import normalise_isolated

NEW, CHANGED, UNCHANGED = "ny", "endret", "uendret"
CHANGE_LABELS = {NEW: "Nytt tall", CHANGED: "Endrer lagret tall", UNCHANGED: "Som lagret"}
_KEY = ["bydel_nr", "year", "measure", "_category"]


@dataclass
class Preview:
    file_name: str
    sha256: str
    size: int
    normalised: Normalised | None = None
    problems: list[Problem] = field(default_factory=list)
    changes: pl.DataFrame = field(default_factory=pl.DataFrame)
    already_imported: int | None = None  # import id when these exact bytes are in the store
    new_synonyms: tuple[Synonym, ...] = ()  # the uploader's picks this preview was read with (stored on import)

    @property
    def unknown(self) -> list[Problem]:
        """Problems the uploader can answer with a picker: an unknown header or row label."""
        return [p for p in self.problems if p.label]

    @property
    def ok(self) -> bool:
        return self.normalised is not None and not self.problems

    @property
    def warnings(self) -> list[Problem]:
        return self.normalised.warnings if self.normalised else []

    def counts(self) -> dict[str, int]:
        if self.changes.is_empty():
            return {NEW: 0, CHANGED: 0, UNCHANGED: 0}
        got = dict(self.changes.group_by("change").len().iter_rows())
        return {k: int(got.get(k, 0)) for k in (NEW, CHANGED, UNCHANGED)}


def _same(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    return (a.is_null() & b.is_null()) | ((a - b).abs() < 1e-9).fill_null(False)


def compare_with_store(observations: pl.DataFrame, current: pl.DataFrame) -> pl.DataFrame:
    """The file's figures, each marked new, changed or unchanged against the current figures."""
    stored = current.select(
        "bydel_nr",
        "year",
        "measure",
        pl.col("category").fill_null("").alias("_category"),
        pl.col("value").alias("stored_value"),
        pl.col("status").alias("stored_status"),
        pl.col("kind").alias("stored_kind"),
        pl.col("import_id").alias("stored_import"),
    )
    joined = observations.with_columns(pl.col("category").fill_null("").alias("_category")).join(
        stored, on=_KEY, how="left", nulls_equal=True
    )
    change = (
        pl.when(pl.col("stored_status").is_null())
        .then(pl.lit(NEW))
        .when((pl.col("status") == pl.col("stored_status")) & _same(pl.col("value"), pl.col("stored_value")))
        .then(pl.lit(UNCHANGED))
        .otherwise(pl.lit(CHANGED))
    )
    return joined.with_columns(change=change).drop("_category")


def stored_as_seen_by(user: User, current: pl.DataFrame) -> pl.DataFrame:
    """The stored figures as this user may see them: in full for the bydeler they may write, else the public view.

    The preview compares a file with these, so it can never show (or hint at, by «Som lagret») a
    hidden figure of a bydel the user has no rights to.
    """
    mine = stored_visible_for(user)
    if mine is None:
        return current
    return suppress(current, unsuppressed_bydeler=mine)


def preview_upload(
    data: bytes,
    file_name: str,
    user: User,
    current: pl.DataFrame,
    imports: pl.DataFrame,
    synonyms: tuple[Synonym, ...] = (),
) -> Preview:
    """Never raises for a bad file: every refusal becomes a problem in the preview.

    The file is read in a child process with memory and time limits (isolated.py), so no file can
    take the server down; `current` is compared as the user may see it.
    """
    file_name = clean_name(file_name)
    preview = Preview(file_name, sha256(data), len(data))
    try:
        # a bydel user with one bydel: a file that does not say which bydel is read as theirs (with a warning)
        own = user.bydeler[0] if not user.is_admin and len(user.bydeler) == 1 else None
        normalised = normalise_isolated(data, file_name, fallback_bydel=own, synonyms=synonyms)
    except InputRefused as exc:
        preview.problems = list(exc.problems)
        return preview
    except Exception as exc:  # a file we did not foresee must still not take the page down
        preview.problems = [Problem(file_name, "", "", f"Filen kunne ikke leses ({type(exc).__name__}). Er den skadet?")]
        return preview
    preview.normalised = normalised
    preview.problems = rights_problems(user, normalised.observations, file_name)
    preview.changes = compare_with_store(normalised.observations, stored_as_seen_by(user, current))
    same = imports.filter((pl.col("sha256") == preview.sha256) & pl.col("undone_at").is_null())
    preview.already_imported = int(same["id"][0]) if same.height else None
    return preview
