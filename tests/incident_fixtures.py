"""Short reports written by hand as extractions, for the incident tests: one incident per article
unless said otherwise, every span real."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.model import Actor, Casualty, Claim, Entity, Event, Extraction, PlaceRef, Source, Span
from store.readers import RawArticle
from store.writer import write_article

TYPES = {
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Armed clash": "Battles",
    "Peaceful protest": "Protests",
    "Attack": "Violence against civilians",
    "Agreement": "Strategic developments",
    "Change to group/activity": "Strategic developments",
}


@dataclass
class Place:
    name: str
    country: str | None = "UA"
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Report:
    """One incident sentence of an article."""

    subtype: str
    place: Place | None
    date: str | None = None
    precision: str = "day"
    killed: int | None = None
    victims: str = "people"  # whom ``killed`` counts
    claimant: str | None = None
    actor: str | None = None
    date_end: str | None = None
    region_word: bool = False  # the place is written "the X region"
    paragraph_break: bool = False  # a blank line before this sentence
    confidence: float = 0.7


@dataclass
class Story:
    ref: str
    reports: list[Report]
    outlet: str | None = None
    published: str = "2024-05-10"
    extra: str = ""  # text after the reports (to make reprints differ)
    url: str | None = None
    title: str | None = None  # (default: the ref)
    text: str = field(init=False, default="")


def _sentence(report: Report) -> str:
    parts = []
    if report.actor:
        parts.append(report.actor)
    verb = {
        "Armed clash": "fought near",
        "Peaceful protest": "protest in",
        "Agreement": "agreement in",
        "Change to group/activity": "sent troops to",
    }.get(report.subtype, "struck")
    parts.append(verb)
    if report.place is not None:
        parts.append(f"the {report.place.name} region" if report.region_word else report.place.name)
    else:
        parts.append("the area")
    if report.date:
        parts.append(f"on {report.date}")
    if report.killed is not None:
        parts.append(f"killing {report.killed} {report.victims}")
    if report.claimant:
        parts.append(f"{report.claimant} said")
    return " ".join(parts) + "."


def build(story: Story) -> tuple[RawArticle, Extraction]:
    """The article and a hand-made extraction with real spans."""
    text = ""
    spans = []
    for report in story.reports:
        sentence = _sentence(report)
        if text:
            text += "\n\n" if report.paragraph_break else " "
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    text += story.extra + f" ({story.ref})"  # every story's text its own (the store keeps one of each text)
    story.text = text
    entities: dict[str, Entity] = {}
    sources: dict[str, Source] = {}
    claims, events = [], []
    for n, (report, (start, end)) in enumerate(zip(story.reports, spans)):
        sentence = text[start:end]
        places = []
        if report.place is not None:
            p = report.place
            shown = f"the {p.name} region" if report.region_word else p.name
            at = start + sentence.index(shown) + (4 if report.region_word else 0)
            key = f"place:{p.name}"
            entity = entities.setdefault(
                key, Entity(key, "place", p.name, [], country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon)
            )
            entity.mentions.append(Span.of(text, at, at + len(p.name)))
            places.append(PlaceRef(key, p.name, Span.of(text, at, at + len(p.name))))
        casualties = []
        if report.killed is not None:
            phrase = f"killing {report.killed} {report.victims}"
            at = start + sentence.index(phrase)
            casualties.append(
                Casualty(
                    "killed", report.killed, report.killed, "exact", report.victims, Span.of(text, at, at + len(phrase))
                )
            )
        actors = []
        if report.actor:
            actors.append(Actor(report.actor, Span.of(text, start, start + len(report.actor))))
        claim_keys = []
        if report.claimant:
            skey = f"source:{report.claimant}"
            sources.setdefault(skey, Source(skey, report.claimant, "government"))
            cue_at = start + sentence.rindex("said")
            claims.append(Claim(f"c{n}", skey, Span.of(text, cue_at, cue_at + 4), Span.of(text, start, cue_at - 1)))
            claim_keys.append(f"c{n}")
        events.append(
            Event(
                f"e{n}",
                TYPES[report.subtype],
                report.subtype,
                Span.of(text, start, end),
                date=report.date,
                date_end=report.date_end,
                date_precision=report.precision if report.date else None,
                actors=actors,
                places=places,
                casualties=casualties,
                claim_keys=claim_keys,
                confidence=report.confidence,
            )
        )
    article = RawArticle(
        story.ref, text, title=story.title or story.ref, url=story.url, outlet=story.outlet, published=story.published
    )
    return article, Extraction(list(entities.values()), list(sources.values()), claims, events)


def write(conn, *stories: Story) -> None:
    """Write the stories, each in its own transaction, in order (as an ingest would)."""
    for story in stories:
        article, extraction = build(story)
        with conn:
            write_article(conn, article, extraction)


def incident_of(conn, ref: str, nth: int = 0) -> int:
    """The incident of the ``nth`` event (in text order) of article ``ref``."""
    return conn.execute(
        "SELECT e.incident_id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.ref = ? "
        "ORDER BY e.evidence_start LIMIT 1 OFFSET ?",
        (ref, nth),
    ).fetchone()[0]


KHARKIV = Place("Kharkiv", "UA", "Kharkiv", 49.9818, 36.2548)
CHUHUIV = Place("Chuhuiv", "UA", "Kharkiv", 49.8353, 36.6857)  # 34 km from Kharkiv
KHARKIV_SUBURB = Place("Zhuravlivka", "UA", "Kharkiv", 50.0300, 36.3200)  # 7 km from Kharkiv's centre
ROBOTYNE = Place("Robotyne", "UA", "Zaporizhzhia")
RABOTINO = Place("Rabotino", "UA", "Zaporizhzhia")
