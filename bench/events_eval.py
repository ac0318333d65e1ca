"""Events against the labelled sentences of real news, end to end through ``extract_article``.

    python bench/events_eval.py [--split heldout|train|all] [--articles FILE] [--labels FILE] [--misses]

``--labels`` names another label file in the same format (default: bench/labels/ukraine_war_news.jsonl),
e.g. ``--articles wikievents-dev.jsonl --labels bench/labels/wikievents_dev.jsonl --split all``.

For each labelled article (see bench/incident_data.py) the whole pipeline runs as at ingest. A sentence
is predicted an incident when an event's evidence lies in it. Prints:

- sentence-level incident precision and recall (all labels; and again leaving out the sentences a
  labeller marked unsure, which then count neither way);
- events: the share whose evidence sentence is an incident (precision), the share of incident
  sentences that are some event's evidence (recall), the right subtype (the event's subtype among the
  sentence's labelled ones) for those found;
- the same by confidence band, so a threshold can be read off.

``--misses`` lists the false and missed sentences (for development on the train split only: the
held-out split is for measuring, never for reading faults off).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from incident_data import ARTICLES, LABELS, articles  # noqa: E402

from extract.pipeline import extract_article  # noqa: E402


def evaluate(
    split: str, path: Path, misses: bool = False, threshold: float = 0.0, labels: Path = LABELS
) -> dict[str, float]:
    arts = [a for a in articles(path, labels) if split == "all" or a.split == split]
    tp = fp = fn = 0
    tp_s = fp_s = fn_s = 0
    found = right_subtype = 0
    n_events = good_events = 0
    for art in arts:
        result = extract_article(art.text, art.published)
        events = [e for e in result.events if e.confidence >= threshold]
        n_events += len(events)
        by_sentence: dict[int, list] = {}
        for i, s in enumerate(art.sentences):
            for e in events:
                if s.start <= e.evidence.start < s.end:
                    by_sentence.setdefault(i, []).append(e)
        for e in events:
            s = next((s for s in art.sentences if s.start <= e.evidence.start < s.end), None)
            good_events += bool(s and s.incident)
        for i, s in enumerate(art.sentences):
            predicted = i in by_sentence
            tp += predicted and s.incident
            fp += predicted and not s.incident
            fn += s.incident and not predicted
            if not s.unsure:
                tp_s += predicted and s.incident
                fp_s += predicted and not s.incident
                fn_s += s.incident and not predicted
            if predicted and s.incident:
                found += 1
                right_subtype += any(e.subtype in s.subtypes for e in by_sentence[i])
            if misses and predicted != s.incident:
                what = (
                    f"FALSE {by_sentence[i][0].subtype} {by_sentence[i][0].confidence:.2f}"
                    if predicted
                    else f"MISSED {s.subtypes}{' unsure' if s.unsure else ''}"
                )
                print(f"{art.id} {what}: {art.text[s.start : s.end][:200]!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "articles": len(arts),
        "precision": p,
        "recall": r,
        "precision_sure": tp_s / (tp_s + fp_s) if tp_s + fp_s else 0.0,
        "recall_sure": tp_s / (tp_s + fn_s) if tp_s + fn_s else 0.0,
        "events": n_events,
        "event_precision": good_events / n_events if n_events else 0.0,
        "subtype": right_subtype / found if found else 0.0,
    }


def main(argv: list[str]) -> int:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "heldout"
    path = Path(argv[argv.index("--articles") + 1]) if "--articles" in argv else ARTICLES
    labels = Path(argv[argv.index("--labels") + 1]) if "--labels" in argv else LABELS
    if split == "heldout" and "--misses" in argv:
        print("--misses reads faults off the held-out split: use --split train", file=sys.stderr)
        return 2
    out = evaluate(split, path, "--misses" in argv, labels=labels)
    print(f"split {split}: {out['articles']} articles, {out['events']} events")
    print(
        f"sentences: precision {out['precision']:.3f} recall {out['recall']:.3f} "
        f"(sure labels only: precision {out['precision_sure']:.3f} recall {out['recall_sure']:.3f})"
    )
    print(
        f"events: {out['event_precision']:.3f} are incidents; right subtype for {out['subtype']:.3f} "
        "of the incident sentences found"
    )
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        o = evaluate(split, path, threshold=t, labels=labels)
        print(
            f"  confidence >= {t:.1f}: {o['events']:4} events, {o['event_precision']:.3f} are incidents, "
            f"recall {o['recall']:.3f}, subtype {o['subtype']:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
