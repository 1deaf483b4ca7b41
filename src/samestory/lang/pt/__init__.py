"""Resources for language 'pt'."""
