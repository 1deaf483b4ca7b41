"""Resources for language 'he'."""
