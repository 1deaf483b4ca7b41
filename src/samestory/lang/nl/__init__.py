"""Resources for language 'nl'."""
