"""`/`: fuzzy search over names and places, and full-text search over the articles.

Names come first (typed and counted), then articles whose text holds the words, ranked, each
with a snippet where the matching words are highlighted. Enter opens a name's view, or an article
scrolled to the match."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store import queries
from store.text_search import search_text
from tui.messages import SearchAnswered
from tui.widgets.safe_text import one_line

RESULT_LIMIT = 30
TEXT_LIMIT = 30  # articles found by their text
TITLE_CHARS = 56  # of an article's title in a result (one line at 80 columns)


def run_search(db_path: str, text: str, limit: int = RESULT_LIMIT) -> list[dict[str, Any]]:
    """Ranked fuzzy search (``store.search``) as plain dicts; a substring match when it is absent."""
    conn = queries.connect_readonly(db_path)
    try:
        try:
            from store.search import search
        except ImportError:
            return queries.names_containing(conn, text, limit)
        import sqlite_utils

        results = search(sqlite_utils.Database(conn), text, kind="any", limit=limit)
        return [
            {"kind": r.kind, "id": r.id, "type": r.type, "name": r.name, "matched": r.matched,
             "score": r.score, "mentions": r.mentions, "events": r.events}
            for r in results
        ]
    finally:
        conn.close()


def run_text_search(db_path: str, text: str, limit: int = TEXT_LIMIT) -> list[dict[str, Any]]:
    """Articles whose text holds the words typed (store/text_search.py), as plain dicts."""
    conn = queries.connect_readonly(db_path)
    try:
        return [hit.to_dict() for hit in search_text(conn, text, limit)]
    finally:
        conn.close()


def describe_hit(hit: dict[str, Any]) -> Content:
    """An article found by its text: its date and title, then the snippet with the words that
    matched highlighted (by offset: the text is data, never markup)."""
    title = one_line(hit.get("title") or hit.get("ref") or "")
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    head = Content.assemble((f"{'article':<13}", "$accent"), ((hit.get("published") or "")[:10], "dim"), "  ",
                            (title, "bold"))
    snippet = one_line(hit.get("snippet") or "")
    body = Content("  …" + snippet + "…")
    for start, end in hit.get("marks") or []:
        body = body.stylize("bold reverse", start + 3, end + 3)
    return Content("\n").join([head, body])


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def describe(result: dict[str, Any]) -> Content:
    """One result as a line: type, name (and the alias that matched), counts. Names are data."""
    matched = result.get("matched") or ""
    alias = f" (as {matched})" if matched and matched != result["name"] else ""
    if result["kind"] == "source":
        counts = plural(result.get("mentions") or 0, "claim")
    else:
        counts = (f"{plural(result.get('mentions') or 0, 'mention')}, "
                  f"{plural(result.get('events') or 0, 'event')}")
    return Content.assemble(
        (f"{result.get('type') or result['kind']:<13}", "$accent"),
        (one_line(result["name"]), "bold"),
        one_line(alias),
        (f"  {counts}", "dim"),
    )


HINT = "Type a name, a place, or words of an article."


class SearchScreen(ModalScreen[dict[str, Any] | None]):
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
        self._open_when_answered = False  # Enter came before the answer

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(value=self.initial, placeholder="Search names, places and the articles' text…",
                        id="search-input")
            yield Static(HINT, id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        self.query_one(Input).focus()
        if self.initial:
            self._ask(self.initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._ask(event.value)

    def _ask(self, text: str) -> None:
        self.asked = text
        self._open_when_answered = False
        if not text.strip():
            self.results = []
            self.answered = text
            self.query_one(OptionList).clear_options()
            self.query_one("#search-status", Static).update(HINT)
            return
        self._search(text)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, text: str) -> None:
        try:
            try:
                results = run_search(self.db_path, text)
            except ValueError:  # a query no name is (a whole sentence): the text may hold it
                results = []
            results += run_text_search(self.db_path, text)
        except Exception as error:  # noqa: BLE001 - one line for the user
            self.app.call_from_thread(
                self.query_one("#search-status", Static).update,
                Content(one_line(f"Search failed: {error}")),
            )
            return
        self.post_message(SearchAnswered(text, results))

    def on_search_answered(self, message: SearchAnswered) -> None:
        if message.query != self.asked:
            return  # a stale answer
        self.results = message.results
        self.answered = message.query
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(describe_hit(r) if r["kind"] == "article" else describe(r))
                             for r in message.results])
        status = self.query_one("#search-status", Static)
        if not message.results:
            status.update(Content.from_markup("No match for [b]$q[/b].", q=one_line(message.query)))
        else:
            kinds: dict[str, int] = {}
            for r in message.results:
                kind = "in text" if r["kind"] == "article" else (r.get("type") or r["kind"])
                kinds[kind] = kinds.get(kind, 0) + 1
            summary = ", ".join(f"{n} {k}" for k, n in kinds.items())
            n = len(message.results)
            status.update(Content(f"{n} result{'s' if n != 1 else ''}: {summary}"))
            options.highlighted = 0
            if self._open_when_answered:
                self.dismiss(message.results[0])

    def on_input_submitted(self) -> None:
        if self.answered != self.asked:
            self._open_when_answered = bool(self.asked.strip())  # open the best when it comes
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
