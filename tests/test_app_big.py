"""A store of 100k articles and events: the panes open and scroll without reading every row."""

from __future__ import annotations

import pytest

from app_fixtures import build_big_store, has_filter_form, settle, until
from tui.app import make_app

N = 100_000
SIZE = (120, 40)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    return str(build_big_store(tmp_path_factory.mktemp("big") / "big.db", N))


def fetched(app) -> dict[str, int]:
    screen = app.screen
    return {p: screen.query_one(f"#{p}").rows_fetched for p in ("articles", "events", "sources")}


async def test_panes_open_with_counts_and_read_only_a_page(big_store):
    app = make_app(big_store)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.articles.total == N and screen.events.total == N
        assert screen.articles.row(0)["published"] == "2024-12-28"  # newest first
        counts = fetched(app)
        assert 0 < counts["articles"] <= 200 and 0 < counts["events"] <= 200  # a page or two
        assert "100,000" in str(screen.events.border_subtitle)


async def test_scrolling_events_reads_pages_not_the_table(big_store):
    app = make_app(big_store)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        events = app.screen.events
        await pilot.press("2")
        for _ in range(30):
            await pilot.press("pagedown")
        await settle(pilot)
        assert events.cursor > 200
        row = events.current_row
        assert row is not None
        await pilot.press("G")
        await settle(pilot)
        assert events.cursor == N - 1
        last = events.current_row
        assert last is not None and last["date"] == min(
            events.row(i)["date"] for i in range(N - 30, N) if events.row(i) is not None
        )
        await pilot.press("g")
        await settle(pilot)
        assert events.cursor == 0
        assert fetched(app)["events"] < 2_000  # a few pages out of 100k rows
        # (how fast each keypress repaints is measured by bench/browser_speed.py, not timed here)


async def test_scrolling_far_uses_the_index_not_every_row(big_store):
    app = make_app(big_store)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.screen.articles
        articles.move_cursor(N // 2)
        await settle(pilot)
        assert articles.current_row is not None
        assert fetched(app)["articles"] < 2_000  # a few pages (with read-ahead) out of 100k rows
        # the rows around the middle are the right ones: ordered by date, newest first
        rows = [articles.row(i) for i in range(N // 2 - 3, N // 2 + 3)]
        assert all(r is not None for r in rows)
        keys = [(r["published"], r["id"]) for r in rows]
        assert keys == sorted(keys, reverse=True)


async def test_filtering_a_big_store_counts_and_pages(big_store):
    app = make_app(big_store)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "f")
        await until(pilot, lambda: has_filter_form(app))
        place = app.screen.query_one("#filter-place")
        place.focus()
        await pilot.press(*"Kharkiv")
        await pilot.press("enter")
        await settle(pilot)
        events = app.screen.events
        assert events.total == N // 8  # one place in eight
        await pilot.press("G")
        await settle(pilot)
        assert events.current_row["places_label"] == "Kharkiv"
        assert fetched(app)["events"] < 1_000
