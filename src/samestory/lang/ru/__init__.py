"""Resources for language 'ru'."""
