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

``--misses`` lists the false and missed sentences and those of a wrong subtype (for development on
the train split only: the held-out split is for measuring, never for reading faults off). The
shipped model was fitted on the train split, so its figures there are far too good:
``bench/oof_events.py`` reads each train article with a model fitted without it, and its ``--misses``
are the faults worth reading.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from incident_data import ARTICLES, LABELS, articles  # noqa: E402

from extract.pipeline import extract_article  # noqa: E402


@dataclass
class Tally:
    """What the pipeline made of labelled articles, kept so that figures can be read at any threshold:
    per sentence its labels and the (confidence, subtype) of the events whose evidence starts in it;
    per event its confidence and whether its sentence is an incident."""

    sentences: list[tuple[bool, bool, list[str], list[tuple[float, str]]]] = field(default_factory=list)
    events: list[tuple[float, bool]] = field(default_factory=list)
    articles: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.sentences + other.sentences, self.events + other.events, self.articles + other.articles)


def tally(arts: list, misses: bool = False) -> Tally:
    """Runs ``extract_article`` on each labelled article (``misses``: print the false, missed and
    mistyped sentences, at the model's own threshold)."""
    out = Tally(articles=len(arts))
    for art in arts:
        events = extract_article(art.text, art.published).events
        starts = [s.start for s in art.sentences]
        by_sentence: dict[int, list[tuple[float, str]]] = {}
        for e in events:
            i = bisect_right(starts, e.evidence.start) - 1
            inside = i >= 0 and e.evidence.start < art.sentences[i].end
            if inside:
                by_sentence.setdefault(i, []).append((e.confidence, e.subtype))
            out.events.append((e.confidence, inside and art.sentences[i].incident))
        for i, s in enumerate(art.sentences):
            found = by_sentence.get(i, [])
            out.sentences.append((s.incident, s.unsure, s.subtypes, found))
            if misses and bool(found) != s.incident:
                what = f"FALSE {found[0][1]} {found[0][0]:.2f}" if found else f"MISSED {s.subtypes}"
                print(f"{art.id} {what}{' unsure' if s.unsure else ''}: {art.text[s.start : s.end][:200]!r}")
            elif misses and found and not any(sub in s.subtypes for _, sub in found):
                what = f"SUBTYPE {found[0][1]} {found[0][0]:.2f}, read as {s.subtypes}"
                print(f"{art.id} {what}{' unsure' if s.unsure else ''}: {art.text[s.start : s.end][:200]!r}")
    return out


def figures(t: Tally, threshold: float = 0.0) -> dict[str, float]:
    """Sentence-level precision and recall (all labels, and the sure ones alone), the events' precision
    and the right subtype among the incident sentences found, counting events at ``threshold`` or more."""
    tp = fp = fn = tp_s = fp_s = fn_s = found = right_subtype = 0
    for incident, unsure, subtypes, events in t.sentences:
        kept = [sub for conf, sub in events if conf >= threshold]
        predicted = bool(kept)
        tp += predicted and incident
        fp += predicted and not incident
        fn += incident and not predicted
        if not unsure:
            tp_s += predicted and incident
            fp_s += predicted and not incident
            fn_s += incident and not predicted
        if predicted and incident:
            found += 1
            right_subtype += any(sub in subtypes for sub in kept)
    events = [good for conf, good in t.events if conf >= threshold]

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    return {
        "articles": t.articles,
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, tp + fn),
        "precision_sure": ratio(tp_s, tp_s + fp_s),
        "recall_sure": ratio(tp_s, tp_s + fn_s),
        "events": len(events),
        "event_precision": ratio(sum(events), len(events)),
        "subtype": ratio(right_subtype, found),
    }


def report(t: Tally, title: str) -> None:
    """Prints the figures at the model's threshold, then for events above each confidence."""
    out = figures(t)
    print(f"{title}: {out['articles']} articles, {out['events']} events")
    p, r = out["precision"], out["recall"]
    print(
        f"sentences: precision {p:.3f} recall {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f} "
        f"(sure labels only: precision {out['precision_sure']:.3f} recall {out['recall_sure']:.3f})"
    )
    print(
        f"events: {out['event_precision']:.3f} are incidents; right subtype for {out['subtype']:.3f} "
        "of the incident sentences found"
    )
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        o = figures(t, threshold)
        print(
            f"  confidence >= {threshold:.1f}: {o['events']:4} events, {o['event_precision']:.3f} are incidents, "
            f"recall {o['recall']:.3f}, subtype {o['subtype']:.3f}"
        )


def main(argv: list[str]) -> int:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "heldout"
    path = Path(argv[argv.index("--articles") + 1]) if "--articles" in argv else ARTICLES
    labels = Path(argv[argv.index("--labels") + 1]) if "--labels" in argv else LABELS
    if split == "heldout" and "--misses" in argv:
        print("--misses reads faults off the held-out split: use --split train", file=sys.stderr)
        return 2
    arts = [a for a in articles(path, labels) if split == "all" or a.split == split]
    report(tally(arts, "--misses" in argv), f"split {split}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
