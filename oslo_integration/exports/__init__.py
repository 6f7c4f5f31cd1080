"""Downloads and documents: exactly what a view shows, with the same suppression, ready for a case."""

from .images import chart_png, chart_svg, with_source
from .safe import neutralise
from .tables import card_rows, to_csv_excel, to_csv_plain, to_xlsx

__all__ = ["card_rows", "chart_png", "chart_svg", "neutralise", "to_csv_excel", "to_csv_plain", "to_xlsx", "with_source"]
