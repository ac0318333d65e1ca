"""Search benchmark: hit rates and speed on a store of 100k articles and >= 300k names, vs fzf.

    .venv/bin/python bench/search_speed.py [--names 320000] [--articles 100000]
        [--queries 1000] [--fzf-queries 200] [--ingest-articles 200] [--db PATH] [--seed 7]

Builds a store (synthetic names from ``bench/search_names.py`` inserted straight into entities,
sources and names; short articles straight into articles; no extraction, so it takes a minute),
then in one run prints:

- top-10 hit rate for queries with one typo or one transliteration difference (sampled names);
- the hit rate for the variant pairs of issue 5 (Kharkov -> Kharkiv, Київ -> Kyiv, ...);
- median and p95 milliseconds per query, all queries answered in this one process;
- ``fzf --filter QUERY`` over the same names (one name a line), median ms per query and its hit
  rate (or a note that fzf is missing);
- what computing the search and merge keys adds to ingest: time in ``search_key``/``merge_key``
  (uncached) while ``store.ingest`` ingests synthetic articles in this process, vs the ingest time.

Prints figures; not a test. Keep the defaults: the build is sized for two shared cores.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_names import VARIANT_PAIRS, Name, make_names, typo, variant  # noqa: E402

from store.db import open_store  # noqa: E402
from store.keys import merge_key, search_key  # noqa: E402
from store.search import search  # noqa: E402

SOURCE_PATTERNS = ["Governor of {}", "{} military administration", "Mayor of {}", "{} police"]
ARTICLE_TEMPLATE = (
    "Russian forces shelled {place} on {day}, the head of the {region} military administration, "
    "{person}, said on Telegram. At least {n} civilians were killed and {m} wounded, according to "
    "{person2}. Ukraine's General Staff reported fighting near {place2}, where the {unit} holds "
    "positions. {person3} told reporters that drones struck {place3} overnight."
)
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def build_store(
    path: Path, names: list[Name], n_articles: int, rng: random.Random, write: bool = True
) -> dict[str, int]:
    """Insert the names as entities (and some as sources) and n_articles short articles.

    With write=False only the entity ids are worked out (for a store built before by the same
    command with the same seed)."""
    entity_of: dict[str, int] = {}
    famous = {name for _, name, _, _ in VARIANT_PAIRS}
    merge_keys: set[tuple[str, str]] = set()
    entity_rows, name_rows = [], []
    next_id = 1
    for name in names:
        mk = (name.type, merge_key(name.name))
        if mk in merge_keys:  # another synthetic name that is the same name spelt otherwise
            continue
        merge_keys.add(mk)
        mentions = min(5000, int(rng.paretovariate(1.1)))
        if name.name in famous:  # the real names of the variant pairs are much in the news
            mentions = max(mentions, 500 + rng.randint(0, 4500))
        entity_rows.append((next_id, name.type, name.name, mk[1], mentions, rng.randint(0, mentions)))
        for alias in [name.name, *name.aliases]:
            name_rows.append(("entity", next_id, alias, search_key(alias)))
        entity_of[name.name] = next_id
        next_id += 1
    places = [n.name for n in names if n.type == "place"]
    source_rows, seen_sources = [], set()
    for place in rng.sample(places, min(4000, len(places))):
        source = rng.choice(SOURCE_PATTERNS).format(place)
        if merge_key(source) in seen_sources:
            continue
        seen_sources.add(merge_key(source))
        source_id = len(source_rows) + 1
        source_rows.append((source_id, source, merge_key(source), "government", rng.randint(0, 40)))
        name_rows.append(("source", source_id, source, search_key(source)))
    if not write:
        return entity_of
    db = open_store(path)
    conn = db
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        conn.executemany(
            "INSERT INTO entities (id, type, name, merge_key, n_mentions, n_events) VALUES (?, ?, ?, ?, ?, ?)",
            entity_rows,
        )
        conn.executemany(
            "INSERT INTO sources (id, name, merge_key, type, n_claims) VALUES (?, ?, ?, ?, ?)", source_rows
        )
        conn.executemany("INSERT INTO names (owner, owner_id, name, key) VALUES (?, ?, ?, ?)", name_rows)
    people = [n.name for n in names if n.type == "person"]
    units = [n.name for n in names if n.type == "organization"] or ["3rd Assault Brigade"]
    article_rows = []
    for i in range(n_articles):
        text = ARTICLE_TEMPLATE.format(
            place=rng.choice(places),
            day=rng.choice(DAYS),
            region=rng.choice(places),
            person=rng.choice(people),
            n=rng.randint(1, 40),
            m=rng.randint(1, 90),
            person2=rng.choice(people),
            place2=rng.choice(places),
            unit=rng.choice(units),
            person3=rng.choice(people),
            place3=rng.choice(places),
        )
        digest = hashlib.sha256(f"{i}:{text}".encode()).hexdigest()
        article_rows.append((f"bench/{i}.txt", text, digest, "2024-12-16", "2024-12-16T00:00:00"))
    with conn:
        conn.executemany(
            "INSERT INTO articles (ref, text, hash, published, ingested_at) VALUES (?, ?, ?, ?, ?)",
            article_rows,
        )
    conn.execute("PRAGMA optimize")
    db.close()
    return entity_of


def make_queries(names: list[Name], entity_of: dict[str, int], count: int, rng: random.Random):
    """(query, entity id, how it was made): half one typo, half one transliteration difference."""
    real = {name for _, name, _, _ in VARIANT_PAIRS}
    pool = [n for n in names if n.name in entity_of and n.name not in real]
    queries = []
    for i, name in enumerate(rng.sample(pool, count)):
        if i % 2:
            queries.append((variant(name, rng), entity_of[name.name], "variant", name))
        else:
            queries.append((typo(name.name, rng), entity_of[name.name], "typo", name))
    return queries


def run_engine(db, queries) -> tuple[list[bool], list[float]]:
    hits, times = [], []
    for query, entity_id, _, _ in queries:
        start = time.perf_counter()
        results = search(db, query, limit=10)
        times.append((time.perf_counter() - start) * 1000)
        hits.append(any(r.kind == "entity" and r.id == entity_id for r in results))
    return hits, times


def run_fzf(names_file: Path, queries) -> tuple[list[bool], list[float]] | None:
    fzf = shutil.which("fzf")
    if not fzf:
        return None
    hits, times = [], []
    for query, _, _, name in queries:
        start = time.perf_counter()
        done = subprocess.run([fzf, "--filter", query], stdin=names_file.open("rb"), capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
        top = done.stdout.decode("utf-8", "replace").splitlines()[:10]
        hits.append(any(line in (name.name, *name.aliases) for line in top))
    return hits, times


def ingest_overhead(n_articles: int, names: list[Name], rng: random.Random) -> tuple[float, float, int]:
    """(seconds of ingest, seconds in search_key + merge_key uncached, key calls) in one process."""
    import store.writer as writer
    from store.ingest import ingest_articles
    from store.readers import RawArticle

    spent = [0.0, 0]
    raw_search, raw_merge = search_key.__wrapped__, merge_key.__wrapped__

    def timed(function):
        def wrapper(name):
            start = time.perf_counter()
            try:
                return function(name)
            finally:
                spent[0] += time.perf_counter() - start
                spent[1] += 1

        return wrapper

    articles = []
    try:  # the ingest benchmark's corpus: varied wire copy from several theatres
        from datetime import date

        from make_corpus import make_article

        for i in range(n_articles):
            made = make_article(rng, i, date(2024, 1, 1))
            articles.append(
                RawArticle(f"ingest/{i}.txt", made["text"], title=made["title"], published=made["published"])
            )
    except ImportError:  # or short articles full of the synthetic names
        places = [n.name for n in names if n.type == "place"]
        people = [n.name for n in names if n.type == "person"]
        units = [n.name for n in names if n.type == "organization"]
        for i in range(n_articles):
            text = ARTICLE_TEMPLATE.format(
                place=rng.choice(places),
                day=rng.choice(DAYS),
                region=rng.choice(places),
                person=rng.choice(people),
                n=rng.randint(1, 40),
                m=rng.randint(1, 90),
                person2=rng.choice(people),
                place2=rng.choice(places),
                unit=rng.choice(units),
                person3=rng.choice(people),
                place3=rng.choice(places),
            )
            articles.append(RawArticle(ref=f"ingest/{i}.txt", text=text, published="2024-12-16"))
    seed = Path(__file__).resolve().parent.parent / "seeds"
    with tempfile.TemporaryDirectory() as folder:
        db = open_store(Path(folder) / "ingest.db")
        saved = writer.search_key, writer.merge_key
        writer.search_key, writer.merge_key = timed(raw_search), timed(raw_merge)
        try:
            from store.ingest import read_inputs

            start = time.perf_counter()
            ingest_articles(db, [*read_inputs([str(seed)]), *articles], workers=0)
            total = time.perf_counter() - start
        finally:
            writer.search_key, writer.merge_key = saved
        db.close()
    return total, spent[0], spent[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=int, default=320_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--fzf-queries", type=int, default=200)
    parser.add_argument("--ingest-articles", type=int, default=200)
    parser.add_argument("--db", type=Path, help="store to build (default: a temporary file)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="search the store at --db built before")
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest measurement")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"
    reuse = args.reuse and args.db is not None and path.exists()
    if path.exists() and not reuse:
        path.unlink()
    start = time.perf_counter()
    names = make_names(args.names, rng)
    entity_of = build_store(path, names, args.articles, rng, write=not reuse)
    db = open_store(path, readonly=True)
    n_names = db.execute("SELECT count(DISTINCT name) FROM names").fetchone()[0]
    n_rows = db.execute("SELECT count(*) FROM names").fetchone()[0]
    n_articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(
        f"store: {n_articles} articles, {len(entity_of)} entities, {n_rows} name rows, "
        f"{n_names} distinct names; built in {time.perf_counter() - start:.0f} s"
    )

    queries = make_queries(names, entity_of, args.queries, rng)
    search(db, "warm up", limit=10)
    hits, times = run_engine(db, queries)
    by_how = {how: [h for h, q in zip(hits, queries) if q[2] == how] for how in ("typo", "variant")}
    print(
        f"sitrep search: top-10 hit rate {100 * sum(hits) / len(hits):.1f}% of {len(hits)} queries "
        f"(one typo {100 * sum(by_how['typo']) / len(by_how['typo']):.1f}%, one transliteration "
        f"difference {100 * sum(by_how['variant']) / len(by_how['variant']):.1f}%)"
    )
    print(
        f"sitrep search: median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms "
        f"per query (one process, {len(times)} queries)"
    )
    misses = [q for h, q in zip(hits, queries) if not h][:8]
    for query, _, how, name in misses:
        print(f"    missed ({how}): {query!r} for {name.name!r}")

    pair_hits, pair_total, pair_misses = 0, 0, []
    for _type, canonical, _, spellings in VARIANT_PAIRS:
        for spelling in spellings:
            results = search(db, spelling, limit=10)
            found = any(r.kind == "entity" and r.id == entity_of[canonical] for r in results)
            pair_hits += found
            pair_total += 1
            if not found:
                pair_misses.append(f"{spelling} -> {canonical}")
    print(
        f"variant pairs: {pair_hits}/{pair_total} found in the top 10 ({100 * pair_hits / pair_total:.1f}%)"
        + (f"; missed: {', '.join(pair_misses)}" if pair_misses else "")
    )

    names_file = Path(folder.name) / "names.txt"
    names_file.write_text(
        "\n".join(row[0] for row in db.execute("SELECT DISTINCT name FROM names")) + "\n", encoding="utf-8"
    )
    sample = queries[: args.fzf_queries]
    fzf = run_fzf(names_file, sample) if sample else None
    if not sample:
        pass
    elif fzf is None:
        print("fzf: not installed (apt-get install -y fzf); no comparison")
    else:
        fzf_hits, fzf_times = fzf
        _, our_times = run_engine(db, sample)
        print(
            f"fzf --filter: median {statistics.median(fzf_times):.1f} ms, p95 "
            f"{percentile(fzf_times, 0.95):.1f} ms per query ({len(sample)} queries over {n_names} names); "
            f"top-10 hit rate {100 * sum(fzf_hits) / len(fzf_hits):.1f}%"
        )
        print(f"sitrep search on the same {len(sample)} queries: median {statistics.median(our_times):.1f} ms")
    db.close()

    sample_names = [n.name for n in names[:20000]]
    start = time.perf_counter()
    for name in sample_names:
        search_key.__wrapped__(name)
    per_name = (time.perf_counter() - start) / len(sample_names) * 1e6
    print(f"search_key: {per_name:.1f} us per name (uncached, {len(sample_names)} names)")
    if args.no_ingest:
        return
    total, in_keys, calls = ingest_overhead(args.ingest_articles, names, rng)
    print(
        f"ingest: {args.ingest_articles + 1} articles in {total:.2f} s ({1000 * total / (args.ingest_articles + 1):.1f} "
        f"ms/article); search_key + merge_key (uncached) {in_keys * 1000:.0f} ms over {calls} calls "
        f"= {100 * in_keys / (total - in_keys):.1f}% added to ingest"
    )
    folder.cleanup()


if __name__ == "__main__":
    main()
