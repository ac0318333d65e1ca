"""Places: gazetteer matches, context cues ("near X, Y and Z", "the village of X", "in the X
region", "X oblast"), and resolution of country, admin1 and coordinates from context."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from extract.gazetteer import Place, fold, gazetteer, lookup, loose
from extract.lexicon import PLACE_HEADS
from extract.lexicon.places import (
    FACILITY_HEADS,
    FEATURE_HEADS,
    ORG_AFTER,
    STRONG_CUES,
    WEAK_CUES,
)
from extract.mentions import Document

_FACILITIES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _words in sorted(FACILITY_HEADS, key=len, reverse=True):
    _FACILITIES_BY_FIRST.setdefault(_words[0], []).append(_words)
_STRONG_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _words in sorted(STRONG_CUES, key=len, reverse=True):
    _STRONG_BY_LAST.setdefault(_words[-1], []).append(_words)
BARE_POPULATION = 100_000
_NO_CONTEXT_POPULATION = 15_000
_VILLAGE_POPULATION = 5_000  # below this a pin needs the region confirmed by the text  # with no country named anywhere, smaller namesakes get no pin  # a bare capitalised name is a place when this big ("Kharkiv", "Gaza")


@dataclass(slots=True)
class PlaceInfo:
    """What resolution found for one place entity."""

    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    name: str | None = None  # the gazetteer's name when the match is unique
    population: int = 0
    aliases: list[str] = field(default_factory=list)
    is_country: bool = False
    is_region: bool = False


_MARKUP = frozenset({"*", "_", "[", "(", "“", '"', "‘", "'", "«"})


def cue_before(doc: Document, first: int) -> str | None:
    """ "strong", "weak" or None: what the words just before token ``first`` say."""
    tokens = doc.tokens
    j = first - 1
    while j >= 0 and tokens[j].text in _MARKUP:
        j -= 1  # "toward *Sudzha*", "retook **Plekhovo**", "near “Avdiivka”"
    if j >= 0 and tokens[j].lower == "the":
        j -= 1
    if j >= 0 and tokens[j].text == ":" and _settlements_before(doc, j):
        return "strong"  # "these settlements came under fire: X, Y and Z"
    for words in _STRONG_BY_LAST.get(tokens[j].lower, ()) if j >= 0 else ():
        n = len(words)
        if (
            j - n + 1 >= 0
            and (n == 1 or tuple(doc.lowers[j - n + 1 : j + 1]) == words)
            and tokens[j - n + 1].sentence == tokens[first].sentence
        ):
            return "strong"
    if j >= 0 and tokens[j].lower in WEAK_CUES and tokens[j].sentence == tokens[first].sentence:
        return "weak"
    return None


_SETTLEMENT_NOUNS = frozenset("settlements villages towns cities localities communities hromadas".split())


def _settlements_before(doc: Document, colon: int) -> bool:
    """A plural settlement noun among the ten words before a colon, in its sentence."""
    sentence = doc.tokens[colon].sentence
    for k in range(colon - 1, max(-1, colon - 11), -1):
        if doc.tokens[k].sentence != sentence:
            return False
        if doc.lowers[k] in _SETTLEMENT_NOUNS:
            return True
    return False


def head_after(doc: Document, last: int) -> tuple[str, int] | None:
    """A head word right after a name ("Kursk region", "Donetsk Oblast", "Bekaa valley",
    "Sever group"): (head, its index)."""
    j = last + 1
    tokens = doc.tokens
    end = tokens[last].end
    if j < len(tokens) and tokens[j].text in ('"', "”", "»") and tokens[j].start == end:
        end, j = tokens[j].end, j + 1  # 'the "Sever" group of forces'
    if (
        j < len(tokens)
        and (tokens[j].lower in PLACE_HEADS or tokens[j].lower in FEATURE_HEADS or tokens[j].text in ORG_AFTER)
        and not tokens[last].possessive
        and doc.text[end : tokens[j].start] == " "
        and tokens[j].sentence == tokens[last].sentence
    ):
        return tokens[j].lower, j
    return None


def facility_after(doc: Document, last: int) -> int | None:
    """Index of the last token of a facility head after a name ("Zaporizhzhia nuclear power plant")."""
    tokens = doc.tokens
    if last + 1 >= len(tokens):
        return None
    for words in _FACILITIES_BY_FIRST.get(tokens[last + 1].lower, ()):
        n = len(words)
        if (
            last + n < len(tokens)
            and tuple(doc.lowers[last + 1 : last + n + 1]) == words
            and doc.joined(last, last + n)
        ):
            return last + n
    return None


@lru_cache(maxsize=8192)
def country_code(name: str) -> str | None:
    return gazetteer().country(name)


def is_big_place(places: tuple[Place, ...]) -> bool:
    return any(p.population >= BARE_POPULATION for p in places)


# How alike (rapidfuzz ratio of loose keys) a name and a place's own name are when the name is a
# spelling of it: "Kharkov" ~ "Kharkiv" 86, "Cologne" ~ "Koln" 55, "Danzig" ~ "Gdansk" 50; under it
# the name is another one the place had or has elsewhere: "Salisbury" for Harare 27 (its colonial
# name), "Beria" for Aleppo 20 (an ancient one), "Stalin" for Donetsk 15, "Turn" for Angren 40.
_SPELLING = 50
_LOOSE_SPELLING = 70  # of a name matched only by its loose key: "Hodeidah" ~ "al hudaidah" 74, "Tory" ~ "turin" 67


def spelling_of(name: str, place: Place, loosely: bool = False) -> bool:
    """Whether ``name`` is ``place``'s own name or a spelling of it, not another name of it;
    ``loosely``: the gazetteer matched the name only by its loose key, so it must be closer."""
    key, own = loose(fold(name)), _own_key(place.name)
    return key == own or ratio(key, own) >= (_LOOSE_SPELLING if loosely else _SPELLING)


@lru_cache(maxsize=8192)
def called_so(name: str) -> tuple[Place, ...]:
    """The gazetteer places ``name`` names by itself, with nothing around it saying it is a place:
    those whose own name it is or spells, not those that had it as another name (the news' Salisbury
    is the English city, not Harare; its Beria and Stalin are people, not Aleppo and Donetsk). A
    name the gazetteer matched only by its loose key must be closer to a place's own name
    ("Kupyansk", "Hodeidah" for Al Hudaydah): "Tory" is not Turin (by its Italian name "Tori")."""
    places = lookup(name)
    if not places:
        return ()
    loosely = not gazetteer().exact(name)
    return tuple(p for p in places if spelling_of(name, p, loosely))


@lru_cache(maxsize=4096)
def region_admin1(region: str) -> tuple[str | None, frozenset[str]]:
    """A region named in the text ("kursk", "zaporizhzhia") -> (its country, folded admin1 names
    the gazetteer may use for it), or (None, empty) when no gazetteer place tells."""
    big = _dominant([p for p in lookup(region) if p.population >= 50_000])
    if big is None:
        return gazetteer().region(region) or None, frozenset()
    listed = gazetteer().region(region)
    if listed is not None and big.country != listed:
        # a region named as one is not a town of another country called so (or having the name as
        # an alternate): "Shan State" is Myanmar's, not China's Shancheng; "(Satipo, Junin)" is
        # Peru's region, not Argentina's city; "La Libertad", a region of Peru and El Salvador, is
        # not Ecuador's town
        return listed or None, frozenset({region})
    names = {region}
    if big.admin1:
        names.add(fold(big.admin1))
    return big.country, frozenset(names)


def resolve(
    name: str,
    contexts: list[tuple[set[str], set[str]]],
    article: tuple[set[str], set[str], set[str]],
    is_region: bool,
    hinted: bool = False,
    village: bool = False,
) -> PlaceInfo:
    """Country, admin1 and (only when unambiguous) coordinates for a place; see ``_resolve``.
    A region no gazetteer town is named after ("Tigray", "Borno state") takes its country from
    the list of first-level regions."""
    code = gazetteer().region(name)
    if code and not country_code(name):
        towns = [p for p in lookup(name) if not (p.lat == 0.0 and p.lon == 0.0)]
        if towns and all(
            p.population < (BARE_POPULATION if p.country != code else _NO_CONTEXT_POPULATION) for p in towns
        ):
            # "Texas" is the US state, not the Mexican village of that name; "Virginia" the US state,
            # not a South African town, nor the Minnesotan one of 8,000 people
            return PlaceInfo(country=code, admin1=name, is_region=True)
        if is_region and not any(
            p.population >= BARE_POPULATION and _own_key(p.name) == loose(fold(name)) for p in towns
        ):
            # "Chin State" is Myanmar's, not a Chinese city with "Chin" among its other names; and
            # "Kayin" is Myanmar's, not Belgium's Kain
            return PlaceInfo(country=code, admin1=name, is_region=True)
    info = _resolve(name, contexts, article, is_region, hinted, village)
    if info.is_country or info.lat is not None:
        return info
    if code is not None and info.name is None:
        if code and (info.country is None or is_region):
            info.country = code
        if not lookup(name):
            info.is_region = True
            info.admin1 = info.admin1 or name
    return info


def _resolve(
    name: str,
    contexts: list[tuple[set[str], set[str]]],
    article: tuple[set[str], set[str], set[str]],
    is_region: bool,
    hinted: bool = False,
    village: bool = False,
) -> PlaceInfo:
    """Country, admin1 and (only when unambiguous) coordinates for a place.

    ``contexts`` holds, for each mention whose sentence names a country or region, those countries
    and folded regions ("in Russia's Kursk region" -> ({"RU"}, {"kursk"})). Such context binds: a
    gazetteer place elsewhere is not taken. Without it, places in the countries and regions the
    article names are preferred, and a pin is given only to a unique, consistent or clearly
    dominant place. ``article``: the countries the article names, the folded admin1 names of the
    regions it names (see ``article_admin1s``), and the countries its demonyms point at.
    """
    info = PlaceInfo(is_region=is_region)
    code = country_code(name)
    if code and not is_region:
        info.country, info.is_country = code, True
        return info
    candidates = [
        p
        for p in lookup(name)
        if not (p.lat == 0.0 and p.lon == 0.0)  # pinless rows are countries
        and not (village and p.population >= BARE_POPULATION)
    ]  # "the village of X" is no city
    key = loose(fold(name))
    by_own_name = [p for p in candidates if _own_key(p.name) == key]
    if by_own_name:
        # A place called so comes before places with it as another name, unless one of those
        # is far bigger (the Palestinian "Janin" for "Jenin", not the Polish village Jenin); a
        # hundred times bigger when that other name is no spelling of its own (Makkah, 180 times
        # Mecca, California, is the news' Mecca; Harare, once Salisbury, is only 34 times Salisbury,
        # England)
        floor = 10 * max(p.population for p in by_own_name)
        candidates = by_own_name + [
            p
            for p in candidates
            if p not in by_own_name and p.population > (floor if spelling_of(name, p) else 10 * floor)
        ]
    countries = set().union(*(c for c, _ in contexts)) if contexts else set()
    regions = set().union(*(r for _, r in contexts)) if contexts else set()
    regions.discard(fold(name))
    admin1s: set[str] = set()  # folded admin1 names of regions the gazetteer can place
    for region in regions:
        admin1s |= region_admin1(region)[1]
    if regions and not countries:
        countries = {c for c in (region_admin1(r)[0] for r in regions) if c}
    first_level = [r for r in regions if gazetteer().region(r) is not None] if len(regions) > 1 else list(regions)
    if len(first_level) == 1:
        info.admin1 = _title_of(first_level[0])  # of "Djibo, Soum province, Sahel region": Sahel
    if is_region and not regions:
        info.admin1 = name  # a region within a named one ("Kyaukme township, Shan State") is not first-level
    explicit = bool(countries or regions)
    pool = candidates
    article_countries, article_admin1s, pointed = article
    if explicit:
        if countries:
            famous = _famous(pool)
            pool = [p for p in pool if p.country in countries]
            if (
                famous is not None
                and famous not in pool
                and not admin1s
                and not hinted
                and famous.population >= 10 * max([1] + [p.population for p in pool])
            ):
                pool = [famous]  # "Berlin" near a mention of Russia is still Germany's capital
                countries = {famous.country}
        elif article_countries or pointed:
            pool = _in_article(pool, article_countries, pointed)
        if admin1s:
            pool = [p for p in pool if p.admin1 and fold(p.admin1) in admin1s]
        if len(countries) == 1:
            info.country = next(iter(countries))
        if not pool:
            # The context names somewhere no gazetteer place of this name is, so the context
            # stands, unpinned; except for a famous place ("Moscow" in a sentence naming Ukraine).
            famous = _famous(candidates)
            if admin1s or famous is None:
                return info
            info.country = None
            pool = [famous]
    own_inside = [p for p in by_own_name if p.admin1 and fold(p.admin1) in article_admin1s] if not explicit else []
    if own_inside and not any(p.population >= BARE_POPULATION for p in by_own_name if p not in own_inside):
        # "Stanislav" in an article on the Kherson region is the village there, not the city elsewhere
        # once called so (but "Odesa" stays the city, whatever village shares its name)
        pool = own_inside
    elif not explicit:
        if article_countries or pointed:
            pool = _in_article(pool, article_countries, pointed)
        else:
            pool = [p for p in pool if p.population >= _NO_CONTEXT_POPULATION]  # nothing to check against
        if article_admin1s and not any(p.population >= BARE_POPULATION for p in pool):
            # A small place in an article about named regions: pin only one in those regions.
            inside = [p for p in pool if p.admin1 and fold(p.admin1) in article_admin1s]
            if not inside:
                if len({p.country for p in pool}) == 1 and pool[0].country in article_countries | pointed:
                    info.country = pool[0].country
                return info
            pool = inside
    if not pool:
        return info
    best = pool[0] if len(pool) == 1 else _dominant(pool)
    if best is None:
        if len({p.country for p in pool}) == 1:
            info.country = pool[0].country
            if len({p.admin1 for p in pool}) == 1 and pool[0].admin1:
                info.admin1 = pool[0].admin1
        return info
    if best.population < BARE_POPULATION and _own_key(best.name) != loose(fold(name)):
        return info  # a small place known by this name only as an alternate: no guess, no pin
    if regions and best.population < BARE_POPULATION and best.admin1 and fold(best.admin1) not in regions | admin1s:
        return info  # the text puts it in another region: "Soum province, Sahel region" is no Senegalese village
    info.country = best.country
    info.admin1 = best.admin1 or info.admin1
    confirmed = bool(best.admin1) and fold(best.admin1) in (admin1s | article_admin1s)
    if best.population < _VILLAGE_POPULATION and not confirmed:
        # Villages share names by the dozen ("Zelenivka", "Novoselivka") and the gazetteer
        # lists only those of 500 people or more: a pin needs the region named in the text.
        return info
    if not is_region:
        info.lat, info.lon = best.lat, best.lon
    info.name = best.name
    info.population = best.population
    info.aliases = list(best.aliases)
    return info


def article_admin1s(regions: set[str] | frozenset[str]) -> frozenset[str]:
    """The folded admin1 names the gazetteer may use for the regions an article names."""
    return frozenset().union(*(region_admin1(r)[1] for r in regions))


def _own_key(name: str) -> str:
    """A gazetteer name's loose key without a trailing "Town"/"City" ("Buthidaung Town")."""
    key = loose(fold(name))
    for suffix in (" town", " city", " village"):
        if key.endswith(suffix):
            return key[: -len(suffix)]
    return key


def _in_article(pool: list[Place], named: set[str], pointed: set[str]) -> list[Place]:
    """Places in the countries the article names, unless a far bigger namesake elsewhere is
    meant ("Berlin" is not a Russian village in an article naming Russia); then places in the
    countries its demonyms point at, if none bigger is elsewhere; else only a famous place."""
    famous = _famous(pool)
    inside = [p for p in pool if p.country in named]
    if inside:
        if (
            famous is not None
            and famous not in inside
            and famous.population >= 10 * max(1, max(p.population for p in inside))
        ):
            return [famous]
        return inside
    biggest = max((p.population for p in pool), default=0)
    pointed_at = [p for p in pool if p.country in pointed]
    if pointed_at and max(p.population for p in pointed_at) >= biggest:
        return pointed_at
    if not named:  # only demonyms, none of them here: as good as no context
        return [p for p in pool if p.population >= _NO_CONTEXT_POPULATION]
    return [famous] if famous else []


def _famous(places: list[Place]) -> Place | None:
    best = _dominant(places)
    return best if best is not None and best.population >= BARE_POPULATION else None


def _dominant(places: list[Place]) -> Place | None:
    """The one place clearly meant when several share a name: by far the most populous."""
    if not places:
        return None
    if len(places) == 1:
        return places[0]
    ranked = sorted(places, key=lambda p: -p.population)
    best, second = ranked[0], ranked[1]
    ratio = best.population / max(1, second.population)
    if (best.population >= 50_000 and ratio >= 10) or (best.population >= BARE_POPULATION and ratio >= 5):
        return best  # "Geneva" (Switzerland, 180,000) over Geneva, Illinois (21,000)
    return None


def _title_of(key: str) -> str:
    places = lookup(key)
    if places:
        best = max(places, key=lambda p: p.population)
        if fold(best.name) == key:
            return best.name
    return " ".join(w.capitalize() for w in key.split())
