"""Time ``sitrep ingest`` on a corpus and print articles per second and store bytes per article.

    python bench/make_corpus.py 10000 bench/out/corpus.jsonl
    python bench/ingest_speed.py bench/out/corpus.jsonl [--db bench/out/speed.db] [--keep] [--no-grouping]

The store is created fresh (removed first unless --keep). Figures: wall time of the real command
line in a subprocess (process start, pool, extraction, writing), articles/s, the store's size after
a WAL checkpoint divided by the articles stored, and the store's counts; and the CPU time of the
command and its worker processes (on a shared machine, what compares across runs). ``--no-grouping`` runs
the same ingest with incident grouping switched off: what grouping adds is the difference.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

# the writer's grouping switched off (measurement only: the store's events are left without incidents)
NO_GROUPING = (
    "from store import incidents; "
    "incidents.Grouper.add_article = lambda self, conn, article_id: []; "
    "incidents.Grouper.flush = lambda self, conn, summaries=True: None; "
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", help="files or folders to ingest")
    parser.add_argument("--db", default="bench/out/speed.db")
    parser.add_argument("--keep", action="store_true", help="ingest into the existing store (measures dedupe)")
    parser.add_argument(
        "--no-grouping",
        action="store_true",
        help="the same ingest with incident grouping switched off (what grouping adds is the difference)",
    )
    args = parser.parse_args()

    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [
        sys.executable,
        "-c",
        (NO_GROUPING if args.no_grouping else "") + "import sys; from tui.cli import main; sys.exit(main())",
        "ingest",
        *args.corpus,
        "--db",
        str(db),
        "--json",
    ]
    started = time.perf_counter()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "SITREP_DB": str(db)})
    elapsed = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (now.ru_utime - used.ru_utime) + (now.ru_stime - used.ru_stime)
    if result.returncode not in (0, 1):
        sys.exit(f"ingest failed ({result.returncode}): {result.stderr.strip()[:500]}")
    summary = json.loads(result.stdout)

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "events", "claims", "entities", "sources", "mentions")
    }
    text_bytes = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM articles").fetchone()[0] or 0
    conn.close()
    size = db.stat().st_size
    handled = summary["added"] + summary["already_present"]
    print(f"ingest: {summary}")
    print(
        f"time: {elapsed:.1f} s, {handled / elapsed:.0f} articles/s ({summary['added'] / elapsed:.0f} added/s), "
        f"{os.cpu_count()} cores"
    )
    # on a shared machine the wall time says more about the others' load than about the ingest
    print(
        f"cpu: {cpu:.1f} s (the command and its worker processes, user+sys), {cpu / max(handled, 1) * 1000:.2f} ms/article"
    )
    if counts["articles"]:
        print(
            f"store: {size / 1e6:.1f} MB, {size / counts['articles']:.0f} bytes/article "
            f"(article text itself {text_bytes / counts['articles']:.0f} bytes/article)"
        )
    print("counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
