"""Figures people can trust: rates from counts with intervals, comparisons, targets, suppression.

Pure functions on Polars frames; every page, export and the command line get their figures here.
"""

from .indicators import Indicator, indicators, targets
from .intervals import newcombe, wilson
from .profile import build_profile, public_view, to_json, to_text, verdict
from .rates import compute, compute_all
from .suppression import suppress

__all__ = [
    "Indicator",
    "build_profile",
    "compute",
    "compute_all",
    "indicators",
    "newcombe",
    "public_view",
    "suppress",
    "targets",
    "to_json",
    "to_text",
    "verdict",
    "wilson",
]
