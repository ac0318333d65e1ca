"""Polite HTTP against a real server on 127.0.0.1 that misbehaves on purpose (store/http.py)."""

from __future__ import annotations

import gzip
import threading
from datetime import UTC, datetime, timedelta

import pytest

from feed_server import FakeTime, FeedServer, Reply, closed_port_url, http_date
from store.http import Fetcher, FetchError, NotPublic, Politeness, by_origin
from store.urls import origin_of

LIMIT = 64 * 1024


def fetcher(time: FakeTime | None = None, **manners) -> Fetcher:
    time = time or FakeTime()
    return Fetcher(Politeness(**{"pause": 0, **manners}), clock=time.clock, sleep=time.sleep)


def test_an_answer_brings_its_validators_and_a_conditional_get_costs_a_304(server):
    def feed(request):
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304)
        return Reply(
            200,
            b"<rss/>",
            {"ETag": '"v1"', "Last-Modified": "Mon, 16 Dec 2024 09:00:00 GMT", "Content-Type": "application/rss+xml"},
        )

    server.routes["/feed"] = feed
    with fetcher() as client:
        first = client.get(server.url("/feed"), max_bytes=LIMIT)
        again = client.get(server.url("/feed"), max_bytes=LIMIT, etag=first.etag, last_modified=first.last_modified)
    assert (first.status, first.body, first.etag) == (200, b"<rss/>", '"v1"')
    assert first.last_modified == "Mon, 16 Dec 2024 09:00:00 GMT" and first.content_type == "application/rss+xml"
    assert (again.status, again.body) == (304, b"")
    sent = server.log[1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == "Mon, 16 Dec 2024 09:00:00 GMT"
    assert sent["user-agent"].startswith("Sitrep/") and "if-none-match" not in server.log[0].headers


def test_429_with_retry_after_is_waited_for_and_tried_again(server):
    answers = iter([Reply(429, headers={"Retry-After": "7"}), Reply(200, b"ok")])
    server.routes["/feed"] = lambda request: next(answers)
    time = FakeTime()
    with fetcher(time) as client:
        assert client.get(server.url("/feed"), max_bytes=LIMIT).body == b"ok"
    assert time.sleeps == [7.0] and server.paths() == ["/feed", "/feed"]


def test_503_without_retry_after_backs_off_doubling_then_gives_up(server):
    server.routes["/feed"] = Reply(503)
    time = FakeTime()
    with fetcher(time, backoff=2, retries=2) as client, pytest.raises(FetchError) as failure:
        client.get(server.url("/feed"), max_bytes=LIMIT)
    assert time.sleeps == [2.0, 4.0] and len(server.log) == 3
    # (no wait was asked for: the feed's own backoff decides when it is tried again)
    assert failure.value.status == 503 and failure.value.retry_after is None
    assert str(failure.value) == "HTTP 503 Service Unavailable"


@pytest.mark.parametrize("retry_after", ["3600", "date"])
def test_a_long_retry_after_fails_at_once_and_holds_the_host_for_the_run(server, retry_after):
    if retry_after == "date":
        retry_after = http_date(datetime.now(UTC) + timedelta(hours=1))
    server.routes["/feed"] = Reply(429, headers={"Retry-After": retry_after})
    server.routes["/other"] = Reply(200, b"fine")
    time = FakeTime()
    with fetcher(time, max_wait=30) as client:
        with pytest.raises(FetchError) as failure:
            client.get(server.url("/feed"), max_bytes=LIMIT)
        with pytest.raises(FetchError, match="asked to be left alone") as other:
            client.get(server.url("/other"), max_bytes=LIMIT)
    assert 3500 < failure.value.retry_after <= 3600 and 3500 < other.value.retry_after <= 3600
    assert server.paths() == ["/feed"] and time.sleeps == []


def test_a_wait_asked_for_holds_its_origin_not_the_other_ports_of_its_host(server):
    server.routes["/feed"] = Reply(503, headers={"Retry-After": "3600"})
    time = FakeTime()
    with FeedServer() as other, fetcher(time, pause=1.5) as client:
        other.routes["/feed"] = Reply(200, b"fine")
        with pytest.raises(FetchError, match=r"\(asked to come back in 60 min\)"):
            client.get(server.url("/feed"), max_bytes=LIMIT)
        assert client.get(other.url("/feed"), max_bytes=LIMIT).body == b"fine"
        with pytest.raises(FetchError) as held:
            client.get(server.url("/other"), max_bytes=LIMIT)
    assert str(held.value) == f"not asked: {server.url('')} asked to be left alone" and held.value.deferred
    assert (server.paths(), other.paths(), time.sleeps) == (["/feed"], ["/feed"], [])  # (no pause between the two)


@pytest.mark.parametrize(
    "url, origin",
    [
        ("https://Wire.Example/rss?x=1#top", "https://wire.example"),
        ("https://wire.example:443/rss", "https://wire.example"),
        ("http://wire.example:443/rss", "http://wire.example:443"),
        ("http://reader:s3cret@127.0.0.1:8001/feed", "http://127.0.0.1:8001"),
        ("http://[::1]:80/feed", "http://[::1]"),
        ("http://wire.example:port/rss", "http://wire.example:port/rss"),  # unreadable: its own
    ],
)
def test_an_origin_is_the_scheme_host_and_port(url, origin):
    assert origin_of(url) == origin


def test_pause_between_requests_to_one_host_and_never_two_at_once(server):
    server.routes["/slow"] = lambda request: (threading.Event().wait(0.05), Reply(200, b"x"))[1]
    time = FakeTime()
    client = fetcher(time, pause=1.5)
    threads = [
        threading.Thread(target=client.get, args=(server.url("/slow"),), kwargs={"max_bytes": LIMIT}) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    client.close()
    assert len(server.log) == 4 and server.most_at_once == 1
    assert time.sleeps == [1.5, 1.5, 1.5]


def test_permanent_redirects_name_the_new_address_temporary_ones_do_not(server):
    server.routes.update(
        {
            "/old": Reply(301, headers={"Location": "/new"}),
            "/new": Reply(200, b"feed"),
            "/moved-then-temp": Reply(308, headers={"Location": server.url("/hop")}),
            "/hop": Reply(302, headers={"Location": "/new"}),
            "/temp": Reply(307, headers={"Location": "/new"}),
        }
    )
    with fetcher() as client:
        moved = client.get(server.url("/old"), max_bytes=LIMIT)
        partly = client.get(server.url("/moved-then-temp"), max_bytes=LIMIT)
        temporary = client.get(server.url("/temp"), max_bytes=LIMIT)
    assert (moved.body, moved.url, moved.moved_to) == (b"feed", server.url("/new"), server.url("/new"))
    assert partly.moved_to == server.url("/hop")
    assert temporary.moved_to is None


def test_redirect_loops_chains_and_strange_targets_fail(server):
    server.routes.update(
        {
            "/a": Reply(302, headers={"Location": "/b"}),
            "/b": Reply(301, headers={"Location": "/a"}),
            "/ftp": Reply(302, headers={"Location": "ftp://127.0.0.1/feed"}),
            "/ftp-login": Reply(302, headers={"Location": "ftp://reader:s3cret@127.0.0.1/feed"}),
        }
    )
    for n in range(8):
        server.routes[f"/chain{n}"] = Reply(302, headers={"Location": f"/chain{n + 1}"})
    with fetcher(max_redirects=5) as client:
        with pytest.raises(FetchError, match="redirect loop"):
            client.get(server.url("/a"), max_bytes=LIMIT)
        with pytest.raises(FetchError, match="more than 5 redirects"):
            client.get(server.url("/chain0"), max_bytes=LIMIT)
        with pytest.raises(FetchError, match="non-HTTP address"):
            client.get(server.url("/ftp"), max_bytes=LIMIT)
        # a password in an address is never part of the reason shown
        with pytest.raises(FetchError) as login:
            client.get(server.url("/ftp-login"), max_bytes=LIMIT)
        with pytest.raises(FetchError) as loop:
            client.get(server.url("/b").replace("//", "//reader:s3cret@"), max_bytes=LIMIT)
    assert str(login.value) == "redirected to a non-HTTP address (ftp://reader:***@127.0.0.1/feed)"
    assert str(loop.value) == f"redirect loop (back to {server.url('/b').replace('//', '//reader:***@')})"
    assert server.paths().count("/a") == 2 and server.paths().count("/chain5") == 1


def test_a_page_only_from_public_addresses_is_not_asked_of_a_local_one(server):
    server.routes["/page"] = Reply(200, b"<p>here</p>")
    with fetcher() as client:
        with pytest.raises(NotPublic, match=r"^127\.0\.0\.1 is a loopback address, and item pages"):
            client.get(server.url("/page"), max_bytes=LIMIT, only_public=True)
        with pytest.raises(NotPublic, match=r"^localhost is a loopback address \(127\.0\.0\.1\)"):
            client.get(server.url("/page").replace("127.0.0.1", "localhost"), max_bytes=LIMIT, only_public=True)
        assert client.get(server.url("/page"), max_bytes=LIMIT, only_public=False).body == b"<p>here</p>"
    assert server.paths() == ["/page"]


def test_a_server_that_never_answers_times_out(server):
    server.routes["/never"] = Reply(hold=True)
    with fetcher(timeout=0.3) as client, pytest.raises(FetchError, match=r"no answer within 0\.3 s"):
        client.get(server.url("/never"), max_bytes=LIMIT)


def test_an_answer_that_never_ends_is_cut_off(server):
    server.routes["/drip"] = Reply(drip=True)
    with fetcher(timeout=5, total=0.3) as client, pytest.raises(FetchError, match=r"not complete after 0\.3 s"):
        client.get(server.url("/drip"), max_bytes=LIMIT)


def test_oversized_answers_are_refused_declared_streamed_or_compressed(server):
    big = b"<rss>" + b"x" * (2 * LIMIT)
    server.routes.update(
        {
            "/declared": Reply(200, big),
            "/streamed": Reply(200, big, length=False),
            "/bomb": Reply(200, gzip.compress(b"\0" * (4 * 2**20)), {"Content-Encoding": "gzip"}),
        }
    )
    with fetcher() as client:
        with pytest.raises(FetchError, match="answer of 128 KB is over the 64 KB limit"):
            client.get(server.url("/declared"), max_bytes=LIMIT)
        with pytest.raises(FetchError, match="answer larger than the 64 KB limit"):
            client.get(server.url("/streamed"), max_bytes=LIMIT)
        with pytest.raises(FetchError, match="answer larger than the 64 KB limit"):
            client.get(server.url("/bomb"), max_bytes=LIMIT)


def test_errors_are_one_line_with_the_status(server):
    server.routes["/gone"] = Reply(410, b"gone")
    with fetcher() as client:
        with pytest.raises(FetchError) as missing:
            client.get(server.url("/nothing"), max_bytes=LIMIT)
        with pytest.raises(FetchError) as gone:
            client.get(server.url("/gone"), max_bytes=LIMIT)
        with pytest.raises(FetchError) as refused:
            client.get(closed_port_url(), max_bytes=LIMIT)
    assert (str(missing.value), missing.value.status) == ("HTTP 404 Not Found", 404)
    assert (str(gone.value), gone.value.status) == ("HTTP 410 Gone", 410)
    assert str(refused.value).startswith("cannot connect (") and refused.value.status is None
    assert "\n" not in str(refused.value)


def test_by_origin_runs_origins_side_by_side_and_each_origin_in_order():
    both_running = threading.Barrier(2, timeout=30)  # breaks unless the two origins run at once
    order: list[str] = []

    def work(url: str) -> str:
        if url.endswith("/1"):
            both_running.wait()
        order.append(url)
        return url.upper()

    # one origin written three ways, and another port of its host
    urls = ["http://a.example/1", "http://A.example:80/2", "HTTP://a.example/3", "http://a.example:8080/1"]
    results = dict(by_origin(work, urls, lambda url: url, threads=4))
    assert results == {url: url.upper() for url in urls}
    assert [url for url in order if ":8080" not in url] == urls[:3]


def test_by_origin_hands_a_failure_to_the_caller():
    def work(url: str) -> str:
        raise RuntimeError(f"bug with {url}")

    with pytest.raises(RuntimeError, match="bug with"):
        list(by_origin(work, ["http://a.example/1"], lambda url: url))
