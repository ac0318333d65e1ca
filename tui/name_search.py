"""The searches the browser runs (the `/` screen and the command palette), as plain dicts: names
(``run_search``) and the articles' text (``run_text_search``).

They run in worker threads: each opens its own read-only connection and closes it.
"""

from __future__ import annotations

from typing import Any

from store import queries
from store.search import MAX_QUERY_CHARS, search
from store.text_search import MAX_QUERY_WORDS, query_words, search_text

RESULT_LIMIT = 30
TEXT_LIMIT = 30  # articles found by their text


def run_search(db_path: str, text: str, limit: int = RESULT_LIMIT) -> list[dict[str, Any]]:
    """Ranked fuzzy search (``store.search``) as plain dicts."""
    conn = queries.connect_readonly(db_path)
    try:
        results = search(conn, text, kind="any", limit=limit)
        return [
            {
                "kind": r.kind,
                "id": r.id,
                "type": r.type,
                "name": r.name,
                "matched": r.matched,
                "score": r.score,
                "mentions": r.mentions,
                "events": r.events,
            }
            for r in results
        ]
    finally:
        conn.close()


def run_text_search(db_path: str, text: str, limit: int = TEXT_LIMIT) -> list[dict[str, Any]]:
    """Articles whose text holds the words typed (store/text_search.py), as plain dicts."""
    conn = queries.connect_readonly(db_path)
    try:
        return [hit.to_dict() for hit in search_text(conn, text, limit)]
    finally:
        conn.close()


def left_out(text: str) -> str:
    """What the searches leave out of a query, said for the user ("" when they take all of it):
    a name is at most MAX_QUERY_CHARS characters, the text is searched for the first words."""
    notes = []
    if len(text) > MAX_QUERY_CHARS:
        notes.append(f"names not searched (over {MAX_QUERY_CHARS:,} characters)")
    words = len(query_words(text, None))
    if words > MAX_QUERY_WORDS:
        notes.append(f"text searched for its first {MAX_QUERY_WORDS} words of {words:,}")
    return "; ".join(notes)
