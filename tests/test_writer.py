"""The writer: one article and its extraction into the store (merging entities and sources
across articles, counters, labels, dropped facts, exact spans)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.model import Entity, Event, Extraction, PlaceRef, Span
from store.db import open_store
from store.keys import search_key
from store.readers import RawArticle
from store.writer import casualty_label, write_article
from store_fixtures import KURSK, assert_spans_exact, kursk_article, kursk_extraction, span


def write(db, article, extraction):
    with db:
        return write_article(db, article, extraction)


def one(db, sql, *params):
    return db.execute(sql, params).fetchone()


def test_article_and_facts_are_written_with_counters_and_labels(db):
    report = write(db, kursk_article(), kursk_extraction())
    assert report.article_id == 1 and report.dropped == []
    assert one(db, "SELECT n_events FROM articles")[0] == 2
    battle = db.execute(
        "SELECT type, subtype, date, date_end, date_precision, places_label, casualties_label, claimant_label "
        "FROM events ORDER BY id"
    ).fetchall()
    assert battle[0] == (
        "Battles",
        "Armed clash",
        "2024-12-14",
        "2024-12-15",
        "days",
        "Plekhovo, Vorozhba",
        "≥30 killed/wounded",
        "Ukraine's military intelligence",
    )
    assert battle[1][0:2] == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert battle[1][5:] == ("Martynovka", "", "officials")
    assert one(db, "SELECT n_mentions, n_events FROM entities WHERE name = 'Plekhovo'") == (1, 1)
    assert one(db, "SELECT n_mentions, n_events FROM entities WHERE name = 'North Korean soldiers'") == (1, 1)
    assert one(db, "SELECT n_claims, type FROM sources WHERE name = ?", "Ukraine's military intelligence") == (
        1,
        "intelligence",
    )
    assert one(db, "SELECT count(*) FROM claim_events")[0] == 2
    assert assert_spans_exact(db) == 4 + 2 * 2 + 2 + 3 + 2 + 1


def test_entities_and_sources_merge_across_articles(db):
    write(db, kursk_article("a.txt"), kursk_extraction())
    other = KURSK.replace("December 14 and 15", "December 20") + " More fighting near Plekhovo was reported."
    ex = kursk_extraction(other, lat=51.2)
    ex.entities[0].mentions.append(span(other, "Plekhovo", 1))
    ex.entities[0].aliases.append("Plechowo")
    write(db, kursk_article("b.txt", other), ex)
    assert one(db, "SELECT count(*) FROM entities WHERE name = 'Plekhovo'")[0] == 1
    assert one(db, "SELECT n_mentions, n_events, lat, lon, country, admin1 FROM entities WHERE name = 'Plekhovo'") == (
        3,
        2,
        51.2,
        35.1,
        "RU",
        "Kursk",
    )
    assert one(db, "SELECT count(*) FROM sources")[0] == 2
    assert one(db, "SELECT n_claims FROM sources WHERE name = ?", "Ukraine's military intelligence")[0] == 2
    plekhovo = one(db, "SELECT id FROM entities WHERE name = 'Plekhovo'")[0]
    names = {
        r[0]: r[1]
        for r in db.execute("SELECT name, key FROM names WHERE owner = 'entity' AND owner_id = ?", (plekhovo,))
    }
    assert set(names) == {"Plekhovo", "Плехово", "Plechowo"} and names["Plekhovo"] == search_key("Plekhovo")
    # the names are findable through the trigram index the search engine uses
    key = search_key("Plekhovo")
    hits = db.execute("SELECT rowid FROM names_fts WHERE names_fts MATCH ?", (f'"{key[1:5]}"',)).fetchall()
    ids = ",".join(str(h[0]) for h in hits)
    assert {r[0] for r in db.execute(f"SELECT owner_id FROM names WHERE id IN ({ids})")} == {plekhovo}
    assert {r[0] for r in db.execute("SELECT name FROM names WHERE owner = 'source'")} == {
        "Ukraine's military intelligence",
        "HUR",
        "officials",
    }


def test_later_articles_fill_missing_coordinates_but_never_overwrite(db):
    write(db, kursk_article("a.txt"), kursk_extraction())
    assert one(db, "SELECT lat FROM entities WHERE name = 'Plekhovo'")[0] is None
    write(db, kursk_article("b.txt", KURSK + " Again."), kursk_extraction(KURSK + " Again.", lat=51.0))
    write(db, kursk_article("c.txt", KURSK + " Third."), kursk_extraction(KURSK + " Third.", lat=99.0))
    assert one(db, "SELECT lat, lon FROM entities WHERE name = 'Plekhovo'") == (51.0, 35.1)


def test_facts_with_bad_spans_or_vocabulary_are_dropped(db):
    text = "Shelling hit Kherson on Monday."
    bad = Extraction(
        entities=[
            Entity("p", "place", "Kherson", [Span(13, 20, "Kherson"), Span(0, 3, "XYZ")]),
            Entity("q", "planet", "Mars", [span(text, "Monday")]),
        ],
        events=[
            Event("v1", "Explosions/Remote violence", "Shelling/artillery/missile attack", Span(0, 99, text)),
            Event("v2", "Battles", "Skirmish", Span.of(text, 0, len(text))),
            Event(
                "v3",
                "Battles",
                "Shelling/artillery/missile attack",
                Span.of(text, 0, len(text)),
                places=[PlaceRef("p", "Kherson", Span(13, 20, "Kherson"))],
            ),
        ],
    )
    report = write(db, RawArticle("k.txt", text), bad)
    assert len(report.dropped) == 4
    assert one(db, "SELECT count(*) FROM mentions")[0] == 1
    assert one(db, "SELECT count(*) FROM entities")[0] == 1
    # a subtype decides its type: the contract's taxonomy is exact in the store
    assert db.execute("SELECT type, subtype FROM events").fetchall() == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    ]
    assert_spans_exact(db)


def test_same_text_again_is_not_written(db):
    assert write(db, kursk_article("a.txt"), kursk_extraction()).article_id == 1
    assert write(db, kursk_article("copy.txt"), kursk_extraction()).article_id is None
    assert one(db, "SELECT count(*) FROM articles")[0] == 1
    assert one(db, "SELECT count(*) FROM mentions")[0] == 4


@pytest.mark.parametrize(
    "args, label",
    [
        (("killed", 3, None, "exact"), "3 killed"),
        (("killed_or_wounded", 30, None, "at least"), "≥30 killed/wounded"),
        (("wounded", 3, 5, "range"), "3–5 wounded"),
        (("captured", 12, None, "vague"), "≥12 captured"),
        (("missing", None, None, "vague"), "missing"),
        (("killed", 100, None, "about"), "~100 killed"),
        (("killed", 10, None, "more than"), ">10 killed"),
        (("losses", None, 40, "up to"), "≤40 losses"),
    ],
)
def test_casualty_labels(args, label):
    assert casualty_label(*args) == label


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300), data=st.data())
def test_spans_survive_the_store_for_any_text(tmp_path_factory, text, data):
    """Whatever the text (NUL, emoji, combining marks, CR), a stored span reads back exactly."""
    from store.readers import normalise_text

    stored = normalise_text(text)
    if not stored:
        return
    start = data.draw(st.integers(0, len(stored) - 1))
    end = data.draw(st.integers(start + 1, len(stored)))
    path = tmp_path_factory.mktemp("h") / "s.db"
    store = open_store(path)
    ex = Extraction(entities=[Entity("e", "person", "Somebody", [Span.of(stored, start, end)])])
    write(store, RawArticle("x", stored), ex)
    text_back, s, e, fragment = store.execute(
        'SELECT a.text, m.start, m."end", m.text FROM mentions m JOIN articles a ON a.id = m.article_id'
    ).fetchone()
    assert text_back == stored and text_back[s:e] == fragment == stored[start:end]
    store.close()
