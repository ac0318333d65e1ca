"""The small forms of the analyst's judgements: grade, status, correct (or add) an event, note, tag,
and which judgements to list.

Each form checks what is typed with the same functions as the command line (store/admiralty.py)
and shows what is wrong in the form itself; nothing is recorded until the input is right. A form
only answers (``dismiss``) with the values; the main screen records them.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from extract.model import SUBTYPE_TO_TYPE
from store.admiralty import (
    CREDIBILITY,
    RELIABILITY,
    STATUSES,
    JudgementError,
    parse_date,
    parse_grade,
    parse_killed,
    parse_note,
    parse_place,
    parse_subtype,
    parse_tag,
)
from store.judged import JudgementFilter
from tui.screens.modal import Modal
from tui.widgets.field import Field
from tui.widgets.safe_text import one_line
from tui.widgets.select import SafeSelect


class JudgeForm(Modal):
    """A form in a box: Escape cancels, Ctrl+S (or Enter in a field) applies."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="judge.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="judge.apply"),
    ]
    TITLE = "Judge"
    HINT = "Enter or Ctrl+S records · Esc cancels"

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what  # what is judged, as the user knows it ("source Ukraine's military intelligence")

    def compose_form(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical(classes="judge-box"):
            yield Static(Content(one_line(self.what)), classes="judge-what")
            yield from self.compose_form()
            yield Static("", classes="judge-error", id="judge-error")

    def on_mount(self) -> None:
        box = self.query_one(".judge-box")
        box.border_title = self.TITLE
        box.border_subtitle = self.HINT

    def error(self, message: str) -> None:
        self.query_one("#judge-error", Static).update(Content(one_line(message)))

    def answer(self) -> Any:
        """The form's values, or raise JudgementError."""
        raise NotImplementedError

    def action_apply(self) -> None:
        try:
            result = self.answer()
        except JudgementError as problem:
            self.error(str(problem))
            return
        if result is not None:
            self.dismiss(result)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def action_cancel(self) -> None:
        self.dismiss(None)


class GradeForm(JudgeForm):
    """A source's reliability (A-F) or a claim's credibility (1-6), typed; the scale is shown."""

    TITLE = "Grade"

    def __init__(self, kind: str, what: str, current: str, suggestion: str = "") -> None:
        super().__init__(what)
        self.kind = kind
        self.current = current
        self.suggestion = suggestion

    def compose_form(self) -> ComposeResult:
        scale = RELIABILITY if self.kind == "source" else CREDIBILITY
        yield Label("Reliability (A-F)" if self.kind == "source" else "Credibility (1-6)")
        yield Field(self.current, id="grade-input", max_length=8, compact=True)
        lines = [f"{'▸' if grade == self.current else ' '} {grade}  {meaning}" for grade, meaning in scale.items()]
        yield Static("\n".join(lines), classes="judge-scale")
        if self.suggestion:
            yield Static(Content(one_line(self.suggestion)), classes="judge-suggestion", id="grade-suggestion")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#grade-input", Input).focus()

    def answer(self) -> str:
        return parse_grade(self.kind, self.query_one("#grade-input", Input).value)


class StatusForm(JudgeForm):
    """unverified, verified, disputed or false, with an optional reason."""

    TITLE = "Status"
    HINT = "Enter on a status records it · Esc cancels"

    def __init__(self, what: str, current: str) -> None:
        super().__init__(what)
        self.current = current or "unverified"

    def compose_form(self) -> ComposeResult:
        yield OptionList(
            *[Option(f"{status}  (now)" if status == self.current else status, id=status) for status in STATUSES],
            id="status-options",
        )
        yield Field(placeholder="reason (optional, kept in the log)", id="status-reason", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        options = self.query_one("#status-options", OptionList)
        options.highlighted = STATUSES.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_apply()

    def answer(self) -> tuple[str, str]:
        options = self.query_one("#status-options", OptionList)
        status = STATUSES[options.highlighted if options.highlighted is not None else 0]
        return status, self.query_one("#status-reason", Input).value.strip()


SUBTYPES = list(SUBTYPE_TO_TYPE)


class EventForm(JudgeForm):
    """Correct an event (only the fields changed are recorded), or add one from a sentence."""

    TITLE = "Correct event"

    def __init__(self, what: str, values: dict[str, Any], *, adding: bool = False) -> None:
        super().__init__(what)
        self.values = {k: "" if v is None else str(v) for k, v in values.items()}
        self.adding = adding
        self._confirm_delete = False
        if adding:
            self.TITLE = "Add event"

    def compose_form(self) -> ComposeResult:
        fields = (
            ("subtype", "subtype (ACLED)"),
            ("date", "date YYYY-MM-DD"),
            ("place", "place"),
            ("killed", "killed (a number)"),
        )
        for field, placeholder in fields:
            with Horizontal(classes="judge-field"):
                yield Label(field.capitalize(), classes="judge-label")
                suggester = SuggestFromList(SUBTYPES, case_sensitive=False) if field == "subtype" else None
                yield Field(
                    self.values.get(field, ""),
                    placeholder=placeholder,
                    id=f"event-{field}",
                    suggester=suggester,
                    compact=True,
                )
        with Horizontal(classes="judge-field"):
            yield Label("Reason", classes="judge-label")
            yield Field(placeholder="why (optional, kept in the log)", id="event-reason", compact=True)
        with Horizontal(classes="judge-buttons"):
            yield Button("Add event" if self.adding else "Record", variant="primary", id="event-apply", compact=True)
            if not self.adding:
                yield Button("Delete event (false)", variant="error", id="event-delete", compact=True)
            yield Button("Cancel", id="event-cancel", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        if self.adding:
            self.query_one(".judge-box").border_title = "Add an event from this sentence"
        self.query_one("#event-subtype", Input).focus()

    def _value(self, field: str) -> str:
        return self.query_one(f"#event-{field}", Input).value.strip()

    def answer(self) -> dict[str, Any]:
        checks = {"subtype": parse_subtype, "date": parse_date, "place": parse_place, "killed": parse_killed}
        result: dict[str, Any] = {}
        for field, check in checks.items():
            typed, before = self._value(field), self.values.get(field, "")
            if self.adding:
                if typed or field == "subtype":  # only the subtype is required
                    result[field] = check(typed)
            elif typed != before:
                result[field] = check(typed)  # a value cleared is an error, not a removal
        if not result and not self.adding:
            raise JudgementError("nothing changed: edit a field, or Esc to leave")
        result["reason"] = self._value("reason")
        return result

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "event-cancel":
            self.dismiss(None)
        elif event.button.id == "event-delete":
            if not self._confirm_delete:
                self._confirm_delete = True
                self.error("Delete this event as false? Press Delete again (Esc keeps it).")
                return
            self.dismiss({"delete": True, "reason": self._value("reason")})
        else:
            self.action_apply()


class NoteForm(JudgeForm):
    TITLE = "Note"

    def __init__(self, what: str, notes: list[str]) -> None:
        super().__init__(what)
        self.notes = notes

    def compose_form(self) -> ComposeResult:
        if self.notes:
            shown = self.notes[-5:]
            yield Static(Content("\n".join(f"¶ {one_line(n)}" for n in shown)), classes="judge-notes")
        yield Field(placeholder="a note", id="note-input", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#note-input", Input).focus()

    def answer(self) -> str:
        return parse_note(self.query_one("#note-input", Input).value)


class TagForm(JudgeForm):
    """Add a tag; '-tag' takes one off."""

    TITLE = "Tag"
    HINT = "Enter adds the tag (-tag removes it) · Esc cancels"

    def __init__(self, what: str, tags: list[str], known: list[str]) -> None:
        super().__init__(what)
        self.tags = tags
        self.known = known

    def compose_form(self) -> ComposeResult:
        current = " ".join(f"#{t}" for t in self.tags) or "no tags yet"
        yield Static(Content(one_line(current)), classes="judge-notes", id="tag-current")
        yield Field(
            placeholder="tag (-tag removes it)",
            id="tag-input",
            compact=True,
            suggester=SuggestFromList(self.known, case_sensitive=False) if self.known else None,
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#tag-input", Input).focus()

    def answer(self) -> tuple[str, str]:
        typed = self.query_one("#tag-input", Input).value.strip()
        if typed.startswith("-"):
            return "remove", parse_tag(typed[1:])
        return "add", parse_tag(typed)


class JudgementsForm(JudgeForm):
    """Which judgements `J` lists: by kind, status, tag; only those whose fact is gone."""

    TITLE = "Judgements"
    HINT = "Enter or Ctrl+S lists them · Esc cancels"

    def __init__(self, current: JudgementFilter, known_tags: list[str]) -> None:
        super().__init__("List what the analyst judged")
        self.current = current
        self.known_tags = known_tags

    def compose_form(self) -> ComposeResult:
        kinds = [(k, k) for k in ("incident", "event", "claim", "source", "article")]
        yield SafeSelect(
            kinds, value=self.current.kind or Select.NULL, prompt="any kind", id="judgements-kind", compact=True
        )
        yield SafeSelect(
            [(s, s) for s in STATUSES],
            value=self.current.status or Select.NULL,
            prompt="any status",
            id="judgements-status",
            compact=True,
        )
        yield Field(
            self.current.tag,
            placeholder="tag",
            id="judgements-tag",
            compact=True,
            suggester=SuggestFromList(self.known_tags, case_sensitive=False) if self.known_tags else None,
        )
        yield Checkbox("only orphaned or deleted", self.current.detached_only, id="judgements-detached", compact=True)
        with Horizontal(classes="judge-buttons"):
            yield Button("List", variant="primary", id="judgements-apply", compact=True)
            yield Button("All", id="judgements-all", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#judgements-apply", Button).focus()  # J, Enter: everything judged

    def answer(self) -> JudgementFilter:
        kind = self.query_one("#judgements-kind", Select).value
        status = self.query_one("#judgements-status", Select).value
        tag = self.query_one("#judgements-tag", Input).value.strip()
        return JudgementFilter(
            kind="" if kind is Select.NULL else str(kind),
            status="" if status is Select.NULL else str(status),
            tag=parse_tag(tag) if tag else "",
            detached_only=self.query_one("#judgements-detached", Checkbox).value,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "judgements-all":
            self.dismiss(JudgementFilter())
        else:
            self.action_apply()
