"""The analyst's judgements: grades, statuses, corrections, notes and tags, and the log of them all.

Sitrep proposes; the analyst decides. A judgement lives in ``judgements`` (with its notes and tags
in tables of their own), never in the rows extraction writes, and is keyed by what outlives those
rows:

- an article: the sha256 of its stored text (``articles.hash``);
- an event: its article's hash, its evidence span and the subtype extraction gave it;
- a claim: its article's hash, its content span and its source's merge key;
- a source: its merge key.

``target_id`` links a judgement to the row it is about now. Re-ingesting an article changes
nothing. Re-extracting one (a newer extractor) deletes its rows, which detaches their judgements
(a trigger), and writes new ones; ``anchor_article`` (called by the writer) then finds each
judgement's row again:

1. the same span and the same extracted subtype (claims: the same source);
2. else the same span, any subtype (one candidate left);
3. else an event (claim) whose span overlaps the judged one by at least half the shorter of the two,
   the same subtype (source) first, then the largest overlap.

A judgement that finds its row again follows it (a moved span is logged as ``reanchored``). One
that finds none is kept, unchanged, as *orphaned*: ``sitrep log`` records it, the browser lists it
(key ``J``) with its span in the article, and the JSON Lines export writes it. It joins a row again
if a later extraction finds one. Nothing is dropped.

The event's corrected values, statuses and grades are written through to ``events``, ``claims`` and
``sources`` so that panes, filters, search and export read them with the indexes they have; the
value extraction gave is kept in the judgement (``extracted``) beside the analyst's (``corrected``).

Every change appends to ``judgement_log`` (what, old value, new value, when, who, why), which
triggers keep append-only; so does the analyst's merge or split of incidents (``merged``,
``split``: on the event that moved, from its incident to the other), whose choice
store/incidents.py keeps.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from extract.model import SUBTYPE_TO_TYPE
from store.admiralty import (
    CORRECTED_MARK,
    GRADED,
    NOTED,
    STATUS_MARKS,
    WITH_STATUS,
    JudgementError,
    parse_analyst,
    parse_date,
    parse_grade,
    parse_killed,
    parse_note,
    parse_place,
    parse_reason,
    parse_status,
    parse_subtype,
    parse_tag,
)
from store.db import ROWIDS, write_transaction
from store.labels import casualty_label
from store.retract import delete_events
from store.schema import MIGRATIONS

# the number of store/schema.py's migration that adds these tables
JUDGEMENTS_MIGRATION = next(n for n, sql in enumerate(MIGRATIONS, start=1) if "CREATE TABLE judgements" in sql)
ANALYST_ENV = "SITREP_ANALYST"
SYSTEM = "sitrep"  # who the log names for what Sitrep itself did to a judgement (re-anchoring it)
CORRECTABLE = ("subtype", "date", "place", "killed")
TABLES = {"event": "events", "claim": "claims", "source": "sources", "article": "articles"}


def default_analyst(explicit: str | None = None) -> str:
    """``--analyst``, else ``$SITREP_ANALYST``, else the OS user (else "analyst")."""
    for name in (explicit, os.environ.get(ANALYST_ENV)):
        if name and name.strip():
            return parse_analyst(name)
    try:
        return getpass.getuser() or "analyst"
    except Exception:  # noqa: BLE001 - no user name in this environment
        return "analyst"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Change:
    """One logged change, as the CLI reports it."""

    kind: str
    target_id: int | None
    what: str
    old: str | None
    new: str | None

    def line(self) -> str:
        target = f"{self.kind} {self.target_id}" if self.target_id is not None else self.kind
        if self.what in ("note", "tag", "added"):
            return f"{target}: {self.what} {self.new}"
        if self.what == "untag":
            return f"{target}: tag {self.old} removed"
        if self.what == "deleted":
            return f"{target}: deleted ({self.old})"
        if self.what in ("merged", "split"):
            return f"{target}: {self.what} out of {self.old} into {self.new}"
        return f"{target}: {self.what} {self.old if self.old is not None else 'none'} -> {self.new}"


def _row(conn: sqlite3.Connection, sql: str, params: tuple) -> dict[str, Any] | None:
    cursor = conn.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row))


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


# --- an event's values: what extraction gave, what the analyst set -------------------------------


def _extracted_killed(conn: sqlite3.Connection, event_id: int) -> int | None:
    """The event's extracted figure of killed (the sum of lower bounds, as the CSV's fatalities)."""
    rows = conn.execute("SELECT min FROM casualties WHERE event_id = ? AND kind = 'killed'", (event_id,)).fetchall()
    return sum(r[0] or 0 for r in rows) if rows else None


def _extracted_value(conn: sqlite3.Connection, event: dict[str, Any], field: str) -> Any:
    if field == "subtype":
        return event["subtype"]
    if field == "date":
        return event["date"]
    if field == "place":
        return event["places_label"] or None
    return _extracted_killed(conn, event["id"])


def _set_killed(conn: sqlite3.Connection, event_id: int, killed: int) -> str:
    """The analyst's figure of killed in the event's casualty figures: the first 'killed' figure
    becomes it (exactly; the others of that kind go, their total is the extracted value kept in the
    judgement), or one is added over the evidence when extraction found none. Returns the
    casualties label. Incidents, labels and exports then all read the analyst's figure."""
    rows = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM casualties WHERE event_id = ? AND kind = 'killed' ORDER BY id", (event_id,)
        )
    ]
    if rows:
        conn.execute(
            "UPDATE casualties SET min = ?, max = ?, qualifier = 'exact' WHERE id = ?", (killed, killed, rows[0])
        )
        conn.executemany("DELETE FROM casualties WHERE id = ?", [(r,) for r in rows[1:]])
    else:
        conn.execute(
            'INSERT INTO casualties (event_id, kind, min, max, qualifier, who, start, "end", text) '
            "SELECT id, 'killed', ?, ?, 'exact', NULL, evidence_start, evidence_end, evidence_text "
            "FROM events WHERE id = ?",
            (killed, killed, event_id),
        )
    return "; ".join(
        casualty_label(kind, low, high, qualifier)
        for kind, low, high, qualifier in conn.execute(
            "SELECT kind, min, max, qualifier FROM casualties WHERE event_id = ? ORDER BY id", (event_id,)
        )
    )


def _shown(value: Any) -> str | None:
    return None if value is None else str(value)


# --- the summary the lists show ------------------------------------------------------------------


def _mark(conn: sqlite3.Connection, judgement: dict[str, Any]) -> str:
    parts = []
    if judgement["status"]:
        parts.append(STATUS_MARKS[judgement["status"]] or "unverified")
    if judgement["grade"]:
        parts.append(judgement["grade"])
    if judgement["added"]:
        parts.append("+added")
    elif json.loads(judgement["corrected"]):
        parts.append(CORRECTED_MARK)
    parts += [
        f"#{t}"
        for (t,) in conn.execute(
            "SELECT tag FROM judgement_tags WHERE judgement_id = ? ORDER BY tag", (judgement["id"],)
        )
    ]
    if conn.execute("SELECT 1 FROM judgement_notes WHERE judgement_id = ?", (judgement["id"],)).fetchone():
        parts.append("¶")
    return " ".join(p for p in parts if p)


class Judge:
    """Records judgements in a store as one analyst. Every method checks all its input first and
    writes in one transaction: a bad ID or value raises ``JudgementError`` and changes nothing."""

    def __init__(self, conn: sqlite3.Connection, analyst: str | None = None) -> None:
        self.conn = conn
        self.analyst = default_analyst(analyst)

    # ---------------------------------------------------------------- the judgement of a row

    def _target(self, kind: str, target_id: int) -> dict[str, Any]:
        """The row judged, with what identifies it beyond its id."""
        if target_id not in ROWIDS:
            row = None
        elif kind == "event":
            row = _row(
                self.conn,
                "SELECT e.*, a.hash FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
                (target_id,),
            )
        elif kind == "claim":
            row = _row(
                self.conn,
                "SELECT c.*, a.hash, s.merge_key FROM claims c JOIN articles a ON a.id = c.article_id "
                "JOIN sources s ON s.id = c.source_id WHERE c.id = ?",
                (target_id,),
            )
        elif kind == "source":
            row = _row(self.conn, "SELECT * FROM sources WHERE id = ?", (target_id,))
        elif kind == "article":
            row = _row(self.conn, "SELECT id, hash, title, ref FROM articles WHERE id = ?", (target_id,))
        elif kind == "incident":
            row = _row(self.conn, "SELECT * FROM incidents WHERE id = ?", (target_id,))
            if row is not None:  # its key event: the one its key names, else its first
                row["key_event"] = _row(
                    self.conn,
                    "SELECT a.hash, e.evidence_start, e.evidence_end, e.evidence_text FROM events e "
                    "JOIN articles a ON a.id = e.article_id WHERE e.incident_id = ? "
                    "ORDER BY (a.hash || ':' || e.evidence_start || ':' || e.evidence_end) != ?, e.id LIMIT 1",
                    (target_id, row.get("key") or ""),
                )
        else:
            raise JudgementError(f"no {kind}s in this store to judge")
        if row is None:
            raise JudgementError(f"{kind} {target_id}: no such {kind} in this store")
        return row

    def _judgement(self, kind: str, target_id: int, target: dict[str, Any]) -> dict[str, Any]:
        """The judgement of a row, made (empty) when it has none yet. Inside a transaction."""
        found = _row(self.conn, "SELECT * FROM judgements WHERE kind = ? AND target_id = ?", (kind, target_id))
        if found is not None:
            return found
        identity: dict[str, Any] = {}
        if kind == "event":
            identity = dict(
                article_hash=target["hash"],
                start=target["evidence_start"],
                end=target["evidence_end"],
                span_text=target["evidence_text"],
                anchor=target["subtype"],
            )
        elif kind == "claim":
            identity = dict(
                article_hash=target["hash"],
                start=target["content_start"],
                end=target["content_end"],
                span_text=target["content_text"],
                anchor=target["merge_key"],
            )
        elif kind == "source":
            identity = dict(source_key=target["merge_key"])
        elif kind == "article":
            identity = dict(article_hash=target["hash"])
        elif kind == "incident" and target.get("key_event"):
            key = target["key_event"]
            identity = dict(
                article_hash=key["hash"],
                start=key["evidence_start"],
                end=key["evidence_end"],
                span_text=key["evidence_text"],
                anchor=target["subtype"],
            )
        columns = ["kind", "target_id", "by", "at", *identity]
        values = [kind, target_id, self.analyst, now(), *identity.values()]
        judgement_id = self.conn.execute(
            f"INSERT INTO judgements ({', '.join(map(_q, columns))}) VALUES ({', '.join('?' * len(columns))})", values
        ).lastrowid
        return _row(self.conn, "SELECT * FROM judgements WHERE id = ?", (judgement_id,))

    def _log(
        self, judgement: dict[str, Any], what: str, old: Any, new: Any, reason: str | None, by: str | None = None
    ) -> Change:
        self.conn.execute(
            "INSERT INTO judgement_log (at, by, judgement_id, kind, target_id, what, old, new, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now(),
                by or self.analyst,
                judgement["id"],
                judgement["kind"],
                judgement["target_id"],
                what,
                _shown(old),
                _shown(new),
                parse_reason(reason),  # (a bad one rolls the judgement's transaction back)
            ),
        )
        return Change(judgement["kind"], judgement["target_id"], what, _shown(old), _shown(new))

    def _save(self, judgement: dict[str, Any], **values: Any) -> dict[str, Any]:
        values.update(by=self.analyst, at=now())
        judgement.update(values)
        self.conn.execute(
            f"UPDATE judgements SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
            [*values.values(), judgement["id"]],
        )
        self._remark(judgement)
        return judgement

    def _remark(self, judgement: dict[str, Any]) -> None:
        self.conn.execute("UPDATE judgements SET mark = ? WHERE id = ?", (_mark(self.conn, judgement), judgement["id"]))

    # ---------------------------------------------------------------- grades and statuses

    def grade(self, kind: str, target_id: int, value: str, reason: str | None = None) -> list[Change]:
        """A source's reliability (A-F) or a claim's credibility (1-6)."""
        if kind not in GRADED:
            raise JudgementError(f"only sources and claims are graded, not {kind}s")
        grade = parse_grade(kind, value)
        with write_transaction(self.conn):
            target = self._target(kind, target_id)
            judgement = self._judgement(kind, target_id, target)
            old = target["reliability"] if kind == "source" else target["credibility"]
            if old == grade and judgement["grade"] == grade:
                return []
            self._save(judgement, grade=grade)
            _apply(self.conn, judgement)
            return [self._log(judgement, "grade", old, grade, reason)]

    def set_status(self, kind: str, target_id: int, value: str, reason: str | None = None) -> list[Change]:
        """unverified, verified, disputed or false."""
        if kind not in WITH_STATUS:
            raise JudgementError(f"a status is for events, claims and incidents, not {kind}s")
        status = parse_status(value)
        with write_transaction(self.conn):
            target = self._target(kind, target_id)
            judgement = self._judgement(kind, target_id, target)
            old = judgement["status"] or "unverified"
            if judgement["status"] == status:
                return []
            self._save(judgement, status=status)
            _apply(self.conn, judgement)
            return [self._log(judgement, "status", old, status, reason)]

    # ---------------------------------------------------------------- corrections

    def correct_event(
        self,
        event_id: int,
        *,
        subtype: str | None = None,
        date: str | None = None,
        place: str | None = None,
        killed: str | int | None = None,
        reason: str | None = None,
    ) -> list[Change]:
        """Set the event's subtype, date, place or figure of killed; extraction's values are kept."""
        changes: dict[str, Any] = {}
        if subtype is not None:
            changes["subtype"] = parse_subtype(subtype)
        if date is not None:
            changes["date"] = parse_date(date)
        if place is not None:
            changes["place"] = parse_place(place)
        if killed is not None:
            changes["killed"] = parse_killed(killed)
        if not changes:
            raise JudgementError("nothing to correct: give --subtype, --date, --place, --killed or --delete")
        with write_transaction(self.conn):
            target = self._target("event", event_id)
            judgement = self._judgement("event", event_id, target)
            corrected, extracted = json.loads(judgement["corrected"]), json.loads(judgement["extracted"])
            logged: list[tuple[str, Any, Any]] = []
            for field, new in changes.items():
                old = corrected[field] if field in corrected else _extracted_value(self.conn, target, field)
                if old == new:
                    continue
                if field not in corrected and not judgement["added"]:
                    extracted[field] = _extracted_value(self.conn, target, field)
                corrected[field] = new
                logged.append((field, old, new))
            if not logged:
                return []
            self._save(
                judgement,
                corrected=json.dumps(corrected, ensure_ascii=False),
                extracted=json.dumps(extracted, ensure_ascii=False),
            )
            _apply(self.conn, judgement)
            regroup_event(self.conn, event_id, {field for field, _, _ in logged})
            return [self._log(judgement, field, old, new, reason) for field, old, new in logged]

    def delete_event(self, event_id: int, reason: str | None = None) -> list[Change]:
        """Take a false event out of the store; its judgement keeps it deleted through re-extraction."""
        with write_transaction(self.conn):
            target = self._target("event", event_id)
            judgement = self._judgement("event", event_id, target)
            change = self._log(judgement, "deleted", describe_event(target), "deleted", reason)
            self._save(judgement, deleted=1)
            delete_events(self.conn, [event_id])  # the trigger detaches the judgement
            return [change]

    def add_event(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        subtype: str,
        date: str | None = None,
        place: str | None = None,
        killed: str | int | None = None,
        reason: str | None = None,
    ) -> tuple[int, list[Change]]:
        """An event extraction missed, from a span of the article (the sentence it is told in)."""
        values: dict[str, Any] = {"subtype": parse_subtype(subtype)}
        if date not in (None, ""):
            values["date"] = parse_date(date)
        if place not in (None, ""):
            values["place"] = parse_place(place)
        if killed not in (None, ""):
            values["killed"] = parse_killed(killed)
        with write_transaction(self.conn):
            article = _row(self.conn, "SELECT id, hash, text FROM articles WHERE id = ?", (article_id,))
            if article is None:
                raise JudgementError(f"article {article_id}: no such article in this store")
            text = article["text"]
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                raise JudgementError(f"span {start}-{end} is not within article {article_id}'s text")
            if self.conn.execute(
                "SELECT 1 FROM judgements WHERE kind = 'event' AND added = 1 AND article_hash = ? AND start = ? "
                "AND \"end\" = ? AND json_extract(corrected, '$.subtype') = ? AND deleted = 0",
                (article["hash"], start, end, values["subtype"]),
            ).fetchone():
                raise JudgementError(f"an event '{values['subtype']}' was already added from this sentence")
            judgement_id = self.conn.execute(
                'INSERT INTO judgements (kind, article_hash, start, "end", span_text, anchor, added, corrected, '
                "by, at) VALUES ('event', ?, ?, ?, ?, '', 1, ?, ?, ?)",
                (
                    article["hash"],
                    start,
                    end,
                    text[start:end],
                    json.dumps(values, ensure_ascii=False),
                    self.analyst,
                    now(),
                ),
            ).lastrowid
            judgement = _row(self.conn, "SELECT * FROM judgements WHERE id = ?", (judgement_id,))
            event_id = _insert_added_event(self.conn, article_id, judgement)
            judgement["target_id"] = event_id
            self._remark(judgement)
            group_article(self.conn, article_id)
            described = describe_event(_row(self.conn, "SELECT * FROM events WHERE id = ?", (event_id,)))
            return event_id, [self._log(judgement, "added", None, described, reason)]

    # ---------------------------------------------------------------- merges and splits

    def merge_incidents(self, source: int, target: int) -> list[Change]:
        """Merge incident ``source`` into ``target`` (store/incidents.py keeps the choice); logged
        on the first event of ``source``, as the incident it left and the one it joined."""
        from store.incidents import merge_in_transaction

        with write_transaction(self.conn):
            first = self.conn.execute("SELECT min(id) FROM events WHERE incident_id = ?", (source,)).fetchone()[0]
            try:
                merge_in_transaction(self.conn, source, target)
            except LookupError as missing:
                raise JudgementError(f"{missing}: no such incident in this store") from None
            if source == target or first is None:
                return []
            return [self._placed(first, "merged", source, target)]

    def split_event(self, event_id: int) -> tuple[int | None, list[Change]]:
        """Take an event out of its incident into one of its own: (the new incident, what is logged)."""
        from store.incidents import split_in_transaction

        with write_transaction(self.conn):
            self._target("event", event_id)
            old = self.conn.execute("SELECT incident_id FROM events WHERE id = ?", (event_id,)).fetchone()[0]
            new = split_in_transaction(self.conn, event_id)
            return new, ([self._placed(event_id, "split", old, new)] if new is not None else [])

    def _placed(self, event_id: int, what: str, old: int, new: int) -> Change:
        judgement = self._judgement("event", event_id, self._target("event", event_id))
        return self._log(judgement, what, f"incident {old}", f"incident {new}", None)

    # ---------------------------------------------------------------- notes and tags

    def note(self, kind: str, target_id: int, text: str) -> list[Change]:
        if kind not in NOTED:
            raise JudgementError(f"notes are for {', '.join(NOTED)}, not {kind}s")
        text = parse_note(text)
        with write_transaction(self.conn):
            judgement = self._judgement(kind, target_id, self._target(kind, target_id))
            self.conn.execute(
                "INSERT INTO judgement_notes (judgement_id, text, by, at) VALUES (?, ?, ?, ?)",
                (judgement["id"], text, self.analyst, now()),
            )
            self._save(judgement)
            return [self._log(judgement, "note", None, text, None)]

    def tag(self, kind: str, target_id: int, tag: str) -> list[Change]:
        if kind not in NOTED:
            raise JudgementError(f"tags are for {', '.join(NOTED)}, not {kind}s")
        tag = parse_tag(tag)
        with write_transaction(self.conn):
            judgement = self._judgement(kind, target_id, self._target(kind, target_id))
            added = self.conn.execute(
                "INSERT OR IGNORE INTO judgement_tags (judgement_id, tag, by, at) VALUES (?, ?, ?, ?)",
                (judgement["id"], tag, self.analyst, now()),
            ).rowcount
            if not added:
                return []
            self._save(judgement)
            return [self._log(judgement, "tag", None, tag, None)]

    def written_tag(self, kind: str, target_id: int, tag: str) -> str:
        """The row's tag equal to ``tag`` but for case, as the analyst wrote it ("Foo" for "FOO");
        ``tag`` itself when the row has no such tag."""
        found = self.conn.execute(
            "SELECT t.tag FROM judgement_tags t JOIN judgements j ON j.id = t.judgement_id "
            "WHERE j.kind = ? AND j.target_id = ? AND t.tag = ?",
            (kind, target_id, tag),
        ).fetchone()
        return found[0] if found else tag

    def untag(self, kind: str, target_id: int, tag: str) -> list[Change]:
        tag = parse_tag(tag)
        with write_transaction(self.conn):
            target = self._target(kind, target_id)
            judgement = self._judgement(kind, target_id, target)
            # tags compare without case ("foo" removes "Foo"); the log names the tag as it was written
            stored = self.conn.execute(
                "SELECT tag FROM judgement_tags WHERE judgement_id = ? AND tag = ?", (judgement["id"], tag)
            ).fetchone()
            if stored is None:
                return []
            self.conn.execute("DELETE FROM judgement_tags WHERE judgement_id = ? AND tag = ?", (judgement["id"], tag))
            self._save(judgement)
            return [self._log(judgement, "untag", stored[0], None, None)]


def describe_event(event: dict[str, Any]) -> str:
    """'Armed clash 2024-12-14 at Plekhovo, ≥30 killed/wounded' (for the log)."""
    parts = [event["subtype"]]
    if event.get("date"):
        parts.append(event["date"])
    if event.get("places_label"):
        parts.append(f"at {event['places_label']}")
    text = " ".join(parts)
    return f"{text}, {event['casualties_label']}" if event.get("casualties_label") else text


# --- writing a judgement through to its row -----------------------------------------------------


def _insert_added_event(conn: sqlite3.Connection, article_id: int, judgement: dict[str, Any]) -> int:
    values = json.loads(judgement["corrected"])
    killed = values.get("killed")
    event_id = conn.execute(
        "INSERT INTO events (article_id, type, subtype, date, date_precision, confidence, evidence_start, "
        "evidence_end, evidence_text, places_label, casualties_label, claimant_label) "
        "VALUES (?, ?, ?, ?, ?, 1.0, ?, ?, ?, ?, ?, '')",
        (
            article_id,
            SUBTYPE_TO_TYPE[values["subtype"]],
            values["subtype"],
            values.get("date"),
            "day" if values.get("date") else None,
            judgement["start"],
            judgement["end"],
            judgement["span_text"],
            values.get("place") or "",
            f"{killed} killed" if killed is not None else "",
        ),
    ).lastrowid
    conn.execute("UPDATE judgements SET target_id = ? WHERE id = ?", (event_id, judgement["id"]))
    conn.execute("UPDATE articles SET n_events = n_events + 1 WHERE id = ?", (article_id,))
    _apply(conn, {**judgement, "target_id": event_id})
    return event_id


def _apply(conn: sqlite3.Connection, judgement: dict[str, Any]) -> None:
    """Write a judgement through to the row it is about."""
    kind, target_id = judgement["kind"], judgement["target_id"]
    if target_id is None:
        return
    if kind == "source" and judgement["grade"]:
        conn.execute("UPDATE sources SET reliability = ? WHERE id = ?", (judgement["grade"], target_id))
    elif kind == "incident":
        conn.execute("UPDATE incidents SET status = ? WHERE id = ?", (judgement["status"], target_id))
    elif kind == "claim":
        conn.execute(
            "UPDATE claims SET status = ?, credibility = coalesce(?, credibility) WHERE id = ?",
            (judgement["status"], judgement["grade"], target_id),
        )
    elif kind == "event":
        corrected = json.loads(judgement["corrected"])
        sets = {"status": judgement["status"], "judged": "added" if judgement["added"] else " ".join(sorted(corrected))}
        if "subtype" in corrected:
            sets.update(subtype=corrected["subtype"], type=SUBTYPE_TO_TYPE[corrected["subtype"]])
        if "date" in corrected:
            sets.update(date=corrected["date"], date_end=corrected["date"], date_precision="day")
        if "place" in corrected:
            sets["places_label"] = corrected["place"]
        if "killed" in corrected:
            sets["casualties_label"] = _set_killed(conn, target_id, corrected["killed"])
        conn.execute(
            f"UPDATE events SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?", [*sets.values(), target_id]
        )


# --- incidents: the analyst's corrections and added events in the grouping -----------------------


def regroup_event(conn: sqlite3.Connection, event_id: int, fields: set[str]) -> None:
    """After a correction of ``fields``: a corrected subtype or date groups the event again (see
    ``Grouper.regroup_event``); a corrected figure or place recomputes its incident from its events."""
    from store.incidents import Grouper

    row = conn.execute("SELECT incident_id FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None or row[0] is None:
        return
    grouper = Grouper()
    if fields & {"subtype", "date"}:
        grouper.regroup_event(conn, event_id)
    else:
        grouper.rebuild(conn, row[0])
    grouper.flush(conn)


def group_article(conn: sqlite3.Connection, article_id: int) -> None:
    """An article's events that belong to no incident yet (one the analyst added) grouped."""
    from store.incidents import Grouper

    grouper = Grouper()
    if grouper.add_article(conn, article_id):
        grouper.flush(conn)


def anchor_incidents(conn: sqlite3.Connection, article_id: int, digest: str) -> None:
    """Incident judgements keyed by an event of this article whose incident went (regrouping,
    re-extraction) join the incident that event is in now; a key event that moved is found by the
    largest overlap. (Merges and regrouping are followed by the store's triggers.)"""
    try:
        waiting = _rows(
            conn,
            "SELECT * FROM judgements WHERE article_hash = ? AND kind = 'incident' AND target_id IS NULL",
            (digest,),
        )
    except sqlite3.OperationalError as error:
        if "no such table: judgements" in str(error):
            return  # a store from before judgements
        raise
    for judgement in waiting:
        found = conn.execute(
            "SELECT incident_id, evidence_start, evidence_end FROM events WHERE article_id = ? AND incident_id IS NOT NULL "
            "AND incident_id NOT IN (SELECT target_id FROM judgements WHERE kind = 'incident' AND target_id IS NOT NULL)",
            (article_id,),
        ).fetchall()
        span = (judgement["start"], judgement["end"])
        best = max(
            ((_overlap(span, (s, e)), incident) for incident, s, e in found if _overlap(span, (s, e)) > 0), default=None
        )
        if best is not None:
            judgement["target_id"] = best[1]
            conn.execute("UPDATE judgements SET target_id = ? WHERE id = ?", (best[1], judgement["id"]))
            _apply(conn, judgement)


# --- finding a judgement's row again after re-extraction -----------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _best_match(judgement: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    span = (judgement["start"], judgement["end"])
    anchor = judgement["anchor"]
    exact = [c for c in candidates if (c["start"], c["end"]) == span]
    same = [c for c in exact if c["anchor"] == anchor]
    if same:
        return same[0]
    if len(exact) == 1:
        return exact[0]
    close = [
        c
        for c in candidates
        if _overlap(span, (c["start"], c["end"])) * 2 >= min(span[1] - span[0], c["end"] - c["start"]) > 0
    ]
    if not close:
        return None
    return max(close, key=lambda c: (c["anchor"] == anchor, _overlap(span, (c["start"], c["end"])), -c["id"]))


def anchor_article(conn: sqlite3.Connection, article_id: int, digest: str | None = None) -> list[Change]:
    """Link the waiting judgements of an article's events and claims to its rows (see the module's
    doc); call after writing the article's facts, inside the same transaction. Cheap when the
    article has no judgement: one indexed lookup."""
    if digest is None:
        row = conn.execute("SELECT hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        digest = row[0]
    try:
        _anchor_sources(conn)
        waiting = _rows(
            conn,
            "SELECT * FROM judgements WHERE article_hash = ? AND kind IN ('event', 'claim') "
            "AND target_id IS NULL ORDER BY added DESC, deleted DESC, id",
            (digest,),
        )
    except sqlite3.OperationalError as error:
        if "no such table: judgements" in str(error):
            return []  # a store from before judgements (written as an older Sitrep would): none to find
        raise
    if not waiting:
        return []
    judge = Judge(conn, SYSTEM)
    taken = {
        (k, t)
        for k, t in conn.execute(
            "SELECT kind, target_id FROM judgements WHERE article_hash = ? AND target_id IS NOT NULL", (digest,)
        )
    }
    events = [
        c
        for c in _rows(
            conn,
            'SELECT id, evidence_start AS start, evidence_end AS "end", subtype AS anchor '
            "FROM events WHERE article_id = ? ORDER BY id",
            (article_id,),
        )
        if ("event", c["id"]) not in taken
    ]
    claims = [
        c
        for c in _rows(
            conn,
            'SELECT c.id, c.content_start AS start, c.content_end AS "end", '
            "s.merge_key AS anchor FROM claims c JOIN sources s ON s.id = c.source_id "
            "WHERE c.article_id = ? ORDER BY c.id",
            (article_id,),
        )
        if ("claim", c["id"]) not in taken
    ]
    changes: list[Change] = []
    for judgement in waiting:
        if judgement["added"]:
            if not judgement["deleted"]:
                _insert_added_event(conn, article_id, judgement)
            continue
        candidates = events if judgement["kind"] == "event" else claims
        match = _best_match(judgement, candidates)
        if match is None:
            if not judgement["deleted"] and _last_logged(conn, judgement["id"]) != "orphaned":
                changes.append(
                    judge._log(
                        judgement,
                        "orphaned",
                        _span_label(judgement),
                        None,
                        "no such fact in the article after re-extraction",
                        by=SYSTEM,
                    )
                )
            continue
        candidates.remove(match)
        if judgement["deleted"]:  # the analyst deleted this event as false: it stays deleted
            delete_events(conn, [match["id"]])
            continue
        fresh = _row(conn, f"SELECT * FROM {TABLES[judgement['kind']]} WHERE id = ?", (match["id"],))
        moved = (match["start"], match["end"]) != (judgement["start"], judgement["end"])
        updates: dict[str, Any] = {"target_id": match["id"]}
        if moved:
            text_column = "evidence_text" if judgement["kind"] == "event" else "content_text"
            updates.update(start=match["start"], end=match["end"], span_text=fresh[text_column])
        if judgement["kind"] == "event":
            corrected = json.loads(judgement["corrected"])
            fresh["hash"] = digest
            updates["extracted"] = json.dumps(
                {f: _extracted_value(conn, fresh, f) for f in corrected}, ensure_ascii=False
            )
        before = _span_label(judgement)
        judgement.update(updates)
        conn.execute(
            f"UPDATE judgements SET {', '.join(f'{_q(k)} = ?' for k in updates)} WHERE id = ?",
            [*updates.values(), judgement["id"]],
        )
        _apply(conn, judgement)
        if moved or _last_logged(conn, judgement["id"]) == "orphaned":
            changes.append(
                judge._log(
                    judgement,
                    "reanchored",
                    before,
                    _span_label(judgement),
                    "found again after re-extraction",
                    by=SYSTEM,
                )
            )
    return changes


def _anchor_sources(conn: sqlite3.Connection) -> None:
    """Source judgements whose row went (re-extraction left the source with no claim) join the row
    that now has their key, under any spelling the store knows it by (merge_keys), and grade it."""
    if conn.execute("SELECT 1 FROM judgements WHERE kind = 'source' AND target_id IS NULL LIMIT 1").fetchone() is None:
        return
    for judgement_id, key, grade in conn.execute(
        "SELECT id, source_key, grade FROM judgements WHERE kind = 'source' AND target_id IS NULL"
    ).fetchall():
        row = conn.execute(
            "SELECT s.id FROM merge_keys k JOIN sources s ON s.id = k.owner_id "
            "WHERE k.owner = 'source' AND k.type = '' AND k.key = ? "
            "AND NOT EXISTS (SELECT 1 FROM judgements j WHERE j.kind = 'source' AND j.target_id = s.id)",
            (key,),
        ).fetchone()
        if row is not None:
            conn.execute("UPDATE judgements SET target_id = ? WHERE id = ?", (row[0], judgement_id))
            if grade:
                conn.execute("UPDATE sources SET reliability = ? WHERE id = ?", (grade, row[0]))


def anchor_waiting(conn: sqlite3.Connection) -> list[Change]:
    """Try every waiting (orphaned) judgement of events and claims again, article by article."""
    _anchor_sources(conn)
    changes: list[Change] = []
    for article_id, digest in conn.execute(
        "SELECT DISTINCT a.id, a.hash FROM judgements j JOIN articles a ON a.hash = j.article_hash "
        "WHERE j.target_id IS NULL AND j.kind IN ('event', 'claim')"
    ).fetchall():
        changes += anchor_article(conn, article_id, digest)
        group_article(conn, article_id)  # events the analyst added, written again just now
    for article_id, digest in conn.execute(
        "SELECT DISTINCT a.id, a.hash FROM judgements j JOIN articles a ON a.hash = j.article_hash "
        "WHERE j.target_id IS NULL AND j.kind = 'incident'"
    ).fetchall():
        anchor_incidents(conn, article_id, digest)
    return changes


def _q(column: str) -> str:
    return '"end"' if column == "end" else column


def _span_label(judgement: dict[str, Any]) -> str:
    return f"{judgement['start']}-{judgement['end']} {judgement['anchor'] or 'added'}".strip()


def _last_logged(conn: sqlite3.Connection, judgement_id: int) -> str | None:
    row = conn.execute(
        "SELECT what FROM judgement_log WHERE judgement_id = ? ORDER BY id DESC LIMIT 1", (judgement_id,)
    ).fetchone()
    return row[0] if row else None


# --- reading judgements (export, the log, the browser) -------------------------------------------


def record(conn: sqlite3.Connection, judgement: dict[str, Any]) -> dict[str, Any]:
    """The contract's ``"judgement"`` object: status, grade, notes, tags, corrected, extracted, by, at."""
    notes = [
        {"text": t, "by": b, "at": a}
        for t, b, a in conn.execute(
            "SELECT text, by, at FROM judgement_notes WHERE judgement_id = ? ORDER BY id", (judgement["id"],)
        )
    ]
    tags = [
        t
        for (t,) in conn.execute(
            "SELECT tag FROM judgement_tags WHERE judgement_id = ? ORDER BY tag", (judgement["id"],)
        )
    ]
    out = {
        "status": judgement["status"],
        "grade": judgement["grade"],
        "notes": notes,
        "tags": tags,
        "corrected": json.loads(judgement["corrected"]),
        "extracted": json.loads(judgement["extracted"]),
        "by": judgement["by"],
        "at": judgement["at"],
    }
    if judgement["added"]:
        out["added"] = True
    return out


def records_by_target(conn: sqlite3.Connection, kind: str) -> dict[int, dict[str, Any]]:
    """Every judgement of ``kind`` with a row now, by the row's id (judgements are few: one pass)."""
    return {
        j["target_id"]: record(conn, j)
        for j in _rows(conn, "SELECT * FROM judgements WHERE kind = ? AND target_id IS NOT NULL", (kind,))
    }


def detached(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Judgements whose row is not in the store: orphaned ones, and the events the analyst deleted."""
    for judgement in _rows(conn, "SELECT * FROM judgements WHERE target_id IS NULL ORDER BY id"):
        article = (
            conn.execute("SELECT id FROM articles WHERE hash = ?", (judgement["article_hash"],)).fetchone()
            if judgement["article_hash"]
            else None
        )
        item: dict[str, Any] = {
            "kind": "judgement",
            "of": judgement["kind"],
            "state": "deleted" if judgement["deleted"] else "orphaned",
            "article_id": article[0] if article else None,
            "article_hash": judgement["article_hash"],
        }
        if judgement["kind"] in ("event", "claim", "incident"):  # (an incident's: the span of its key event)
            item["span"] = {"start": judgement["start"], "end": judgement["end"], "text": judgement["span_text"]}
            name = {"event": "extracted_subtype", "claim": "source_key", "incident": "subtype"}[judgement["kind"]]
            item[name] = judgement["anchor"] or None
        if judgement["source_key"]:
            item["source_key"] = judgement["source_key"]
        item["judgement"] = record(conn, judgement)
        yield item


def context(conn: sqlite3.Connection, kind: str, target_id: int) -> dict[str, Any] | None:
    """What a form about a row shows: its current values, a description, its status, grade, notes and
    tags. None when the row is not in the store."""
    if kind == "event":
        row = _row(conn, "SELECT * FROM events WHERE id = ?", (target_id,))
        if row is None:
            return None
        what = f"event {target_id}: {describe_event(row)}"
    elif kind == "claim":
        row = _row(
            conn,
            "SELECT c.*, s.name AS source_name FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.id = ?",
            (target_id,),
        )
        if row is None:
            return None
        what = f"claim {target_id} by {row['source_name']}: {row['content_text']}"
    elif kind == "source":
        row = _row(conn, "SELECT * FROM sources WHERE id = ?", (target_id,))
        if row is None:
            return None
        what = f"source {target_id}: {row['name']} ({row['type']})"
    elif kind == "article":
        row = _row(conn, "SELECT id, ref, title, published FROM articles WHERE id = ?", (target_id,))
        if row is None:
            return None
        what = f"article {target_id}: {row['title'] or row['ref']}"
    elif kind == "incident":
        row = _row(conn, "SELECT * FROM incidents WHERE id = ?", (target_id,))
        if row is None:
            return None
        told = " ".join(
            x for x in (row["subtype"], row["date"] or "", row["places_label"], row["casualties_label"]) if x
        )
        what = f"incident {target_id}: {told} ({row['n_sources']} independent sources)"
    else:
        return None
    judgement = _row(conn, "SELECT * FROM judgements WHERE kind = ? AND target_id = ?", (kind, target_id))
    found = record(conn, judgement) if judgement else None
    out: dict[str, Any] = {
        "kind": kind,
        "id": target_id,
        "what": what,
        "status": (found or {}).get("status") or "unverified",
        "notes": [n["text"] for n in (found or {}).get("notes", [])],
        "tags": (found or {}).get("tags", []),
        "grade": row.get("reliability") if kind == "source" else row.get("credibility"),
    }
    if kind == "claim":
        out["suggestion"] = credibility_suggestion(conn, target_id)
    if kind == "event":
        corrected = (found or {}).get("corrected", {})
        killed = corrected.get("killed", _extracted_killed(conn, target_id))
        out["values"] = {
            "subtype": row["subtype"],
            "date": row["date"],
            "place": row["places_label"] or None,
            "killed": killed,
        }
    return out


def credibility_suggestion(conn: sqlite3.Connection, claim_id: int) -> str:
    """'Suggested: 1 ...' when the incident the claim reports is told by two or more independent
    sources (reprints counted once) whose figures agree; '' otherwise. Only ever shown: grading is
    the analyst's."""
    row = conn.execute(
        "SELECT i.id, i.n_sources FROM claim_events ce JOIN events e ON e.id = ce.event_id "
        "JOIN incidents i ON i.id = e.incident_id WHERE ce.claim_id = ? AND i.n_sources >= 2 AND i.conflict = 0 "
        "ORDER BY i.n_sources DESC, i.id LIMIT 1",
        (claim_id,),
    ).fetchone()
    if row is None:
        return ""
    return (
        f"Suggested: 1 (confirmed by other sources): incident {row[0]} is told by {row[1]} independent "
        "sources whose figures agree"
    )


LOG_FIELDS = ("id", "at", "by", "kind", "target_id", "what", "old", "new", "reason")


def log_entries(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(f"SELECT {', '.join(LOG_FIELDS)} FROM judgement_log ORDER BY id")
    for row in cursor:
        yield dict(zip(LOG_FIELDS, row))


def tags_in_use(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    return [
        (t, n)
        for t, n in conn.execute(
            "SELECT tag, count(*) FROM judgement_tags GROUP BY tag COLLATE NOCASE ORDER BY count(*) DESC, tag"
        )
    ]


__all__ = [
    "Judge",
    "JudgementError",
    "Change",
    "anchor_article",
    "anchor_waiting",
    "default_analyst",
    "record",
    "records_by_target",
    "detached",
    "log_entries",
    "tags_in_use",
    "describe_event",
    "context",
    "CORRECTABLE",
]
