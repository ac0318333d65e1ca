"""Snapshots of the browser's main screens, on the small fixture store."""

from __future__ import annotations

import pytest

from app_fixtures import build_small_store, settle
from tui.app import make_app

SIZE = (120, 40)


@pytest.fixture
def app(tmp_path):
    application = make_app(str(build_small_store(tmp_path / "small.db")))
    application.animation_level = "none"
    return application


def test_main_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_reader_with_a_highlighted_claim(snap_compare, app):
    async def open_claim(pilot):
        await settle(pilot)
        await pilot.press("2", "v")  # every article's events
        await settle(pilot)
        await pilot.press("G", "enter")  # the oldest event: >=30 killed/wounded near Plekhovo
        await settle(pilot)
        await pilot.press("j", "j", "j")  # past its incident and the figures compared, to its claim
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_claim)


def test_incident_versions_side_by_side(snap_compare, app):
    async def open_incident(pilot):
        await settle(pilot)
        await pilot.press("2", "G", "enter")  # the fighting near Plekhovo, as Kyiv and as Moscow tell it
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_incident)


def test_search_results(snap_compare, app):
    async def search(pilot):
        await settle(pilot)
        await pilot.press("slash", *"plekhovo")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=search)


def test_help(snap_compare, app):
    async def help_screen(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=help_screen)


# issue 14: the browser at the smallest and a large terminal, on a store with what a real corpus
# has (articles without title or outlet, dates of a month, a year, history)


@pytest.fixture
def browser_app(tmp_path):
    from browser_fixtures import build_browser_store

    application = make_app(str(build_browser_store(tmp_path / "browser.db")))
    application.animation_level = "none"
    return application


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_main_screen_at_size(snap_compare, browser_app, size):
    assert snap_compare(browser_app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_text_search_at_size(snap_compare, browser_app, size):
    async def search(pilot):
        await settle(pilot)
        await pilot.press("slash", *"kyiv drone")
        await settle(pilot)

    assert snap_compare(browser_app, terminal_size=size, run_before=search)


def test_help_at_80x24(snap_compare, browser_app):
    async def help_screen(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(browser_app, terminal_size=(80, 24), run_before=help_screen)


def test_place_view_at_80x24(snap_compare, browser_app):
    async def place(pilot):
        await settle(pilot)
        await pilot.press("slash", *"kyiv")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(browser_app, terminal_size=(80, 24), run_before=place)


@pytest.mark.parametrize("theme", ["textual-light", "atom-one-light"])
def test_reader_with_a_highlighted_claim_on_a_light_theme(snap_compare, app, theme):
    """Light themes: spans, claims, the selected fact and the lists' colours stay readable
    (atom-one-light's own success and warning colours are too faint on its background)."""

    async def open_claim(pilot):
        pilot.app.theme = theme
        await settle(pilot)
        await pilot.press("2", "G", "enter")
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_claim)
