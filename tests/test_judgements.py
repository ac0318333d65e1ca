"""The analyst's judgements in the store: recorded, logged, written through, and never lost to
re-ingest or re-extraction (store/judgements.py, store/reextract.py)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

from extract.model import Span
from store.admiralty import JudgementError
from store.db import open_store
from store.export import export_jsonl
from store.ingest import ingest_paths
from store.judgements import Judge, default_analyst, detached, log_entries, records_by_target
from store.reextract import reextract
from store.writer import write_article
from store_fixtures import KURSK, assert_store_sound, kursk_article, kursk_extraction

BATTLE_END = KURSK.index(" Russian troops")  # the first sentence: the battle's evidence


@pytest.fixture
def db(tmp_path):
    store = open_store(tmp_path / "s.db")
    with store.conn:
        write_article(store.conn, kursk_article(), kursk_extraction())
    return store


def event_id(conn, subtype: str) -> int:
    return conn.execute("SELECT id FROM events WHERE subtype = ?", (subtype,)).fetchone()[0]


def snapshot(conn) -> dict:
    """Everything a judgement could change."""
    tables = [
        "judgements",
        "judgement_notes",
        "judgement_tags",
        "judgement_log",
        "events",
        "claims",
        "sources",
        "articles",
        "casualties",
    ]
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def events_by_subtype(conn, article_id: int = 1) -> dict[str, dict]:
    conn.row_factory = sqlite3.Row
    try:
        return {r["subtype"]: dict(r) for r in conn.execute("SELECT * FROM events WHERE article_id = ?", (article_id,))}
    finally:
        conn.row_factory = None


# --- recording ----------------------------------------------------------------------------------


def test_grades_are_written_through_and_logged(db):
    judge = Judge(db.conn, "alice")
    [change] = judge.grade("source", 1, "b", reason="long record")
    assert (change.old, change.new) == ("F", "B")
    assert db.conn.execute("SELECT reliability FROM sources WHERE id = 1").fetchone() == ("B",)
    judge.grade("claim", 1, "2")
    assert db.conn.execute("SELECT credibility FROM claims WHERE id = 1").fetchone() == ("2",)
    assert judge.grade("claim", 1, "2") == []  # the same grade again changes nothing
    log = list(log_entries(db.conn))
    assert [(e["kind"], e["target_id"], e["what"], e["old"], e["new"], e["by"]) for e in log] == [
        ("source", 1, "grade", "F", "B", "alice"),
        ("claim", 1, "grade", "6", "2", "alice"),
    ]
    assert log[0]["reason"] == "long record" and log[0]["at"].endswith("Z")


def test_status_of_events_and_claims(db):
    judge = Judge(db.conn, "alice")
    battle = event_id(db.conn, "Armed clash")
    judge.set_status("event", battle, "Verified", reason="two outlets")
    judge.set_status("claim", 2, "disputed")
    assert db.conn.execute("SELECT status FROM events WHERE id = ?", (battle,)).fetchone() == ("verified",)
    assert db.conn.execute("SELECT status FROM claims WHERE id = 2").fetchone() == ("disputed",)
    [change] = judge.set_status("event", battle, "false")
    assert (change.old, change.new) == ("verified", "false")


def test_corrections_keep_the_extracted_values_beside(db):
    judge = Judge(db.conn, "alice")
    battle = event_id(db.conn, "Armed clash")
    changes = judge.correct_event(battle, subtype="air/drone strike", date="2024-12-13", place="Sudzha", killed="5")
    assert [(c.what, c.old, c.new) for c in changes] == [
        ("subtype", "Armed clash", "Air/drone strike"),
        ("date", "2024-12-14", "2024-12-13"),
        ("place", "Plekhovo, Vorozhba", "Sudzha"),
        ("killed", None, "5"),
    ]
    row = db.conn.execute(
        "SELECT type, subtype, date, date_end, date_precision, places_label, casualties_label, "
        "judged FROM events WHERE id = ?",
        (battle,),
    ).fetchone()
    assert row == (
        "Explosions/Remote violence",
        "Air/drone strike",
        "2024-12-13",
        "2024-12-13",  # a day's end is that day, as extraction writes it
        "day",
        "Sudzha",
        "≥30 killed/wounded; 5 killed",
        "date killed place subtype",
    )
    # the figure is the event's killed figure now (extraction had none: told over the evidence)
    assert db.conn.execute(
        "SELECT min, max, qualifier, start FROM casualties WHERE event_id = ? AND kind = 'killed'", (battle,)
    ).fetchall() == [(5, 5, "exact", 0)]
    record = records_by_target(db.conn, "event")[battle]
    assert record["corrected"] == {"subtype": "Air/drone strike", "date": "2024-12-13", "place": "Sudzha", "killed": 5}
    assert record["extracted"] == {
        "subtype": "Armed clash",
        "date": "2024-12-14",
        "place": "Plekhovo, Vorozhba",
        "killed": None,
    }
    # a second correction of a field keeps extraction's value, not the first correction's
    judge.correct_event(battle, subtype="Armed clash")
    record = records_by_target(db.conn, "event")[battle]
    assert record["corrected"]["subtype"] == "Armed clash" and record["extracted"]["subtype"] == "Armed clash"
    assert_store_sound(db.conn.execute("PRAGMA database_list").fetchone()[2])


def test_delete_takes_the_event_out_and_keeps_the_judgement(db):
    judge = Judge(db.conn, "alice")
    shelling = event_id(db.conn, "Shelling/artillery/missile attack")
    judge.delete_event(shelling, reason="no shelling in the source")
    assert db.conn.execute("SELECT count(*) FROM events WHERE id = ?", (shelling,)).fetchone() == (0,)
    assert db.conn.execute("SELECT count(*) FROM event_places WHERE event_id = ?", (shelling,)).fetchone() == (0,)
    assert db.conn.execute("SELECT n_events FROM articles").fetchone() == (1,)
    assert db.conn.execute("SELECT n_events FROM entities WHERE name = 'Martynovka'").fetchone() == (0,)
    [gone] = detached(db.conn)
    assert (
        gone["state"] == "deleted" and gone["span"]["text"] == "Russian troops also shelled Martynovka, officials said."
    )
    with pytest.raises(JudgementError, match="no such event"):
        judge.set_status("event", shelling, "verified")


def test_an_event_added_from_a_sentence(db):
    judge = Judge(db.conn, "alice")
    start = KURSK.index("Russian troops")
    new_id, [change] = judge.add_event(1, start, len(KURSK), subtype="attack", date="2024-12-15", killed=2)
    row = db.conn.execute(
        "SELECT subtype, type, date, evidence_text, casualties_label, judged, confidence FROM events WHERE id = ?",
        (new_id,),
    ).fetchone()
    assert row == ("Attack", "Violence against civilians", "2024-12-15", KURSK[start:], "2 killed", "added", 1.0)
    assert change.what == "added" and "Attack 2024-12-15" in change.new
    assert db.conn.execute("SELECT n_events FROM articles").fetchone() == (3,)
    assert records_by_target(db.conn, "event")[new_id]["added"] is True
    with pytest.raises(JudgementError, match="already added"):
        judge.add_event(1, start, len(KURSK), subtype="Attack")
    with pytest.raises(JudgementError, match="not within"):
        judge.add_event(1, 10, 10_000, subtype="Attack")


def test_notes_and_tags_on_every_kind(db):
    judge = Judge(db.conn, "alice")
    for kind in ("event", "claim", "source", "article"):
        judge.note(kind, 1, f"a note on the {kind}")
        judge.tag(kind, 1, "#Kursk")
    assert judge.tag("event", 1, "kursk") == []  # tags compare without case
    judge.untag("claim", 1, "KURSK")
    for kind in ("event", "claim", "source", "article"):
        record = records_by_target(db.conn, kind)[1]
        assert [n["text"] for n in record["notes"]] == [f"a note on the {kind}"]
        assert record["notes"][0]["by"] == "alice"
        assert record["tags"] == ([] if kind == "claim" else ["Kursk"])


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda j: j.grade("source", 1, "G"), "unknown grade 'G'"),
        (lambda j: j.grade("claim", 1, "7"), "credibility is 1-6"),
        (lambda j: j.grade("claim", 1, ""), "no grade"),
        (lambda j: j.grade("source", 999, "A"), "source 999: no such source"),
        (lambda j: j.set_status("event", 1, "maybe"), "unknown status"),
        (lambda j: j.set_status("event", 999, "verified"), "event 999: no such event"),
        (lambda j: j.set_status("source", 1, "verified"), "not sources"),
        (lambda j: j.correct_event(1, date="2024-13-45"), "not a day of the calendar"),
        (lambda j: j.correct_event(1, date="14 Dec"), "not YYYY-MM-DD"),
        (lambda j: j.correct_event(1, subtype=""), "subtype is empty"),
        (lambda j: j.correct_event(1, subtype="Skirmish"), "unknown subtype"),
        (lambda j: j.correct_event(1, killed="-3"), "not a whole number"),
        (lambda j: j.correct_event(1, place="  "), "place is empty"),
        (lambda j: j.correct_event(1), "nothing to correct"),
        # a good value with a bad one: nothing of either is written
        (lambda j: j.correct_event(1, subtype="Attack", date="2024-02-30"), "not a day"),
        (lambda j: j.correct_event(999, subtype="Attack"), "no such event"),
        (lambda j: j.note("event", 1, "   "), "note is empty"),
        (lambda j: j.note("event", 1, "bell \x07"), "control characters"),
        (lambda j: j.tag("source", 1, "a;b"), "cannot hold"),
        (lambda j: j.tag("entity", 1, "x"), "not entitys"),
        (lambda j: j.add_event(1, 0, 10, subtype=""), "subtype is empty"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(db, call, message):
    before = snapshot(db.conn)
    with pytest.raises(JudgementError, match=message):
        call(Judge(db.conn, "alice"))
    assert snapshot(db.conn) == before
    assert not db.conn.in_transaction


def test_the_log_is_append_only(db):
    Judge(db.conn, "alice").grade("source", 1, "A")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute("UPDATE judgement_log SET new = 'F'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute("DELETE FROM judgement_log")


def test_the_analyst_comes_from_the_flag_then_the_environment_then_the_os(monkeypatch):
    monkeypatch.setenv("SITREP_ANALYST", "bob")
    assert default_analyst("alice") == "alice"
    assert default_analyst(None) == "bob"
    monkeypatch.delenv("SITREP_ANALYST")
    import getpass

    assert default_analyst(None) == getpass.getuser()


# --- nothing lost ---------------------------------------------------------------------------------


def judge_everything(conn) -> dict[str, int]:
    """Grades, a status, corrections, notes and tags on the Kursk article's facts."""
    judge = Judge(conn, "alice")
    ids = {"battle": event_id(conn, "Armed clash"), "shelling": event_id(conn, "Shelling/artillery/missile attack")}
    judge.grade("source", 1, "B")
    judge.grade("claim", 1, "2")
    judge.set_status("claim", 1, "verified")
    judge.set_status("event", ids["battle"], "verified", reason="HUR and AP agree")
    judge.correct_event(ids["battle"], date="2024-12-13", killed=7)
    judge.note("event", ids["battle"], "checked the HUR channel")
    judge.tag("event", ids["battle"], "kursk")
    judge.note("article", 1, "translated")
    judge.tag("source", 1, "official")
    judge.delete_event(ids["shelling"], reason="not an incident")
    return ids


def assert_judgements_in_place(conn, article_id: int = 1) -> None:
    events = events_by_subtype(conn, article_id)
    battle = events["Armed clash"]
    assert (battle["status"], battle["date"], battle["judged"]) == ("verified", "2024-12-13", "date killed")
    assert "7 killed" in battle["casualties_label"].split("; ")
    assert "Shelling/artillery/missile attack" not in events  # deleted as false, and stays so
    record = records_by_target(conn, "event")[battle["id"]]
    assert record["corrected"] == {"date": "2024-12-13", "killed": 7}
    assert record["extracted"]["date"] == "2024-12-14"
    assert [n["text"] for n in record["notes"]] == ["checked the HUR channel"] and record["tags"] == ["kursk"]
    claim = conn.execute(
        "SELECT credibility, status FROM claims WHERE article_id = ? AND source_id = "
        "(SELECT id FROM sources WHERE merge_key = (SELECT source_key FROM judgements "
        "WHERE kind = 'source'))",
        (article_id,),
    ).fetchone()
    assert claim == ("2", "verified")
    assert conn.execute(
        "SELECT reliability FROM sources WHERE name = ?", ("Ukraine's military intelligence",)
    ).fetchone() == ("B",)
    assert records_by_target(conn, "source")[
        conn.execute("SELECT id FROM sources WHERE reliability = 'B'").fetchone()[0]
    ]["tags"] == ["official"]
    assert [n["text"] for n in records_by_target(conn, "article")[article_id]["notes"]] == ["translated"]
    assert [d["state"] for d in detached(conn)] == ["deleted"]  # nothing orphaned


def test_every_judgement_survives_reingest_a_changed_copy_and_reextraction(tmp_path, monkeypatch):
    """Through the real ingest: the same file again, a changed copy, then re-extraction."""
    from store import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "_extractor", lambda: lambda text, published: kursk_extraction(text))
    article = tmp_path / "kursk.txt"
    article.write_text("date 2024-12-16 " + KURSK, encoding="utf-8")
    db = open_store(tmp_path / "s.db")
    ingest_paths(db, [str(article)], workers=0)
    judge_everything(db.conn)
    log_before = list(log_entries(db.conn))

    assert ingest_paths(db, [str(article)], workers=0).present == 1
    assert_judgements_in_place(db.conn)

    changed = tmp_path / "kursk-updated.txt"
    changed.write_text("date 2024-12-16 " + KURSK + " The ministry gave no figures.", encoding="utf-8")
    assert ingest_paths(db, [str(changed)], workers=0).added == 1
    assert db.conn.execute("SELECT count(*) FROM events WHERE article_id = 2 AND status IS NULL").fetchone() == (2,)

    assert reextract(db, extractor=lambda text, published: kursk_extraction(text)) == 2
    conn = db.conn
    assert_judgements_in_place(conn)
    assert list(log_entries(conn)) == log_before  # re-finding the same rows logs nothing
    assert conn.execute("SELECT count(*) FROM events WHERE article_id = 2 AND status IS NULL").fetchone() == (2,)
    assert_store_sound(tmp_path / "s.db")


def test_judgements_survive_reextraction_by_the_real_extractor(tmp_path):
    """The real pipeline end to end: ingest, judge, re-ingest, re-extract."""
    path = tmp_path / "kursk.txt"
    path.write_text("date 2024-12-16 " + KURSK, encoding="utf-8")
    db = open_store(tmp_path / "s.db")
    ingest_paths(db, [str(path)], workers=0)
    conn = db.conn
    event, subtype = conn.execute("SELECT id, subtype FROM events ORDER BY evidence_start LIMIT 1").fetchone()
    claim, source = conn.execute("SELECT id, source_id FROM claims ORDER BY content_start LIMIT 1").fetchone()
    judge = Judge(conn, "alice")
    judge.set_status("event", event, "verified")
    judge.correct_event(event, subtype="Suicide bomb")
    judge.grade("claim", claim, "3")
    judge.grade("source", source, "C")
    judge.tag("article", 1, "kursk")
    start = KURSK.index("Russian troops")
    added, _ = judge.add_event(1, start, len(KURSK), subtype="Grenade")
    ingest_paths(db, [str(path)], workers=0)
    reextract(db)
    assert conn.execute("SELECT subtype, status FROM events WHERE evidence_start = 0").fetchone() == (
        "Suicide bomb",
        "verified",
    )
    assert records_by_target(conn, "event")[
        conn.execute("SELECT id FROM events WHERE evidence_start = 0").fetchone()[0]
    ]["extracted"] == {"subtype": subtype}
    assert conn.execute(
        "SELECT credibility FROM claims WHERE id IN (SELECT target_id FROM judgements WHERE kind = 'claim')"
    ).fetchone() == ("3",)
    assert conn.execute(
        "SELECT reliability FROM sources WHERE id IN (SELECT target_id FROM judgements WHERE kind = 'source')"
    ).fetchone() == ("C",)
    assert conn.execute(
        "SELECT subtype, judged FROM events WHERE evidence_start = ? AND judged = 'added'", (start,)
    ).fetchone() == ("Grenade", "added")
    assert records_by_target(conn, "article")[1]["tags"] == ["kursk"]
    assert list(detached(conn)) == []


def shifted(text: str = KURSK):
    """A newer extractor: the battle's evidence starts two words later; the shelling is gone."""
    extraction = kursk_extraction(text)
    battle = extraction.events[0]
    start = text.index("reported that")
    battle = dataclasses.replace(battle, evidence=Span.of(text, start, BATTLE_END))
    return dataclasses.replace(extraction, events=[battle])


def test_a_moved_span_is_followed_and_a_vanished_event_is_kept_as_orphaned(db):
    judge = Judge(db.conn, "alice")
    battle, shelling = event_id(db.conn, "Armed clash"), event_id(db.conn, "Shelling/artillery/missile attack")
    judge.set_status("event", battle, "verified")
    judge.set_status("event", shelling, "disputed", reason="only one source")
    judge.note("event", shelling, "ask the desk")

    reextract(db, extractor=lambda text, published: shifted(text))
    row = db.conn.execute("SELECT id, evidence_start, status FROM events").fetchall()
    assert row == [(row[0][0], KURSK.index("reported that"), "verified")]
    [orphan] = detached(db.conn)
    assert orphan["state"] == "orphaned" and orphan["of"] == "event"
    assert orphan["span"]["text"] == "Russian troops also shelled Martynovka, officials said."
    assert orphan["judgement"]["status"] == "disputed" and orphan["judgement"]["notes"][0]["text"] == "ask the desk"
    whats = [(e["what"], e["by"]) for e in log_entries(db.conn)][-2:]
    assert sorted(whats) == [("orphaned", "sitrep"), ("reanchored", "sitrep")]
    # the orphan is in the export, so no judgement is lost there either
    import io

    out = io.StringIO()
    export_jsonl(db, out)
    orphans = [json.loads(line) for line in out.getvalue().splitlines() if '"kind": "judgement"' in line]
    assert [o["judgement"]["status"] for o in orphans] == ["disputed"]

    # re-extracted again (the old extractor): the orphan finds its event, logged once
    reextract(db, extractor=lambda text, published: kursk_extraction(text))
    assert list(detached(db.conn)) == []
    statuses = dict(db.conn.execute("SELECT subtype, status FROM events"))
    assert statuses == {"Armed clash": "verified", "Shelling/artillery/missile attack": "disputed"}
    reextract(db, extractor=lambda text, published: kursk_extraction(text))
    assert [e["what"] for e in log_entries(db.conn)].count("orphaned") == 1


def test_two_events_of_one_sentence_keep_their_own_judgements(tmp_path):
    db = open_store(tmp_path / "s.db")
    extraction = kursk_extraction()
    battle = extraction.events[0]
    twin = dataclasses.replace(battle, key="v3", subtype="Change to group/activity", type="Strategic developments")
    extraction = dataclasses.replace(extraction, events=[twin, battle])
    with db.conn:
        write_article(db.conn, kursk_article(), extraction)
    judge = Judge(db.conn, "alice")
    judge.set_status("event", event_id(db.conn, "Armed clash"), "verified")
    judge.set_status("event", event_id(db.conn, "Change to group/activity"), "false")
    reversed_order = dataclasses.replace(extraction, events=[battle, twin])
    reextract(db, extractor=lambda text, published: reversed_order)
    assert dict(db.conn.execute("SELECT subtype, status FROM events")) == {
        "Armed clash": "verified",
        "Change to group/activity": "false",
    }


def test_a_source_graded_keeps_its_grade_when_its_row_comes_back(db):
    Judge(db.conn, "alice").grade("source", 2, "E")  # "officials"
    without = dataclasses.replace(
        kursk_extraction(),
        claims=kursk_extraction().claims[:1],
        sources=kursk_extraction().sources[:1],
        events=kursk_extraction().events[:1],
    )
    reextract(db, extractor=lambda text, published: without)
    assert db.conn.execute("SELECT count(*) FROM sources WHERE name = 'officials'").fetchone() == (0,)
    assert [d["of"] for d in detached(db.conn)] == ["source"]
    reextract(db, extractor=lambda text, published: kursk_extraction(text))
    assert db.conn.execute("SELECT reliability FROM sources WHERE name = 'officials'").fetchone() == ("E",)
    assert list(detached(db.conn)) == []


def test_reextraction_keeps_counts_and_spans_sound(db, tmp_path):
    before = db.conn.execute("SELECT name, n_mentions, n_events FROM entities ORDER BY name").fetchall()
    reextract(db, extractor=lambda text, published: kursk_extraction(text))
    assert db.conn.execute("SELECT name, n_mentions, n_events FROM entities ORDER BY name").fetchall() == before
    assert db.conn.execute("SELECT name, n_claims FROM sources ORDER BY id").fetchall() == [
        ("Ukraine's military intelligence", 1),
        ("officials", 1),
    ]
    assert db.conn.execute("SELECT n_events FROM articles").fetchone() == (2,)
    # an extractor that finds nothing leaves no entity, source or name behind
    from extract.model import Extraction

    reextract(db, extractor=lambda text, published: Extraction())
    assert db.conn.execute(
        "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM sources), "
        "(SELECT count(*) FROM names), (SELECT count(*) FROM merge_keys), "
        "(SELECT count(*) FROM events)"
    ).fetchone() == (0, 0, 0, 0, 0)
    # and the same facts come back whole
    reextract(db, extractor=lambda text, published: kursk_extraction(text))
    assert db.conn.execute("SELECT name, n_mentions, n_events FROM entities ORDER BY name").fetchall() == before
    assert_store_sound(tmp_path / "s.db")


def test_a_new_subtype_for_the_same_sentence_takes_the_judgement_with_it(db):
    judge = Judge(db.conn, "alice")
    battle = event_id(db.conn, "Armed clash")
    judge.set_status("event", battle, "verified")
    judge.correct_event(battle, date="2024-12-13")
    extraction = kursk_extraction()
    renamed = dataclasses.replace(extraction.events[0], subtype="Government regains territory")
    reextract(
        db, extractor=lambda text, published: dataclasses.replace(extraction, events=[renamed, extraction.events[1]])
    )
    row = db.conn.execute("SELECT subtype, status, date FROM events WHERE evidence_start = 0").fetchone()
    assert row == ("Government regains territory", "verified", "2024-12-13")


def test_the_writer_finds_judgements_again_whoever_rewrites_the_facts(db):
    """Another way to re-extract (retract, then write the facts again) needs no call of its own."""
    from store.retract import retract_article, tidy

    judge = Judge(db.conn, "alice")
    judge.set_status("event", event_id(db.conn, "Armed clash"), "disputed")
    judge.grade("claim", 1, "4")
    with db.conn:
        entities, sources = retract_article(db.conn, 1)
        assert db.conn.execute("SELECT count(*) FROM judgements WHERE target_id IS NULL").fetchone() == (2,)
        write_article(db.conn, kursk_article(), kursk_extraction(), article_id=1)
        tidy(db.conn, entities, sources)
    assert db.conn.execute("SELECT status FROM events WHERE subtype = 'Armed clash'").fetchone() == ("disputed",)
    assert db.conn.execute(
        "SELECT credibility FROM claims WHERE content_start = ?", (KURSK.index("that at least"),)
    ).fetchone() == ("4",)


def test_a_source_judgement_finds_its_row_under_another_spelling(db):
    """A source row gone and back under another spelling the store knows is the same (merge_keys)."""
    from store.db import write_transaction
    from store.judgements import anchor_waiting

    Judge(db.conn, "alice").grade("source", 2, "D")  # "officials", key 'ofitsials'
    key = db.conn.execute("SELECT source_key FROM judgements").fetchone()[0]
    without = dataclasses.replace(
        kursk_extraction(),
        claims=kursk_extraction().claims[:1],
        sources=kursk_extraction().sources[:1],
        events=kursk_extraction().events[:1],
    )
    reextract(db, extractor=lambda text, published: without)
    with write_transaction(db.conn):
        new_id = db.conn.execute(
            "INSERT INTO sources (name, merge_key, type) VALUES ('Officials', 'other spelling', 'anonymous')"
        ).lastrowid
        for spelling in ("other spelling", key):
            db.conn.execute(
                "INSERT INTO merge_keys (owner, type, key, owner_id, name, block) "
                "VALUES ('source', '', ?, ?, 'Officials', ?)",
                (spelling, new_id, spelling),
            )
        anchor_waiting(db.conn)
    assert db.conn.execute("SELECT reliability FROM sources WHERE id = ?", (new_id,)).fetchone() == ("D",)
    assert list(detached(db.conn)) == []
