"""How far two independent labellers of real news agree (Cohen's kappa).

    python bench/agreement.py

``bench/labels/second_labeller.jsonl`` holds a second labelling of every sentence of 16 articles,
made from the labelling guide alone (no sight of the first labels nor of the extractor's output),
in the first labels' format (article id, sentence offsets, hash, incident, subtypes, unsure). This
script compares it with ``bench/labels/ukraine_war_news.jsonl`` sentence by sentence (the hashes must
match) and prints the agreement on the incident decision and on the subtype (none, or the first
subtype given). It needs no article text.
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


def main() -> None:
    first, second = read(LABELS / "ukraine_war_news.jsonl"), read(LABELS / "second_labeller.jsonl")
    missing = [key for key in second if key not in first or first[key]["sha1"] != second[key]["sha1"]]
    if missing:
        raise SystemExit(f"{len(missing)} sentences of the second labelling are not in the first (e.g. {missing[0]})")
    keys = sorted(second)
    incident = [(first[k]["incident"], second[k]["incident"]) for k in keys]
    subtype = [((first[k]["subtypes"] or ["none"])[0], (second[k]["subtypes"] or ["none"])[0]) for k in keys]
    both = [k for k in keys if first[k]["incident"] and second[k]["incident"]]
    k_incident, agree = kappa(incident)
    print(
        f"{len(keys)} sentences of {len({k[0] for k in keys})} articles; incident by the first labeller "
        f"{sum(a for a, _ in incident)}, by the second {sum(b for _, b in incident)}, by both {len(both)}"
    )
    print(f"incident: kappa {k_incident:.3f}, observed agreement {agree:.3f}")
    print(f"subtype (none or the first given): kappa {kappa(subtype)[0]:.3f}")
    overlap = sum(bool(set(first[k]["subtypes"]) & set(second[k]["subtypes"])) for k in both)
    print(f"sentences both call incidents: a subtype in common {overlap}/{len(both)}")


if __name__ == "__main__":
    main()
