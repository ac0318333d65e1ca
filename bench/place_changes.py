"""Which place mentions a change of the extractor changes, on real texts, to read them one by one.

    python bench/place_changes.py snapshot OUT.pickle FILE.jsonl ...   # before the change (git stash)
    python bench/place_changes.py snapshot NEW.pickle FILE.jsonl ...   # after it
    python bench/place_changes.py diff OUT.pickle NEW.pickle

``snapshot`` runs ``extract_article(text, published)`` on every line of the JSON Lines files and pickles
the results with the texts (into a file outside the project: the texts are not the project's).
``diff`` prints every place mention whose entity (name, country, admin1, pin) or event places differ,
with the text around it, and how many.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.pipeline import extract_article  # noqa: E402


def snapshot(out: str, paths: list[str]) -> None:
    results, texts = {}, {}
    cpu = time.process_time()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                record = json.loads(line)
                if isinstance(record.get("text"), str):
                    key = f"{Path(path).name}:{n}"
                    results[key] = extract_article(record["text"], record.get("published"))
                    texts[key] = record["text"]
    print(f"{len(results)} texts, {time.process_time() - cpu:.1f} s CPU")
    with open(out, "wb") as handle:
        pickle.dump((results, texts), handle)


def _places(extraction) -> tuple[dict, dict]:
    mentions = {
        (m.start, m.end): (m.text, e.name, e.country, e.admin1, e.lat, e.lon)
        for e in extraction.entities
        if e.type == "place"
        for m in e.mentions
    }
    events: dict[tuple[int, int], set[str]] = {}
    for event in extraction.events:
        for place in event.places:
            events.setdefault((place.span.start, place.span.end), set()).add(place.name)
    return mentions, events


def diff(old: str, new: str) -> None:
    with open(old, "rb") as handle:
        before, texts = pickle.load(handle)
    with open(new, "rb") as handle:
        after, _ = pickle.load(handle)
    changes = 0
    for key in before:
        (was, was_events), (now, now_events) = _places(before[key]), _places(after[key])
        for span in sorted(set(was) | set(now)):
            if was.get(span) != now.get(span) or was_events.get(span) != now_events.get(span):
                changes += 1
                start, end = span
                around = texts[key][max(0, start - 90) : end + 60].replace("\n", " / ")
                print(
                    f"#{changes} {key} {was.get(span)} => {now.get(span)}; events {was_events.get(span)} => {now_events.get(span)}"
                )
                print(f"    | {around}")
    print(f"{changes} place mentions changed")


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "snapshot":
        snapshot(argv[1], argv[2:])
    elif len(argv) == 3 and argv[0] == "diff":
        diff(argv[1], argv[2])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
