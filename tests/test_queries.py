"""The browser's read-only queries: keyset paging is exact, filters filter, details are whole."""

from __future__ import annotations

import sqlite3

import pytest

from app_fixtures import KHARKIV, KURSK, build_small_store
from store import queries
from store.db import open_store
from store.queries import EventFilter


@pytest.fixture
def small(tmp_path):
    return str(build_small_store(tmp_path / "small.db"))


@pytest.fixture
def conn(small):
    connection = queries.connect_readonly(small)
    yield connection
    connection.close()


def paging_date(i: int) -> str | None:
    return None if i % 7 == 0 else f"2024-01-{1 + i % 5:02d}"  # many ties, some NULLs


@pytest.fixture
def paging_store(tmp_path):
    """300 events and articles (ids 1-300) with NULL dates and ties mixed in, to test keyset edges."""
    path = tmp_path / "paging.db"
    db = open_store(path)
    c = db
    with c:
        for i in range(1, 301):
            date = paging_date(i)
            c.execute(
                "INSERT INTO articles (id, ref, text, hash, ingested_at, published) VALUES (?, ?, ?, ?, '', ?)",
                (i, f"a{i}", f"text {i}", f"h{i}", date),
            )
            c.execute(
                "INSERT INTO events (id, article_id, type, subtype, date, confidence, evidence_start, "
                "evidence_end, evidence_text) VALUES (?, ?, 'Battles', 'Armed clash', ?, 0.5, 0, 4, 'text')",
                (i, i, date),
            )
    c.close()
    return str(path)


def walk(conn, query, page_size):
    rows, after = [], None
    while True:
        page = queries.page_after(conn, query, after, page_size)
        if not page.rows:
            return rows
        rows += [r["id"] for r in page.rows]
        after = page.keys[-1]


def newest_first() -> list[int]:
    """Dated rows newest first, then the undated; ties by id, highest first (sorted in Python,
    not by the query's own ORDER BY)."""
    dated = sorted((i for i in range(1, 301) if paging_date(i)), key=lambda i: (paging_date(i), i), reverse=True)
    return dated + sorted((i for i in range(1, 301) if not paging_date(i)), reverse=True)


def oldest_first() -> list[int]:
    """The undated first (SQLite's NULLs ascending), then oldest first; ties by id, lowest first."""
    return list(reversed(newest_first()))


@pytest.mark.parametrize(
    "make, expected",
    [
        (queries.articles_query, newest_first),
        (lambda: queries.events_query(True), newest_first),
        (lambda: queries.events_query(False), oldest_first),
    ],
)
@pytest.mark.parametrize("page_size", [1, 7, 100, 1000])
def test_keyset_walk_matches_a_sorted_list(paging_store, make, expected, page_size):
    conn = queries.connect_readonly(paging_store)
    query = make()
    assert len(expected()) == 300 and newest_first()[:3] == [299, 289, 284] and newest_first()[-1] == 7
    assert walk(conn, query, page_size) == expected()
    assert queries.count(conn, query) == 300


def test_anchor_then_page_reads_from_any_row(paging_store):
    conn = queries.connect_readonly(paging_store)
    query = queries.events_query(True)
    expected = newest_first()
    for index in (0, 1, 41, 150, 299):
        anchor = queries.anchor_at(conn, query, index)
        page = queries.page_after(conn, query, anchor, 5)
        assert [r["id"] for r in page.rows] == expected[index : index + 5]
    assert [r["id"] for r in queries.last_rows(conn, query, 3).rows] == expected[-3:]


def test_readonly_connection_cannot_write(conn):
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")


def test_filters_narrow_events(conn):
    base = queries.events_query()
    assert queries.count(conn, base) == 3

    def ids(flt):
        return [r["id"] for r in walk_rows(conn, queries.filter_events(base, flt))]

    def subtypes(flt):
        return sorted(r["subtype"] for r in walk_rows(conn, queries.filter_events(base, flt)))

    assert subtypes(EventFilter(subtype="Armed clash")) == ["Armed clash", "Armed clash"]
    assert subtypes(EventFilter(subtype="Explosions/Remote violence")) == ["Air/drone strike"]
    assert subtypes(EventFilter(place="kharK")) == ["Air/drone strike"]
    assert subtypes(EventFilter(date_from="2024-12-15")) == ["Air/drone strike", "Armed clash"]  # 14-15 overlaps
    assert subtypes(EventFilter(date_to="2024-12-14")) == ["Armed clash", "Armed clash"]
    assert len(ids(EventFilter(source="defence ministry"))) == 1
    assert ids(EventFilter(place="100%_")) == []  # LIKE wildcards in input are literal
    label = queries.filter_events(base, EventFilter(subtype="Armed clash", place="Plekhovo")).label
    assert label == "Events · Armed clash, at Plekhovo"


def walk_rows(conn, query):
    return queries.page_after(conn, query, None, 1000).rows


def test_article_has_every_span_in_order_and_on_the_text(conn):
    row = conn.execute("SELECT id FROM articles WHERE ref = 'fixtures/kursk.txt'").fetchone()
    article = queries.article(conn, row["id"])
    assert article.text == KURSK
    kinds = {s.kind for s in article.spans}
    assert {"event", "claim", "cue", "place", "group", "casualty"} <= kinds
    assert [s.start for s in article.spans] == sorted(s.start for s in article.spans)
    place = next(s for s in article.spans if s.kind == "place")
    assert KURSK[place.start : place.end] in {"Plekhovo", "Kursk", "Kyiv"}
    assert queries.article(conn, 999) is None


def test_event_facts_show_claims_sources_and_figures_side_by_side(conn):
    event = conn.execute("SELECT id FROM events WHERE casualties_label LIKE '≥30%'").fetchone()
    rows = walk_rows(conn, queries.event_facts_query(event["id"]))
    claims = [r for r in rows if r["kind"] == "claim"]
    assert [r["label"] for r in claims] == ["Ukraine's military intelligence"]
    assert claims[0]["link_kind"] == "source"
    figures = {r["label"]: r["detail"] for r in rows if r["kind"] == "figure"}
    assert list(figures) == ["Russian defence ministry"]  # the other event of the incident
    assert figures["Russian defence ministry"].startswith("12 killed")
    casualty = next(r for r in rows if r["kind"] == "casualty")
    assert casualty["detail"] == "≥30 killed/wounded"  # worded as in the Events pane
    side_by_side = [r for r in rows if r["kind"] == "figures"]
    assert rows[1]["kind"] == "incident" and rows[1]["link_kind"] == "incident"  # its incident, one key away
    assert rows[1]["detail"].startswith("2 sources, 2 articles")
    assert len(side_by_side) == 1 and rows[2] is side_by_side[0]  # right under the evidence
    # who gives which figure, side by side
    assert side_by_side[0]["label"] == (
        "Ukraine's military intelligence: ≥30 killed/wounded · Russian defence ministry: 12 killed"
    )


def test_one_figure_is_not_a_comparison(conn):
    event = conn.execute("SELECT id FROM events WHERE subtype = 'Air/drone strike'").fetchone()
    rows = walk_rows(conn, queries.event_facts_query(event["id"]))
    assert [r for r in rows if r["kind"] in ("figures", "figure")] == []
    assert rows[0]["kind"] == "evidence"


def test_entity_facts_place_events_and_person_claims(conn):
    plekhovo = conn.execute("SELECT id FROM entities WHERE name = 'Plekhovo'").fetchone()["id"]
    rows = walk_rows(conn, queries.entity_facts_query(plekhovo))
    assert sum(r["kind"] == "event" for r in rows) == 2
    assert sum(r["kind"] == "mention" for r in rows) == 2
    person = conn.execute("SELECT id FROM entities WHERE name = 'Oleh Syniehubov'").fetchone()["id"]
    rows = walk_rows(conn, queries.entity_facts_query(person))
    claims = [r for r in rows if r["kind"] == "claim"]
    assert len(claims) == 2
    text = KHARKIV
    assert {text[r["start"] : r["end"]] for r in claims} == {
        "A Russian drone strike on Kharkiv killed three civilians overnight",
        "Two houses were destroyed,",
    }


def test_source_facts_list_everything_it_claimed(conn):
    source = conn.execute("SELECT id FROM sources WHERE name = ?", ("Ukraine's military intelligence",)).fetchone()
    rows = walk_rows(conn, queries.source_facts_query(source["id"]))
    assert len(rows) == 2
    assert len({r["article_id"] for r in rows}) == 2


def test_data_version_changes_when_another_connection_commits(small, conn):
    before = queries.data_version(conn)
    db = open_store(small)
    with db:
        db.execute("INSERT INTO articles (ref, text, hash, ingested_at) VALUES ('x', 'x', 'x', '')")
    assert queries.data_version(conn) != before


def test_each_list_says_what_it_is(conn):
    assert (queries.articles_query().kind, queries.articles_query().label) == ("articles", "Articles")
    assert (queries.events_query().kind, queries.events_query(False).label) == ("events", "Events")
    assert (queries.sources_query().kind, queries.sources_query().label) == ("sources", "Sources")
    assert queries.article_facts_query(1).kind == queries.event_facts_query(1).kind == "facts"
    assert (
        queries.event_facts_query(1).label == "Event" and queries.event_facts_query(1, "Event · x").label == "Event · x"
    )
    assert queries.entity_facts_query(1).label == "Entity" and queries.source_facts_query(1).label == "Source"
    assert queries.entity_facts_query(1, "Place · Kyiv").label == "Place · Kyiv"
    assert queries.article_facts_query(1).label == "Facts"


def test_sources_are_ranked_by_the_claims_they_make_and_relay(conn):
    rows = walk_rows(conn, queries.sources_query())
    # (claims + relayed) highest first, ties by id: 2+0 (id 1), 2+0 (id 3), 1+0 (id 2)
    assert [(r["id"], r["n_claims"], r["n_relayed"]) for r in rows] == [(1, 2, 0), (3, 2, 0), (2, 1, 0)]
    assert rows[0]["name"] == "Ukraine's military intelligence" and rows[0]["type"] == "intelligence"


def test_an_articles_facts_list_its_event_claim_figure_and_names(conn):
    rows = walk_rows(conn, queries.article_facts_query(1))
    assert [(r["kind"], r["label"]) for r in rows] == [
        ("event", "Armed clash"),
        ("claim", "Ukraine's military intelligence"),
        ("casualty", "at least 30 North Korean soldiers were killed and wounded"),
        ("group", "North Korean soldiers"),
        ("place", "Plekhovo"),
        ("place", "Kursk"),
        ("place", "Kyiv"),
    ]
    assert all(r["article_id"] == 1 for r in rows)


def test_event_row(conn):
    row = queries.event_row(conn, 1)
    assert (
        row["article_id"],
        row["subtype"],
        row["date"],
        row["date_end"],
        row["places_label"],
        row["casualties_label"],
        row["claimant_label"],
        row["evidence_start"],
    ) == (
        1,
        "Armed clash",
        "2024-12-14",
        "2024-12-15",
        "Plekhovo",
        "≥30 killed/wounded",
        "Ukraine's military intelligence",
        0,
    )
    assert row["evidence_text"].startswith("Ukraine's military intelligence reported") and row["evidence_end"] == 162
    assert queries.event_row(conn, 999) is None


def test_data_version_holds_the_highest_ids(small, conn):
    version, articles, events = queries.data_version(conn)
    assert (articles, events) == (4, 3) and isinstance(version, int)


def test_like_wildcards_typed_in_a_filter_are_literal(conn):
    base = queries.events_query()
    for place in ("Plek%ovo", "Plek_ovo", "%", "_"):
        assert walk_rows(conn, queries.filter_events(base, EventFilter(place=place))) == [], place
    assert len(walk_rows(conn, queries.filter_events(base, EventFilter(place="Plekhovo")))) == 2


def test_filters_narrow_incidents(conn):
    base = queries.incidents_query()
    # incident 1: the fighting near Plekhovo (two articles, 14-15 December); 2: the Kharkiv drone strike (20 December)
    assert [r["id"] for r in walk_rows(conn, base)] == [2, 1]
    assert [r["id"] for r in walk_rows(conn, queries.incidents_query(descending=False))] == [1, 2]

    def ids(**fields):
        return [r["id"] for r in walk_rows(conn, queries.filter_incidents(base, EventFilter(**fields)))]

    assert ids() == [2, 1]
    assert ids(subtype="Armed clash") == [1]
    assert ids(subtype="Air/drone strike") == [2]
    assert ids(subtype="Battles") == [1]  # a type: its subtypes
    assert ids(subtype="Explosions/Remote violence") == [2]
    assert ids(subtype="Attack") == []
    assert ids(place="kharK") == [2]
    assert ids(place="Plekhovo") == [1]
    assert ids(place="100%_") == []  # LIKE wildcards typed in are literal
    assert ids(date_from="2024-12-15") == [2, 1]  # 14-15 December reaches the 15th
    assert ids(date_from="2024-12-16") == [2]
    assert ids(date_to="2024-12-14") == [1]
    assert ids(date_to="2024-12-13") == []
    assert ids(date_from="2024-12", date_to="2024-12") == [2, 1]
    assert ids(source="defence ministry") == [1]
    assert ids(source="Syniehubov") == [2]
    assert ids(source="nobody at all") == []
    assert ids(confidence=0.85) == [2]  # an incident's confidence: its most confident event's
    assert ids(confidence=0.8) == [2, 1]  # at or above
    assert ids(status="unverified") == [2, 1]  # never judged counts as unverified
    assert ids(status="verified") == []
    assert ids(tag="checked") == []
    label = queries.filter_incidents(base, EventFilter(subtype="Armed clash", place="Plekhovo", confidence=0.5)).label
    assert label == "Incidents · Armed clash, at Plekhovo, confidence ≥ 0.5"
    assert queries.filter_incidents(base, EventFilter()).label == "Incidents"


def test_filters_narrow_articles(conn):
    base = queries.articles_query()

    def ids(**fields):
        return [r["id"] for r in walk_rows(conn, queries.filter_articles(base, queries.ArticleFilter(**fields)))]

    # published: 1 on 2024-12-16, 2 on 12-15, 3 on 12-21, 4 on 12-01; newest first
    assert ids() == [3, 1, 2, 4]
    assert ids(date_from="2024-12-15") == [3, 1, 2]
    assert ids(date_to="2024-12-15") == [2, 4]
    assert ids(date_from="2024-12-16", date_to="2024-12-16") == [1]
    assert ids(outlet="reuters") == [3]
    assert ids(outlet="tass") == [2]
    assert ids(outlet="%") == []
    assert ids(text="Plekhovo") == [1, 2]
    assert ids(text="drone") == [3]
    assert ids(text="!!!") == []  # no word to look for: nothing
    flt = queries.ArticleFilter(date_from="2024-12-01", date_to="2024-12-31", outlet="TASS", text="attack")
    assert queries.filter_articles(base, flt).label == "Articles · 2024-12-01 to 2024-12-31, from TASS, with “attack”"
    assert queries.filter_articles(base, queries.ArticleFilter(date_from="2024-12")).label == "Articles · from 2024-12"
    assert queries.filter_articles(base, queries.ArticleFilter(date_to="2024")).label == "Articles · to 2024"


def test_an_incident_lists_each_sources_version_side_by_side(conn):
    rows = walk_rows(conn, queries.incident_versions_query(1, "Plekhovo"))
    assert [(r["claimant"], r["outlet"], r["article_id"], r["date"], r["figures"], r["kind"]) for r in rows] == [
        ("Russian defence ministry", "TASS", 2, "2024-12-14", "12 killed", "version"),
        ("Ukraine's military intelligence", "Kyiv Independent", 1, "2024-12-14", "≥30 killed/wounded", "version"),
    ]
    assert rows[0]["words"] == (
        "said: its forces repelled an attack near Plekhovo on Saturday, and that 12 Ukrainian soldiers were killed"
    )
    assert rows[1]["label"] == "Ukraine's military intelligence · Kyiv Independent"
    assert walk_rows(conn, queries.incident_versions_query(99)) == []
    row = queries.incident_row(conn, 1)
    assert (row["subtype"], row["date"], row["date_end"], row["n_sources"], row["n_articles"], row["n_events"]) == (
        "Armed clash",
        "2024-12-14",
        "2024-12-15",
        2,
        2,
        2,
    )
    assert row["casualties_label"] == "12 killed; ≥30 killed/wounded"
    assert queries.incident_row(conn, 99) is None


def test_a_version_with_no_outlet_named_shows_its_urls_host_else_its_ref(small):
    with sqlite3.connect(small) as db:
        db.execute("UPDATE articles SET outlet = NULL, url = 'https://www.kyivindependent.com/news/x?y=1' WHERE id = 1")
        db.execute("UPDATE articles SET outlet = NULL, url = NULL WHERE id = 2")
    conn = queries.connect_readonly(small)
    rows = walk_rows(conn, queries.incident_versions_query(1))
    conn.close()
    assert sorted(r["outlet"] for r in rows) == ["fixtures/kursk-other.txt", "kyivindependent.com"]  # never a title


def test_every_event_filter_field(small):
    from store.judgements import Judge

    db = open_store(small)
    with db:
        Judge(db, "alice").set_status("event", 3, "verified")
        Judge(db, "alice").tag("event", 1, "kursk")
        db.execute("UPDATE events SET era = 'history' WHERE id = 2")  # far from its article's day
    db.close()
    conn = queries.connect_readonly(small)
    base = queries.events_query()

    def ids(**fields):
        return [r["id"] for r in walk_rows(conn, queries.filter_events(base, EventFilter(**fields)))]

    # events: 1 and 2 the fighting near Plekhovo (2 is history now), 3 the Kharkiv drone strike
    assert ids() == [3, 1]  # history hidden
    assert ids(history=True) == [3, 2, 1]
    assert ids(subtype="Armed clash", history=True) == [2, 1]
    assert ids(subtype="Battles") == [1]
    assert ids(confidence=0.85) == [3]
    assert ids(confidence=0.8) == [3, 1]
    assert ids(status="verified") == [3]
    assert ids(status="unverified") == [1]
    assert ids(status="disputed") == []
    assert ids(tag="kursk") == [1]
    assert ids(tag="kharkiv") == []
    assert ids(source="Syniehubov") == [3]
    assert ids(source="military intelligence") == [1]
    assert ids(date_from="2024-12-15", date_to="2024-12-19") == [1]
    flt = EventFilter(subtype="Armed clash", date_from="2024-12", source="TASS", confidence=0.5, status="verified")
    assert (
        queries.filter_events(base, flt).label
        == "Events · Armed clash, from 2024-12, by TASS, confidence ≥ 0.5, verified"
    )
    assert queries.filter_events(base, EventFilter(tag="kursk")).label == "Events · #kursk"
    assert queries.filter_events(base, EventFilter(history=True)).label == "Events"  # history alone filters nothing
    assert EventFilter(history=True).is_empty() and not EventFilter(tag="x").is_empty()
    assert all(not EventFilter(**{f: v}).is_empty() for f, v in (("status", "verified"), ("confidence", 0.5)))
    conn.close()


def test_a_place_filter_finds_a_place_by_its_other_names(small):
    # "Kharkov" or "Харків" typed in the filter: Kharkiv's events and incident (it found none)
    with sqlite3.connect(small) as writer:
        (kharkiv,) = writer.execute("SELECT id FROM entities WHERE name = 'Kharkiv'").fetchone()
        writer.executemany(
            "INSERT INTO names (owner, owner_id, name, key) VALUES ('entity', ?, ?, 'harkiv')",
            [(kharkiv, "Kharkov"), (kharkiv, "Харків")],
        )
    conn = queries.connect_readonly(small)
    for typed in ("kharkov", "Харків"):  # (SQLite folds the case of ASCII letters only)
        events = walk_rows(conn, queries.filter_events(queries.events_query(), EventFilter(place=typed)))
        assert [r["subtype"] for r in events] == ["Air/drone strike"], typed
        incidents = walk_rows(conn, queries.filter_incidents(queries.incidents_query(), EventFilter(place=typed)))
        assert [r["id"] for r in incidents] == [2], typed
    assert walk_rows(conn, queries.filter_events(queries.events_query(), EventFilter(place="Kherson"))) == []
    conn.close()
