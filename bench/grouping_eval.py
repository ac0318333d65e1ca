"""Within-article grouping: do the events of one article that report one incident share its key?

    python bench/grouping_eval.py --articles ukraine-war-news.jsonl [--split heldout|train|all] [--misses]

Labels: ``bench/labels/incident_groups.jsonl``, one line per article of ``ukraine-war-news.jsonl`` with
two incident sentences or more (by the first labels, bench/labels/ukraine_war_news.jsonl): the incident
sentences (offsets and a hash of each, never their text) and how a reader grouped them into incidents
(one act at one place and one time; the guide is in docs/events.md), read without the extractor's
output in view.

The whole pipeline runs on each article as at ingest. For every pair of labelled sentences that both
hold an event's evidence: the reader puts them in one incident or not; the extractor gives them one
``incident`` key or not. Prints pairwise precision (of the pairs the extractor joins, the share the
reader joins too) and recall (of the pairs the reader joins, the share the extractor joins), and the
same leaving out sentences the reader was unsure of. ``--misses`` lists the wrong pairs (train split
only: the held-out split is for measuring, never for reading faults off).
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from incident_data import ARTICLES, article_texts, sentence_hash  # noqa: E402

from extract.pipeline import extract_article  # noqa: E402

GROUPS = ROOT / "bench" / "labels" / "incident_groups.jsonl"


def load(path: Path, labels: Path = GROUPS) -> list[dict]:
    """The labelled articles with their text; stops on a sentence whose hash does not match."""
    texts = article_texts(path)
    out = []
    for line in labels.open(encoding="utf-8"):
        rec = json.loads(line)
        text, published = texts[rec["article"]]
        for s in rec["sentences"]:
            if sentence_hash(text[s["start"] : s["end"]]) != s["sha1"]:
                raise SystemExit(
                    f"{labels}: sentence {s['start']}:{s['end']} of {rec['article']} does not match its hash"
                )
        out.append({**rec, "text": text, "published": published})
    return out


def evaluate(path: Path, split: str = "heldout", misses: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    tp_s = fp_s = fn_s = 0
    found = total = 0
    for rec in load(path):
        if split != "all" and rec["split"] != split:
            continue
        text = rec["text"]
        events = extract_article(text, rec["published"]).events
        sentences = rec["sentences"]
        group_of = {k: g for g, members in enumerate(rec["groups"]) for k in members}
        unsure = set(rec["unsure"])
        key_of: dict[int, str] = {}
        for k, s in enumerate(sentences):
            e = next((e for e in events if s["start"] <= e.evidence.start < s["end"]), None)
            if e is not None:
                key_of[k] = e.incident
        total += len(sentences)
        found += len(key_of)
        for a, b in combinations(sorted(key_of), 2):
            gold, pred = group_of[a] == group_of[b], key_of[a] == key_of[b]
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
            if not ({a, b} & unsure):
                tp_s += gold and pred
                fp_s += pred and not gold
                fn_s += gold and not pred
            if misses and gold != pred:
                what = "JOINED, reader apart" if pred else "APART, reader joined"
                print(f"{rec['article']} {what}:")
                for k in (a, b):
                    print(f"    {text[sentences[k]['start'] : sentences[k]['end']][:160]!r}")
    return {
        "sentences": total,
        "found": found,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "pairs": tp + fp + fn,
        "precision_sure": tp_s / (tp_s + fp_s) if tp_s + fp_s else 0.0,
        "recall_sure": tp_s / (tp_s + fn_s) if tp_s + fn_s else 0.0,
    }


def main(argv: list[str]) -> int:
    path = Path(argv[argv.index("--articles") + 1]) if "--articles" in argv else ARTICLES
    split = argv[argv.index("--split") + 1] if "--split" in argv else "heldout"
    r = evaluate(path, split, "--misses" in argv)
    print(
        f"split {split}: {r['found']} of {r['sentences']} labelled incident sentences hold an event; "
        f"pairs of them: precision {r['precision']:.3f} recall {r['recall']:.3f} "
        f"(sure groups only: precision {r['precision_sure']:.3f} recall {r['recall_sure']:.3f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
