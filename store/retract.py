"""Taking facts back out of the store: an event the analyst deleted as false, or everything
extraction wrote for an article (before re-extraction writes it again).

Counters (``entities.n_mentions``/``n_events``, ``sources.n_claims``/``n_relayed``,
``articles.n_events``) are taken down by what goes (never recounted: an entity named in 50,000
articles would cost a scan of them for each), and entities and sources that nothing refers to any
more are removed with their names, so the panes and search never show ghosts.
Judgements are never removed here: the store's triggers detach them from rows that go (see
store/judgements.py for how they find their row again).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

from store.incidents import Grouper


def _marks(ids: Iterable[int]) -> tuple[str, list[int]]:
    ids = sorted(set(ids))
    return ",".join("?" * len(ids)), ids


def _entity_events(conn: sqlite3.Connection, event_ids: list[int]) -> Counter[int]:
    """How many of these events each entity takes part in (as a place or an actor)."""
    marks = ",".join("?" * len(event_ids))
    rows = conn.execute(
        f"SELECT entity_id, event_id FROM event_places WHERE event_id IN ({marks}) "
        f"UNION SELECT entity_id, event_id FROM event_actors WHERE event_id IN ({marks}) AND entity_id IS NOT NULL",
        event_ids + event_ids,
    ).fetchall()
    return Counter(entity for entity, _ in rows)


def delete_events(conn: sqlite3.Connection, event_ids: Iterable[int]) -> set[int]:
    """Delete events with their places, actors, casualty figures and claim links; the entities'
    and articles' counts follow. Returns the entities the events referred to."""
    _, ids = _marks(event_ids)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    involved = _entity_events(conn, ids)
    articles = [r[0] for r in conn.execute(f"SELECT DISTINCT article_id FROM events WHERE id IN ({marks})", ids)]
    incidents = [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT incident_id FROM events WHERE id IN ({marks}) AND incident_id IS NOT NULL", ids
        )
    ]
    for table in ("event_places", "event_actors", "casualties", "claim_events"):
        conn.execute(f"DELETE FROM {table} WHERE event_id IN ({marks})", ids)
    conn.execute(f"DELETE FROM events WHERE id IN ({marks})", ids)
    conn.executemany(
        "UPDATE entities SET n_events = max(0, n_events - ?) WHERE id = ?",
        [(n, e) for e, n in sorted(involved.items())],
    )
    conn.executemany(
        "UPDATE articles SET n_events = (SELECT count(*) FROM events WHERE article_id = articles.id) WHERE id = ?",
        [(a,) for a in articles],
    )
    if incidents:  # what is left of their incidents (an incident left with no event goes)
        grouper = Grouper()
        for incident_id in incidents:
            grouper.rebuild(conn, incident_id)
        grouper.flush(conn)
    return set(involved)


def retract_article(conn: sqlite3.Connection, article_id: int) -> tuple[set[int], set[int]]:
    """Delete every fact extraction wrote for an article (events, claims, mentions); the article stays.

    Counts are taken down as the facts go (so writing the new facts brings them back exactly).
    Returns the entities and sources those facts referred to: pass them to ``tidy`` once the new
    facts are written (entities and sources found again keep their ids)."""
    event_ids = [r[0] for r in conn.execute("SELECT id FROM events WHERE article_id = ?", (article_id,))]
    entities = delete_events(conn, event_ids)
    mentioned = conn.execute(
        "SELECT entity_id, count(*) FROM mentions WHERE article_id = ? GROUP BY entity_id", (article_id,)
    ).fetchall()
    conn.executemany(
        "UPDATE entities SET n_mentions = max(0, n_mentions - ?) WHERE id = ?", [(n, e) for e, n in mentioned]
    )
    entities |= {e for e, _ in mentioned}
    made = conn.execute(
        "SELECT source_id, count(*) FROM claims WHERE article_id = ? GROUP BY source_id", (article_id,)
    ).fetchall()
    relayed = conn.execute(
        "SELECT via_source_id, count(*) FROM claims WHERE article_id = ? "
        "AND via_source_id IS NOT NULL GROUP BY via_source_id",
        (article_id,),
    ).fetchall()
    conn.executemany("UPDATE sources SET n_claims = max(0, n_claims - ?) WHERE id = ?", [(n, s) for s, n in made])
    conn.executemany("UPDATE sources SET n_relayed = max(0, n_relayed - ?) WHERE id = ?", [(n, s) for s, n in relayed])
    conn.execute(
        "DELETE FROM claim_events WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)", (article_id,)
    )
    conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    conn.execute("UPDATE articles SET n_events = 0 WHERE id = ?", (article_id,))
    return entities, {s for s, _ in made} | {s for s, _ in relayed}


def tidy(conn: sqlite3.Connection, entity_ids: Iterable[int], source_ids: Iterable[int]) -> None:
    """Remove the sources and entities among these that nothing refers to any more (with their names,
    merge keys and spellings)."""
    for source_id in sorted(set(source_ids)):
        unused = conn.execute(
            "SELECT n_claims + n_relayed = 0 AND NOT EXISTS (SELECT 1 FROM claims WHERE source_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM claims WHERE via_source_id = ?) FROM sources WHERE id = ?",
            (source_id, source_id, source_id),
        ).fetchone()
        if unused == (1,):
            conn.execute("DELETE FROM names WHERE owner = 'source' AND owner_id = ?", (source_id,))
            conn.execute(
                "DELETE FROM spellings WHERE owner = 'source' AND (type, key) IN "
                "(SELECT type, key FROM merge_keys WHERE owner = 'source' AND owner_id = ?)",
                (source_id,),
            )
            conn.execute("DELETE FROM merge_keys WHERE owner = 'source' AND owner_id = ?", (source_id,))
            conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
    for entity_id in sorted(set(entity_ids)):
        unused = conn.execute(
            "SELECT n_mentions = 0 AND n_events = 0 AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM event_places WHERE entity_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM event_actors WHERE entity_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM incident_places WHERE entity_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM sources WHERE entity_id = ?) FROM entities WHERE id = ?",
            (entity_id,) * 6,
        ).fetchone()
        if unused == (1,):
            conn.execute("DELETE FROM names WHERE owner = 'entity' AND owner_id = ?", (entity_id,))
            conn.execute(
                "DELETE FROM spellings WHERE owner = 'entity' AND (type, key) IN "
                "(SELECT type, key FROM merge_keys WHERE owner = 'entity' AND owner_id = ?)",
                (entity_id,),
            )
            conn.execute("DELETE FROM merge_keys WHERE owner = 'entity' AND owner_id = ?", (entity_id,))
            conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
