"""What every store backend offers, and what its operations answer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Protocol

import polars as pl

from ..vocab import Synonym

KINDS = ("offisiell", "innsendt", "eksempel")
KIND_LABELS_NB = {"offisiell": "offisiell", "innsendt": "innsendt av bydel", "eksempel": "eksempeldata"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    created: bool  # False when the same bytes were already imported and nothing changed
    rows: int
    superseded: int  # figures this import replaced as current
    message: str


@dataclass(frozen=True)
class UndoResult:
    import_id: int
    restored: int  # figures brought back as current from older imports
    removed: int
    message: str


class StoreError(Exception):
    """A request the store refuses (unknown import, already undone); the text is for the user."""


class Store(Protocol):
    def import_frame(
        self,
        frame: pl.DataFrame,
        *,
        file_name: str,
        sha256: str,
        who: str,
        kind: str,
        notes: list[str],
        synonyms: tuple[Synonym, ...] = (),
    ) -> ImportResult: ...

    def add_synonyms(self, synonyms: tuple[Synonym, ...], *, who: str, file_name: str | None = None) -> int: ...

    def remove_synonym(self, synonym_id: int, who: str) -> str: ...

    def synonyms(self) -> pl.DataFrame: ...

    def active_synonyms(self) -> tuple[Synonym, ...]: ...

    def undo(self, import_id: int, who: str) -> UndoResult: ...

    def imports(self) -> pl.DataFrame: ...

    def current(self) -> pl.DataFrame: ...

    def history(self) -> pl.DataFrame: ...

    def events(self) -> pl.DataFrame: ...

    def data_version(self) -> int: ...
