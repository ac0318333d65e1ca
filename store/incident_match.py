"""How a report (an article's events of one incident) is matched with an incident: subtype families,
days, places, actors and casualty figures, and the score that picks the incident a report joins.
Pure functions and data: no SQLite (store/incidents.py reads and writes what they compare)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date as Date
from functools import lru_cache

from store.keys import fold, search_key

TOLERANCE_DAYS = 1  # outlets date an incident a day apart ("overnight", time zones, "on Monday")
CENTRE_DAYS = 1.5  # how far the centres of two reports' days may be (see Profile)
NEAR_KM = 15.0
MIN_SCORE = 3
HEADLINE_CHARS = 160  # a first paragraph this short is a headline
DETAIL_PARAGRAPHS = 1  # an event with no place continues a report at most this many paragraphs above it
MAX_CORE_DAYS = 33  # the widest core an incident can have (a month, widened by the tolerance)
FIGURE_FACTOR, FIGURE_SLACK = 2, 3  # figures a, b (a <= b) are compatible when b <= 2a + 3
CELL_DEGREES = 0.25  # map cells for finding near places (about 28 km north-south)

# Families of subtypes that outlets use for one incident. A subtype may be in several families;
# two subtypes are compatible when they share one.
FAMILIES: dict[str, frozenset[str]] = {
    "strike": frozenset(
        {
            "Air/drone strike",
            "Shelling/artillery/missile attack",
            "Chemical weapon",
            "Remote explosive/landmine/IED",
            "Suicide bomb",
            "Grenade",
            "Disrupted weapons use",  # the same attack told as its interception ("drones shot down")
            "Attack",  # a strike on civilians told as an attack on them
        }
    ),
    "battle": frozenset(
        {
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
            "Non-violent transfer of territory",
        }
    ),
    "violence against civilians": frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"}),
    "demonstration": frozenset(
        {
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
            "Violent demonstration",
            "Mob violence",
            "Arrests",
            "Looting/property destruction",
        }
    ),
}
_FAMILIES_OF: dict[str, frozenset[str]] = {}
for _name, _members in FAMILIES.items():
    for _subtype in _members:
        _FAMILIES_OF[_subtype] = _FAMILIES_OF.get(_subtype, frozenset()) | {_name}


def families(subtype: str) -> frozenset[str]:
    """The families of ``subtype``; a subtype in none is a family of its own."""
    return _FAMILIES_OF.get(subtype) or frozenset({subtype})


@lru_cache(maxsize=1024)
def compatible_subtypes(a: str, b: str) -> bool:
    return a == b or bool(families(a) & families(b))


# Names too wide to place an incident (countries are recognised through the gazetteer).
_WIDE_PLACES = frozenset(
    {
        "europe",
        "africa",
        "asia",
        "middle east",
        "the west",
        "west",
        "east",
        "balkans",
        "caucasus",
        "sahel",
        "latin america",
        "north america",
        "south america",
        "black sea",
        "sea",
        "baltic",
        "world",
        "donbas",
        "donbass",
        "gaza strip",
        "west bank",
    }
)
# Words that say what an actor is rather than who: dropped before comparing actors.
_ACTOR_GENERIC = frozenset(
    """
the a an of and or in on at by from for to with its their his her s
force forces troop troops army armed military soldier soldiers fighter fighters unit units militant militants
militia militias rebel rebels drone drones aircraft artillery jet jets warplane warplanes plane planes
police officer officers men gunmen people civilian civilians official officials group groups government
regime side sides attacker attackers unknown some several local allied backed led linked supported
protester protesters demonstrator demonstrators villager villagers resident residents student students
crowd crowds worker workers
""".split()
)
# a place named as a region in the text ("the Belgorod region", "Kherson oblast"), though its entity is a city
REGION_AFTER = re.compile(r"\s+(?:region|oblast|province|governorate|state|district|prefecture)\b", re.I)
REGION_WORD = re.compile(r"\b(?:region|oblast|province|governorate|state|district|prefecture)\b", re.I)
REGION_BEFORE = re.compile(r"\b(?:region|oblast|province|governorate|state|district) of\s+$", re.I)
PRECISION_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4, None: 5}
CASUALTY_ORDER = ("killed", "wounded", "killed_or_wounded", "captured", "missing", "losses")


# --------------------------------------------------------------------------------------------
# Days


@lru_cache(maxsize=8192)
def _ordinal(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return Date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None


def _day(ordinal: int) -> str:
    return Date.fromordinal(ordinal).isoformat()


def interval(
    date: str | None, date_end: str | None, precision: str | None, published: str | None
) -> tuple[int | None, int | None, bool]:
    """The days an event's date allows, and whether it is precise enough to meet other articles'
    reports (a year, or no date at all, is not)."""
    lo = _ordinal(date)
    if lo is None:
        pub = _ordinal(published)
        return (pub - 7, pub, False) if pub is not None else (None, None, False)
    hi = _ordinal(date_end)
    if hi is None or hi < lo:
        d = Date.fromordinal(lo)
        if precision == "week":
            hi = lo + 6
        elif precision == "month":
            nxt = Date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            hi = nxt.toordinal() - 1
        elif precision == "year":
            hi = Date(d.year, 12, 31).toordinal()
        else:
            hi = lo
    joinable = precision != "year" and hi - lo <= MAX_CORE_DAYS - 2 * TOLERANCE_DAYS
    return lo, hi, joinable


# --------------------------------------------------------------------------------------------
# Places


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    level: int  # 0 a country or wider, 1 a region, 2 a town, village or site
    key: str  # search key of the name
    region: str  # search key of its region ("" when unknown)

    @property
    def cell(self) -> tuple[int, int] | None:
        if self.lat is None or self.lon is None:
            return None
        return (math.floor(self.lat / CELL_DEGREES), math.floor(self.lon / CELL_DEGREES))


def _level(name: str, country: str | None, admin1: str | None, lat: float | None) -> int:
    from extract.gazetteer import gazetteer

    folded = fold(name)
    if folded in _WIDE_PLACES:
        return 0
    gaz = gazetteer()
    if gaz.country(name):
        return 0
    if lat is None and gaz.region(name) is not None:
        return 1  # a region the gazetteer knows by name (Donbas); any other is named as one in the text
    return 2


@lru_cache(maxsize=65536)
def make_place(row: tuple) -> Place:
    entity_id, name, country, admin1, lat, lon = row
    if lat is None or lon is None:
        lat = lon = None
    level = _level(name, country, admin1, lat)
    region = search_key(admin1) if admin1 else (search_key(name) if level == 1 else "")
    return Place(entity_id, name, country, admin1, lat, lon, level, search_key(name), region)


@lru_cache(maxsize=4096)
def region_place(place: Place) -> Place:
    """The place as a region: the text names its region ("the Belgorod region"), not the city."""
    if place.level != 2:
        return place
    return Place(
        place.id,
        place.name,
        place.country,
        place.admin1 or place.name,
        None,
        None,
        1,
        place.key,
        place.region or place.key,
    )


# Subtypes whose events name a capital for its government ("supply Kyiv with a Patriot battery",
# "Moscow began to withdraw forces", "Washington approved aid"): there a capital says no more of
# where than its country does, so two deliveries of one week to Kyiv are not one incident for it
METONYMIC_SUBTYPES = frozenset({"Change to group/activity", "Agreement", "Other"})


@lru_cache(maxsize=4096)
def as_government(place: Place) -> Place:
    """A capital city as its country (level 0: it locates nothing); any other place as it is."""
    from extract.gazetteer import is_capital

    if place.level != 2 or not is_capital(place.name, place.country):
        return place
    return replace(place, level=0)


def _km(p: Place, q: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (p.lat, p.lon, q.lat, q.lon))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _same_country(p: Place, q: Place) -> bool:
    return not p.country or not q.country or p.country == q.country


_VOWELS = str.maketrans("", "", "aeiouy ")


def skeleton(key: str) -> str:
    return key.translate(_VOWELS) or key


@lru_cache(maxsize=65536)
def _spelled_alike(a: str, b: str) -> bool:
    """Two search keys that are one name spelled two ways: close letter by letter, or the same
    consonants (transliterations differ in vowels: Robotyne/Rabotino, Avdiivka/Avdeevka)."""
    from rapidfuzz.fuzz import ratio

    score = ratio(a, b)
    if score >= 85:
        return True
    skeleton = a.translate(_VOWELS)
    return score >= 60 and len(skeleton) >= 3 and skeleton == b.translate(_VOWELS)


def pair_strength(p: Place, q: Place) -> int:
    """How strongly two places say "the same incident": 3 the same town, 2 a town nearby or
    the same name spelled differently in the same region, 1 a region (the same, or holding the
    other town), 0 nothing."""
    if p.level == 0 or q.level == 0:
        return 0
    if p.id == q.id:
        return 3 if p.level == 2 else 1
    if not _same_country(p, q):
        return 0
    if p.level == 2 and q.level == 2:
        if p.lat is not None and q.lat is not None:
            return 2 if _km(p, q) <= NEAR_KM else 0
        if (not p.region or not q.region or p.region == q.region) and _spelled_alike(p.key, q.key):
            return 2
        return 0
    if p.level == 1 and q.level == 1:
        return 1 if p.region == q.region else 0
    region, town = (p, q) if p.level == 1 else (q, p)
    return 1 if town.region and town.region == region.region else 0


def place_match(a: Iterable[Place], b: Iterable[Place]) -> tuple[int, bool]:
    """(strength, conflict) between two sets of places. Conflict: both name towns and none of
    them meet; or both name places and nothing meets at all."""
    a = [p for p in a if p.level]
    b = [q for q in b if q.level]
    best = 0
    towns = -1  # how well the best two towns meet (-1: not both name a town)
    for p in a:
        town = p.level == 2
        for q in b:
            s = pair_strength(p, q)
            if town and q.level == 2:
                if s == 3:
                    return 3, False  # the same town: nothing meets better
                if s > towns:
                    towns = s
            if s > best:
                best = s
    if not a or not b:
        return 0, False
    return best, 0 <= towns < 2 or best == 0


# --------------------------------------------------------------------------------------------
# Actors and figures


@lru_cache(maxsize=65536)
def actor_tokens(name: str) -> frozenset[str]:
    """What identifies an actor: its distinctive words cut to five letters (so Russia, Russian,
    Russia's meet), and the initials of a name of several words (Rapid Support Forces -> rsf)."""
    words = fold(name).split()
    kept = [w for w in words if w not in _ACTOR_GENERIC and not w.isdigit()]
    tokens = {w[:5] for w in kept if len(w) > 1}
    capitals = [w for w in name.split() if w[:1].isupper() and fold(w) not in ("the", "of", "and")]
    if len(capitals) >= 2:
        tokens.add("".join(fold(w)[:1] for w in capitals))
    return frozenset(tokens)


def _figures_compatible(x: int, lo: int, hi: int) -> bool:
    small, large = min(x, lo), max(x, hi)
    return large <= FIGURE_FACTOR * small + FIGURE_SLACK


def _close(x: int, lo: int, hi: int) -> bool:
    return abs(x - lo) <= max(1, lo // 3) or abs(x - hi) <= max(1, hi // 3)


# --------------------------------------------------------------------------------------------
# What is grouped


@dataclass
class Item:
    """One event, as grouping sees it."""

    event_id: int
    article_id: int
    key: str  # article hash:evidence start:evidence end
    start: int
    end: int
    subtype: str
    lo: int | None
    hi: int | None
    joinable: bool
    places: list[Place]
    actors: frozenset[str]
    figures: dict[str, int]  # kind -> the largest lower bound it gives
    confidence: float
    paragraph: int = 0  # paragraph breaks (blank lines) before its evidence
    report: str | None = None  # the extraction's incident key in its article (None: stored before it had one)


@dataclass
class Profile:
    """What an incident (or an article's report) is matched on.

    Its days: the events dated to a day (or a range of at most three days) give a *centre*, the
    mean of their midpoints; events dated more loosely (a week, a month) give the days they all
    allow (``wide``). Two profiles' days meet when their centres are at most ``CENTRE_DAYS``
    apart (outlets a day off either way still meet; a report two days from where most reports
    put an incident does not), or a centre falls in the other's wide days (widened by the
    tolerance), or, with no centre on either side, their wide days overlap."""

    subtypes: set[str] = field(default_factory=set)
    day_sum: float = 0.0
    day_n: int = 0
    wide: tuple[int, int] | None = None
    places: dict[tuple[int, int], Place] = field(default_factory=dict)  # (entity id, level) -> place
    actors: set[str] = field(default_factory=set)
    figures: dict[str, list[int]] = field(default_factory=dict)  # kind -> [lowest, highest]

    @property
    def centre(self) -> float | None:
        return self.day_sum / self.day_n if self.day_n else None

    @property
    def joinable(self) -> bool:
        """It has days precise enough to meet other articles' reports."""
        return self.day_n > 0 or self.wide is not None

    @property
    def coarse(self) -> bool:
        """Only dated by more than a week: it meets others only at the very same place."""
        return self.day_n == 0 and self.wide is not None and self.wide[1] - self.wide[0] > 9

    @property
    def core(self) -> tuple[int, int] | None:
        """The days a report meeting this one can fall on (a superset: what the lookup uses)."""
        if self.day_n:
            c = self.centre
            return math.floor(c - CENTRE_DAYS), math.ceil(c + CENTRE_DAYS)
        if self.wide is not None:
            return self.wide[0] - TOLERANCE_DAYS, self.wide[1] + TOLERANCE_DAYS
        return None

    def add_days(self, lo: int, hi: int) -> None:
        if hi - lo <= 2:
            self.day_sum += (lo + hi) / 2
            self.day_n += 1
        elif self.wide is None:
            self.wide = (lo, hi)
        elif max(self.wide[0], lo) <= min(self.wide[1], hi):
            self.wide = (max(self.wide[0], lo), min(self.wide[1], hi))
        # (wide days that do not meet, put together by an analyst's merge, leave it as it is)

    def add(self, item: Item | Profile) -> None:
        """Take in an event or another profile. An event dated by a year, or not at all, adds its
        subtype, places, actors and figures, not days."""
        if isinstance(item, Profile):
            self.subtypes |= item.subtypes
            self.day_sum += item.day_sum
            self.day_n += item.day_n
            if item.wide is not None:
                self.add_days(*item.wide)
            places = item.places.values()
            figures = item.figures
        else:
            self.subtypes.add(item.subtype)
            if item.joinable and item.lo is not None:
                self.add_days(item.lo, item.hi)
            places = item.places
            figures = {k: [v, v] for k, v in item.figures.items()}
        for p in places:
            self.places.setdefault((p.id, p.level), p)
        self.actors |= item.actors
        for kind, (flo, fhi) in figures.items():
            known = self.figures.get(kind)
            if known is None:
                self.figures[kind] = [flo, fhi]
            else:
                known[0], known[1] = min(known[0], flo), max(known[1], fhi)

    def days_meet(self, other: Profile) -> bool:
        """Whether the two could be dated alike (True when either has no days to go by)."""
        if not self.joinable or not other.joinable:
            return True
        a, b = self.centre, other.centre
        if a is not None and b is not None:
            return abs(a - b) <= CENTRE_DAYS
        if a is not None:
            return other.wide[0] - TOLERANCE_DAYS <= a <= other.wide[1] + TOLERANCE_DAYS
        if b is not None:
            return self.wide[0] - TOLERANCE_DAYS <= b <= self.wide[1] + TOLERANCE_DAYS
        return max(self.wide[0], other.wide[0]) <= min(self.wide[1], other.wide[1]) + TOLERANCE_DAYS

    def subtypes_fit(self, other: Profile) -> bool:
        return all(compatible_subtypes(a, b) for a in self.subtypes for b in other.subtypes)

    def figures_fit(self, other: Profile) -> tuple[bool, int]:
        """(compatible, score): +1 when a common kind agrees closely, -1 when none does."""
        common = [k for k in self.figures if k in other.figures]
        close = False
        for kind in common:
            lo, hi = other.figures[kind]
            mine_lo, mine_hi = self.figures[kind]
            for x in (mine_lo, mine_hi):
                if not _figures_compatible(x, lo, hi):
                    return False, 0
                close = close or _close(x, lo, hi)
        return True, (1 if close else -1) if common else 0

    # storage: the incidents row keeps the days as day_sum, day_n, wide_lo, wide_hi

    def dates_json(self) -> str:
        return json.dumps({"sum": self.day_sum, "n": self.day_n, "wide": list(self.wide) if self.wide else None})

    def load_dates(self, text: str | None) -> None:
        data = json.loads(text or "{}")
        self.day_sum, self.day_n = float(data.get("sum", 0.0)), int(data.get("n", 0))
        wide = data.get("wide")
        self.wide = tuple(wide) if wide else None


def score(report: Profile, incident: Profile) -> int | None:
    """How well ``report`` fits ``incident`` (None: it cannot join)."""
    if not report.joinable or not incident.joinable:
        return None
    if not report.days_meet(incident) or not report.subtypes_fit(incident):  # (days fail most)
        return None
    strength, conflict = place_match(report.places.values(), incident.places.values())
    if conflict or strength < 1 or ((report.coarse or incident.coarse) and strength < 3):
        return None
    fits, figure_score = report.figures_fit(incident)
    if not fits:
        return None
    total = strength + figure_score
    if not report.subtypes.isdisjoint(incident.subtypes):
        total += 1
    if report.actors and incident.actors:
        total += 1 if report.actors & incident.actors else 0
    return total


def may_join_told_alike(report: Profile, incident: Profile) -> bool:
    """Whether ``report``, told in the same words as an event of ``incident`` in another article, may
    join it: what ``score`` requires but the strength of the places (a region or a country is enough
    when the words are the same): days that meet, compatible subtypes and figures, no place conflict."""
    if not report.days_meet(incident) or not report.subtypes_fit(incident):
        return False
    if place_match(report.places.values(), incident.places.values())[1]:
        return False
    return report.figures_fit(incident)[0]


def fits_in_article(report: Profile, members: list[Item], item: Item, item_profile: Profile) -> bool:
    """Whether ``item`` continues ``report`` (of ``members``) of the same article: a compatible
    subtype and days, no conflicting place (two towns that do not meet, or places in different
    countries). An event with no place of its own continues the latest report of its family only
    when it has no date of its own either (none, or the same days as the report's last event: the
    extraction dates a sentence by the one before it) and follows it closely (the same or the next
    paragraph). An event with a place continues a report
    that has none only from its own paragraph, or from a headline just before it (else a later
    incident of a roundup would join a first one whose place the extraction missed)."""
    if not all(compatible_subtypes(item.subtype, s) for s in report.subtypes):
        return False
    if not report.days_meet(item_profile):
        return False
    mine = {p.country for p in item.places if p.country}
    theirs = {p.country for p in report.places.values() if p.country}
    if mine and theirs and not mine & theirs:
        return False
    last = members[-1]
    if not any(p.level for p in item.places):
        if item.paragraph - last.paragraph > DETAIL_PARAGRAPHS:
            return False  # a detail follows its lead closely; far below it is another story
        return item.lo is None or not item.joinable or (item.lo, item.hi) == (last.lo, last.hi)
    if not any(p.level for p in report.places.values()):
        headline = all(m.paragraph == 0 and m.end <= HEADLINE_CHARS for m in members) and item.paragraph == 1
        return last.paragraph == item.paragraph or headline
    return not place_match(item.places, report.places.values())[1]


def event_key(article_hash: str, start: int, end: int) -> str:
    return f"{article_hash}:{start}:{end}"
