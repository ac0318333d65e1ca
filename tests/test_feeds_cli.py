"""`sitrep feeds`, `sitrep fetch` and `sitrep watch` on the command line: output, exit status, one
line per problem and never a traceback; Ctrl+C in watch ends it cleanly."""

from __future__ import annotations

import base64
import json
import os
import pty
import select
import signal
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from feed_server import FakeTime, FeedServer, Reply, rss, wait_for
from store.db import open_store
from store.feeds import add_feed
from store.http import Fetcher, FetchError, Politeness
from store_fixtures import REPO, SITREP, assert_store_sound, run_sitrep
from tui import cli

GOMA = "Heavy clashes broke out near Goma on Wednesday between M23 rebels and the army, officials said."
DOHA = "Negotiators met in Doha on Monday to resume ceasefire talks, mediators said."
NO_PROXY = {"NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1", "HTTP_PROXY": "", "http_proxy": ""}


@pytest.fixture(autouse=True)
def quick_fetcher(monkeypatch):
    """In-process runs fetch without pausing (subprocess runs keep the real pause)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    time = FakeTime()
    monkeypatch.setattr(cli, "make_fetcher", lambda: Fetcher(Politeness(pause=0), clock=time.clock, sleep=time.sleep))


@pytest.fixture
def server():
    with FeedServer() as running:
        running.routes["/wire"] = Reply(
            200,
            rss(
                "Example Wire",
                [
                    {"title": "Clashes", "link": running.url("/goma"), "content": f"<p>{GOMA}</p>"},
                    {"title": "Talks", "link": running.url("/doha"), "content": f"<p>{DOHA}</p>"},
                ],
            ),
            {"ETag": '"w1"'},
        )
        yield running


def sitrep(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_follow_list_export_import_and_remove(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    status, out, _ = sitrep(
        capsys, "feeds", "add", "https://wire.example/rss", "--tag", "wire", "--tag", "ua", "--every", "2h", "--db", db
    )
    assert status == 0 and out == "following feed 1 https://wire.example/rss (every 2h, tags ua, wire)\n"
    sitrep(capsys, "feeds", "add", "https://kyiv.example/atom.xml", "--db", db)
    status, out, _ = sitrep(capsys, "feeds", "add", "https://kyiv.example/atom.xml", "--tag", "ua", "--db", db)
    assert status == 0 and out.startswith("already following feed 2 ")

    status, out, _ = sitrep(capsys, "feeds", "list", "--db", db)
    header, first, second = out.splitlines()
    assert header.split() == ["id", "every", "status", "next", "tags", "title", "url"]
    assert first.split() == ["1", "2h", "new", "now", "ua,wire", "https://wire.example/rss"]
    _, out, _ = sitrep(capsys, "feeds", "list", "--json", "--tag", "wire", "--db", db)
    (listed,) = [json.loads(line) for line in out.splitlines()]
    assert (listed["id"], listed["every"], listed["tags"], listed["active"]) == (1, 7200, ["ua", "wire"], True)

    opml = tmp_path / "feeds.opml"
    assert sitrep(capsys, "feeds", "export", "-o", str(opml), "--db", db)[0] == 0
    other = str(tmp_path / "other.db")
    status, out, _ = sitrep(capsys, "feeds", "import", str(opml), "--db", other)
    assert status == 0 and out == "following 2 new feeds, already following 0, rejected 0\n"
    _, exported, _ = sitrep(capsys, "feeds", "export", "--db", other)
    assert exported.split("<body>")[1] == opml.read_text().split("<body>")[1]

    status, out, _ = sitrep(capsys, "feeds", "remove", "1", "--db", db)
    assert status == 0 and out == "no longer following feed 1 https://wire.example/rss (its articles stay)\n"
    sitrep(capsys, "feeds", "remove", "https://kyiv.example/atom.xml", "--db", db)
    assert sitrep(capsys, "feeds", "list", "--db", db)[1].startswith("no feeds")


def test_feed_titles_are_shown_as_data(tmp_path, capsys):
    db = open_store(tmp_path / "s.db")
    with db:
        add_feed(db, "https://evil.example/rss", title="Evil \x1b[2J\x07 [bold]x[/] <b>")
    db.close()
    _, out, _ = sitrep(capsys, "feeds", "list", "--db", str(tmp_path / "s.db"))
    assert "\x1b" not in out and "\x07" not in out and "Evil \\x1b[2J\\x07 [bold]x[/] <b>" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["feeds", "add", "ftp://x.example/rss"], "not an http:// or https:// address"),
        (["feeds", "add", "http://x.example/a\nb"], "'http://x.example/a\\nb' is not an http:// or https://"),
        (["feeds", "add", "http://x.example/a b"], "not an http:// or https:// address"),
        (["feeds", "add", "http://x.exa\tmple/rss"], "not an http:// or https:// address"),
        (["feeds", "add", "https://x.example/rss", "--every", "often"], "give a duration"),
        (["feeds", "add", "https://x.example/rss", "--every", ""], "interval '': give a duration"),
        (["feeds", "add", "https://x.example/rss", "--every", "  "], "interval '  ': give a duration"),
        (["feeds", "add", "https://x.example/rss", "--tag", "a,b"], "without commas"),
        (["feeds", "remove", "7"], "no feed '7'"),
        (["feeds", "remove", "9223372036854775808"], "no feed '9223372036854775808'"),
        (["feeds"], "required: ACTION"),
        (["fetch"], "no feeds followed"),
        (["fetch", "--tag", "nope"], "no feed has the tag 'nope'"),
        (["watch", "--tag", "nope"], "no feed has the tag 'nope'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path, capsys, args, message):
    db = str(tmp_path / "s.db")
    open_store(db).close()
    status, out, err = sitrep(capsys, *args, "--db", db)
    assert status == 2 and out == "" and err.count("\n") == 1 and message in err


def test_removing_a_feed_not_followed_says_so_at_once(tmp_path):
    store = open_store(tmp_path / "s.db")
    with store:
        add_feed(store, "https://kyiv.example/rss")
    store.close()
    # in a subprocess with a time limit: it had compared None with each of the 2**64 possible ids
    result = run_sitrep("feeds", "remove", "https://nope.example/rss", "--db", str(tmp_path / "s.db"), timeout=60)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "sitrep: no feed 'https://nope.example/rss' (see `sitrep feeds list`)\n"


def test_a_feed_id_in_other_digits_is_no_feed_id(tmp_path, capsys):
    store = open_store(tmp_path / "s.db")
    with store:
        add_feed(store, "https://kyiv.example/rss")
    store.close()
    db = str(tmp_path / "s.db")
    for key in ("\u0661", "\uff11", "\u09e7"):  # Arabic-Indic, full-width and Bengali one: not feed 1
        status, out, err = sitrep(capsys, "feeds", "remove", key, "--db", db)
        assert (status, out, err) == (2, "", f"sitrep: no feed '{key}' (see `sitrep feeds list`)\n")
    status, out, _ = sitrep(capsys, "feeds", "list", "--db", db)
    assert status == 0 and "https://kyiv.example/rss" in out


def test_reading_commands_want_an_existing_store_and_a_bad_feed_creates_none(tmp_path, capsys):
    for args in (["feeds", "list"], ["feeds", "export"], ["fetch"], ["watch"]):
        status, _, err = sitrep(capsys, *args, "--db", str(tmp_path / "none.db"))
        assert status == 2 and "no such store" in err
    assert sitrep(capsys, "feeds", "add", "rss.example", "--db", str(tmp_path / "none.db"))[0] == 2
    assert not (tmp_path / "none.db").exists()


def test_import_names_what_it_cannot_take(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    mixed = tmp_path / "mixed.opml"
    mixed.write_text(
        '<opml version="2.0"><body><outline text="ok" xmlUrl="https://a.example/rss"/>'
        '<outline text="bad" xmlUrl="gopher://b.example/"/></body></opml>'
    )
    status, out, err = sitrep(capsys, "feeds", "import", str(mixed), "--db", db)
    assert status == 1 and out == "following 1 new feeds, already following 0, rejected 1\n"
    assert err == f"sitrep: {mixed}: 'gopher://b.example/' is not an http:// or https:// address\n"
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body>")
    status, _, err = sitrep(capsys, "feeds", "import", str(broken), "--db", db)
    assert status == 1 and err.startswith(f"sitrep: {broken}: not an OPML file (broken XML") and err.count("\n") == 1
    status, _, err = sitrep(capsys, "feeds", "import", str(tmp_path / "missing.opml"), "--db", db)
    assert status == 2 and "cannot read" in err


def test_fetch_summary_json_and_exit_status(tmp_path, capsys, server):
    db = str(tmp_path / "s.db")
    sitrep(capsys, "feeds", "add", server.url("/wire"), "--tag", "wire", "--db", db)
    sitrep(capsys, "feeds", "add", server.url("/vanished"), "--db", db)
    server.routes["/empty"] = Reply(200, rss("Empty Wire", [{"title": "Nothing", "guid": "e1"}]))
    sitrep(capsys, "feeds", "add", server.url("/empty"), "--db", db)
    status, out, err = sitrep(capsys, "fetch", "--json", "--db", db)
    assert status == 1
    assert json.loads(out) == {
        "feeds": 3,
        "fetched": 2,
        "not_modified": 0,
        "failed": 1,
        "waiting": 0,
        "added": 2,
        "already_present": 0,
        "rejected": 1,
    }
    assert err.splitlines() == [
        f"sitrep: feed 2 {server.url('/vanished')}: HTTP 404 Not Found",
        f"sitrep: {server.url('/empty')}#e1: item has no content or summary",
    ]
    status, out, err = sitrep(capsys, "fetch", "--db", db)  # nothing is due yet
    assert (status, out, err) == (0, "feeds 0: fetched 0, not modified 0, failed 0; added 0, already present 0\n", "")
    status, out, _ = sitrep(capsys, "fetch", "--all", "--tag", "wire", "--db", db)
    assert status == 0 and out == "feeds 1: fetched 1, not modified 0, failed 0; added 0, already present 2\n"


@pytest.mark.parametrize("every", ["99999999d", "100000000000000000000d", "366d"])
def test_an_interval_over_a_year_is_a_usage_error_and_nothing_is_followed(tmp_path, capsys, every):
    db = str(tmp_path / "s.db")
    status, out, err = sitrep(capsys, "feeds", "add", "https://wire.example/rss", "--every", every, "--db", db)
    assert (status, out, err) == (2, "", f"sitrep: interval '{every}': at most 365d between fetches\n")
    status, out, err = sitrep(capsys, "feeds", "add", "https://wire.example/rss", "--every", "365d", "--db", db)
    assert status == 0 and out.endswith("(every 365d)\n")


def test_a_stored_interval_out_of_bounds_stops_neither_fetch_nor_its_other_feeds(tmp_path, capsys, server):
    """A row an older version took (`--every 99999999d`) or written by hand: fetch and watch go on."""
    db = str(tmp_path / "s.db")
    text = "Shelling hit Kherson on Friday, wounding two people, the regional governor said."
    server.routes["/other"] = Reply(200, rss("Other Wire", [{"title": "Kherson", "guid": "k1", "description": text}]))
    sitrep(capsys, "feeds", "add", server.url("/wire"), "--db", db)
    sitrep(capsys, "feeds", "add", server.url("/other"), "--db", db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE feeds SET every = 99999999 * 86400 WHERE id = 1")
    status, out, err = sitrep(capsys, "fetch", "--json", "--db", db)
    assert (status, err) == (0, "") and json.loads(out)["fetched"] == 2 and json.loads(out)["added"] == 3
    _, out, _ = sitrep(capsys, "feeds", "list", "--json", "--db", db)
    odd, other = [json.loads(line) for line in out.splitlines()]
    assert odd["last_status"] == other["last_status"] == 200
    assert odd["next_due"] <= (datetime.now(UTC) + timedelta(days=365 * 1.1 + 1)).isoformat()
    assert_store_sound(db)


@pytest.mark.parametrize("stored", ["tomorrow", "", 12345, "2024-05-01 10:00"])
def test_a_next_due_time_that_is_no_time_is_due_now_and_stops_nothing(tmp_path, capsys, server, stored):
    """A feeds table edited by hand (sqlite3): the list shows the feed due now, fetch fetches it and
    writes a good time; a count of failures that is none is none."""
    db = str(tmp_path / "s.db")
    sitrep(capsys, "feeds", "add", server.url("/wire"), "--db", db)
    sitrep(capsys, "feeds", "add", server.url("/vanished"), "--db", db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE feeds SET next_due = ?", (stored,))
        conn.execute("UPDATE feeds SET errors = 'many' WHERE id = 2")
    status, out, err = sitrep(capsys, "feeds", "list", "--db", db)
    assert (status, err) == (0, "") and out.splitlines()[1].split()[:4] == ["1", "30m", "new", "now"]
    status, out, err = sitrep(capsys, "fetch", "--json", "--db", db)
    summary = json.loads(out)
    assert (status, summary["fetched"], summary["failed"], summary["added"]) == (1, 1, 1, 2)
    assert err == f"sitrep: feed 2 {server.url('/vanished')}: HTTP 404 Not Found\n"
    _, out, _ = sitrep(capsys, "feeds", "list", "--json", "--db", db)
    wire, vanished = [json.loads(line) for line in out.splitlines()]
    assert vanished["errors"] == 1
    assert 0.9 * 1800 - 60 <= _due_in(wire) <= 1.1 * 1800 and 0.9 * 1800 - 60 <= _due_in(vanished) <= 1.1 * 1800


def _due_in(feed: dict) -> float:
    return (datetime.fromisoformat(feed["next_due"]) - datetime.now(UTC)).total_seconds()


@pytest.mark.parametrize("retry_after, asked", [("99999", "28 h"), ("9999999999", "more than a year")])
def test_feeds_not_asked_for_their_hosts_long_retry_after_are_waiting_not_failed(
    tmp_path, capsys, server, retry_after, asked
):
    db = str(tmp_path / "s.db")
    server.routes["/busy"] = Reply(503, headers={"Retry-After": retry_after})
    sitrep(capsys, "feeds", "add", server.url("/busy"), "--db", db)
    sitrep(capsys, "feeds", "add", server.url("/wire"), "--db", db)  # the same host: not asked
    status, out, err = sitrep(capsys, "fetch", "--json", "--db", db)
    assert status == 1  # for /busy, which did answer 503
    summary = json.loads(out)
    assert (summary["feeds"], summary["failed"], summary["waiting"], summary["fetched"]) == (2, 1, 1, 0)
    # one line, for /busy: what it asked for and what is scheduled (heeded up to a day)
    expected = f"HTTP 503 Service Unavailable (asked to come back in {asked}); due again in 24 h"
    assert err == f"sitrep: feed 1 {server.url('/busy')}: {expected}\n"
    _, out, _ = sitrep(capsys, "feeds", "list", "--json", "--db", db)
    busy, wire = [json.loads(line) for line in out.splitlines()]
    assert (busy["errors"], busy["last_error"]) == (1, expected)
    held = f"not asked: {server.url('')} asked to be left alone; due again in 24 h"
    assert (wire["errors"], wire["last_error"]) == (0, held)
    for feed in (busy, wire):
        assert 86400 - 60 <= _due_in(feed) <= 86400
    status, out, _ = sitrep(capsys, "feeds", "list", "--db", db)
    assert "waiting: not asked" in out.splitlines()[2]


def test_a_server_asking_to_be_left_alone_puts_off_no_other_port_of_its_host(tmp_path, capsys, server):
    db = str(tmp_path / "s.db")
    with FeedServer() as busy:
        busy.routes["/busy"] = Reply(503, headers={"Retry-After": "99999"})
        sitrep(capsys, "feeds", "add", busy.url("/busy"), "--db", db)
        sitrep(capsys, "feeds", "add", server.url("/wire"), "--db", db)  # 127.0.0.1 too, on another port
        status, out, err = sitrep(capsys, "fetch", "--json", "--db", db)
    summary = json.loads(out)
    assert (status, summary["failed"], summary["waiting"], summary["fetched"], summary["added"]) == (1, 1, 0, 1, 2)
    assert err.startswith(f"sitrep: feed 1 {busy.url('/busy')}: HTTP 503") and err.count("\n") == 1
    assert server.paths() == ["/wire"]


def test_fetch_all_takes_feeds_not_due_but_not_one_whose_server_asked_to_be_left_alone(tmp_path, capsys, server):
    db = str(tmp_path / "s.db")
    server.routes["/backoff"] = Reply(503)  # no time named: the feed's own backoff, which --all overrides
    with FeedServer() as busy:
        busy.routes["/busy"] = Reply(503, headers={"Retry-After": "7200"})
        for url in (busy.url("/busy"), server.url("/wire"), server.url("/backoff")):
            sitrep(capsys, "feeds", "add", url, "--db", db)
        assert sitrep(capsys, "fetch", "--db", db)[0] == 1
        status, out, err = sitrep(capsys, "fetch", "--all", "--json", "--db", db)
        summary = json.loads(out)
        assert (status, summary["feeds"], summary["fetched"], summary["failed"], summary["waiting"]) == (1, 3, 1, 1, 1)
        assert err == f"sitrep: feed 3 {server.url('/backoff')}: HTTP 503 Service Unavailable\n"
        assert busy.paths() == ["/busy"]  # not asked again
        assert server.paths() == ["/wire"] + ["/backoff"] * 3 + ["/wire"] + ["/backoff"] * 3  # (3: tried twice more)
        _, out, _ = sitrep(capsys, "feeds", "list", "--json", "--db", db)
        held = json.loads(out.splitlines()[0])
        assert held["errors"] == 1  # (from the 503: not asked since, it has not failed again)
        assert held["last_error"].startswith(f"not asked: {busy.url('')} asked to be left alone; due again in ")
        assert 7200 - 60 <= _due_in(held) <= 7200
        with sqlite3.connect(db) as conn:  # two hours later: the wait is over
            conn.execute("UPDATE feeds SET not_before = '2024-01-01T00:00:00+00:00' WHERE id = 1")
        status, out, _ = sitrep(capsys, "fetch", "--all", "--json", "--db", db)
        assert json.loads(out)["waiting"] == 0 and busy.paths() == ["/busy", "/busy"]


def test_an_etag_that_cannot_be_sent_back_or_a_redirect_to_no_address_fails_at_most_its_feed(tmp_path, capsys, server):
    """Each stopped every feed of the run ("unexpected error"), and the ETag every later run too."""
    db = str(tmp_path / "s.db")
    text = "Shelling hit Kherson on Friday, wounding two people, the regional governor said."
    items = [{"title": "Kherson", "guid": "k1", "description": text}]
    server.routes["/odd"] = Reply(200, rss("Odd Wire", items), {"ETag": '"caf\u00e9"'})  # (sent as Latin-1)
    server.routes["/lost"] = Reply(302, headers={"Location": "http://[x/"})
    for path in ("/wire", "/odd", "/lost"):
        sitrep(capsys, "feeds", "add", server.url(path), "--db", db)
    for args in (["fetch"], ["fetch", "--all"]):
        status, out, err = sitrep(capsys, *args, "--json", "--db", db)
        assert (status, json.loads(out)["fetched"], json.loads(out)["failed"]) == (1, 2, 1)
        assert err == f"sitrep: feed 3 {server.url('/lost')}: redirected to an invalid address (http://[x/)\n"
    odd = [request for request in server.log if request.path == "/odd"]
    assert len(odd) == 2 and "if-none-match" not in odd[1].headers


def test_a_round_whose_feeds_all_wait_is_no_failure(tmp_path, capsys, server, monkeypatch):
    """As in a watch, whose fetcher keeps a host's wish to be left alone from one round to the next."""
    db = str(tmp_path / "s.db")
    server.routes["/busy"] = Reply(429, headers={"Retry-After": "7200"})
    sitrep(capsys, "feeds", "add", server.url("/wire"), "--db", db)
    time = FakeTime()
    held = Fetcher(Politeness(pause=0), clock=time.clock, sleep=time.sleep)
    with pytest.raises(FetchError):
        held.get(server.url("/busy"), max_bytes=1000)
    monkeypatch.setattr(cli, "make_fetcher", lambda: held)
    status, out, err = sitrep(capsys, "fetch", "--db", db)
    assert (status, err) == (0, "")
    assert out == "feeds 1: fetched 0, not modified 0, failed 0, waiting 1; added 0, already present 0\n"
    assert server.paths() == ["/busy"]
    _, out, _ = sitrep(capsys, "feeds", "list", "--json", "--db", db)
    (wire,) = [json.loads(line) for line in out.splitlines()]
    # put off for the wait asked for (longer than its interval), and saying so
    assert wire["errors"] == 0 and wire["last_error"].endswith("; due again in 2 h")
    assert 7200 - 60 <= _due_in(wire) <= 7200


@pytest.fixture
def start():
    """``start(*args, **popen)``: sitrep in a real process, killed at the end if a test failed first."""
    started: list[subprocess.Popen] = []

    def run(*args: str, **popen) -> subprocess.Popen:
        started.append(subprocess.Popen([*INTERRUPTIBLE, *args], cwd=REPO, env={**os.environ, **NO_PROXY}, **popen))
        return started[-1]

    yield run
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# sitrep as a terminal starts it: Ctrl+C (SIGINT) interrupts it. A test run started in the background
# by a shell without job control ignores SIGINT, and its children would inherit that.
INTERRUPTIBLE = [
    SITREP[0],
    "-c",
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from tui.cli import main; sys.exit(main())",
]


def _line(stream, timeout: float = 60) -> str:
    """The next line of a process's output, or "" when none comes within ``timeout``."""
    return stream.readline() if select.select([stream], [], [], timeout)[0] else ""


def test_fetch_in_a_real_process_never_shows_a_traceback(tmp_path, server):
    server.routes["/broken"] = Reply(200, b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</ti")
    db = str(tmp_path / "s.db")
    run_sitrep("feeds", "add", server.url("/wire"), "--db", db)
    run_sitrep("feeds", "add", server.url("/broken"), "--db", db)
    result = run_sitrep("fetch", "--db", db, env=NO_PROXY)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout == "feeds 2: fetched 1, not modified 0, failed 1; added 2, already present 0\n"
    assert result.stderr == f"sitrep: feed 2 {server.url('/broken')}: broken XML (unclosed token, line 1)\n"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_watch_ends_cleanly_on_ctrl_c_or_sigterm(tmp_path, server, start, stop):
    db = tmp_path / "s.db"
    run_sitrep("feeds", "add", server.url("/wire"), "--db", str(db))
    proc = start("watch", "--db", str(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = _line(proc.stdout)  # the first round's summary
    proc.send_signal(stop)
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and first.endswith(
        "feeds 1: fetched 1, not modified 0, failed 0; added 2, already present 0\n"
    )
    assert rest == "" and err == "sitrep: stopped watching\n"
    assert_store_sound(db)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_watch_goes_on_past_a_next_due_time_written_by_hand(tmp_path, server, start):
    db = tmp_path / "s.db"
    run_sitrep("feeds", "add", server.url("/wire"), "--db", str(db))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE feeds SET next_due = 'tomorrow'")
    proc = start("watch", "--db", str(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = _line(proc.stdout)  # due now: the first round's summary
    proc.send_signal(signal.SIGTERM)
    rest, err = proc.communicate(timeout=60)
    assert first.endswith("feeds 1: fetched 1, not modified 0, failed 0; added 2, already present 0\n")
    assert (proc.returncode, rest, err) == (0, "", "sitrep: stopped watching\n")


def test_ctrl_c_in_the_middle_of_a_fetch_writes_nothing_half(tmp_path, server, start):
    server.routes["/never"] = Reply(hold=True)
    db = tmp_path / "s.db"
    run_sitrep("feeds", "add", server.url("/never"), "--db", str(db))
    before = sqlite3.connect(db).execute("SELECT * FROM feeds").fetchall()
    proc = start("watch", "--db", str(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: "/never" in server.paths())
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out == "" and err == "sitrep: stopped watching\n"
    assert sqlite3.connect(db).execute("SELECT * FROM feeds").fetchall() == before
    assert_store_sound(db)


def test_fetch_shows_progress_on_a_terminal(tmp_path, server, start):
    db = str(tmp_path / "s.db")
    run_sitrep("feeds", "add", server.url("/wire"), "--db", db)
    primary, secondary = pty.openpty()
    proc = start("fetch", "--db", db, stdout=subprocess.PIPE, stderr=secondary, stdin=subprocess.DEVNULL)
    os.close(secondary)
    seen = b""
    while select.select([primary], [], [], 60)[0]:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(primary)
    assert proc.returncode == 0 and b"Traceback" not in seen
    assert out == b"feeds 1: fetched 1, not modified 0, failed 0; added 2, already present 0\n"


def test_a_feed_password_is_used_to_fetch_and_never_shown(tmp_path, capsys, server):
    expected = "Basic " + base64.b64encode(b"analyst:s3cret").decode()

    def private(request):
        if request.headers.get("authorization") != expected:
            return Reply(401, b"who are you?")
        items = [
            {"title": "Clashes", "link": "/private/goma", "content": f"<p>{GOMA}</p>"},
            {"title": "Talks", "guid": "talks-1", "content": f"<p>{DOHA}</p>"},
        ]
        return Reply(200, rss("Private Wire", items))

    server.routes["/private"] = private
    feed_url = server.url("/private").replace("http://", "http://analyst:s3cret@")
    shown = server.url("/private").replace("http://", "http://analyst:***@")
    wrong = server.url("/private").replace("http://", "http://analyst:wrong@")
    db = str(tmp_path / "s.db")
    outputs = [sitrep(capsys, "feeds", "add", feed_url, "--db", db), sitrep(capsys, "feeds", "add", wrong, "--db", db)]
    assert outputs[0] == (0, f"following feed 1 {shown} (every 30m)\n", "")
    outputs.append(sitrep(capsys, "fetch", "--db", db))
    assert outputs[-1][0] == 1 and outputs[-1][1].endswith("failed 1; added 2, already present 0\n")
    assert outputs[-1][2] == f"sitrep: feed 2 {shown}: HTTP 401 Unauthorized\n"
    outputs += [sitrep(capsys, "feeds", "list", "--db", db), sitrep(capsys, "feeds", "list", "--json", "--db", db)]
    assert shown in outputs[-2][1] and [json.loads(line)["url"] for line in outputs[-1][1].splitlines()] == [shown] * 2
    outputs.append(sitrep(capsys, "feeds", "remove", "2", "--db", db))
    assert outputs[-1][1] == f"no longer following feed 2 {shown} (its articles stay)\n"
    assert not any("s3cret" in out + err or "wrong" in out + err for _, out, err in outputs)
    stored = sqlite3.connect(db).execute("SELECT ref || ' ' || coalesce(url, '') FROM articles").fetchall()
    assert sorted(stored) == [(f"{shown}#talks-1 ",), (f"{shown}/goma {shown}/goma",)]  # a relative link too
    assert sqlite3.connect(db).execute("SELECT url FROM feeds").fetchall() == [(feed_url,)]  # kept, to fetch with


def test_the_same_feed_written_another_way_is_already_followed(tmp_path, capsys, server):
    url = server.url("/wire")
    db = str(tmp_path / "s.db")
    assert sitrep(capsys, "feeds", "add", url.replace("http://", "HTTP://") + "#latest", "--db", db) == (
        0,
        f"following feed 1 {url} (every 30m)\n",
        "",
    )
    assert sitrep(capsys, "feeds", "add", url, "--db", db)[1] == f"already following feed 1 {url} (every 30m)\n"
    legacy = str(tmp_path / "legacy.db")  # a store that kept the address as it was given
    open_store(legacy).close()
    with sqlite3.connect(legacy) as conn:
        conn.execute(
            "INSERT INTO feeds (url, every, next_due, added_at) VALUES (?, 1800, '2000-01-01', '2000-01-01')",
            (url.replace("http://", "HTTP://") + "#latest",),
        )
    status, out, _ = sitrep(capsys, "feeds", "add", url, "--tag", "wire", "--db", legacy)
    assert status == 0 and out.startswith("already following feed 1 HTTP://")
    assert sitrep(capsys, "fetch", "--db", legacy)[:2] == (
        0,
        "feeds 1: fetched 1, not modified 0, failed 0; added 2, already present 0\n",
    )
