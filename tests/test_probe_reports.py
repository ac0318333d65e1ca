"""The probe reports (tests/eval/probe/short_reports.jsonl) keep their event subtypes."""

import json
from pathlib import Path

from extract.pipeline import extract_article

REPORTS = Path(__file__).resolve().parent / "eval" / "probe" / "short_reports.jsonl"


def test_probe_reports_get_their_subtype():
    rows = [json.loads(line) for line in REPORTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 60
    misses = [
        (r["id"], r["subtype"], [e.subtype for e in extract_article(r["text"], r["published"]).events]) for r in rows
    ]
    misses = [m for m in misses if m[1] not in m[2]]
    assert len(misses) <= 2, misses  # today (2026-12) one of 62 (p38)
