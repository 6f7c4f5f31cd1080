"""Writing on behalf of a logged-in user, with the rights checked again at the moment of writing."""

from __future__ import annotations

from collections.abc import Callable

from ..auth import User, can_undo, rights_problems
from ..auth.rights import UPLOAD_KIND
from ..store import ImportResult, Store, StoreError, UndoResult, import_normalised
from .preview import Preview


class RightsRefused(StoreError):
    """The user may not do this; the text says why."""


def import_previews(
    store: Store, previews: list[Preview], user: User, progress: Callable[[int, int, str], None] | None = None
) -> list[ImportResult | StoreError]:
    """Import each accepted file in its own transaction; one file's failure does not stop the others."""
    results: list[ImportResult | StoreError] = []
    accepted = [p for p in previews if p.ok]
    stored: set[str] = set()  # a label picked once is stored once, with the first file that asked about it
    for i, preview in enumerate(accepted):
        if progress:
            progress(i, len(accepted), preview.file_name)
        assert preview.normalised is not None
        problems = rights_problems(user, preview.normalised.observations, preview.file_name)
        try:
            if problems:
                raise RightsRefused("\n".join(str(p) for p in problems))
            mine = tuple(s for s in preview.new_synonyms if s.label not in stored)
            results.append(
                import_normalised(store, preview.normalised, preview.sha256, who=user.name, kind=UPLOAD_KIND, synonyms=mine)
            )
            stored.update(s.label for s in mine)
        except StoreError as exc:
            results.append(exc)
    if progress:
        progress(len(accepted), len(accepted), "")
    return results


def undo_import(store: Store, user: User, import_id: int) -> UndoResult:
    rows = store.imports().filter(id=import_id).to_dicts()
    if not rows:
        raise StoreError(f"Import {import_id} finnes ikke.")
    if not can_undo(user, rows[0]):
        raise RightsRefused(
            f"{user.name} kan ikke angre import {import_id} ({rows[0]['file_name']}): den gjelder andre bydeler enn dine, "
            "er allerede angret, eller er ikke en opplasting fra bydelen."
        )
    return store.undo(import_id, who=user.name)
