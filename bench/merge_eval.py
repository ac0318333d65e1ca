"""How well entities and sources merge: the pairs of tests/merge_pairs.tsv, both directions.

    python bench/merge_eval.py [--store STORE.db] [--corpus FILE.jsonl] [--list]

Three measures, each as merged right (same pairs merged), missed (same pairs apart), wrongly
merged (different pairs merged) and kept apart (different pairs apart):

1. rules: the pairwise decision of store/merge.py (``same_entity`` / ``same_source``) on each pair;
2. store: each pair written as two one-name articles into a fresh store, through the writer (so
   the near-key lookups are measured too), name B after name A;
3. corpus: for the pairs marked ``corpus``, whether both names are one row of a store built from
   the real corpus (``--store``, or built from ``--corpus`` into a temporary file; names that
   extraction no longer finds are counted apart).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.model import Entity, Extraction, Source, Span  # noqa: E402
from store.db import open_store  # noqa: E402
from store.ingest import ingest_paths  # noqa: E402
from store.keys import merge_key  # noqa: E402
from store.merge import Named, same_entity, same_source  # noqa: E402
from store.readers import RawArticle  # noqa: E402
from store.writer import write_article  # noqa: E402

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "merge_pairs.tsv"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ukraine-war-news.jsonl"


@dataclass
class Pair:
    label: str  # same | different
    kind: str  # place, person, organization, group, or source:<type>
    a: str
    b: str
    where_a: str
    where_b: str
    origin: str  # corpus | hard

    @property
    def same(self) -> bool:
        return self.label == "same"

    def named(self, which: str) -> Named:
        name, where = (self.a, self.where_a) if which == "a" else (self.b, self.where_b)
        country, _, admin1 = where.partition("/")
        if self.kind.startswith("source:"):
            return Named(self.kind.split(":", 1)[1], name)
        return Named(self.kind, name, country or None, admin1 or None)


def read_pairs(path: Path = PAIRS) -> list[Pair]:
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 7 or fields[0] not in ("same", "different"):
            raise SystemExit(
                f"{path}:{number}: expected 7 tab-separated fields (same|different, kind, a, b, where a, where b, origin)"
            )
        pairs.append(Pair(*fields))
    return pairs


def rule_says(pair: Pair) -> bool:
    a, b = pair.named("a"), pair.named("b")
    return same_source(a, b) if pair.kind.startswith("source:") else same_entity(a, b)


def _article(name: str, number: int) -> tuple[RawArticle, Span]:
    text = f"{name} was mentioned in report {number}."
    return RawArticle(f"pair/{number}", text, published="2024-01-01"), Span.of(text, 0, len(name))


def store_says(pair: Pair, folder: Path, number: int) -> bool:
    """Write A then B into a fresh store; whether B joined A's row."""
    path = folder / f"pair{number}.db"
    db = open_store(path)
    ids = []
    owner = "source" if pair.kind.startswith("source:") else "entity"
    with db:
        for which in ("a", "b"):
            named = pair.named(which)
            article, span = _article(named.name, len(ids) + 1)
            if owner == "source":
                extraction = Extraction(sources=[Source("s", named.name, named.type)])
            else:
                extraction = Extraction(
                    entities=[Entity("e", named.type, named.name, [span], country=named.country, admin1=named.admin1)]
                )
            write_article(db, article, extraction)
            ids.append(
                db.execute(
                    "SELECT owner_id FROM names WHERE owner = ? AND name = ? ORDER BY id DESC LIMIT 1",
                    (owner, named.name.strip()),
                ).fetchone()[0]
            )
    db.close()
    return ids[0] == ids[1]


def corpus_says(conn: sqlite3.Connection, pair: Pair) -> bool | None:
    """Whether A and B, as articles of the corpus spell them, went to one row of the corpus store;
    None when one of them is not in it (extraction did not find it)."""
    owner = "source" if pair.kind.startswith("source:") else "entity"
    kind = "" if owner == "source" else pair.kind
    rows = []
    for name in (pair.a, pair.b):
        row = conn.execute(
            "SELECT owner_id FROM merge_keys WHERE owner = ? AND type = ? AND key = ?", (owner, kind, merge_key(name))
        ).fetchone()
        if row is None:
            return None
        rows.append(row[0])
    return rows[0] == rows[1]


def tally(pairs: list[Pair], says: list[bool | None]) -> dict[str, int]:
    counts = {"merged right": 0, "missed": 0, "wrongly merged": 0, "kept apart": 0, "absent": 0}
    for pair, merged in zip(pairs, says):
        if merged is None:
            counts["absent"] += 1
        elif pair.same:
            counts["merged right" if merged else "missed"] += 1
        else:
            counts["wrongly merged" if merged else "kept apart"] += 1
    return counts


def line(name: str, counts: dict[str, int]) -> str:
    same = counts["merged right"] + counts["missed"]
    different = counts["wrongly merged"] + counts["kept apart"]
    text = (
        f"{name:<8} merged right {counts['merged right']}/{same}, missed {counts['missed']}, "
        f"wrongly merged {counts['wrongly merged']}/{different}, kept apart {counts['kept apart']}"
    )
    return text + (f", absent {counts['absent']}" if counts["absent"] else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a store built from the corpus")
    parser.add_argument("--corpus", default=str(CORPUS), help="the corpus to build one from")
    parser.add_argument("--list", action="store_true", help="list the pairs each measure gets wrong")
    args = parser.parse_args()
    pairs = read_pairs()
    print(
        f"{len(pairs)} pairs: {sum(p.same for p in pairs)} same, {sum(not p.same for p in pairs)} different "
        f"({sum(p.origin == 'corpus' for p in pairs)} from the corpus)"
    )
    with tempfile.TemporaryDirectory() as folder:
        measures = {
            "rules": [rule_says(p) for p in pairs],
            "store": [store_says(p, Path(folder), i) for i, p in enumerate(pairs)],
        }
        corpus_pairs = [p for p in pairs if p.origin == "corpus"]
        store = args.store
        if store is None and Path(args.corpus).exists():
            store = str(Path(folder) / "corpus.db")
            ingest_paths(open_store(store), [args.corpus])
        if store is not None:
            conn = sqlite3.connect(store)
            measures["corpus"] = [corpus_says(conn, p) for p in corpus_pairs]
            conn.close()
    for name, says in measures.items():
        chosen = corpus_pairs if name == "corpus" else pairs
        print(line(name, tally(chosen, says)))
        if args.list:
            for pair, merged in zip(chosen, says):
                if merged is not None and merged != pair.same:
                    print(f"    {'missed' if pair.same else 'WRONG '}  {pair.kind:<22} {pair.a}  |  {pair.b}")


if __name__ == "__main__":
    main()
