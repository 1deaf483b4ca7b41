"""Resources for language 'tr'."""
