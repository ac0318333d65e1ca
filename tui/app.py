"""The Sitrep browser. ``make_app(db_path)`` is the one way to build it (CLI and tests)."""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.css.query import NoMatches
from textual.driver import Driver
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES
from textual.timer import Timer

from store import queries
from store.judgements import default_analyst
from tui.config import ConfigError, Settings, check_keymap, load_settings
from tui.keymap import check_keys
from tui.labels import describe
from tui.messages import StoreChanged
from tui.name_search import run_search
from tui.screens.filter import ArticleFilterScreen, FilterScreen
from tui.screens.help import HelpScreen
from tui.screens.judge import JudgeForm
from tui.screens.main import ArticleList, EventList, FactList, MainScreen, SourceList
from tui.screens.search import SearchScreen
from tui.widgets.reader import Reader
from tui.widgets.row_list import RowList

WATCH_SECONDS = 2.0
HOLD_SECONDS = 2.0  # the longest keys wait for a screen being prepared
# Alt+J reaches a terminal app as the bytes of Escape then J: what the parser reads as "alt+j"
# (or "alt+shift+j") is also Escape and J sent in one read, by a script or a quick hand
ALT_CHARACTER = re.compile(r"alt\+(shift\+)?.")


class SearchCommands(Provider):
    """Ctrl+P: the same search as `/`; choosing a result opens it."""

    async def search(self, query: str) -> Hits:
        app = self.app
        if not isinstance(app, SitrepApp) or len(query.strip()) < 2:
            return
        results = await self.run_in_thread_search(app.db_path, query)
        for rank, result in enumerate(results):
            yield Hit(
                score=1.0 - rank / (len(results) + 1),
                match_display=describe(result),
                command=partial(app.open_search_result, result),
                text=result["name"],
                help="Open: its events, claims and every mention",
            )

    async def run_in_thread_search(self, db_path: str, query: str) -> list[dict]:
        import asyncio

        try:
            return await asyncio.to_thread(run_search, db_path, query, 10)
        except Exception:  # noqa: BLE001 - a palette search that fails shows no hits
            return []

    async def discover(self) -> Hits:
        yield DiscoveryHit(
            "Search names and places…", self.app.action_search_names, help="Type a name after Ctrl+P, or press /"
        )


class SitrepApp(App):
    CSS_PATH = "sitrep.tcss"
    TITLE = "Sitrep"
    COMMANDS = App.COMMANDS | {SearchCommands}
    BINDINGS = [
        # priority: Tab moves the focus before the next key is given out, so text typed in the
        # same read goes to the field it moved to, not to the one it left
        Binding("tab", "focus_next", "Next pane or field", show=False, priority=True, id="pane.next"),
        Binding("shift+tab", "focus_previous", "Previous pane or field", show=False, priority=True, id="pane.previous"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands and search", show=False, id="app.command_palette"),
    ]

    def __init__(self, db_path: str, settings: Settings | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.settings = settings or Settings()
        self.analyst = default_analyst(self.settings.analyst)  # who the judgements made here are by
        self._watch_lock = threading.Lock()
        self._watch_conn = None
        self._store_version: tuple[int, int, int] | None = None
        self._key_screens: weakref.WeakKeyDictionary[events.Key, Screen] = weakref.WeakKeyDictionary()
        self._held: list[events.Key] | None = None  # keys kept while a screen is prepared
        self._hold_timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        """A key reaches the focused widget first, and comes back here for the bindings after it.
        When it was given to one screen and comes back after another has opened, it was typed for
        the new one: a terminal delivers the keys it reads at once ("/Kursk" pasted, or sent by a
        script) before the "/" has opened the search. Such a key is sent again, to the new screen,
        instead of going through the bindings (an "a" was lost; a "q" quit the browser). While a
        screen is being prepared (``hold_keys``), keys wait for it. An Alt+character no binding
        names is Escape then that character (``ALT_CHARACTER``)."""
        if isinstance(event, events.Key) and not event.is_forwarded and event.character:
            if ALT_CHARACTER.fullmatch(event.key) and event.key not in self.active_bindings:
                await self.on_event(events.Key("escape", "\x1b"))
                await self.on_event(events.Key(event.character, event.character))
                return
        if isinstance(event, events.Key):
            if self._held is not None:
                self._held.append(events.Key(event.key, event.character))
                return
            if not event.is_forwarded:
                self._key_screens[event] = self.screen
            elif self._key_screens.pop(event, self.screen) is not self.screen:
                self.post_message(events.Key(event.key, event.character))
                return
        await super().on_event(event)

    def hold_keys(self) -> None:
        """Keep the keys that come until ``release_keys`` (a form read from the store in a worker
        is about to open: what is typed after its key is for it); at most ``HOLD_SECONDS``."""
        if self._held is None:
            self._held = []
            self._hold_timer = self.set_timer(HOLD_SECONDS, self.release_keys)

    def release_keys(self) -> None:
        """Send the keys held, in their order, to the screen now on top."""
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        held, self._held = self._held or [], None
        for key in held:
            self.post_message(key)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, except on Linux and macOS: ours, which exits when the terminal
        goes away without a SIGHUP (tui/terminal.py)."""
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver" and driver.__module__ == "textual.drivers.linux_driver":
            from tui.terminal import TerminalDriver

            return TerminalDriver
        return driver

    def get_default_screen(self) -> Screen:
        return MainScreen(self.db_path)

    def on_mount(self) -> None:
        if self.settings.keymap:
            self.update_keymap(self.settings.keymap)
        if self.settings.theme:
            self.theme = self.settings.theme
        self.check_store()  # the version to compare against
        self.set_interval(WATCH_SECONDS, self.check_store)

    @property
    def main(self) -> MainScreen:
        main = self._main_screen()
        if main is None:
            raise LookupError("no main screen")
        return main

    def _main_screen(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main
        yield SystemCommand("Search names, places and text", "Fuzzy names, full text (/)", self.action_search_names)
        for pane, title in (("articles", "Articles"), ("events", "Events"), ("sources", "Sources")):
            yield SystemCommand(f"Focus {title}", f"Move to the {title} pane", partial(main.action_focus_pane, pane))
        yield SystemCommand("Filter events", "By subtype, date range, place, source (f)", main.action_filter_events)
        yield SystemCommand("Sort events by date", "Newest or oldest first (s)", main.action_sort_events)
        yield SystemCommand("Back", "Go back (Escape)", main.action_back)
        yield SystemCommand("Forward", "Go forward (])", main.action_forward)
        yield SystemCommand("Refresh", "Read the store again (r)", main.action_refresh)
        yield SystemCommand("Help: keys", "Every key (?)", main.action_help)
        yield SystemCommand(
            "Judgements", "List what was judged: by kind, status, tag, orphaned (J)", main.action_judgements
        )
        yield SystemCommand(
            "Add an event from the reader's sentence",
            "The sentence under the reader's cursor; ( and ) move it (a, in the reader)",
            main.action_add_event,
        )

    def action_search_names(self) -> None:
        self.main.action_search()

    def open_search_result(self, result: dict) -> None:
        self.main.open_search_result(result)

    # -------------------------------------------------------- live ingest in another terminal

    def check_store(self) -> None:
        self._watch_store()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _watch_store(self) -> None:
        with self._watch_lock:
            try:
                if self._watch_conn is None:
                    self._watch_conn = queries.connect_readonly(self.db_path)
                version = queries.data_version(self._watch_conn)
            except Exception:  # noqa: BLE001 - the store may not exist yet; try again later
                self._watch_conn = None
                return
        if self._store_version is not None and version != self._store_version:
            self.post_message(StoreChanged(version))
        self._store_version = version

    def on_unmount(self) -> None:
        with self._watch_lock:
            if self._watch_conn is not None:
                self._watch_conn.close()
                self._watch_conn = None

    def on_store_changed(self, message: StoreChanged) -> None:
        main = self._main_screen()
        if main is None:  # none while the app shuts down (a change noticed just before)
            return
        try:
            main.reload_all()
        except NoMatches:
            # the app is shutting down: its screens' panes are removed before the screens are (a
            # change noticed just before; seen once in CI)
            return


def key_contexts() -> list[tuple[type, ...]]:
    """The classes whose bindings work together: the app, a screen and the widget with the focus
    (a key bound twice in one of them is answered by one binding only)."""
    main = [(SitrepApp, MainScreen, pane) for pane in (ArticleList, EventList, SourceList, FactList, Reader)]
    modal = [(SitrepApp, screen) for screen in (SearchScreen, FilterScreen, ArticleFilterScreen, HelpScreen, JudgeForm)]
    return main + modal


def binding_ids() -> set[str]:
    """The id of every key binding of the browser (what a key map may name)."""
    owners = {owner for context in key_contexts() for owner in context} | {RowList}
    return {binding.id for owner in owners for binding in owner.BINDINGS if isinstance(binding, Binding) and binding.id}


def make_app(db_path: str, settings: Settings | None = None, analyst: str | None = None) -> SitrepApp:
    """The browser on the store at ``db_path``, with ``settings`` (default: the config file and
    the environment); judgements made in it are by ``analyst`` (``--analyst``), else the settings'
    analyst ($SITREP_ANALYST, then the config file), else the OS user. Raises ConfigError for a key
    map id or theme it does not know, a key that is none, or one that another binding has."""
    settings = load_settings() if settings is None else settings
    if analyst:
        settings = replace(settings, analyst=analyst)
    check_keymap(settings, binding_ids())
    check_keys(settings, key_contexts())
    if settings.theme and settings.theme not in BUILTIN_THEMES:
        raise ConfigError(
            f"{settings.theme_source}: unknown theme {settings.theme!r} (one of: {', '.join(BUILTIN_THEMES)})"
        )
    return SitrepApp(str(db_path), settings)
