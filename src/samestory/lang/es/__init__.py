"""Resources for language 'es'."""
