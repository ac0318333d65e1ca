"""Where the incidents of short ACLED-style reports are placed, end to end (``sitrep ingest`` then
``sitrep export --kind incident --format csv``).

    python bench/places_eval.py [NOTES.jsonl ...] [--list]

Default: the 200 notes of bench/labels/acled_notes_dev.jsonl and acled_notes_heldout.jsonl, written
by helpers in ACLED's own style ("near Lafoole (Afgooye, Lower Shabelle)"). The notes carry no place
labels, so this counts what an analyst sees first in the export: how many incidents have a location,
a country and a first-level region. ``--list`` prints each incident's country, admin1 and location
beside its note (for reading: the dev notes only, the held-out notes' faults are not read).
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from reviewer_eval import sitrep  # noqa: E402

DEFAULT = [ROOT / "bench" / "labels" / "acled_notes_dev.jsonl", ROOT / "bench" / "labels" / "acled_notes_heldout.jsonl"]


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--")] or DEFAULT
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "places.db")
        sitrep("ingest", *map(str, paths), "--db", db)
        rows = list(csv.DictReader(io.StringIO(sitrep("export", "--db", db, "--kind", "incident", "--format", "csv"))))
    if "--list" in argv:
        for r in rows:
            print(f"{r['country'] or '--'} | {r['admin1'][:20]} | {r['location'][:24]} | {r['notes'][:100]}")
    n = len(rows)
    located = sum(bool(r["location"]) for r in rows)
    country = sum(bool(r["country"]) for r in rows)
    admin1 = sum(bool(r["admin1"]) for r in rows)
    print(
        f"{n} incidents of {', '.join(p.name for p in paths)}: with a location {located}, a country {country}, an admin1 {admin1}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
