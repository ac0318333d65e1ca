"""Fetching feeds into a real store from a real server on 127.0.0.1 (store/fetch.py): full text,
dedupe, bad feeds that never stop a run, and runs cut short that leave nothing half-written."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from feed_server import FakeTime, Reply, closed_port_url, entity_feed, entity_text, page, rss
from store import addresses
from store.feeds import add_feed, due_feeds, find_feed, list_feeds, now_utc
from store.fetch import fetch_feeds, watch
from store.http import Fetcher, Politeness
from store_fixtures import assert_store_sound

DOHA = "Negotiators met in Doha on Monday to resume ceasefire talks, mediators said."
KHARKIV = (
    "A missile strike hit an apartment block in Kharkiv on Tuesday, killing three people and "
    "wounding 12 others, the regional governor said."
)
KHARKIV_SUMMARY = "A missile strike hit Kharkiv."
GOMA = "Heavy clashes broke out near Goma on Wednesday between M23 rebels and the army, officials said."


def follow(db, *urls, **options):
    with db:
        return [add_feed(db, url, **options)[0] for url in urls]


def run(db, feeds=None, time=None, manners=None, resolve=addresses.resolve, **options):
    """One fetch of ``feeds`` (the due ones by default), collecting what it reports."""
    time = time or FakeTime()
    reported = {"failures": [], "rejections": []}
    politeness = Politeness(**{"pause": 0, **(manners or {})})
    with Fetcher(politeness, clock=time.clock, sleep=time.sleep, resolve=resolve) as client:
        summary = fetch_feeds(
            db,
            due_feeds(db) if feeds is None else feeds,
            client,
            workers=0,
            on_failure=reported["failures"].append,
            on_reject=reported["rejections"].append,
            **options,
        )
    return summary, reported


def articles(db) -> dict[str, dict]:
    cursor = db.execute("SELECT ref, url, title, outlet, published, text FROM articles")
    names = [column[0] for column in cursor.description]
    return {row[0]: dict(zip(names, row)) for row in cursor}


def serve_wire(server, etag='"v1"'):
    """A feed of three items: one with its whole content, one with only a summary whose page is on
    the server, one with only a summary and no link."""
    server.routes["/kharkiv"] = Reply(
        200,
        page("Strike on Kharkiv", [KHARKIV, "Rescuers worked through the night."]),
        {"Content-Type": "text/html; charset=utf-8"},
    )

    def feed(request):
        if etag and request.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(
            200,
            rss(
                "Example Wire",
                [
                    {
                        "title": "Ceasefire talks",
                        "link": server.url("/doha"),
                        "content": f"<p>{DOHA}</p>",
                        "description": "Talks.",
                        "pubDate": "Tue, 14 May 2024 09:00:00 GMT",
                    },
                    {
                        "title": "Strike on Kharkiv",
                        "link": server.url("/kharkiv"),
                        "description": KHARKIV_SUMMARY,
                        "pubDate": "Wed, 15 May 2024 10:00:00 GMT",
                    },
                    {"title": "Clashes near Goma", "guid": "goma-1", "description": GOMA},
                ],
            ),
            {"ETag": etag} if etag else {},
        )

    server.routes["/wire"] = feed
    return server.url("/wire")


def test_new_items_are_stored_with_full_text_link_outlet_and_date(server, db):
    (feed,) = follow(db, serve_wire(server))
    summary, reported = run(db)
    assert summary.to_dict() == {
        "feeds": 1,
        "fetched": 1,
        "not_modified": 0,
        "failed": 0,
        "waiting": 0,
        "added": 3,
        "already_present": 0,
        "rejected": 0,
    }
    assert reported == {"failures": [], "rejections": []}
    stored = articles(db)
    doha = stored[server.url("/doha")]
    assert (doha["url"], doha["title"], doha["outlet"], doha["published"], doha["text"]) == (
        server.url("/doha"),
        "Ceasefire talks",
        "Example Wire",
        "2024-05-14",
        DOHA,
    )
    kharkiv = stored[server.url("/kharkiv")]
    assert KHARKIV in kharkiv["text"] and "Rescuers worked" in kharkiv["text"]  # the page, not the summary
    assert "All rights reserved" not in kharkiv["text"] and "Home" not in kharkiv["text"]
    assert (kharkiv["outlet"], kharkiv["published"]) == ("Example Wire", "2024-05-15")
    goma = stored[f"{feed.url}#goma-1"]
    assert goma["url"] is None and goma["text"] == GOMA
    assert "/doha" not in server.paths()  # an item with its whole content needs no page
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] > 0  # through the extraction pipeline
    state = find_feed(db, str(feed.id))
    assert (state.title, state.etag, state.last_status, state.errors) == ("Example Wire", '"v1"', 200, 0)
    assert_store_sound(db.execute("PRAGMA database_list").fetchone()[2])


def test_entities_of_a_feed_with_no_dtd_keep_their_characters_and_unknown_ones_stay_whole(server, db):
    server.routes["/wire"] = Reply(
        200,
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &amp;mdash; &amp;foo;</title><item>'
        b"<title>Kharkiv&nbsp;shelled &mdash; &foo;</title><guid isPermaLink='false'>k-1</guid>"
        b"<description>Shelling hit Kharkiv on Monday &mdash; two dead &foo; &amp;bar; stays.</description>"
        b"</item></channel></rss>",
    )
    follow(db, server.url("/wire"))
    summary, reported = run(db)
    assert (summary.added, reported) == (1, {"failures": [], "rejections": []})
    (stored,) = articles(db).values()
    assert (stored["title"], stored["text"]) == (
        "Kharkiv\xa0shelled — &foo;",
        "Shelling hit Kharkiv on Monday — two dead &foo; &bar; stays.",
    )


@pytest.mark.parametrize("levels", [5, 0], ids=["five-levels", "one-big-entity"])
def test_a_fetched_feed_expands_no_entity_of_its_dtd_as_a_file_does_not(server, db, levels):
    """The same feed read from a file and fetched: one path, no entity of its DTD expanded."""
    server.routes["/wire"] = Reply(200, entity_feed(levels))
    follow(db, server.url("/wire"))
    summary, reported = run(db)
    assert (summary.added, reported) == (1, {"failures": [], "rejections": []})
    (stored,) = articles(db).values()
    assert (stored["title"], stored["text"]) == ("Kharkiv", entity_text(levels))


def test_an_unchanged_feed_costs_a_304_and_adds_nothing(server, db):
    follow(db, serve_wire(server))
    run(db)
    before = len(server.log)
    summary, _ = run(db, list_feeds(db))
    assert (summary.fetched, summary.not_modified, summary.added) == (0, 1, 0)
    assert server.paths()[before:] == ["/wire"] and server.log[-1].headers["if-none-match"] == '"v1"'


def test_items_already_stored_are_neither_fetched_nor_added_again(server, db):
    follow(db, serve_wire(server, etag=None))
    run(db)
    pages = server.paths().count("/kharkiv")
    summary, _ = run(db, list_feeds(db))
    assert (summary.fetched, summary.added, summary.already_present) == (1, 0, 3)
    assert server.paths().count("/kharkiv") == pages  # known by its link: its page is not fetched again


def test_the_same_text_under_another_link_is_already_present(server, db):
    follow(db, serve_wire(server))
    server.routes["/mirror"] = Reply(
        200, rss("Mirror", [{"title": "Copy", "link": server.url("/copy"), "content": f"<p>{DOHA}</p>"}])
    )
    follow(db, server.url("/mirror"))
    summary, _ = run(db)
    assert (summary.added, summary.already_present) == (3, 1)


def test_without_fulltext_the_summary_is_stored_and_no_page_fetched(server, db):
    follow(db, serve_wire(server))
    run(db, fulltext=False)
    assert articles(db)[server.url("/kharkiv")]["text"] == KHARKIV_SUMMARY
    assert "/kharkiv" not in server.paths()


def test_a_page_that_fails_leaves_the_summary_and_an_item_with_nothing_is_rejected(server, db):
    server.routes["/feed"] = Reply(
        200,
        rss(
            "Wire",
            [
                {"title": "Gone page", "link": server.url("/missing"), "description": KHARKIV_SUMMARY},
                {"title": "Title only", "link": server.url("/missing-too")},
            ],
        ),
    )
    follow(db, server.url("/feed"))
    summary, reported = run(db)
    assert articles(db)[server.url("/missing")]["text"] == KHARKIV_SUMMARY
    assert summary.added == 1 and summary.rejected == 1 and summary.failed == 0
    (rejection,) = reported["rejections"]
    assert rejection.where == server.url("/missing-too") and "HTTP 404 Not Found" in rejection.reason


def test_one_hosts_slow_pages_get_a_share_of_the_run_then_their_items_keep_their_summaries(server, db, monkeypatch):
    items = []
    for n in range(5):
        server.routes[f"/story{n}"] = Reply(200, page(f"Story {n}", [GOMA, f"Paragraph {n} of the page."]))
        items.append({"title": f"Story {n}", "link": server.url(f"/story{n}"), "description": f"Summary {n}."})
    server.routes["/feed"] = Reply(200, rss("Wire", items))
    follow(db, server.url("/feed"))
    clock = iter(range(0, 10_000, 50))  # each page takes 50 s
    monkeypatch.setattr("store.fetch.time", SimpleNamespace(monotonic=lambda: next(clock), sleep=lambda s: None))
    summary, reported = run(db)
    stored = articles(db)
    assert summary.added == 5 and summary.failed == 0
    assert [f"/story{n}" in server.paths() for n in range(5)] == [True, True, True, False, False]
    assert [stored[server.url(f"/story{n}")]["text"].startswith("Summary") for n in range(5)] == [False] * 3 + [
        True
    ] * 2
    (failure,) = reported["failures"]
    assert str(failure).endswith(
        "2 of 5 item pages could not be read, their summaries are kept "
        f"(not asked: {server.url('')}'s pages took 120 s of this run already)"
    )


def resolving(names: dict[str, str]):
    """A resolver that knows ``names`` (name -> address; "" for a name that has none) and asks
    the system about the rest."""

    def resolve(host: str, port: int) -> list[str]:
        if names.get(host) == "":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [names[host]] if host in names else addresses.resolve(host, port)

    return resolve


def test_a_feed_on_the_internet_cannot_send_sitrep_to_a_local_page(server, db):
    port = server.url("/").split(":")[2].rstrip("/")
    links = [
        server.url("/kharkiv"),  # loopback, named as such
        server.url("/odesa"),  # another on the same host: a page not asked costs no pause
        f"http://2130706433:{port}/kharkiv",  # 127.0.0.1 in disguise
        f"http://intranet.test:{port}/kharkiv",  # a name that leads to a private address
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://gone.test/story",  # no such name: a page that cannot be read, as ever
    ]
    server.routes["/kharkiv"] = Reply(200, page("Strike on Kharkiv", [KHARKIV]))
    items = [{"title": f"Item {n}", "link": link, "description": f"Summary {n}."} for n, link in enumerate(links)]
    server.routes["/wire"] = Reply(200, rss("Wire", items))
    # the feed's host is on the internet as far as Sitrep can tell (the system still reaches it)
    (feed,) = follow(db, f"http://localhost:{port}/wire")
    names = {"localhost": "93.184.216.34", "intranet.test": "10.1.2.3", "gone.test": ""}
    time = FakeTime()
    summary, reported = run(db, time=time, manners={"pause": 1}, resolve=resolving(names))
    assert summary.added == 6 and server.paths() == ["/wire"] and time.sleeps == []  # no page was asked for
    assert [row["text"] for row in articles(db).values()] == [f"Summary {n}." for n in range(6)]
    assert [str(failure) for failure in reported["failures"]] == [
        f"feed {feed.id} http://localhost:{port}/wire: "
        "1 of 6 item pages could not be read, their summaries are kept (cannot connect (Name or service not known)); "
        "5 of 6 item pages were not fetched, their summaries are kept "
        "(127.0.0.1 is a loopback address, and item pages are fetched from one only for a feed on one)"
    ]


def test_a_local_feed_has_its_local_pages_fetched_at_the_address_looked_up(server, db):
    port = server.url("/").split(":")[2].rstrip("/")
    server.routes["/kharkiv"] = Reply(200, page("Strike on Kharkiv", [KHARKIV, "Rescuers worked all night."]))
    link = f"http://pages.test:{port}/kharkiv"  # a name only Sitrep's resolver knows
    server.routes["/wire"] = Reply(200, rss("Wire", [{"title": "Kharkiv", "link": link, "description": "Short."}]))
    follow(db, server.url("/wire"))
    looked_up = []

    def resolve(host, port):
        looked_up.append(host)
        return resolving({"pages.test": "127.0.0.1"})(host, port)

    summary, reported = run(db, resolve=resolve)
    assert summary.added == 1 and reported["failures"] == []
    assert KHARKIV in articles(db)[link]["text"]
    assert server.log[-1].headers["host"] == f"pages.test:{port}"  # asked by its name, at the address checked
    assert looked_up == ["127.0.0.1", "pages.test"]  # the feed's host, then the page's, once


def test_an_item_link_that_is_no_web_address_is_neither_fetched_nor_kept(server, db):
    links = ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>"]
    items = [{"title": f"Item {n}", "link": link, "description": f"Summary {n}."} for n, link in enumerate(links)]
    server.routes["/feed"] = Reply(200, rss("Wire", items))
    follow(db, server.url("/feed"))
    summary, _ = run(db)
    assert summary.added == 3
    rows = db.execute("SELECT ref, url FROM articles ORDER BY id").fetchall()
    assert [url for _, url in rows] == [None, None, None]
    assert all(ref.startswith(server.url("/feed#")) for ref, _ in rows)


def test_bad_feeds_never_stop_the_run_each_is_named_once_with_its_reason(server, db):
    good = serve_wire(server)
    server.routes.update(
        {
            "/html": Reply(
                200, b"<!doctype html><html><body><p>Our news</p></body></html>", {"Content-Type": "text/html"}
            ),
            "/broken": Reply(200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti'),
            "/huge": Reply(200, rss("Huge", [{"title": "x", "description": "y" * 200_000}])),
            "/loop": Reply(302, headers={"Location": "/loop2"}),
            "/loop2": Reply(302, headers={"Location": "/loop"}),
            "/never": Reply(hold=True),
            "/gone": Reply(410),
        }
    )
    bad = {
        closed_port_url(): "cannot connect",
        server.url("/html"): "an HTML page, not an RSS or Atom feed",
        server.url("/broken"): "broken XML (unclosed token, line 1)",
        server.url("/huge"): "over the 64 KB limit",
        server.url("/loop"): "redirect loop",
        server.url("/never"): "no answer within 0.3 s",
        server.url("/gone"): "HTTP 410 Gone; the feed is gone and no longer fetched",
        server.url("/vanished"): "HTTP 404 Not Found",
    }
    follow(db, *bad, good)
    summary, reported = run(db, manners={"feed_bytes": 64 * 1024, "timeout": 0.3})
    assert (summary.feeds, summary.fetched, summary.failed, summary.added) == (9, 1, 8, 3)
    reasons = {failure.feed.url: failure.reason for failure in reported["failures"]}
    assert set(reasons) == set(bad)
    for url, reason in bad.items():
        assert reason in reasons[url]
        assert str(next(f for f in reported["failures"] if f.feed.url == url)).startswith("feed ")
    states = {feed.url: feed for feed in list_feeds(db)}
    assert not states[server.url("/gone")].active and states[server.url("/vanished")].active
    assert all(states[url].errors == 1 and states[url].last_error for url in bad)
    assert states[good].errors == 0


def test_a_permanent_redirect_moves_the_stored_feed(server, db):
    serve_wire(server)
    server.routes["/old-wire"] = Reply(301, headers={"Location": "/wire"})
    (feed,) = follow(db, server.url("/old-wire"))
    summary, _ = run(db)
    assert summary.added == 3 and find_feed(db, str(feed.id)).url == server.url("/wire")


def test_a_long_retry_after_puts_the_feed_off_until_then(server, db):
    server.routes["/busy"] = Reply(429, headers={"Retry-After": "7200"})
    (feed,) = follow(db, server.url("/busy"))
    now = now_utc()
    summary, reported = run(db)
    assert summary.failed == 1 and "HTTP 429 Too Many Requests" in reported["failures"][0].reason
    due = datetime.fromisoformat(find_feed(db, str(feed.id)).next_due)
    assert due >= now + timedelta(seconds=0.9 * 7200)


@pytest.mark.parametrize("stage, stored", [("pages", 0), ("articles", 3)])
def test_a_run_cut_short_writes_no_feed_state_and_the_next_run_completes_it(server, db, stage, stored):
    follow(db, serve_wire(server))

    def interrupt(at, done, total):
        if at == stage:  # "articles": just after the first chunk of articles was committed
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(db, on_progress=interrupt)
    (feed,) = list_feeds(db)
    assert (feed.etag, feed.last_status, feed.last_fetched) == (None, None, None) and due_feeds(db)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == stored
    summary, _ = run(db)
    assert summary.fetched == 1  # fetched in full again: no 304 for what may not have been stored
    assert (summary.added, summary.already_present) == (3 - stored, stored)


def test_watch_fetches_what_comes_due_until_interrupted(server, db):
    follow(db, serve_wire(server))
    rounds, waits = [], []

    def fetch_round(feeds):
        rounds.append(run(db, feeds)[0])

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch(db, fetch_round, sleep=sleep, idle=60)
    assert [r.added for r in rounds] == [3]  # the second look found nothing due
    assert waits == [60, 60]  # next due in ~30 minutes: looks again after `idle`


def test_watch_goes_on_past_a_stored_interval_out_of_bounds(server, db):
    (feed,) = follow(db, serve_wire(server))
    with db:
        db.execute("UPDATE feeds SET every = 99999999 * 86400 WHERE id = ?", (feed.id,))
    rounds, waits = watch_once(db)
    assert [r.added for r in rounds] == [3] and waits == [60]
    assert datetime.fromisoformat(find_feed(db, str(feed.id)).next_due) < now_utc() + timedelta(days=402)


def watch_once(db) -> tuple[list, list]:
    """``watch`` for one look, interrupted at its first sleep: the summaries of its rounds and its waits."""
    rounds, waits = [], []

    def sleep(seconds):
        waits.append(seconds)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch(db, lambda feeds: rounds.append(run(db, feeds)[0]), sleep=sleep, idle=60)
    return rounds, waits


@pytest.mark.parametrize(
    "stored, due",
    [("tomorrow", True), ("", True), (12345, True), ("2024-05-01", True), ("2999-01-01 10:00", False)],
)
def test_watch_reads_a_next_due_time_written_by_hand_as_due_now_unless_it_is_a_time(server, db, stored, due):
    """A time without a zone is in UTC; anything else that is no time is due now."""
    (feed, other) = follow(db, serve_wire(server), server.url("/other"))
    with db:
        db.execute("UPDATE feeds SET next_due = ? WHERE id = ?", (stored, feed.id))
        db.execute("UPDATE feeds SET next_due = '3000-01-01T00:00:00+00:00' WHERE id = ?", (other.id,))
    rounds, waits = watch_once(db)
    assert [r.added for r in rounds] == ([3] if due else []) and waits == [60]
    if due:  # and a good time written
        assert now_utc() + timedelta(minutes=26) <= datetime.fromisoformat(find_feed(db, str(feed.id)).next_due)
