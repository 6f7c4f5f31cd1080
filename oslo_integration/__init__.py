"""oslo-integration: bydel refugee-integration figures from spreadsheets to dashboard."""

__version__ = "0.1.0"
