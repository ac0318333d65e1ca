"""Text to facts with spans. Pure functions: no SQLite, no Textual, no files."""
