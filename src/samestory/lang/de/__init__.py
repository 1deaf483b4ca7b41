"""Resources for language 'de'."""
