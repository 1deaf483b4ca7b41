"""Resources for language 'en'."""
