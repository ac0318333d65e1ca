"""`?`: every key, where it works, and the id to remap it by."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.screens.modal import Modal


def binding_table(groups: list[tuple[str, list[Binding]]], keymap: dict[str, str]) -> Table:
    table = Table(box=None, expand=True, show_header=True, header_style="bold")
    table.add_column("Where", style="dim", max_width=22)
    table.add_column("Keys", style="bold", no_wrap=True)
    table.add_column("Does", min_width=18)
    table.add_column("Id (remap)", style="dim", no_wrap=True)
    for where, bindings in groups:
        for binding in bindings:
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            shown = binding.key_display if binding.key_display and keys == binding.key else keys
            table.add_row(where, shown.replace("_", " "), binding.description, binding.id or "")
    return table


def gather_shared(groups: list[tuple[str, list[Binding]]], prefix: str = "judge.") -> list[tuple[str, list[Binding]]]:
    """The groups with the bindings whose id starts with ``prefix`` (the judgement keys, the same in
    several panes) taken out and listed once each, after the others, where = every pane it works in."""
    shared: dict[str, tuple[list[str], Binding]] = {}
    kept: list[tuple[str, list[Binding]]] = []
    for where, bindings in groups:
        own = []
        for binding in bindings:
            if binding.id and binding.id.startswith(prefix):
                shared.setdefault(binding.id, ([], binding))[0].append(where)
            else:
                own.append(binding)
        if own:
            kept.append((where, own))
    return kept + [(", ".join(wheres), [binding]) for wheres, binding in shared.values()]


class HelpScreen(Modal[None]):
    """Every key, grouped by where it works. The screen that opens it says which bindings are
    where (``groups``) and passes the reader's colour legend, so this module imports no screen."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, groups: list[tuple[str, list[Binding]]], legend: Text) -> None:
        super().__init__()
        self.groups = groups
        self.legend = legend

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(id="help-legend")
            yield Static(id="help-table")

    def on_mount(self) -> None:
        keymap = dict(getattr(self.app, "_keymap", {}) or {})
        self.query_one("#help-table", Static).update(binding_table(self.groups, keymap))
        legend = Text("Reader colours: ", style="bold")
        legend.append_text(self.legend)
        self.query_one("#help-legend", Static).update(legend)
        box = self.query_one("#help-box")
        box.border_title = "Keys"
        box.border_subtitle = "Enter on a fact shows its span or opens it · o follows its link · Escape closes"

    def action_close(self) -> None:
        self.dismiss(None)
