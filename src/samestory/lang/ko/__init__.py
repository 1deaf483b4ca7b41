"""Resources for language 'ko'."""
