"""The judgements migration on a store with data made by the schema before it."""

from __future__ import annotations

import json
import sqlite3

from store.db import open_store
from store.judgements import JUDGEMENTS_MIGRATION, Judge, records_by_target
from store.schema import MIGRATIONS, SCHEMA_VERSION
from store.writer import write_article
from store_fixtures import BEFORE_JUDGEMENTS, KURSK, assert_store_sound, kursk_article, kursk_extraction


def old_store(path, version: int) -> None:
    """A store at schema ``version`` with an article, a source, a claim and an event, written by
    SQL as that version's Sitrep would have."""
    conn = sqlite3.connect(path)
    for number in range(1, version + 1):
        conn.executescript(f"BEGIN;{MIGRATIONS[number - 1]}; PRAGMA user_version = {number}; COMMIT;")
    with conn:
        conn.execute(
            "INSERT INTO articles (id, ref, text, hash, ingested_at, n_events) "
            "VALUES (1, 'kursk.txt', ?, 'h1', '2024-12-16T00:00:00', 1)",
            (KURSK,),
        )
        conn.execute(
            "INSERT INTO sources (id, name, merge_key, type, n_claims) "
            "VALUES (1, 'officials', 'ofitsials', 'anonymous', 1)"
        )
        start = KURSK.index("Russian troops")
        conn.execute(
            "INSERT INTO claims (id, article_id, source_id, cue_start, cue_end, cue_text, content_start, "
            "content_end, content_text) VALUES (1, 1, 1, ?, ?, 'said', ?, ?, ?)",
            (len(KURSK) - 5, len(KURSK) - 1, start, start + 38, KURSK[start : start + 38]),
        )
        conn.execute(
            "INSERT INTO events (id, article_id, type, subtype, date, confidence, evidence_start, "
            "evidence_end, evidence_text, places_label) VALUES (1, 1, 'Explosions/Remote violence', "
            "'Shelling/artillery/missile attack', '2024-12-14', 0.6, ?, ?, ?, 'Martynovka')",
            (start, len(KURSK), KURSK[start:]),
        )
    conn.close()


def test_the_migration_keeps_the_data_and_judging_works_on_it(tmp_path):
    path = tmp_path / "old.db"
    old_store(path, JUDGEMENTS_MIGRATION - 1)
    db = open_store(path)
    conn = db.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT subtype, date, status, judged FROM events").fetchone() == (
        "Shelling/artillery/missile attack",
        "2024-12-14",
        None,
        "",
    )
    assert conn.execute("SELECT credibility, status FROM claims").fetchone() == ("6", None)
    assert conn.execute("SELECT count(*) FROM judgements").fetchone() == (0,)
    judge = Judge(conn, "alice")
    judge.set_status("event", 1, "verified")
    judge.correct_event(1, killed=2)
    judge.grade("claim", 1, "3")
    judge.grade("source", 1, "D")
    assert conn.execute("SELECT status, casualties_label FROM events").fetchone() == ("verified", "2 killed")
    assert json.loads(conn.execute("SELECT extracted FROM judgements WHERE kind = 'event'").fetchone()[0]) == {
        "killed": None
    }
    assert records_by_target(conn, "source")[1]["grade"] == "D"
    db.close()
    assert_store_sound(path)
    # opening again changes nothing
    again = open_store(path)
    assert again.conn.execute("SELECT status FROM events").fetchone() == ("verified",)


def test_a_store_written_before_judgements_is_migrated_with_its_data(tmp_path):
    """Written by today's writer, then taken back to the version before judgements."""
    path = tmp_path / "old.db"
    db = open_store(path)
    with db.conn:
        write_article(db.conn, kursk_article(), kursk_extraction())
    counts = {
        t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "events", "claims", "sources", "entities", "incidents")
    }
    db.close()
    conn = sqlite3.connect(path)
    conn.executescript(BEFORE_JUDGEMENTS)
    conn.execute(f"PRAGMA user_version = {JUDGEMENTS_MIGRATION - 1}")
    conn.commit()
    assert "judgements" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    db = open_store(path)
    conn = db.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
    judge = Judge(conn, "alice")
    incident = conn.execute("SELECT incident_id FROM events ORDER BY id LIMIT 1").fetchone()[0]
    judge.set_status("incident", incident, "verified")
    judge.correct_event(1, subtype="Attack")
    # the event, grouped again with its subtype, takes the verdict along (its incident's key event)
    incident = conn.execute("SELECT incident_id FROM events WHERE id = 1").fetchone()[0]
    assert conn.execute("SELECT status FROM incidents WHERE id = ?", (incident,)).fetchone() == ("verified",)
    assert conn.execute("SELECT subtype, judged FROM events WHERE id = 1").fetchone() == ("Attack", "subtype")
    db.close()
    assert_store_sound(path)
