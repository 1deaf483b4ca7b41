"""Resources for language 'sl'."""
