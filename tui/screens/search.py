"""`/`: fuzzy search over names and places, and full-text search over the articles.

Names come first (typed and counted), then articles whose text holds the words, ranked, each
with a snippet where the matching words are highlighted. Enter opens a name's view, or an article
scrolled to the match."""

from __future__ import annotations

from typing import Any

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.labels import describe, describe_hit
from tui.messages import SearchAnswered
from tui.name_search import left_out, run_search, run_text_search
from tui.screens.modal import Modal
from tui.widgets.field import Field
from tui.widgets.safe_text import one_line

HINT = "Type a name, a place, or words of an article."
# keys that move in the results, by the OptionList action each is: typed before the results are
# there (a script's "/kyiv" Down Down Enter in one read), they wait for them
MOVES = {
    "down": "cursor_down",
    "up": "cursor_up",
    "pagedown": "page_down",
    "pageup": "page_up",
    "home": "first",
    "end": "last",
}


class SearchScreen(Modal[dict[str, Any] | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Close", id="search.close"),
        Binding("down", "results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, db_path: str, text: str = "") -> None:
        super().__init__()
        self.db_path = db_path
        self.initial = text
        self.results: list[dict[str, Any]] = []
        self.asked = ""  # the latest query typed
        self.answered: str | None = None  # the query ``results`` answer
        self.running: str | None = None  # the query being searched: one search at a time
        self._early: list[str] = []  # keys for the results that came before them ("down", "enter")

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Field(
                value=self.initial,
                placeholder="Search names, places and the articles' text…",
                id="search-input",
                passes=self._moves_early,
            )
            yield Static(HINT, id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        self.query_one(Input).focus()
        if self.initial:
            self._ask(self.initial)

    def on_key(self, event: events.Key) -> None:
        """A character that reached the screen, not its input: typed into the input. So are the
        keys a terminal delivers in one read with "/" (a pasted or scripted "/Kursk"), which come
        before the input has focus; and typing from the results goes on with the query. Down (and
        after it the other moves) before the answer waits for it."""
        field = self.query_one(Input)
        if self._waiting() and (event.key == "down" or (self._early and event.key in MOVES)):
            event.stop()
            event.prevent_default()
            self._early.append(event.key)
            return
        if self.focused is field or not event.is_printable or not event.character:
            return
        event.stop()
        event.prevent_default()
        field.focus()
        field.insert_text_at_cursor(event.character)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._ask(event.value)

    def _ask(self, text: str) -> None:
        self.asked = text
        if not text.strip():
            self.results = []
            self.answered = text
            self._early = []
            self.query_one(OptionList).clear_options()
            self.query_one("#search-status", Static).update(HINT)
            return
        if self.running is None:  # else the search running asks again when it answers
            self.running = text
            self._search(text)

    @work(thread=True, group="search", exit_on_error=False)
    def _search(self, text: str) -> None:
        try:
            try:
                results = run_search(self.db_path, text)
            except ValueError:  # a query no name is (a whole sentence): the text may hold it
                results = []
            results += run_text_search(self.db_path, text)
        except Exception as error:  # noqa: BLE001 - one line for the user
            self.post_message(SearchAnswered(text, [], one_line(f"Search failed: {error}")))
            return
        self.post_message(SearchAnswered(text, results))

    def on_search_answered(self, message: SearchAnswered) -> None:
        """One search runs at a time (each is a thread that cannot be stopped: a search started
        at every key of a long paste or fast typing kept the browser busy a minute after the keys
        stopped); a query typed meanwhile is asked when the running one answers, the latest only."""
        self.running = None
        if self.app.screen is not self:
            return  # came after the search was closed
        if message.query != self.asked:
            self._ask(self.asked)  # a stale answer: ask what is typed now
            return
        if message.error:
            self._early = []  # no results to move in or open
            self.query_one("#search-status", Static).update(Content(message.error))
            return
        self.results = message.results
        self.answered = message.query
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            [Option(describe_hit(r) if r["kind"] == "article" else describe(r)) for r in message.results]
        )
        status = self.query_one("#search-status", Static)
        note = left_out(message.query)  # said, never left out silently (a long paste)
        if not message.results:
            self._early = []  # nothing to move in or open
            if note:
                status.update(Content.from_markup("No match: [$text-warning]$note[/].", note=note))
            else:
                status.update(Content.from_markup("No match for [b]$q[/b].", q=one_line(message.query)))
        else:
            kinds: dict[str, int] = {}
            for r in message.results:
                kind = "in text" if r["kind"] == "article" else (r.get("type") or r["kind"])
                kinds[kind] = kinds.get(kind, 0) + 1
            summary = ", ".join(f"{n} {k}" for k, n in kinds.items())
            n = len(message.results)
            found = Content(f"{n} result{'s' if n != 1 else ''}: {summary}")
            status.update(found + Content.from_markup("; [$text-warning]$note[/]", note=note) if note else found)
            options.highlighted = 0
            self._catch_up(options)

    def _moves_early(self, key: str) -> bool:
        """Home and End typed before the results come go the way a Down typed before them goes
        (``on_key``: after a Down they move in the results), in the order they were typed."""
        return key in MOVES and self._waiting()

    def _waiting(self) -> bool:
        """A query is typed and its answer has not come yet (the input's value: keys typed in one
        read are in it before it has announced the change)."""
        typed = self.query_one(Input).value
        return bool(typed.strip()) and self.answered != typed

    def _catch_up(self, options: OptionList) -> None:
        """The keys that came before the results, as if the results had been there: the first
        Down goes into them, then each move moves, Enter opens what is highlighted."""
        early, self._early = self._early, []
        if early[:1] == ["down"]:
            options.focus()
            early = early[1:]
        for key in early:
            if key == "enter":
                self.dismiss(self.results[options.highlighted or 0])
                return
            getattr(options, f"action_{MOVES[key]}")()

    def on_input_submitted(self) -> None:
        if self._waiting():
            self._early.append("enter")  # open what the keys before it pick when the answer comes
        elif self.results:
            index = self.query_one(OptionList).highlighted or 0
            self.dismiss(self.results[index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.results[event.option_index])

    def action_results(self) -> None:
        if self.results:
            self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
