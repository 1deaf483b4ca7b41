"""Resources for language 'fr'."""
