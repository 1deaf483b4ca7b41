"""Resources for language 'it'."""
