"""Resources for language 'pl'."""
