"""The main screen: Articles, Events and Sources panes, the reader and the facts under it.

Navigation is a browser's: every Enter that changes what the reader and the facts show is a new
``View``; Escape goes back and ``]`` forward. Widgets only announce (``RowList.Highlighted``,
``RowList.Opened``); this screen decides what to show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from store import queries
from store.admiralty import CORRECTED_MARK, STATUS_MARKS
from store.date_labels import marked_label
from store.db import writable
from store.queries import ArticleFilter, EventFilter, ListQuery
from tui.labels import plural
from tui.messages import ArticleLoaded
from tui.screens.filter import ArticleFilterScreen, FilterScreen
from tui.screens.help import HelpScreen, gather_shared
from tui.screens.judge import JudgeForm
from tui.screens.judging import READ_ONLY, JudgingMixin, write_error
from tui.screens.search import SearchScreen
from tui.widgets.reader import Reader
from tui.widgets.row_list import Column, RowList
from tui.widgets.safe_text import one_line

EMPTY_STORE = "No articles yet. Add some with: sitrep ingest PATH"
# `c` in the Events pane: all rows, then those at or above each of these confidences
CONFIDENCE_STEPS = (0.0, 0.5, 0.8)
READER_HINT = "Select an article, event, source or search result and press Enter to read it here."


def _event_title(row: dict[str, Any]) -> str:
    """'Event · Armed clash · 2024-12-14 · Plekhovo': the facts pane's title for an event."""
    return "Event · " + " · ".join(x for x in (row.get("subtype"), _event_date(row), row.get("places_label")) if x)


def _event_date(row: dict[str, Any]) -> str:
    """The date as precise as it is known, ⟲ for history, ⟳ for later (store/date_labels.py); ✎ when
    the analyst corrected it."""
    return _marked(
        "date", row, marked_label(row.get("date"), row.get("date_end"), row.get("date_precision"), row.get("era"))
    )


DATE_WIDTH = 16  # "✎⟲14–15 Dec 2024", the longest label: dates are never cut
SUBTYPE_WIDTH = 26  # "Change to group/activity" whole; the longest ("Shelling/artillery/missile attack") nearly


def _marked(field: str, row: dict[str, Any], text: str) -> str:
    """``text`` after a mark when the analyst corrected ``field`` (or added the event)."""
    judged = (row.get("judged") or "").split()
    if "added" in judged:
        return f"+{text}" if field == "subtype" else text
    return f"{CORRECTED_MARK}{text}" if field in judged else text


def _incident_title(row: dict[str, Any]) -> str:
    """The facts pane's title over an incident's versions: what, when, where, the range of its
    figures and how many independent sources report it."""
    label = " · ".join(
        x
        for x in (
            row.get("subtype"),
            _event_date(row),
            row.get("places_label"),
            row.get("casualties_label"),
            plural(row.get("n_sources") or 0, "source"),
        )
        if x
    )
    return f"Incident · {label}"


def _status(row: dict[str, Any]) -> str:
    return STATUS_MARKS.get(row.get("status") or "", "")


ARTICLE_COLUMNS = [
    Column(
        "published",
        "Date",
        10,
        style="dim",
        shrink=False,
        min_width=10,
        format=lambda r: (r.get("published") or "")[:10],
    ),
    Column("outlet", "Outlet", 14, style="$text-accent", blank=("",), drop=2),
    Column("title", "Title", min_width=16, format=lambda r: r.get("title") or r.get("ref") or ""),
    Column("n_events", "Ev", 3, justify="right", drop=1),
]
INCIDENT_COLUMNS = [
    Column("status", "✓", 1, style="bold", shrink=False, min_width=1, format=_status, blank=("",)),
    Column("date", "Date", DATE_WIDTH, style="dim", shrink=False, min_width=4, format=_event_date, fit=True),
    Column("subtype", "Subtype", SUBTYPE_WIDTH, style="yellow", min_width=10, fit=True),
    Column("places_label", "Place(s)", min_width=8),
    Column("casualties_label", "Casualties", 16, style="red", shrink=False, min_width=10, blank=("",), drop=1),
    Column("n_sources", "Src", 3, justify="right", shrink=False, min_width=3),
    Column("n_articles", "Art", 3, justify="right", shrink=False, min_width=3, drop=2),
]
EVENT_COLUMNS = [
    Column("status", "✓", 1, style="bold", shrink=False, min_width=1, format=_status, blank=("",)),
    Column("date", "Date", DATE_WIDTH, style="dim", shrink=False, min_width=4, format=_event_date, fit=True),
    Column(
        "subtype",
        "Subtype",
        SUBTYPE_WIDTH,
        style="$text-warning",
        min_width=10,
        fit=True,
        format=lambda r: _marked("subtype", r, r.get("subtype") or ""),
    ),
    Column(
        "places_label", "Place(s)", 16, min_width=8, format=lambda r: _marked("place", r, r.get("places_label") or "")
    ),
    Column(
        "casualties_label",
        "Casualties",
        18,
        style="$text-error",
        shrink=False,
        min_width=10,
        blank=("",),
        drop=2,
        format=lambda r: _marked("killed", r, r.get("casualties_label") or ""),
    ),
    Column("claimant_label", "Claimant", drop=1),
]
SOURCE_COLUMNS = [
    Column("name", "Source", min_width=14),
    Column("type", "Type", 13, style="$text-accent", drop=2),
    Column("reliability", "Rel", 3, justify="center", blank=("F",), drop=3),
    Column("n_claims", "Claims", 6, justify="right", shrink=False),
    Column("n_relayed", "Relayed", 7, justify="right", shrink=False, blank=("0",), drop=1),
]
FACT_COLUMNS = [
    Column("kind", "Kind", 8, style="$text-secondary", shrink=False),
    Column("label", "What"),
    Column("detail", "Detail", style="dim"),
    Column("judgement", "Judged", 9, style="bold", blank=("",)),
]
# an incident's versions, side by side: who says what, through which outlet, when, with which figures
VERSION_COLUMNS = [
    Column("mark", "≠", 1, style="bold red", shrink=False, min_width=1),
    Column("claimant", "Claimant", 16, min_width=8),
    Column(
        "outlet",
        "Outlet",
        12,
        style="cyan",
        min_width=6,
        format=lambda r: f"{r.get('outlet') or ''}{' (copy)' if r.get('copy') else ''}",
        drop=2,
    ),
    # (the first to give way: the incident's own date heads the list)
    Column("date", "Date", DATE_WIDTH, style="dim", shrink=False, min_width=10, format=_event_date, fit=True, drop=3),
    Column("figures", "Figures", 14, style="red", min_width=8, drop=1),
    Column("words", "Claim", min_width=10),
    Column("judgement", "Judged", 9, style="bold", blank=("",)),
]


def _judge_keys(pane: str, *actions: str) -> list[Binding]:
    """The judgement keys of a pane; one id per key everywhere, so a remap applies in every pane."""
    keys = {
        "verify": ("V", "judge_verify", "Verified"),
        "status": ("S", "judge_status", "Status…"),
        "grade": ("R", "judge_grade", "Grade (Admiralty)…"),
        "correct": ("e", "judge_correct", "Correct event…"),
        "note": ("n", "judge_note", "Note…"),
        "tag": ("t", "judge_tag", "Tag…"),
    }
    return [
        Binding(keys[a][0], f"screen.{keys[a][1]}('{pane}')", keys[a][2], show=False, id=f"judge.{a}") for a in actions
    ]


class FactList(RowList):
    """The facts under the reader: Enter shows or opens a fact, `o` follows its link, `x` takes
    an incident's version out of it."""

    BINDINGS = [
        Binding("o", "screen.follow_fact", "Follow link", id="facts.follow"),
        Binding("x", "screen.split_event", "Split out of incident", id="incidents.split"),
        *_judge_keys("facts", "verify", "status", "grade", "correct", "note", "tag"),
    ]


class EventList(RowList):
    """The Events pane: incidents (or, with `v`, every article's events), filtered and sorted;
    `m` on two incidents merges them."""

    BINDINGS = [
        Binding("f", "screen.filter_events", "Filter", id="events.filter"),
        Binding("s", "screen.sort_events", "Sort", id="events.sort"),
        Binding("v", "screen.toggle_event_rows", "Incidents/events", id="events.toggle"),
        Binding("c", "screen.cycle_confidence", "Confidence", id="events.confidence"),
        Binding("m", "screen.merge_incident", "Merge incidents", id="incidents.merge"),
        *_judge_keys("events", "verify", "status", "grade", "correct", "note", "tag"),
    ]


class ArticleList(RowList):
    """The Articles pane: a RowList that can be filtered (dates, outlet, words) and sorted; articles
    are noted and tagged."""

    BINDINGS = [
        Binding("f", "screen.filter_articles", "Filter", id="articles.filter"),
        Binding("s", "screen.sort_articles", "Sort", id="articles.sort"),
        *_judge_keys("articles", "note", "tag"),
    ]


class SourceList(RowList):
    """The Sources pane: sources are graded, noted and tagged."""

    BINDINGS = _judge_keys("sources", "grade", "note", "tag")


@dataclass
class View:
    """What the reader and the facts pane show; one entry of the history."""

    mode: str  # 'none', 'article', 'event', 'incident', 'entity', 'source', 'judgements'
    article_id: int | None
    highlight: tuple[int, int] | None
    facts: ListQuery
    facts_cursor: int = 0
    preview: bool = False  # shown because a list's cursor is on it (the next move replaces it)
    incident_id: int | None = None  # the incident shown ('incident' views): its title is read again
    event_id: int | None = None  # the event shown ('event' views): its title is read again


class MainScreen(JudgingMixin, Screen):
    BINDINGS = [
        Binding("1", "focus_pane('articles')", "Articles", show=False, id="pane.articles"),
        Binding("2", "focus_pane('events')", "Events", show=False, id="pane.events"),
        Binding("3", "focus_pane('sources')", "Sources", show=False, id="pane.sources"),
        Binding("escape", "back", "Back", id="history.back"),
        Binding("right_square_bracket", "forward", "Forward", key_display="]", show=False, id="history.forward"),
        Binding("slash", "search", "Search", key_display="/", id="search.open"),
        Binding("r", "refresh", "Refresh", show=False, id="store.refresh"),
        Binding("question_mark", "help", "Help", key_display="?", id="help.show"),
        Binding("J", "judgements", "Judgements…", show=False, id="judgements.list"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    def __init__(self, db_path: str) -> None:
        super().__init__()
        self.db_path = db_path
        self.event_filter = EventFilter()
        self.events_descending = True
        self.article_filter = ArticleFilter()
        self.articles_descending = True
        self.event_rows = "incidents"  # what the Events pane lists: 'incidents' or 'events'
        self.merge_mark: dict[str, Any] | None = None  # the incident `m` marked for merging
        self.view = View("none", None, None, queries.article_facts_query(0))
        self.back_stack: list[View] = []
        self.forward_stack: list[View] = []
        self._article_request = 0
        self._pending_highlight: tuple[int, int] | None = None
        self._pending_preview: View | None = None
        self._opened_first = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="lists"):
                yield ArticleList(
                    self.db_path, queries.articles_query(), ARTICLE_COLUMNS, empty_text=EMPTY_STORE, id="articles"
                )
                yield EventList(
                    self.db_path,
                    queries.filter_incidents(queries.incidents_query(), self.event_filter),
                    INCIDENT_COLUMNS,
                    empty_text="No incidents.",
                    id="events",
                )
                yield SourceList(
                    self.db_path, queries.sources_query(), SOURCE_COLUMNS, empty_text="No sources.", id="sources"
                )
            with Vertical(id="detail"):
                yield Reader(placeholder=READER_HINT, id="reader")
                yield FactList(self.db_path, self.view.facts, FACT_COLUMNS, empty_text="No facts here.", id="facts")
                yield Static(id="fact-detail")
        yield Footer()

    def on_resize(self) -> None:
        # a narrow footer keeps its keys and leaves out the command palette's hint
        footer = self.query_one(Footer)
        footer.compact = self.size.width < 110
        footer.show_command_palette = self.size.width >= 100

    def on_mount(self) -> None:
        for pane_id, title in (
            ("articles", "Articles"),
            ("events", "Events"),
            ("sources", "Sources"),
            ("reader", "Reader"),
            ("facts", "Facts"),
        ):
            self.query_one(f"#{pane_id}").border_title = title
        self.query_one("#articles", RowList).focus()
        if not writable(self.db_path):
            self.notify(READ_ONLY, title="Read-only", severity="warning", timeout=8)

    # ------------------------------------------------------------------ panes and lists

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def events(self) -> EventList:
        return self.query_one("#events", EventList)

    @property
    def sources(self) -> RowList:
        return self.query_one("#sources", RowList)

    @property
    def facts(self) -> RowList:
        return self.query_one("#facts", RowList)

    @property
    def reader(self) -> Reader:
        return self.query_one("#reader", Reader)

    @property
    def idle(self) -> bool:
        """Nothing is waiting to be shown (tests and benchmarks wait for this)."""
        return self._pending_preview is None and all(row_list.idle for row_list in self.query(RowList))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that only make sense somewhere are shown only there (the footer hides the rest)."""
        if action == "split_event":
            return self.view.mode == "incident"
        if action == "merge_incident":
            return self.event_rows == "incidents"
        return True

    def action_focus_pane(self, pane_id: str) -> None:
        # at once, not later as focus() does: a key typed right after ("2" Enter) is for that pane
        self.set_focus(self.query_one(f"#{pane_id}"))

    def on_row_list_counted(self, message: RowList.Counted) -> None:
        row_list = message.row_list
        if row_list.id == "facts":
            row_list.border_subtitle = f"{message.total:,}"
            return
        subtitle = f"{message.total:,}"
        if row_list.id == "events":
            order = "newest first" if self.events_descending else "oldest first"
            described = self.event_filter.describe()
            subtitle = plural(message.total, self.event_rows[:-1])  # "1 incident", "4 incidents"
            subtitle = f"{described} · {subtitle}" if described else subtitle
            subtitle = f"{subtitle} · {order}" + ("" if self.event_filter.history else " · no history")
            if self.merge_mark is not None:
                subtitle = f"m on another to merge #{self.merge_mark['id']} into it · {subtitle}"
        elif row_list.id == "articles":
            described = self.article_filter.describe()
            subtitle = f"{described} · {subtitle}" if described else subtitle
            if not self.articles_descending:
                subtitle += " · oldest first"
        row_list.border_subtitle = Content(one_line(subtitle))
        if row_list.id == "articles" and message.total == 0:
            self.reader.placeholder = row_list.error or EMPTY_STORE
            self.reader.show(None)

    def on_row_list_highlighted(self, message: RowList.Highlighted) -> None:
        row, row_list = message.row, message.row_list
        if isinstance(message, RowList.Opened):
            return
        if row_list.id in ("articles", "events", "sources"):
            # the item under the cursor of the focused list is shown at once (the first
            # article too, at launch, so a new user sees text rather than an empty reader)
            if row_list.has_focus or (row_list.id == "articles" and not self._opened_first):
                self._opened_first = True
                # after the list has repainted, and only the latest of a burst of moves
                self._pending_preview = self._view_of(row_list.id, row)
                self.call_after_refresh(self._run_preview)
        elif row_list.id == "facts":
            self.view.facts_cursor = message.index
            self._describe_fact(row)
            if row.get("article_id") is not None:
                self._show_article(row["article_id"], (row["start"], row["end"]))

    def _view_of(self, pane: str, row: dict[str, Any]) -> View:
        """What Enter on ``row`` of the Articles, Events or Sources pane shows."""
        if pane == "articles":
            return View("article", row["id"], None, queries.article_facts_query(row["id"], row.get("title") or ""))
        if pane == "events" and "article_id" not in row:
            return self._incident_view(row)
        if pane == "events":
            return self._event_view(row["id"], row["article_id"], (row["evidence_start"], row["evidence_end"]), row)
        return View(
            "source", self.view.article_id, None, queries.source_facts_query(row["id"], f"Claims by {row['name']}")
        )

    def _run_preview(self) -> None:
        view, self._pending_preview = self._pending_preview, None
        if view is not None:
            self._preview(view)

    def _preview(self, view: View) -> None:
        view.preview = True
        if self.view.mode == "none" or self.view.preview:
            self.view = view  # moving along a list replaces the page, as a browser would
            self._apply_view(view)
        else:
            self.go(view)  # leaving an opened view: Escape comes back to it

    def _describe_fact(self, row: dict[str, Any]) -> None:
        """The whole of the selected fact, under the facts pane (the columns cut it short)."""
        detail = Content.assemble(
            (one_line(row.get("kind") or ""), "bold $accent"),
            "  ",
            (one_line(row.get("label") or ""), "bold"),
            "  ",
            one_line(row.get("detail") or ""),
            ("  " + one_line(row["judgement"]) if row.get("judgement") else "", "bold $success"),
        )
        self.query_one("#fact-detail", Static).update(detail)

    def on_row_list_opened(self, message: RowList.Opened) -> None:
        row, pane = message.row, message.row_list.id
        if pane == "facts":
            self._open_fact(row)
            return
        self._pending_preview = None  # Enter shows it now; a preview still queued is moot
        view = self._view_of(pane, row)
        if self.view.preview and self.view.facts == view.facts:
            self.view.preview = False  # already shown: keep it in the history from now on
        else:
            self.go(view)
        self.facts.focus()

    def _incident_view(self, row: dict[str, Any]) -> View:
        """An incident: each source's version side by side (the first one shown in the reader)."""
        query = queries.incident_versions_query(row["id"], _incident_title(row))
        return View("incident", None, None, query, incident_id=row["id"])

    def _retitle_incident(self) -> None:
        """Read the shown incident's or event's title again (a merge or a split changes an
        incident's dates, places, figures and sources; a correction an event's)."""
        if self.view.mode in ("incident", "event") and (self.view.incident_id or self.view.event_id) is not None:
            self._read_title(self.view)

    @work(thread=True, exclusive=True, group="view-title", exit_on_error=False)
    def _read_title(self, view: View) -> None:
        conn = queries.connect_readonly(self.db_path)
        try:
            if view.mode == "event":
                row = queries.event_row(conn, view.event_id)
            else:
                row = queries.incident_row(conn, view.incident_id)
        finally:
            conn.close()
        if view.mode == "event":
            if row is None:
                return  # (an event deleted: its view says so as it reloads)
            title = _event_title(row)
        elif row is None:
            title = f"Incident #{view.incident_id} · no longer in the store (merged into another)"
        else:
            title = _incident_title(row)
        self.app.call_from_thread(self._set_title, view, title)

    def _set_title(self, view: View, title: str) -> None:
        view.facts = replace(view.facts, label=title)
        if view is self.view:
            self.facts.query = replace(self.facts.query, label=title)  # (the label is not compared)
            self.facts.border_title = Content(one_line(title))

    def _event_view(self, event_id: int, article_id: int, span: tuple[int, int], row: dict[str, Any]) -> View:
        facts = queries.event_facts_query(event_id, _event_title(row))
        return View("event", article_id, span, facts, event_id=event_id)

    # Facts whose Enter shows their own span; the others open what they name.
    SPAN_FACTS = ("claim", "evidence", "casualty", "figures", "mention")

    def _open_fact(self, row: dict[str, Any]) -> None:
        """Enter on a fact: a claim (or evidence, a figure, a mention) -> its span in the reader;
        an event -> the event (in a place's or a person's list too); a place, person or group ->
        the entity; a fact from another article (in an entity's or a source's list) -> that
        article with the span highlighted."""
        span = (row["start"], row["end"])
        same_article = row.get("article_id") == self.view.article_id
        if self.view.mode == "judgements" and row.get("link_kind") == "incident":
            self._open_incident_by_id(row["link_id"])
            return
        if self.view.mode == "judgements" and row.get("article_id") is None:
            if row.get("link_kind") == "source":  # a source's judgement: what it claimed
                self.open_source(row["link_id"], row.get("label") or "")
            return
        if row.get("kind") == "event" and row.get("link_kind") == "event":
            self._open_event_by_id(row["link_id"])
        elif self.view.mode in ("entity", "source", "judgements") or not same_article:
            # (a judgement's row: the id of what was judged)
            uid = row.get("target_id") if self.view.mode == "judgements" else row.get("uid")
            self._open_article_at(row["article_id"], span, row.get("kind") or "", uid)
        elif row.get("kind") in self.SPAN_FACTS or not row.get("link_kind"):
            self.reader.highlight(*span)
            self.reader.focus()
        else:
            self._follow(row)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_article_at(self, article_id: int, span: tuple[int, int], kind: str, uid: int | None) -> None:
        """The article with ``span`` highlighted and the facts cursor on the fact it came from, so
        that what a key judges is what the reader shows."""
        facts = queries.article_facts_query(article_id)
        conn = queries.connect_readonly(self.db_path)
        try:
            at = queries.fact_position(conn, facts, kind, uid) if uid is not None else None
        finally:
            conn.close()
        self.app.call_from_thread(self.go, View("article", article_id, span, facts, facts_cursor=at or 0))

    def action_follow_fact(self) -> None:
        """`o` on a fact: follow its link (a claim -> its source, a casualty -> its event, ...)."""
        row = self.facts.current_row
        if row is None or not row.get("link_kind"):
            self.notify("Nothing to follow from this row.", timeout=2)
            return
        self._follow(row)

    def _follow(self, row: dict[str, Any]) -> None:
        link_kind, link_id = row.get("link_kind"), row.get("link_id")
        if link_kind == "event":
            self._open_event_by_id(link_id)
        elif link_kind == "incident":
            self._open_incident_by_id(link_id)
        elif link_kind == "source":
            self.open_source(link_id, row.get("label") or "")
        elif link_kind == "entity":
            self.open_entity(link_id, row.get("label") or "", row.get("kind") or "")

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_event_by_id(self, event_id: int) -> None:
        conn = queries.connect_readonly(self.db_path)
        try:
            row = queries.event_row(conn, event_id)
        finally:
            conn.close()
        if row is not None:
            self.app.call_from_thread(
                self.go,
                self._event_view(event_id, row["article_id"], (row["evidence_start"], row["evidence_end"]), row),
            )

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_incident_by_id(self, incident_id: int) -> None:
        conn = queries.connect_readonly(self.db_path)
        try:
            row = queries.incident_row(conn, incident_id)
        finally:
            conn.close()
        if row is not None:
            self.app.call_from_thread(self._go_and_focus_facts, self._incident_view(row))

    def _go_and_focus_facts(self, view: View) -> None:
        self.go(view)
        self.facts.focus()

    def open_entity(self, entity_id: int, name: str, kind: str) -> None:
        """Show everything about an entity: its events, claims it made, every mention."""
        self.go(
            View(
                "entity",
                self.view.article_id,
                None,
                queries.entity_facts_query(entity_id, f"{kind.capitalize()} · {name}".strip(" ·")),
            )
        )
        self.facts.focus()

    def go_judgements(self, query: ListQuery) -> None:
        """Show what the analyst judged (key `J`) in the facts pane."""
        self.go(View("judgements", self.view.article_id, None, query))
        self.facts.focus()

    def open_source(self, source_id: int, name: str) -> None:
        self.go(View("source", self.view.article_id, None, queries.source_facts_query(source_id, f"Claims by {name}")))
        self.facts.focus()

    # ------------------------------------------------------------------ history

    def go(self, view: View) -> None:
        """Show ``view``, remembering the current one for Escape."""
        self.view.facts_cursor = self.facts.cursor
        if self.view.mode != "none":
            self.back_stack.append(self.view)
        self.forward_stack.clear()
        self.view = view
        self._apply_view(view)

    def action_back(self) -> None:
        if not self.back_stack:
            self.notify("Nothing to go back to: this is the first view.", timeout=2, markup=False)
            return
        self.view.facts_cursor = self.facts.cursor
        self.forward_stack.append(self.view)
        self.view = self.back_stack.pop()
        self._apply_view(self.view)

    def action_forward(self) -> None:
        if not self.forward_stack:
            self.notify("Nothing to go forward to.", timeout=2, markup=False)
            return
        self.view.facts_cursor = self.facts.cursor
        self.back_stack.append(self.view)
        self.view = self.forward_stack.pop()
        self._apply_view(self.view)

    def _apply_view(self, view: View) -> None:
        self.refresh_bindings()
        self.facts.border_title = Content(one_line(view.facts.label or "Facts"))
        self.facts.set_columns(VERSION_COLUMNS if view.facts.kind == "versions" else FACT_COLUMNS)
        if view.facts != self.facts.query:
            self.query_one("#fact-detail", Static).update("")
        if view.facts != self.facts.query or view.facts_cursor != self.facts.cursor:
            quiet = view.highlight is not None and view.facts_cursor == 0
            self.facts.set_query(view.facts, view.facts_cursor, quiet=quiet)
        if view.article_id is not None:
            self._show_article(view.article_id, view.highlight)
        if view.incident_id is not None and view is self.view and not view.preview:
            self._retitle_incident()  # back to an incident shown before: it may have changed since

    # ------------------------------------------------------------------ the reader

    def _show_article(self, article_id: int, highlight: tuple[int, int] | None, *, again: bool = False) -> None:
        """Show an article in the reader (``again``: read it again even when it is shown)."""
        reader = self.reader
        if reader.article is not None and reader.article.id == article_id and not again:
            if highlight is not None:
                reader.highlight(*highlight)
            return
        self._article_request += 1
        self._pending_highlight = highlight
        self._load_article(article_id, self._article_request)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, article_id: int, request: int) -> None:
        conn = queries.connect_readonly(self.db_path)
        try:
            article = queries.article(conn, article_id)
        finally:
            conn.close()
        self.post_message(ArticleLoaded(article_id, request, article))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        if message.request != self._article_request:
            return  # an answer to a question nobody asks any more
        article = message.article
        reader = self.reader
        if article is None:
            reader.placeholder = f"Article {message.article_id} is no longer in the store."
            reader.show(None)
            reader.border_title = "Reader"
            return
        reader.show(article, self._pending_highlight)
        reader.border_title = Content(one_line(article.title or article.ref))
        # where it came from: its URL, else its ref (a file, a JSON Lines id)
        meta = " · ".join(
            x
            for x in (
                (article.published or "")[:10],
                article.outlet or "",
                article.url or article.ref,
                plural(article.n_events, "event"),
            )
            if x
        )
        reader.border_subtitle = Content(one_line(meta))

    # ------------------------------------------------------------------ events: filter, sort

    def action_filter_events(self) -> None:
        def done(result: EventFilter | None) -> None:
            if result is not None:
                self.event_filter = result
                self._requery_events()

        self.app.push_screen(FilterScreen(self.event_filter), done)

    def action_sort_events(self) -> None:
        self.events_descending = not self.events_descending
        self._requery_events()

    def _requery_events(self) -> None:
        if self.event_rows == "incidents":
            query = queries.filter_incidents(queries.incidents_query(self.events_descending), self.event_filter)
        else:
            query = queries.filter_events(queries.events_query(self.events_descending), self.event_filter)
        self.events.set_query(query)

    def action_cycle_confidence(self) -> None:
        """`c`: only the incidents (or events) at or above a confidence, 0.5 then 0.8, then all again."""
        steps = CONFIDENCE_STEPS
        after = (
            steps[(steps.index(self.event_filter.confidence) + 1) % len(steps)]
            if self.event_filter.confidence in steps
            else steps[0]
        )
        self.event_filter = replace(self.event_filter, confidence=after)
        self._requery_events()

    def action_toggle_event_rows(self) -> None:
        """`v`: the Events pane lists incidents, or every article's events as extracted."""
        self.event_rows = "events" if self.event_rows == "incidents" else "incidents"
        self.merge_mark = None
        self.refresh_bindings()
        self.events.set_columns(INCIDENT_COLUMNS if self.event_rows == "incidents" else EVENT_COLUMNS)
        self.events.empty_text = "No incidents." if self.event_rows == "incidents" else "No events."
        self._requery_events()

    # ------------------------------------------------------------------ incidents: merge, split

    def action_merge_incident(self) -> None:
        """`m` on an incident marks it; `m` on another merges the marked one into it."""
        if self.event_rows != "incidents":
            self.notify("Merging works on incidents: press v to list them.", timeout=3)
            return
        row = self.events.current_row
        if row is None:
            return
        mark = self.merge_mark
        if mark is None or mark["id"] == row["id"]:
            self.merge_mark = None if mark is not None else dict(row)
            if self.merge_mark is not None:
                self.notify(f"Incident #{row['id']} marked: press m on the incident to merge it into.", timeout=4)
            else:
                self.notify("Merge cancelled.", timeout=2)
            self.events.reload()
            return
        self.merge_mark = None
        self._write_incidents("merge", mark["id"], row["id"])

    def action_split_event(self) -> None:
        """`x` on a version of an incident: that event becomes an incident of its own."""
        row = self.facts.current_row
        if self.view.mode != "incident" or row is None or self.facts.query.kind != "versions":
            self.notify("Open an incident (Enter in Events), then press x on a version to split it out.", timeout=3)
            return
        self._write_incidents("split", row["uid"], None)

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def _write_incidents(self, what: str, first: int, second: int | None) -> None:
        from store.db import open_store
        from store.judgements import Judge

        position = None  # where the incident merged into is in the Events list now
        try:
            db = open_store(self.db_path)
            try:
                judge = Judge(db, self.app.analyst)  # (the log names who merged or split, and when)
                if what == "merge":
                    judge.merge_incidents(first, second)
                    message = f"Merged incident #{first} into #{second}; kept across re-ingest and regrouping."
                    position = queries.row_position(db, self.events.query, second)
                else:
                    new, _ = judge.split_event(first)
                    message = (
                        f"Event {first} split out into incident #{new}; kept across re-ingest and regrouping."
                        if new is not None
                        else "That event is alone in its incident already."
                    )
            finally:
                db.close()
        except Exception as error:  # noqa: BLE001 - one line for the user
            self.app.call_from_thread(
                self.notify, f"Could not {what}: {write_error(error)}", severity="error", timeout=5, markup=False
            )
            return
        self.app.call_from_thread(self._after_write, message, position)

    def _after_write(self, message: str, position: int | None) -> None:
        """The panes read again; after a merge the Events cursor is on the incident merged into (the
        rows above it may have moved: one incident fewer), so the next key acts on what is shown.
        The version now under the facts cursor is shown (the one it was on may have left)."""
        self.notify(message, timeout=4)
        self.reload_all(announce_facts=True)
        if position is not None:
            self.events.set_query(self.events.query, cursor=position)

    # ------------------------------------------------------------------ articles: filter, sort

    def action_filter_articles(self) -> None:
        def done(result: ArticleFilter | None) -> None:
            if result is not None:
                self.article_filter = result
                self._requery_articles()

        self.app.push_screen(ArticleFilterScreen(self.article_filter), done)

    def action_sort_articles(self) -> None:
        self.articles_descending = not self.articles_descending
        self._requery_articles()

    def _requery_articles(self) -> None:
        query = queries.filter_articles(queries.articles_query(self.articles_descending), self.article_filter)
        self.articles.set_query(query)

    # ------------------------------------------------------------------ search, help, refresh

    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(self.db_path), self.open_search_result)

    def open_search_result(self, result: Any) -> None:
        if result is None:
            return
        if result["kind"] == "article":  # found by its text: the article, scrolled to the match
            self.go(
                View(
                    "article",
                    result["id"],
                    (result["start"], result["end"]),
                    queries.article_facts_query(result["id"], result.get("title") or ""),
                )
            )
            self.reader.focus()
        elif result["kind"] == "source":
            self.open_source(result["id"], result["name"])
        else:
            self.open_entity(result["id"], result["name"], result["type"])

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.binding_groups(), self.reader.legend()))

    def binding_groups(self) -> list[tuple[str, list[Binding]]]:
        """Every key of the browser, by where it works (for `?`); a judgement key, the same in several
        panes, once."""
        return gather_shared(
            [
                ("Anywhere", [*self.BINDINGS, *self.app.BINDINGS]),
                ("Lists", RowList.BINDINGS),
                ("Articles", ArticleList.BINDINGS),
                ("Events", EventList.BINDINGS),
                ("Facts", FactList.BINDINGS),
                ("Reader", Reader.BINDINGS),
                ("Search", SearchScreen.BINDINGS),
                ("Filter", [*FilterScreen.BINDINGS, *ArticleFilterScreen.BINDINGS]),
                ("Sources", SourceList.BINDINGS),
                ("Forms", JudgeForm.BINDINGS),
            ]
        )

    def action_refresh(self) -> None:
        self.reload_all()

    def reload_all(self, announce_facts: bool = False) -> None:
        """Read every pane again (the store changed); cursors keep their places. ``announce_facts``:
        the fact then under the facts cursor is shown (after the user's own merge or split)."""
        for row_list in (self.articles, self.events, self.sources):
            row_list.reload()
        self.facts.reload(announce=announce_facts)
        self._retitle_incident()
