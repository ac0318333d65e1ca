"""Counts per kind of record in a store."""

from __future__ import annotations

import sqlite3

KINDS = ("articles", "events", "claims", "entities", "sources")


def store_stats(conn: sqlite3.Connection) -> dict[str, int]:
    """``{"articles": n, "events": n, "claims": n, "entities": n, "sources": n, ...}``."""
    counts = {kind: conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0] for kind in KINDS}
    counts["mentions"] = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    for entity_type in ("place", "person", "organization", "group"):
        counts[f"entities_{entity_type}"] = conn.execute(
            "SELECT count(*) FROM entities WHERE type = ?", (entity_type,)
        ).fetchone()[0]
    return counts


def format_stats(counts: dict[str, int]) -> str:
    """A small readable table."""
    lines = [f"{kind:<10} {counts[kind]:>9,}" for kind in KINDS]
    by_type = ", ".join(_counted(counts[f"entities_{t}"], t) for t in ("place", "person", "organization", "group"))
    lines[3] += f"  ({by_type})"
    lines.append(f"{'mentions':<10} {counts['mentions']:>9,}")
    return "\n".join(lines)


def _counted(n: int, noun: str) -> str:
    """A count and its noun: "1 person", "0 persons" (the table's row labels are names of kinds, not counts)."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
