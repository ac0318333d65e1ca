"""What extraction returns: plain dataclasses, every fact with the span it came from.

Offsets are Python string indices (code points) into the article's stored text, end exclusive,
and ``text[start:end] == span.text`` always (see docs/contract.md, "Spans").

Within one article, entities and sources are referred to by ``key`` (a string unique in that
article's result); the store turns keys into row ids and merges entities across articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

# the years a publication date (and an analyst's event date) may have: one outside is no date of
# today's news, and dates counted from it would leave the calendar ("0001-01-01", "9999-12-31")
FIRST_YEAR, LAST_YEAR = 1800, 2200


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        # Speed (hundreds of spans per article): the fields are set through their slots, which a frozen
        # dataclass's __init__ does with three slower object.__setattr__ calls; the result is the same.
        span = _new(cls)
        _set_start(span, start)
        _set_end(span, end)
        _set_text(span, text[start:end])
        return span

    def __reduce__(self):
        # Speed (the ingest writer unpickles every span the extraction workers send): pickled as a
        # call of _restore, not through the frozen dataclass's __setstate__, which looks up fields()
        # for every span
        return _restore, (self.start, self.end, self.text)


def _restore(start: int, end: int, text: str) -> Span:
    span = _new(Span)
    _set_start(span, start)
    _set_end(span, end)
    _set_text(span, text)
    return span


_new = object.__new__
_set_start, _set_end, _set_text = Span.start.__set__, Span.end.__set__, Span.text.__set__


ENTITY_TYPES = ("place", "person", "organization", "group")
SOURCE_TYPES = (
    "person",
    "government",
    "military",
    "intelligence",
    "media",
    "international",
    "anonymous",
    "other",
)
CASUALTY_KINDS = ("killed", "wounded", "killed_or_wounded", "captured", "missing", "losses")
QUALIFIERS = ("exact", "at least", "more than", "about", "up to", "range", "vague")
DATE_PRECISIONS = ("day", "days", "week", "month", "year")
# how a label writes each kind ("≥30 killed/wounded")
CASUALTY_WORDS = {
    "killed": "killed",
    "wounded": "wounded",
    "killed_or_wounded": "killed/wounded",
    "captured": "captured",
    "missing": "missing",
    "losses": "losses",
}

# ACLED's taxonomy, exactly (docs/contract.md): event type -> its subtypes.
TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUBTYPE_TO_TYPE: dict[str, str] = {sub: typ for typ, subs in TAXONOMY.items() for sub in subs}


@dataclass(slots=True)
class Entity:
    key: str
    type: str  # one of ENTITY_TYPES
    name: str  # canonical name ("Volodymyr Zelensky", "Plekhovo")
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other names: gazetteer alternates, spellings seen
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # first-level region name ("Kursk")
    lat: float | None = None  # only when the match is unambiguous
    lon: float | None = None
    attributes: dict[str, str] = field(default_factory=dict)  # e.g. {"title": "President"}


@dataclass(slots=True)
class Source:
    key: str
    name: str  # "Ukraine's military intelligence", "AFP", "Volodymyr Zelensky"
    type: str  # one of SOURCE_TYPES
    aliases: list[str] = field(default_factory=list)
    entity_key: str | None = None  # the entity this source is, when it is one (a person, an outlet)


@dataclass(slots=True)
class Claim:
    key: str
    source_key: str
    cue: Span  # "reported", "said", "according to"
    content: Span  # what is claimed
    quote: bool = False  # a direct quotation
    credibility: str = "6"  # Admiralty 1-6; 6 = not yet judged
    via_source_key: str | None = None  # the medium that relayed it ("told AFP")


@dataclass(slots=True)
class Casualty:
    kind: str  # one of CASUALTY_KINDS
    min: int | None
    max: int | None
    qualifier: str  # one of QUALIFIERS
    who: str | None
    span: Span


@dataclass(slots=True)
class Actor:
    name: str
    span: Span
    entity_key: str | None = None


@dataclass(slots=True)
class PlaceRef:
    entity_key: str
    name: str
    span: Span


@dataclass(slots=True)
class Event:
    key: str
    type: str
    subtype: str
    evidence: Span
    date: str | None = None  # ISO YYYY-MM-DD (first day of the period)
    date_end: str | None = None
    date_precision: str | None = None  # one of DATE_PRECISIONS
    actors: list[Actor] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    claim_keys: list[str] = field(default_factory=list)
    confidence: float = 0.5  # the probability that the sentence reports an incident of this subtype
    incident: str = ""  # events of one article with the same key report the same incident


@dataclass(slots=True)
class Extraction:
    entities: list[Entity] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def _pickled_by_fields(cls: type) -> None:
    """Speed: instances of ``cls`` pickle as a call of the class with its fields in order, not through
    the slots dataclass's ``__getstate__`` and ``__setstate__``, which call ``fields()`` for every
    object. The extraction workers pickle every result and the ingest writer unpickles it: this halves
    the writer's unpickling (0.72 -> 0.36 ms an article of bench/make_corpus.py's corpus) and makes
    the results a fifth smaller."""
    values = attrgetter(*(f.name for f in fields(cls)))  # (every class here has several fields: a tuple)
    cls.__reduce__ = lambda self: (cls, values(self))


for _cls in (Entity, Source, Claim, Casualty, Actor, PlaceRef, Event, Extraction):
    _pickled_by_fields(_cls)
del _cls
