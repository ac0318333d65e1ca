"""The SQLite store: schema, ingest, queries, search, export. Never imports Textual."""
