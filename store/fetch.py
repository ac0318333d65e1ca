"""Fetching the feeds that are due and storing their new items through the ``ingest`` pipeline.

A run goes in four steps, so that whenever it stops nothing is half-written:

1. the feeds are fetched (conditional GET, politely: ``store.http``), different origins side by side;
2. their items are read, and an item whose link is already stored is skipped unread;
3. an item that carries only a summary has its linked page fetched and the page's main text
   extracted (trafilatura), unless full text is off; when the page fails, the summary stands. A
   page is fetched only over http(s), and from a loopback, link-local or private address only for
   a feed that is on such an address itself (a feed on the internet may not send Sitrep into the
   network it runs in); those items keep their summaries too;
4. the new articles go through ``ingest_articles`` (extraction, dedupe by text, one transaction a
   chunk), and only then is each feed's state (validators, status, next due time) written: a run
   cut short leaves the feeds due, and the next one fetches them in full and adds what is missing.

An article from a feed has the item's link as its ``ref`` and ``url``, the feed's title (else the
page's site name, else the host) as its outlet, and the item's date (else the page's).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from store.db import write_transaction
from store.feeds import Feed, Outcome, due_feeds, held_for, next_due, now_utc, record_outcome, schedule
from store.http import PAGE_ACCEPT, Fetcher, FetchError, NotPublic, by_origin, duration, host_of
from store.ingest import IngestSummary, ingest_articles
from store.readers import (
    RawArticle,
    Rejection,
    Unreadable,
    body_text,
    derive_title,
    entry_body,
    entry_link,
    entry_published,
    feed_title,
    parse_feed,
    plain_title,
    read_html,
)
from store.urls import masked, origin_of

# The most time one run gives to the pages of one origin's items (each page may take a minute: a feed
# of slow or hanging pages would otherwise hold the run for as long as it has items); the items
# whose pages were not asked keep their summaries.
PAGE_SECONDS_PER_ORIGIN = 120.0


@dataclass
class FetchSummary:
    feeds: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    waiting: int = 0  # not asked, their host having asked to be left alone: no failure of theirs
    added: int = 0
    already_present: int = 0
    rejected: int = 0  # items that could not be stored (each reported)

    def line(self) -> str:
        waiting = f", waiting {self.waiting}" if self.waiting else ""
        text = (
            f"feeds {self.feeds}: fetched {self.fetched}, not modified {self.not_modified}, "
            f"failed {self.failed}{waiting}; added {self.added}, already present {self.already_present}"
        )
        return text + (f", rejected {self.rejected}" if self.rejected else "")

    def to_dict(self) -> dict:
        return {
            "feeds": self.feeds,
            "fetched": self.fetched,
            "not_modified": self.not_modified,
            "failed": self.failed,
            "waiting": self.waiting,
            "added": self.added,
            "already_present": self.already_present,
            "rejected": self.rejected,
        }


@dataclass
class FeedFailure:
    feed: Feed
    reason: str

    def __str__(self) -> str:
        return f"feed {self.feed.id} {self.feed.shown_url}: {self.reason}"


@dataclass
class _Item:
    """A new item of a feed, on its way to becoming an article."""

    feed: Feed
    outlet: str | None
    ref: str  # the link as users see it (a password in it masked), else FEED_URL#GUID
    link: str | None  # where the item's page is fetched from
    title: str | None
    published: str | None
    body: str
    kind: str
    full: bool  # the item carries its whole content, not only a summary
    page: RawArticle | Exception | None = None  # the linked page's article, or why it could not be had

    def wants_page(self) -> bool:
        return not self.full and self.link is not None and self.link.lower().startswith(("http://", "https://"))

    def article(self) -> RawArticle | Rejection:
        page = self.page if isinstance(self.page, RawArticle) else None
        text = page.text if page else ""
        if not text and self.body.strip():
            try:
                text = body_text(self.body, self.kind)
            except Unreadable as error:
                return Rejection(self.ref, str(error))
        if not text:
            failed = f" and its page could not be read ({self.page})" if isinstance(self.page, Exception) else ""
            return Rejection(self.ref, f"item has no content or summary{failed}")
        return RawArticle(
            ref=self.ref,
            text=text,
            url=self.ref if self.link else None,  # the link as shown: never with a password
            title=self.title or (page.title if page else None) or derive_title(text),
            outlet=self.outlet or (page.outlet if page else None) or host_of(self.feed.url),
            published=self.published or (page.published if page else None),
        )


def _fetch_feed(fetcher: Fetcher, feed: Feed) -> tuple[Outcome, object | None]:
    """How fetching ``feed`` went, and the parsed feed when it brought one."""
    try:
        answer = fetcher.get(
            feed.url, max_bytes=fetcher.politeness.feed_bytes, etag=feed.etag, last_modified=feed.last_modified
        )
    except FetchError as error:
        reason = str(error) + ("; the feed is gone and no longer fetched" if error.status == 410 else "")
        outcome = Outcome(error.status, reason, retry_after=error.retry_after, deferred=error.deferred)
        if error.retry_after is not None:  # the wait asked for is heeded up to a day: say what is scheduled
            outcome.error += f"; due again in {duration(schedule(feed, outcome))}"
        return outcome, None
    outcome = Outcome(answer.status, etag=answer.etag, last_modified=answer.last_modified, moved_to=answer.moved_to)
    if answer.status == 304:
        return outcome, None
    try:
        parsed = parse_feed(answer.body, url=answer.url, content_type=answer.content_type)
    except Unreadable as error:
        return Outcome(answer.status, str(error)), None
    outcome.title = feed_title(parsed)
    return outcome, parsed


def _fetch_page(fetcher: Fetcher, link: str, only_public: bool) -> RawArticle | Exception:
    """The article on the page at ``link``, or why there is none."""
    try:
        answer = fetcher.get(link, max_bytes=fetcher.politeness.page_bytes, accept=PAGE_ACCEPT, only_public=only_public)
        return read_html(answer.body, link)
    except (FetchError, Unreadable) as error:
        return error


def _items(feed: Feed, parsed) -> list[_Item]:
    outlet = feed_title(parsed)
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry_link(entry)
        body, kind, full = entry_body(entry)
        items.append(
            _Item(
                feed=feed,
                outlet=outlet,
                ref=masked(link) if link else f"{feed.shown_url}#{(entry.get('id') or '').strip() or number}",
                link=link,
                title=plain_title(entry),
                published=entry_published(entry),
                body=body,
                kind=kind,
                full=full,
            )
        )
    return items


def _page_failures(wanted: list[_Item]) -> list[FeedFailure]:
    """One line a feed some of whose items' pages could not be read, or were not asked for being
    on a non-public address while the feed is not (their summaries are stored)."""
    by_feed: dict[int, list[_Item]] = {}
    for item in wanted:
        by_feed.setdefault(item.feed.id, []).append(item)
    failures = []
    for items in by_feed.values():
        refused = [item for item in items if isinstance(item.page, NotPublic)]
        failed = [item for item in items if isinstance(item.page, Exception) and not isinstance(item.page, NotPublic)]
        reasons = [
            f"{len(missed)} of {len(items)} item pages {verb}, their summaries are kept ({missed[0].page})"
            for verb, missed in (("could not be read", failed), ("were not fetched", refused))
            if missed
        ]
        if reasons:
            failures.append(FeedFailure(items[0].feed, "; ".join(reasons)))
    return failures


def fetch_feeds(
    conn: sqlite3.Connection,
    feeds: list[Feed],
    fetcher: Fetcher,
    *,
    fulltext: bool = True,
    threads: int = 8,
    workers: int | None = None,
    on_failure: Callable[[FeedFailure], None] = lambda f: None,
    on_reject: Callable[[Rejection], None] = lambda r: None,
    on_progress: Callable[[str, int, int], None] = lambda stage, done, total: None,
) -> FetchSummary:
    """Fetch ``feeds`` once and store their new items. ``on_progress(stage, done, total)`` tells
    of the stages "feeds", "pages" and "articles"; ``workers`` is as for ``ingest_articles``. A feed
    not asked because its host had asked to be left alone (in this run, or in an earlier one for
    longer than it has waited since: ``held_for``) is counted as waiting, not as failed, and not
    reported."""
    summary = FetchSummary(feeds=len(feeds))
    now = now_utc()
    for feed in feeds:
        fetcher.hold(feed.url, held_for(feed, now))
    outcomes: list[tuple[Feed, Outcome]] = []
    items: list[_Item] = []
    seen: set[str] = set()
    for done, (feed, (outcome, parsed)) in enumerate(
        by_origin(lambda f: _fetch_feed(fetcher, f), feeds, lambda f: f.url, threads), start=1
    ):
        outcomes.append((feed, outcome))
        if outcome.deferred:  # not asked: no failure of its own (`feeds list` says why)
            summary.waiting += 1
        elif outcome.error is not None:
            summary.failed += 1
            on_failure(FeedFailure(feed, outcome.error))
        elif parsed is None:
            summary.not_modified += 1
        else:
            summary.fetched += 1
            for item in _items(feed, parsed):
                if item.link is not None and (
                    item.ref in seen or conn.execute("SELECT 1 FROM articles WHERE url = ?", (item.ref,)).fetchone()
                ):
                    summary.already_present += 1
                    continue
                if item.link is not None:
                    seen.add(item.ref)
                items.append(item)
        on_progress("feeds", done, len(feeds))

    wanted = [item for item in items if item.wants_page()] if fulltext else []
    spent: dict[str, float] = {}  # seconds spent on each origin's pages (one thread an origin: no lock)
    public: dict[int, bool] = {}  # whether each feed is on a public address (at worst looked up twice)

    def page(item: _Item) -> RawArticle | Exception:
        origin = origin_of(item.link)
        if spent.get(origin, 0.0) >= PAGE_SECONDS_PER_ORIGIN:
            return FetchError(f"not asked: {origin}'s pages took {PAGE_SECONDS_PER_ORIGIN:.0f} s of this run already")
        if item.feed.id not in public:
            public[item.feed.id] = fetcher.on_public_address(item.feed.url)
        started = time.monotonic()
        try:
            return _fetch_page(fetcher, item.link, only_public=public[item.feed.id])
        finally:
            spent[origin] = spent.get(origin, 0.0) + time.monotonic() - started

    for done, (item, found) in enumerate(by_origin(page, wanted, lambda i: i.link, threads), start=1):
        item.page = found
        on_progress("pages", done, len(wanted))
    for failure in _page_failures(wanted):
        on_failure(failure)

    def progress(counts: IngestSummary) -> None:
        on_progress("articles", counts.added + counts.present + counts.rejected, len(items))

    ingested = ingest_articles(
        conn, (item.article() for item in items), on_reject=on_reject, on_progress=progress, workers=workers
    )
    summary.added += ingested.added
    summary.already_present += ingested.present
    summary.rejected += ingested.rejected
    with write_transaction(conn):
        for feed, outcome in outcomes:
            record_outcome(conn, feed, outcome)
    return summary


def watch(
    conn: sqlite3.Connection,
    fetch_round: Callable[[list[Feed]], object],
    *,
    tag: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
    idle: float = 60.0,
) -> None:
    """Hand the feeds that are due to ``fetch_round`` (``fetch_feeds`` and the reporting around
    it) as they come due, until interrupted: KeyboardInterrupt goes to the caller, and a round cut
    short has written only whole articles. The store is looked at again at least every ``idle``
    seconds, so that feeds added meanwhile (from another terminal) are noticed."""
    while True:
        feeds = due_feeds(conn, tag)
        if feeds:
            fetch_round(feeds)
        upcoming = next_due(conn, tag)
        wait = idle if upcoming is None else (upcoming - now_utc()).total_seconds()
        sleep(min(max(wait, 1.0), idle))
