"""Resources for language 'fi'."""
