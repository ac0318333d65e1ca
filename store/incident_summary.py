"""An incident's display fields: its independent sources (voices), each source's figures and the
range across them, its dates, places and labels, recomputed from its events when it is marked
stale (store/incidents.py marks them)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from extract.model import CASUALTY_WORDS, SUBTYPE_TO_TYPE
from extract.victims import UNKNOWN, Victims, may_be_the_same, victims_of
from store.incident_match import CASUALTY_ORDER, PRECISION_RANK, event_key, make_place
from store.keys import merge_key

# SQL: the host of an article's URL ("https://www.bbc.co.uk/news/x" -> "bbc.co.uk"), where an article
# with no outlet named comes from (its title would read as an outlet): its name as a source here, its
# outlet in the incident view (store/queries.py)
_AFTER_SCHEME = "substr(a.url, instr(a.url, '://') + 3)"
URL_HOST = (
    f"CASE WHEN instr(a.url, '://') > 0 THEN replace(CASE WHEN instr({_AFTER_SCHEME}, '/') > 0 "
    f"THEN substr({_AFTER_SCHEME}, 1, instr({_AFTER_SCHEME}, '/') - 1) ELSE {_AFTER_SCHEME} END, 'www.', '') END"
)


def url_host(url: str | None) -> str | None:
    """``URL_HOST`` in Python (the same answer for every URL): summaries work it out only for the
    articles that need it, rather than in SQL for every event (a twelfth of their time)."""
    if not url:
        return None
    scheme = url.find("://")
    if scheme < 0:
        return None
    rest = url[scheme + 3 :]
    slash = rest.find("/")
    return (rest[:slash] if slash >= 0 else rest).replace("www.", "")


@dataclass
class Voice:
    """One independent source of an incident: a claimant, or an outlet speaking for itself."""

    key: str
    name: str
    source_id: int | None
    role: str  # 'claimant', 'outlet', 'article'
    figures: dict[str, list[int | None]] = field(default_factory=dict)  # kind -> [min, max]
    victims: dict[str, Victims] = field(default_factory=dict)  # kind -> whom its figures count
    event_ids: list[int] = field(default_factory=list)


@dataclass
class Summary:
    incident_id: int
    type: str
    subtype: str
    date: str | None
    date_end: str | None
    date_precision: str | None
    event_ids: list[int]
    article_ids: list[int]
    copies: list[list[int]]
    voices: list[Voice]
    places: list[tuple[int, str]]
    casualties: list[dict]
    confidence: float
    conflict: bool
    actors: list[str]
    key: str
    era: str | None = None  # 'history' or 'later' when every event is

    @property
    def fatalities(self) -> int:
        killed = next((c for c in self.casualties if c["kind"] == "killed"), None)
        return killed["min"] if killed and killed["min"] is not None else 0


def _figure_label(kind: str, low: int | None, high: int | None, exact: bool, top: int | None = None) -> str:
    """'5–7 killed', '2 killed', '≥30 killed/wounded'; '3–10+ wounded' when the highest figure
    (``top``) is only a lower bound."""
    word = CASUALTY_WORDS.get(kind, kind)
    if low is None and high is None:
        return word
    if high is None:
        return f"{low}–{top}+ {word}" if top is not None and low is not None and top > low else f"≥{low} {word}"
    if low is None:
        return f"≤{high} {word}"
    if low == high:
        return f"{low} {word}" if exact else f"≥{low} {word}"
    return f"{low}–{high} {word}"


# an event whose place the analyst gave (corrected, or an event added): its places_label, not the
# places extraction found, is where it happened
_PLACED_BY_ANALYST = "(e.places_label != '' AND (e.judged = 'added' OR instr(coalesce(e.judged, ''), 'place') > 0))"


def analysts_place(conn, name: str) -> tuple:
    """The analyst's place as (entity id, name, country, admin1, lat, lon): a known place of that name
    lends its id, country, region and coordinates."""
    row = conn.execute(
        "SELECT id, country, admin1, lat, lon FROM entities WHERE type = 'place' AND merge_key = ? ORDER BY id LIMIT 1",
        (merge_key(name),),
    ).fetchone()
    return (row[0], name, *row[1:]) if row else (None, name, None, None, None, None)


def summarize(conn, incident_id: int) -> Summary | None:
    """Everything shown and exported about one incident, from its events."""
    return summarize_many(conn, [incident_id]).get(incident_id)


def summarize_many(conn, incident_ids: list[int], only_events: str = "") -> dict[int, Summary]:
    """``summarize`` for several incidents, reading each table once for all of them. ``only_events``:
    a SELECT of event ids; the incidents are summarized from those of their events only (an export
    that holds some of their events, store/verified.py)."""
    if not incident_ids:
        return {}
    marks = ",".join("?" * len(incident_ids))
    kept = f" AND e.id IN ({only_events})" if only_events else ""
    by_incident: dict[int, list[tuple]] = {}
    for row in conn.execute(
        "SELECT e.incident_id, e.id, e.article_id, e.subtype, e.date, e.date_end, e.date_precision, e.confidence, "
        "a.outlet, a.url, a.ref, coalesce(k.copy_of, a.id), a.hash, e.evidence_start, e.evidence_end, e.era "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN article_sketches k ON k.article_id = e.article_id "
        f"WHERE e.incident_id IN ({marks}){kept} ORDER BY e.incident_id, e.id",
        incident_ids,
    ):
        by_incident.setdefault(row[0], []).append(row[1:])
    events_of = f"SELECT id FROM events e WHERE incident_id IN ({marks}){kept}"
    claimants: dict[int, list[tuple[int, str, str, str]]] = {}
    for event_id, source_id, name, key, source_type in conn.execute(
        "SELECT ce.event_id, s.id, s.name, s.merge_key, s.type FROM claim_events ce "
        "JOIN claims c ON c.id = ce.claim_id JOIN sources s ON s.id = c.source_id "
        f"WHERE ce.event_id IN ({events_of}) ORDER BY ce.event_id, c.id",
        incident_ids,
    ):
        claimants.setdefault(event_id, []).append((source_id, name, key, source_type))
    figures: dict[int, list[tuple[str, int | None, int | None, str, str | None]]] = {}
    for event_id, kind, low, high, qualifier, who in conn.execute(
        f"SELECT event_id, kind, min, max, qualifier, who FROM casualties WHERE event_id IN ({events_of}) ORDER BY id",
        incident_ids,
    ):
        figures.setdefault(event_id, []).append((kind, low, high, qualifier, who))
    places: dict[int, list[tuple]] = {}
    for row in conn.execute(
        "SELECT e.incident_id, ep.entity_id, n.name, n.country, n.admin1, n.lat, n.lon, count(*), min(ep.event_id), "
        "min(ep.rowid) "
        "FROM event_places ep JOIN events e ON e.id = ep.event_id JOIN entities n ON n.id = ep.entity_id "
        f"WHERE e.incident_id IN ({marks}){kept} AND NOT {_PLACED_BY_ANALYST} GROUP BY e.incident_id, ep.entity_id",
        incident_ids,
    ):
        places.setdefault(row[0], []).append(row[1:])
    for incident_id, event_id, name in conn.execute(
        f"SELECT e.incident_id, e.id, e.places_label FROM events e WHERE e.incident_id IN ({marks}){kept} "
        f"AND {_PLACED_BY_ANALYST} ORDER BY e.id",
        incident_ids,
    ):
        places.setdefault(incident_id, []).append((*analysts_place(conn, name), 1, event_id, 0))
    actors: dict[int, list[str]] = {}
    for incident_id, name in conn.execute(
        "SELECT e.incident_id, a.name FROM event_actors a JOIN events e ON e.id = a.event_id "
        f"WHERE e.incident_id IN ({marks}){kept} GROUP BY e.incident_id, a.name ORDER BY e.incident_id, min(a.rowid)",
        incident_ids,
    ):
        actors.setdefault(incident_id, []).append(name)
    outlet_ids: dict[str, int | None] = {}
    return {
        incident_id: _summary(
            conn,
            incident_id,
            rows,
            claimants,
            figures,
            places.get(incident_id, []),
            actors.get(incident_id, []),
            outlet_ids,
        )
        for incident_id, rows in by_incident.items()
    }


def _summary(
    conn,
    incident_id: int,
    rows: list[tuple],
    claimants: dict,
    figures: dict,
    place_rows: list[tuple],
    actors: list[str],
    outlet_ids: dict[str, int | None],
) -> Summary:
    event_ids = [r[0] for r in rows]
    # copies: articles of one group of reprints present here
    groups: dict[int, list[int]] = {}
    for row in rows:
        members = groups.setdefault(row[10], [])
        if row[1] not in members:
            members.append(row[1])
    voices: dict[str, Voice] = {}

    def voice(key: str, name: str, source_id: int | None, role: str) -> Voice:
        found = voices.get(key)
        if found is None:
            found = voices[key] = Voice(key, name, source_id, role)
        return found

    exact_kinds: set[str] = set()
    article_meta = {r[1]: (r[7], r[8], r[9]) for r in rows}
    group_first: dict[int, int] = {g: min(m) for g, m in groups.items()}
    for event_id, _article, _subtype, _date, _date_end, _precision, _confidence, outlet, _url, ref, group, *_ in rows:
        speaking: list[Voice] = []
        for source_id, name, key, source_type in claimants.get(event_id, []):
            if source_type == "anonymous":  # "officials", "residents": the article's, not a shared one
                speaking.append(voice(f"anonymous:{group}:{key}", f"{name} ({outlet or ref})", source_id, "claimant"))
            else:
                speaking.append(voice(f"source:{key}", name, source_id, "claimant"))
        if not speaking:
            # a reprint speaks with the first article of its group
            outlet, url, ref = article_meta[group_first[group]]
            if outlet:
                key = merge_key(outlet)
                if key not in outlet_ids:
                    found = conn.execute("SELECT id FROM sources WHERE merge_key = ?", (key,)).fetchone()
                    outlet_ids[key] = found[0] if found else None
                speaking.append(voice(f"source:{key}", outlet, outlet_ids[key], "outlet"))
            else:
                # an article with neither outlet nor claimant: named by where it comes from, not by its title
                speaking.append(voice(f"article:{group}", url_host(url) or ref, None, "article"))
        for v in speaking:
            v.event_ids.append(event_id)
        owner = speaking[0]
        for kind, low, high, qualifier, who in figures.get(event_id, []):
            if low is None and high is None:
                continue
            if qualifier in ("exact", "range"):
                exact_kinds.add(kind)
            victims = victims_of(who)
            # a source's figures of one kind that count different people ("4 workers", "2 soldiers")
            # count no group in particular
            known = owner.victims.setdefault(kind, victims)
            if known != victims:
                owner.victims[kind] = UNKNOWN
            mine = owner.figures.setdefault(kind, [None, None])
            if low is not None:
                mine[0] = low if mine[0] is None else max(mine[0], low)
            top = high if high is not None else (low if qualifier == "exact" else None)
            if top is not None:
                mine[1] = top if mine[1] is None else max(mine[1], top)
    for each in voices.values():
        for mine in each.figures.values():
            if mine[0] is not None and mine[1] is not None and mine[1] < mine[0]:
                # "at least six killed" and "killing two soldiers": the two are some of the six, no top
                mine[1] = None
    ordered_voices = sorted(voices.values(), key=lambda v: (min(v.event_ids), v.key))

    casualties = []
    conflict = False
    for kind in CASUALTY_ORDER:
        by_source = [(v, v.figures[kind]) for v in ordered_voices if kind in v.figures]
        if not by_source:
            continue
        lows = [f[0] if f[0] is not None else f[1] for _, f in by_source]
        highs = [f[1] if f[1] is not None else f[0] for _, f in by_source]
        low, high = min(x for x in lows if x is not None), max(x for x in highs if x is not None)
        open_ended = any(f[1] is None for _, f in by_source)
        # the highest figure only a lower bound ("3 wounded", "at least 10 wounded"): no top is known
        top_open = any(f[1] is None and f[0] is not None and f[0] >= high for _, f in by_source)
        # sources disagree when their figures cannot both be right: they may count the same people
        # ("20 insurgents" and "23 soldiers" killed do not disagree) and their ranges do not meet
        for i, (va, a) in enumerate(by_source):
            for vb, b in by_source[i + 1 :]:
                a_hi = a[1] if a[1] is not None else math.inf
                b_hi = b[1] if b[1] is not None else math.inf
                a_lo = a[0] if a[0] is not None else 0
                b_lo = b[0] if b[0] is not None else 0
                if (a_hi < b_lo or b_hi < a_lo) and may_be_the_same(va.victims[kind], vb.victims[kind]):
                    conflict = True
        casualties.append(
            {
                "kind": kind,
                "min": low,
                "max": None if top_open else high,
                "by_source": [
                    {"source_id": v.source_id, "name": v.name, "min": f[0], "max": f[1]} for v, f in by_source
                ],
                "_exact": kind in exact_kinds and not open_ended,
                "_top": high,
            }
        )

    # date: the events dated to a day or a few days give the range they span together (one source's
    # "14 December", another's "14 and 15 December": 14-15 December); else the most precise decide
    best = min(PRECISION_RANK.get(r[5], 5) for r in rows)
    best = max(best, PRECISION_RANK["days"]) if best <= PRECISION_RANK["days"] else best
    precise = [r for r in rows if PRECISION_RANK.get(r[5], 5) <= best and r[3]]
    if precise:
        date = min(r[3] for r in precise)
        date_end = max((r[4] or r[3]) for r in precise)
        precision = "days" if best <= PRECISION_RANK["days"] else precise[0][5]
        if precision == "days" and date_end == date:
            precision = "day"  # (date_end the same day, as an event dated to a day has it)
    else:
        date = date_end = precision = None
    subtype_counts = Counter(r[2] for r in rows)
    first_seen = {s: i for i, s in reversed(list(enumerate(r[2] for r in rows)))}
    subtype = max(subtype_counts, key=lambda s: (subtype_counts[s], -first_seen[s]))

    # the most precise, then the most told, then the first told (in its first event, in text order)
    ranked = sorted(place_rows, key=lambda r: (-make_place(r[:6]).level, -r[6], r[7], r[8], r[0]))
    places = [(r[0], r[1]) for r in ranked]
    first = rows[0]
    return Summary(
        incident_id=incident_id,
        type=SUBTYPE_TO_TYPE.get(subtype, "Strategic developments"),
        subtype=subtype,
        date=date,
        date_end=date_end,
        date_precision=precision,
        event_ids=event_ids,
        article_ids=sorted(a for members in groups.values() for a in members),
        copies=[sorted(m) for g, m in sorted(groups.items()) if len(m) > 1],
        voices=ordered_voices,
        places=places,
        casualties=casualties,
        confidence=max(r[6] or 0.0 for r in rows),
        conflict=conflict,
        actors=actors,
        key=event_key(first[11], first[12], first[13]),
        era=first[14] if all(r[14] for r in rows) else None,
    )


def refresh_stale(conn, batch: int = 400) -> int:
    """Recompute the display fields of every incident marked stale (an index range), a batch of
    incidents a read of each table."""
    ids = stale_ids(conn)
    for start in range(0, len(ids), batch):
        refresh_summaries(conn, ids[start : start + batch])
    return len(ids)


def stale_ids(conn) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM incidents WHERE stale ORDER BY id")]


def refresh_summaries(conn, ids: list[int]) -> None:
    write_summary_rows(conn, *summary_rows(conn, ids))


def summary_rows(conn, ids: list[int]) -> tuple[list[tuple], list[int]]:
    """What ``refresh_summaries`` writes for incidents ``ids``, worked out by reading the store only
    (a connection of another process may do it): the rows of its update, and the incidents with no
    event left."""
    summaries = summarize_many(conn, ids)
    rows = [
        (
            s.type,
            s.subtype,
            s.date,
            s.date_end,
            s.date_precision,
            s.confidence,
            s.fatalities,
            int(s.conflict),
            len(s.event_ids),
            len(s.article_ids),
            len(s.voices),
            places_label(s),
            casualties_label(s.casualties),
            "; ".join(v.name for v in s.voices),
            s.key,
            s.era,
            incident_id,
        )
        for incident_id, s in sorted(summaries.items())
    ]
    return rows, [incident_id for incident_id in ids if incident_id not in summaries]


def write_summary_rows(conn, rows: list[tuple], gone: list[int]) -> None:
    """Write what ``summary_rows`` worked out (the incidents must not have changed since it read them)."""
    for incident_id in gone:
        delete_incident(conn, incident_id)  # no event left
    conn.executemany(
        "UPDATE incidents SET type = ?, subtype = ?, date = ?, date_end = ?, date_precision = ?, "
        "confidence = ?, fatalities = ?, conflict = ?, n_events = ?, n_articles = ?, n_sources = ?, "
        "places_label = ?, casualties_label = ?, sources_label = ?, key = ?, era = ?, stale = 0 WHERE id = ?",
        rows,
    )


def casualties_label(casualties: list[dict]) -> str:
    return "; ".join(
        _figure_label(c["kind"], c["min"], c["max"], c.get("_exact", False), c.get("_top")) for c in casualties
    )


def places_label(summary: Summary, most: int = 3) -> str:
    names = list(dict.fromkeys(name for _, name in summary.places))
    return ", ".join(names[:most]) + (f" +{len(names) - most}" if len(names) > most else "")


def refresh_summary(conn, incident_id: int) -> None:
    refresh_summaries(conn, [incident_id])


def delete_incident(conn, incident_id: int) -> None:
    conn.execute("DELETE FROM incident_keys WHERE incident_id = ?", (incident_id,))
    conn.execute("DELETE FROM incident_places WHERE incident_id = ?", (incident_id,))
    conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
