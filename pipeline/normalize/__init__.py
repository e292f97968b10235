"""Pure functions from surface text to values. Nothing here imports spaCy."""
