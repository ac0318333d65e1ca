"""Dates and casualty figures of the events found on real news, against a reading of the incident
sentences.

    python bench/fields_eval.py [--articles FILE] [--fields LABELS] [--split heldout|train] [--misses]

``bench/labels/fields.jsonl`` holds, for incident sentences of ``ukraine-war-news.jsonl`` (all 90 of
the held-out split and 150 drawn from the train split), the date of the incident a careful reader
gives it (a day, a range of days, a month, a year or unknown, relative dates resolved against the
publication date) and every casualty figure the sentence states about it (kind, min, max), read by
helpers who saw neither the extractor's output nor these scripts. Each article runs through
``extract_article`` as at ingest; for each labelled sentence the first event whose evidence starts in
it is compared. Prints:

- how many of the sentences have an event (recall of the incident sentences, as in events_eval.py);
- the right date for the events found whose incident the reader could date: a day is right when the
  event's first day is that day (or the event spans two days including it); a range when the event's
  dates lie within it; a month or a year when the event's dates lie within it;
- casualty figures found exactly: a figure of the reading is found when an event of its sentence has
  a figure of the same kind and the same minimum (and maximum, when the reading has one), of the
  sentences with an event; also leniently (the same numbers, any kind), and of all the sentences.

``--misses`` lists what was wrong (train split only: the held-out split is for measuring).
``--fields bench/labels/pages_fields.jsonl --articles bench/out/pages_news.jsonl``: the same, for the
incident sentences of the real news pages (bench/pages_labels.py), read the same way.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from incident_data import ARTICLES, sentence_hash  # noqa: E402

from extract.dates import parse_published  # noqa: E402
from extract.pipeline import extract_article  # noqa: E402

FIELDS = ROOT / "bench" / "labels" / "fields.jsonl"


def _day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def gold_range(value: str) -> tuple[datetime.date, datetime.date, str] | None:
    """The reading's date as (first day, last day, precision); None when unknown."""
    if value == "unknown":
        return None
    if "/" in value:  # a range: of days ("2024-05-06/2024-05-08"), months or years ("2014/2015")
        a, b = (gold_range(v) for v in value.split("/"))
        return a[0], b[1], "days"
    if len(value) == 10:
        return _day(value), _day(value), "day"
    if len(value) == 7:
        first = _day(value + "-01")
        nxt = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return first, nxt - datetime.timedelta(days=1), "month"
    return datetime.date(int(value), 1, 1), datetime.date(int(value), 12, 31), "year"


def date_right(event, gold: tuple[datetime.date, datetime.date, str]) -> bool:
    if event.date is None:
        return False
    e0 = _day(event.date)
    e1 = _day(event.date_end) if event.date_end else e0
    g0, g1, precision = gold
    if precision == "day":
        return e0 == g0 or (e0 <= g0 <= e1 and (e1 - e0).days <= 1)
    return g0 <= e0 and e1 <= g1


def figure_found(figure: dict, casualties: list, lenient: bool = False) -> bool:
    return any(
        (lenient or c.kind == figure["kind"])
        and c.min == figure["min"]
        and (figure["max"] is None or c.max == figure["max"])
        for c in casualties
    )


def evaluate(split: str, path: Path, misses: bool = False, fields: Path = FIELDS) -> dict[str, float]:
    texts = {}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        texts[row["id"]] = (row["text"], row.get("published"))
    gold = [r for r in map(json.loads, fields.open(encoding="utf-8")) if r["split"] == split]
    results: dict[str, object] = {}
    n = found = dated = right = 0
    undated = undated_right = 0  # (of those: events of articles without a publication date)
    figures = figures_found = exact = lenient = anywhere = 0
    for g in gold:
        text, published = texts[g["article"]]
        if sentence_hash(text[g["start"] : g["end"]]) != g["sha1"]:
            raise SystemExit(f"{fields}: sentence {g['start']}:{g['end']} of {g['article']} does not match its hash")
        if g["article"] not in results:
            results[g["article"]] = extract_article(text, published)
        events = results[g["article"]].events
        mine = [e for e in events if g["start"] <= e.evidence.start < g["end"]]
        n += 1
        figures += len(g["casualties"])
        in_sentence = [c for e in events for c in e.casualties if g["start"] <= c.span.start < g["end"]]
        anywhere += sum(figure_found(f, in_sentence) for f in g["casualties"])
        if not mine:
            continue
        found += 1
        figures_found += len(g["casualties"])
        event = mine[0]
        casualties = [c for e in mine for c in e.casualties]
        for f in g["casualties"]:
            ok = figure_found(f, casualties)
            exact += ok
            lenient += figure_found(f, casualties, lenient=True)
            if misses and not ok:
                print(
                    f"FIGURE {f} not in {[(c.kind, c.min, c.max) for c in casualties]}: "
                    f"{text[g['start'] : g['end']][:160]!r}"
                )
        span = gold_range(g["date"])
        if span is None:
            continue
        dated += 1
        ok = date_right(event, span)
        right += ok
        if parse_published(published) is None:
            undated += 1
            undated_right += ok
        if misses and not ok:
            print(
                f"DATE {g['date']} (published {published}) but {event.date}..{event.date_end}: "
                f"{text[g['start'] : g['end']][:160]!r}"
            )
    return {
        "sentences": n,
        "found": found,
        "dated": dated,
        "date_right": right / dated if dated else 0.0,
        "undated": undated,
        "undated_right": undated_right / undated if undated else 0.0,
        "published_right": (right - undated_right) / (dated - undated) if dated > undated else 0.0,
        "figures": figures,
        "figures_found": figures_found,
        "exact": exact / figures_found if figures_found else 0.0,
        "lenient": lenient / figures_found if figures_found else 0.0,
        "anywhere": anywhere / figures if figures else 0.0,
    }


def main(argv: list[str]) -> int:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "heldout"
    path = Path(argv[argv.index("--articles") + 1]) if "--articles" in argv else ARTICLES
    fields = Path(argv[argv.index("--fields") + 1]) if "--fields" in argv else FIELDS
    if split == "heldout" and "--misses" in argv:
        print("--misses reads faults off the held-out split: use --split train", file=sys.stderr)
        return 2
    if not path.exists():
        print(f"{path}: no such file (the real articles are not in the repo; pass their path)", file=sys.stderr)
        return 2
    out = evaluate(split, path, "--misses" in argv, fields)
    print(
        f"split {split}: {out['sentences']} incident sentences, {out['found']} with an event "
        f"({out['found'] / max(1, out['sentences']):.3f})"
    )
    print(
        f"dates: right for {out['date_right']:.3f} of the {out['dated']} events found whose incident "
        "the reader could date"
    )
    if out["undated"]:
        print(
            f"  of articles with a publication date: {out['published_right']:.3f} of {out['dated'] - out['undated']}; "
            f"without one: {out['undated_right']:.3f} of {out['undated']} (relative dates have no day to count from)"
        )
    print(
        f"casualty figures: {out['figures_found']} read in the sentences with an event: found exactly "
        f"{out['exact']:.3f} (the same numbers, any kind: {out['lenient']:.3f}); of all {out['figures']} read, "
        f"found exactly {out['anywhere']:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
