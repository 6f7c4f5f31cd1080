from __future__ import annotations

from pathlib import Path

import pytest

from oslo_integration.auth import User
from tests.conftest import write_xlsx

FROGNER = User("kari", "bydel", ("030105",))
GAMLE_OSLO = User("ola", "bydel", ("030101",))
ADMIN = User("sjef", "admin")


def frogner_workbook(path: Path, kommunal_2024: int = 52, year2: int = 2025) -> Path:
    """A small workbook in Frogner's own layout: one figure changed from the case, two new, one as stored."""
    return write_xlsx(
        path,
        {
            "Bolig": [
                ["Bosetting av flyktninger i bydel Frogner"],
                [],
                ["Type bolig", 2024, year2],
                ["Kommunal bolig", kommunal_2024, 41],
                ["Privat leiemarked", 30, 22],
            ]
        },
    )


@pytest.fixture
def shipped(shipped_copy):
    """A store built from the shipped data (Frogner's case included): a copy of the session's template."""
    from oslo_integration.store import open_store

    return open_store(str(shipped_copy))
