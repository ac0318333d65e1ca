"""Score Sitrep end to end (``sitrep ingest`` then ``sitrep export``) on the reviewer's texts.

    python bench/reviewer_eval.py [DIR] [--misses]

Reads DIR (default ``tests/eval/reviewer/``): each ``NAME.txt`` with its gold ``NAME.json``, and
``acled_reports.jsonl`` when DIR has one. ``--misses`` lists, per article, the gold items not found
and the exported items not in the gold. Names are matched loosely (rapidfuzz token-set ratio >= 85, so
"Zelenskiy" meets "Volodymyr Zelenskiy"); a casualty figure counts when its number appears among
the exported figures; a gold event counts when an exported event has its subtype and a date range
holding its date. Prints per-field precision and recall and the subtype weighted F1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
SITREP = [sys.executable, "-m", "tui.cli"]


def sitrep(*args: str, stdin: str | None = None) -> str:
    return subprocess.run([*SITREP, *args], input=stdin, capture_output=True, text=True, check=False).stdout


def export(db: str) -> list[dict]:
    return [json.loads(line) for line in sitrep("export", "--db", db).splitlines()]


def same(a: str, b: str) -> bool:
    fold = lambda s: s.lower().replace("’", "'")  # noqa: E731
    return fuzz.token_set_ratio(fold(a), fold(b)) >= 85


def precision_recall(predicted: list[str], gold: list[str]) -> tuple[int, int, int, int]:
    """(predicted that match, predicted, gold that are matched, gold)."""
    return (
        sum(any(same(p, g) for g in gold) for p in predicted),
        len(predicted),
        sum(any(same(p, g) for p in predicted) for g in gold),
        len(gold),
    )


def show_misses(name: str, field: str, predicted: list, gold: list, match) -> None:
    missed = [g for g in gold if not any(match(p, g) for p in predicted)]
    extra = [p for p in predicted if not any(match(p, g) for g in gold)]
    if missed or extra:
        print(f"  {name} {field}: missed {missed} extra {extra}")


def score_articles(here: Path, misses: bool) -> None:
    totals: dict[str, list[int]] = {}
    for gold_path in sorted(here.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "s.db")
            sitrep("ingest", str(gold_path.with_suffix(".txt")), "--db", db)
            records = export(db)
        entities = [r for r in records if r["kind"] == "entity"]
        sources = {r["id"]: r["name"] for r in records if r["kind"] == "source"}
        events = [r for r in records if r["kind"] == "event"]
        figures = [c["min"] for e in events for c in e["casualties"]]
        counts = {
            "places": precision_recall([e["name"] for e in entities if e["type"] == "place"], gold["places"]),
            "people": precision_recall([e["name"] for e in entities if e["type"] == "person"], gold["people"]),
            "claimants": precision_recall(
                sorted({sources[r["source_id"]] for r in records if r["kind"] == "claim"}), gold["claimants"]
            ),
        }
        gold_figures = [n for _, n in gold["casualties"]]
        counts["casualty figures"] = (
            sum(f in gold_figures for f in figures),
            len(figures),
            sum(n in figures for n in gold_figures),
            len(gold_figures),
        )

        def found(subtype: str, day: str, dated: bool, events=events) -> bool:
            return any(
                e["subtype"] == subtype and (not dated or (e["date"] and e["date"] <= day <= e["date_end"]))
                for e in events
            )

        gold_subtypes = {s for s, _ in gold["events"]}
        counts["event subtypes"] = (
            sum(e["subtype"] in gold_subtypes for e in events),
            len(events),
            sum(found(s, d, False) for s, d in gold["events"]),
            len(gold["events"]),
        )
        counts["event dates"] = (0, 0, sum(found(s, d, True) for s, d in gold["events"]), len(gold["events"]))
        if misses:
            show_misses(
                gold_path.stem, "places", [e["name"] for e in entities if e["type"] == "place"], gold["places"], same
            )
            show_misses(
                gold_path.stem, "people", [e["name"] for e in entities if e["type"] == "person"], gold["people"], same
            )
            show_misses(
                gold_path.stem,
                "claimants",
                sorted({sources[r["source_id"]] for r in records if r["kind"] == "claim"}),
                gold["claimants"],
                same,
            )
            show_misses(
                gold_path.stem,
                "casualties",
                [(c["kind"], c["min"]) for e in events for c in e["casualties"]],
                [tuple(c) for c in gold["casualties"]],
                lambda p, g: p[1] == g[1],
            )
            show_misses(
                gold_path.stem,
                "events",
                [(e["subtype"], e["date"], e["date_end"]) for e in events],
                [tuple(e) for e in gold["events"]],
                lambda p, g: p[0] == g[0] and bool(p[1]) and p[1] <= g[1] <= p[2],
            )
        for field, values in counts.items():
            totals[field] = [a + b for a, b in zip(totals.get(field, [0, 0, 0, 0]), values)]
    print(f"Articles: {len(list(here.glob('*.json')))} ({here})")
    print(f"{'field':18} {'P':>5} {'R':>5}")
    for field, (tp_p, n_p, tp_g, n_g) in totals.items():
        p = f"{tp_p / n_p:5.2f}" if n_p else "    -"
        print(f"{field:18} {p} {tp_g / n_g if n_g else 1:5.2f}")


def score_reports(path: Path) -> None:
    reports = [json.loads(line) for line in path.open()]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "s.db")
        sitrep("ingest", "-", "--db", db, stdin="".join(json.dumps(r) + "\n" for r in reports))
        records = export(db)
    refs = {r["id"]: r["ref"] for r in records if r["kind"] == "article"}
    best: dict[str, dict] = {}
    for event in (r for r in records if r["kind"] == "event"):
        ref = refs[event["article_id"]]
        if ref not in best or event["confidence"] > best[ref]["confidence"]:
            best[ref] = event
    gold = {r["id"]: r["subtype"] for r in reports}
    predicted = {ref: best[ref]["subtype"] if ref in best else "(none)" for ref in gold}
    support = Counter(gold.values())
    weighted = 0.0
    for label, n in support.items():
        tp = sum(gold[r] == label == predicted[r] for r in gold)
        fp = sum(predicted[r] == label != gold[r] for r in gold)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / n
        weighted += n * (2 * p * r / (p + r) if p + r else 0.0)
    print(
        f"\nShort reports: {len(gold)}; subtype weighted F1 {weighted / len(gold):.3f}, "
        f"accuracy {sum(gold[r] == predicted[r] for r in gold) / len(gold):.3f}"
    )
    for ref in gold:
        if gold[ref] != predicted[ref]:
            print(f"  {ref}: {gold[ref]} -> {predicted[ref]}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--misses"]
    here = Path(args[0]).resolve() if args else ROOT / "tests" / "eval" / "reviewer"
    score_articles(here, "--misses" in sys.argv[1:])
    if (here / "acled_reports.jsonl").exists():
        score_reports(here / "acled_reports.jsonl")
