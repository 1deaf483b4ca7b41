"""Resources for language 'ja'."""
