"""Uploads from bydeler: a preview first (nothing stored), then import on confirmation, and undo."""

from .actions import RightsRefused, import_previews, undo_import
from .preview import CHANGE_LABELS, Preview, preview_upload
from .tables import figures_table, log_table, problems_table

__all__ = [
    "CHANGE_LABELS",
    "Preview",
    "RightsRefused",
    "figures_table",
    "import_previews",
    "log_table",
    "preview_upload",
    "problems_table",
    "undo_import",
]
