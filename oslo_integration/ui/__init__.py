"""Streamlit glue: view state from the URL, cached loading, and the indicator card."""
