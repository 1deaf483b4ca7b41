"""Resources for language 'cs'."""
