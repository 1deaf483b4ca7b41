"""Resources for language 'fa'."""
