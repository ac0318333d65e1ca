"""Judgements through a change of extractor, on real articles.

    git archive 1c88fbd~1 extract | tar -x -C OLD_DIR       # an older extract/ package (here: the rules
                                                            # before the learned event model)
    .venv/bin/python bench/judgements_reextract.py ARTICLES.jsonl OLD_DIR [N]

The first N articles (default 120) are extracted by the older extractor (in a subprocess that imports
it), stored, and judged as an analyst would: every event verified, and corrected (date, killed) where
it has them, every claim graded 2, every source graded C, a note on every event. Then the store
re-extracts them in place with today's extractor (store/reextract.py) and the script prints how many
judgements found their fact again at the same span, at a moved span (logged "reanchored"), or were
kept as orphaned, and checks that nothing was lost: every judgement, note and log entry is still in
the store, attached or listed. Not a test: it prints figures.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.db import open_store  # noqa: E402
from store.judgements import Judge, detached  # noqa: E402
from store.readers import RawArticle  # noqa: E402
from store.reextract import reextract  # noqa: E402
from store.writer import write_article  # noqa: E402

OLD = """
import pickle, sys, json
sys.path.insert(0, sys.argv[1])
from extract.pipeline import extract_article
items = json.load(sys.stdin)
sys.stdout.buffer.write(pickle.dumps([extract_article(text, published) for text, published in items]))
"""


def old_extractions(folder: str, items: list[tuple[str, str | None]]) -> list:
    done = subprocess.run(
        [sys.executable, "-c", OLD, folder], input=json.dumps(items).encode(), capture_output=True, check=True
    )
    extractions = pickle.loads(done.stdout)  # today's classes, filled with the old fields
    for extraction in extractions:
        for event in extraction.events:
            for name in ("incident",):  # fields today's model has and the old one did not
                try:
                    getattr(event, name)
                except AttributeError:
                    setattr(event, name, "")
    return extractions


def main() -> None:
    corpus, old, n = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 120
    rows = [json.loads(line) for line in Path(corpus).read_text(encoding="utf-8").splitlines()[:n]]
    items = [(r["text"], (r.get("published") or "")[:10] or None) for r in rows]
    extractions = old_extractions(old, items)
    path = Path(tempfile.mkdtemp(prefix="sitrep-reextract-")) / "s.db"
    db = open_store(path)
    conn = db.conn
    with conn:
        for row, extraction in zip(rows, extractions):
            write_article(conn, RawArticle(row["id"], row["text"], published=row.get("published")), extraction)
    judge = Judge(conn, "bench")
    made = Counter()
    for event_id, date, killed in conn.execute(
        "SELECT e.id, e.date, (SELECT count(*) FROM casualties k WHERE k.event_id = e.id AND k.kind = 'killed') "
        "FROM events e ORDER BY e.id"
    ).fetchall():
        judge.set_status("event", event_id, "verified")
        judge.note("event", event_id, "checked")
        made["event"] += 1
        if date and len(date) == 10:
            judge.correct_event(event_id, date=date)  # the same day: a correction recorded, nothing moved
        if killed:
            judge.correct_event(event_id, killed=1)
    for (claim_id,) in conn.execute("SELECT id FROM claims ORDER BY id").fetchall():
        judge.grade("claim", claim_id, "2")
        made["claim"] += 1
    for (source_id,) in conn.execute("SELECT id FROM sources ORDER BY id").fetchall():
        judge.grade("source", source_id, "C")
        made["source"] += 1
    before = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("judgements", "judgement_notes", "judgement_log")
    }
    spans = {r[0]: (r[1], r[2]) for r in conn.execute('SELECT id, start, "end" FROM judgements')}

    started = time.perf_counter()
    reextract(db)
    elapsed = time.perf_counter() - started

    after = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("judgements", "judgement_notes", "judgement_log")
    }
    outcome: dict[str, Counter] = {"event": Counter(), "claim": Counter(), "source": Counter()}
    for judgement_id, kind, target, start, end in conn.execute(
        "SELECT id, kind, target_id, start, \"end\" FROM judgements WHERE kind IN ('event', 'claim', 'source')"
    ):
        if target is None:
            outcome[kind]["orphaned"] += 1
        elif (start, end) == spans[judgement_id]:
            outcome[kind]["same span"] += 1
        else:
            outcome[kind]["moved (reanchored)"] += 1
    print(
        f"{n} articles; old extraction: {made['event']} events, {made['claim']} claims, {made['source']} sources "
        f"judged ({before['judgements']} judgements, {before['judgement_notes']} notes, "
        f"{before['judgement_log']} log entries)"
    )
    print(
        f"re-extraction with today's extractor: {elapsed:.1f} s; today's extraction finds "
        f"{conn.execute('SELECT count(*) FROM events').fetchone()[0]} events, "
        f"{conn.execute('SELECT count(*) FROM claims').fetchone()[0]} claims"
    )
    for kind, counts in outcome.items():
        total = sum(counts.values())
        shown = ", ".join(f"{what} {count} ({count / total:.0%})" for what, count in counts.most_common())
        print(f"  {kind} judgements: {shown}")
    listed = sum(1 for item in detached(conn) if item["state"] == "orphaned")
    print(
        f"nothing lost: judgements {before['judgements']} -> {after['judgements']}, notes "
        f"{before['judgement_notes']} -> {after['judgement_notes']}, log {before['judgement_log']} -> "
        f"{after['judgement_log']} (+ Sitrep's orphaned/reanchored entries); {listed} orphaned listed by J "
        "and exported"
    )
    db.close()


if __name__ == "__main__":
    main()
