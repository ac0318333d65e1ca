"""Writing one article and its extraction into the store, merging entities and sources.

``write_article`` runs inside the caller's transaction (one around a batch of articles), so an
article and every fact drawn from it land together or not at all.

Entities merge across articles on ``(type, merge_key(name))`` and sources on ``merge_key(name)``,
and a new key joins the row of a near key when the evidence agrees (``store/merge.py``); the
spelling most articles use is a row's name. Each of their names and aliases goes into ``names``
with its ``search_key``. Counters
(``n_mentions``, ``n_events``, ``n_claims``, ``articles.n_events``) and the events' display labels
are kept right as rows are written. A fact whose span does not match the article text, or whose
type is outside the contract's vocabularies, is dropped and counted, never stored.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

from extract.model import (
    CASUALTY_KINDS,
    DATE_PRECISIONS,
    ENTITY_TYPES,
    QUALIFIERS,
    SOURCE_TYPES,
    SUBTYPE_TO_TYPE,
    TAXONOMY,
    Extraction,
    Span,
)
from store import grams, merge, reprints
from store.date_labels import era
from store.incidents import Grouper
from store.judgements import anchor_article, anchor_incidents
from store.keys import merge_key, search_key
from store.labels import casualty_label
from store.readers import RawArticle
from store.sketch import sketch as make_sketch


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class WriteReport:
    article_id: int | None  # None: the article was already present
    dropped: list[str] = field(default_factory=list)  # facts not stored, and why


def _span_ok(text: str, span: Span | None) -> bool:
    return (
        isinstance(span, Span)
        and isinstance(span.start, int)
        and isinstance(span.end, int)
        and 0 <= span.start <= span.end <= len(text)
        and text[span.start : span.end] == span.text
    )


@dataclass
class WriteCache:
    """What one writer already knows of the store during a run (ids of merged entities and
    sources, names already written), so that repeated names cost no lookups. Clear it when a
    transaction rolls back: ids it learned inside that transaction are gone."""

    entities: dict[tuple[str, str], list] = field(default_factory=dict)  # -> [id, country, admin1, lat, merge key]
    sources: dict[str, list] = field(default_factory=dict)  # merge key -> [id, entity_id, name, merge key]
    source_names: dict[int, str] = field(default_factory=dict)
    names: set[tuple[str, int, str]] = field(default_factory=set)
    spelled: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (owner, type, key) -> its spelling
    grouper: Grouper = field(default_factory=Grouper)  # incidents touched since the last flush

    def clear(self) -> None:
        self.entities.clear()
        self.sources.clear()
        self.source_names.clear()
        self.names.clear()
        self.spelled.clear()
        self.grouper.clear()


@lru_cache(maxsize=65536)
def _merge_key(name: str) -> str:
    return merge_key(name)


@lru_cache(maxsize=65536)
def _search_key(name: str) -> str:
    return search_key(name)


def _add_names(conn: sqlite3.Connection, cache: WriteCache, owner: str, owner_id: int, names: list[str]) -> None:
    for name in names:
        name = (name or "").strip()
        if not name or (owner, owner_id, name) in cache.names:
            continue
        key = _search_key(name)
        if key:
            conn.execute(
                "INSERT OR IGNORE INTO names (owner, owner_id, name, key) VALUES (?, ?, ?, ?)",
                (owner, owner_id, name, key),
            )
        cache.names.add((owner, owner_id, name))


def _known(conn: sqlite3.Connection, owner: str, type_: str, key: str) -> int | None:
    """The row a merge key already belongs to (a key of a row written before merge_keys existed
    is found by the row's own merge_key)."""
    owner_id = merge.known_key(conn, owner, type_, key)
    if owner_id is not None:
        return owner_id
    if owner == "entity":
        row = conn.execute("SELECT id FROM entities WHERE type = ? AND merge_key = ?", (type_, key)).fetchone()
    else:
        row = conn.execute("SELECT id FROM sources WHERE merge_key = ?", (key,)).fetchone()
    return row[0] if row else None


def _entity_id(conn: sqlite3.Connection, cache: WriteCache, entity) -> int | None:
    key = _merge_key(entity.name or "")
    if not key or entity.type not in ENTITY_TYPES:
        return None
    has_point = entity.lat is not None and entity.lon is not None
    lat, lon = (entity.lat, entity.lon) if has_point else (None, None)
    known = cache.entities.get((entity.type, key))
    if known is None:
        name = entity.name.strip()
        entity_id = _known(conn, "entity", entity.type, key)
        if entity_id is None:
            # a new spelling: the row of the same real-world entity, if the evidence says there is one
            entity_id = merge.find_entity(
                conn, merge.Named(entity.type, name, entity.country, entity.admin1, lat, lon), key
            )
        if entity_id is None:
            entity_id = conn.execute(
                "INSERT INTO entities (type, name, merge_key, country, admin1, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (entity.type, name, key, entity.country, entity.admin1, lat, lon),
            ).lastrowid
            row = (entity_id, entity.country, entity.admin1, lat, key)
        else:
            row = conn.execute(
                "SELECT id, country, admin1, lat, merge_key FROM entities WHERE id = ?", (entity_id,)
            ).fetchone()
        merge.add_key(conn, "entity", entity.type, key, entity_id, entity.type, name)
        known = cache.entities[(entity.type, key)] = list(row)
    entity_id, country, admin1, lat_known, _ = known
    # a later article may know what an earlier one did not: fill the gaps, never overwrite
    if (country is None and entity.country) or (admin1 is None and entity.admin1) or (lat_known is None and has_point):
        conn.execute(
            "UPDATE entities SET country = coalesce(country, ?), admin1 = coalesce(admin1, ?), "
            "lat = CASE WHEN lat IS NULL THEN ? ELSE lat END, "
            "lon = CASE WHEN lat IS NULL THEN ? ELSE lon END WHERE id = ?",
            (entity.country, entity.admin1, lat, lon, entity_id),
        )
        known[1:4] = [country or entity.country, admin1 or entity.admin1, lat_known if lat_known is not None else lat]
        cache.grouper.forget_place(entity_id)
    _add_names(conn, cache, "entity", entity_id, [entity.name, *entity.aliases])
    return entity_id


def _source_id(conn: sqlite3.Connection, cache: WriteCache, source, entity_ids: dict[str, int]) -> int | None:
    key = _merge_key(source.name or "")
    if not key:
        return None
    entity_id = entity_ids.get(source.entity_key) if source.entity_key else None
    known = cache.sources.get(key)
    if known is None:
        name = source.name.strip()
        source_type = source.type if source.type in SOURCE_TYPES else "other"
        source_id = _known(conn, "source", "", key)
        if source_id is None:
            source_id = merge.find_source(conn, merge.Named(source_type, name, entity_id=entity_id), key)
        if source_id is None:
            source_id = conn.execute(
                "INSERT INTO sources (name, merge_key, type, entity_id) VALUES (?, ?, ?, ?)",
                (name, key, source_type, entity_id),
            ).lastrowid
            row = (source_id, entity_id, name, key)
        else:
            row = conn.execute(
                "SELECT id, entity_id, name, merge_key FROM sources WHERE id = ?", (source_id,)
            ).fetchone()
        merge.add_key(conn, "source", "", key, source_id, source_type, name)
        known = cache.sources[key] = list(row)
        cache.source_names[row[0]] = row[2]
    source_id = known[0]
    if known[1] is None and entity_id is not None:
        conn.execute("UPDATE sources SET entity_id = ? WHERE id = ?", (entity_id, source_id))
        known[1] = entity_id
    _add_names(conn, cache, "source", source_id, [source.name, *source.aliases])
    return source_id


def _count_spelled(
    conn: sqlite3.Connection, cache: WriteCache, owner: str, spelled: list[tuple[str, str, str, int]]
) -> None:
    """One more article spells these merge keys so ((type, key, spelling, row id)); a key whose other
    spelling is now used by more articles than the one it is named by takes it, and so does its row
    when the row is named by that key ("Volodymyr Zelensky" over "Volodymyr Zełenski", its first)."""
    for type_, key, _, _ in spelled:
        if (owner, type_, key) not in cache.spelled:
            # the key's present name counts the articles before this one (all of the key's, in a
            # store from before spellings were counted)
            conn.execute(
                "INSERT OR IGNORE INTO spellings (owner, type, key, name, n) "
                "SELECT owner, type, key, name, n FROM merge_keys WHERE owner = ? AND type = ? AND key = ?",
                (owner, type_, key),
            )
            found = conn.execute(
                "SELECT name FROM merge_keys WHERE owner = ? AND type = ? AND key = ?", (owner, type_, key)
            ).fetchone()
            cache.spelled[(owner, type_, key)] = found[0] if found else ""
    conn.executemany(
        "INSERT INTO spellings (owner, type, key, name, n) VALUES (?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1",
        [(owner, type_, key, name) for type_, key, name, _ in spelled],
    )
    count = "(SELECT n FROM spellings s WHERE s.owner = :owner AND s.type = :type AND s.key = :key AND s.name = {})"
    for type_, key, name, owner_id in spelled:
        if (
            cache.spelled[(owner, type_, key)] == name
            or not conn.execute(
                "UPDATE merge_keys SET name = :name WHERE owner = :owner AND type = :type AND key = :key "
                f"AND {count.format(':name')} > coalesce({count.format('merge_keys.name')}, 0)",
                {"owner": owner, "type": type_, "key": key, "name": name},
            ).rowcount
        ):
            continue
        cache.spelled[(owner, type_, key)] = name
        table = "entities" if owner == "entity" else "sources"
        renamed = conn.execute(f"UPDATE {table} SET name = ? WHERE id = ? AND merge_key = ?", (name, owner_id, key))
        if renamed.rowcount and owner == "source":
            cache.source_names[owner_id] = name
            for other in cache.sources.values():
                if other[0] == owner_id:
                    other[2] = name


def _count_spellings(
    conn: sqlite3.Connection, cache: WriteCache, entity_keys: dict[tuple[str, str], int], source_keys: dict[str, int]
) -> None:
    """One more article names these entities and sources by these keys; a row whose other spelling
    is now used by more articles than its own name takes that spelling as its name."""
    conn.executemany(
        "UPDATE merge_keys SET n = n + 1 WHERE owner = 'entity' AND type = ? AND key = ?", sorted(entity_keys)
    )
    conn.executemany(
        "UPDATE merge_keys SET n = n + 1 WHERE owner = 'source' AND type = '' AND key = ?",
        [(k,) for k in sorted(source_keys)],
    )
    # (the key is this row's, and more articles use it than the row's own merge key)
    better = (
        "(SELECT owner_id FROM merge_keys WHERE owner = :owner AND type = :type AND key = :key) = :id "
        "AND (SELECT n FROM merge_keys WHERE owner = :owner AND type = :type AND key = :key) > "
        "coalesce((SELECT n FROM merge_keys WHERE owner = :owner AND type = :type AND key = {table}.merge_key), 0)"
    )
    spelling = "(SELECT name FROM merge_keys WHERE owner = :owner AND type = :type AND key = :key)"
    for (type_, key), entity_id in sorted(entity_keys.items()):
        known = cache.entities.get((type_, key))
        if known is not None and known[4] == key:
            continue  # the row's own spelling (most names, most of the time): nothing to compare
        if conn.execute(
            f"UPDATE entities SET name = {spelling}, merge_key = :key WHERE id = :id AND merge_key != :key "
            f"AND {better.format(table='entities')}",
            {"owner": "entity", "type": type_, "key": key, "id": entity_id},
        ).rowcount:
            for other in cache.entities.values():
                if other[0] == entity_id:
                    other[4] = key
    for key, source_id in sorted(source_keys.items()):
        known = cache.sources.get(key)
        if known is not None and known[3] == key:
            continue
        if conn.execute(
            f"UPDATE sources SET name = {spelling}, merge_key = :key WHERE id = :id AND merge_key != :key "
            f"AND {better.format(table='sources')}",
            {"owner": "source", "type": "", "key": key, "id": source_id},
        ).rowcount:
            name = conn.execute("SELECT name FROM sources WHERE id = ?", (source_id,)).fetchone()[0]
            cache.source_names[source_id] = name
            for other in cache.sources.values():
                if other[0] == source_id:
                    other[2], other[3] = name, key


def insert_article(conn: sqlite3.Connection, article: RawArticle, n_events: int = 0) -> int | None:
    """The article row; None when an article with the same text is already stored."""
    cursor = conn.execute(
        "INSERT INTO articles (ref, title, url, outlet, published, text, hash, ingested_at, n_events) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING",
        (
            article.ref,
            article.title,
            article.url,
            article.outlet,
            article.published,
            article.text,
            text_hash(article.text),
            datetime.now(UTC).isoformat(timespec="seconds"),
            n_events,
        ),
    )
    if cursor.rowcount != 1:
        return None
    grams.index_article(conn, cursor.lastrowid, article.title, article.text)
    return cursor.lastrowid


_COMPUTE = object()


def write_article(
    conn: sqlite3.Connection,
    article: RawArticle,
    extraction: Extraction,
    cache: WriteCache | None = None,
    signature: bytes | None | object = _COMPUTE,
    *,
    article_id: int | None = None,
) -> WriteReport:
    """Store one article with its facts, its reprint sketch, and its events grouped into incidents.

    Call inside a transaction. Pass one ``cache`` for a run of articles (clear it if the
    transaction rolls back, and call ``cache.grouper.flush(conn)`` before committing: the display
    fields of the incidents touched are computed then, once). Without a cache the incidents are
    complete when this returns. ``signature``: the article's sketch (``store.sketch.sketch``),
    when the caller computed it already (ingest does, in its worker processes). ``article_id``: the
    facts of an article already stored (re-extraction, after ``store.retract.retract_article``);
    its row and sketch stay as they are."""
    own_cache = cache is None
    rewriting = article_id is not None
    cache = cache if cache is not None else WriteCache()
    text = article.text
    if article_id is None:
        article_id = insert_article(conn, article)
    report = WriteReport(article_id)
    if article_id is None:
        return report
    dropped = report.dropped

    mention_rows: list[tuple] = []
    place_rows: list[tuple] = []
    actor_rows: list[tuple] = []
    casualty_rows: list[tuple] = []
    link_rows: list[tuple] = []
    n_mentions: Counter[int] = Counter()
    n_claims: Counter[int] = Counter()
    n_relayed: Counter[int] = Counter()
    entity_events: Counter[int] = Counter()

    entity_ids: dict[str, int] = {}
    entity_keys: dict[tuple[str, str], int] = {}
    entity_spelled: dict[tuple[str, str], tuple[str, int]] = {}
    for entity in extraction.entities:
        entity_id = _entity_id(conn, cache, entity)
        if entity_id is None:
            dropped.append(f"entity {entity.name!r}: no usable name or type")
            continue
        entity_keys[(entity.type, _merge_key(entity.name))] = entity_id
        entity_spelled[(entity.type, _merge_key(entity.name))] = (entity.name.strip(), entity_id)
        entity_ids[entity.key] = entity_id
        good = [m for m in entity.mentions if _span_ok(text, m)]
        if len(good) < len(entity.mentions):
            dropped.append(f"entity {entity.name!r}: {len(entity.mentions) - len(good)} mention spans off the text")
        mention_rows.extend((entity_id, article_id, m.start, m.end, m.text) for m in good)
        n_mentions[entity_id] += len(good)

    source_ids: dict[str, int] = {}
    source_keys: dict[str, int] = {}
    source_spelled: dict[str, tuple[str, int]] = {}
    for source in extraction.sources:
        source_id = _source_id(conn, cache, source, entity_ids)
        if source_id is None:
            dropped.append(f"source {source.name!r}: no usable name")
            continue
        source_ids[source.key] = source_id
        source_keys[_merge_key(source.name)] = source_id
        source_spelled[_merge_key(source.name)] = (source.name.strip(), source_id)
    _count_spelled(conn, cache, "entity", [(t, k, *v) for (t, k), v in sorted(entity_spelled.items())])
    _count_spelled(conn, cache, "source", [("", k, *v) for k, v in sorted(source_spelled.items())])
    _count_spellings(conn, cache, entity_keys, source_keys)

    claim_ids: dict[str, int] = {}
    claim_sources: dict[int, int] = {}
    for claim in extraction.claims:
        source_id = source_ids.get(claim.source_key)
        if source_id is None or not _span_ok(text, claim.cue) or not _span_ok(text, claim.content):
            dropped.append(f"claim {claim.key!r}: unknown source or span off the text")
            continue
        credibility = claim.credibility if claim.credibility in tuple("123456") else "6"
        via_id = source_ids.get(claim.via_source_key) if claim.via_source_key else None
        claim_id = conn.execute(
            "INSERT INTO claims (article_id, source_id, via_source_id, cue_start, cue_end, cue_text, "
            "content_start, content_end, content_text, quote, credibility) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                source_id,
                via_id,
                claim.cue.start,
                claim.cue.end,
                claim.cue.text,
                claim.content.start,
                claim.content.end,
                claim.content.text,
                int(bool(claim.quote)),
                credibility,
            ),
        ).lastrowid
        claim_ids[claim.key] = claim_id
        claim_sources[claim_id] = source_id
        n_claims[source_id] += 1
        if via_id is not None:
            n_relayed[via_id] += 1

    n_events = 0
    for event in extraction.events:
        event_type = SUBTYPE_TO_TYPE.get(event.subtype)
        if event_type is None or event.type not in TAXONOMY or not _span_ok(text, event.evidence):
            dropped.append(f"event {event.key!r}: type outside the taxonomy or evidence span off the text")
            continue
        places = [p for p in event.places if p.entity_key in entity_ids and _span_ok(text, p.span)]
        actors = [a for a in event.actors if _span_ok(text, a.span)]
        casualties = [
            c
            for c in event.casualties
            if c.kind in CASUALTY_KINDS and c.qualifier in QUALIFIERS and _span_ok(text, c.span)
        ]
        linked = [claim_ids[k] for k in dict.fromkeys(event.claim_keys) if k in claim_ids]
        if len(places) + len(actors) + len(casualties) < (
            len(event.places) + len(event.actors) + len(event.casualties)
        ):
            dropped.append(f"event {event.key!r}: some places, actors or casualties off the text")
        place_names = list(dict.fromkeys(p.name for p in places))
        claimant = ""
        if linked:
            claimant = cache.source_names.get(claim_sources[linked[0]], "")
        confidence = float(event.confidence) if isinstance(event.confidence, (int, float)) else 0.5
        event_id = conn.execute(
            "INSERT INTO events (article_id, type, subtype, date, date_end, date_precision, confidence, "
            "evidence_start, evidence_end, evidence_text, places_label, casualties_label, claimant_label, era, report) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                event_type,
                event.subtype,
                event.date,
                event.date_end,
                event.date_precision if event.date_precision in DATE_PRECISIONS else None,
                min(max(confidence, 0.0), 1.0),
                event.evidence.start,
                event.evidence.end,
                event.evidence.text,
                ", ".join(place_names),
                "; ".join(casualty_label(c.kind, c.min, c.max, c.qualifier) for c in casualties),
                claimant,
                era(event.date, event.date_end, article.published),
                getattr(event, "incident", "") or None,
            ),
        ).lastrowid
        n_events += 1
        place_rows.extend(
            (event_id, entity_ids[p.entity_key], p.name, p.span.start, p.span.end, p.span.text) for p in places
        )
        actor_rows.extend(
            (
                event_id,
                entity_ids.get(a.entity_key) if a.entity_key else None,
                a.name,
                a.span.start,
                a.span.end,
                a.span.text,
            )
            for a in actors
        )
        casualty_rows.extend(
            (event_id, c.kind, c.min, c.max, c.qualifier, c.who, c.span.start, c.span.end, c.span.text)
            for c in casualties
        )
        link_rows.extend((claim_id, event_id) for claim_id in linked)
        involved = {entity_ids[p.entity_key] for p in places}
        involved |= {entity_ids[a.entity_key] for a in actors if a.entity_key in entity_ids}
        entity_events.update(involved)

    # the rows of the whole article, a statement each
    conn.executemany(
        'INSERT INTO mentions (entity_id, article_id, start, "end", text) VALUES (?, ?, ?, ?, ?)', mention_rows
    )
    conn.executemany(
        'INSERT INTO event_places (event_id, entity_id, name, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)', place_rows
    )
    conn.executemany(
        'INSERT INTO event_actors (event_id, entity_id, name, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)', actor_rows
    )
    conn.executemany(
        'INSERT INTO casualties (event_id, kind, min, max, qualifier, who, start, "end", text) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        casualty_rows,
    )
    conn.executemany("INSERT OR IGNORE INTO claim_events (claim_id, event_id) VALUES (?, ?)", link_rows)
    conn.executemany(
        "UPDATE entities SET n_mentions = n_mentions + ? WHERE id = ?",
        [(n, i) for i, n in sorted(n_mentions.items()) if n],
    )
    conn.executemany(
        "UPDATE entities SET n_events = n_events + ? WHERE id = ?", sorted((n, i) for i, n in entity_events.items())
    )
    conn.executemany(
        "UPDATE sources SET n_claims = n_claims + ? WHERE id = ?", sorted((n, i) for i, n in n_claims.items())
    )
    conn.executemany(
        "UPDATE sources SET n_relayed = n_relayed + ? WHERE id = ?", sorted((n, i) for i, n in n_relayed.items())
    )
    if n_events:
        conn.execute("UPDATE articles SET n_events = ? WHERE id = ?", (n_events, article_id))
    # the analyst's judgements of these facts, if any: first, so that corrections shape the grouping
    digest = text_hash(text)
    anchor_article(conn, article_id, digest)
    if not rewriting:
        reprints.record(conn, article_id, make_sketch(text) if signature is _COMPUTE else signature)
    if n_events or conn.execute("SELECT 1 FROM events WHERE article_id = ? LIMIT 1", (article_id,)).fetchone():
        cache.grouper.add_article(conn, article_id)
        anchor_incidents(conn, article_id, digest)  # the analyst's verdicts on incidents this article is in
    if own_cache:
        cache.grouper.flush(conn)
    return report
