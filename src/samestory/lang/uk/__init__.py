"""Resources for language 'uk'."""
