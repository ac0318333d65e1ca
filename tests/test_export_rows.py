"""Every cell of the event and incident CSV rows, against values read off the fixture articles
(tests/app_fixtures.py): what ACLED's columns take from which fact, and how a correction shows."""

from __future__ import annotations

import csv
import io
import json

import pytest

from app_fixtures import build_small_store
from store.db import open_store
from store.export import export_csv
from store.judgements import Judge

KURSK_LEAD = (
    "Ukraine's military intelligence reported on Monday that at least 30 North Korean soldiers were killed "
    "and wounded in fighting near Plekhovo on December 14 and 15."
)
MOSCOW_LEAD = (
    "Russia's defence ministry said its forces repelled an attack near Plekhovo on Saturday, "
    "and that 12 Ukrainian soldiers were killed."
)
KHARKIV_LEAD = "A Russian drone strike on Kharkiv killed three civilians overnight"
UNJUDGED = {"corrected": "", "extracted": "", "tags": "", "analyst_notes": "", "judged_by": "", "judged_at": ""}
NO_PIN = {"latitude": "", "longitude": ""}


@pytest.fixture
def db(tmp_path):
    store = open_store(build_small_store(tmp_path / "s.db", with_injection=False))
    yield store
    store.close()


def rows(db, kind: str) -> list[dict]:
    out = io.StringIO()
    export_csv(db, out, kind)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_every_cell_of_the_event_rows(db):
    plekhovo = {"iso": "643", "country": "Russia", "admin1": "Kursk", "location": "Plekhovo", **NO_PIN}
    assert rows(db, "event") == [
        {
            "event_id": "1",
            "event_date": "2024-12-14",
            "event_date_end": "2024-12-15",
            "date_precision": "days",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "North Korean soldiers",
            "actor2": "",
            **plekhovo,
            "fatalities": "0",  # killed or wounded: no fatalities
            "source": "Ukraine's military intelligence",
            "notes": KURSK_LEAD,
            "article_id": "1",
            "article_ref": "fixtures/kursk.txt",
            "url": "",
            "published": "2024-12-16",
            "confidence": "0.8",
            "incident_id": "1",
            "places": "Plekhovo",
            "casualties": "≥30 killed/wounded",
            "evidence_start": "0",
            "evidence_end": str(len(KURSK_LEAD)),
            "status": "unverified",
            **UNJUDGED,
        },
        {
            "event_id": "2",
            "event_date": "2024-12-14",
            "event_date_end": "",
            "date_precision": "day",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "",
            "actor2": "",
            **plekhovo,
            "fatalities": "12",
            "source": "Russian defence ministry",
            "notes": MOSCOW_LEAD,
            "article_id": "2",
            "article_ref": "fixtures/kursk-other.txt",
            "url": "",
            "published": "2024-12-15",
            "confidence": "0.7",
            "incident_id": "1",
            "places": "Plekhovo",
            "casualties": "12 killed",
            "evidence_start": "0",
            "evidence_end": str(len(MOSCOW_LEAD)),
            "status": "unverified",
            **UNJUDGED,
        },
        {
            "event_id": "3",
            "event_date": "2024-12-20",
            "event_date_end": "",
            "date_precision": "day",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "actor1": "",
            "actor2": "",
            "iso": "804",
            "country": "Ukraine",
            "admin1": "",
            "location": "Kharkiv",
            **NO_PIN,
            "fatalities": "3",
            "source": "Oleh Syniehubov",
            "notes": KHARKIV_LEAD,
            "article_id": "3",
            "article_ref": "fixtures/kharkiv.txt",
            "url": "",
            "published": "2024-12-21",
            "confidence": "0.9",
            "incident_id": "2",
            "places": "Kharkiv",
            "casualties": "3 killed",
            "evidence_start": "0",
            "evidence_end": str(len(KHARKIV_LEAD)),
            "status": "unverified",
            **UNJUDGED,
        },
    ]


def test_every_cell_of_the_incident_rows(db):
    assert rows(db, "incident") == [
        {
            "incident_id": "1",
            "event_date": "2024-12-14",
            "event_date_end": "2024-12-15",
            "date_precision": "days",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "North Korean soldiers",
            "actor2": "",
            "iso": "643",
            "country": "Russia",
            "admin1": "Kursk",
            "location": "Plekhovo",
            **NO_PIN,
            "fatalities": "12",  # the only killed figure (the other source gives killed or wounded)
            "source": "Ukraine's military intelligence; Russian defence ministry",
            "notes": KURSK_LEAD,  # its first event's words
            "n_sources": "2",
            "n_articles": "2",
            "n_events": "2",
            "event_ids": "1;2",
            "article_ids": "1;2",
            "places": "Plekhovo",
            "casualties": "12 killed; ≥30 killed/wounded",  # an exact figure is said so, as in the event rows
            "conflict": "0",
            "confidence": "0.8",
            "status": "unverified",
            "tags": "",
            "analyst_notes": "",
            "judged_by": "",
            "judged_at": "",
        },
        {
            "incident_id": "2",
            "event_date": "2024-12-20",
            "event_date_end": "2024-12-20",
            "date_precision": "day",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "actor1": "",
            "actor2": "",
            "iso": "804",
            "country": "Ukraine",
            "admin1": "",
            "location": "Kharkiv",
            **NO_PIN,
            "fatalities": "3",
            "source": "Oleh Syniehubov",
            "notes": KHARKIV_LEAD,
            "n_sources": "1",
            "n_articles": "1",
            "n_events": "1",
            "event_ids": "3",
            "article_ids": "3",
            "places": "Kharkiv",
            "casualties": "3 killed",
            "conflict": "0",
            "confidence": "0.9",
            "status": "unverified",
            "tags": "",
            "analyst_notes": "",
            "judged_by": "",
            "judged_at": "",
        },
    ]


def test_an_analysts_corrections_and_notes_fill_their_cells(db):
    judge = Judge(db.conn, "alice")
    with db.conn:
        judge.correct_event(2, place="Kharkiv", killed=5)
        judge.note("event", 2, "checked against the map")
        judge.note("event", 2, "second look")
        judge.tag("event", 2, "kursk")
        judge.tag("event", 2, "north-korea")
        judge.set_status("event", 2, "verified")
    row = rows(db, "event")[1]
    # the corrected place lends the known place's country and region; the figure of killed is the analyst's
    assert (row["location"], row["country"], row["admin1"], row["fatalities"]) == ("Kharkiv", "Ukraine", "", "5")
    assert json.loads(row["corrected"]) == {"place": "Kharkiv", "killed": 5}
    assert json.loads(row["extracted"]) == {"place": "Plekhovo", "killed": 12}
    assert (row["tags"], row["analyst_notes"], row["judged_by"]) == (
        "kursk; north-korea",
        "checked against the map\nsecond look",
        "alice",
    )
    assert row["judged_at"].startswith("20") and row["status"] == "verified"
    others = rows(db, "event")
    assert others[0]["judged_by"] == "" and others[0]["location"] == "Plekhovo"
    assert [r["event_id"] for r in rows(db, "event") if r["status"] == "verified"] == ["2"]


def jsonl(db, kind: str = "all", verified_only: bool = False) -> tuple[int, list[dict]]:
    from store.export import export_jsonl

    out = io.StringIO()
    n = export_jsonl(db, out, kind, verified_only)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(records)
    return n, records


def test_jsonl_all_writes_every_kind_and_the_judgements_whose_fact_is_gone(db):
    judge = Judge(db.conn, "alice")
    with db.conn:
        judge.delete_event(3, reason="not a drone")
    n, records = jsonl(db)
    kinds = [r["kind"] for r in records]
    assert kinds.count("event") == 2 and kinds.count("incident") == 1 and kinds.count("article") == 3
    [gone] = [r for r in records if r["kind"] not in ("article", "entity", "source", "claim", "event", "incident")]
    assert gone["state"] == "deleted" and gone["span"]["text"] == KHARKIV_LEAD
    # one kind alone: no judgements of facts that are gone, and nothing else
    n_events, events = jsonl(db, "event")
    assert n_events == 2 and {r["kind"] for r in events} == {"event"}
    assert "Kharkiv" not in json.dumps(events, ensure_ascii=False)


def test_jsonl_verified_only_keeps_what_the_analyst_verified_and_what_it_refers_to(db):
    judge = Judge(db.conn, "alice")
    with db.conn:
        judge.set_status("event", 2, "verified")
    _, events = jsonl(db, "event", verified_only=True)
    assert [r["id"] for r in events] == [2]
    _, records = jsonl(db, "all", verified_only=True)
    by_kind: dict[str, list] = {}
    for r in records:
        by_kind.setdefault(r["kind"], []).append(r)
    assert [r["id"] for r in by_kind["event"]] == [2]
    assert [r["id"] for r in by_kind["incident"]] == [1]  # the incident of a verified event
    assert [r["id"] for r in by_kind["article"]] == [2]  # the article it came from
    assert [r["name"] for r in by_kind["entity"]] == ["Plekhovo"]  # its place
    assert "claim" not in by_kind  # no claim was verified
    assert jsonl(db, "event", verified_only=False)[0] == 3


ODESA = (
    "Russian forces and Wagner fighters shelled the port of Izmail in Odesa Oblast on Sunday, killing up to "
    "five dock workers. A fire broke out elsewhere overnight."
)


@pytest.fixture
def db_odesa(tmp_path):
    """One article: an event with two actors, a town and its region (both with coordinates), and a
    toll with no lower bound; and an event with no place at all."""
    from app_fixtures import span
    from extract.model import Actor, Casualty, Entity, Event, Extraction, PlaceRef
    from store.readers import RawArticle
    from store.writer import write_article

    t = ODESA
    izmail = Entity(
        "izmail", "place", "Izmail", [span(t, "Izmail")], country="UA", admin1="Odesa", lat=45.35, lon=28.84
    )
    oblast = Entity("odesa", "place", "Odesa Oblast", [span(t, "Odesa Oblast")], country="UA", admin1="Odesa Oblast")
    shelling = Event(
        "e1",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        span(t, t.split(". ")[0] + "."),
        date="2024-08-04",
        date_precision="day",
        actors=[
            Actor("Russian forces", span(t, "Russian forces")),
            Actor("Wagner fighters", span(t, "Wagner fighters")),
        ],
        places=[
            PlaceRef("odesa", "Odesa Oblast", span(t, "Odesa Oblast")),
            PlaceRef("izmail", "Izmail", span(t, "Izmail")),
        ],
        casualties=[Casualty("killed", None, 5, "up to", "dock workers", span(t, "killing up to five dock workers"))],
        confidence=0.9,
    )
    fire = Event(
        "e2",
        "Strategic developments",
        "Looting/property destruction",
        span(t, "A fire broke out elsewhere overnight."),
        date="2024-08-04",
        date_precision="day",
        confidence=0.6,
    )
    store = open_store(tmp_path / "o.db")
    with store:
        write_article(
            store,
            RawArticle(
                "odesa.txt", t, title="Izmail port shelled", url="https://example.org/izmail", published="2024-08-05"
            ),
            Extraction([izmail, oblast], [], [], [shelling, fire]),
        )
    yield store
    store.close()


def test_acled_columns_take_the_most_specific_place_both_actors_and_the_conservative_toll(db_odesa):
    shelling, fire = rows(db_odesa, "event")
    assert (shelling["actor1"], shelling["actor2"]) == ("Russian forces", "Wagner fighters")
    # the town before its region, with its coordinates; "up to five" killed: no fatalities sure
    assert (shelling["location"], shelling["admin1"], shelling["country"]) == ("Izmail", "Odesa", "Ukraine")
    assert (shelling["latitude"], shelling["longitude"]) == ("45.35", "28.84")
    assert shelling["fatalities"] == "0"
    assert (shelling["source"], shelling["url"], shelling["article_ref"]) == (
        "",
        "https://example.org/izmail",
        "odesa.txt",
    )
    # no place: every place column empty, no crash
    assert [fire[c] for c in ("location", "admin1", "iso", "country", "latitude", "longitude")] == [""] * 6
    assert (fire["actor1"], fire["fatalities"]) == ("", "0")
    incidents = rows(db_odesa, "incident")
    by_subtype = {r["sub_event_type"]: r for r in incidents}
    row = by_subtype["Shelling/artillery/missile attack"]
    assert (row["actor1"], row["actor2"], row["location"], row["latitude"]) == (
        "Russian forces",
        "Wagner fighters",
        "Izmail",
        "45.35",
    )
    fire_row = by_subtype["Looting/property destruction"]
    assert [fire_row[c] for c in ("location", "admin1", "iso", "country", "actor1", "actor2")] == [""] * 6


def test_an_incident_record_names_each_source_and_its_figures(db):
    _, records = jsonl(db, "incident")
    first = records[0]
    assert [(s["name"], s["role"]) for s in first["sources"]] == [
        ("Ukraine's military intelligence", "claimant"),
        ("Russian defence ministry", "claimant"),
    ]
    assert all(isinstance(s["source_id"], int) for s in first["sources"])
    killed = next(c for c in first["casualties"] if c["kind"] == "killed")
    assert [(v["name"], v["min"], v["max"]) for v in killed["by_source"]] == [("Russian defence ministry", 12, 12)]
    assert (first["event_ids"], first["article_ids"], first["n_sources"], first["fatalities"]) == (
        [1, 2],
        [1, 2],
        2,
        12,
    )
