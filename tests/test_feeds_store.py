"""The feeds kept in the store: the migration that adds them, subscriptions, tags and fetch state
(store/feeds.py)."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from store.db import open_store
from store.feeds import (
    MAX_BACKOFF,
    MAX_EVERY,
    FeedError,
    Outcome,
    add_feed,
    due_feeds,
    find_feed,
    format_every,
    held_for,
    list_feeds,
    next_due,
    now_utc,
    parse_every,
    record_outcome,
    remove_feed,
)
from store.schema import MIGRATIONS, SCHEMA_VERSION

FEEDS_MIGRATION = next(n for n, script in enumerate(MIGRATIONS, start=1) if "CREATE TABLE feeds" in script)


@pytest.fixture
def conn(db):
    return db


def test_a_store_with_data_from_before_feeds_is_migrated_and_keeps_it(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    for number in range(1, FEEDS_MIGRATION):
        old.executescript(f"BEGIN;{MIGRATIONS[number - 1]}; PRAGMA user_version = {number}; COMMIT;")
    old.execute("PRAGMA foreign_keys = ON")
    with old:  # rows as that schema holds them (today's writer needs later migrations' tables)
        old.executescript("""
            INSERT INTO articles (id, ref, text, hash, ingested_at, n_events) VALUES (1, 'a.txt', 'Text.', 'h', 'now', 1);
            INSERT INTO sources (id, name, merge_key, type, n_claims) VALUES (1, 'Officials', 'ofitsials', 'anonymous', 1);
            INSERT INTO claims (article_id, source_id, cue_start, cue_end, cue_text, content_start, content_end,
                                content_text) VALUES (1, 1, 0, 4, 'Text', 0, 4, 'Text');
            INSERT INTO events (article_id, type, subtype, confidence, evidence_start, evidence_end, evidence_text)
                VALUES (1, 'Battles', 'Armed clash', 0.5, 0, 5, 'Text.');
        """)
    before = {t: old.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "claims")}
    old.close()

    db = open_store(path)
    conn = db
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before} == before
    plan = " ".join(
        row[3]
        for row in conn.execute("EXPLAIN QUERY PLAN SELECT 1 FROM articles WHERE url = ?", ("https://example.org/x",))
    )
    assert "articles_url" in plan
    with conn:
        feed, new = add_feed(conn, "https://example.org/rss", tags=["wire"])
    assert new and [f.url for f in due_feeds(conn)] == ["https://example.org/rss"]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize(
    "text, seconds",
    [("30m", 1800), ("2h", 7200), ("1d", 86400), ("1h30m", 5400), ("90s", 90), ("1H", 3600), (" 45m ", 2700)],
)
def test_intervals(text, seconds):
    assert parse_every(text) == seconds
    assert parse_every(format_every(seconds)) == seconds


@pytest.mark.parametrize("text", ["", "30", "m", "30x", "-5m", "1.5h", "30s", "0m"])
def test_bad_or_impolite_intervals_are_refused(text):
    with pytest.raises(FeedError):
        parse_every(text)


def test_add_list_find_remove(conn):
    with conn:
        first, new1 = add_feed(conn, " https://a.example/rss ", tags=["wire", "Ukraine war"], every=3600)
        second, new2 = add_feed(conn, "http://b.example/atom.xml")
        again, new3 = add_feed(conn, "https://a.example/rss", tags=["ua"])
    assert (new1, new2, new3) == (True, True, False)
    assert first.url == "https://a.example/rss" and first.every == 3600 and second.every == 1800
    assert again.id == first.id and again.tags == ["Ukraine war", "ua", "wire"] and again.every == 3600
    assert [f.id for f in list_feeds(conn)] == [first.id, second.id]
    assert [f.id for f in list_feeds(conn, "ua")] == [first.id] and list_feeds(conn, "none") == []
    assert find_feed(conn, str(second.id)).url == second.url == find_feed(conn, second.url).url
    with conn:
        assert remove_feed(conn, "https://a.example/rss").id == first.id
    assert conn.execute("SELECT count(*) FROM feed_tags").fetchone()[0] == 0  # tags go with the feed
    with pytest.raises(FeedError, match="no feed"):
        find_feed(conn, "99")


@pytest.mark.parametrize(
    "given, kept",
    [
        ("HTTPS://Wire.Example/rss", "https://wire.example/rss"),
        ("https://wire.example:443/rss#latest", "https://wire.example/rss"),
        ("http://wire.example:80/rss?lang=EN", "http://wire.example/rss?lang=EN"),
        ("http://Wire.example", "http://wire.example/"),
        ("http://wire.example:8080/RSS", "http://wire.example:8080/RSS"),  # a port of its own, a path's case
        ("https://Reader:S3cret@Wire.Example:443/rss", "https://Reader:S3cret@wire.example/rss"),
        ("http://[::1]:80/rss", "http://[::1]/rss"),
    ],
)
def test_a_feed_is_kept_under_one_form_of_its_address(conn, given, kept):
    with conn:
        feed, new = add_feed(conn, given)
        again, new_again = add_feed(conn, kept, tags=["wire"])
    assert (feed.url, new, again.id, new_again, again.tags) == (kept, True, feed.id, False, ["wire"])
    assert find_feed(conn, given).id == feed.id


def test_a_store_that_kept_an_address_in_another_form_still_knows_the_feed(conn):
    with conn:  # as a store written before addresses were normalised holds it
        conn.execute(
            "INSERT INTO feeds (url, every, next_due, added_at) VALUES ('HTTP://Wire.Example:80/rss#top', 1800, 'x', 'x')"
        )
        (old,) = list_feeds(conn)
        feed, new = add_feed(conn, "http://wire.example/rss", tags=["wire"])
        other, _ = add_feed(conn, "http://wire.example/rss2")
    assert (feed.id, new, feed.tags, feed.url) == (old.id, False, ["wire"], old.url)
    assert find_feed(conn, "http://WIRE.example/rss").id == old.id and other.id != old.id
    feed = _record(conn, feed, Outcome(200, moved_to="http://wire.example:80/rss2#x"), now_utc())
    assert feed.url == old.url  # a move onto another feed followed is no move


@pytest.mark.parametrize(
    "url",
    [
        "ftp://a.example/rss",
        "a.example/rss",
        "https://",
        "file:///etc/passwd",
        "",
        "http://a.example:rss/",
        "http://[::1/",
    ],
)
def test_only_http_addresses_are_followed(conn, url):
    with pytest.raises(FeedError, match="not an http"):
        add_feed(conn, url)


@pytest.mark.parametrize("tag", ["", "a,b", "new\nline", "\x1b[31m"])
def test_bad_tags_are_refused(conn, tag):
    with pytest.raises(FeedError, match="tag"):
        add_feed(conn, "https://a.example/rss", tags=[tag])


def _feed(conn, every=1800):
    with conn:
        feed, _ = add_feed(conn, "https://a.example/rss", every=every)
    return feed


def _record(conn, feed, outcome, now):
    with conn:
        record_outcome(conn, feed, outcome, now=now, rng=random.Random(7))
    return find_feed(conn, str(feed.id))


def _due_in(feed, now) -> float:
    return (datetime.fromisoformat(feed.next_due) - now).total_seconds()


def test_a_good_fetch_keeps_validators_and_comes_due_after_its_interval_with_jitter(conn):
    now = now_utc()
    feed = _record(
        conn, _feed(conn), Outcome(200, etag='"v1"', last_modified="Mon, 16 Dec 2024 09:00:00 GMT", title="A Wire"), now
    )
    assert (feed.etag, feed.last_modified, feed.title, feed.last_status, feed.errors) == (
        '"v1"',
        "Mon, 16 Dec 2024 09:00:00 GMT",
        "A Wire",
        200,
        0,
    )
    assert 0.9 * 1800 <= _due_in(feed, now) <= 1.1 * 1800
    assert due_feeds(conn, now=now) == [] and [f.id for f in due_feeds(conn, everything=True)] == [feed.id]
    assert next_due(conn) == datetime.fromisoformat(feed.next_due)
    # a 304 without validators keeps the old ones; a 200 without them drops them
    feed = _record(conn, feed, Outcome(304), now)
    assert (feed.etag, feed.last_status) == ('"v1"', 304)
    feed = _record(conn, feed, Outcome(200), now)
    assert (feed.etag, feed.last_modified) == (None, None)


def test_jitter_spreads_feeds_added_together(conn):
    now = now_utc()
    with conn:
        feeds = [add_feed(conn, f"https://a.example/{n}")[0] for n in range(20)]
        for feed in feeds:
            record_outcome(conn, feed, Outcome(200), now=now)
    assert len({f.next_due for f in list_feeds(conn)}) > 1


def test_failures_back_off_doubling_up_to_a_day_and_heed_retry_after(conn):
    now = now_utc()
    feed = _feed(conn, every=3600)
    delays = []
    for _ in range(7):
        feed = _record(conn, feed, Outcome(None, "cannot connect (refused)"), now)
        delays.append(_due_in(feed, now))
    assert feed.errors == 7 and feed.last_error == "cannot connect (refused)" and feed.active
    for n, delay in enumerate(delays):
        assert 0.9 * min(3600 * 2**n, MAX_BACKOFF) <= delay <= 1.1 * min(3600 * 2**n, MAX_BACKOFF)
    feed = _record(conn, feed, Outcome(200), now)
    assert feed.errors == 0 and feed.last_error is None
    feed = _record(conn, feed, Outcome(429, "HTTP 429", retry_after=5 * 3600), now)
    assert _due_in(feed, now) >= 0.9 * 5 * 3600


def test_a_wait_asked_for_is_never_cut_by_the_jitter_and_is_heeded_up_to_a_day(conn):
    now = now_utc()
    feed = _feed(conn, every=3600)
    for seed in range(20):  # whatever the jitter draws
        with conn:
            record_outcome(conn, feed, Outcome(429, "HTTP 429", retry_after=3600), now=now, rng=random.Random(seed))
        assert _due_in(find_feed(conn, str(feed.id)), now) >= 3600
    # "Retry-After: Wed, 21 Oct 2099": tried again within a day, not in 2106
    feed = _record(conn, feed, Outcome(503, "HTTP 503", retry_after=2_300_000_000), now)
    assert 3600 <= _due_in(feed, now) <= MAX_BACKOFF


def test_a_wait_asked_for_is_kept_apart_from_the_next_due_time_until_an_answer_without_one(conn):
    now = now_utc()
    feed = _feed(conn, every=3600)
    assert held_for(feed, now) == 0
    feed = _record(conn, feed, Outcome(503, "HTTP 503", retry_after=600), now)
    assert held_for(feed, now) == 600 and held_for(feed, now + timedelta(seconds=601)) == 0
    assert _due_in(feed, now) >= 0.9 * 3600  # (due by its interval, later)
    feed = _record(conn, feed, Outcome(503, "HTTP 503", retry_after=2_300_000_000), now)
    assert held_for(feed, now) == MAX_BACKOFF  # heeded up to a day
    feed = _record(conn, feed, Outcome(503, "HTTP 503"), now)  # no time named
    assert held_for(feed, now) == 0
    with conn:
        conn.execute("UPDATE feeds SET not_before = 'later' WHERE id = ?", (feed.id,))
    assert held_for(find_feed(conn, str(feed.id)), now) == 0  # written by hand, no time: no wait


@pytest.mark.parametrize("text", ["366d", "365d1s", "99999999d", "100000000000000000000d", "9" * 5000 + "d"])
def test_an_interval_over_a_year_is_refused(conn, text):
    with pytest.raises(FeedError, match="at most 365d between fetches"):
        parse_every(text)
    assert parse_every("365d") == MAX_EVERY
    for every in (MAX_EVERY + 1, 10**20, 59):
        with pytest.raises(FeedError, match="interval of"), conn:
            add_feed(conn, "https://a.example/rss", every=every)
    assert list_feeds(conn) == []


@pytest.mark.parametrize("every", [99999999 * 86400, 2**63 - 1, 1e300, "often"])
def test_an_interval_out_of_bounds_already_stored_is_read_within_them(conn, every):
    """A row written by hand or by a version that took any interval: its next due time is put at
    most a year (and the jitter) ahead, instead of overflowing the date and stopping the run."""
    now = now_utc()
    feed = _feed(conn)
    with conn:
        conn.execute("UPDATE feeds SET every = ? WHERE id = ?", (every, feed.id))
    feed = find_feed(conn, str(feed.id))
    feed = _record(conn, feed, Outcome(200), now)
    expected = MAX_EVERY if every != "often" else 1800
    assert 0.9 * expected <= _due_in(feed, now) <= 1.1 * expected
    for _ in range(3):  # failures in a row: backed off up to a day
        feed = _record(conn, feed, Outcome(None, "cannot connect (refused)"), now)
    assert feed.errors == 3 and _due_in(feed, now) <= 1.1 * MAX_BACKOFF


def test_a_feed_not_asked_because_its_host_wants_a_rest_has_not_failed_again(conn):
    now = now_utc()
    feed = _feed(conn, every=3600)
    waited = Outcome(
        None, "not asked: a.example asked to be left alone for 50 min more", retry_after=3000, deferred=True
    )
    feed = _record(conn, feed, waited, now)
    assert feed.errors == 0 and feed.last_error.startswith("not asked") and _due_in(feed, now) >= 3000
    feed = _record(conn, feed, Outcome(None, "cannot connect (refused)"), now)
    feed = _record(conn, feed, waited, now)
    assert feed.errors == 1


def test_410_retires_the_feed_and_adding_it_again_revives_it(conn):
    now = now_utc()
    feed = _record(conn, _feed(conn), Outcome(410, "HTTP 410 Gone"), now)
    assert not feed.active and due_feeds(conn, everything=True) == [] and next_due(conn) is None
    with conn:
        revived, new = add_feed(conn, feed.url)
    assert not new and revived.active


def test_a_permanent_redirect_moves_the_feed_unless_another_feed_is_there(conn):
    now = now_utc()
    feed = _feed(conn)
    with conn:
        other, _ = add_feed(conn, "https://c.example/rss")
    feed = _record(conn, feed, Outcome(200, moved_to="https://b.example/rss"), now)
    assert feed.url == "https://b.example/rss"
    feed = _record(conn, feed, Outcome(200, moved_to=other.url), now)
    assert feed.url == "https://b.example/rss"
    feed = _record(conn, feed, Outcome(404, "HTTP 404", moved_to="https://d.example/rss"), now)
    assert feed.url == "https://b.example/rss"  # only an answer that worked moves a feed


def test_due_feeds_by_tag_and_time(conn):
    now = now_utc()
    with conn:
        wire, _ = add_feed(conn, "https://a.example/rss", tags=["wire"])
        blog, _ = add_feed(conn, "https://b.example/rss")
    assert [f.id for f in due_feeds(conn, "wire", now=now)] == [wire.id]
    _record(conn, wire, Outcome(200), now)
    assert [f.id for f in due_feeds(conn, now=now)] == [blog.id]
    assert [f.id for f in due_feeds(conn, now=now + timedelta(days=1))] == [wire.id, blog.id]


def test_next_due_times_written_by_hand_are_read_as_times_and_one_that_is_none_is_due_now(conn):
    with conn:
        zoned, naive, word = [add_feed(conn, f"https://{name}.example/rss")[0] for name in ("a", "b", "c")]
        for feed, stored in ((zoned, "2030-01-01T10:00:00+05:00"), (naive, "2030-01-01 07:00"), (word, "soon")):
            conn.execute("UPDATE feeds SET next_due = ? WHERE id = ?", (stored, feed.id))
    at = datetime(2030, 1, 1, 6, 0, tzinfo=UTC)  # past 05:00 UTC, before 07:00 UTC
    assert [f.id for f in due_feeds(conn, now=at)] == [zoned.id, word.id]
    assert [f.id for f in due_feeds(conn, now=at - timedelta(hours=2))] == [word.id]
    assert next_due(conn) < at - timedelta(days=365)
    with conn:
        remove_feed(conn, str(word.id))
    assert next_due(conn) == datetime(2030, 1, 1, 5, 0, tzinfo=UTC)


def test_a_tag_is_the_same_whatever_its_case(conn):
    with conn:
        add_feed(conn, "https://a.example/rss", tags=["Wire"])
        feed, new = add_feed(conn, "https://a.example/rss", tags=["wire", "WIRE", "Kyiv"])
    assert not new and feed.tags == ["Kyiv", "Wire"]
    assert [f.id for f in list_feeds(conn, "wire")] == [feed.id] == [f.id for f in due_feeds(conn, "WIRE")]
