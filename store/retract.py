"""Taking facts back out of the store: an event the analyst deleted as false, or everything
extraction wrote for an article (before re-extraction writes it again).

Counters (``entities.n_mentions``/``n_events``, ``sources.n_claims``/``n_relayed``,
``articles.n_events``) are recounted for the rows touched, and entities and sources that nothing
refers to any more are removed with their names, so the panes and search never show ghosts.
Judgements are never removed here: the store's triggers detach them from rows that go (see
store/judgements.py for how they find their row again).
"""

from __future__ import annotations

import sqlite3
from typing import Iterable


def _marks(ids: Iterable[int]) -> tuple[str, list[int]]:
    ids = sorted(set(ids))
    return ",".join("?" * len(ids)), ids


def event_entities(conn: sqlite3.Connection, event_ids: Iterable[int]) -> set[int]:
    marks, ids = _marks(event_ids)
    if not ids:
        return set()
    return {r[0] for r in conn.execute(
        f"SELECT entity_id FROM event_places WHERE event_id IN ({marks}) "
        f"UNION SELECT entity_id FROM event_actors WHERE event_id IN ({marks}) AND entity_id IS NOT NULL",
        ids + ids)}


def delete_events(conn: sqlite3.Connection, event_ids: Iterable[int]) -> int:
    """Delete events with their places, actors, casualty figures and claim links; returns how many."""
    marks, ids = _marks(event_ids)
    if not ids:
        return 0
    entities = event_entities(conn, ids)
    articles = [r[0] for r in conn.execute(f"SELECT DISTINCT article_id FROM events WHERE id IN ({marks})", ids)]
    for table in ("event_places", "event_actors", "casualties", "claim_events"):
        conn.execute(f"DELETE FROM {table} WHERE event_id IN ({marks})", ids)
    deleted = conn.execute(f"DELETE FROM events WHERE id IN ({marks})", ids).rowcount
    recount_entities(conn, entities)
    conn.executemany(
        "UPDATE articles SET n_events = (SELECT count(*) FROM events WHERE article_id = articles.id) WHERE id = ?",
        [(a,) for a in articles])
    return deleted


def retract_article(conn: sqlite3.Connection, article_id: int) -> tuple[set[int], set[int]]:
    """Delete every fact extraction wrote for an article (events, claims, mentions); the article stays.

    Returns the entities and sources those facts referred to: recount them with ``tidy`` once the
    new facts are written (entities and sources found again keep their ids)."""
    event_ids = [r[0] for r in conn.execute("SELECT id FROM events WHERE article_id = ?", (article_id,))]
    entities = event_entities(conn, event_ids)
    entities |= {r[0] for r in conn.execute(
        "SELECT DISTINCT entity_id FROM mentions WHERE article_id = ?", (article_id,))}
    sources = {s for row in conn.execute(
        "SELECT source_id, via_source_id FROM claims WHERE article_id = ?", (article_id,)) for s in row if s}
    delete_events(conn, event_ids)
    conn.execute("DELETE FROM claim_events WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)",
                 (article_id,))
    conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    conn.execute("UPDATE articles SET n_events = 0 WHERE id = ?", (article_id,))
    return entities, sources


def recount_entities(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    conn.executemany(
        "UPDATE entities SET n_mentions = (SELECT count(*) FROM mentions WHERE entity_id = entities.id), "
        "n_events = (SELECT count(*) FROM (SELECT event_id FROM event_places WHERE entity_id = entities.id "
        "UNION SELECT event_id FROM event_actors WHERE entity_id = entities.id)) WHERE id = ?",
        [(e,) for e in sorted(set(entity_ids))])


def tidy(conn: sqlite3.Connection, entity_ids: Iterable[int], source_ids: Iterable[int]) -> None:
    """Recount these entities and sources; remove those nothing refers to any more."""
    entity_ids, source_ids = sorted(set(entity_ids)), sorted(set(source_ids))
    recount_entities(conn, entity_ids)
    conn.executemany(
        "UPDATE sources SET n_claims = (SELECT count(*) FROM claims WHERE source_id = sources.id), "
        "n_relayed = (SELECT count(*) FROM claims WHERE via_source_id = sources.id) WHERE id = ?",
        [(s,) for s in source_ids])
    for source_id in source_ids:
        if conn.execute("SELECT n_claims + n_relayed FROM sources WHERE id = ?", (source_id,)).fetchone() == (0,):
            conn.execute("DELETE FROM names WHERE owner = 'source' AND owner_id = ?", (source_id,))
            conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
    for entity_id in entity_ids:
        unused = conn.execute(
            "SELECT n_mentions = 0 AND n_events = 0 AND NOT EXISTS (SELECT 1 FROM sources WHERE entity_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM event_actors WHERE entity_id = ?) FROM entities WHERE id = ?",
            (entity_id, entity_id, entity_id)).fetchone()
        if unused == (1,):
            conn.execute("DELETE FROM names WHERE owner = 'entity' AND owner_id = ?", (entity_id,))
            conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
