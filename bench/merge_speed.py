"""Merging at scale: the writer's cost of near-key lookups, and what merges among many names.

    python bench/merge_speed.py [--names 300000] [--per-article 10]

Writes ``--names`` distinct synthetic names (bench/search_names.py: places, Slavic, Arabic,
African and Latin people, units) through the store's writer, ``--per-article`` to an article,
then the same number of articles again naming 5% of them in another spelling (a typo or another
romanisation); once with merging and once with the near-key lookup switched off. Prints names
written per second both ways, how many distinct names were merged into another (names that are
different by construction, so each is a merge the rules could not tell from a real one), and how
many of the other spellings joined their name's row.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_names import make_names, typo, variant  # noqa: E402

import store.merge as merge  # noqa: E402
from extract.model import Entity, Extraction, Span  # noqa: E402
from store.db import open_store  # noqa: E402
from store.keys import merge_key  # noqa: E402
from store.readers import RawArticle  # noqa: E402
from store.writer import WriteCache, write_article  # noqa: E402


def articles(names: list[tuple[str, str]], per_article: int, tag: str):
    for start in range(0, len(names), per_article):
        chunk = names[start : start + per_article]
        text = "; ".join(name for _, name in chunk) + f". ({tag} {start})"
        entities, at = [], 0
        for i, (type_, name) in enumerate(chunk):
            entities.append(Entity(f"e{i}", type_, name, [Span.of(text, at, at + len(name))]))
            at += len(name) + 2
        yield RawArticle(f"{tag}/{start}", text, published="2024-01-01"), Extraction(entities=entities)


def run(
    folder: Path, first: list[tuple[str, str]], second: list[tuple[str, str]], per_article: int, merging: bool
) -> tuple[float, Path]:
    path = folder / ("merge.db" if merging else "plain.db")
    db = open_store(path)
    cache = WriteCache()
    saved = merge.find_entity
    if not merging:
        merge.find_entity = lambda conn, new, key: None
    try:
        started = time.perf_counter()
        for batch in (first, second):
            items = list(articles(batch, per_article, "a" if batch is first else "b"))
            for chunk in range(0, len(items), 32):
                with db:
                    for article, extraction in items[chunk : chunk + 32]:
                        write_article(db, article, extraction, cache)
        elapsed = time.perf_counter() - started
    finally:
        merge.find_entity = saved
    db.close()
    return elapsed, path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=300_000)
    parser.add_argument("--per-article", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(11)
    made = make_names(args.names, rng)
    first = [(n.type, n.name) for n in made]
    chosen = rng.sample(range(len(made)), len(made) // 20)
    second_of = {}
    for i in chosen:
        other = variant(made[i], rng) if rng.random() < 0.5 else typo(made[i].name, rng)
        if merge_key(other) != merge_key(made[i].name):
            second_of[i] = other
    second = [(made[i].type, name) for i, name in second_of.items()]
    with tempfile.TemporaryDirectory() as folder:
        plain, _ = run(Path(folder), first, second, args.per_article, merging=False)
        merged, path = run(Path(folder), first, second, args.per_article, merging=True)
        conn = open_store(path)
        rows = {name: owner for name, owner in conn.execute("SELECT name, owner_id FROM names WHERE owner = 'entity'")}
        distinct = len({rows[name] for _, name in first})
        joined = sum(rows.get(name) == rows.get(made[i].name) for i, name in second_of.items())
        conn.close()
    total = len(first) + len(second)
    print(
        f"{len(first):,} distinct names, then {len(second):,} other spellings of 5% of them, "
        f"{args.per_article} names an article"
    )
    print(f"writer without near-key lookups: {plain:.1f} s ({total / plain:,.0f} names/s)")
    print(
        f"writer with merging:             {merged:.1f} s ({total / merged:,.0f} names/s), "
        f"{(merged - plain) / max(1, len(first) + len(second)) * 1e6:.0f} us more a name"
    )
    print(
        f"distinct names merged into another: {len(first) - distinct:,} of {len(first):,} "
        f"({(len(first) - distinct) / len(first):.2%})"
    )
    print(f"other spellings that joined their name: {joined:,} of {len(second):,} ({joined / max(1, len(second)):.0%})")


if __name__ == "__main__":
    main()
