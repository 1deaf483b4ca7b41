"""Resources for language 'zh'."""
