"""The Events pane lists incidents; Enter opens one (each source's version side by side); m merges
two incidents and x splits a version out, from the keyboard, and the choice is kept."""

from __future__ import annotations

import pytest
from textual.content import Content

from app_fixtures import build_small_store, settle, span, until
from extract.model import Casualty, Claim, Entity, Event, Extraction, PlaceRef, Source
from store.db import open_store
from store.incidents import regroup
from store.readers import RawArticle
from store.writer import write_article
from tui.app import make_app
from tui.screens.main import VERSION_COLUMNS

SIZE = (140, 40)
KHARKIV_AGAIN = (
    "Five people were killed when Russian drones hit Kharkiv overnight, the city's mayor Ihor "
    "Terekhov said. Firefighters worked through the night."
)


def _kharkiv_again():
    t = KHARKIV_AGAIN
    kharkiv = Entity("kharkiv", "place", "Kharkiv", [span(t, "Kharkiv")], country="UA")
    mayor = Source("mayor", "Ihor Terekhov", "person")
    claim = Claim(
        "c1", "mayor", span(t, "said"), span(t, "Five people were killed when Russian drones hit Kharkiv overnight")
    )
    event = Event(
        "e1",
        "Explosions/Remote violence",
        "Air/drone strike",
        span(t, t[: t.index("said.") + 5]),
        date="2024-12-20",
        date_precision="day",
        places=[PlaceRef("kharkiv", "Kharkiv", span(t, "Kharkiv"))],
        casualties=[Casualty("killed", 5, 5, "exact", "people", span(t, "Five people were killed"))],
        claim_keys=["c1"],
        confidence=0.85,
    )
    return (
        RawArticle(
            "fixtures/kharkiv-mayor.txt", t, title="Mayor: five killed in Kharkiv", outlet="AFP", published="2024-12-21"
        ),
        Extraction([kharkiv], [mayor], [claim], [event]),
    )


@pytest.fixture
def store(tmp_path):
    path = build_small_store(tmp_path / "small.db")
    db = open_store(path)
    with db:
        write_article(db, *_kharkiv_again())
    db.close()
    return str(path)


def make(path):
    app = make_app(path)
    app.animation_level = "none"
    return app


def title(widget) -> str:
    return Content.from_markup(widget.border_title).plain


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def open_incident(pilot, subtype: str) -> None:
    """Focus the Events pane and press Enter on the first incident of ``subtype``."""
    events = pilot.app.screen.events
    await pilot.press("2")
    events.move_cursor(index_of(events, lambda r: r["subtype"] == subtype))
    await pilot.press("enter")
    await settle(pilot)


def index_of(row_list, predicate) -> int:
    for index in range(row_list.total or 0):
        row = row_list.row(index)
        if row is not None and predicate(row):
            return index
    raise AssertionError("no such row")


async def test_the_events_pane_lists_incidents_with_their_sources(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        events = screen.events
        assert events.total == 2 and "2 incidents" in str(events.border_subtitle)
        kharkiv = events.row(index_of(events, lambda r: r["subtype"] == "Air/drone strike"))
        assert (kharkiv["n_sources"], kharkiv["n_articles"], kharkiv["casualties_label"]) == (2, 2, "3–5 killed")
        text = screen_text(app)
        assert "Src" in text and "Art" in text and "3–5 killed" in text
        await pilot.press("2", "v")  # one keystroke: the events as each article gives them
        await settle(pilot)
        assert events.total == 4 and "4 events" in str(events.border_subtitle)
        await pilot.press("v")
        await settle(pilot)
        assert events.total == 2


async def test_enter_opens_the_versions_side_by_side_with_conflicts_marked(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await open_incident(pilot, "Air/drone strike")
        facts = screen.facts
        assert app.focused is facts and title(facts).startswith("Incident · Air/drone strike")
        assert facts.columns == VERSION_COLUMNS
        rows = [facts.row(i) for i in range(facts.total)]
        assert {(r["claimant"], r["outlet"], r["figures"], r["mark"]) for r in rows} == {
            ("Oleh Syniehubov", "Reuters", "3 killed", "≠"),
            ("Ihor Terekhov", "AFP", "5 killed", "≠"),
        }
        text = screen_text(app)
        assert "Claimant" in text and "Outlet" in text and "≠" in text, text
        # the version under the cursor is shown in its article, its evidence highlighted
        first = facts.current_row
        assert screen.reader.article.id == first["article_id"]
        assert screen.reader.highlighted == (first["start"], first["end"])
        await pilot.press("j")
        await settle(pilot)
        second = facts.current_row
        assert screen.reader.article.id == second["article_id"] != first["article_id"]
        await pilot.press("enter")  # Enter: that article, the span highlighted
        await settle(pilot)
        assert screen.view.mode == "article" and screen.reader.article.id == second["article_id"]
        assert screen.reader.highlighted == (second["start"], second["end"])
        assert title(facts).startswith("Facts")
        await pilot.press("escape")
        await settle(pilot)
        assert title(facts).startswith("Incident · Air/drone strike") and facts.cursor == 1
        await pilot.press("o")  # one keystroke to the event as its article gives it
        await settle(pilot)
        assert title(facts).startswith("Event · Air/drone strike")
        kinds = [facts.row(i)["kind"] for i in range(facts.total)]
        assert "incident" in kinds and "evidence" in kinds
        assert facts.columns != VERSION_COLUMNS


async def test_x_splits_a_version_out_and_the_split_survives_regrouping(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await open_incident(pilot, "Armed clash")
        assert screen.facts.total == 2
        await pilot.press("j", "x")
        await until(pilot, lambda: screen.events.total == 3)
        await settle(pilot)
        assert screen.facts.total == 1  # the incident shown keeps the other version
    db = open_store(store)
    assert db.execute("SELECT choice FROM incident_choices").fetchall() == [("apart",)]
    with db:
        regroup(db)
    assert db.execute("SELECT count(*) FROM incidents").fetchone()[0] == 3
    db.close()


async def test_m_on_two_incidents_merges_them_and_the_merge_is_kept(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        events = screen.events
        await pilot.press("2")
        events.move_cursor(index_of(events, lambda r: r["subtype"] == "Armed clash"))
        await pilot.press("m")
        await settle(pilot)
        assert "m on another to merge" in str(events.border_subtitle)
        events.move_cursor(index_of(events, lambda r: r["subtype"] == "Air/drone strike"))
        await pilot.press("m")
        await until(pilot, lambda: events.total == 1)
        await settle(pilot)
        assert events.row(0)["n_articles"] == 4
    db = open_store(store)
    # every event kept together with one of them: 4 events, 3 pairs
    assert db.execute("SELECT choice FROM incident_choices").fetchall() == [("together",)] * 3
    with db:
        regroup(db)
    assert db.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1
    db.close()


def _odesa():
    t = "Russian missiles hit the port of Odesa on Wednesday, the regional governor said."
    odesa = Entity("odesa", "place", "Odesa", [span(t, "Odesa")], country="UA")
    event = Event(
        "e1",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        span(t, t),
        date="2024-12-25",
        date_precision="day",
        places=[PlaceRef("odesa", "Odesa", span(t, "Odesa"))],
        confidence=0.9,
    )
    article = RawArticle("fixtures/odesa.txt", t, title="Missiles hit Odesa", outlet="AP", published="2024-12-26")
    return article, Extraction([odesa], [], [], [event])


async def test_after_a_merge_the_cursor_is_on_the_incident_merged_into(store):
    db = open_store(store)
    with db:
        write_article(db, *_odesa())
    db.close()
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        events = app.screen.events
        await pilot.press("2")
        await settle(pilot)
        assert events.total == 3 and events.row(0)["places_label"] == "Odesa"  # newest first
        await pilot.press("m", "down")
        await settle(pilot)
        target = events.current_row["id"]
        await pilot.press("m")  # Odesa's incident into the one below it, which moves up a row
        await until(pilot, lambda: events.total == 2)
        await settle(pilot)
        assert events.cursor == 0 and events.current_row["id"] == target
        assert title(app.screen.facts).startswith("Incident")


async def test_m_twice_on_one_incident_cancels(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("2", "m")
        await settle(pilot)
        assert screen.merge_mark is not None
        await pilot.press("m")
        await settle(pilot)
        assert screen.merge_mark is None and screen.events.total == 2


async def test_split_and_merge_keys_show_only_where_they_work(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.check_action("split_event", ()) is False  # no incident open
        await pilot.press("2")
        await settle(pilot)
        assert "Merge incidents" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.check_action("split_event", ()) is True and "Split out" in screen_text(app)
        await pilot.press("2", "v")
        await settle(pilot)
        assert screen.check_action("merge_incident", ()) is False


async def test_enter_on_a_version_puts_the_facts_cursor_on_its_event(tmp_path):
    # the version's event is the second of its article: what a key judges is what the reader shows
    from extract.pipeline import extract_article

    path = build_small_store(tmp_path / "small.db")
    text = (
        "Russian shelling killed two people in Kherson on Friday, the regional governor said.\n\n"
        "Separately, three people were killed when Russian drones hit Kharkiv overnight, the city's mayor said."
    )
    db = open_store(path)
    with db:
        write_article(
            db,
            RawArticle("fixtures/two.txt", text, title="Two strikes", outlet="Ukrinform", published="2024-12-21"),
            extract_article(text, "2024-12-21"),
        )
    db.close()
    app = make(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await open_incident(pilot, "Air/drone strike")
        facts = screen.facts
        facts.move_cursor(index_of(facts, lambda r: r["outlet"] == "Ukrinform"))
        version = facts.current_row
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view.mode == "article" and screen.reader.highlighted == (version["start"], version["end"])
        assert facts.cursor > 0
        assert (facts.current_row["kind"], facts.current_row["uid"]) == ("event", version["uid"])


async def test_a_versions_date_is_shown_as_precise_as_it_is_known(store):
    # a version dated to two days shows both, as the Events pane does (not only the first day)
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_incident(pilot, "Armed clash")
        versions = [line.split("│")[-2] for line in screen_text(app).splitlines() if "Kyiv Inde" in line]
        assert versions and "14–15 Dec 2024" in versions[-1], versions


async def test_after_a_split_the_incidents_title_and_the_version_shown_are_read_again(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await open_incident(pilot, "Armed clash")
        facts = screen.facts
        assert "2 sources" in title(facts), title(facts)
        await pilot.press("x")  # the first version leaves; the second is now under the cursor
        await until(pilot, lambda: screen.events.total == 3)
        await settle(pilot)
        left = facts.current_row
        assert facts.total == 1 and "1 source" in title(facts) and "2 sources" not in title(facts), title(facts)
        assert title(facts).startswith("Incident · Armed clash")
        assert screen.reader.article.id == left["article_id"]  # the version shown is the one left
        detail = screen.query_one("#fact-detail").render()
        assert left["label"] in str(detail), str(detail)


async def test_after_a_merge_the_incident_shown_has_its_new_sources_and_figures(store):
    app = make(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        events = screen.events
        await open_incident(pilot, "Armed clash")
        await pilot.press("2")
        events.move_cursor(index_of(events, lambda r: r["subtype"] == "Air/drone strike"))
        await pilot.press("m")
        await settle(pilot)
        events.move_cursor(index_of(events, lambda r: r["subtype"] == "Armed clash"))
        await settle(pilot)
        await pilot.press("enter")  # the Armed clash incident, opened
        await settle(pilot)
        before = title(screen.facts)
        assert before.startswith("Incident · Armed clash") and "2 sources" in before, before
        await pilot.press("2", "m")  # the drone strike merged into it
        await until(pilot, lambda: events.total == 1)
        await settle(pilot)
        after = title(screen.facts)
        assert screen.facts.total == 4, after
        assert after == (
            "Incident · Armed clash · 14–20 Dec 2024 · Plekhovo, Kharkiv · 3–12 killed; ≥30 killed/wounded · 4 sources"
        )
        await pilot.press("escape")  # back to a view of the incident shown before the merge
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert title(screen.facts) == after


async def test_a_split_made_in_the_browser_is_in_the_log_under_the_analysts_name(store):
    from store.judgements import log_entries

    app = make_app(store, analyst="carol")
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_incident(pilot, "Armed clash")
        event = app.screen.facts.current_row["uid"]
        await pilot.press("x")
        await until(pilot, lambda: app.screen.events.total == 3)
        await settle(pilot)
    db = open_store(store)
    [entry] = list(log_entries(db))
    db.close()
    assert (entry["by"], entry["kind"], entry["target_id"], entry["what"]) == ("carol", "event", event, "split")
