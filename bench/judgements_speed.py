"""What the analyst's judgements cost: the writer's look for judgements of each article it
writes, judging, re-extraction with judgements to find again, and export.

    .venv/bin/python bench/judgements_speed.py [N_ARTICLES]

Articles are short reports with hand-built facts (two events, two claims, four places each; seven
reports a day, so incidents of a few reports), written through the store's writer, so the figures
are the store's (with its incident grouping) and not extraction's. Prints one line a
figure. Not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import dataclasses
import io
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from store import judgements, writer  # noqa: E402
from store.db import open_store  # noqa: E402
from store.export import export_jsonl  # noqa: E402
from store.judgements import Judge  # noqa: E402
from store.reextract import reextract  # noqa: E402
from store_fixtures import KURSK, kursk_article, kursk_extraction  # noqa: E402


def dated(extraction, i: int):
    """The report's events on a day of their own (a week of reports a day): incidents of a few
    reports each, as a real store has, not one incident of every article."""
    day = date(2024, 1, 1) + timedelta(days=i // 7)
    events = [
        dataclasses.replace(e, date=day.isoformat(), date_end=None, date_precision="day") for e in extraction.events
    ]
    return dataclasses.replace(extraction, events=events)


def write_all(path: Path, n: int, hook: bool) -> float:
    """Seconds a write of ``n`` articles takes (one transaction per 32, as ingest does)."""
    saved = writer.anchor_article
    if not hook:
        writer.anchor_article = lambda conn, article_id, digest=None: []
    db = open_store(path)
    conn = db.conn
    started = time.perf_counter()
    try:
        for first in range(0, n, 32):
            conn.execute("BEGIN IMMEDIATE")
            for i in range(first, min(n, first + 32)):
                text = f"{KURSK} Report number {i}."
                writer.write_article(conn, kursk_article(f"r{i}", text), dated(kursk_extraction(text), i))
            conn.execute("COMMIT")
    finally:
        writer.anchor_article = saved
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    folder = Path(tempfile.mkdtemp(prefix="sitrep-judgements-"))
    runs: dict[bool, list[float]] = {False: [], True: []}
    for k in range(3):  # in turns, so a busy machine slows both alike
        for hook in (False, True):
            runs[hook].append(write_all(folder / f"{'hook' if hook else 'plain'}{k}.db", n, hook))
    without, with_hook = min(runs[False]), min(runs[True])
    print(
        f"writer, {n} articles: {without / n * 1e3:.3f} ms/article without the judgements' look, "
        f"{with_hook / n * 1e3:.3f} ms with it ({(with_hook / without - 1) * 100:+.1f}%)"
    )

    db = open_store(folder / "hook0.db")
    conn = db.conn
    texts = conn.execute("SELECT id, text FROM articles").fetchall()
    started = time.perf_counter()
    for article_id, text in texts:
        judgements.anchor_article(conn, article_id, writer.text_hash(text))
    print(
        f"  the look alone (hash and one indexed query): "
        f"{(time.perf_counter() - started) / len(texts) * 1e6:.1f} us/article"
    )
    judge = Judge(conn, "bench")
    events = conn.execute("SELECT id, date FROM events ORDER BY id LIMIT ?", (n // 2,)).fetchall()
    started = time.perf_counter()
    for event_id, day in events:  # each a day later than extraction said, and a figure of killed
        judge.set_status("event", event_id, "verified")
        judge.correct_event(event_id, date=(date.fromisoformat(day) + timedelta(days=1)).isoformat(), killed=4)
    elapsed = time.perf_counter() - started
    print(
        f"judging: {elapsed / (2 * len(events)) * 1e3:.2f} ms a judgement "
        f"({len(events)} events verified and corrected, each in its own transaction)"
    )

    some = list(range(1, n // 10 + 1))
    started = time.perf_counter()
    number = {text: i for i, (text,) in enumerate(conn.execute("SELECT text FROM articles ORDER BY id"))}
    reextract(db, some, extractor=lambda text, published: dated(kursk_extraction(text), number[text]))
    elapsed = time.perf_counter() - started
    found = conn.execute("SELECT count(*) FROM judgements WHERE kind = 'event' AND target_id IS NOT NULL").fetchone()[0]
    print(
        f"re-extraction (facts given): {elapsed / len(some) * 1e3:.2f} ms/article for {len(some)} articles; "
        f"{found} of {len(events)} event judgements attached afterwards"
    )

    out = io.StringIO()
    started = time.perf_counter()
    records = export_jsonl(db, out)
    elapsed = time.perf_counter() - started
    print(f"export jsonl: {records} records in {elapsed:.2f} s, {len(events)} judged events among them")
    waiting = judgements.anchor_waiting
    started = time.perf_counter()
    with judgements.write_transaction(conn):
        waiting(conn)
    print(f"anchor_waiting with nothing waiting: {(time.perf_counter() - started) * 1e3:.2f} ms")
    db.close()


if __name__ == "__main__":
    main()
