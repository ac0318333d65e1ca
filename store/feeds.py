"""The feeds Sitrep follows, kept in the store: their URLs, tags and intervals, and what polite
fetching must remember between runs (validators for a conditional GET, the last status, failures
in a row, the next due time).

Times are ISO 8601 strings in UTC (``2024-12-16T09:30:00+00:00``), so they sort as text.
A feed's next due time is its interval after the last try, with a jitter of ±10% so that feeds
added together drift apart; after failures the interval doubles with each one in a row (at most a
day), and never comes before what a server asked for with Retry-After (heeded up to a day). That
wait is also kept apart (``not_before``), so that a feed taken before it is due (``fetch --all``) is
still not asked before then (``held_for``).
An interval is a minute to a year; a row holding another (written by hand, or by a version that
took any) is read as the nearest of the two, and a next due time that is no time ("tomorrow", "",
a number) as due now, so that one bad row never stops the other feeds.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from store.db import ROWIDS
from store.urls import masked, normalise, same_form

DEFAULT_EVERY = 30 * 60
MIN_EVERY = 60  # a minute: more often is not polite to anyone's server
MAX_EVERY = 365 * 86400  # a year: a feed asked less often is not being followed
MAX_BACKOFF = 24 * 3600
JITTER = 0.1
DUE_NOW = datetime.min.replace(tzinfo=UTC)  # when a stored next due time that is no time comes due

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_EVERY = re.compile(r"(?:(\d+)([smhd]))+?", re.IGNORECASE)


class FeedError(ValueError):
    """Something the user asked of the feeds that cannot be done; ``str(error)`` is one line."""


@dataclass
class Feed:
    id: int
    url: str
    title: str | None
    every: int
    active: bool
    etag: str | None
    last_modified: str | None
    last_status: int | None
    last_error: str | None
    errors: int
    last_fetched: str | None
    next_due: str
    not_before: str | None  # its server asked (Retry-After) not to be asked again before then
    tags: list[str] = field(default_factory=list)

    @property
    def shown_url(self) -> str:
        """The URL as users see it: a password in it is shown as ``***``."""
        return masked(self.url)


@dataclass
class Outcome:
    """What one try at a feed came to, for ``record_outcome``."""

    status: int | None  # the HTTP status that decided it (None: no answer at all)
    error: str | None = None  # why it failed; None when it answered 200 or 304
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None  # the URL a permanent redirect named
    title: str | None = None  # the feed's own title, when it was read
    retry_after: float | None = None  # seconds the server asked us to wait
    deferred: bool = False  # not asked: its host had asked to be left alone for longer than a run waits
    delay: float | None = None  # seconds to the next try, when ``schedule`` decided it before it is recorded


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def due_time(stored: object) -> datetime:
    """The time a stored next due time (or not-before time) means: an ISO 8601 time (in UTC when it
    names no zone); anything else (written by hand: "tomorrow", "", a number; NULL) is now, and the
    try it comes due for writes a good one."""
    if not isinstance(stored, str):
        return DUE_NOW
    try:
        moment = datetime.fromisoformat(stored.strip())
    except ValueError:
        return DUE_NOW
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# --- what users type ------------------------------------------------------------------------


def parse_every(text: str) -> int:
    """``30m``, ``2h``, ``1d``, ``1h30m``, ``90s`` as seconds (a minute to a year)."""
    compact = text.strip().replace(" ", "")
    shown = repr(text if len(text) <= 40 else text[:37] + "...")
    if not compact or _EVERY.fullmatch(compact) is None:
        raise FeedError(f"interval {shown}: give a duration such as 30m, 2h, 1d or 1h30m")
    parts = re.findall(r"(\d+)([smhd])", compact, re.IGNORECASE)
    # (a number of more digits than a year has seconds is over it: not read, as Python refuses
    # to read one of thousands of digits)
    if any(len(n.lstrip("0")) > len(str(MAX_EVERY)) for n, _ in parts):
        seconds = MAX_EVERY + 1
    else:
        seconds = sum(int(n) * _UNITS[unit.lower()] for n, unit in parts)
    if seconds < MIN_EVERY:
        raise FeedError(f"interval {shown}: at least 1m between fetches")
    if seconds > MAX_EVERY:
        raise FeedError(f"interval {shown}: at most {format_every(MAX_EVERY)} between fetches")
    return seconds


def check_every(seconds: int) -> int:
    """An interval in seconds, refused unless it is a minute to a year."""
    if not MIN_EVERY <= seconds <= MAX_EVERY:
        raise FeedError(f"interval of {seconds} s: give one of 1m to {format_every(MAX_EVERY)}")
    return seconds


def usable_every(every: object) -> int:
    """The interval a stored row means, within a minute and a year whatever it holds (a row
    written by hand or by a version that took any interval); not a number: the default."""
    if not isinstance(every, int | float) or every != every:  # (text, NULL, NaN)
        return DEFAULT_EVERY
    return int(min(max(every, MIN_EVERY), MAX_EVERY))


def format_every(seconds: int) -> str:
    """The shortest way to write an interval: ``30m``, ``2h``, ``1d``, ``1h30m``."""
    parts = []
    for unit in "dhms":
        count, seconds = divmod(seconds, _UNITS[unit])
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts) or "0s"


def check_url(url: str) -> str:
    """A feed address in the one form it is kept under (``store.urls.normalise``), refused unless
    it is http(s) with a host (and a port, if any, that is a number) and holds no spaces or control
    characters (which urlsplit would drop without a word)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() in ("http", "https") and parts.hostname and url.isprintable() and " " not in url:
            return normalise(url)
    except ValueError:  # a bad port, a broken [IPv6] host
        pass
    raise FeedError(f"{masked(url)!r} is not an http:// or https:// address")


def check_tag(tag: str) -> str:
    tag = tag.strip()
    if not tag or "," in tag or not tag.isprintable():
        raise FeedError(f"tag {tag!r}: a tag is a name without commas or control characters")
    return tag


# --- reading ----------------------------------------------------------------------------------

_COLUMNS = (
    "id, url, title, every, active, etag, last_modified, last_status, last_error, errors, last_fetched, next_due,"
    " not_before"
)


def _feeds(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> list[Feed]:
    feeds = [
        Feed(*row[:4], bool(row[4]), *row[5:])
        for row in conn.execute(f"SELECT {_COLUMNS} FROM feeds {where} ORDER BY id", params)
    ]
    if feeds:
        by_id = {feed.id: feed for feed in feeds}
        for feed_id, tag in conn.execute(
            f"SELECT feed_id, tag FROM feed_tags WHERE feed_id IN (SELECT id FROM feeds {where}) ORDER BY feed_id, tag",
            params,
        ):
            by_id[feed_id].tags.append(tag)
    return feeds


def _tag_filter(tag: str | None) -> tuple[str, tuple]:
    if tag is None:
        return "", ()
    # a tag is the same whatever its case ("Wire", "wire"), as judgement tags are
    return "id IN (SELECT feed_id FROM feed_tags WHERE tag = ? COLLATE NOCASE)", (tag,)


def _active(tag: str | None) -> tuple[str, tuple]:
    """The WHERE clause of the active feeds (with ``tag``), and its parameters."""
    condition, params = _tag_filter(tag)
    return "WHERE active" + (f" AND {condition}" if condition else ""), params


def list_feeds(conn: sqlite3.Connection, tag: str | None = None) -> list[Feed]:
    condition, params = _tag_filter(tag)
    return _feeds(conn, f"WHERE {condition}" if condition else "", params)


def _feed_id(conn: sqlite3.Connection, url: str) -> int | None:
    """The id of the feed at ``url`` whatever the form either is written in (a store may hold
    addresses kept before they were normalised); None when there is none."""
    url = same_form(url)
    row = conn.execute("SELECT id FROM feeds WHERE url = ? ORDER BY id LIMIT 1", (url,)).fetchone()
    if row is not None:
        return row[0]
    # any address of the same form holds its path and its query as they are, and its host in
    # some case (SQLite's lower() folds only ASCII): only those few are read again
    parts = urlsplit(url)
    host = (parts.hostname or "") if (parts.hostname or "").isascii() else ""
    candidates = conn.execute(
        "SELECT id, url FROM feeds WHERE instr(url, ?) AND instr(url, ?) AND instr(lower(url), ?) ORDER BY id",
        (parts.path.rstrip("/"), parts.query, host),
    )
    return next((feed_id for feed_id, kept in candidates if same_form(kept) == url), None)


def find_feed(conn: sqlite3.Connection, key: str) -> Feed:
    """A feed by its id or its URL; FeedError when there is none."""
    key = key.strip()
    feed_id = int(key) if key.isascii() and key.isdigit() else _feed_id(conn, key)  # (not "٣": no id)
    # (None is no id: "None in ROWIDS" compares it with each of the 2**64 ids in turn, for ever)
    found = _feeds(conn, "WHERE id = ?", (feed_id,)) if feed_id is not None and feed_id in ROWIDS else []
    if not found:
        raise FeedError(f"no feed {masked(key)!r} (see `sitrep feeds list`)")
    return found[0]


def due_feeds(
    conn: sqlite3.Connection, tag: str | None = None, *, everything: bool = False, now: datetime | None = None
) -> list[Feed]:
    """The active feeds whose next due time has come (every active one with ``everything``: those
    whose server asked to be left alone too, which the fetch does not ask, ``held_for``). The times
    are compared as ``due_time`` reads them (not as text: a row may hold any value)."""
    feeds = _feeds(conn, *_active(tag))
    if not everything:
        now = now or now_utc()
        feeds = [feed for feed in feeds if due_time(feed.next_due) <= now]
    return feeds


def next_due(conn: sqlite3.Connection, tag: str | None = None) -> datetime | None:
    """When the next active feed (with ``tag``) comes due; None when there is none."""
    where, params = _active(tag)
    stored = conn.execute(f"SELECT next_due FROM feeds {where}", params)
    return min((due_time(value) for (value,) in stored), default=None)


# --- changing ---------------------------------------------------------------------------------


def add_feed(
    conn: sqlite3.Connection, url: str, *, tags: Iterable[str] = (), every: int | None = None, title: str | None = None
) -> tuple[Feed, bool]:
    """Follow ``url`` (call inside a transaction). Returns the feed and whether it is new; a feed
    already followed gets the tags added, the interval given, and is revived if it was gone."""
    url = check_url(url)
    tags = [check_tag(tag) for tag in tags]
    if every is not None:
        check_every(every)
    feed_id = _feed_id(conn, url)
    new = feed_id is None
    if new:
        now = iso(now_utc())
        feed_id = conn.execute(
            "INSERT INTO feeds (url, title, every, next_due, added_at) VALUES (?, ?, ?, ?, ?)",
            (url, title, every or DEFAULT_EVERY, now, now),
        ).lastrowid
    else:
        conn.execute(
            "UPDATE feeds SET active = 1, every = coalesce(?, every), title = coalesce(title, ?) WHERE id = ?",
            (every, title, feed_id),
        )
    held = {t.casefold() for (t,) in conn.execute("SELECT tag FROM feed_tags WHERE feed_id = ?", (feed_id,))}
    for tag in tags:  # a tag it has in another case is the tag it has
        if tag.casefold() not in held:
            held.add(tag.casefold())
            conn.execute("INSERT INTO feed_tags (feed_id, tag) VALUES (?, ?)", (feed_id, tag))
    return _feeds(conn, "WHERE id = ?", (feed_id,))[0], new


def remove_feed(conn: sqlite3.Connection, key: str) -> Feed:
    """Stop following a feed (by id or URL); its articles stay in the store."""
    feed = find_feed(conn, key)
    conn.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
    return feed


def held_for(feed: Feed, now: datetime | None = None) -> float:
    """Seconds for which ``feed``'s server still asks not to be asked (0: it does not)."""
    return max(0.0, (due_time(feed.not_before) - (now or now_utc())).total_seconds())


def _heeded(retry_after: float) -> float:
    """The part of a wait a server asked for that is heeded: a Retry-After in 2099 is no reason to
    stop following a feed."""
    return min(retry_after, MAX_BACKOFF)


def _delay(feed: Feed, outcome: Outcome, errors: int, rng: random.Random | None) -> float:
    """Seconds to the next try: the interval (or the backoff) with its jitter, never before the
    wait a server asked for, which is heeded up to a day (``_heeded``). A stored interval out of
    bounds is read within them (``usable_every``)."""
    every = usable_every(feed.every)
    if outcome.error is None:
        delay = every
    else:  # (the doubling stops at a day: 2**17 minutes is more than that)
        delay = min(every * 2 ** min(max(errors, 1) - 1, 17), MAX_BACKOFF)
    delay *= (rng or random).uniform(1 - JITTER, 1 + JITTER)
    return max(delay, _heeded(outcome.retry_after or 0))


def _errors(feed: Feed, outcome: Outcome) -> int:
    """Failures in a row once ``outcome`` is counted: a feed not asked at all (its host had asked
    to be left alone) has not failed once more. A stored count that is none ("x", -2) is 0."""
    if outcome.error is None:
        return 0
    before = feed.errors if isinstance(feed.errors, int) and feed.errors > 0 else 0
    return before + (not outcome.deferred)


def schedule(feed: Feed, outcome: Outcome, rng: random.Random | None = None) -> float:
    """Seconds from now to the next try at ``feed`` after ``outcome`` (jitter included), kept in
    ``outcome.delay`` so that what is said of it and what ``record_outcome`` writes are the same."""
    outcome.delay = _delay(feed, outcome, _errors(feed, outcome), rng)
    return outcome.delay


def record_outcome(
    conn: sqlite3.Connection,
    feed: Feed,
    outcome: Outcome,
    *,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> None:
    """Remember how a try at ``feed`` went and when to try next (call inside a transaction): its
    ``delay`` when ``schedule`` decided it, else as ``schedule`` would."""
    now = now or now_utc()
    errors = _errors(feed, outcome)
    delay = outcome.delay if outcome.delay is not None else _delay(feed, outcome, errors, rng)
    asked = outcome.retry_after
    values = {
        "last_status": outcome.status,
        "last_error": outcome.error,
        "errors": errors,
        "next_due": iso(now + timedelta(seconds=delay)),
        "not_before": None if asked is None else iso(now + timedelta(seconds=_heeded(asked))),
    }
    if outcome.error is None:
        values["last_fetched"] = iso(now)
        if outcome.status == 200:  # a new representation: its validators replace the old ones
            values.update(etag=outcome.etag, last_modified=outcome.last_modified)
        else:  # 304: the server may send fresher validators
            values.update(etag=outcome.etag or feed.etag, last_modified=outcome.last_modified or feed.last_modified)
        if outcome.title:
            values["title"] = outcome.title
        moved_to = outcome.moved_to and same_form(outcome.moved_to)
        if moved_to and moved_to != same_form(feed.url) and _feed_id(conn, moved_to) is None:
            values["url"] = moved_to
    elif outcome.status == 410:
        values["active"] = 0
    assignments = ", ".join(f"{name} = ?" for name in values)
    conn.execute(f"UPDATE feeds SET {assignments} WHERE id = ?", (*values.values(), feed.id))
