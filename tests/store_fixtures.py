"""Helpers for the store tests: hand-built extractions with real spans, and store checks."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from extract.model import (
    Actor,
    Casualty,
    Claim,
    Entity,
    Event,
    Extraction,
    PlaceRef,
    Source,
    Span,
)
from store.readers import RawArticle

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
REPO = Path(__file__).resolve().parent.parent
SITREP = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def span(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


KURSK = (
    "Ukraine's military intelligence reported that at least 30 North Korean soldiers were killed "
    "or wounded near Plekhovo and Vorozhba in Russia's Kursk region on December 14 and 15. "
    "Russian troops also shelled Martynovka, officials said."
)


def kursk_article(ref: str = "kursk.txt", text: str = KURSK) -> RawArticle:
    return RawArticle(ref=ref, text=text, title="Kursk", published="2024-12-16")


def kursk_extraction(text: str = KURSK, *, lat: float | None = None) -> Extraction:
    """A realistic extraction of ``KURSK``: places, a group, a source, a claim, two events."""
    plekhovo = Entity(
        "e1",
        "place",
        "Plekhovo",
        [span(text, "Plekhovo")],
        aliases=["Плехово"],
        country="RU",
        admin1="Kursk",
        lat=lat,
        lon=35.1 if lat is not None else None,
    )
    vorozhba = Entity("e2", "place", "Vorozhba", [span(text, "Vorozhba")], country="RU")
    martynovka = Entity("e3", "place", "Martynovka", [span(text, "Martynovka")])
    soldiers = Entity("e4", "group", "North Korean soldiers", [span(text, "North Korean soldiers")])
    intel = Source("s1", "Ukraine's military intelligence", "intelligence", aliases=["HUR"])
    officials = Source("s2", "officials", "anonymous")
    claim = Claim(
        "c1",
        "s1",
        span(text, "reported"),
        span(text, text[text.index("that at least") : text.index(" Russian troops")]),
    )
    claim2 = Claim("c2", "s2", span(text, "said"), span(text, "Russian troops also shelled Martynovka"))
    first_sentence = text[: text.index(" Russian troops")]
    battle = Event(
        "v1",
        "Battles",
        "Armed clash",
        Span.of(text, 0, len(first_sentence)),
        date="2024-12-14",
        date_end="2024-12-15",
        date_precision="days",
        actors=[Actor("North Korean soldiers", span(text, "North Korean soldiers"), "e4")],
        places=[PlaceRef("e1", "Plekhovo", span(text, "Plekhovo")), PlaceRef("e2", "Vorozhba", span(text, "Vorozhba"))],
        casualties=[
            Casualty(
                "killed_or_wounded",
                30,
                None,
                "at least",
                "North Korean soldiers",
                span(text, "at least 30 North Korean soldiers were killed or wounded"),
            )
        ],
        claim_keys=["c1"],
        confidence=0.8,
    )
    shelling = Event(
        "v2",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        span(text, "Russian troops also shelled Martynovka, officials said."),
        places=[PlaceRef("e3", "Martynovka", span(text, "Martynovka"))],
        actors=[Actor("Russian troops", span(text, "Russian troops"))],
        claim_keys=["c2"],
        confidence=0.6,
    )
    return Extraction(
        [plekhovo, vorozhba, martynovka, soldiers], [intel, officials], [claim, claim2], [battle, shelling]
    )


# What the migration that indexed events by their words' start added (the newest): dropped, a store
# is as the versions before it left it.
BEFORE_TOLD_INDEX = """
    DROP INDEX events_told;
"""

# What the migration that kept a feed's Retry-After apart added: dropped (after what came later), a
# store is as the versions before it left it.
BEFORE_NOT_BEFORE = (
    BEFORE_TOLD_INDEX
    + """
    ALTER TABLE feeds DROP COLUMN not_before;
"""
)

# What the migration that indexed the entities by mentions added: dropped (after what came later),
# a store is as the versions before it left it.
BEFORE_MENTIONS_INDEX = (
    BEFORE_NOT_BEFORE
    + """
    DROP INDEX entities_mentions;
"""
)

# What the migration that indexed runs of unspaced scripts added: dropped (after what came later),
# a store is as the versions before it left it.
BEFORE_GRAMS = (
    BEFORE_MENTIONS_INDEX
    + """
    DROP TRIGGER articles_grams_ai;
    DROP TRIGGER articles_grams_ad;
    DROP TABLE articles_grams;
    DROP TABLE grams_pending;
    DROP TABLE grams_gone;
"""
)

# What the migration that counted spellings added: dropped (after what came later), a store is as
# the versions before it left it.
BEFORE_SPELLINGS = (
    BEFORE_GRAMS
    + """
    DROP TABLE spellings;
"""
)

# What the migration that made incidents' lookup keys start with their families added: dropped
# (after what came later), a store is as the versions before it left it (but for the keys' format).
BEFORE_REKEY = (
    BEFORE_SPELLINGS
    + """
    DROP TABLE incident_rekey;
"""
)

# What the judgements' migration added (it came after incidents): dropped, after what came later.
BEFORE_JUDGEMENTS = (
    BEFORE_REKEY
    + """
    DROP TRIGGER incidents_unjudge; DROP TRIGGER events_incident_judge;
    DROP INDEX incidents_status; ALTER TABLE incidents DROP COLUMN status;
    DROP TRIGGER events_unjudge; DROP TRIGGER claims_unjudge; DROP TRIGGER sources_unjudge;
    DROP TRIGGER articles_unjudge; DROP TRIGGER sources_judge; DROP TRIGGER articles_judge;
    DROP INDEX events_status; ALTER TABLE events DROP COLUMN status; ALTER TABLE events DROP COLUMN judged;
    ALTER TABLE claims DROP COLUMN status;
    DROP TABLE judgement_log; DROP TABLE judgement_tags; DROP TABLE judgement_notes; DROP TABLE judgements;
"""
)

# What the migration that brought incidents added: dropped (after what came later), a store is as
# the versions before it left it.
BEFORE_INCIDENTS = (
    BEFORE_JUDGEMENTS
    + """
    DROP TABLE incident_choices; DROP TABLE article_bands; DROP TABLE article_sketches;
    DROP TABLE incident_places; DROP TABLE incident_keys;
    DROP INDEX events_incident; ALTER TABLE events DROP COLUMN incident_id; ALTER TABLE events DROP COLUMN report;
    DROP TABLE incidents;
"""
)


def assert_store_sound(path: Path) -> None:
    """integrity_check passes, no foreign key is dangling and every stored span matches its text."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert_spans_exact(conn)
    finally:
        conn.close()


SPAN_QUERIES = {
    "mentions": 'SELECT a.text, m.start, m."end", m.text FROM mentions m JOIN articles a ON a.id = m.article_id',
    "claim cues": "SELECT a.text, c.cue_start, c.cue_end, c.cue_text FROM claims c JOIN articles a ON a.id = c.article_id",
    "claim contents": "SELECT a.text, c.content_start, c.content_end, c.content_text FROM claims c "
    "JOIN articles a ON a.id = c.article_id",
    "evidence": "SELECT a.text, e.evidence_start, e.evidence_end, e.evidence_text FROM events e "
    "JOIN articles a ON a.id = e.article_id",
    "places": 'SELECT a.text, p.start, p."end", p.text FROM event_places p JOIN events e ON e.id = p.event_id '
    "JOIN articles a ON a.id = e.article_id",
    "actors": 'SELECT a.text, p.start, p."end", p.text FROM event_actors p JOIN events e ON e.id = p.event_id '
    "JOIN articles a ON a.id = e.article_id",
    "casualties": 'SELECT a.text, c.start, c."end", c.text FROM casualties c JOIN events e ON e.id = c.event_id '
    "JOIN articles a ON a.id = e.article_id",
}


def assert_spans_exact(conn: sqlite3.Connection) -> int:
    """The span invariant over every stored fact; returns how many spans were checked."""
    checked = 0
    for what, sql in SPAN_QUERIES.items():
        for text, start, end, fragment in conn.execute(sql):
            assert 0 <= start <= end <= len(text), (what, start, end)
            assert text[start:end] == fragment, (what, start, end, fragment)
            checked += 1
    return checked


def run_sitrep(
    *args: str, stdin: str | bytes | None = None, env: dict | None = None, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """``sitrep ARGS`` in a real subprocess (stdout/stderr as text)."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("SITREP_DEBUG", None)
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run(
        [*SITREP, *args], input=data, capture_output=True, env=full_env, cwd=cwd or REPO, timeout=timeout
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


# --- a corpus of varied short reports, for runs long enough to interrupt ---------------------------

PLACES = [
    "Avdiivka",
    "Pokrovsk",
    "Kupiansk",
    "Vovchansk",
    "Kherson",
    "Zaporizhzhia",
    "Belgorod",
    "Sudzha",
    "Toretsk",
    "Chasiv Yar",
    "Kramatorsk",
    "Sloviansk",
]
SOURCES = [
    "the regional governor said",
    "Ukraine's general staff reported",
    "Russia's defence ministry claimed",
    "local officials told Reuters",
    "the army said in a statement",
]


def make_corpus(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            place, other = PLACES[i % len(PLACES)], PLACES[(i * 7 + 3) % len(PLACES)]
            source = SOURCES[i % len(SOURCES)]
            text = (
                f"Russian forces shelled {place} on Monday, killing {i % 9 + 1} civilians and wounding "
                f"at least {i % 13 + 2} others, {source}. Fighting continued near {other} on Tuesday, "
                f"where Ukrainian troops repelled {i % 5 + 2} assaults. Report number {i}."
            )
            out.write(json.dumps({"id": f"r{i:05d}", "published": f"2024-10-0{i % 9 + 1}", "text": text}) + "\n")
