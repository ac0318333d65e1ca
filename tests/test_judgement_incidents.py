"""The analyst's verdicts on incidents, and judgements of events in incidents: through regrouping,
merges, re-extraction, corrections and deletions (store/judgements.py with store/incidents.py)."""

from __future__ import annotations

import dataclasses
import io

import pytest
from incident_fixtures import CHUHUIV, KHARKIV, Report, Story, build, incident_of, write

from store.admiralty import JudgementError
from store.db import open_store
from store.incidents import merge_incidents, regroup, split_event
from store.judgements import Judge, context, detached, log_entries
from store.reextract import reextract


@pytest.fixture
def db(tmp_path):
    store = open_store(tmp_path / "s.db")
    yield store
    store.close()


def strike(ref, place=KHARKIV, date="2024-05-09", killed=5, claimant="the regional governor", **kw):
    return Story(
        ref,
        [Report("Air/drone strike", place, date, killed=killed, claimant=claimant, **kw)],
        outlet=kw.pop("outlet", None),
    )


def incident_status(conn, ref: str):
    return conn.execute("SELECT status FROM incidents WHERE id = ?", (incident_of(conn, ref),)).fetchone()[0]


def test_an_incident_verdict_is_recorded_written_through_and_logged(db):
    conn = db.conn
    write(conn, strike("a"), strike("b", claimant="the mayor"))
    incident = incident_of(conn, "a")
    [change] = Judge(conn, "alice").set_status("incident", incident, "verified", reason="two independent sources")
    assert (change.kind, change.target_id, change.old, change.new) == ("incident", incident, "unverified", "verified")
    assert incident_status(conn, "a") == "verified"
    assert [e["what"] for e in log_entries(conn)] == ["status"]
    with pytest.raises(JudgementError, match="incident 999: no such incident"):
        Judge(conn, "alice").set_status("incident", 999, "verified")


def test_the_verdict_survives_regrouping_a_merge_and_a_split(db):
    conn = db.conn
    write(conn, strike("a"), strike("b", claimant="the mayor"), strike("c", place=CHUHUIV))
    Judge(conn, "alice").set_status("incident", incident_of(conn, "a"), "disputed")
    with conn:
        regroup(conn)  # every incident deleted and grouped again: new ids
    assert incident_status(conn, "a") == "disputed" and incident_status(conn, "c") is None
    # merged into another incident: the verdict goes with its event
    merge_incidents(conn, incident_of(conn, "a"), incident_of(conn, "c"))
    assert incident_of(conn, "a") == incident_of(conn, "c") and incident_status(conn, "c") == "disputed"
    # the event split out of it: the verdict stays with the incident that keeps its key event
    b_event = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.ref = 'b'"
    ).fetchone()[0]
    split_event(conn, b_event)
    assert incident_status(conn, "a") == "disputed" and incident_status(conn, "b") is None
    assert list(detached(conn)) == []
    # the key event itself split out: the verdict goes with it, the incident it left has none
    a_event = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.ref = 'a'"
    ).fetchone()[0]
    left = incident_of(conn, "c")
    split_event(conn, a_event)
    assert incident_of(conn, "a") != left
    assert incident_status(conn, "a") == "disputed" and incident_status(conn, "c") is None
    [verdict] = conn.execute("SELECT target_id FROM judgements WHERE kind = 'incident'").fetchall()
    assert verdict == (incident_of(conn, "a"),)
    assert list(detached(conn)) == []


def test_the_verdict_survives_reextraction(db):
    conn = db.conn
    a, b = strike("a"), strike("b", claimant="the mayor")
    write(conn, a, b)
    Judge(conn, "alice").set_status("incident", incident_of(conn, "a"), "false")
    made = {story.ref: build(story)[1] for story in (a, b)}
    refs = dict(conn.execute("SELECT id, ref FROM articles"))
    reextract(db, extractor=lambda text, published: made["a" if "(a)" in text else "b"])
    assert incident_of(conn, "a") == incident_of(conn, "b") and incident_status(conn, "a") == "false"
    assert refs == dict(conn.execute("SELECT id, ref FROM articles"))
    assert list(detached(conn)) == []


def test_a_correction_and_a_deletion_reshape_the_incident(db):
    conn = db.conn
    write(conn, strike("a", killed=5), strike("b", killed=7, claimant="the mayor"))
    incident = incident_of(conn, "a")
    assert conn.execute("SELECT casualties_label, n_events FROM incidents WHERE id = ?", (incident,)).fetchone() == (
        "5–7 killed",
        2,
    )
    event_b = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.ref = 'b'"
    ).fetchone()[0]
    judge = Judge(conn, "alice")
    judge.correct_event(event_b, killed=6)
    assert conn.execute("SELECT casualties_label FROM incidents WHERE id = ?", (incident,)).fetchone() == (
        "5–6 killed",
    )
    judge.delete_event(event_b)
    assert conn.execute("SELECT n_events, n_articles FROM incidents WHERE id = ?", (incident,)).fetchone() == (1, 1)
    event_a = conn.execute("SELECT id FROM events").fetchone()[0]
    judge.delete_event(event_a)
    assert conn.execute("SELECT count(*) FROM incidents").fetchone() == (0,)


def test_a_corrected_place_is_the_incidents_place(db):
    # the event said Kharkiv; the analyst puts it at Chuhuiv (a place the store knows) and then at a
    # place it does not: the incident's places, label and export follow (they stayed Kharkiv)
    from store.export import export_csv, incident_records

    conn = db.conn
    write(conn, strike("a"), strike("c", place=CHUHUIV, date="2024-06-01"))
    incident = incident_of(conn, "a")
    judge = Judge(conn, "alice")
    judge.correct_event(_event_of(conn, "a"), place="Chuhuiv")
    (record,) = [r for r in incident_records(conn) if r["id"] == incident]
    chuhuiv = conn.execute("SELECT id FROM entities WHERE name = 'Chuhuiv'").fetchone()[0]
    assert record["places"] == [{"entity_id": chuhuiv, "name": "Chuhuiv"}]
    assert conn.execute("SELECT places_label FROM incidents WHERE id = ?", (incident,)).fetchone() == ("Chuhuiv",)
    judge.correct_event(_event_of(conn, "a"), place="Nowhere Farm")
    (record,) = [r for r in incident_records(conn) if r["id"] == incident]
    assert record["places"] == [{"entity_id": None, "name": "Nowhere Farm"}]
    out = io.StringIO()
    export_csv(conn, out, "incident")
    assert "Nowhere Farm" in out.getvalue()


def _event_of(conn, ref: str) -> int:
    return conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.ref = ?", (ref,)
    ).fetchone()[0]


def test_a_corrected_subtype_regroups_the_event_unless_the_analyst_placed_it(db):
    # found by an outside tester: a strike corrected to a clash stayed in the strike's incident
    conn = db.conn
    write(
        conn,
        strike("a"),
        strike("b", claimant="the mayor"),
        strike("c", claimant="the police"),
        Story("clash", [Report("Armed clash", KHARKIV, "2024-05-09", killed=5)]),
    )
    strikes, clash = incident_of(conn, "a"), incident_of(conn, "clash")
    assert incident_of(conn, "b") == incident_of(conn, "c") == strikes != clash
    judge = Judge(conn, "alice")
    judge.correct_event(_event_of(conn, "b"), subtype="Armed clash")
    assert incident_of(conn, "b") == clash  # the clash it fits now
    assert conn.execute("SELECT n_events, subtype FROM incidents WHERE id = ?", (strikes,)).fetchone() == (
        2,
        "Air/drone strike",
    )
    judge.correct_event(_event_of(conn, "c"), subtype="Agreement")
    assert incident_of(conn, "c") not in (strikes, clash)  # it fits nowhere: an incident of its own
    assert conn.execute("SELECT n_events FROM incidents WHERE id = ?", (incident_of(conn, "c"),)).fetchone() == (1,)
    # placed by hand: the analyst's merge wins over the correction
    merge_incidents(conn, incident_of(conn, "c"), strikes)
    judge.correct_event(_event_of(conn, "c"), subtype="Peaceful protest")
    assert incident_of(conn, "c") == strikes
    with conn:
        regroup(conn)
    assert incident_of(conn, "c") == incident_of(conn, "a") != incident_of(conn, "b") == incident_of(conn, "clash")


def test_an_added_event_joins_an_incident(db):
    conn = db.conn
    write(conn, strike("a"))
    story = Story("quiet", [Report("Air/drone strike", None)])  # extraction found nothing placed in it
    article, extraction = build(story)
    with conn:
        from store.writer import write_article

        write_article(conn, article, dataclasses.replace(extraction, events=[]))
    article_id = conn.execute("SELECT id FROM articles WHERE ref = 'quiet'").fetchone()[0]
    event_id, _ = Judge(conn, "alice").add_event(
        article_id, 0, len(article.text), subtype="Air/drone strike", date="2024-05-09"
    )
    assert conn.execute("SELECT incident_id IS NOT NULL FROM events WHERE id = ?", (event_id,)).fetchone() == (1,)


def test_credibility_1_is_suggested_when_independent_sources_agree_never_set(db):
    conn = db.conn
    write(conn, strike("a", killed=5), strike("b", killed=5, claimant="the mayor"), strike("c", place=CHUHUIV))
    claim_a = conn.execute(
        "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.ref = 'a'"
    ).fetchone()[0]
    claim_c = conn.execute(
        "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.ref = 'c'"
    ).fetchone()[0]
    suggested = context(conn, "claim", claim_a)["suggestion"]
    assert suggested.startswith("Suggested: 1") and "2 independent sources" in suggested
    assert context(conn, "claim", claim_c)["suggestion"] == ""  # one source alone confirms nothing
    assert conn.execute("SELECT credibility FROM claims WHERE id = ?", (claim_a,)).fetchone() == ("6",)
    assert list(log_entries(conn)) == []
    # figures that disagree are no confirmation
    write(conn, strike("d", place=CHUHUIV, killed=40, claimant="the mayor"))
    claim_c_context = context(conn, "claim", claim_c)
    assert claim_c_context["suggestion"] == ""


def test_a_merge_and_a_split_are_logged_as_the_analysts(db):
    from tui.cli import format_log_entry

    conn = db.conn
    write(conn, strike("a"), strike("b", claimant="the mayor"), strike("c", place=CHUHUIV))
    a, c = incident_of(conn, "a"), incident_of(conn, "c")
    c_event = conn.execute("SELECT min(id) FROM events WHERE incident_id = ?", (c,)).fetchone()[0]
    [merged] = Judge(conn, "alice").merge_incidents(c, a)
    assert incident_of(conn, "c") == a
    assert merged.line() == f"event {c_event}: merged out of incident {c} into incident {a}"
    new, [split] = Judge(conn, "bob").split_event(c_event)
    assert incident_of(conn, "c") == new != a
    log = list(log_entries(conn))
    assert [(e["by"], e["kind"], e["target_id"], e["what"], e["old"], e["new"]) for e in log] == [
        ("alice", "event", c_event, "merged", f"incident {c}", f"incident {a}"),
        ("bob", "event", c_event, "split", f"incident {a}", f"incident {new}"),
    ]
    assert format_log_entry(log[1]).endswith(f"  bob  event {c_event}  split  incident {a} -> incident {new}")
    # nothing to log when nothing moved; an unknown incident changes nothing
    assert Judge(conn, "bob").split_event(c_event) == (None, [])
    assert Judge(conn, "bob").merge_incidents(a, a) == []
    with pytest.raises(JudgementError, match="no incident 999"):
        Judge(conn, "bob").merge_incidents(999, a)
    assert len(list(log_entries(conn))) == 2
    assert list(detached(conn)) == []
