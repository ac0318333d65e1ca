"""The migration that brought incidents, on a store with data written before it."""

from __future__ import annotations

import sqlite3

from incident_fixtures import CHUHUIV, Report, Story, build, write

from store.db import open_store
from store.schema import INCIDENTS_VERSION, MIGRATIONS, SCHEMA_VERSION
from store.writer import write_article
from store_fixtures import BEFORE_INCIDENTS, BEFORE_REKEY, assert_store_sound


def strikes() -> list[Story]:
    return [
        Story("a", [Report("Air/drone strike", CHUHUIV, "2024-05-09", killed=3, claimant="the governor")]),
        Story("b", [Report("Air/drone strike", CHUHUIV, "2024-05-09", killed=4, claimant="the mayor")], outlet="AFP"),
        Story("c", [Report("Armed clash", CHUHUIV, "2024-05-20")]),
    ]


def as_before_incidents(path) -> None:
    """The store as the version before incidents wrote it: the same rows, none of the new tables."""
    conn = sqlite3.connect(path)
    conn.executescript(BEFORE_INCIDENTS)
    conn.execute(f"PRAGMA user_version = {INCIDENTS_VERSION - 1}")
    conn.commit()
    conn.close()


def test_an_older_store_gets_its_events_grouped_on_opening(tmp_path):
    path = tmp_path / "old.db"
    db = open_store(path)
    write(db, *strikes())
    expected = {
        r[0]: r[1]
        for r in db.execute("SELECT a.ref, e.incident_id FROM events e JOIN articles a ON a.id = e.article_id")
    }
    db.close()
    as_before_incidents(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == INCIDENTS_VERSION - 1
    assert "incidents" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()

    db = open_store(path)  # migrates, then groups what was there
    conn = db
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    got = {
        r[0]: r[1]
        for r in conn.execute("SELECT a.ref, e.incident_id FROM events e JOIN articles a ON a.id = e.article_id")
    }
    assert got["a"] == got["b"] != got["c"]
    assert got == expected  # the same incidents as grouping at ingest gives
    assert conn.execute("SELECT count(*) FROM article_sketches").fetchone()[0] == 3
    assert conn.execute(
        "SELECT n_sources, n_articles, casualties_label FROM incidents WHERE id = ?", (got["a"],)
    ).fetchone() == (2, 2, "3–4 killed")
    # and the store goes on as any other
    article, extraction = build(Story("d", [Report("Air/drone strike", CHUHUIV, "2024-05-09", killed=4)]))
    with conn:
        write_article(conn, article, extraction)
    assert (
        conn.execute(
            "SELECT incident_id FROM events WHERE article_id = (SELECT id FROM articles WHERE ref = 'd')"
        ).fetchone()[0]
        == got["a"]
    )
    db.close()
    assert_store_sound(path)


def test_events_written_around_the_writer_are_grouped_at_the_next_open(tmp_path):
    path = tmp_path / "s.db"
    db = open_store(path)
    write(db, *strikes())
    with db:
        db.execute("UPDATE events SET incident_id = NULL")
        db.execute("DELETE FROM incident_keys")
        db.execute("DELETE FROM incident_places")
        db.execute("DELETE FROM incidents")
    db.close()
    db = open_store(path)
    assert db.execute("SELECT count(*) FROM events WHERE incident_id IS NULL").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2
    db.close()


def test_the_migration_is_one_appended_entry():
    assert "CREATE TABLE incidents" in MIGRATIONS[INCIDENTS_VERSION - 1]
    assert sum("CREATE TABLE incidents" in m for m in MIGRATIONS) == 1


def test_lookup_keys_written_before_families_are_rebuilt_on_opening(tmp_path):
    path = tmp_path / "s.db"
    db = open_store(path)
    write(db, *strikes())
    fresh = sorted(db.execute("SELECT key, lo, hi, incident_id FROM incident_keys"))
    assert {key.split("|", 1)[0] for key, *_ in fresh} == {"strike", "battle"}  # a's and b's; c's
    db.close()
    # as the version before wrote it: keys of places alone, no list of incidents waiting
    conn = sqlite3.connect(path)
    with conn:
        conn.executescript(BEFORE_REKEY)
        conn.execute("DELETE FROM incident_keys")
        conn.executemany(
            "INSERT OR IGNORE INTO incident_keys (key, lo, hi, incident_id) VALUES (?, ?, ?, ?)",
            [(key.split("|", 1)[1], lo, hi, i) for key, lo, hi, i in fresh],
        )
        rekey = next(n for n, sql in enumerate(MIGRATIONS, start=1) if "CREATE TABLE incident_rekey" in sql)
        conn.execute(f"PRAGMA user_version = {rekey - 1}")
    conn.close()

    db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert sorted(db.execute("SELECT key, lo, hi, incident_id FROM incident_keys")) == fresh
    assert db.execute("SELECT count(*) FROM incident_rekey").fetchone()[0] == 0
    first = db.execute("SELECT incident_id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.ref = 'a'")
    (incident,) = first.fetchone()
    # a later report of the same strike finds its incident through the rebuilt keys
    write(db, Story("d", [Report("Air/drone strike", CHUHUIV, "2024-05-09", killed=4)], outlet="Reuters"))
    later = db.execute("SELECT incident_id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.ref = 'd'")
    assert later.fetchone()[0] == incident
    db.close()
    assert_store_sound(path)


def test_a_rebuild_cut_short_resumes_at_the_next_open(tmp_path):
    path = tmp_path / "s.db"
    db = open_store(path)
    write(db, *strikes())
    fresh = sorted(db.execute("SELECT key, lo, hi, incident_id FROM incident_keys"))
    with db:  # as if killed after the migration, before its first batch committed
        db.execute("DELETE FROM incident_keys")
        db.execute("INSERT INTO incident_rekey (incident_id) SELECT id FROM incidents")
    db.close()
    db = open_store(path)
    assert sorted(db.execute("SELECT key, lo, hi, incident_id FROM incident_keys")) == fresh
    assert db.execute("SELECT count(*) FROM incident_rekey").fetchone()[0] == 0
    db.close()
