"""How far independent labellers of real news agree (Cohen's kappa).

    python bench/agreement.py

Two independent readings are compared with the first labels (``bench/labels/ukraine_war_news.jsonl``),
sentence by sentence (the hashes must match), each made from the labelling guide alone (no sight of
the first labels, of each other, nor of the extractor's output), in the first labels' format:

- ``bench/labels/second_labeller.jsonl``: every sentence of 16 articles (453 sentences);
- ``bench/labels/third_reading.jsonl``: every sentence of all 350 articles (9,127), read by eight
  helpers, each a batch of whole articles;

and, for the real news pages (``bench/labels/pages_news.jsonl``, bench/pages_labels.py),
``bench/labels/pages_second.jsonl``: every sentence of 64 of them (822), read by three other helpers
(``bench/pages_labels.py --second``).

For each it prints the agreement on the incident decision and on the subtype (none, or the first
subtype given), over all sentences and per split. It needs no article text.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "labels"


def kappa(pairs: list[tuple[object, object]]) -> tuple[float, float]:
    """Cohen's kappa and the observed agreement of (first, second) decisions."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first.keys() | second.keys()) / n / n
    return (observed - expected) / (1 - expected), observed


def read(path: Path) -> dict[tuple[str, int, int], dict]:
    with path.open(encoding="utf-8") as f:
        return {(r["article"], r["start"], r["end"]): r for r in map(json.loads, f)}


def compare(first: dict, other: dict, keys: list, title: str) -> None:
    incident = [(first[k]["incident"], other[k]["incident"]) for k in keys]
    subtype = [((first[k]["subtypes"] or ["none"])[0], (other[k]["subtypes"] or ["none"])[0]) for k in keys]
    both = [k for k in keys if first[k]["incident"] and other[k]["incident"]]
    k_incident, agree = kappa(incident)
    print(
        f"{title}: {len(keys)} sentences of {len({k[0] for k in keys})} articles; incident by the first "
        f"labeller {sum(a for a, _ in incident)}, by the other {sum(b for _, b in incident)}, by both {len(both)}"
    )
    print(f"  incident: kappa {k_incident:.3f}, observed agreement {agree:.3f}")
    print(f"  subtype (none or the first given): kappa {kappa(subtype)[0]:.3f}")
    overlap = sum(bool(set(first[k]["subtypes"]) & set(other[k]["subtypes"])) for k in both)
    print(f"  sentences both call incidents: a subtype in common {overlap}/{len(both)}")


def main() -> None:
    for first_name, name in (
        ("ukraine_war_news.jsonl", "second_labeller.jsonl"),
        ("ukraine_war_news.jsonl", "third_reading.jsonl"),
        ("pages_news.jsonl", "pages_second.jsonl"),
    ):
        first, other = read(LABELS / first_name), read(LABELS / name)
        missing = [key for key in other if key not in first or first[key]["sha1"] != other[key]["sha1"]]
        if missing:
            raise SystemExit(f"{len(missing)} sentences of {name} are not in the first labels (e.g. {missing[0]})")
        keys = sorted(other)
        compare(first, other, keys, name)
        for split in ("train", "heldout"):
            in_split = [k for k in keys if first[k]["split"] == split]
            if in_split and len(in_split) < len(keys):
                compare(first, other, in_split, f"{name}, {split} split")


if __name__ == "__main__":
    main()
