"""Re-extraction: run the (newer) extractor again over articles already stored, in place.

Each article keeps its row and id; its facts are retracted and written again from the new
extraction, one transaction per article, so a reader never sees an article half re-extracted.
Entities and sources found again keep their ids; those nothing refers to any more are removed.
The analyst's judgements find their rows again (``store.judgements.anchor_article``, run by the
writer); those that find none are kept as orphaned.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from extract.model import Extraction
from store.db import write_transaction
from store.judgements import anchor_waiting
from store.readers import RawArticle
from store.retract import retract_article, tidy
from store.writer import WriteCache, write_article

Extractor = Callable[[str, str | None], Extraction]


def _default_extractor() -> Extractor:
    from extract.pipeline import extract_article

    return extract_article


def reextract(
    conn: sqlite3.Connection, article_ids: Iterable[int] | None = None, *, extractor: Extractor | None = None
) -> int:
    """Extract the articles again (all of them when ``article_ids`` is None); returns how many."""
    extract_article = extractor or _default_extractor()
    ids = (
        list(article_ids)
        if article_ids is not None
        else [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    )
    done = 0
    for article_id in ids:
        row = conn.execute(
            "SELECT ref, title, url, outlet, published, text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            continue
        ref, title, url, outlet, published, text = row
        extraction = extract_article(text, published[:10] if published else None)
        article = RawArticle(ref, text, title=title, url=url, outlet=outlet, published=published)
        with write_transaction(conn):
            entities, sources = retract_article(conn, article_id)
            cache = WriteCache()
            write_article(conn, article, extraction, cache, article_id=article_id)
            tidy(conn, entities, sources)
        done += 1
    with write_transaction(conn):
        anchor_waiting(conn)  # judgements left waiting by another way of rewriting facts, if any
    return done
