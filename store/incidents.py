"""Incidents: the events that report one real incident, across articles and within one article.

Grouping is incremental and greedy. When an article is written, its events are grouped, in text
order, into the article's own *reports* (one report per incident the article tells: its headline,
lead and detail sentences of one strike are one report); then each report joins the existing
incident it fits best, or starts a new one. Nothing already grouped is looked at again, so the
cost of an article does not grow with the store; the same articles written in the same order
always give the same incidents (every choice is ordered, ties go to the lowest id).

Within an article, the extraction says which events tell one incident (their ``report`` key: it read
the whole text, its paragraphs and figures told again); events stored before it said so (``report``
NULL) join the latest earlier report that they are compatible with: a subtype
of the same family, dates that overlap (each widened by ``TOLERANCE_DAYS``), and no conflicting
place (two reports naming different towns conflict; a town and its region, or a report with no
place at all, do not). An event with no place of its own joins the report of the preceding event
of its family when their dates allow it.

Across articles, a report joins an incident when:
- its subtypes share a family (``FAMILIES``) with every subtype of the incident;
- its days overlap the incident's *core*: the days every event of the incident allows (each event's
  date widened by its precision: a day, a range, a week, a month; then by ``TOLERANCE_DAYS`` either
  way). Joining narrows the core, so an incident never drifts over a week of daily reports; a
  year-precise or undated report never joins another article's incident;
- its places meet the incident's: the same place, towns within ``NEAR_KM`` (gazetteer
  coordinates), the same region (admin1) and a name that differs only in spelling when there are no
  coordinates, or a town and the region holding it; countries alone never meet;
- its casualty figures of each kind are within a factor of three (plus five) of the incident's;
- no analyst's split keeps them apart;
and then scores at least ``MIN_SCORE``: the place (3 the same town, 2 a near or respelled one, 1 a
region), the same subtype (+1), actors that share a name (+1), figures that
agree within a third (+1). The best scoring incident wins, the lowest id on a tie.

Candidates are found by index, not by scanning: ``incident_keys`` holds, for every incident,
each family of its subtypes joined with each of its places, their regions and map cells, with the
days of its core; a report looks up the families of one of its subtypes with its own places, their
regions and the cells around them, among incidents whose core meets its days.

When the order differs. Greedy grouping depends on order only at the margins: a report that fits
two incidents joins the better one that exists when it arrives, and the narrowing core means
that reports two days apart can meet through a third between them in one order but not in
another. ``bench/incident_eval.py`` measures how much two ingest orders of one corpus differ.

The analyst's merges and splits are kept as pairs of events named by stable keys (the article's
content hash and the event's evidence span), in ``incident_choices``: a pair kept 'together' is
grouped together before anything else is tried; a pair kept 'apart' never shares an incident.
They survive re-ingest (the same text gives the same keys) and regrouping; when re-extraction
moves an evidence span, the event of that article whose span overlaps the old one most takes the
choice.

The display fields of an incident (its date or range, places, casualty range across sources,
independent sources) are recomputed from its events when it is marked stale, at most every
``REFRESH_SECONDS`` during an ingest and at its end (``Grouper.flush``). No textual here.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date
from functools import lru_cache

from extract.model import CASUALTY_WORDS, SUBTYPE_TO_TYPE
from store.keys import fold, merge_key, search_key

TOLERANCE_DAYS = 1  # outlets date an incident a day apart ("overnight", time zones, "on Monday")
CENTRE_DAYS = 1.5  # how far the centres of two reports' days may be (see Profile)
NEAR_KM = 15.0
MIN_SCORE = 3
HEADLINE_CHARS = 160  # a first paragraph this short is a headline
REFRESH_SECONDS = 2.0  # an ingest recomputes incidents' display fields at most this often
PROFILE_CACHE = 50_000  # incident profiles a writer keeps in memory (about 1 KB each)
DETAIL_PARAGRAPHS = 1  # an event with no place continues a report at most this many paragraphs above it
BRIDGE_SCORE = 4  # two incidents that one report fits are merged when they fit each other this well
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
_REGION_AFTER = re.compile(r"\s+(?:region|oblast|province|governorate|state|district|prefecture)\b", re.I)
_REGION_WORD = re.compile(r"\b(?:region|oblast|province|governorate|state|district|prefecture)\b", re.I)
_REGION_BEFORE = re.compile(r"\b(?:region|oblast|province|governorate|state|district) of\s+$", re.I)
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
def _as_region(place: Place) -> Place:
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


def _km(p: Place, q: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (p.lat, p.lon, q.lat, q.lon))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _same_country(p: Place, q: Place) -> bool:
    return not p.country or not q.country or p.country == q.country


_VOWELS = str.maketrans("", "", "aeiouy ")


def _skeleton(key: str) -> str:
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
    if p.level == 2 and q.level == 2:
        if not _same_country(p, q):
            return 0
        if p.lat is not None and q.lat is not None:
            return 2 if _km(p, q) <= NEAR_KM else 0
        if (not p.region or not q.region or p.region == q.region) and _spelled_alike(p.key, q.key):
            return 2
        return 0
    if not _same_country(p, q):
        return 0
    if p.level == 1 and q.level == 1:
        return 1 if p.region == q.region else 0
    region, town = (p, q) if p.level == 1 else (q, p)
    return 1 if town.region and town.region == region.region else 0


def place_match(a: Iterable[Place], b: Iterable[Place]) -> tuple[int, bool]:
    """(strength, conflict) between two sets of places. Conflict: both name towns and none of
    them meet; or both name places and nothing meets at all."""
    a = [p for p in a if p.level > 0]
    b = [p for p in b if p.level > 0]
    if not a or not b:
        return 0, False
    best = 0
    towns = 0
    for p in a:
        for q in b:
            s = pair_strength(p, q)
            best = max(best, s)
            if p.level == 2 and q.level == 2:
                towns = max(towns, s)
    both_towns = any(p.level == 2 for p in a) and any(q.level == 2 for q in b)
    conflict = (both_towns and towns < 2) or best == 0
    return best, conflict


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

    subtypes: Counter = field(default_factory=Counter)
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
            self.subtypes.update(item.subtypes)
            self.day_sum += item.day_sum
            self.day_n += item.day_n
            if item.wide is not None:
                self.add_days(*item.wide)
            places = item.places.values()
            figures = item.figures
        else:
            self.subtypes[item.subtype] += 1
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
    if not report.subtypes_fit(incident) or not report.days_meet(incident):
        return None
    strength, conflict = place_match(report.places.values(), incident.places.values())
    if conflict or strength < 1 or ((report.coarse or incident.coarse) and strength < 3):
        return None
    fits, figure_score = report.figures_fit(incident)
    if not fits:
        return None
    total = strength + figure_score
    if set(report.subtypes) & set(incident.subtypes):
        total += 1
    if report.actors and incident.actors:
        total += 1 if report.actors & incident.actors else 0
    return total


def _fits_in_article(report: Profile, members: list[Item], item: Item, item_profile: Profile) -> bool:
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


# --------------------------------------------------------------------------------------------
# Reading events from the store


def event_key(article_hash: str, start: int, end: int) -> str:
    return f"{article_hash}:{start}:{end}"


class Grouper:
    """Groups the events of articles as they are written. One per writer run (it caches
    entities it has read and the analyst's choices); ``clear()`` it when a transaction rolls back,
    and ``flush()`` it before committing."""

    def __init__(self) -> None:
        self._places: dict[int, Place] = {}
        self._choices: dict[str, list[tuple[int, int, str, str]]] | None = None
        self._choices_version: tuple | None = None
        self.touched: set[int] = set()
        # incident -> (profile, what the store holds of it: core, lookup keys, places), the most
        # recently used kept; dropped when another connection has written to the store since
        # (``PRAGMA data_version``), or when a transaction rolls back (``clear``)
        self._profiles: OrderedDict[int, tuple[Profile, tuple]] = OrderedDict()
        self._data_version: int | None = None
        self._dirty: set[int] = set()  # profiles whose incidents row is not written yet
        self._refreshed = time.monotonic()

    def clear(self) -> None:
        self._places.clear()
        self._choices = None
        self._choices_version = None
        self.touched.clear()
        self._profiles.clear()
        self._dirty.clear()
        self._data_version = None

    def _check_store(self, conn) -> None:
        """Forget what was read when another connection has written since (its merges, splits,
        its own ingest): ``PRAGMA data_version`` changes only for commits of other connections."""
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._profiles.clear()
            self._places.clear()
            self._data_version = version

    # ---------------------------------------------------------------- reading

    def places(self, conn, ids: Iterable[int]) -> dict[int, Place]:
        missing = [i for i in set(ids) if i not in self._places]
        for start in range(0, len(missing), 500):
            batch = missing[start : start + 500]
            marks = ",".join("?" * len(batch))
            for row in conn.execute(
                f"SELECT id, name, country, admin1, lat, lon FROM entities WHERE id IN ({marks})", batch
            ):
                self._places[row[0]] = make_place(row)
        return self._places

    def load_items(self, conn, where: str, params: tuple) -> list[Item]:
        """The events ``where`` (an SQL condition on ``e``) as Items, in article and text order."""
        rows = conn.execute(
            "SELECT e.id, e.article_id, a.hash, e.evidence_start, e.evidence_end, e.subtype, e.date, "
            "e.date_end, e.date_precision, e.confidence, a.published, e.report, "
            "(length(substr(a.text, 1, e.evidence_start)) "
            " - length(replace(substr(a.text, 1, e.evidence_start), char(10) || char(10), ''))) / 2 "
            f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} "
            "ORDER BY e.article_id, e.evidence_start, e.id",
            params,
        ).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        place_ids: dict[int, list[tuple[int, bool]]] = {}
        for event_id, entity_id, span, after, before in conn.execute(
            'SELECT p.event_id, p.entity_id, p.text, substr(a.text, p."end" + 1, 14), '
            "substr(a.text, max(1, p.start - 17), min(p.start, 18)) FROM event_places p "
            "JOIN events e ON e.id = p.event_id JOIN articles a ON a.id = e.article_id "
            f"WHERE p.event_id IN ({marks}) ORDER BY p.rowid",
            ids,
        ):
            as_region = bool(
                _REGION_WORD.search(span) or _REGION_AFTER.match(after or "") or _REGION_BEFORE.search(before or "")
            )
            place_ids.setdefault(event_id, []).append((entity_id, as_region))
        known = self.places(conn, [i for v in place_ids.values() for i, _ in v])
        actors: dict[int, set[str]] = {}
        for event_id, name in conn.execute(f"SELECT event_id, name FROM event_actors WHERE event_id IN ({marks})", ids):
            actors.setdefault(event_id, set()).update(actor_tokens(name))
        figures: dict[int, dict[str, int]] = {}
        for event_id, kind, low, high in conn.execute(
            f"SELECT event_id, kind, min, max FROM casualties WHERE event_id IN ({marks})", ids
        ):
            value = low if low is not None else high
            if value is None:
                continue
            mine = figures.setdefault(event_id, {})
            mine[kind] = max(mine.get(kind, 0), value)
        items = []
        for (
            event_id,
            article_id,
            digest,
            start,
            end,
            subtype,
            date,
            date_end,
            precision,
            confidence,
            published,
            report,
            paragraph,
        ) in rows:
            lo, hi, joinable = interval(date, date_end, precision, published)
            places = list(
                dict.fromkeys(
                    (_as_region(known[i]) if as_region else known[i])
                    for i, as_region in place_ids.get(event_id, ())
                    if i in known
                )
            )
            items.append(
                Item(
                    event_id,
                    article_id,
                    event_key(digest, start, end),
                    start,
                    end,
                    subtype,
                    lo,
                    hi,
                    joinable,
                    places,
                    frozenset(actors.get(event_id, ())),
                    figures.get(event_id, {}),
                    confidence or 0.0,
                    paragraph or 0,
                    report,
                )
            )
        return items

    # ---------------------------------------------------------------- the analyst's choices

    def choices(self, conn) -> dict[str, list[tuple[int, int, str, str]]]:
        """article hash -> [(start, end, choice, other key)], read again when the table changed."""
        version = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM incident_choices").fetchone()
        if self._choices is None or version != self._choices_version:
            by_hash: dict[str, list[tuple[int, int, str, str]]] = {}
            for choice, a, b in conn.execute("SELECT choice, a, b FROM incident_choices ORDER BY id"):
                for mine, other in ((a, b), (b, a)):
                    digest, start, end = _split_key(mine)
                    by_hash.setdefault(digest, []).append((start, end, choice, other))
            self._choices, self._choices_version = by_hash, version
        return self._choices

    def _choices_for(self, conn, item: Item) -> list[tuple[str, str]]:
        """(choice, other key) pairs that name ``item`` (an exact span, else the most overlapping)."""
        digest = item.key.split(":", 1)[0]
        entries = self.choices(conn).get(digest)
        if not entries:
            return []
        exact = [(c, o) for s, e, c, o in entries if s == item.start and e == item.end]
        if exact:
            return exact
        return [
            (c, o)
            for s, e, c, o in entries
            if min(e, item.end) > max(s, item.start) and _best_overlap(conn, digest, s, e) == item.event_id
        ]

    # ---------------------------------------------------------------- grouping an article

    def add_article(self, conn, article_id: int) -> list[int]:
        """Group the events of a newly written article; returns the incidents they joined."""
        self._check_store(conn)
        items = self.load_items(conn, "e.article_id = ? AND e.incident_id IS NULL", (article_id,))
        return self.add_items(conn, items)

    def add_items(self, conn, items: list[Item]) -> list[int]:
        joined: list[int] = []
        by_article: dict[int, list[Item]] = {}
        for item in items:
            by_article.setdefault(item.article_id, []).append(item)
        for article_items in by_article.values():
            joined.extend(self._add_article_items(conn, article_items))
        return joined

    def _add_article_items(self, conn, items: list[Item]) -> list[int]:
        choices = {item.event_id: self._choices_for(conn, item) for item in items}
        apart_keys = {item.event_id: {o for c, o in choices[item.event_id] if c == "apart"} for item in items}
        reports: list[tuple[Profile, list[Item]]] = []
        for item in items:
            mine = Profile()
            mine.add(item)
            home = None
            for profile, members in reversed(reports):
                if any(m.key in apart_keys[item.event_id] or item.key in apart_keys[m.event_id] for m in members):
                    continue
                if item.report is not None and members[-1].report is not None:
                    # the extraction said which sentences tell one incident (it read the whole text)
                    if item.report == members[-1].report:
                        home = (profile, members)
                        break
                elif _fits_in_article(profile, members, item, mine):
                    home = (profile, members)
                    break
            if home is None:
                reports.append((mine, [item]))
            else:
                home[0].add(item)
                home[1].append(item)
        joined = []
        used: set[int] = set()  # incidents this article already joined: one report each
        for profile, members in reports:
            incident_id = self._place_report(conn, profile, members, choices, used)
            used.add(incident_id)
            joined.append(incident_id)
        return joined

    def _place_report(
        self, conn, profile: Profile, members: list[Item], choices: dict[int, list[tuple[str, str]]], used: set[int]
    ) -> int:
        together: list[int] = []
        apart: set[int] = set(used)
        for item in members:
            for choice, other in choices[item.event_id]:
                incident = _incident_of_key(conn, other)
                if incident is None:
                    continue
                (together.append(incident) if choice == "together" else apart.add(incident))
        target = None
        for incident_id in sorted(set(together)):
            if incident_id not in apart:
                target = incident_id
                break
        fitting: list[tuple[int, int, Profile]] = []  # (score, incident, profile) of those it fits
        if target is None:
            for incident_id, candidate in self._candidates(conn, profile):
                if incident_id in apart:
                    continue
                fit = score(profile, candidate)
                if fit is not None and fit >= MIN_SCORE:
                    fitting.append((fit, incident_id, candidate))
            fitting.sort(key=lambda f: (-f[0], f[1]))  # the best, the lowest id on a tie
            target = fitting[0][1] if fitting else None
        if target is None:
            target = self._new_incident(conn, members[0])
            incident_profile = Profile()
        elif fitting:
            incident_profile = fitting[0][2]
        else:
            incident_profile = self.load_profile(conn, target)
        ids = [m.event_id for m in members]
        conn.execute(f"UPDATE events SET incident_id = ? WHERE id IN ({','.join('?' * len(ids))})", (target, *ids))
        incident_profile.add(profile)
        self.save_profile(conn, target, incident_profile)
        # several together-choices name other incidents: they are one incident now
        for other in sorted(set(together) - {target} - apart):
            self.merge(conn, other, target, record=False)
        # a report that fits two incidents may show they are one (formed apart because of the order
        # their reports came in): merged when they fit each other well, the report's article being in
        # only one of them and no analyst's split keeping them apart
        for _, other, other_profile in fitting[1:]:
            fit = score(other_profile, incident_profile)
            if fit is not None and fit >= BRIDGE_SCORE and not self._kept_apart(conn, other, target):
                self.merge(conn, other, target, record=False)
                incident_profile = self.load_profile(conn, target)
        self.touched.add(target)
        return target

    def _kept_apart(self, conn, a: int, b: int) -> bool:
        """Whether incidents ``a`` and ``b`` share an article (which told them apart) or hold a pair
        of events the analyst split."""
        shared = conn.execute(
            "SELECT 1 FROM events x JOIN events y ON y.article_id = x.article_id "
            "WHERE x.incident_id = ? AND y.incident_id = ? LIMIT 1",
            (a, b),
        ).fetchone()
        if shared:
            return True
        if not any(c == "apart" for entries in self.choices(conn).values() for _, _, c, _ in entries):
            return False
        keys_a, keys_b = set(_member_keys(conn, a)), set(_member_keys(conn, b))
        return (
            conn.execute(
                "SELECT 1 FROM incident_choices WHERE choice = 'apart' AND "
                f"((a IN ({','.join('?' * len(keys_a))}) AND b IN ({','.join('?' * len(keys_b))})) OR "
                f"(b IN ({','.join('?' * len(keys_a))}) AND a IN ({','.join('?' * len(keys_b))}))) LIMIT 1",
                (*keys_a, *keys_b, *keys_a, *keys_b),
            ).fetchone()
            is not None
        )

    def _new_incident(self, conn, first: Item) -> int:
        subtype = first.subtype
        return conn.execute(
            "INSERT INTO incidents (key, type, subtype) VALUES (?, ?, ?)",
            (first.key, SUBTYPE_TO_TYPE.get(subtype, "Strategic developments"), subtype),
        ).lastrowid

    # ---------------------------------------------------------------- profiles in the store

    def _candidates(self, conn, profile: Profile) -> list[tuple[int, Profile]]:
        core = profile.core
        if core is None:
            return []
        keys = _lookup_keys(profile.places.values(), profile.subtypes)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        ids = [
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT incident_id FROM incident_keys WHERE key IN ({marks}) "
                "AND lo BETWEEN ? AND ? AND hi >= ? ORDER BY incident_id",
                (*keys, core[0] - MAX_CORE_DAYS, core[1], core[0]),
            )
        ]
        profiles = self.load_profiles(conn, ids)
        return [(i, profiles[i]) for i in ids if i in profiles]

    def load_profile(self, conn, incident_id: int) -> Profile:
        return self.load_profiles(conn, [incident_id]).get(incident_id) or Profile()

    def load_profiles(self, conn, ids: list[int]) -> dict[int, Profile]:
        """The profiles of incidents ``ids`` (two queries for all those not read yet)."""
        cache = self._profiles
        for i in ids:
            if i in cache:
                cache.move_to_end(i)
        missing = [i for i in ids if i not in cache]
        for start in range(0, len(missing), 500):
            batch = missing[start : start + 500]
            marks = ",".join("?" * len(batch))
            profiles: dict[int, Profile] = {}
            for incident_id, subtypes, dates, figures, actors in conn.execute(
                f"SELECT id, subtypes, dates, figures, actor_keys FROM incidents WHERE id IN ({marks})", batch
            ):
                profile = profiles[incident_id] = Profile()
                profile.subtypes = Counter({s: 1 for s in subtypes.split("|") if s})
                profile.load_dates(dates)
                profile.actors = set(actors.split()) if actors else set()
                profile.figures = {k: list(v) for k, v in json.loads(figures or "{}").items()}
            rows = conn.execute(
                f"SELECT incident_id, entity_id, level FROM incident_places WHERE incident_id IN ({marks}) "
                "ORDER BY incident_id, entity_id, level",
                batch,
            ).fetchall()
            known = self.places(conn, [r[1] for r in rows])
            for incident_id, entity_id, level in rows:
                profile = profiles.get(incident_id)
                if profile is not None and entity_id in known:
                    place = known[entity_id]
                    place = _as_region(place) if level == 1 and place.level == 2 else place
                    profile.places[(entity_id, place.level)] = place
            for incident_id, profile in profiles.items():
                self._profiles[incident_id] = (profile, self._stored(profile))
        while len(cache) > PROFILE_CACHE:
            oldest = next(iter(cache))
            if oldest in self._dirty:
                break  # not written yet: kept until the flush
            cache.popitem(last=False)
        return {i: cache[i][0] for i in ids if i in cache}

    @staticmethod
    def _stored(profile: Profile) -> tuple:
        core = profile.core
        keys = frozenset(_own_keys(profile.places.values(), profile.subtypes)) if core else frozenset()
        return core, keys, frozenset(profile.places)

    def save_profile(self, conn, incident_id: int, profile: Profile, *, rewrite: bool = False) -> None:
        """Keep ``profile`` as the incident's: its places and lookup keys are written now (so the
        next report finds it), only where they changed; its row when the batch is flushed."""
        cached = self._profiles.get(incident_id)
        stored = None if rewrite or cached is None else cached[1]
        now = self._stored(profile)
        core, keys, places = now
        if stored is None:
            conn.execute("DELETE FROM incident_places WHERE incident_id = ?", (incident_id,))
        if stored is None or places != stored[2]:
            new = places if stored is None else places - stored[2]
            conn.executemany(
                "INSERT OR IGNORE INTO incident_places (incident_id, entity_id, level) VALUES (?, ?, ?)",
                [(incident_id, i, level) for i, level in sorted(new)],
            )
        if stored is None or core != stored[0] or keys != stored[1]:
            conn.execute("DELETE FROM incident_keys WHERE incident_id = ?", (incident_id,))
            if core is not None:
                conn.executemany(
                    "INSERT OR IGNORE INTO incident_keys (key, lo, hi, incident_id) VALUES (?, ?, ?, ?)",
                    [(k, core[0], core[1], incident_id) for k in sorted(keys)],
                )
        self._profiles[incident_id] = (profile, now)
        self._dirty.add(incident_id)

    def _write_profiles(self, conn) -> None:
        rows = []
        for incident_id in sorted(self._dirty):
            cached = self._profiles.get(incident_id)
            if cached is None:
                continue
            profile = cached[0]
            lo, hi = profile.core or (None, None)
            rows.append(
                (
                    "|".join(sorted(profile.subtypes)),
                    profile.dates_json(),
                    lo,
                    hi,
                    json.dumps(profile.figures, sort_keys=True),
                    " ".join(sorted(profile.actors)),
                    incident_id,
                )
            )
        conn.executemany(
            "UPDATE incidents SET subtypes = ?, dates = ?, core_lo = ?, core_hi = ?, figures = ?, actor_keys = ?, "
            "stale = 1 WHERE id = ?",
            rows,
        )
        self._dirty.clear()

    # ---------------------------------------------------------------- analyst: merge and split

    def merge(self, conn, source: int, target: int, *, record: bool = True) -> None:
        """Move every event of incident ``source`` into ``target`` and delete ``source``.
        ``record``: keep the choice (a 'together' pair of their first events)."""
        if source == target:
            return
        if record:
            source_keys = _member_keys(conn, source)
            target_keys = _member_keys(conn, target)
            conn.executemany(
                "DELETE FROM incident_choices WHERE choice = 'apart' AND ((a = ? AND b = ?) OR (a = ? AND b = ?))",
                [(x, y, y, x) for x in source_keys for y in target_keys],
            )
            # every event of both is kept together with one of them (the target's first): regrouping
            # then puts them all in one incident, whatever order their articles come in
            anchor = target_keys[0] if target_keys else None
            for key in [*source_keys, *target_keys[1:]]:
                if anchor and key != anchor:
                    _record(conn, "together", key, anchor)
        conn.execute("UPDATE events SET incident_id = ? WHERE incident_id = ?", (target, source))
        _delete_incident(conn, source)
        self.touched.discard(source)
        self._profiles.pop(source, None)
        self._dirty.discard(source)
        self.rebuild(conn, target)

    def split(self, conn, event_id: int) -> int | None:
        """Take event ``event_id`` out of its incident into one of its own; returns the new
        incident (None when the event was alone already). The choice is kept as 'apart' pairs
        with every other event of the incident."""
        row = conn.execute("SELECT incident_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        old = row[0]
        mine = _event_keys(conn, "e.id = ?", (event_id,))
        others = _event_keys(conn, "e.incident_id = ? AND e.id != ?", (old, event_id))
        if not others:
            return None
        key = mine[0]
        conn.executemany(
            "DELETE FROM incident_choices WHERE choice = 'together' AND ((a = ? AND b = ?) OR (a = ? AND b = ?))",
            [(key, o, o, key) for o in others],
        )
        for other in others:
            _record(conn, "apart", key, other)
        item = self.load_items(conn, "e.id = ?", (event_id,))[0]
        new = self._new_incident(conn, item)
        conn.execute("UPDATE events SET incident_id = ? WHERE id = ?", (new, event_id))
        self.rebuild(conn, old)
        self.rebuild(conn, new)
        return new

    def rebuild(self, conn, incident_id: int) -> None:
        """Recompute an incident's profile from its events (after a merge or a split)."""
        items = self.load_items(conn, "e.incident_id = ?", (incident_id,))
        if not items:
            _delete_incident(conn, incident_id)
            self.touched.discard(incident_id)
            self._profiles.pop(incident_id, None)
            self._dirty.discard(incident_id)
            return
        profile = Profile()
        for item in items:
            profile.add(item)
        self.save_profile(conn, incident_id, profile, rewrite=True)
        self.touched.add(incident_id)

    # ---------------------------------------------------------------- display fields

    def flush(self, conn, *, summaries: bool | None = True) -> None:
        """Write the profiles kept since the last flush and (``summaries``) recompute the display
        fields of every incident left stale. Call before committing. ``summaries=None``: only when
        ``REFRESH_SECONDS`` have passed since this grouper last did (an ingest's batches): an
        incident that many batches touch is then refreshed once in a while, not once a batch,
        and the browser, which looks every 2 s, still sees fresh figures. Incidents left stale stay
        marked in the store, so a later flush (or opening the store) refreshes them."""
        self._write_profiles(conn)
        self.touched.clear()
        if summaries is None:
            summaries = time.monotonic() - self._refreshed >= REFRESH_SECONDS
        if summaries:
            refresh_stale(conn)
            self._refreshed = time.monotonic()


def _split_key(key: str) -> tuple[str, int, int]:
    digest, start, end = key.rsplit(":", 2)
    return digest, int(start), int(end)


def _best_overlap(conn, digest: str, start: int, end: int) -> int | None:
    """The event of the article with hash ``digest`` whose evidence overlaps [start, end) most."""
    best = None
    for event_id, s, e in conn.execute(
        "SELECT e.id, e.evidence_start, e.evidence_end FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE a.hash = ? AND e.evidence_start < ? AND e.evidence_end > ? ORDER BY e.id",
        (digest, end, start),
    ):
        overlap = min(e, end) - max(s, start)
        if best is None or overlap > best[0]:
            best = (overlap, event_id)
    return best[1] if best else None


def resolve_key(conn, key: str) -> int | None:
    """The event a stable key names: the exact span, else the most overlapping in that article."""
    digest, start, end = _split_key(key)
    row = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE a.hash = ? AND e.evidence_start = ? AND e.evidence_end = ? ORDER BY e.id LIMIT 1",
        (digest, start, end),
    ).fetchone()
    return row[0] if row else _best_overlap(conn, digest, start, end)


def _incident_of_key(conn, key: str) -> int | None:
    event_id = resolve_key(conn, key)
    if event_id is None:
        return None
    row = conn.execute("SELECT incident_id FROM events WHERE id = ?", (event_id,)).fetchone()
    return row[0] if row else None


def _event_keys(conn, where: str, params: tuple) -> list[str]:
    return [
        event_key(h, s, e)
        for h, s, e in conn.execute(
            f"SELECT a.hash, e.evidence_start, e.evidence_end FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {where} ORDER BY e.id",
            params,
        )
    ]


def _member_keys(conn, incident_id: int) -> list[str]:
    return _event_keys(conn, "e.incident_id = ?", (incident_id,))


def _first_key(conn, incident_id: int) -> str | None:
    keys = _event_keys(conn, "e.id = (SELECT min(id) FROM events WHERE incident_id = ?)", (incident_id,))
    return keys[0] if keys else None


def _record(conn, choice: str, a: str, b: str) -> None:
    a, b = sorted((a, b))
    conn.execute(
        "INSERT INTO incident_choices (choice, a, b, made_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (a, b) DO UPDATE SET choice = excluded.choice, made_at = excluded.made_at",
        (choice, a, b, datetime.now(UTC).isoformat(timespec="seconds")),
    )


def _delete_incident(conn, incident_id: int) -> None:
    conn.execute("DELETE FROM incident_keys WHERE incident_id = ?", (incident_id,))
    conn.execute("DELETE FROM incident_places WHERE incident_id = ?", (incident_id,))
    conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))


def _family_of_keys(subtypes: Iterable[str]) -> list[str]:
    """The subtype families that start an incident's lookup keys: those of all its subtypes."""
    return sorted({f for s in subtypes for f in families(s)})


def _families_to_look_up(subtypes: Iterable[str]) -> list[str]:
    """The families under which a report looks for incidents: those of one of its subtypes (the
    first in order). An incident it fits has every subtype compatible with that one, so it is
    stored under one of these."""
    first = min(subtypes, default=None)
    return sorted(families(first)) if first is not None else []


def _own_keys(places: Iterable[Place], subtypes: Iterable[str]) -> set[str]:
    """The lookup keys an incident is found by: each family of its subtypes with each place, its
    region, its map cell."""
    keys = _place_keys(places)
    return {f"{family}|{key}" for family in _family_of_keys(subtypes) for key in keys}


def _place_keys(places: Iterable[Place]) -> set[str]:
    keys: set[str] = set()
    for p in places:
        if p.level == 0:
            continue
        keys.add(f"e:{p.id}")
        if p.region:
            keys.add(f"r:{p.country or ''}/{p.region}")
        if p.level == 1:
            keys.add(f"R:{p.country or ''}/{p.region}")
        cell = p.cell
        if cell is not None:
            keys.add(f"g:{cell[0]}/{cell[1]}")
        elif p.level == 2:
            keys.add(f"n:{p.country or ''}/{_skeleton(p.key)}")
            keys.add(f"n:/{_skeleton(p.key)}")  # found by a report that does not know the country
    return keys


def _lookup_keys(places: Iterable[Place], subtypes: Iterable[str]) -> list[str]:
    """The keys under which incidents that a report's places and subtypes may meet are found."""
    keys = _place_lookup_keys(places)
    return sorted(f"{family}|{key}" for family in _families_to_look_up(subtypes) for key in keys)


def _place_lookup_keys(places: Iterable[Place]) -> set[str]:
    keys: set[str] = set()
    for p in places:
        if p.level == 0:
            continue
        keys.add(f"e:{p.id}")
        if p.level == 1:
            keys.add(f"r:{p.country or ''}/{p.region}")  # any incident in the region
            continue
        if p.region:
            keys.add(f"R:{p.country or ''}/{p.region}")  # incidents placed only by its region
        cell = p.cell
        if cell is not None:
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    keys.add(f"g:{cell[0] + dy}/{cell[1] + dx}")
        else:  # the same name spelled otherwise: the same consonants (not every town of the region)
            keys.add(f"n:{p.country or ''}/{_skeleton(p.key)}")
    return keys


# --------------------------------------------------------------------------------------------
# An incident's sources, figures and labels


@dataclass
class Voice:
    """One independent source of an incident: a claimant, or an outlet speaking for itself."""

    key: str
    name: str
    source_id: int | None
    role: str  # 'claimant', 'outlet', 'article'
    figures: dict[str, list[int | None]] = field(default_factory=dict)  # kind -> [min, max]
    event_ids: list[int] = field(default_factory=list)


@dataclass
class Summary:
    incident_id: int
    type: str
    subtype: str
    date: str | None
    date_end: str | None
    date_precision: str | None
    event_ids: list[int]
    article_ids: list[int]
    copies: list[list[int]]
    voices: list[Voice]
    places: list[tuple[int, str]]
    casualties: list[dict]
    confidence: float
    conflict: bool
    actors: list[str]
    key: str
    era: str | None = None  # 'history' or 'later' when every event is

    @property
    def fatalities(self) -> int:
        killed = next((c for c in self.casualties if c["kind"] == "killed"), None)
        return killed["min"] if killed and killed["min"] is not None else 0


def _figure_label(kind: str, low: int | None, high: int | None, exact: bool) -> str:

    word = CASUALTY_WORDS.get(kind, kind)
    if low is None and high is None:
        return word
    if high is None:
        return f"≥{low} {word}"
    if low is None:
        return f"≤{high} {word}"
    if low == high:
        return f"{low} {word}" if exact else f"≥{low} {word}"
    return f"{low}–{high} {word}"


def summarize(conn, incident_id: int) -> Summary | None:
    """Everything shown and exported about one incident, from its events."""
    return summarize_many(conn, [incident_id]).get(incident_id)


def summarize_many(conn, incident_ids: list[int]) -> dict[int, Summary]:
    """``summarize`` for several incidents, reading each table once for all of them."""
    if not incident_ids:
        return {}
    marks = ",".join("?" * len(incident_ids))
    by_incident: dict[int, list[tuple]] = {}
    for row in conn.execute(
        "SELECT e.incident_id, e.id, e.article_id, e.subtype, e.date, e.date_end, e.date_precision, e.confidence, "
        "a.outlet, a.title, a.ref, coalesce(k.copy_of, a.id), a.hash, e.evidence_start, e.evidence_end, e.era "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN article_sketches k ON k.article_id = e.article_id "
        f"WHERE e.incident_id IN ({marks}) ORDER BY e.incident_id, e.id",
        incident_ids,
    ):
        by_incident.setdefault(row[0], []).append(row[1:])
    events_of = f"SELECT id FROM events WHERE incident_id IN ({marks})"
    claimants: dict[int, list[tuple[int, str, str, str]]] = {}
    for event_id, source_id, name, key, source_type in conn.execute(
        "SELECT ce.event_id, s.id, s.name, s.merge_key, s.type FROM claim_events ce "
        "JOIN claims c ON c.id = ce.claim_id JOIN sources s ON s.id = c.source_id "
        f"WHERE ce.event_id IN ({events_of}) ORDER BY ce.event_id, c.id",
        incident_ids,
    ):
        claimants.setdefault(event_id, []).append((source_id, name, key, source_type))
    figures: dict[int, list[tuple[str, int | None, int | None, str]]] = {}
    for event_id, kind, low, high, qualifier in conn.execute(
        f"SELECT event_id, kind, min, max, qualifier FROM casualties WHERE event_id IN ({events_of}) ORDER BY id",
        incident_ids,
    ):
        figures.setdefault(event_id, []).append((kind, low, high, qualifier))
    places: dict[int, list[tuple]] = {}
    for row in conn.execute(
        "SELECT e.incident_id, ep.entity_id, n.name, n.country, n.admin1, n.lat, n.lon, count(*), min(ep.event_id) "
        "FROM event_places ep JOIN events e ON e.id = ep.event_id JOIN entities n ON n.id = ep.entity_id "
        f"WHERE e.incident_id IN ({marks}) GROUP BY e.incident_id, ep.entity_id",
        incident_ids,
    ):
        places.setdefault(row[0], []).append(row[1:])
    actors: dict[int, list[str]] = {}
    for incident_id, name in conn.execute(
        "SELECT e.incident_id, a.name FROM event_actors a JOIN events e ON e.id = a.event_id "
        f"WHERE e.incident_id IN ({marks}) GROUP BY e.incident_id, a.name ORDER BY e.incident_id, min(a.rowid)",
        incident_ids,
    ):
        actors.setdefault(incident_id, []).append(name)
    outlet_ids: dict[str, int | None] = {}
    return {
        incident_id: _summary(
            conn,
            incident_id,
            rows,
            claimants,
            figures,
            places.get(incident_id, []),
            actors.get(incident_id, []),
            outlet_ids,
        )
        for incident_id, rows in by_incident.items()
    }


def _summary(
    conn,
    incident_id: int,
    rows: list[tuple],
    claimants: dict,
    figures: dict,
    place_rows: list[tuple],
    actors: list[str],
    outlet_ids: dict[str, int | None],
) -> Summary:
    event_ids = [r[0] for r in rows]
    # copies: articles of one group of reprints present here
    groups: dict[int, list[int]] = {}
    for row in rows:
        members = groups.setdefault(row[10], [])
        if row[1] not in members:
            members.append(row[1])
    voices: dict[str, Voice] = {}

    def voice(key: str, name: str, source_id: int | None, role: str) -> Voice:
        found = voices.get(key)
        if found is None:
            found = voices[key] = Voice(key, name, source_id, role)
        return found

    exact_kinds: set[str] = set()
    article_meta = {r[1]: (r[7], r[8], r[9]) for r in rows}
    group_first: dict[int, int] = {g: min(m) for g, m in groups.items()}
    for event_id, _article, _subtype, _date, _date_end, _precision, _confidence, outlet, title, ref, group, *_ in rows:
        speaking: list[Voice] = []
        for source_id, name, key, source_type in claimants.get(event_id, []):
            if source_type == "anonymous":  # "officials", "residents": the article's, not a shared one
                speaking.append(voice(f"anonymous:{group}:{key}", f"{name} ({outlet or ref})", source_id, "claimant"))
            else:
                speaking.append(voice(f"source:{key}", name, source_id, "claimant"))
        if not speaking:
            # a reprint speaks with the first article of its group
            outlet, title, ref = article_meta[group_first[group]]
            if outlet:
                key = merge_key(outlet)
                if key not in outlet_ids:
                    found = conn.execute("SELECT id FROM sources WHERE merge_key = ?", (key,)).fetchone()
                    outlet_ids[key] = found[0] if found else None
                speaking.append(voice(f"source:{key}", outlet, outlet_ids[key], "outlet"))
            else:
                speaking.append(voice(f"article:{group}", title or ref, None, "article"))
        for v in speaking:
            v.event_ids.append(event_id)
        owner = speaking[0]
        for kind, low, high, qualifier in figures.get(event_id, []):
            if low is None and high is None:
                continue
            if qualifier in ("exact", "range"):
                exact_kinds.add(kind)
            mine = owner.figures.setdefault(kind, [None, None])
            if low is not None:
                mine[0] = low if mine[0] is None else max(mine[0], low)
            top = high if high is not None else (low if qualifier == "exact" else None)
            if top is not None:
                mine[1] = top if mine[1] is None else max(mine[1], top)
    ordered_voices = sorted(voices.values(), key=lambda v: (min(v.event_ids), v.key))

    casualties = []
    conflict = False
    for kind in CASUALTY_ORDER:
        by_source = [(v, v.figures[kind]) for v in ordered_voices if kind in v.figures]
        if not by_source:
            continue
        lows = [f[0] if f[0] is not None else f[1] for _, f in by_source]
        highs = [f[1] if f[1] is not None else f[0] for _, f in by_source]
        low, high = min(x for x in lows if x is not None), max(x for x in highs if x is not None)
        open_ended = any(f[1] is None for _, f in by_source)
        # sources disagree when their figures cannot both be right
        for i, (_, a) in enumerate(by_source):
            for _, b in by_source[i + 1 :]:
                a_hi = a[1] if a[1] is not None else math.inf
                b_hi = b[1] if b[1] is not None else math.inf
                a_lo = a[0] if a[0] is not None else 0
                b_lo = b[0] if b[0] is not None else 0
                if a_hi < b_lo or b_hi < a_lo:
                    conflict = True
        casualties.append(
            {
                "kind": kind,
                "min": low,
                "max": None if open_ended and high == low else high,
                "by_source": [
                    {"source_id": v.source_id, "name": v.name, "min": f[0], "max": f[1]} for v, f in by_source
                ],
                "_exact": kind in exact_kinds and not open_ended,
            }
        )

    # date: the events dated to a day or a few days give the range they span together (one source's
    # "14 December", another's "14 and 15 December": 14-15 December); else the most precise decide
    best = min(PRECISION_RANK.get(r[5], 5) for r in rows)
    best = max(best, PRECISION_RANK["days"]) if best <= PRECISION_RANK["days"] else best
    precise = [r for r in rows if PRECISION_RANK.get(r[5], 5) <= best and r[3]]
    if precise:
        date = min(r[3] for r in precise)
        date_end = max((r[4] or r[3]) for r in precise)
        precision = "days" if best <= PRECISION_RANK["days"] else precise[0][5]
        if precision == "days" and date_end == date:
            precision, date_end = "day", None
    else:
        date = date_end = precision = None
    subtype_counts = Counter(r[2] for r in rows)
    first_seen = {s: i for i, s in reversed(list(enumerate(r[2] for r in rows)))}
    subtype = max(subtype_counts, key=lambda s: (subtype_counts[s], -first_seen[s]))

    ranked = sorted(place_rows, key=lambda r: (-make_place(r[:6]).level, -r[6], r[7], r[0]))
    places = [(r[0], r[1]) for r in ranked]
    first = rows[0]
    return Summary(
        incident_id=incident_id,
        type=SUBTYPE_TO_TYPE.get(subtype, "Strategic developments"),
        subtype=subtype,
        date=date,
        date_end=date_end,
        date_precision=precision,
        event_ids=event_ids,
        article_ids=sorted(a for members in groups.values() for a in members),
        copies=[sorted(m) for g, m in sorted(groups.items()) if len(m) > 1],
        voices=ordered_voices,
        places=places,
        casualties=casualties,
        confidence=max(r[6] or 0.0 for r in rows),
        conflict=conflict,
        actors=actors,
        key=event_key(first[11], first[12], first[13]),
        era=first[14] if all(r[14] for r in rows) else None,
    )


def refresh_stale(conn, batch: int = 400) -> int:
    """Recompute the display fields of every incident marked stale (an index range), a batch of
    incidents a read of each table."""
    ids = [r[0] for r in conn.execute("SELECT id FROM incidents WHERE stale ORDER BY id")]
    for start in range(0, len(ids), batch):
        refresh_summaries(conn, ids[start : start + batch])
    return len(ids)


def refresh_summaries(conn, ids: list[int]) -> None:
    summaries = summarize_many(conn, ids)
    for incident_id in ids:
        if incident_id not in summaries:
            _delete_incident(conn, incident_id)  # no event left
    conn.executemany(
        "UPDATE incidents SET type = ?, subtype = ?, date = ?, date_end = ?, date_precision = ?, "
        "confidence = ?, fatalities = ?, conflict = ?, n_events = ?, n_articles = ?, n_sources = ?, "
        "places_label = ?, casualties_label = ?, sources_label = ?, key = ?, era = ?, stale = 0 WHERE id = ?",
        [
            (
                s.type,
                s.subtype,
                s.date,
                s.date_end,
                s.date_precision,
                s.confidence,
                s.fatalities,
                int(s.conflict),
                len(s.event_ids),
                len(s.article_ids),
                len(s.voices),
                places_label(s),
                casualties_label(s.casualties),
                "; ".join(v.name for v in s.voices),
                s.key,
                s.era,
                incident_id,
            )
            for incident_id, s in sorted(summaries.items())
        ],
    )


def casualties_label(casualties: list[dict]) -> str:
    return "; ".join(_figure_label(c["kind"], c["min"], c["max"], c.get("_exact", False)) for c in casualties)


def places_label(summary: Summary, most: int = 3) -> str:
    names = list(dict.fromkeys(name for _, name in summary.places))
    return ", ".join(names[:most]) + (f" +{len(names) - most}" if len(names) > most else "")


def refresh_summary(conn, incident_id: int) -> None:
    refresh_summaries(conn, [incident_id])


# --------------------------------------------------------------------------------------------
# Whole-store operations


def group_pending(conn, grouper: Grouper | None = None, batch: int = 200) -> int:
    """Group every event that has no incident yet, article by article in the order they were
    stored (used after the migration that brought incidents, and by ``regroup``). Runs inside the
    caller's transaction; returns the number of events grouped."""
    grouper = grouper or Grouper()
    done = 0
    last = 0
    while True:
        articles = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT article_id FROM events WHERE incident_id IS NULL AND article_id > ? "
                "ORDER BY article_id LIMIT ?",
                (last, batch),
            )
        ]
        if not articles:
            break
        for article_id in articles:
            items = grouper.load_items(conn, "e.article_id = ? AND e.incident_id IS NULL", (article_id,))
            grouper.add_items(conn, items)
            done += len(items)
        last = articles[-1]
        grouper.flush(conn)
    return done


def regroup(conn) -> int:
    """Group every event again from nothing, in the order the articles were stored, keeping the
    analyst's merges and splits (used when the extraction changed; tests prove choices survive)."""
    conn.execute("UPDATE events SET incident_id = NULL WHERE incident_id IS NOT NULL")
    conn.execute("DELETE FROM incident_keys")
    conn.execute("DELETE FROM incident_places")
    conn.execute("DELETE FROM incidents")
    return group_pending(conn)


def merge_incidents(conn, source: int, target: int) -> None:
    """The analyst's merge, in its own transaction."""
    grouper = Grouper()
    with _immediate(conn):
        for incident_id in (source, target):
            if conn.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone() is None:
                raise LookupError(f"no incident {incident_id}")
        grouper.merge(conn, source, target)
        grouper.flush(conn)


def split_event(conn, event_id: int) -> int | None:
    """The analyst's split, in its own transaction; returns the event's new incident."""
    grouper = Grouper()
    with _immediate(conn):
        new = grouper.split(conn, event_id)
        grouper.flush(conn)
    return new


class _immediate:
    def __init__(self, conn) -> None:
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, kind, value, tb):
        self.conn.execute("ROLLBACK" if kind else "COMMIT")
        return False


def backfill(conn, batch: int = 200) -> int:
    """Group the events that have no incident yet (a store made before incidents existed, or rows
    written without the writer), ``batch`` articles per transaction, so that the store stays
    usable and an interrupted run resumes. Articles with no sketch get one first. Returns the
    number of events grouped."""
    from store import reprints
    from store.sketch import sketch

    done = 0
    while True:
        with _immediate(conn):
            articles = conn.execute(
                "SELECT a.id, a.text FROM articles a LEFT JOIN article_sketches k ON k.article_id = a.id "
                "WHERE k.article_id IS NULL ORDER BY a.id LIMIT ?",
                (batch,),
            ).fetchall()
            for article_id, text in articles:
                reprints.record(conn, article_id, sketch(text))
        if not articles:
            break
    grouper = Grouper()
    while True:
        with _immediate(conn):
            pending = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT article_id FROM events WHERE incident_id IS NULL ORDER BY article_id LIMIT ?",
                    (batch,),
                )
            ]
            for article_id in pending:
                items = grouper.load_items(conn, "e.article_id = ? AND e.incident_id IS NULL", (article_id,))
                grouper.add_items(conn, items)
                done += len(items)
            grouper.flush(conn, summaries=False)
        if not pending:
            break
    while True:  # display fields, a batch of incidents a transaction
        with _immediate(conn):
            ids = [r[0] for r in conn.execute("SELECT id FROM incidents WHERE stale ORDER BY id LIMIT ?", (batch,))]
            refresh_summaries(conn, ids)
        if not ids:
            break
    return done


def rekey(conn, batch: int = 500) -> int:
    """Rebuild the lookup keys of the incidents listed in ``incident_rekey`` (after a migration that
    changed what the keys hold), ``batch`` incidents per transaction; returns how many."""
    grouper = Grouper()
    done = 0
    while True:
        with _immediate(conn):
            ids = [
                r[0]
                for r in conn.execute("SELECT incident_id FROM incident_rekey ORDER BY incident_id LIMIT ?", (batch,))
            ]
            marks = ",".join("?" * len(ids))
            profiles = grouper.load_profiles(conn, ids)
            rows = []
            for incident_id, profile in profiles.items():
                core, keys, _ = Grouper._stored(profile)
                if core is not None:
                    rows.extend((key, core[0], core[1], incident_id) for key in sorted(keys))
            conn.execute(f"DELETE FROM incident_keys WHERE incident_id IN ({marks})", ids)
            conn.executemany("INSERT OR IGNORE INTO incident_keys (key, lo, hi, incident_id) VALUES (?, ?, ?, ?)", rows)
            conn.execute(f"DELETE FROM incident_rekey WHERE incident_id IN ({marks})", ids)
        done += len(ids)
        if not ids:
            return done


def has_pending(conn) -> bool:
    """Whether some event has no incident yet, or some incident waits for its display fields
    (index lookups)."""
    return (
        conn.execute("SELECT 1 FROM events WHERE incident_id IS NULL LIMIT 1").fetchone() is not None
        or conn.execute("SELECT 1 FROM incidents WHERE stale LIMIT 1").fetchone() is not None
    )
