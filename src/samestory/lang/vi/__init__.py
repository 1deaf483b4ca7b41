"""Resources for language 'vi'."""
