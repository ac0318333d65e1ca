"""Every judgement key and form of the browser, driven with Pilot on a small real store."""

from __future__ import annotations

import sqlite3

import pytest
from textual import events
from textual.widgets import Input

from app_fixtures import KHARKIV, build_small_store, settle, until
from tui.app import make_app
from tui.screens.help import HelpScreen
from tui.screens.judge import EventForm, GradeForm, JudgementsForm, NoteForm, StatusForm, TagForm

SIZE = (120, 40)


@pytest.fixture
def store(tmp_path):
    return str(build_small_store(tmp_path / "small.db"))


def make(path, analyst="alice"):
    app = make_app(path, analyst=analyst)
    app.animation_level = "none"
    return app


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def db(path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def one(path, sql, *params):
    conn = db(path)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


def every(path, sql, *params) -> list:
    conn = db(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def judged_state(path) -> list:
    conn = db(path)
    try:
        return [
            conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("judgements", "judgement_log", "judgement_notes", "judgement_tags", "events", "claims", "sources")
        ]
    finally:
        conn.close()


def form_is(app, kind) -> bool:
    return isinstance(app.screen, kind)


def error_text(app) -> str:
    return str(app.screen.query_one("#judge-error").render())


async def open_form(pilot, key, kind):
    await pilot.press(key)
    await until(pilot, lambda: form_is(pilot.app, kind))
    await pilot.pause()


async def to_events(pilot):
    """Focus the Events pane listing every article's events (it lists incidents first; v switches)."""
    await pilot.press("2")
    if pilot.app.screen.event_rows == "incidents":
        await pilot.press("v")
    await settle(pilot)


async def type_into(pilot, selector, text):
    field = pilot.app.screen.query_one(selector)
    field.value = ""
    field.focus()
    await pilot.press(*text) if text else await pilot.pause()


async def test_shift_v_verifies_the_event_under_the_cursor(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)  # the Kharkiv strike is first (newest)
        assert app.screen.events.current_row["subtype"] == "Air/drone strike"
        await pilot.press("V")
        await settle(pilot)
        assert one(store, "SELECT status FROM events WHERE subtype = 'Air/drone strike'") == ("verified",)
        assert app.screen.events.current_row["status"] == "verified"
        assert "✓ 2024-12-20" in screen_text(app)
        assert one(store, "SELECT by, what, new FROM judgement_log") == ("alice", "status", "verified")


async def test_status_form_with_a_reason(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        await open_form(pilot, "S", StatusForm)
        await pilot.press("down", "down")  # unverified -> verified -> disputed
        await type_into(pilot, "#status-reason", "figures differ")
        await pilot.press("enter")
        await settle(pilot)
        assert one(store, "SELECT new, reason FROM judgement_log") == ("disputed", "figures differ")
        assert "≠ 2024-12-20" in screen_text(app)
        # Escape leaves the form and records nothing
        before = judged_state(store)
        await open_form(pilot, "S", StatusForm)
        await pilot.press("escape")
        await settle(pilot)
        assert judged_state(store) == before


async def test_grade_a_source_and_a_bad_grade_changes_nothing(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        name = app.screen.sources.current_row["name"]
        await open_form(pilot, "R", GradeForm)
        before = judged_state(store)
        await type_into(pilot, "#grade-input", "G")
        await pilot.press("enter")
        await pilot.pause()
        assert form_is(app, GradeForm) and "unknown grade 'G'" in error_text(app)
        assert "A-F" in error_text(app)
        await type_into(pilot, "#grade-input", "")
        await pilot.press("enter")
        await pilot.pause()
        assert "no grade given" in error_text(app)
        assert judged_state(store) == before
        await type_into(pilot, "#grade-input", "b")
        await pilot.press("enter")
        await settle(pilot)
        assert not form_is(app, GradeForm)
        assert one(store, "SELECT reliability FROM sources WHERE name = ?", name) == ("B",)
        assert app.screen.sources.current_row["reliability"] == "B"


async def test_grade_and_verify_a_claim_in_the_facts(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        await pilot.press("enter")  # the Kharkiv event: evidence, figures, claim, ...
        await settle(pilot)
        facts = app.screen.facts
        index = next(i for i in range(facts.total) if facts.row(i)["kind"] == "claim")
        facts.move_cursor(index)
        await settle(pilot)
        await open_form(pilot, "R", GradeForm)
        await type_into(pilot, "#grade-input", "7")
        await pilot.press("enter")
        await pilot.pause()
        assert "credibility is 1-6" in error_text(app)
        await type_into(pilot, "#grade-input", "2")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        claim_id = facts.current_row["uid"]
        assert one(store, "SELECT credibility, status FROM claims WHERE id = ?", claim_id) == ("2", "verified")
        assert facts.current_row["judgement"] == "✓ 2"  # the Judged column
        assert "✓ 2" in screen_text(app)
        # R on the event's evidence row grades the claim that reports it
        facts.move_cursor(0)
        await settle(pilot)
        await open_form(pilot, "R", GradeForm)
        assert app.screen.query_one("#grade-input").value == "2" and f"claim {claim_id} " in str(
            app.screen.query_one(".judge-what").render()
        )
        await pilot.press("escape")
        # on a place, nothing to grade: said so, and nothing opens or changes
        before = judged_state(store)
        facts.move_cursor(next(i for i in range(facts.total) if facts.row(i)["kind"] == "place"))
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert not form_is(app, GradeForm) and judged_state(store) == before


async def test_correct_an_event_with_bad_then_good_input(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        await open_form(pilot, "e", EventForm)
        form = app.screen
        assert form.query_one("#event-subtype").value == "Air/drone strike"
        assert form.query_one("#event-killed").value == "3"
        before = judged_state(store)
        for selector, typed, message in (
            ("#event-date", "2024-13-45", "not a day of the calendar"),
            ("#event-subtype", "", "subtype is empty"),
            ("#event-subtype", "Skirmish", "unknown subtype 'Skirmish'"),
            ("#event-killed", "lots", "not a whole number"),
        ):
            form.query_one("#event-subtype").value = "Air/drone strike"
            form.query_one("#event-date").value = "2024-12-20"
            form.query_one("#event-killed").value = "3"
            await type_into(pilot, selector, typed)
            await pilot.press("enter")
            await pilot.pause()
            assert form_is(app, EventForm) and message in error_text(app), (typed, error_text(app))
        assert judged_state(store) == before
        form.query_one("#event-subtype").value = "Shelling/artillery/missile attack"
        form.query_one("#event-date").value = "2024-12-19"
        form.query_one("#event-killed").value = "4"
        await type_into(pilot, "#event-reason", "the governor corrected himself")
        await pilot.press("ctrl+s")
        await settle(pilot)
        row = one(store, "SELECT subtype, date, casualties_label, judged FROM events WHERE article_id = 3")
        assert row == ("Shelling/artillery/missile attack", "2024-12-19", "4 killed", "date killed subtype")
        assert one(store, "SELECT count(*), min(reason) FROM judgement_log") == (3, "the governor corrected himself")
        text = screen_text(app)
        assert "✎2024-12-19" in text and "✎Shelling" in text and "✎4 killed" in text
        # the facts pane's title over the event says so too (it kept the date and subtype it had)
        await until(pilot, lambda: "✎2024-12-19" in str(app.screen.facts.border_title))
        assert "Shelling/artillery/missile attack" in str(app.screen.facts.border_title)


async def test_delete_an_event_asks_twice(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        await open_form(pilot, "e", EventForm)
        await pilot.click("#event-delete")
        await pilot.pause()
        assert form_is(app, EventForm) and "Press Delete again" in error_text(app)
        assert one(store, "SELECT count(*) FROM events") == (3,)
        await pilot.pause(0.3)  # (a button ignores a press during its 0.2 s press effect)
        await pilot.click("#event-delete")
        await settle(pilot)
        assert one(store, "SELECT count(*) FROM events") == (2,)
        assert app.screen.events.total == 2
        assert one(store, "SELECT what FROM judgement_log") == ("deleted",)


async def test_notes_and_tags_from_every_pane(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for pane, key_pane in (("1", "article"), ("2", "event"), ("3", "source")):
            if pane == "2":
                await to_events(pilot)  # (notes are for events; the pane lists incidents first)
            await pilot.press(pane)
            await settle(pilot)
            await open_form(pilot, "n", NoteForm)
            await pilot.press("enter")
            await pilot.pause()
            assert "note is empty" in error_text(app)
            await type_into(pilot, "#note-input", f"[b]{key_pane}[/b] checked")
            await pilot.press("enter")
            await settle(pilot)
            await open_form(pilot, "t", TagForm)
            await type_into(pilot, "#tag-input", "kursk;x")
            await pilot.press("enter")
            await pilot.pause()
            assert "cannot hold" in error_text(app)
            await type_into(pilot, "#tag-input", "#Desk")
            await pilot.press("enter")
            await settle(pilot)
        conn = db(store)
        kinds = conn.execute(
            "SELECT j.kind, n.text FROM judgement_notes n JOIN judgements j ON j.id = n.judgement_id ORDER BY n.id"
        ).fetchall()
        assert kinds == [
            ("article", "[b]article[/b] checked"),
            ("event", "[b]event[/b] checked"),
            ("source", "[b]source[/b] checked"),
        ]
        assert conn.execute("SELECT count(*) FROM judgement_tags WHERE tag = 'desk'").fetchone() == (3,)
        conn.close()
        # the tag form shows the tags, and "-tag" takes one off
        await open_form(pilot, "t", TagForm)
        assert "#Desk" in str(app.screen.query_one("#tag-current").render())
        await type_into(pilot, "#tag-input", "-desk")
        await pilot.press("enter")
        await settle(pilot)
        assert one(store, "SELECT count(*) FROM judgement_tags") == (2,)
        # the reader's n and t are about the article shown
        await pilot.press("tab")
        assert app.focused.id == "reader"
        await open_form(pilot, "n", NoteForm)
        assert "[b]article[/b] checked" in str(app.screen.query_one(".judge-notes").render())
        await pilot.press("escape")
        assert app.is_running


async def test_a_note_typed_in_one_read_with_its_key_is_all_in_the_form(store):
    """A terminal delivers "n" and the note after it in one read, before the form is up."""
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for ch in "nchecked twice":
            app.post_message(events.Key("space" if ch == " " else ch, ch))
        await settle(pilot)
        assert form_is(app, NoteForm), (app.screen, app.focused)
        assert app.screen.query_one("#note-input", Input).value == "checked twice"


async def test_enter_twice_in_one_read_answers_a_form_once(store):
    """Keys typed fast come in one read: the second Enter reaches the form after the first answered.
    It recorded the note twice, then popped the main screen (ScreenStackError: the app died)."""
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_form(pilot, "n", NoteForm)
        await type_into(pilot, "#note-input", "seen twice?")
        for _ in range(3):
            app.post_message(events.Key("enter", None))
        await settle(pilot)
        assert app.is_running and not form_is(app, NoteForm)
        assert one(store, "SELECT count(*) FROM judgement_notes WHERE text = 'seen twice?'") == (1,)
        await open_form(pilot, "J", JudgementsForm)  # a form with no field to fill: Enter answers at once
        for _ in range(3):
            app.post_message(events.Key("enter", None))
        await settle(pilot)
        assert app.is_running and len(app.screen_stack) >= 1


async def test_add_an_event_from_the_sentence_under_the_readers_cursor(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.reader.article.text == KHARKIV
        await pilot.press("tab", "tab", "tab")
        assert app.focused.id == "reader"
        reader = app.screen.reader
        # passing the Events pane showed its strike: the evidence, at the start of the first sentence
        assert reader.highlighted == (0, len("A Russian drone strike on Kharkiv killed three civilians overnight"))
        first = KHARKIV[: KHARKIV.index("Telegram.") + len("Telegram.")]
        second = KHARKIV.index('"Two houses')
        await pilot.press("left_parenthesis")  # no sentence starts before the cursor
        assert reader.highlighted[0] == 0
        await pilot.press("right_parenthesis")
        assert reader.highlighted == (second, len(KHARKIV))
        await pilot.press("left_parenthesis")
        assert reader.highlighted == (0, len(first))
        await pilot.press("right_parenthesis")
        await pilot.press("a")
        await until(pilot, lambda: form_is(app, EventForm))
        assert "Two houses were destroyed" in str(app.screen.query_one(".judge-what").render())
        assert app.screen.query_one(".judge-box").border_title == "Add event"  # (it said "Correct event")
        before = judged_state(store)
        await pilot.press("enter")
        await pilot.pause()
        assert "subtype is empty" in error_text(app) and judged_state(store) == before
        await type_into(pilot, "#event-subtype", "looting/property destruction")
        await type_into(pilot, "#event-date", "2024-12-20")
        await pilot.press("enter")
        await settle(pilot)
        row = one(
            store, "SELECT subtype, date, evidence_start, evidence_end, judged FROM events WHERE judged = 'added'"
        )
        assert row == ("Looting/property destruction", "2024-12-20", second, len(KHARKIV), "added")
        assert any(s.kind == "event" and s.start == second for s in reader.article.spans)  # the reader knows it
        assert one(
            store, "SELECT subtype FROM incidents WHERE id = (SELECT incident_id FROM events WHERE judged = 'added')"
        ) == ("Looting/property destruction",)  # grouped as any event
        await to_events(pilot)
        assert app.screen.events.total == 4
        assert "+Looting/" in screen_text(app)


async def test_j_lists_judgements_filtered_and_enter_opens_one(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        await open_form(pilot, "t", TagForm)
        await type_into(pilot, "#tag-input", "desk")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await open_form(pilot, "R", GradeForm)
        await type_into(pilot, "#grade-input", "C")
        await pilot.press("enter")
        await settle(pilot)
        await open_form(pilot, "J", JudgementsForm)
        await pilot.press("enter")  # List: everything judged, newest first
        await settle(pilot)
        facts = app.screen.facts
        assert app.focused is facts and [facts.row(i)["kind"] for i in range(facts.total)] == ["source", "event"]
        await open_form(pilot, "J", JudgementsForm)
        await type_into(pilot, "#judgements-tag", "DESK")
        await pilot.press("enter")
        await settle(pilot)
        assert [facts.row(i)["kind"] for i in range(facts.total)] == ["event"]
        assert "Judgements · #DESK" in screen_text(app)
        await pilot.press("enter")  # opens the event's article with its evidence highlighted
        await settle(pilot)
        assert app.screen.reader.article.text == KHARKIV and app.screen.reader.highlighted[0] == 0


async def test_orphaned_judgements_are_listed_with_their_span(store):
    from extract.model import Extraction
    from store.db import open_store
    from store.reextract import reextract

    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        await pilot.press("V")
        await settle(pilot)
        database = open_store(store)
        reextract(database, [3], extractor=lambda text, published: Extraction())  # a newer extractor: no event
        database.close()
        await pilot.press("r")
        await settle(pilot)
        await open_form(pilot, "J", JudgementsForm)
        app.screen.query_one("#judgements-detached").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        facts = app.screen.facts
        assert facts.total == 1 and facts.row(0)["kind"] == "orphaned"
        assert facts.row(0)["label"] == "Air/drone strike"
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.reader
        start, end = reader.highlighted
        assert reader.article.text[start:end] == "A Russian drone strike on Kharkiv killed three civilians overnight"


async def test_events_filter_by_status_and_tag(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        await pilot.press("V", "j")
        await settle(pilot)
        await open_form(pilot, "t", TagForm)
        await type_into(pilot, "#tag-input", "plekhovo")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f")
        await until(pilot, lambda: type(app.screen).__name__ == "FilterScreen")
        app.screen.query_one("#filter-status").value = "verified"
        await pilot.press("ctrl+s")
        await settle(pilot)
        events = app.screen.events
        assert events.total == 1 and events.row(0)["subtype"] == "Air/drone strike"
        assert "verified" in str(events.border_subtitle)
        await pilot.press("f")
        await until(pilot, lambda: type(app.screen).__name__ == "FilterScreen")
        app.screen.query_one("#filter-status").clear()
        app.screen.query_one("#filter-tag").value = "Plekhovo"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert events.total == 1 and events.row(0)["article_id"] in (1, 2) and events.row(0)["status"] is None
        await pilot.press("f")
        await until(pilot, lambda: type(app.screen).__name__ == "FilterScreen")
        app.screen.query_one("#filter-tag").value = ""
        app.screen.query_one("#filter-status").value = "unverified"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert events.total == 2


async def test_help_lists_the_judgement_keys_and_they_can_be_remapped(store, monkeypatch):
    app = make(store)
    async with app.run_test(size=(160, 200)) as pilot:  # tall enough for the whole list
        await settle(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        text = screen_text(app)
        for needle in (
            "judge.verify",
            "judge.status",
            "judge.grade",
            "judge.correct",
            "judge.note",
            "judge.tag",
            "judge.add_event",
            "judgements.list",
            "reader.next_sentence",
            "reader.previous_sentence",
            "Grade (Admiralty)",
        ):
            assert needle in text, needle
    monkeypatch.setenv("SITREP_KEYS", "judge.verify=ctrl+y")
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        await pilot.press("V")
        await settle(pilot)
        assert one(store, "SELECT count(*) FROM judgement_log") == (0,)
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert one(store, "SELECT status FROM events WHERE article_id = 3") == ("verified",)


async def test_the_analyst_recorded_is_the_apps(store, monkeypatch, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('analyst = "erin"\n', encoding="utf-8")
    monkeypatch.setenv("SITREP_CONFIG", str(config))
    for env, expected in ((None, "erin"), ("bob", "bob")):  # the config file's, then $SITREP_ANALYST's
        if env:
            monkeypatch.setenv("SITREP_ANALYST", env)
        else:
            monkeypatch.delenv("SITREP_ANALYST", raising=False)
        app = make(store, analyst=None)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await to_events(pilot)
            await pilot.press("S")
            await until(pilot, lambda: form_is(pilot.app, StatusForm))
            await pilot.press("down", "down", "down" if env else "up", "enter")
            await settle(pilot)
        assert one(store, "SELECT by FROM judgement_log ORDER BY id DESC LIMIT 1") == (expected,)


async def test_an_event_gone_meanwhile_is_said_not_recorded(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_events(pilot)
        conn = db(store)
        with conn:
            conn.execute("PRAGMA foreign_keys = OFF")
            for table in ("event_places", "event_actors", "casualties", "claim_events"):
                conn.execute(f"DELETE FROM {table} WHERE event_id = (SELECT id FROM events WHERE article_id = 3)")
            conn.execute("DELETE FROM events WHERE article_id = 3")  # another process took it away
        conn.close()
        await pilot.press("V")
        await settle(pilot)
        assert one(store, "SELECT count(*) FROM judgements") == (0,)
        assert app.is_running
        assert any("no such event" in str(n.message) for n in app._notifications)


async def test_incident_keys_in_the_events_pane_and_the_incident_view(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        events = app.screen.events
        assert app.screen.event_rows == "incidents" and events.total == 2
        kharkiv = events.current_row["id"]
        await pilot.press("V")  # verifies the incident under the cursor
        await settle(pilot)
        assert one(store, "SELECT status FROM incidents WHERE id = ?", kharkiv) == ("verified",)
        assert events.current_row["status"] == "verified" and "✓ " in screen_text(app)
        await pilot.press("j")
        await settle(pilot)
        await open_form(pilot, "S", StatusForm)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        plekhovo = events.current_row["id"]
        assert one(store, "SELECT status FROM incidents WHERE id = ?", plekhovo) == ("disputed",)
        # the incident view: its versions side by side; the keys judge the version's event and claim
        await pilot.press("enter")
        await settle(pilot)
        facts = app.screen.facts
        assert facts.query.kind == "versions" and facts.total == 2
        await pilot.press("V")
        await settle(pilot)
        version_event = facts.current_row["uid"]
        assert one(store, "SELECT status FROM events WHERE id = ?", version_event) == ("verified",)
        assert facts.current_row["judgement"] == "✓" and "✓" in screen_text(app)
        # R on a version: its claim's credibility, with 1 suggested (two independent sources agree)
        await open_form(pilot, "R", GradeForm)
        suggestion = str(app.screen.query_one("#grade-suggestion").render())
        assert suggestion.startswith("Suggested: 1") and "2 independent sources" in suggestion
        assert app.screen.query_one("#grade-input").value == "6"  # suggested, never set
        await pilot.press("escape")
        await settle(pilot)
        assert one(store, "SELECT count(*) FROM claims WHERE credibility = '1'") == (0,)
        await open_form(pilot, "e", EventForm)
        assert app.screen.query_one("#event-subtype").value == "Armed clash"
        await pilot.press("escape")
        # the filter finds incidents by status
        await pilot.press("2", "f")
        await until(pilot, lambda: type(app.screen).__name__ == "FilterScreen")
        app.screen.query_one("#filter-status").value = "disputed"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert events.total == 1 and events.row(0)["id"] == plekhovo


async def test_n_and_t_on_an_incident_note_and_tag_each_of_its_events(store):
    """n and t on an incident row said "Nothing to note here"; notes and tags are for events (the
    contract's `sitrep note`/`tag` kinds), and the filter finds an incident by its events' tags."""
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "j")
        await settle(pilot)
        incident = app.screen.events.current_row
        assert incident["n_articles"] == 2
        its_events = [r[0] for r in every(store, "SELECT id FROM events WHERE incident_id = ?", incident["id"])]
        await open_form(pilot, "n", NoteForm)
        assert "on each of its 2 events" in screen_text(app)
        await type_into(pilot, "#note-input", "AP and HUR agree")
        await pilot.press("enter")
        await settle(pilot)
        noted = every(
            store,
            "SELECT j.kind, j.target_id, n.text FROM judgement_notes n JOIN judgements j ON j.id = n.judgement_id",
        )
        assert sorted(noted) == [("event", e, "AP and HUR agree") for e in sorted(its_events)]
        await open_form(pilot, "t", TagForm)
        await type_into(pilot, "#tag-input", "kursk")
        await pilot.press("enter")
        await settle(pilot)
        log = every(store, "SELECT kind, target_id, what, new FROM judgement_log")
        assert sorted(log) == sorted(
            [("event", e, "note", "AP and HUR agree") for e in its_events]
            + [("event", e, "tag", "kursk") for e in its_events]
        )
        await pilot.press("f")
        await until(pilot, lambda: type(app.screen).__name__ == "FilterScreen")
        app.screen.query_one("#filter-tag").value = "kursk"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [app.screen.events.row(i)["id"] for i in range(app.screen.events.total)] == [incident["id"]]
        await open_form(pilot, "t", TagForm)  # the form shows its events' tags; -tag takes it off each
        assert "#kursk" in str(app.screen.query_one("#tag-current").render())
        await type_into(pilot, "#tag-input", "-kursk")
        await pilot.press("enter")
        await settle(pilot)
        assert one(store, "SELECT count(*) FROM judgement_tags") == (0,)


async def test_a_read_only_store_is_said_at_launch_and_a_judgement_says_why_it_is_not_recorded(store, monkeypatch):
    from store.db import open_store

    monkeypatch.setattr("tui.screens.main.writable", lambda path: False)
    monkeypatch.setattr("tui.screens.judging.open_store", lambda path: open_store(path, readonly=True))
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert any("read-only here" in m for m in said), said
        await to_events(pilot)
        await pilot.press("V")
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert said[-1].startswith("The store is read-only here") and "OperationalError" not in said[-1], said
    assert one(store, "SELECT status FROM events WHERE subtype = 'Air/drone strike'") != ("verified",)


async def test_r_in_the_events_pane_grades_an_events_claim_and_says_why_not_on_an_incident(store):
    from tui.screens.main import MainScreen

    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")  # incidents: several sources, several claims
        await settle(pilot)
        before = judged_state(store)
        await pilot.press("R")
        await settle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert not form_is(app, GradeForm) and judged_state(store) == before
        assert said and "open it" in said[-1] and "R on a version" in said[-1], said
        await to_events(pilot)  # one article's event: R grades the claim that reports it
        await open_form(pilot, "R", GradeForm)
        assert " claim " in f" {app.screen.query_one('.judge-what').render()} "
        await type_into(pilot, "#grade-input", "3")
        await pilot.press("enter")
        await settle(pilot)
        assert one(store, "SELECT kind, what, new FROM judgement_log") == ("claim", "grade", "3")
        # Help says where R works: the Events pane among them
        groups = dict((where, [b.id for b in bindings]) for where, bindings in MainScreen.binding_groups(app.screen))
        assert any("Events" in where and "judge.grade" in ids for where, ids in groups.items()), groups
