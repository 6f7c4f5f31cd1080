"""The exports' name for formula neutralisation (it lives in text/, so the command line need not load the charts)."""

from ..text.formulas import FORMULA_START, neutralise, neutralise_text

__all__ = ["FORMULA_START", "neutralise", "neutralise_text"]
