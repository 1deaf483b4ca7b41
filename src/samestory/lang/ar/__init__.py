"""Resources for language 'ar'."""
