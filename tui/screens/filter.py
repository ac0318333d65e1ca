"""`f`: narrow the Events pane (subtype, dates, place, source, history, the analyst's status and
tag) or the Articles pane (dates, outlet, words of the text)."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from extract.model import TAXONOMY
from store.admiralty import STATUSES
from store.queries import ArticleFilter, EventFilter
from tui.screens.modal import Modal
from tui.widgets.field import Field
from tui.widgets.select import SafeSelect

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class FilterScreen(Modal[EventFilter | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply"),
    ]

    def __init__(self, current: EventFilter) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        choices = [(f"{t} (all)", t) for t in TAXONOMY]
        choices += [(f"  {s}", s) for subs in TAXONOMY.values() for s in subs]
        with Vertical(id="filter-box"):
            yield Label("Subtype or type")
            yield SafeSelect(choices, value=self.current.subtype or Select.NULL, id="filter-subtype", prompt="any")
            with Horizontal(classes="dates"):
                yield Field(self.current.date_from, placeholder="from YYYY-MM-DD", id="filter-from")
                yield Field(self.current.date_to, placeholder="to YYYY-MM-DD", id="filter-to")
            yield Field(self.current.place, placeholder="place (part of a name)", id="filter-place")
            yield Field(self.current.source, placeholder="source or claimant (part of a name)", id="filter-source")
            yield Checkbox(
                "history too (⟲ long before the article, ⟳ after it)", self.current.history, id="filter-history"
            )
            with Horizontal(classes="dates"):
                yield SafeSelect(
                    [(s, s) for s in STATUSES],
                    value=self.current.status or Select.NULL,
                    prompt="any status",
                    id="filter-status",
                )
                yield Field(self.current.tag, placeholder="tag", id="filter-tag")
            yield Static("", id="filter-error")
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="filter-apply")
                yield Button("Clear", id="filter-clear")

    def on_mount(self) -> None:
        box = self.query_one("#filter-box")
        box.border_title = "Filter events"
        box.border_subtitle = "Enter or Ctrl+S applies · Esc cancels"
        self.query_one("#filter-subtype").focus()

    def _read(self) -> EventFilter | None:
        subtype = self.query_one("#filter-subtype", Select).value
        status = self.query_one("#filter-status", Select).value
        date_from = self.query_one("#filter-from", Input).value.strip()
        date_to = self.query_one("#filter-to", Input).value.strip()
        for value in (date_from, date_to):
            if value and not DATE.match(value):
                self.query_one("#filter-error", Static).update("Dates are YYYY, YYYY-MM or YYYY-MM-DD.")
                return None
        return EventFilter(
            subtype="" if subtype is Select.NULL else str(subtype),
            date_from=date_from,
            date_to=date_to,  # as typed: "2022-05" is up to the end of May (store.queries.date_upper)
            place=self.query_one("#filter-place", Input).value.strip(),
            source=self.query_one("#filter-source", Input).value.strip(),
            history=self.query_one("#filter-history", Checkbox).value,
            confidence=self.current.confidence,  # (set with `c` in the pane)
            status="" if status is Select.NULL else str(status),
            tag=self.query_one("#filter-tag", Input).value.strip().lstrip("#"),
        )

    def action_apply(self) -> None:
        result = self._read()
        if result is not None:
            self.dismiss(result)

    def on_input_submitted(self) -> None:
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "filter-clear":
            self.dismiss(EventFilter())
        else:
            self.action_apply()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ArticleFilterScreen(Modal[ArticleFilter | None]):
    """`f` in the Articles pane: published between two dates, from an outlet (or a URL), with words."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="articles_filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="articles_filter.apply"),
    ]

    def __init__(self, current: ArticleFilter) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-box"):
            with Horizontal(classes="dates"):
                yield Field(self.current.date_from, placeholder="from YYYY-MM-DD", id="filter-from")
                yield Field(self.current.date_to, placeholder="to YYYY-MM-DD", id="filter-to")
            yield Field(self.current.outlet, placeholder="outlet or URL (part of it)", id="filter-outlet")
            yield Field(self.current.text, placeholder="words in the text", id="filter-text")
            yield Static("", id="filter-error")
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="filter-apply")
                yield Button("Clear", id="filter-clear")

    def on_mount(self) -> None:
        box = self.query_one("#filter-box")
        box.border_title = "Filter articles"
        box.border_subtitle = "Enter or Ctrl+S applies · Esc cancels"
        self.query_one("#filter-from").focus()

    def _read(self) -> ArticleFilter | None:
        date_from = self.query_one("#filter-from", Input).value.strip()
        date_to = self.query_one("#filter-to", Input).value.strip()
        for value in (date_from, date_to):
            if value and not DATE.match(value):
                self.query_one("#filter-error", Static).update("Dates are YYYY, YYYY-MM or YYYY-MM-DD.")
                return None
        return ArticleFilter(
            date_from=date_from,
            date_to=date_to,
            outlet=self.query_one("#filter-outlet", Input).value.strip(),
            text=self.query_one("#filter-text", Input).value.strip(),
        )

    def action_apply(self) -> None:
        result = self._read()
        if result is not None:
            self.dismiss(result)

    def on_input_submitted(self) -> None:
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "filter-clear":
            self.dismiss(ArticleFilter())
        else:
            self.action_apply()

    def action_cancel(self) -> None:
        self.dismiss(None)
