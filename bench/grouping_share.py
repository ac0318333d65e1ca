"""What incident grouping adds to ingest, measured in pairs so that a shared machine's load cancels out.

    .venv/bin/python bench/make_corpus.py 100000 bench/out/corpus100k.jsonl
    .venv/bin/python bench/grouping_share.py bench/out/corpus100k.jsonl [--articles 100000] [--window 10000]

Extraction results are made (or read) as ``bench/writer_profile.py`` makes them. Then every chunk of
32 articles is written twice, exactly as ``sitrep ingest`` writes it (one transaction, one
``WriteCache``, the grouper flushed before the commit): into a store that groups events into
incidents, and into one that does not (its writer's grouper does nothing). The order alternates
chunk by chunk, so that whatever else the machine does falls on both alike. CPU time
(``time.process_time``).

Prints, per window of ``--window`` articles, the writer's CPU per article with grouping and without,
and the difference; then the extraction's CPU per article (the first 1,000 articles again, in this
process) and grouping's share of ingest's CPU: what grouping adds over what ingest spends without
it (extraction, unpickling the results, the writer without grouping).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from writer_profile import _code_version, extracted, read_corpus  # noqa: E402

from extract.gcpause import gc_settled  # noqa: E402
from store.db import open_store, write_transaction  # noqa: E402
from store.ingest import CHUNK, extract_chunk  # noqa: E402
from store.writer import WriteCache, write_article  # noqa: E402


class NoGrouping:
    """A writer's grouper that groups nothing (the store is left without incidents)."""

    def add_article(self, conn, article_id: int) -> list[int]:
        return []

    def flush(self, conn, *, summaries: bool | None = True) -> None:
        return None

    def forget_place(self, entity_id: int) -> None:
        return None

    def clear(self) -> None:
        return None


def fresh_store(path: Path):
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return open_store(path)


def write_chunk(conn, cache: WriteCache, chunk, payload: bytes) -> float:
    """CPU seconds to unpickle and write one chunk's results, as ingest does."""
    started = time.process_time()
    results = pickle.loads(payload)
    with write_transaction(conn):
        for article, (extraction, signature) in zip(chunk, results):
            if not isinstance(extraction, str):
                write_article(conn, article, extraction, cache, signature)
        cache.grouper.flush(conn, summaries=None)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--window", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "share.db")
    parser.add_argument("--extracted", type=Path, help="extraction results kept by an earlier run")
    args = parser.parse_args()

    articles = read_corpus(args.corpus, args.articles)
    cache_file = args.extracted or args.corpus.with_name(f"extracted-{len(articles)}-{_code_version()}.pickle")
    payloads = extracted(articles, cache_file)[: -(-len(articles) // CHUNK)]  # (a bigger run's results: its first)
    grouped, plain = fresh_store(args.db), fresh_store(args.db.with_name(args.db.stem + "-plain.db"))
    with_cache, plain_cache = WriteCache(), WriteCache()
    plain_cache.grouper = NoGrouping()
    totals = {"grouped": 0.0, "plain": 0.0}
    window = {"grouped": 0.0, "plain": 0.0}
    done = 0
    print(f"{'articles':>10} {'writer ms/article, grouping':>28} {'without':>9} {'grouping adds':>14}")
    with gc_settled() as settle:
        for index, payload in enumerate(payloads):
            chunk = articles[index * CHUNK : (index + 1) * CHUNK]
            runs = [("grouped", grouped, with_cache), ("plain", plain, plain_cache)]
            for name, conn, cache in runs if index % 2 == 0 else runs[::-1]:
                window[name] += write_chunk(conn, cache, chunk, payload)
                settle()
            before, done = done, done + len(chunk)
            if done // args.window != before // args.window or done == len(articles):
                n = done - (before // args.window) * args.window
                g, p = (window[k] / n * 1000 for k in ("grouped", "plain"))
                print(f"{done:>10} {g:>28.2f} {p:>9.2f} {g - p:>14.2f}", flush=True)
                for k in window:
                    totals[k] += window[k]
                    window[k] = 0.0
    with write_transaction(grouped):  # what the run left stale, as ingest refreshes it at its end
        started = time.process_time()
        with_cache.grouper.flush(grouped, summaries=True)
        totals["grouped"] += time.process_time() - started
    grouped.close()
    plain.close()

    sample = articles[:1000]
    started = time.process_time()
    for i in range(0, len(sample), CHUNK):
        extract_chunk([(a.text, a.published) for a in sample[i : i + CHUNK]])
    extraction = (time.process_time() - started) / len(sample) * 1000
    g, p = (totals[k] / len(articles) * 1000 for k in ("grouped", "plain"))
    print(
        f"\nover {len(articles):,} articles: the writer {g:.2f} ms/article with grouping, {p:.2f} without "
        f"(+{g - p:.2f}); extraction {extraction:.2f} ms/article (first 1,000, with their sketches)\n"
        f"grouping adds {(g - p) / (extraction + p):.0%} to ingest's CPU "
        f"({extraction + g:.2f} ms/article against {extraction + p:.2f})"
    )


if __name__ == "__main__":
    main()
