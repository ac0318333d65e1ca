"""Export: JSON Lines round trip against the store, CSV with ACLED's columns, GeoJSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from extract.model import TAXONOMY
from store.db import open_store
from store.export import EVENT_COLUMNS, csv_targets, export_csv, export_csv_all, export_geojson, export_jsonl
from store.writer import write_article
from store_fixtures import KURSK, kursk_article, kursk_extraction, run_sitrep


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "s.db"
    db = open_store(path)
    with db:
        write_article(db, kursk_article("a.txt"), kursk_extraction(lat=51.25))
        other = KURSK + " Later, more shelling."
        write_article(db, kursk_article("b.txt", other), kursk_extraction(other))
    yield db
    db.close()


def jsonl(db, kind="all") -> list[dict]:
    out = io.StringIO()
    export_jsonl(db, out, kind)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_jsonl_records_have_every_contract_field(store):
    records = jsonl(store)
    by_kind: dict[str, list[dict]] = {}
    for record in records:
        by_kind.setdefault(record["kind"], []).append(record)
    assert [r["kind"] for r in records] == sorted(
        (r["kind"] for r in records), key=["article", "entity", "source", "claim", "event", "incident"].index
    )
    required = {
        "article": {"kind", "id", "ref", "title", "url", "outlet", "published", "text"},
        "entity": {"kind", "id", "type", "name", "aliases", "country", "admin1", "lat", "lon", "mentions"},
        "source": {"kind", "id", "name", "type", "aliases", "reliability", "claims"},
        "claim": {"kind", "id", "article_id", "source_id", "cue", "content", "quote", "credibility", "event_ids"},
        "event": {
            "kind",
            "id",
            "article_id",
            "type",
            "subtype",
            "date",
            "date_end",
            "date_precision",
            "actors",
            "places",
            "casualties",
            "claim_ids",
            "evidence",
            "confidence",
            "incident_id",
        },
        "incident": {
            "kind",
            "id",
            "type",
            "subtype",
            "date",
            "date_end",
            "places",
            "event_ids",
            "article_ids",
            "copies",
            "sources",
            "n_sources",
            "n_articles",
            "casualties",
        },
    }
    for kind, fields in required.items():
        assert by_kind[kind], kind
        for record in by_kind[kind]:
            assert fields <= set(record), (kind, fields - set(record))
    plekhovo = next(e for e in by_kind["entity"] if e["name"] == "Plekhovo")
    assert plekhovo["aliases"] == ["Плехово"] and plekhovo["country"] == "RU" and plekhovo["admin1"] == "Kursk"
    assert set(plekhovo["mentions"][0]) == {"article_id", "start", "end", "text"}
    assert len(plekhovo["mentions"]) == 2
    intel = next(s for s in by_kind["source"] if s["type"] == "intelligence")
    assert intel["claims"] == 2 and intel["reliability"] == "F" and intel["aliases"] == ["HUR"]
    claim = by_kind["claim"][0]
    assert set(claim["cue"]) == {"start", "end", "text"} and claim["quote"] is False
    assert claim["credibility"] == "6" and claim["event_ids"] == [1] and "via_source_id" in claim
    event = by_kind["event"][0]
    assert event["type"] == "Battles" and event["subtype"] == "Armed clash" and event["date_precision"] == "days"
    assert event["casualties"] == [
        {
            "kind": "killed_or_wounded",
            "min": 30,
            "max": None,
            "qualifier": "at least",
            "who": "North Korean soldiers",
            **_span_of(KURSK, "at least 30 North Korean soldiers were killed or wounded"),
        }
    ]
    assert [p["name"] for p in event["places"]] == ["Plekhovo", "Vorozhba"]
    assert set(event["places"][0]) == {"entity_id", "name", "start", "end", "text"}
    assert set(event["actors"][0]) >= {"name", "start", "end", "text"}
    assert event["claim_ids"] == [1] and event["confidence"] == 0.8


def _span_of(text: str, needle: str) -> dict:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def test_jsonl_round_trip_matches_the_store_and_spans_are_exact(store):
    records = jsonl(store)
    articles = {r["id"]: r["text"] for r in records if r["kind"] == "article"}
    conn = store
    assert len(articles) == conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    for table, kind in (("entities", "entity"), ("sources", "source"), ("claims", "claim"), ("events", "event")):
        assert sum(r["kind"] == kind for r in records) == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    for article_id, text in articles.items():
        assert conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0] == text

    def check(article_id, span):
        assert articles[article_id][span["start"] : span["end"]] == span["text"]

    spans = 0
    for r in records:
        if r["kind"] == "entity":
            for m in r["mentions"]:
                check(m["article_id"], m)
                spans += 1
        elif r["kind"] == "claim":
            check(r["article_id"], r["cue"]), check(r["article_id"], r["content"])
            spans += 2
        elif r["kind"] == "event":
            for part in [r["evidence"], *r["places"], *r["actors"], *r["casualties"]]:
                check(r["article_id"], part)
                spans += 1
    assert spans == 2 * 16  # per article: 4 mentions, 2 claims x 2, events 5 + 3
    # the mention rows re-read from the export are the store's rows
    exported = sorted(
        (m["article_id"], m["start"], m["end"], m["text"])
        for r in records
        if r["kind"] == "entity"
        for m in r["mentions"]
    )
    assert exported == sorted(conn.execute('SELECT article_id, start, "end", text FROM mentions').fetchall())


def test_single_kind_jsonl(store):
    assert {r["kind"] for r in jsonl(store, "event")} == {"event"}
    assert len(jsonl(store, "article")) == 2


def test_event_csv_uses_acled_columns(store):
    out = io.StringIO()
    assert export_csv(store, out, "event") == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    for column in (
        "event_date",
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
    ):
        assert column in rows[0]
    first = rows[0]
    assert (first["event_date"], first["event_type"], first["sub_event_type"]) == (
        "2024-12-14",
        "Battles",
        "Armed clash",
    )
    assert (first["actor1"], first["location"], first["country"], first["admin1"]) == (
        "North Korean soldiers",
        "Plekhovo",
        "Russia",
        "Kursk",
    )
    assert first["iso"] == "643"  # ACLED's country columns: the name, and the numeric ISO 3166 code
    assert (first["latitude"], first["longitude"]) == ("51.25", "35.1")
    assert first["fatalities"] == "0"  # killed-or-wounded is not fatalities
    assert first["source"] == "Ukraine's military intelligence"
    assert first["notes"] == KURSK[: KURSK.index(" Russian troops")]
    assert all(r["event_type"] in TAXONOMY and r["sub_event_type"] in TAXONOMY[r["event_type"]] for r in rows)


def test_csv_all_writes_one_file_per_kind(store, tmp_path):
    written = export_csv_all(store, tmp_path / "out")
    assert sorted(p.name for p in written) == [
        "articles.csv",
        "claims.csv",
        "entities.csv",
        "events.csv",
        "incidents.csv",
        "sources.csv",
    ]
    with open(tmp_path / "out" / "entities.csv", newline="") as f:
        assert len(list(csv.DictReader(f))) == 4
    with open(tmp_path / "out" / "articles.csv", newline="") as f:
        texts = [r["text"] for r in csv.DictReader(f)]
    assert texts[0] == KURSK
    assert [p.name for p in csv_targets(tmp_path / "all.csv").values()] == [
        "all_articles.csv",
        "all_entities.csv",
        "all_sources.csv",
        "all_claims.csv",
        "all_events.csv",
        "all_incidents.csv",
    ]


def test_geojson_has_events_with_coordinates_only(store):
    out = io.StringIO()
    assert export_geojson(store, out) == 2  # the battle in each article: Plekhovo has coordinates
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [35.1, 51.25]}
    assert feature["properties"]["sub_event_type"] == "Armed clash"
    assert feature["properties"]["location"] == "Plekhovo"


def test_empty_store_exports(tmp_path):
    db = open_store(tmp_path / "empty.db")
    assert jsonl(db) == []
    out = io.StringIO()
    export_geojson(db, out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
    out = io.StringIO()
    export_csv(db, out, "event")
    assert out.getvalue().strip() == ",".join(EVENT_COLUMNS)


def test_export_command_to_file_and_stdout(store, tmp_path):
    path = store.execute("PRAGMA database_list").fetchone()[2]
    result = run_sitrep("export", "--db", path, "--kind", "event")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 4
    target = tmp_path / "events.geojson"
    result = run_sitrep("export", "--db", path, "--format", "geojson", "-o", str(target))
    assert result.returncode == 0 and result.stdout == ""
    assert len(json.loads(target.read_text())["features"]) == 2
    result = run_sitrep("export", "--db", path, "--format", "csv", "-o", str(tmp_path / "csvs"))
    assert result.returncode == 0 and (tmp_path / "csvs" / "events.csv").exists()
    assert run_sitrep("export", "--db", path, "--format", "csv").returncode == 2
    assert run_sitrep("export", "--db", path, "--format", "geojson", "--kind", "claim").returncode == 2


def test_exports_during_an_ingest_are_consistent_snapshots(tmp_path):
    """Each export taken while an ingest writes is whole: every fact's article is in it, counts agree."""
    import subprocess
    import time

    from store_fixtures import SITREP, make_corpus

    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, 1200)
    path = tmp_path / "s.db"
    open_store(path).close()
    writer = subprocess.Popen(
        [*SITREP, "ingest", str(corpus), "--db", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sizes = []
    try:
        while writer.poll() is None or not sizes:
            reader = open_store(path, readonly=True)
            records = jsonl(reader)
            reader.close()
            articles = {r["id"]: r for r in records if r["kind"] == "article"}
            events = [r for r in records if r["kind"] == "event"]
            assert all(e["article_id"] in articles for e in events)
            assert sum(a["n_events"] for a in articles.values()) == len(events)
            claims = {r["id"] for r in records if r["kind"] == "claim"}
            assert all(c in claims for e in events for c in e["claim_ids"])
            sizes.append(len(articles))
            time.sleep(0.05)
    finally:
        _, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert sizes == sorted(sizes)


def _one_event_row(tmp_path, text: str, places: list[tuple[str, dict]]) -> dict:
    """The CSV row of one event of ``text`` at ``places`` (a name in the text, the entity's fields)."""
    from extract.model import Entity, Event, Extraction, PlaceRef, Span
    from store.readers import RawArticle

    entities = [
        Entity(f"p{i}", "place", name, [Span.of(text, text.index(name), text.index(name) + len(name))], **fields)
        for i, (name, fields) in enumerate(places)
    ]
    event = Event(
        "v1",
        "Explosions/Remote violence",
        "Air/drone strike",
        Span.of(text, 0, len(text)),
        places=[PlaceRef(e.key, e.name, e.mentions[0]) for e in entities],
    )
    db = open_store(tmp_path / "s.db")
    with db:
        write_article(db, RawArticle(ref="a.txt", text=text), Extraction(entities, events=[event]))
    out = io.StringIO()
    export_csv(db, out, "event")
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    return row


@pytest.mark.parametrize(
    "text, places, expected",
    [
        # a continent, sea or former state left unplaced ("Europe", "Baltic") is no village: the row's
        # location, country and region are all Beijing's, not Europe's with China's country and
        # Beijing's region (an outside tester's incident rows)
        (
            "Officials in Beijing said a drone struck a tanker off Europe on Monday.",
            [("Beijing", {"country": "CN", "admin1": "Beijing", "lat": 39.9, "lon": 116.4}), ("Europe", {})],
            {"location": "Beijing", "country": "China", "admin1": "Beijing", "latitude": "39.9"},
        ),
        # Crimea's region is not "Black Sea": a region is lent only by a place of the same country
        (
            "A drone struck a ship in the Black Sea off Crimea on Monday.",
            [("Black Sea", {"admin1": "Black Sea"}), ("Crimea", {"country": "UA"})],
            {"location": "Crimea", "country": "Ukraine", "admin1": ""},
        ),
    ],
)
def test_a_rows_location_country_and_region_are_one_places(tmp_path, text, places, expected):
    row = _one_event_row(tmp_path, text, places)
    assert {c: row[c] for c in expected} == expected


def test_event_location_is_its_most_specific_place(tmp_path):
    from extract.model import Entity, Event, Extraction, PlaceRef, Span
    from store.readers import RawArticle

    text = "In Ukraine's Kharkiv oblast, Russian shelling hit Kupiansk on Monday."

    def at(word):
        return Span.of(text, text.index(word), text.index(word) + len(word))

    ukraine = Entity("p1", "place", "Ukraine", [at("Ukraine")], country="UA")
    oblast = Entity("p2", "place", "Kharkiv", [at("Kharkiv")], country="UA", admin1="Kharkiv", lat=49.99, lon=36.23)
    town = Entity("p3", "place", "Kupiansk", [at("Kupiansk")], country="UA", admin1="Kharkiv")
    event = Event(
        "v1",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        Span.of(text, 0, len(text)),
        places=[PlaceRef(e.key, e.name, e.mentions[0]) for e in (ukraine, oblast, town)],
    )
    db = open_store(tmp_path / "s.db")
    with db:
        write_article(db, RawArticle(ref="k.txt", text=text), Extraction([ukraine, oblast, town], events=[event]))
    out = io.StringIO()
    export_csv(db, out, "event")
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["location"], row["admin1"], row["country"], row["latitude"]) == ("Kupiansk", "Kharkiv", "Ukraine", "")
    out = io.StringIO()
    assert export_geojson(db, out) == 1  # pinned at the most specific place that has coordinates
    (feature,) = json.loads(out.getvalue())["features"]
    assert feature["properties"]["location"] == "Kharkiv" and feature["geometry"]["coordinates"] == [36.23, 49.99]


# --- every CSV kind and GeoJSON, value by value ----------------------------------------------------


def csv_rows(db, kind) -> list[dict]:
    out = io.StringIO()
    count = export_csv(db, out, kind)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows)
    return rows


def test_entity_source_claim_and_article_csv_rows(tmp_path):
    db = open_store(tmp_path / "s.db")
    extraction = kursk_extraction(lat=51.25)
    extraction.entities[0].aliases.append("Plechowo")
    with db:
        write_article(db, kursk_article("a.txt"), extraction)
    entity = csv_rows(db, "entity")[0]
    assert entity == {
        "id": "1",
        "type": "place",
        "name": "Plekhovo",
        "aliases": "Плехово; Plechowo",
        "country": "RU",
        "admin1": "Kursk",
        "lat": "51.25",
        "lon": "35.1",
        "mentions": "1",
        "events": "1",
    }
    source = csv_rows(db, "source")[0]
    unjudged = {"tags": "", "analyst_notes": "", "judged_by": "", "judged_at": ""}  # (the analyst's columns)
    assert source == {
        "id": "1",
        "name": "Ukraine's military intelligence",
        "type": "intelligence",
        "aliases": "HUR",
        "reliability": "F",
        "claims": "1",
        "relayed": "0",
        "entity_id": "",
        **unjudged,
    }
    claim = csv_rows(db, "claim")[0]
    cue, content = KURSK.index("reported"), KURSK.index("that at least")
    assert claim == {
        "id": "1",
        "article_id": "1",
        "source_id": "1",
        "source": "Ukraine's military intelligence",
        "via_source_id": "",
        "cue": "reported",
        "content": "that at least 30 North Korean soldiers were killed or wounded near Plekhovo and Vorozhba "
        "in Russia's Kursk region on December 14 and 15.",
        "quote": "0",
        "credibility": "6",
        "event_ids": "1",
        "cue_start": str(cue),
        "cue_end": str(cue + 8),
        "content_start": str(content),
        "content_end": str(KURSK.index(" Russian troops")),
        "status": "unverified",
        **unjudged,
    }
    article = csv_rows(db, "article")[0]
    assert (article["id"], article["ref"], article["title"], article["published"], article["n_events"]) == (
        "1",
        "a.txt",
        "Kursk",
        "2024-12-16",
        "2",
    )
    assert article["text"] == KURSK and len(article["hash"]) == 64
    db.close()


def test_a_claim_about_two_events_lists_both(store):
    rows = {r["id"]: r for r in csv_rows(store, "claim")}
    assert rows["2"]["event_ids"] == "2" and {r["event_ids"] for r in rows.values()} >= {"1", "2"}
    store.execute("INSERT INTO claim_events (claim_id, event_id) VALUES (1, 2)")
    assert {r["id"]: r for r in csv_rows(store, "claim")}["1"]["event_ids"] == "1;2"


def test_jsonl_counts_its_lines_and_writes_other_scripts_as_they_are(store):
    out = io.StringIO()
    count = export_jsonl(store, out)
    lines = out.getvalue().splitlines()
    kinds = [json.loads(line)["kind"] for line in lines]
    assert count == len(lines) and kinds.count("article") == 2 and kinds.count("event") == 4
    assert "Плехово" in out.getvalue() and "\\u" not in out.getvalue()


def test_geojson_features_are_points_with_their_places_fields(store):
    out = io.StringIO()
    count = export_geojson(store, out)
    collection = json.loads(out.getvalue())
    assert count == len(collection["features"]) == 2  # the battle of each article, at Plekhovo
    feature = collection["features"][0]
    assert feature["type"] == "Feature" and feature["geometry"] == {"type": "Point", "coordinates": [35.1, 51.25]}
    assert feature["id"] == feature["properties"]["event_id"] == 1
    props = feature["properties"]
    assert (props["location"], props["country"], props["iso"], props["admin1"]) == ("Plekhovo", "Russia", 643, "Kursk")
    assert "latitude" not in props and "longitude" not in props


def test_csv_all_makes_missing_folders_writes_utf8_and_can_write_again(store, tmp_path):
    target = tmp_path / "deep" / "er" / "tables"
    written = export_csv_all(store, target)
    assert [p.name for p in written][:5] == ["articles.csv", "entities.csv", "sources.csv", "claims.csv", "events.csv"]
    assert "Плехово" in (target / "entities.csv").read_bytes().decode("utf-8")
    assert b"\r\n" not in (target / "claims.csv").read_bytes()
    assert export_csv_all(store, target) == written  # the folder exists now: written over


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text(tmp_path):
    """Article text is data: "=HYPERLINK(...)" in a headline must not become a live formula when an
    analyst opens the CSV. JSON Lines keeps every text exactly; numbers (a negative longitude) stay."""
    from extract.model import Entity, Event, Extraction, PlaceRef, Span
    from store.readers import RawArticle

    text = '=HYPERLINK("http://example.invalid","x") Drones hit Tomar on Monday.'
    at = Span.of(text, text.index("Tomar"), text.index("Tomar") + 5)
    tomar = Entity("p1", "place", "Tomar", [at], country="PT", admin1="Santarém", lat=39.6, lon=-8.41)
    event = Event("v1", "Explosions/Remote violence", "Air/drone strike", Span.of(text, 0, len(text)))
    event.places = [PlaceRef(tomar.key, tomar.name, at)]
    db = open_store(tmp_path / "s.db")
    with db:
        article = RawArticle(ref="k.txt", text=text, title="=1+2", outlet="@SUM(A1)")
        write_article(db, article, Extraction([tomar], events=[event]))
    (art,) = csv_rows(db, "article")
    assert (art["title"], art["outlet"], art["text"]) == ("'=1+2", "'@SUM(A1)", "'" + text)
    (ev,) = csv_rows(db, "event")
    assert ev["notes"] == "'" + text and ev["longitude"] == "-8.41"
    (record,) = [r for r in jsonl(db) if r["kind"] == "article"]
    assert (record["title"], record["outlet"], record["text"]) == ("=1+2", "@SUM(A1)", text)


def test_incidents_are_summarised_in_batches_and_written_as_one_by_one(tmp_path, monkeypatch):
    # the export worked each incident's summary out with reads of its own (five an incident, 210 ms
    # for the 491 incidents of ukraine-war-news.jsonl; 48 ms in batches)
    from incident_fixtures import KHARKIV, Report, Story, write

    from store import export

    db = open_store(tmp_path / "i.db")
    write(
        db,
        *(
            Story(f"s{n}", [Report("Air/drone strike", KHARKIV, f"2024-{n + 1:02d}-10", killed=n + 1, claimant=who)])
            for n in range(12)
            for who in ("the governor", "the mayor")
        ),
    )
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    records = jsonl(db, "incident")
    db.set_trace_callback(None)
    assert [r["n_sources"] for r in records] == [2] * 12
    assert len(statements) < 12  # one read of each table for the batch, not some for each incident
    monkeypatch.setattr(export, "SUMMARY_BATCH", 5)
    assert jsonl(db, "incident") == records
    monkeypatch.setattr(export, "SUMMARY_BATCH", 1)
    assert jsonl(db, "incident") == records
    db.close()
