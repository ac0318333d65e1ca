"""Profile the single writer of ingest: where its time goes, article by article, up to 100k articles.

    .venv/bin/python bench/make_corpus.py 100000 bench/out/corpus100k.jsonl
    .venv/bin/python bench/writer_profile.py bench/out/corpus100k.jsonl [--articles 100000] [--window 10000]

Extraction is done first, across the cores, and kept in ``bench/out/extracted-N.pickle`` (the
same results serve every later run, before and after a change to the writer). Then the articles
are written into a fresh store exactly as ``sitrep ingest`` writes them (chunks of 32, one
transaction each, one ``WriteCache``, the garbage collector settled after each chunk; each chunk's
results go through pickle as they come from the worker processes), in this one process, and the script
prints:
- the writer's CPU time per article for each window of ``--window`` articles (how it grows with
  the store), and for the last window the cProfile of the writer: the functions and SQL
  statements that take the time;
- the bytes a chunk's results take through pickle, and the time to unpickle them (the writer's
  share of the process pool's cost).
CPU time (``time.process_time``), so that other work on the machine does not count.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import re
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.gcpause import gc_settled  # noqa: E402
from store.db import open_store  # noqa: E402
from store.ingest import CHUNK, Workers, extract_chunk  # noqa: E402
from store.readers import RawArticle  # noqa: E402


def read_corpus(path: Path, n: int) -> list[RawArticle]:
    articles = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if len(articles) == n:
                break
            item = json.loads(line)
            articles.append(
                RawArticle(
                    item["id"],
                    item["text"].strip(),
                    title=item.get("title"),
                    url=item.get("url"),
                    outlet=item.get("outlet"),
                    published=item.get("published"),
                )
            )
    return articles


def extracted(articles: list[RawArticle], cache: Path) -> list[bytes]:
    """Each chunk's extraction results, pickled as the process pool hands them over."""
    if cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    pool = Workers()
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    futures = [pool.submit(extract_chunk, [(a.text, a.published) for a in chunk]) for chunk in chunks]
    out = [pickle.dumps(f.result(), protocol=pickle.HIGHEST_PROTOCOL) for f in futures]
    pool.close()
    with open(cache, "wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--window", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "writer.db")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="tottime", help="the profile's order (pstats: tottime, cumulative, ...)")
    parser.add_argument(
        "--extracted",
        type=Path,
        help="extraction results kept by an earlier run (default: by "
        "the version of extract/ and the pool's output shape)",
    )
    args = parser.parse_args()

    articles = read_corpus(args.corpus, args.articles)
    cache = args.extracted or args.corpus.with_name(f"extracted-{len(articles)}-{_code_version()}.pickle")
    started = time.perf_counter()
    payloads = extracted(articles, cache)[: -(-len(articles) // CHUNK)]  # (a bigger run's results: its first)
    print(
        f"extraction: {'read from ' + cache.name if time.perf_counter() - started < 60 else 'done'} "
        f"({len(payloads)} chunks, {sum(map(len, payloads)) / len(articles):.0f} pickled bytes/article)"
    )

    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    db = open_store(args.db)
    conn = db
    from store.db import write_transaction as _write_transaction
    from store.writer import WriteCache, write_article

    cache_ = WriteCache()
    profile = cProfile.Profile()
    statements = StatementTimes()
    window_cpu = 0.0
    unpickle_cpu = 0.0
    done = 0
    last_window = (len(articles) - 1) // args.window
    print(f"{'articles':>10} {'writer ms/article (CPU)':>24} {'unpickle ms/article':>20}")
    with gc_settled() as settle:  # as ingest does: what the writer keeps is walked by the collector once
        for index, payload in enumerate(payloads):
            chunk = articles[index * CHUNK : (index + 1) * CHUNK]
            in_last = done // args.window == last_window
            t0 = time.process_time()
            results = pickle.loads(payload)
            t1 = time.process_time()
            if in_last:
                profile.enable()
                statements.install()
            with _write_transaction(conn):
                for article, result in zip(chunk, results):
                    extraction, signature = result if isinstance(result, tuple) else (result, None)
                    if isinstance(extraction, str):
                        continue
                    if signature is None:
                        write_article(conn, article, extraction, cache_)
                    else:
                        write_article(conn, article, extraction, cache_, signature)
                grouper = getattr(cache_, "grouper", None)
                if grouper is not None:
                    grouper.flush(conn, summaries=None)  # as ingest does
            if in_last:
                profile.disable()
                statements.remove()
            t2 = time.process_time()
            window_cpu += t2 - t1
            unpickle_cpu += t1 - t0
            settle()
            before = done
            done += len(chunk)
            if done // args.window != before // args.window or done == len(articles):
                n = done - (before // args.window) * args.window
                # (the last window runs under cProfile, which about doubles its time: not growth of the store)
                note = "  (profiled: cProfile's overhead included)" if in_last else ""
                print(f"{done:>10} {window_cpu / n * 1000:>24.2f} {unpickle_cpu / n * 1000:>20.2f}{note}", flush=True)
                window_cpu = unpickle_cpu = 0.0
    grouper = getattr(cache_, "grouper", None)
    if grouper is not None:  # the end of the run: what it left stale
        t0 = time.process_time()
        with _write_transaction(conn):
            grouper.flush(conn, summaries=True)
        print(
            f"final refresh of incidents left stale: {(time.process_time() - t0) / len(articles) * 1000:.2f} ms/article"
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"store: {args.db.stat().st_size / 1e6:.0f} MB")
    print(f"\nthe writer's profile over the last {args.window} articles (CPU, cProfile's overhead included):")
    stats = pstats.Stats(profile)
    stats.sort_stats(args.sort).print_stats(args.top)
    print_grouping_share(stats)
    print(f"the SQL statements of the last {args.window} articles (CPU of execute/executemany, cProfile's included):")
    statements.report(args.top, args.window)
    conn.close()


def print_grouping_share(stats: pstats.Stats) -> None:
    """The share of the writer's time spent grouping events into incidents (cumulative times)."""
    cumulative: dict[str, float] = {}
    for (filename, _, name), (_, _, _, cum, _) in stats.stats.items():
        if filename.endswith(("store/writer.py", "store/incidents.py")):
            cumulative[f"{Path(filename).stem}.{name}"] = cum
    writer = cumulative.get("writer.write_article", 0.0) + cumulative.get("incidents.flush", 0.0)
    grouping = cumulative.get("incidents.add_article", 0.0) + cumulative.get("incidents.flush", 0.0)
    if writer:
        print(
            f"grouping (Grouper.add_article and flush): {grouping:.1f} s of the writer's {writer:.1f} s "
            f"({grouping / writer:.0%}); the writer without it: {writer - grouping:.1f} s\n"
        )


class StatementTimes:
    """CPU time per SQL statement text (whitespace folded, IN-lists of marks shortened), by wrapping
    the store connection class's execute and executemany while installed."""

    def __init__(self) -> None:
        from collections import defaultdict

        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._saved: dict[str, object] = {}

    def install(self) -> None:
        from store.db import StoreConnection

        for name in ("execute", "executemany"):
            original = getattr(sqlite3.Connection, name)
            self._saved[name] = StoreConnection.__dict__.get(name)

            def timed(conn, sql, *args, _original=original):
                t0 = time.process_time()
                try:
                    return _original(conn, sql, *args)
                finally:
                    key = _MARKS.sub("?,...", " ".join(sql.split()))
                    self.cpu[key] += time.process_time() - t0
                    self.calls[key] += 1

            setattr(StoreConnection, name, timed)

    def remove(self) -> None:
        from store.db import StoreConnection

        for name, saved in self._saved.items():
            if saved is None:
                delattr(StoreConnection, name)
            else:
                setattr(StoreConnection, name, saved)

    def report(self, top: int, articles: int) -> None:
        print(f"{'ms/article':>10} {'calls':>8}  statement")
        for key, cpu in sorted(self.cpu.items(), key=lambda kv: -kv[1])[:top]:
            print(f"{cpu / articles * 1000:>10.3f} {self.calls[key]:>8}  {key[:150]}")


_MARKS = re.compile(r"\?(?:\s*,\s*\?)+")


def _code_version() -> str:
    """Extraction results are kept per version of extract/ and of the pool's output shape."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted((ROOT / "extract").rglob("*.py")):
        digest.update(path.read_bytes())
    digest.update(b"sketch" if (ROOT / "store" / "sketch.py").exists() else b"")  # results with sketches
    return digest.hexdigest()[:10]


if __name__ == "__main__":
    main()
