"""The browser on a real corpus (issue 14), driven with Pilot: honest dates and history, full-text
search, views that follow the cursor, articles without metadata, any terminal size."""

from __future__ import annotations

import pytest
from browser_fixtures import DUMP_REF, build_browser_store
from textual.content import Content

from app_fixtures import settle, until
from tui.app import make_app
from tui.screens.filter import ArticleFilterScreen, FilterScreen
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen


def title(widget) -> str:
    return Content.from_markup(widget.border_title).plain


def subtitle(widget) -> str:
    return Content.from_markup(widget.border_subtitle).plain


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def pane_text(row_list) -> str:
    """The lines a list draws (header and the rows on screen)."""
    return "\n".join(row_list.render_line(y).text for y in range(row_list.scrollable_content_region.height))


def rows(row_list) -> list[dict]:
    return [row_list.row(i) for i in range(row_list.total or 0)]


def _event_day(path: str, event_id: int) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT date FROM events WHERE id = ?", (event_id,)).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def store(tmp_path):
    return str(build_browser_store(tmp_path / "browser.db"))


def make(path):
    app = make_app(path)
    app.animation_level = "none"
    return app


async def test_dates_show_their_precision_and_history_is_hidden_until_asked_for(store):
    app = make(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        text = pane_text(screen.events)
        assert "2024-04 " in text and "14–15 Dec 2024" in text and "2024-05-06" in text
        assert "2024-04-01" not in text and "…" not in "".join(line[:16] for line in text.splitlines())
        assert "1944" not in text and "2025" not in text  # history and later: hidden
        assert "no history" in subtitle(screen.events)
        await pilot.press("2", "f")
        await until(pilot, lambda: isinstance(app.screen, FilterScreen))
        app.screen.query_one("#filter-history").value = True
        app.screen.query_one("#filter-to").value = "2024-05"
        await pilot.press("ctrl+s")
        await settle(pilot)
        dates = [r["date"] for r in rows(screen.events)]
        assert "1944-01-01" in dates and "2025-01-01" not in dates  # up to the end of May 2024
        assert "⟲1944" in pane_text(screen.events)  # marked as history
        assert "to 2024-05" in subtitle(screen.events) and "99" not in subtitle(screen.events)


async def test_slash_finds_words_of_the_text_and_enter_opens_the_article_at_the_match(store):
    app = make(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"soviet troops")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        hits = [r for r in search.results if r["kind"] == "article"]
        assert [h["ref"] for h in hits] == [DUMP_REF]
        snippet = hits[0]["snippet"]
        assert [snippet[s:e] for s, e in hits[0]["marks"]] == ["Soviet", "troops"]
        assert "in text" in str(search.query_one("#search-status").render())
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.reader
        start, end = reader.highlighted
        assert reader.article.text[start:end] == "Soviet troops"
        assert "Soviet troops" in reader.visible_text


async def test_names_come_before_text_hits_and_a_sentence_is_searched_as_text(store):
    app = make(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kharkiv")
        await settle(pilot)
        kinds = [r["kind"] for r in app.screen.results]
        assert kinds[0] == "entity" and "article" in kinds and kinds.index("article") > kinds.index("entity")
        app.screen.query_one("#search-input").value = "x " * 600  # no name is this long: text only
        await settle(pilot)
        assert "Search failed" not in str(app.screen.query_one("#search-status").render())


async def test_a_place_view_follows_the_cursor_sorts_events_by_date_and_shows_each_mention_in_its_sentence(store):
    app = make(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"plekhovo", "enter")
        await settle(pilot)
        facts = screen.facts
        assert title(facts) == "Place · Plekhovo" and app.focused is facts
        # the reader shows the row under the cursor at once, without a key
        first = facts.current_row
        assert screen.reader.article.id == first["article_id"]
        assert screen.reader.highlighted == (first["start"], first["end"])
        events = [r for r in rows(facts) if r["kind"] == "event"]
        mentions = [r for r in rows(facts) if r["kind"] == "mention"]
        days = [_event_day(store, e["link_id"]) for e in events]
        assert days == sorted(days, reverse=True) and len(days) == 2
        # a mention shows its sentence, not the article's title
        assert any(m["detail"].startswith("Ukraine's military intelligence reported") for m in mentions)
        assert not any(m["detail"] == "North Korean troops hit near Plekhovo" for m in mentions)
        # moving to a row from another article shows that article
        other = next(i for i, r in enumerate(rows(facts)) if r["article_id"] != first["article_id"])
        facts.move_cursor(other)
        await settle(pilot)
        assert screen.reader.article.id == facts.row(other)["article_id"]
        # Enter on an event opens the event, not the whole article's facts
        facts.move_cursor(next(i for i, r in enumerate(rows(facts)) if r["kind"] == "event"))
        await pilot.press("enter")
        await settle(pilot)
        assert title(facts).startswith("Event · ")


async def test_an_article_without_metadata_shows_its_ref_and_a_derived_headline(store):
    app = make(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        index = next(i for i, r in enumerate(rows(screen.articles)) if r["ref"] == DUMP_REF)
        assert screen.articles.row(index)["title"] == "Kyiv museum marks the liberation of 1944"
        screen.articles.move_cursor(index)
        await settle(pilot)
        assert title(screen.reader) == "Kyiv museum marks the liberation of 1944"
        assert DUMP_REF in subtitle(screen.reader)
        assert "NEW You can now listen" not in pane_text(screen.articles)


async def test_articles_filter_by_words_dates_and_outlet_and_sort_by_date(store):
    app = make(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        newest = [r["published"] for r in rows(screen.articles)]
        assert newest == sorted(newest, reverse=True)
        await pilot.press("1", "s")
        await settle(pilot)
        assert [r["published"] for r in rows(screen.articles)] == sorted(newest)
        assert "oldest first" in subtitle(screen.articles)
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, ArticleFilterScreen))
        app.screen.query_one("#filter-text").value = "drone"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {r["ref"] for r in rows(screen.articles)} == {"fixtures/kharkiv.txt", DUMP_REF}
        assert "with “drone”" in subtitle(screen.articles)
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, ArticleFilterScreen))
        app.screen.query_one("#filter-text").value = ""
        app.screen.query_one("#filter-outlet").value = "tass"
        app.screen.query_one("#filter-from").value = "2024-12"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r["ref"] for r in rows(screen.articles)] == ["fixtures/kursk-other.txt"]


async def test_at_80x24_nothing_is_cut_and_dialogs_fit(store):
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        text = screen_text(app)
        assert "14–15 Dec 2024" in text and "2024-12-20" in text  # dates whole
        assert screen.sources.size.height - 3 >= 3  # Sources shows its rows
        footer = text.splitlines()[-1]
        assert "q Quit" in footer and "? Help" in footer
        # columns that say nothing give way: the reliability is F on every source
        header = next(line for line in text.splitlines() if "Source" in line and "Claims" in line)
        assert " Rel " not in header
        for key, kind in (("question_mark", HelpScreen), ("slash", SearchScreen)):
            await pilot.press(key)
            await until(pilot, lambda kind=kind: isinstance(app.screen, kind))
            await settle(pilot)
            box = app.screen.query_one("#help-box" if kind is HelpScreen else "#search-box").region
            assert box.x >= 0 and box.right <= 80 and box.y >= 0 and box.bottom <= 24
            await pilot.press("escape")
            await settle(pilot)


async def test_columns_that_say_nothing_hide_and_come_back_when_a_row_says_something(tmp_path):
    from extract.model import Extraction
    from store.db import open_store
    from store.readers import RawArticle
    from store.writer import write_article

    path = tmp_path / "bare.db"
    db = open_store(path)
    with db:
        for n in range(3):
            write_article(
                db, RawArticle(f"dump:{n}", f"Text {n} of a dump.", published="2024-01-0" + str(n + 1)), Extraction()
            )
    db.close()
    app = make(str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        header = app.screen.articles.render_line(0).text
        assert "Outlet" not in header and "Title" in header
    db = open_store(path)
    with db:
        write_article(db, RawArticle("wire:1", "A wire story.", outlet="Wire", published="2024-01-09"), Extraction())
    db.close()
    app = make(str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Outlet" in app.screen.articles.render_line(0).text


async def test_other_sources_figures_side_by_side_only_when_another_source_gives_one(store):
    app = make(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("2", "v")  # every article's events (the pane lists incidents)
        await settle(pilot)
        events = rows(screen.events)
        kursk = next(i for i, r in enumerate(events) if r["casualties_label"].startswith("≥30"))
        screen.events.move_cursor(kursk)
        await pilot.press("enter")
        await settle(pilot)
        figures = [r for r in rows(screen.facts) if r["kind"] == "figures"]
        assert figures[0]["label"] == (
            "Ukraine's military intelligence: ≥30 killed/wounded · Russian defence ministry: 12 killed"
        )
        await pilot.press("escape", "2")
        await settle(pilot)
        kharkiv = next(
            i for i, r in enumerate(events) if r["subtype"] == "Air/drone strike" and r["places_label"] == "Kharkiv"
        )
        screen.events.move_cursor(kharkiv)
        await pilot.press("enter")
        await settle(pilot)
        assert not [r for r in rows(screen.facts) if r["kind"] in ("figures", "figure")]
