"""Read-only queries the browser runs: keyset-paged lists and the detail of one item.

Nothing here loads a whole table. A list is described by a ``ListQuery`` (what to select, how to
filter, how to order); ``page_after`` reads the next ``limit`` rows after a sort key by keyset SQL,
``anchor_at`` finds the sort key at a row number by scanning only an index, and ``count`` is one
``COUNT(*)``. The browser keeps pages in a cache and never asks for rows it will not draw.

Every function takes a ``sqlite3.Connection`` (rows as ``sqlite3.Row``); ``connect_readonly``
opens one that cannot write. No textual or rich here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from extract.model import TAXONOMY
from extract.victims import same_victims
from store.date_labels import date_label, marked_label
from store.db import open_store
from store.incident_summary import URL_HOST
from store.text_search import sentence_around, text_conditions
from store.writer import casualty_label


def connect_readonly(path: str) -> sqlite3.Connection:
    """A read-only connection of its own to the store at ``path`` (raises ``StoreError``)."""
    conn = open_store(path, readonly=True)
    conn.row_factory = sqlite3.Row
    conn.create_function("casualty_label", 4, casualty_label, deterministic=True)
    conn.create_function("date_label", 3, date_label, deterministic=True)
    conn.create_function("marked_date", 4, marked_label, deterministic=True)
    conn.create_function("sentence_at", 3, sentence_around, deterministic=True)
    conn.create_function("same_victims", 2, same_victims, deterministic=True)
    return conn


def data_version(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """Something that changes when another connection commits: SQLite's data_version and max ids."""
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    articles = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    events = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    return (version, articles, events)


# --------------------------------------------------------------------------------------------
# Lists


@dataclass(frozen=True)
class SortKey:
    expr: str  # a column expression, e.g. "e.date"
    desc: bool = False
    nullable: bool = False


@dataclass(frozen=True)
class ListQuery:
    """One scrollable list: rows ``select`` from ``source`` where ``where``, ordered by ``order``.

    The last sort key must be unique (an id) so that keyset paging is exact.
    """

    kind: str  # 'articles', 'events', 'incidents', 'sources', 'claims', 'facts', 'versions'
    select: str
    source: str
    order: tuple[SortKey, ...]
    where: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()
    # what a human calls this list ("Events at Plekhovo"); not part of what it is, so a title
    # read again (an incident's, after a merge) leaves the rows read for it current
    label: str = field(default="", compare=False)

    def _where_sql(self, extra: list[str]) -> str:
        clauses = [*self.where, *extra]
        return (" WHERE " + " AND ".join(f"({c})" for c in clauses)) if clauses else ""

    def _order_sql(self, reverse: bool = False) -> str:
        return ", ".join(f"{k.expr} {'DESC' if k.desc != reverse else 'ASC'}" for k in self.order)

    def _key_select(self) -> str:
        return ", ".join(f"{k.expr} AS _k{i}" for i, k in enumerate(self.order))

    def with_filter(self, clause: str, *params: Any, label: str | None = None) -> ListQuery:
        return replace(
            self,
            where=(*self.where, clause),
            params=(*self.params, *params),
            label=self.label if label is None else label,
        )

    def reversed(self) -> ListQuery:
        return replace(self, order=tuple(replace(k, desc=not k.desc) for k in self.order))


def _after(keys: tuple[SortKey, ...], values: tuple[Any, ...]) -> tuple[str, list[Any]]:
    """SQL true for rows that come strictly after ``values`` in the order of ``keys``.

    SQLite sorts NULL first ascending and last descending. When no key is NULL and all keys run
    the same way this is a row-value comparison, which SQLite answers with an index range.
    """
    if all(v is not None for v in values) and len({k.desc for k in keys}) == 1:
        op = "<" if keys[0].desc else ">"
        sql = f"({', '.join(k.expr for k in keys)}) {op} ({', '.join('?' for _ in keys)})"
        nulls = [k.expr for k in keys if k.nullable and k.desc]
        if nulls:  # NULLs come last when descending: they are after any non-NULL key
            sql = f"({sql} OR " + " OR ".join(f"{n} IS NULL" for n in nulls) + ")"
        return sql, list(values)
    key, value = keys[0], values[0]
    if value is None:
        strictly = "0" if key.desc else f"{key.expr} IS NOT NULL"
        strict_params: list[Any] = []
    elif key.desc:
        strictly = f"({key.expr} < ? OR {key.expr} IS NULL)"
        strict_params = [value]
    else:
        strictly = f"{key.expr} > ?"
        strict_params = [value]
    if len(keys) == 1:
        return strictly, strict_params
    rest, rest_params = _after(keys[1:], values[1:])
    return (
        f"({strictly} OR ({key.expr} IS ? AND {rest}))",
        [*strict_params, value, *rest_params],
    )


@dataclass
class Page:
    rows: list[dict[str, Any]]
    keys: list[tuple[Any, ...]] = field(default_factory=list)  # the sort key of each row


def count(conn: sqlite3.Connection, query: ListQuery) -> int:
    sql = f"SELECT count(*) FROM {query.source}{query._where_sql([])}"
    return conn.execute(sql, query.params).fetchone()[0]


def _fact_family(kind: str) -> str:
    """SQL for what a fact row of kind ``kind`` (an SQL expression) stands for, across fact lists:
    an event (its row, its evidence, an incident's version), a claim, a casualty figure, else a
    mention (of a person, place, group)."""
    return (
        f"CASE WHEN {kind} IN ('event', 'evidence') OR {kind} LIKE '%version' THEN 'event' "
        f"WHEN {kind} IN ('claim', 'casualty') THEN {kind} ELSE 'mention' END"
    )


def fact_position(conn: sqlite3.Connection, query: ListQuery, kind: str, uid: int) -> int | None:
    """Where in fact list ``query`` the fact that a row of ``kind`` and id ``uid`` in another fact
    list stands for is (an incident's version is its event's row in the article's facts)."""
    sql = (
        f"SELECT n FROM (SELECT f.uid AS uid, {_fact_family('f.kind')} AS family, "
        f"row_number() OVER (ORDER BY {query._order_sql()}) - 1 AS n FROM {query.source}{query._where_sql([])}) "
        f"WHERE family = (SELECT {_fact_family('k.kind')} FROM (SELECT ? AS kind) k) AND uid = ? LIMIT 1"
    )
    found = conn.execute(sql, (*query.params, kind, uid)).fetchone()
    return None if found is None else found[0]


def row_position(conn: sqlite3.Connection, query: ListQuery, row_id: int) -> int | None:
    """Where in list ``query`` the row whose ``id`` is ``row_id`` is (None: not in it)."""
    sql = (
        f"SELECT n FROM (SELECT {query.select}, row_number() OVER (ORDER BY {query._order_sql()}) - 1 AS n "
        f"FROM {query.source}{query._where_sql([])}) WHERE id = ? LIMIT 1"
    )
    found = conn.execute(sql, (*query.params, row_id)).fetchone()
    return None if found is None else found[0]


def page_after(conn: sqlite3.Connection, query: ListQuery, after: tuple[Any, ...] | None, limit: int) -> Page:
    """The ``limit`` rows that follow sort key ``after`` (from the start when None)."""
    extra: list[str] = []
    params = list(query.params)
    if after is not None:
        clause, clause_params = _after(query.order, after)
        extra.append(clause)
        params += clause_params
    sql = (
        f"SELECT {query.select}, {query._key_select()} FROM {query.source}"
        f"{query._where_sql(extra)} ORDER BY {query._order_sql()} LIMIT ?"
    )
    params.append(limit)
    rows: list[dict[str, Any]] = []
    keys: list[tuple[Any, ...]] = []
    n = len(query.order)
    for row in conn.execute(sql, params):
        record = dict(row)
        keys.append(tuple(record.pop(f"_k{i}") for i in range(n)))
        rows.append(record)
    return Page(rows, keys)


def anchor_at(conn: sqlite3.Connection, query: ListQuery, index: int) -> tuple[Any, ...] | None:
    """The sort key of the row just before row ``index`` (None for row 0).

    Only the sort keys are selected, so SQLite walks the covering index, not the rows; rows
    themselves are then read by keyset from this anchor.
    """
    if index <= 0:
        return None
    sql = (
        f"SELECT {query._key_select()} FROM {query.source}{query._where_sql([])} "
        f"ORDER BY {query._order_sql()} LIMIT 1 OFFSET ?"
    )
    row = conn.execute(sql, [*query.params, index - 1]).fetchone()
    return tuple(row) if row is not None else None


def last_rows(conn: sqlite3.Connection, query: ListQuery, limit: int) -> Page:
    """The last ``limit`` rows in order (for jumping to the end without walking the list)."""
    page = page_after(conn, query.reversed(), None, limit)
    page.rows.reverse()
    page.keys.reverse()
    return page


def articles_query(descending: bool = True) -> ListQuery:
    return ListQuery(
        kind="articles",
        select="a.id, a.published, a.outlet, a.title, a.ref, a.url, a.n_events",
        source="articles a",
        order=(SortKey("a.published", desc=descending, nullable=True), SortKey("a.id", desc=descending)),
        label="Articles",
    )


def events_query(descending: bool = True) -> ListQuery:
    return ListQuery(
        kind="events",
        select=(
            "e.id, e.article_id, e.date, e.date_end, e.date_precision, e.era, e.type, e.subtype, e.places_label, "
            "e.casualties_label, e.claimant_label, e.evidence_start, e.evidence_end, e.status, e.judged"
        ),
        source="events e",
        order=(SortKey("e.date", desc=descending, nullable=True), SortKey("e.id", desc=descending)),
        label="Events",
    )


def incidents_query(descending: bool = True) -> ListQuery:
    """The Events pane: one row per incident (keyset on the ``incidents_date`` index)."""
    return ListQuery(
        kind="incidents",
        select=(
            "i.id, i.date, i.date_end, i.date_precision, i.era, i.type, i.subtype, i.places_label, "
            "i.casualties_label, i.sources_label, i.n_sources, i.n_articles, i.n_events, i.conflict, "
            "i.confidence, i.status"
        ),
        source="incidents i",
        order=(SortKey("i.date", desc=descending, nullable=True), SortKey("i.id", desc=descending)),
        label="Incidents",
    )


def sources_query() -> ListQuery:
    return ListQuery(
        kind="sources",
        select="s.id, s.name, s.type, s.reliability, s.n_claims, s.n_relayed",
        source="sources s",
        # the claims a source makes and those it relays, together (index sources_reports)
        order=(SortKey("s.n_claims + s.n_relayed", desc=True), SortKey("s.id")),
        label="Sources",
    )


def _dates(date_from: str, date_to: str) -> str:
    """'2022-05', 'from 2022-05-01', 'to 2022', '2022-05-01 to 2022-06' (as typed, never a made-up day)."""
    if date_from and date_from == date_to:
        return date_from
    if date_from and date_to:
        return f"{date_from} to {date_to}"
    return f"from {date_from}" if date_from else f"to {date_to}"


def date_upper(date_to: str) -> str:
    """The bound every date or date-time within ``date_to`` (a year, a month or a day) is below."""
    return date_to + "~"  # '~' sorts after digits, '-' and 'T': "2022-05-31T10:00" < "2022-05~"


@dataclass(frozen=True)
class EventFilter:
    """What `f` narrows the Events pane to. Empty fields do not filter. History (events far from
    their article's date, store/date_labels.py) is hidden unless ``history``."""

    subtype: str = ""
    date_from: str = ""
    date_to: str = ""
    place: str = ""
    source: str = ""
    history: bool = False
    confidence: float = 0.0  # only rows at or above this confidence (an incident: its most confident event)
    status: str = ""  # the analyst's verdict (unverified takes in the never judged)
    tag: str = ""

    def is_empty(self) -> bool:
        return not (
            self.subtype
            or self.date_from
            or self.date_to
            or self.place
            or self.source
            or self.confidence
            or self.status
            or self.tag
        )

    def describe(self) -> str:
        parts = []
        if self.subtype:
            parts.append(self.subtype)
        if self.date_from or self.date_to:
            parts.append(_dates(self.date_from, self.date_to))
        if self.place:
            parts.append(f"at {self.place}")
        if self.source:
            parts.append(f"by {self.source}")
        if self.confidence:
            parts.append(f"confidence ≥ {self.confidence:.1f}")
        if self.status:
            parts.append(self.status)
        if self.tag:
            parts.append(f"#{self.tag}")
        return ", ".join(parts)


# the entities with a name (their own, or another: an alias, a spelling) like the pattern
_NAMED_LIKE = "SELECT owner_id FROM names WHERE owner = 'entity' AND name LIKE ? ESCAPE '\\'"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_events(query: ListQuery, flt: EventFilter) -> ListQuery:
    if flt.subtype in TAXONOMY:
        query = query.with_filter("e.type = ?", flt.subtype)
    elif flt.subtype:
        query = query.with_filter("e.subtype = ?", flt.subtype)
    if flt.date_from:
        query = query.with_filter("coalesce(e.date_end, e.date) >= ?", flt.date_from)
    if flt.date_to:
        query = query.with_filter("e.date < ?", date_upper(flt.date_to))
    if flt.place:  # (the place's other names too: "Kharkov", "Харків" find Kharkiv)
        query = query.with_filter(
            "e.places_label LIKE ? ESCAPE '\\' OR e.id IN (SELECT ep.event_id FROM event_places ep "
            f"WHERE ep.entity_id IN ({_NAMED_LIKE}))",
            _like(flt.place),
            _like(flt.place),
        )
    if flt.source:
        query = query.with_filter(
            "e.claimant_label LIKE ? ESCAPE '\\' OR e.id IN (SELECT ce.event_id FROM claim_events ce "
            "JOIN claims c ON c.id = ce.claim_id JOIN sources s ON s.id = c.source_id "
            "WHERE s.name LIKE ? ESCAPE '\\')",
            _like(flt.source),
            _like(flt.source),
        )
    if not flt.history:
        query = query.with_filter("e.era IS NULL")
    if flt.confidence:
        query = query.with_filter("e.confidence >= ?", flt.confidence)
    if flt.status == "unverified":
        query = query.with_filter("e.status IS NULL OR e.status = 'unverified'")
    elif flt.status:
        query = query.with_filter("e.status = ?", flt.status)  # (index events_status)
    if flt.tag:
        query = query.with_filter(
            "e.id IN (SELECT j.target_id FROM judgement_tags t JOIN judgements j ON j.id = t.judgement_id "
            "WHERE t.tag = ? AND j.kind = 'event' AND j.target_id IS NOT NULL)",
            flt.tag,
        )
    if not flt.is_empty():
        query = replace(query, label=f"Events · {flt.describe()}")
    return query


@dataclass(frozen=True)
class ArticleFilter:
    """What `f` narrows the Articles pane to: published dates, outlet (or URL), words of the text."""

    date_from: str = ""
    date_to: str = ""
    outlet: str = ""
    text: str = ""

    def is_empty(self) -> bool:
        return not (self.date_from or self.date_to or self.outlet or self.text)

    def describe(self) -> str:
        parts = []
        if self.date_from or self.date_to:
            parts.append(_dates(self.date_from, self.date_to))
        if self.outlet:
            parts.append(f"from {self.outlet}")
        if self.text:
            parts.append(f"with “{self.text}”")
        return ", ".join(parts)


def filter_articles(query: ListQuery, flt: ArticleFilter) -> ListQuery:
    if flt.date_from:
        query = query.with_filter("a.published >= ?", flt.date_from)
    if flt.date_to:
        query = query.with_filter("a.published < ?", date_upper(flt.date_to))
    if flt.outlet:
        query = query.with_filter(
            "a.outlet LIKE ? ESCAPE '\\' OR a.url LIKE ? ESCAPE '\\'", _like(flt.outlet), _like(flt.outlet)
        )
    if flt.text:
        conditions = text_conditions(flt.text)
        if conditions:
            for clause, param in conditions:
                query = query.with_filter(clause, param)
        else:
            query = query.with_filter("0")  # no word to look for: nothing matches
    if not flt.is_empty():
        query = replace(query, label=f"Articles · {flt.describe()}")
    return query


def filter_incidents(query: ListQuery, flt: EventFilter) -> ListQuery:
    """The same filter on incidents: an incident matches when its subtype, or any of its events',
    is the one asked for; its days meet the range; one of its places or sources is named."""
    if flt.subtype in TAXONOMY:
        query = query.with_filter("i.type = ?", flt.subtype)
    elif flt.subtype:
        query = query.with_filter(
            "i.subtype = ? OR instr('|' || i.subtypes || '|', ?) > 0", flt.subtype, f"|{flt.subtype}|"
        )
    if flt.date_from:
        query = query.with_filter("coalesce(i.date_end, i.date) >= ?", flt.date_from)
    if flt.date_to:
        query = query.with_filter("i.date < ?", date_upper(flt.date_to))
    if flt.place:
        query = query.with_filter(
            "i.places_label LIKE ? ESCAPE '\\' OR i.id IN (SELECT ip.incident_id FROM incident_places ip "
            f"WHERE ip.entity_id IN ({_NAMED_LIKE}))",
            _like(flt.place),
            _like(flt.place),
        )
    if flt.source:
        query = query.with_filter(
            "i.sources_label LIKE ? ESCAPE '\\' OR i.id IN (SELECT e.incident_id FROM events e "
            "JOIN claim_events ce ON ce.event_id = e.id JOIN claims c ON c.id = ce.claim_id "
            "JOIN sources s ON s.id = c.source_id WHERE s.name LIKE ? ESCAPE '\\')",
            _like(flt.source),
            _like(flt.source),
        )
    if not flt.history:
        query = query.with_filter("i.era IS NULL")  # incidents whose every event is history are hidden too
    if flt.confidence:
        query = query.with_filter("i.confidence >= ?", flt.confidence)
    if flt.status == "unverified":
        query = query.with_filter("i.status IS NULL OR i.status = 'unverified'")
    elif flt.status:
        query = query.with_filter("i.status = ?", flt.status)  # (index incidents_status)
    if flt.tag:  # an incident one of whose events carries the tag
        query = query.with_filter(
            "i.id IN (SELECT e.incident_id FROM judgement_tags t JOIN judgements j ON j.id = t.judgement_id "
            "JOIN events e ON e.id = j.target_id WHERE t.tag = ? AND j.kind = 'event')",
            flt.tag,
        )
    if not flt.is_empty():
        query = replace(query, label=f"Incidents · {flt.describe()}")
    return query


# --------------------------------------------------------------------------------------------
# Fact lists: the rows under the reader. Every row has a kind, a label, the article and span it
# points at, and optionally a link (another thing Enter opens).

_FACT_SELECT = (
    'f.kind, f.label, f.detail, f.article_id, f.start, f."end", f.link_kind, f.link_id, f.uid, '
    # the analyst's judgement of the fact, summed up (store/judgements.py); events and claims only
    "(SELECT j.mark FROM judgements j WHERE j.target_id = f.uid AND j.kind = CASE "
    "WHEN f.kind IN ('event', 'evidence', 'figure') THEN 'event' WHEN f.kind = 'claim' THEN 'claim' END) AS judgement"
)


def _facts(kind_label: str, union_sql: str, params: tuple[Any, ...] | dict[str, Any], label: str) -> ListQuery:
    """A fact list: by rank (the kind of fact), then newest day first (``day``: an event's date,
    an article's publication; NULL keeps text order), then article and place in the text.
    ``params`` as a dict {"id": x}: each ``:id`` in the SQL is that value (bound by position, as
    the list's paging adds positional parameters after them)."""
    if isinstance(params, dict):
        for name, value in params.items():
            count = union_sql.count(f":{name}")
            union_sql = union_sql.replace(f":{name}", "?")
            params = (value,) * count
    return ListQuery(
        kind="facts",
        select=_FACT_SELECT,
        source=f"({union_sql}) f",
        order=(
            SortKey("f.rank"),
            SortKey("f.day", desc=True, nullable=True),
            SortKey("f.article_id"),
            SortKey("f.start"),
            SortKey("f.uid"),
        ),
        params=params,
        label=label or kind_label,
    )


_EVENT_DETAIL = (
    "trim(marked_date(e.date, e.date_end, e.date_precision, e.era) || ' ' || e.places_label || ' ' "
    "|| e.casualties_label)"
)


def article_facts_query(article_id: int, title: str = "") -> ListQuery:
    """Events, claims, casualty figures and entity mentions of one article, in text order."""
    sql = f"""
        SELECT 0 AS rank, NULL AS day, e.id AS uid, 'event' AS kind,
               e.subtype AS label, {_EVENT_DETAIL} AS detail,
               e.article_id, e.evidence_start AS start, e.evidence_end AS "end",
               'event' AS link_kind, e.id AS link_id
        FROM events e WHERE e.article_id = ?
        UNION ALL
        SELECT 1, NULL, c.id, 'claim', s.name, c.cue_text || ': ' || c.content_text,
               c.article_id, c.content_start, c.content_end, 'source', c.source_id
        FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.article_id = ?
        UNION ALL
        SELECT 2, NULL, k.id, 'casualty', k.text, casualty_label(k.kind, k.min, k.max, k.qualifier),
               e.article_id, k.start, k."end", 'event', e.id
        FROM casualties k JOIN events e ON e.id = k.event_id WHERE e.article_id = ?
        UNION ALL
        SELECT 3, NULL, m.id, n.type, n.name, m.text, m.article_id, m.start, m."end", 'entity', n.id
        FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE m.article_id = ?
    """
    return _facts("Facts", sql, (article_id,) * 4, f"Facts · {title}" if title else "Facts")


# the events of one incident reported by another source: the same date, a place in common that is
# no whole country, and another article or another claimant (the incidents work may replace this
# with incidents across articles)
_SAME_INCIDENT = """
    o.incident_id = (SELECT incident_id FROM events WHERE id = :id)
    AND (o.article_id != (SELECT article_id FROM events WHERE id = :id)
         OR o.claimant_label NOT IN ('', (SELECT claimant_label FROM events WHERE id = :id)))"""
# who gives an event's figure: its claimant, else the article's outlet, else "unattributed"
_WHO = "coalesce(nullif(o.claimant_label, ''), nullif(oa.outlet, ''), 'unattributed')"


def event_facts_query(event_id: int, label: str = "") -> ListQuery:
    """An event's evidence, its incident, its claims (with their sources), places, actors, casualty
    figures, and, only when another event of its incident gives a figure too, every figure with who
    gives it side by side in one row, then one row for each other figure."""
    sql = f"""
        SELECT -1 AS rank, NULL AS day, e.id AS uid, 'evidence' AS kind, e.subtype AS label,
               e.evidence_text AS detail, e.article_id, e.evidence_start AS start,
               e.evidence_end AS "end", NULL AS link_kind, NULL AS link_id
        FROM events e WHERE e.id = :id
        UNION ALL
        SELECT -0.8, NULL, i.id, 'incident', i.subtype,
               i.n_sources || ' source' || CASE WHEN i.n_sources = 1 THEN '' ELSE 's' END || ', '
               || i.n_articles || ' article' || CASE WHEN i.n_articles = 1 THEN '' ELSE 's' END
               || CASE WHEN i.casualties_label != '' THEN ' · ' || i.casualties_label ELSE '' END,
               e.article_id, e.evidence_start, e.evidence_end, 'incident', i.id
        FROM events e JOIN incidents i ON i.id = e.incident_id WHERE e.id = :id
        UNION ALL
        SELECT 0, NULL, c.id, 'claim', s.name, c.cue_text || ': ' || c.content_text,
               c.article_id, c.content_start, c.content_end, 'source', s.id
        FROM claim_events ce JOIN claims c ON c.id = ce.claim_id JOIN sources s ON s.id = c.source_id
        WHERE ce.event_id = :id
        UNION ALL
        SELECT 1, NULL, k.id, 'casualty', k.text, casualty_label(k.kind, k.min, k.max, k.qualifier),
               e.article_id, k.start, k."end", 'event', e.id
        FROM casualties k JOIN events e ON e.id = k.event_id WHERE k.event_id = :id
        UNION ALL
        SELECT 2, NULL, p.rowid, 'place', p.name, p.text, e.article_id, p.start, p."end", 'entity', p.entity_id
        FROM event_places p JOIN events e ON e.id = p.event_id WHERE p.event_id = :id
        UNION ALL
        SELECT 3, NULL, a.rowid, 'actor', a.name, a.text, e.article_id, a.start, a."end",
               CASE WHEN a.entity_id IS NULL THEN NULL ELSE 'entity' END, a.entity_id
        FROM event_actors a JOIN events e ON e.id = a.event_id WHERE a.event_id = :id
        UNION ALL
        SELECT -0.5, NULL, 0, 'figures', group_concat({_WHO} || ': ' || o.casualties_label, ' · '), '',
               (SELECT article_id FROM events WHERE id = :id), (SELECT evidence_start FROM events WHERE id = :id),
               (SELECT evidence_end FROM events WHERE id = :id), NULL, NULL
        FROM events o JOIN articles oa ON oa.id = o.article_id
        WHERE o.casualties_label != '' AND (o.id = :id OR ({_SAME_INCIDENT}))
        HAVING count(*) > 1 AND sum(o.id != :id) > 0
        UNION ALL
        SELECT 4, o.date, o.id, 'figure', {_WHO},
               o.casualties_label || ' · ' || o.subtype || ' · ' || date_label(o.date, o.date_end, o.date_precision),
               o.article_id, o.evidence_start, o.evidence_end, 'event', o.id
        FROM events o JOIN articles oa ON oa.id = o.article_id
        WHERE o.casualties_label != '' AND o.id != :id AND {_SAME_INCIDENT}
    """
    return _facts("Event", sql, {"id": event_id}, label)


def incident_versions_query(incident_id: int, label: str = "") -> ListQuery:
    """Each source's version of one incident, one row per event: its claimant, outlet, date,
    figures and the claim's words (else the evidence sentence). ``mark`` is "≠" where the event's
    figures cannot be squared with another version's (ranges of the same kind that do not meet,
    counting people who may be the same: ``extract.victims``);
    ``copy`` where its article is a reprint of an earlier one. Rows also carry the fact-list
    fields (kind, label, detail, article_id, start, end, link) so every fact key works on them."""
    sql = f"""
        SELECT e.id AS uid, e.article_id, e.evidence_start AS start, e.evidence_end AS "end",
               'event' AS link_kind, e.id AS link_id, e.subtype, e.date, e.date_end, e.date_precision, e.era,
               coalesce(nullif(e.claimant_label, ''), 'unattributed') AS claimant,
               coalesce(a.outlet, {URL_HOST}, a.ref) AS outlet,
               CASE WHEN k.copy_of IS NOT NULL THEN 1 ELSE 0 END AS copy,
               e.casualties_label AS figures,
               coalesce((SELECT c.cue_text || ': ' || c.content_text FROM claim_events ce
                         JOIN claims c ON c.id = ce.claim_id WHERE ce.event_id = e.id
                         ORDER BY c.id LIMIT 1), e.evidence_text) AS words,
               CASE WHEN EXISTS (
                   SELECT 1 FROM casualties k1 JOIN casualties k2 ON k2.kind = k1.kind
                   JOIN events o ON o.id = k2.event_id
                   WHERE k1.event_id = e.id AND o.incident_id = e.incident_id AND o.id != e.id
                     AND (coalesce(k1.max, 1e18) < coalesce(k2.min, k2.max, 0)
                          OR coalesce(k2.max, 1e18) < coalesce(k1.min, k1.max, 0))
                     AND same_victims(k1.who, k2.who))
                    THEN '≠' ELSE '' END AS mark,
               a.published
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN article_sketches k ON k.article_id = e.article_id
        WHERE e.incident_id = ?
    """
    return ListQuery(
        kind="versions",
        select=(
            'f.uid, f.article_id, f.start, f."end", f.link_kind, f.link_id, f.subtype, f.date, '
            "f.date_end, f.date_precision, f.era, f.claimant, f.outlet, f.copy, f.figures, f.words, f.mark, "
            "(SELECT j.mark FROM judgements j WHERE j.kind = 'event' AND j.target_id = f.uid) AS judgement, "
            "trim(f.mark || ' version') AS kind, f.claimant || ' · ' || f.outlet AS label, "
            "trim(coalesce(f.date, '') || ' · ' || f.subtype || ' · ' || "
            "coalesce(nullif(f.figures, ''), 'no figure') || ' · ' || f.words) AS detail"
        ),
        source=f"({sql}) f",
        order=(SortKey("f.claimant COLLATE NOCASE"), SortKey("f.published", nullable=True), SortKey("f.uid")),
        params=(incident_id,),
        label=label or "Incident",
    )


def entity_facts_query(entity_id: int, label: str = "") -> ListQuery:
    """Everything about one entity: events there or by it (newest first), claims it made (as a
    source), and every mention with its sentence (newest articles first)."""
    sql = f"""
        SELECT 0 AS rank, e.date AS day, e.id AS uid, 'event' AS kind, e.subtype AS label,
               {_EVENT_DETAIL} AS detail,
               e.article_id, e.evidence_start AS start, e.evidence_end AS "end",
               'event' AS link_kind, e.id AS link_id
        FROM events e WHERE e.id IN (
            SELECT event_id FROM event_places WHERE entity_id = :id
            UNION SELECT event_id FROM event_actors WHERE entity_id = :id)
        UNION ALL
        SELECT 1, a.published, c.id, 'claim', s.name, c.cue_text || ': ' || c.content_text,
               c.article_id, c.content_start, c.content_end, 'source', s.id
        FROM claims c JOIN sources s ON s.id = c.source_id JOIN articles a ON a.id = c.article_id
        WHERE s.entity_id = :id
        UNION ALL
        SELECT 2, a.published, m.id, 'mention', m.text, sentence_at(a.text, m.start, m."end"),
               m.article_id, m.start, m."end", NULL, NULL
        FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = :id
    """
    return _facts("Entity", sql, {"id": entity_id}, label)


def source_facts_query(source_id: int, label: str = "") -> ListQuery:
    """Everything a source claimed, across articles."""
    sql = """
        SELECT 0 AS rank, a.published AS day, c.id AS uid, 'claim' AS kind,
               coalesce(a.published, '') || ' ' || coalesce(a.title, a.ref) AS label,
               c.cue_text || ': ' || c.content_text AS detail,
               c.article_id, c.content_start AS start, c.content_end AS "end",
               NULL AS link_kind, NULL AS link_id
        FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.source_id = ? OR c.via_source_id = ?
    """
    return _facts("Source", sql, (source_id, source_id), label)


# --------------------------------------------------------------------------------------------
# One item


@dataclass
class ArticleSpan:
    start: int
    end: int
    kind: str  # 'place', 'person', 'organization', 'group', 'casualty', 'cue', 'claim', 'event'


@dataclass
class ArticleView:
    id: int
    ref: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    text: str
    n_events: int
    spans: list[ArticleSpan]


def article(conn: sqlite3.Connection, article_id: int) -> ArticleView | None:
    """An article with every extracted span, sorted by start."""
    row = conn.execute(
        "SELECT id, ref, title, outlet, published, url, text, n_events FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    spans: list[ArticleSpan] = []
    for s, e in conn.execute("SELECT evidence_start, evidence_end FROM events WHERE article_id = ?", (article_id,)):
        spans.append(ArticleSpan(s, e, "event"))
    for cs, ce, ks, ke in conn.execute(
        "SELECT cue_start, cue_end, content_start, content_end FROM claims WHERE article_id = ?",
        (article_id,),
    ):
        spans.append(ArticleSpan(ks, ke, "claim"))
        spans.append(ArticleSpan(cs, ce, "cue"))
    for s, e in conn.execute(
        'SELECT k.start, k."end" FROM casualties k JOIN events e ON e.id = k.event_id WHERE e.article_id = ?',
        (article_id,),
    ):
        spans.append(ArticleSpan(s, e, "casualty"))
    for s, e, kind in conn.execute(
        'SELECT m.start, m."end", n.type FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE m.article_id = ?',
        (article_id,),
    ):
        spans.append(ArticleSpan(s, e, kind))
    text = row["text"]
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    spans.sort(key=lambda s: (s.start, -s.end))
    return ArticleView(
        id=row["id"],
        ref=row["ref"],
        title=row["title"],
        outlet=row["outlet"],
        published=row["published"],
        url=row["url"],
        text=text,
        n_events=row["n_events"],
        spans=spans,
    )


def event_row(conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT id, article_id, type, subtype, date, date_end, date_precision, era, places_label, casualties_label, "
        "claimant_label, evidence_start, evidence_end, evidence_text, incident_id, judged FROM events WHERE id = ?",
        (event_id,),
    ).fetchone()
    return dict(row) if row else None


def incident_row(conn: sqlite3.Connection, incident_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT id, type, subtype, date, date_end, date_precision, era, places_label, casualties_label, "
        "sources_label, n_sources, n_articles, n_events, conflict, confidence FROM incidents WHERE id = ?",
        (incident_id,),
    ).fetchone()
    return dict(row) if row else None
