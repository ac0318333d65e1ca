"""Feed fetching: a first fetch of many feeds, then a second where every feed answers 304.

    .venv/bin/python bench/feeds_speed.py [--feeds 200] [--items 50] [--db bench/out/feeds.db]

A local server on 127.0.0.1 (the tests' ``feed_server``) serves ``--feeds`` RSS feeds of
``--items`` items each, articles from ``bench/make_corpus.py`` carried whole in
``content:encoded`` (so no linked page is fetched), each feed with an ETag that answers a
conditional GET with 304. A fresh store follows every feed; ``store.fetch.fetch_feeds`` then runs
twice in this process, as ``sitrep fetch`` does but with no pause between requests: all the feeds
share one host, and the pause (1 s by default) is politeness, not Sitrep's cost.

Prints the time of each fetch (the first split into fetching and reading the feeds, and extracting
and storing the articles) and the second as a share of the first. Prints figures; not a test.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from make_corpus import make_article  # noqa: E402

from feed_server import FeedServer, Reply, rss  # noqa: E402
from store.db import open_store  # noqa: E402
from store.feeds import add_feed, due_feeds  # noqa: E402
from store.fetch import fetch_feeds  # noqa: E402
from store.http import Fetcher, Politeness  # noqa: E402


def serve_feeds(server: FeedServer, feeds: int, items: int) -> list[str]:
    rng = random.Random(7)
    start = date(2023, 6, 1)
    urls = []
    for number in range(feeds):
        entries = []
        for index in range(number * items, (number + 1) * items):
            article = make_article(rng, index, start)
            body = "".join(f"<p>{paragraph}</p>" for paragraph in article["text"].split("\n\n"))
            entries.append(
                {
                    "title": article["title"],
                    "link": server.url(f"/article/{index}"),
                    "content": body,
                    "pubDate": f"{article['published']}T08:00:00Z",
                }
            )
        etag = f'"feed-{number}"'
        full = Reply(200, rss(f"Bench Wire {number}", entries), {"ETag": etag, "Content-Type": "application/rss+xml"})

        def answer(request, full=full, etag=etag):
            return Reply(304, headers={"ETag": etag}) if request.headers.get("if-none-match") == etag else full

        server.routes[f"/feed/{number}"] = answer
        urls.append(server.url(f"/feed/{number}"))
    return urls


def timed_fetch(db, fetcher: Fetcher) -> tuple[float, float, object]:
    """(total seconds, seconds until every feed was fetched and read, summary)."""
    marks: dict[str, float] = {}

    def on_progress(stage: str, done: int, total: int) -> None:
        if stage == "feeds" and done == total:
            marks["feeds"] = time.perf_counter()

    started = time.perf_counter()
    summary = fetch_feeds(db, due_feeds(db, everything=True), fetcher, on_progress=on_progress)
    ended = time.perf_counter()
    return ended - started, marks.get("feeds", ended) - started, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--db", default="bench/out/feeds.db")
    args = parser.parse_args()

    path = Path(args.db)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with FeedServer() as server:
        urls = serve_feeds(server, args.feeds, args.items)
        db = open_store(path)
        with db:
            for url in urls:
                add_feed(db, url)
        with Fetcher(Politeness(pause=0)) as fetcher:
            first, first_feeds, one = timed_fetch(db, fetcher)
            second, _, two = timed_fetch(db, fetcher)
        db.close()
    print(f"{args.feeds} feeds x {args.items} items on 127.0.0.1, no pause between requests")
    print(
        f"first fetch:  {first:8.2f} s  (feeds fetched and read {first_feeds:.2f} s, articles extracted and "
        f"stored {first - first_feeds:.2f} s): {one.line()}"
    )
    print(f"second fetch: {second:8.2f} s  (every feed answers 304): {two.line()}")
    print(f"second / first: {second / first:.2%}  ({first / second:.0f}x faster)")


if __name__ == "__main__":
    main()
