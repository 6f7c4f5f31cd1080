"""Where shipped data and the store live, so every entry point agrees."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
VOCAB_DIR = DATA_DIR / "vocab"
BOUNDARIES_FILE = DATA_DIR / "oslo_bydeler.geojson"
DEFAULT_DB = DATA_DIR / "oslo_integration.duckdb"
DB_ENV = "OSLO_INTEGRATION_DB"


def store_location() -> str:
    """The store named by OSLO_INTEGRATION_DB, else the file in the data folder."""
    return os.environ.get(DB_ENV) or str(DEFAULT_DB)
