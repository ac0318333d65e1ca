"""Places: gazetteer matches, context cues ("near X, Y and Z", "the village of X", "in the X
region", "X oblast"), and resolution of country, admin1 and coordinates from context."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.gazetteer import Place, fold, gazetteer, lookup
from extract.lexicon import PLACE_HEADS
from extract.mentions import Document

# Words before a name that make it a place even when no gazetteer knows it.
STRONG_CUES = (
    ("near",), ("outside",), ("village", "of"), ("villages", "of"), ("town", "of"), ("towns", "of"),
    ("city", "of"), ("cities", "of"), ("settlement", "of"), ("settlements", "of"), ("hamlet", "of"),
    ("suburb", "of"), ("district", "of"), ("province", "of"), ("region", "of"), ("outskirts", "of"),
    ("capital",), ("port", "of"), ("neighbourhood", "of"), ("neighborhood", "of"), ("areas", "of"),
    ("area", "of"), ("direction", "of"), ("camp", "of"), ("strip", "of"), ("island", "of"),
    ("village",), ("town",), ("city",), ("towards",), ("toward",), ("liberated",), ("captured",),
    ("recaptured",), ("retook",), ("seized",), ("shelled",), ("struck",),
)
# Words before a name that make it a place when a gazetteer also knows it.
WEAK_CUES = frozenset("""
in at from to into around across over of via through between within throughout toward towards
on along and or off inside north south east west northeast northwest southeast southwest
northern southern eastern western central
""".split())
FACILITY_HEADS = (
    ("nuclear", "power", "plant"), ("power", "plant"), ("power", "station"), ("airport",),
    ("air", "base"), ("airbase",), ("airfield",), ("refinery",), ("dam",), ("bridge",),
    ("port",), ("seaport",), ("railway", "station"), ("train", "station"), ("hospital",),
    ("refugee", "camp"), ("camp",), ("crossing",), ("border", "crossing"), ("military", "base"),
)
BARE_POPULATION = 100_000  # a bare capitalised name is a place when this big ("Kharkiv", "Gaza")


@dataclass(slots=True)
class PlaceInfo:
    """What resolution found for one place entity."""

    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    name: str | None = None  # the gazetteer's name when the match is unique
    aliases: list[str] = field(default_factory=list)
    is_country: bool = False
    is_region: bool = False


def cue_before(doc: Document, first: int) -> str | None:
    """"strong", "weak" or None: what the words just before token ``first`` say."""
    tokens = doc.tokens
    j = first - 1
    if j >= 0 and tokens[j].lower == "the":
        j -= 1
    for words in STRONG_CUES:
        n = len(words)
        if j - n + 1 >= 0 and all(tokens[j - n + 1 + k].lower == words[k] for k in range(n)) \
                and tokens[j - n + 1].sentence == tokens[first].sentence:
            return "strong"
    if j >= 0 and tokens[j].lower in WEAK_CUES and tokens[j].sentence == tokens[first].sentence:
        return "weak"
    return None


def head_after(doc: Document, last: int) -> tuple[str, int] | None:
    """A place head word right after a name ("Kursk region", "Donetsk Oblast"): (head, its index)."""
    j = last + 1
    tokens = doc.tokens
    if j < len(tokens) and tokens[j].lower in PLACE_HEADS and not tokens[last].possessive \
            and doc.text[tokens[last].end:tokens[j].start] == " " and tokens[j].sentence == tokens[last].sentence:
        return tokens[j].lower, j
    return None


def facility_after(doc: Document, last: int) -> int | None:
    """Index of the last token of a facility head after a name ("Zaporizhzhia nuclear power plant")."""
    tokens = doc.tokens
    for words in FACILITY_HEADS:
        n = len(words)
        if last + n < len(tokens) and all(tokens[last + 1 + k].lower == words[k] for k in range(n)) \
                and doc.joined(last, last + n):
            return last + n
    return None


def known_place(name: str) -> tuple[Place, ...]:
    return lookup(name)


def country_code(name: str) -> str | None:
    return gazetteer().country(name)


def is_big_place(places: tuple[Place, ...]) -> bool:
    return any(p.population >= BARE_POPULATION for p in places)


def resolve(name: str, contexts: list[tuple[set[str], set[str]]], article_countries: set[str],
            is_region: bool) -> PlaceInfo:
    """Country, admin1 and (only when unambiguous) coordinates for a place.

    ``contexts`` holds, for each mention, the countries and admin1 regions named in its sentence
    ("in Russia's Kursk region" -> ({"RU"}, {"kursk"})).
    """
    info = PlaceInfo(is_region=is_region)
    code = country_code(name)
    if code and not is_region:
        info.country, info.is_country = code, True
        return info
    candidates = [p for p in lookup(name) if not (p.lat == 0.0 and p.lon == 0.0)]  # rows without a pin are countries
    countries = set().union(*(c for c, _ in contexts)) if contexts else set()
    regions = set().union(*(r for _, r in contexts)) if contexts else set()
    regions.discard(fold(name))
    explicit = bool(countries or regions)
    if regions:
        info.admin1 = _title_of(sorted(regions)[0]) if len(regions) == 1 else None
        region_countries = {p.country for r in regions for p in lookup(r) if p.population >= 50_000}
        if not countries and len(region_countries) == 1:
            countries = set(region_countries)
    if is_region:
        info.admin1 = name
    if not explicit:
        countries = set(article_countries)
    pool = candidates
    if countries:
        pool = [p for p in pool if p.country in countries]
    if regions:
        pool = [p for p in pool if p.admin1 is None or fold(p.admin1) in regions]
    if len(countries) == 1:
        info.country = next(iter(countries))
    if not pool:
        if not explicit and candidates and len({p.country for p in candidates}) == 1 and not article_countries:
            pool = candidates  # nothing to check against: a unique gazetteer place stands
        else:
            return info
    best = max(pool, key=lambda p: p.population)
    others = [p for p in pool if p is not best]
    unique = not others or (best.population >= 50_000 and all(best.population >= 10 * max(1, p.population) for p in others))
    if len({p.country for p in pool}) == 1:
        info.country = best.country
    if len({p.admin1 for p in pool}) == 1 and best.admin1:
        info.admin1 = best.admin1
    if unique:
        info.country, info.admin1 = best.country, best.admin1 or info.admin1
        if not is_region:
            info.lat, info.lon = best.lat, best.lon
        info.name = best.name
        info.aliases = list(best.aliases)
    return info


def _title_of(key: str) -> str:
    places = lookup(key)
    if places:
        best = max(places, key=lambda p: p.population)
        if fold(best.name) == key:
            return best.name
    return " ".join(w.capitalize() for w in key.split())
