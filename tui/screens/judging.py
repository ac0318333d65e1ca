"""The analyst's judgements from the keyboard, for the main screen.

A key names what it judges by the pane it was pressed in: the row under the cursor of Events,
Sources or Articles, the fact under the cursor of the facts list (an event, its evidence or a
figure -> the event; a casualty figure -> its event; a claim -> the claim), or the article in the
reader. On an incident, ``V`` and ``S`` judge the incident; ``n`` and ``t`` note and tag each of
its events (notes and tags are for events, claims, sources and articles: CONTRACT.md; the Events
filter finds an incident by its events' tags). ``V`` verifies at once; the other keys open a small
form (tui/screens/judge.py) filled from the store; what the form answers is recorded by a worker
with a writable connection of its own, and the panes are read again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.message import Message

from store import judgements as judging
from store.admiralty import JudgementError
from store.db import StoreError, open_store
from store.judged import JudgementFilter, judgements_query
from store.queries import connect_readonly
from tui.screens.judge import EventForm, GradeForm, JudgementsForm, NoteForm, StatusForm, TagForm

# facts-list rows that stand for something judged: row kind -> (kind judged, field holding its id)
FACT_TARGETS = {
    "event": ("event", "uid"),
    "evidence": ("event", "uid"),
    "figure": ("event", "uid"),
    "casualty": ("event", "link_id"),
    "claim": ("claim", "uid"),
    "version": ("event", "uid"),
    "≠ version": ("event", "uid"),  # an incident's versions
}
PANE_KINDS = {"events": "event", "sources": "source", "articles": "article"}


# R on an incident: its sources are graded one by one, each on its own version's claim
INCIDENT_GRADE = (
    "An incident has a claim from each source: press Enter to open it, then R on a version grades the claim "
    "that reports it (R in Sources grades a source)."
)
READ_ONLY = "The store is read-only here: you can read it, but judgements, merges and splits cannot be recorded."


def write_error(error: Exception) -> str:
    """One line for the user when writing to the store failed."""
    text = str(error).splitlines()[0] if str(error) else ""
    if isinstance(error, sqlite3.OperationalError) and ("readonly" in text or "read-only" in text):
        return READ_ONLY
    if isinstance(error, StoreError):
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass(frozen=True)
class Target:
    kind: str  # event, claim, source, article
    id: int


class JudgementRecorded(Message):
    """What a judgement changed (``changes``: store.judgements.Change); ``facts_changed``: events
    were added or deleted, so the reader's spans are stale."""

    def __init__(self, changes: list[judging.Change], facts_changed: bool) -> None:
        super().__init__()
        self.changes = changes
        self.facts_changed = facts_changed


class JudgementFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class JudgingMixin:
    """Actions of the judgement keys; mixed into the main screen (which has the panes)."""

    db_path: str

    # ---------------------------------------------------------------- what a key is about

    def judgement_target(self, pane: str) -> Target | None:
        if pane == "reader":
            article = self.reader.article
            return Target("article", article.id) if article is not None else None
        if pane in PANE_KINDS:
            row = self.query_one(f"#{pane}").current_row
            if row is None:
                return None
            if pane == "events" and "article_id" not in row:  # the pane lists incidents
                return Target("incident", row["id"])
            return Target(PANE_KINDS[pane], row["id"])
        if pane == "facts":
            row = self.facts.current_row
            if row is None or row.get("kind") not in FACT_TARGETS:
                return None
            kind, field = FACT_TARGETS[row["kind"]]
            return Target(kind, row[field]) if row.get(field) else None
        return None

    def _target_or_say(self, pane: str, kinds: tuple[str, ...], what: str) -> Target | None:
        target = self.judgement_target(pane)
        if target is None or target.kind not in kinds:
            names = " or ".join(f"{k}s" for k in kinds)
            self.notify(f"Nothing to {what} here: {what} applies to {names}.", timeout=3, markup=False)
            return None
        return target

    # ---------------------------------------------------------------- the keys

    def action_judge_verify(self, pane: str) -> None:
        """`V`: verified, at once."""
        target = self._target_or_say(pane, ("event", "claim", "incident"), "verify")
        if target is not None:
            self._record(lambda judge: judge.set_status(target.kind, target.id, "verified"))

    def action_judge_status(self, pane: str) -> None:
        target = self._target_or_say(pane, ("event", "claim", "incident"), "set a status")
        if target is not None:
            self._open_form("status", target)

    def action_judge_grade(self, pane: str) -> None:
        # (on an event or an incident's version: the claim that reports it)
        if (found := self.judgement_target(pane)) is not None and found.kind == "incident":
            self.notify(INCIDENT_GRADE, timeout=4, markup=False)
            return
        target = self._target_or_say(pane, ("source", "claim", "event"), "grade")
        if target is not None:
            self._open_form("grade", target)

    def action_judge_correct(self, pane: str) -> None:
        target = self._target_or_say(pane, ("event",), "correct")
        if target is not None:
            self._open_form("correct", target)

    def action_judge_note(self, pane: str) -> None:
        target = self._target_or_say(pane, ("event", "claim", "source", "article", "incident"), "note")
        if target is not None:
            self._open_form("note", target)

    def action_judge_tag(self, pane: str) -> None:
        target = self._target_or_say(pane, ("event", "claim", "source", "article", "incident"), "tag")
        if target is not None:
            self._open_form("tag", target)

    def action_add_event(self) -> None:
        """`a` in the reader: an event from the sentence under the reader's cursor."""
        reader = self.reader
        sentence = reader.sentence_at_cursor() if reader.article is not None else None
        if sentence is None:
            self.notify(
                "Open an article first: an event is added from a sentence in the reader.", timeout=3, markup=False
            )
            return
        reader.highlight(*sentence)
        article = reader.article
        start, end = sentence
        what = f"article {article.id}: {article.text[start:end]}"

        def added(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            reason = values.pop("reason", "") or None
            self._record(
                lambda judge: judge.add_event(article.id, start, end, reason=reason, **values)[1], facts_changed=True
            )

        self.app.push_screen(EventForm(what, {}, adding=True), added)

    def action_judgements(self) -> None:
        """`J`: list what was judged (by kind, status, tag; orphaned ones too)."""
        self._open_form("judgements", None)

    # ---------------------------------------------------------------- forms

    def _open_form(self, form: str, target: Target | None) -> None:
        """Open the form once what it shows is read; the keys typed meanwhile are for it."""
        self.app.hold_keys()
        self._load_form(form, target)

    @work(thread=True, group="judge-form", exclusive=True, exit_on_error=False)
    def _load_form(self, form: str, target: Target | None) -> None:
        """Read what the form shows, then open it (on the app's thread); then let the keys go."""
        try:
            self._read_form(form, target)
        finally:
            self.app.call_from_thread(self.app.release_keys)

    def _read_form(self, form: str, target: Target | None) -> None:
        conn = connect_readonly(self.db_path)
        try:
            if form == "grade" and target is not None and target.kind == "event":
                claim = conn.execute(
                    "SELECT claim_id FROM claim_events WHERE event_id = ? ORDER BY claim_id LIMIT 1", (target.id,)
                ).fetchone()
                if claim is None:
                    self.app.call_from_thread(
                        self.notify, "No claim reports this event: there is nothing to grade.", timeout=3, markup=False
                    )
                    return
                target = Target("claim", claim[0])
            known = [t for t, _ in judging.tags_in_use(conn)]
            found = judging.context(conn, target.kind, target.id) if target is not None else None
            if found is not None and target.kind == "incident" and form in ("note", "tag"):
                found = _on_its_events(conn, found)
        finally:
            conn.close()
        if target is not None and found is None:
            self.app.call_from_thread(
                self.notify, f"{target.kind} {target.id} is no longer in the store.", severity="warning", markup=False
            )
            return
        self.app.call_from_thread(self._show_form, form, target, found, known)

    def _show_form(self, form: str, target: Target | None, found: dict[str, Any] | None, known: list[str]) -> None:
        push: Callable = self.app.push_screen
        # what a note or a tag goes on: the row, or each event of an incident
        each = [Target("event", e) for e in found["events"]] if found and "events" in found else [target]
        if form == "judgements":
            push(JudgementsForm(self.judgement_filter, known), self.show_judgements)
        elif form == "grade":
            push(
                GradeForm(target.kind, found["what"], found["grade"], found.get("suggestion", "")),
                lambda grade: grade and self._record(lambda judge: judge.grade(target.kind, target.id, grade)),
            )
        elif form == "status":

            def chosen(answer: tuple[str, str] | None) -> None:
                if answer:
                    status, reason = answer
                    self._record(lambda judge: judge.set_status(target.kind, target.id, status, reason or None))

            push(StatusForm(found["what"], found["status"]), chosen)
        elif form == "correct":

            def corrected(values: dict[str, Any] | None) -> None:
                if not values:
                    return
                reason = values.pop("reason", "") or None
                if values.pop("delete", False):
                    self._record(lambda judge: judge.delete_event(target.id, reason), facts_changed=True)
                else:
                    self._record(lambda judge: judge.correct_event(target.id, reason=reason, **values))

            push(EventForm(found["what"], found["values"]), corrected)
        elif form == "note":
            push(
                NoteForm(found["what"], found["notes"]),
                lambda text: (
                    text and self._record(lambda judge: [c for t in each for c in judge.note(t.kind, t.id, text)])
                ),
            )
        elif form == "tag":

            def tagged(answer: tuple[str, str] | None) -> None:
                if answer:
                    how, tag = answer
                    act = judging.Judge.untag if how == "remove" else judging.Judge.tag
                    self._record(lambda judge: [c for t in each for c in act(judge, t.kind, t.id, tag)])

            push(TagForm(found["what"], found["tags"], known), tagged)

    # ---------------------------------------------------------------- recording

    @work(thread=True, group="judge", exit_on_error=False)
    def _record(self, act: Callable[[judging.Judge], list[judging.Change]], facts_changed: bool = False) -> None:
        try:
            db = open_store(self.db_path)
        except Exception as error:  # noqa: BLE001 - one line for the user
            self.post_message(JudgementFailed(write_error(error)))
            return
        try:
            changes = act(judging.Judge(db.conn, self.app.analyst))
        except JudgementError as problem:
            self.post_message(JudgementFailed(str(problem)))
            return
        except Exception as error:  # noqa: BLE001
            self.post_message(JudgementFailed(write_error(error)))
            return
        finally:
            db.close()
        self.post_message(JudgementRecorded(changes, facts_changed))

    def on_judgement_recorded(self, message: JudgementRecorded) -> None:
        text = "; ".join(change.line() for change in message.changes) or "Nothing changed."
        self.notify(text, title="Recorded" if message.changes else "", timeout=4, markup=False)
        self.reload_all()
        if message.facts_changed and self.view.article_id is not None:  # its event spans changed
            self._show_article(self.view.article_id, self.reader.highlighted, again=True)

    def on_judgement_failed(self, message: JudgementFailed) -> None:
        self.notify(message.reason, title="Not recorded", severity="error", timeout=6, markup=False)

    # ---------------------------------------------------------------- the list of judgements

    judgement_filter: JudgementFilter = JudgementFilter()

    def show_judgements(self, flt: JudgementFilter | None) -> None:
        if flt is None:
            return
        self.judgement_filter = flt
        self.go_judgements(judgements_query(flt))


def _on_its_events(conn: sqlite3.Connection, found: dict[str, Any]) -> dict[str, Any]:
    """The note or tag form of an incident: it goes on each of its events, so the form shows
    their notes and tags, and ``events`` names them."""
    events = [r[0] for r in conn.execute("SELECT id FROM events WHERE incident_id = ? ORDER BY id", (found["id"],))]
    judged = [j for j in (judging.context(conn, "event", e) for e in events) if j is not None]
    return {
        **found,
        "what": f"{found['what']}; "
        + ("on its event" if len(events) == 1 else f"on each of its {len(events):,} events"),
        "notes": list(dict.fromkeys(n for j in judged for n in j["notes"])),
        "tags": list(dict.fromkeys(t for j in judged for t in j["tags"])),
        "events": events,
    }
