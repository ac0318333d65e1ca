"""Dump a store's incidents canonically, to compare the grouping of two code versions.

    .venv/bin/python bench/incident_dump.py STORE.db [-o dump.jsonl]

One JSON line a row, sorted: every column of ``incidents`` (the display fields included), each
event's incident, ``incident_places`` and ``incident_keys``; then the sha256 of all of it on
stderr. Two stores ingested from the same corpus in the same order by two versions of the writer
group alike when their dumps are identical (``cmp a.jsonl b.jsonl``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys

TABLES = {
    "incident": "SELECT * FROM incidents ORDER BY id",
    "event": "SELECT id, incident_id FROM events ORDER BY id",
    "incident_place": "SELECT incident_id, entity_id, level FROM incident_places ORDER BY 1, 2, 3",
    "incident_key": "SELECT key, lo, hi, incident_id FROM incident_keys ORDER BY 1, 2, 3, 4",
}


def dump(path: str):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for kind, sql in TABLES.items():
        cursor = conn.execute(sql)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield json.dumps({"kind": kind, **dict(zip(names, row))}, sort_keys=True, ensure_ascii=False)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("-o", "--output")
    args = parser.parse_args()
    digest = hashlib.sha256()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    lines = 0
    with out:
        for line in dump(args.store):
            out.write(line + "\n")
            digest.update(line.encode() + b"\n")
            lines += 1
    print(f"{lines} rows, sha256 {digest.hexdigest()}", file=sys.stderr)


if __name__ == "__main__":
    main()
