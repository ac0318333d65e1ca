"""What ``export --verified-only`` holds, as SQL (each a ``SELECT`` of ids).

The events, claims and incidents the analyst verified (an event of a verified incident counts as
verified; an incident holding a verified event is written, so that every event's incident_id
resolves), and what they refer to: their articles, the claims' sources, the events' places and
actors, and the entities of those sources that the exported articles mention. The export must stand
on its own: every record refers only to what it holds (an entity's mentions, a source's counts, a
claim's events, an event's claims, an incident's events, articles and sources are cut to them), and
nothing of an article it does not hold is written.
"""

from __future__ import annotations

CLAIMS = "SELECT id FROM claims WHERE status = 'verified'"
EVENTS = (
    "SELECT id FROM events WHERE status = 'verified' "
    "OR incident_id IN (SELECT id FROM incidents WHERE status = 'verified')"
)
INCIDENTS = (
    f"SELECT id FROM incidents WHERE status = 'verified' UNION SELECT incident_id FROM events WHERE id IN ({EVENTS})"
)
ARTICLES = f"SELECT article_id FROM events WHERE id IN ({EVENTS}) UNION SELECT article_id FROM claims WHERE status = 'verified'"
SOURCES = (
    "SELECT source_id FROM claims WHERE status = 'verified' "
    "UNION SELECT via_source_id FROM claims WHERE status = 'verified'"
)
ENTITIES = (
    f"SELECT entity_id FROM event_places WHERE event_id IN ({EVENTS}) "
    f"UNION SELECT entity_id FROM event_actors WHERE event_id IN ({EVENTS}) "
    f"UNION SELECT s.entity_id FROM sources s WHERE s.id IN ({SOURCES}) AND EXISTS "
    f"(SELECT 1 FROM mentions m WHERE m.entity_id = s.entity_id AND m.article_id IN ({ARTICLES}))"
)
IDS = {
    "article": ARTICLES,
    "entity": ENTITIES,
    "source": SOURCES,
    "claim": CLAIMS,
    "event": EVENTS,
    "incident": INCIDENTS,
}


def where(kind: str, verified_only: bool, column: str = "id") -> str:
    """`` WHERE column IN (...)`` keeping a kind's exported rows, or nothing for a whole export."""
    return f" WHERE {column} IN ({IDS[kind]})" if verified_only else ""


def also(kind: str, verified_only: bool, column: str) -> str:
    """`` AND column IN (...)``: a list inside a record cut to the exported rows of ``kind``."""
    return f" AND {column} IN ({IDS[kind]})" if verified_only else ""


class Exported:
    """Whether an id of a kind is in the export (asked of the few ids an incident names)."""

    def __init__(self, conn, verified_only: bool):
        self.conn = conn
        self.verified_only = verified_only
        self._known: dict[tuple[str, int], bool] = {}

    def __call__(self, kind: str, id_: int | None) -> bool:
        if id_ is None or not self.verified_only:
            return id_ is not None
        key = (kind, id_)
        if key not in self._known:
            found = self.conn.execute(f"SELECT 1 WHERE ? IN ({IDS[kind]})", (id_,)).fetchone()
            self._known[key] = found is not None
        return self._known[key]
