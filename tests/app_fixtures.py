"""Stores for the browser's tests: a few hand-annotated articles, and 100k synthetic ones.

The small store goes through the store's writer with facts written by hand as ``Extraction``s,
so the browser's tests do not depend on what extraction finds. The big store is written with
plain SQL inserts (no extraction, no per-row Python work beyond building tuples).
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

from textual.worker import WorkerCancelled

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
from store.db import open_store
from store.readers import RawArticle
from store.schema import MIGRATIONS
from store.writer import write_article

INJECTION = (
    "Officials said [@click=app.quit]x[/] was posted in a channel, with [b]bold[/b] claims "
    "and an escape \x1b[31mred\x1b[0m and a bell \x07 in the middle.\n"
    "Plain text continues here."
)

KURSK = (
    "Ukraine's military intelligence reported on Monday that at least 30 North Korean soldiers "
    "were killed and wounded in fighting near Plekhovo on December 14 and 15.\n\n"
    "The Russian defence ministry did not comment on the report. Fighting continued in the "
    "Kursk region, where Kyiv launched an incursion in August."
)

KURSK_OTHER = (
    "Russia's defence ministry said its forces repelled an attack near Plekhovo on Saturday, "
    "and that 12 Ukrainian soldiers were killed. Ukraine's military intelligence gave a "
    "different account of the same fighting."
)

KHARKIV = (
    "A Russian drone strike on Kharkiv killed three civilians overnight, regional governor "
    'Oleh Syniehubov said on Telegram. "Two houses were destroyed," Syniehubov said.'
)


async def settle(pilot, most: int = 100) -> None:
    """Wait until the app is quiet: no worker running, no preview or page pending, twice in a row."""
    app = pilot.app
    quiet = 0
    for _ in range(most):
        await pilot.pause()
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one while awaited
            quiet = 0
            continue
        await pilot.pause(0.005)
        main = next((s for s in app.screen_stack if hasattr(s, "idle")), None)
        busy = any(worker.is_running for worker in app.workers) or (main is not None and not main.idle)
        quiet = 0 if busy else quiet + 1
        if quiet >= 2:
            return


async def until(pilot, check, most: int = 200) -> None:
    """Pause until ``check()`` holds (a screen pushed by a key may take a few cycles on a busy
    machine); fails with the check's name when it never does."""
    for _ in range(most):
        if check():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never true: {getattr(check, '__name__', check)}")


def has_filter_form(app) -> bool:
    return type(app.screen).__name__ == "FilterScreen"


def span(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def _kursk() -> tuple[RawArticle, Extraction]:
    t = KURSK
    plekhovo = Entity("plekhovo", "place", "Plekhovo", [span(t, "Plekhovo")], country="RU", admin1="Kursk")
    kursk = Entity("kursk", "place", "Kursk", [span(t, "Kursk")], country="RU")
    kyiv = Entity("kyiv", "place", "Kyiv", [span(t, "Kyiv")], country="UA")
    nk = Entity("nk", "group", "North Korean soldiers", [span(t, "North Korean soldiers")])
    hur = Source("hur", "Ukraine's military intelligence", "intelligence")
    claim = Claim(
        "c1",
        "hur",
        span(t, "reported"),
        span(
            t,
            "at least 30 North Korean soldiers were killed and wounded in fighting near Plekhovo on December 14 and 15",
        ),
    )
    evidence = span(t, t.split("\n")[0])
    event = Event(
        "e1",
        "Battles",
        "Armed clash",
        evidence,
        date="2024-12-14",
        date_end="2024-12-15",
        date_precision="days",
        actors=[Actor("North Korean soldiers", span(t, "North Korean soldiers"), "nk")],
        places=[PlaceRef("plekhovo", "Plekhovo", span(t, "Plekhovo"))],
        casualties=[
            Casualty(
                "killed_or_wounded",
                30,
                None,
                "at least",
                "North Korean soldiers",
                span(t, "at least 30 North Korean soldiers were killed and wounded"),
            )
        ],
        claim_keys=["c1"],
        confidence=0.8,
    )
    article = RawArticle(
        "fixtures/kursk.txt",
        t,
        title="North Korean troops hit near Plekhovo",
        outlet="Kyiv Independent",
        published="2024-12-16",
    )
    return article, Extraction([plekhovo, kursk, kyiv, nk], [hur], [claim], [event])


def _kursk_other() -> tuple[RawArticle, Extraction]:
    t = KURSK_OTHER
    plekhovo = Entity("plekhovo", "place", "Plekhovo", [span(t, "Plekhovo")], country="RU")
    mod = Source("mod", "Russian defence ministry", "military", aliases=["Russia's defence ministry"])
    hur = Source("hur", "Ukraine's military intelligence", "intelligence")
    claim = Claim(
        "c1",
        "mod",
        span(t, "said"),
        span(t, "its forces repelled an attack near Plekhovo on Saturday, and that 12 Ukrainian soldiers were killed"),
    )
    claim2 = Claim("c2", "hur", span(t, "gave"), span(t, "a different account of the same fighting"))
    event = Event(
        "e1",
        "Battles",
        "Armed clash",
        span(t, t.split(". ")[0] + "."),
        date="2024-12-14",
        date_precision="day",
        places=[PlaceRef("plekhovo", "Plekhovo", span(t, "Plekhovo"))],
        casualties=[
            Casualty("killed", 12, 12, "exact", "Ukrainian soldiers", span(t, "12 Ukrainian soldiers were killed"))
        ],
        claim_keys=["c1"],
        confidence=0.7,
    )
    article = RawArticle(
        "fixtures/kursk-other.txt",
        t,
        title="Moscow says attack near Plekhovo repelled",
        outlet="TASS",
        published="2024-12-15",
    )
    return article, Extraction([plekhovo], [mod, hur], [claim, claim2], [event])


def _kharkiv() -> tuple[RawArticle, Extraction]:
    t = KHARKIV
    kharkiv = Entity("kharkiv", "place", "Kharkiv", [span(t, "Kharkiv")], country="UA")
    governor = Entity("oleh", "person", "Oleh Syniehubov", [span(t, "Oleh Syniehubov"), span(t, "Syniehubov", 1)])
    source = Source("oleh", "Oleh Syniehubov", "person", entity_key="oleh")
    claim = Claim(
        "c1", "oleh", span(t, "said"), span(t, "A Russian drone strike on Kharkiv killed three civilians overnight")
    )
    quote = Claim("c2", "oleh", span(t, "said", 1), span(t, "Two houses were destroyed,"), quote=True)
    event = Event(
        "e1",
        "Explosions/Remote violence",
        "Air/drone strike",
        span(t, "A Russian drone strike on Kharkiv killed three civilians overnight"),
        date="2024-12-20",
        date_precision="day",
        places=[PlaceRef("kharkiv", "Kharkiv", span(t, "Kharkiv"))],
        casualties=[Casualty("killed", 3, 3, "exact", "civilians", span(t, "killed three civilians"))],
        claim_keys=["c1"],
        confidence=0.9,
    )
    article = RawArticle(
        "fixtures/kharkiv.txt", t, title="Drone strike on Kharkiv kills three", outlet="Reuters", published="2024-12-21"
    )
    return article, Extraction([kharkiv, governor], [source], [claim, quote], [event])


def _injection() -> tuple[RawArticle, Extraction]:
    article = RawArticle(
        "fixtures/injection.txt",
        INJECTION,
        title="[b]Injected[/b] \x1b[2J title",
        outlet="[@click=app.quit]outlet[/]",
        published="2024-12-01",
    )
    return article, Extraction()


def build_small_store(path: Path, with_injection: bool = True) -> Path:
    """A store of three annotated articles (plus the injection article) at ``path``."""
    db = open_store(path)
    items = [_kursk(), _kursk_other(), _kharkiv()]
    if with_injection:
        items.append(_injection())
    with db:
        for article, extraction in items:
            write_article(db, article, extraction)
    db.close()
    return path


def add_article(path: Path, text: str, title: str, published: str) -> None:
    """One more article, written through another connection (as a live ingest would)."""
    db = open_store(path)
    with db:
        write_article(db, RawArticle(f"fixtures/{title}.txt", text, title=title, published=published), Extraction())
    db.close()


SUBTYPES = [
    "Armed clash",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Attack",
    "Peaceful protest",
    "Arrests",
]
TYPES = {
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Arrests": "Strategic developments",
}
PLACES = ["Kharkiv", "Pokrovsk", "Kherson", "Zaporizhzhia", "Avdiivka", "Sumy", "Odesa", "Kursk"]


def build_big_store(path: Path, n_articles: int = 100_000, events_per_incident: int = 1) -> Path:
    """``n_articles`` synthetic articles, one event each, grouped ``events_per_incident`` to an
    incident (consecutive articles), written by SQL in one transaction."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    for number, sql in enumerate(MIGRATIONS, start=1):
        conn.executescript(sql)
        conn.execute(f"PRAGMA user_version = {number}")
    rng = random.Random(7)
    articles, events, incidents = [], [], []
    for i in range(1, n_articles + 1):
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        place = PLACES[i % len(PLACES)]
        subtype = SUBTYPES[i % len(SUBTYPES)]
        killed = rng.randint(1, 40)
        text = f"Article {i}. Fighting near {place} on {day} killed {killed} people, officials said."
        articles.append(
            (
                i,
                f"synthetic/{i}.txt",
                f"Synthetic report {i} from {place}",
                None,
                "Synthetic Wire",
                day,
                text,
                hashlib.sha1(text.encode()).hexdigest(),
                "2024-12-31T00:00:00",
                1,
            )
        )
        start = text.index("Fighting")
        incident = (i - 1) // events_per_incident + 1
        events.append(
            (
                i,
                i,
                TYPES[subtype],
                subtype,
                day,
                "day",
                0.5,
                start,
                len(text),
                text[start:],
                place,
                f"{killed} killed",
                "officials",
                incident,
            )
        )
        if (i - 1) % events_per_incident == 0:
            incidents.append(
                (
                    incident,
                    TYPES[subtype],
                    subtype,
                    subtype,
                    day,
                    "day",
                    0.5,
                    killed,
                    place,
                    f"{killed} killed",
                    "officials",
                )
            )
    conn.executemany(
        "INSERT INTO articles (id, ref, title, url, outlet, published, text, hash, ingested_at, n_events) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        articles,
    )
    conn.executemany(
        "INSERT INTO incidents (id, type, subtype, subtypes, date, date_precision, confidence, fatalities, "
        "places_label, casualties_label, sources_label, n_events, n_articles, n_sources, stale) "
        f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {events_per_incident}, {events_per_incident}, 1, 0)",
        incidents,
    )
    conn.executemany(
        "INSERT INTO events (id, article_id, type, subtype, date, date_precision, confidence, "
        "evidence_start, evidence_end, evidence_text, places_label, casualties_label, claimant_label, "
        "incident_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events,
    )
    conn.executemany(
        "INSERT INTO sources (id, name, merge_key, type, n_claims) VALUES (?, ?, ?, ?, ?)",
        [(i, f"Source {i}", f"source {i}", "media", i % 50) for i in range(1, 501)],
    )
    conn.commit()
    conn.close()
    return path
