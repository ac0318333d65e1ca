"""One row per real-world entity or source: merging names across articles.

A name whose merge key (``store/keys.py``) is already known joins that row. A new key is then
compared with the keys that are *near* it (transliteration and typing distance) and joins one of
them only when the evidence agrees:

- the same type (place, person, organisation, group; for sources their own type);
- places: the same gazetteer place or region (the same country and first-level region, and
  points within ``NEAR_DEGREES`` when both have one); two places the gazetteer does not know are
  never merged (nothing says they are one);
- people: the same surname key (or one typing slip in a surname of six letters or more), and no
  conflicting first name (a first name, its initial, a known short or Slavic form of it, or no
  first name at all on one side); a surname alone joins a full name only when exactly one person
  in the store has that surname;
- organisations, groups and other sources: all words the same but one, which differs by one
  typing slip in a word of six letters or more;
- person sources that are the same person entity.

Near keys are found through ``merge_keys`` by index lookups only: a block (a person's surname,
else the whole key) within one edit of another keeps intact either its first half (``head``) or,
the edit being in that half, its last letters (``tail``), so six exact lookups (three lengths, two
halves) find every candidate. What "near" allows is deliberately narrow: two words that differ
only by an ending ("Balkan"/"Balkans", "Russia"/"Russian", "Prigozhin"/"Prigozhina"), by their
first letter, or in a short word ("Kirby"/"Kerry", "East"/"West") are different names. Same-key
names are one row whatever the gazetteer says (its country for a name like "Baltic" varies from
article to article): Georgia the country and Georgia the state, spelt alike, are one row.

The pairwise rules (``same_entity``, ``same_source``) are pure functions, measured on the pairs
in ``tests/merge_pairs.tsv`` by ``bench/merge_eval.py``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from extract.lexicon import FIRST_NAMES, NAME_PARTICLES, PERSON_TITLES
from store.keys import fold, sound

NEAR_DEGREES = 0.5  # two gazetteer points of one place lie closer than this (about 50 km)
MIN_NEAR_WORD = 6  # a typing slip is allowed in words this long (a swap of two letters from 5)
MAX_CANDIDATES = 100  # keys read per index lookup (a common surname: the first ones)
MAX_PEOPLE = 20  # rows of people whose every spelling is compared

# folded words of titles and honorifics, never part of a personal name ("President", "Mr")
_TITLE_WORDS = frozenset(w for t in PERSON_TITLES for w in fold(t).split()) | frozenset(
    "mr mrs ms miss dr prof sir dame lord lady gen lt col maj capt sgt adm sen rep gov st".split()
)

# first names that are one person's name written another way: English short forms, Slavic
# Russian/Ukrainian/Polish pairs (in the sound keys of store/keys.py, computed below)
_GIVEN_GROUPS = [
    "vladimir volodymyr wladimir wlodzimierz",
    "alexander aleksandr oleksandr alexandr aleksander alex",
    "sergei sergey serhiy serhii serhij",
    "dmitry dmytro dmitri",
    "oleg oleh",
    "yuri yuriy yurii jurij",
    "andrei andriy andrii andrij andrzej",
    "mikhail mykhailo michail",
    "nikolai mykola nikolay mikolaj",
    "yevgeny yevhen evgeny evgeniy jewgienij",
    "alexei oleksiy oleksii aleksei alexey",
    "pavel pavlo pawel",
    "pyotr petro piotr",
    "grigory hryhoriy",
    "vasily vasyl wasyl",
    "anatoly anatolii anatoliy",
    "victor viktor wiktor",
    "denis denys",
    "ilya illia",
    "kirill kyrylo",
    "maxim maksym",
    "vadim vadym wadim",
    "vitaly vitalii vitaliy",
    "yulia yuliia julia",
    "olga olha",
    "tatiana tetiana tatyana",
    "natalia nataliya natalya",
    "elena olena yelena",
    "irina iryna",
    "anton antoni",
    "ivan iwan",
    "matthew matt",
    "jacob jake",
    "joseph joe",
    "william bill",
    "robert bob rob",
    "michael mike",
    "anthony antony tony",
    "james jim jimmy",
    "richard dick rick",
    "thomas tom",
    "daniel dan",
    "benjamin ben",
    "edward ed ted",
    "christopher chris",
    "samuel sam",
    "jennifer jen",
    "elizabeth liz",
    "katherine kate",
    "stephen steve",
    "charles charlie",
    "nicholas nick",
    "jonathan jon",
    "lawrence larry",
    "ronald ron",
    "donald don",
    "kenneth ken",
    "gregory greg",
]


def _word_keys(name: str) -> list[str]:
    return [sound(w) for w in fold(name).split()]


def _country_words() -> frozenset[str]:
    try:
        import pycountry
    except ImportError:  # a declared dependency; without it only the bodies below are skipped
        return frozenset()
    return frozenset(w for c in pycountry.countries for w in fold(getattr(c, "common_name", c.name)).split())


# words that open a person's name only when extraction glued a country or a body to it
_NOT_GIVEN = (
    _country_words()
    | frozenset(
        "russia ukraine belarus poland europe european union council office administration ministry "
        "government department commission committee parliament kremlin nato".split()
    )
) - frozenset(FIRST_NAMES)
_FIRST_KEYS = frozenset(sound(fold(n)) for n in FIRST_NAMES) | frozenset(
    sound(n) for group in _GIVEN_GROUPS for n in group.split()
)
_GIVEN_SAME: dict[str, int] = {}
for _number, _group in enumerate(_GIVEN_GROUPS):
    for _name in _group.split():
        _GIVEN_SAME.setdefault(sound(_name), _number)


def near_word(a: str, b: str) -> bool:
    """Two words (sound keys) one typing slip apart, in words long enough to tell: one letter
    replaced, added or dropped (words of six letters or more) or two letters swapped (five or
    more), inside the word. Not when the first or the last letter differs: a word with another
    ending ("balkan"/"balkans", "russia"/"russian", "tirana"/"tirani") or another start
    ("patsik"/"datsik") is another word; but a possessive is its demonym ("russias"/"russian")."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest < MIN_NEAR_WORD - 1 or a[0] != b[0] or OSA.distance(a, b, score_cutoff=1) > 1:
        return False
    if a.startswith(b) or b.startswith(a):
        return False
    if a[-1] != b[-1]:
        if not ({a[-1], b[-1]} == {"s", "n"} and len(a) == len(b) and a[:-1] == b[:-1]):
            return False
    if shortest >= MIN_NEAR_WORD:
        return True
    return len(a) == len(b) and Levenshtein.distance(a, b) == 2  # a swap of two letters


def near_words(a: list[str], b: list[str]) -> bool:
    """The same words in the same order, but for one pair that is ``near_word``."""
    if len(a) != len(b):
        return False
    different = [(x, y) for x, y in zip(a, b) if x != y]
    return len(different) <= 1 and all(near_word(x, y) for x, y in different)


@lru_cache(maxsize=65536)
def person_parts(name: str) -> tuple[str, tuple[str, ...], str]:
    """(first name, middle names, surname) of a person's name as sound keys, titles and particles
    ("bin", "de", "von") dropped. A hyphenated surname is one ("Thomas-Greenfield"); an initial is
    a one-letter name. Words before the first known first name that are no first name themselves
    are left out when they name a country or a body ("Russia Dmitry Krutoi", "European Council
    Charles Michel": extraction glued them to the name)."""
    kept = [w for w in name.split() if not all(part in _TITLE_WORDS for part in fold(w).split())]  # "Colonel-General"
    words = [
        w for w in fold(" ".join(kept).replace("-", "")).split() if w not in _TITLE_WORDS and w not in NAME_PARTICLES
    ]
    if not words:
        return "", (), ""
    while len(words) > 2 and words[0] in _NOT_GIVEN:
        words = words[1:]
    keys = [sound(w) for w in words]
    given = keys[:-1]
    return (given[0] if given else ""), tuple(given[1:]), keys[-1]


def given_match(a: str, b: str) -> bool:
    """Two first (or middle) names, as sound keys, that may be one person's."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]  # an initial
    group = _GIVEN_SAME.get(a)
    if group is not None and group == _GIVEN_SAME.get(b):
        return True
    return min(len(a), len(b)) >= 5 and OSA.distance(a, b, score_cutoff=1) <= 1


def given_compatible(a: tuple[str, tuple[str, ...]], b: tuple[str, tuple[str, ...]]) -> bool:
    """No conflicting first name: the first names are one name (or one side has none), and so are
    the first middle names when both sides have one ("Luca López Rossi" is not "Luca Pérez
    Rossi", "Mariia Artemivna Melniuk" not "Mariia Stepanivna Melniuk")."""
    (first_a, middle_a), (first_b, middle_b) = a, b
    if first_a and first_b and not given_match(first_a, first_b):
        return False
    return not (middle_a and middle_b) or given_match(middle_a[0], middle_b[0])


def same_surname(a: str, b: str) -> bool:
    return len(a) >= 3 and near_word(a, b)


def same_person(a: str, b: str) -> bool:
    """Two names of one person: the same surname (or one slip apart) and no conflicting first name.
    A name that is one first name alone ("Vladimir", "Charles") is no surname to go by."""
    (first_a, middle_a, surname_a), (first_b, middle_b, surname_b) = person_parts(a), person_parts(b)
    if not surname_a or not surname_b:
        return False
    if (not first_a and surname_a in _FIRST_KEYS) or (not first_b and surname_b in _FIRST_KEYS):
        return False
    return same_surname(surname_a, surname_b) and given_compatible((first_a, middle_a), (first_b, middle_b))


@dataclass(frozen=True)
class Named:
    """What the merge rules compare: a name with its type and what the gazetteer says of it."""

    type: str
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    entity_id: int | None = None  # sources: the entity the source is


def _same_region(a: Named, b: Named) -> bool:
    """The gazetteer agrees: same country, same region, points close when both have one."""
    if not a.country or not b.country:
        return a.type != "place" or bool(a.country or b.country)  # two unknown places: no evidence
    if a.country != b.country:
        return False
    if a.admin1 and b.admin1 and fold(a.admin1) != fold(b.admin1):
        return False
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return abs(a.lat - b.lat) < NEAR_DEGREES and abs(a.lon - b.lon) < NEAR_DEGREES
    return True


def same_entity(a: Named, b: Named) -> bool:
    """Whether two entity names (of different keys) are one real-world entity."""
    if a.type != b.type:
        return False
    if a.type == "person":
        return same_person(a.name, b.name)
    return near_words(_word_keys(a.name), _word_keys(b.name)) and _same_region(a, b)


def same_source(a: Named, b: Named) -> bool:
    """Whether two sources (of different keys) are one claimant."""
    if a.type != b.type:
        return False
    if a.type == "person" and a.entity_id is not None and a.entity_id == b.entity_id:
        return True
    if a.type == "person":
        return same_person(a.name, b.name)
    return near_words(_word_keys(a.name), _word_keys(b.name))


# --------------------------------------------------------------------------------------------
# The store's side: merge_keys rows and near-key lookups


def block_of(kind: str, key: str) -> str:
    """The part of a merge key compared for near keys: a person's surname (the key's last word),
    else the whole key. (Migration 4 computes the same in SQL.)"""
    return key.rsplit(" ", 1)[-1] if kind == "person" else key


def block_lookups(block: str) -> list[tuple[int, str, str]]:
    """Index lookups that find every block within one edit of ``block``: a candidate of length n
    (len - 1 .. len + 1) has either its first half (n // 2 letters: ``head``) intact, or, the edit
    being in that half, its last n - n // 2 - 1 letters (``tail``)."""
    lookups = []
    for n in range(len(block) - 1, len(block) + 2):
        lookups.append((n, "head", block[: n // 2]))
        tail = n - n // 2 - 1
        lookups.append((n, "tail", block[len(block) - tail :] if tail else ""))
    return lookups


def add_key(conn: sqlite3.Connection, owner: str, type_: str, key: str, owner_id: int, kind: str, name: str) -> None:
    """Remember that ``key`` (of type ``type_``; '' for sources) is a name of ``owner_id``."""
    table = _TABLES[owner]
    conn.execute(
        "INSERT INTO merge_keys (owner, type, key, owner_id, name, block) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO UPDATE SET owner_id = excluded.owner_id, name = excluded.name, n = 0 "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE id = merge_keys.owner_id)",  # a row since deleted
        (owner, type_, key, owner_id, name, block_of(kind, key)),
    )


_TABLES = {"entity": "entities", "source": "sources"}


def known_key(conn: sqlite3.Connection, owner: str, type_: str, key: str) -> int | None:
    """The row ``key`` is a name of (None when unknown, or when that row is gone)."""
    row = conn.execute(
        f"SELECT k.owner_id FROM merge_keys k JOIN {_TABLES[owner]} t ON t.id = k.owner_id "
        "WHERE k.owner = ? AND k.type = ? AND k.key = ?",
        (owner, type_, key),
    ).fetchone()
    return row[0] if row else None


def _near_keys(conn: sqlite3.Connection, owner: str, type_: str, block: str) -> dict[int, list[str]]:
    """Owners with a key whose block is within one edit of ``block``: owner id -> the spellings
    (merge_keys.name) of its near keys."""
    found: dict[int, list[str]] = {}
    if len(block) < MIN_NEAR_WORD - 1:  # too short for a slip: only the same block
        lookups = [(len(block), "head", block[: len(block) // 2])]
    else:
        lookups = block_lookups(block)
    # one SELECT a lookup, each an index search (an OR of them, SQLite reads the whole type)
    sql = " UNION ALL ".join(
        f"SELECT * FROM (SELECT name, owner_id, block FROM merge_keys INDEXED BY merge_keys_{column} "
        f"WHERE owner = ? AND type = ? AND blen = ? AND {column} = ? LIMIT {MAX_CANDIDATES})"
        for _, column, _ in lookups
    )
    params: list = []
    for length, _, part in lookups:
        params += [owner, type_, length, part]
    short = len(block) < MIN_NEAR_WORD - 1
    for name, owner_id, other in conn.execute(sql, params):
        if other == block or (not short and OSA.distance(other, block, score_cutoff=1) <= 1):
            found.setdefault(owner_id, []).append(name)
    return found


def _spellings(conn: sqlite3.Connection, owner: str, owner_id: int) -> list[str]:
    """Every spelling a row is known by (one for each of its merge keys)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM merge_keys WHERE owner = ? AND owner_id = ? LIMIT 50", (owner, owner_id)
        )
    ]


def _people(conn: sqlite3.Connection, owner: str, new: Named, found: dict[int, list[str]]) -> list[tuple]:
    """The people among ``found`` that ``new`` may be: its near spellings agree with it first (no
    query), then every spelling of the row (no conflicting first name with any)."""
    close = [(owner_id, names) for owner_id, names in found.items() if any(same_person(new.name, n) for n in names)]
    if close:
        marks = ",".join("?" * len(close))
        alive = {
            r[0] for r in conn.execute(f"SELECT id FROM {_TABLES[owner]} WHERE id IN ({marks})", [i for i, _ in close])
        }
        close = [(i, names) for i, names in close if i in alive]
    passing = []
    for owner_id, _ in close[:MAX_PEOPLE]:
        names = _spellings(conn, owner, owner_id)
        if all(same_person(new.name, n) for n in names):
            passing.append((_closeness(new.name, names), 0, owner_id, names))
    return passing


def find_entity(conn: sqlite3.Connection, new: Named, key: str) -> int | None:
    """The existing entity a new name (whose key is not known) is, or None."""
    found = _near_keys(conn, "entity", new.type, block_of(new.type, key))
    if not found:
        return None
    if new.type == "person":
        return _choose(new, _people(conn, "entity", new, found))
    marks = ",".join("?" * len(found))
    passing = []
    for entity_id, name, country, admin1, lat, lon, mentions in conn.execute(
        f"SELECT id, name, country, admin1, lat, lon, n_mentions FROM entities WHERE id IN ({marks})", list(found)
    ):
        if same_entity(new, Named(new.type, name, country, admin1, lat, lon)):
            passing.append((0, mentions or 0, entity_id, [name]))
    return _choose(new, passing)


def find_source(conn: sqlite3.Connection, new: Named, key: str) -> int | None:
    """The existing source a new claimant (whose key is not known) is, or None."""
    if new.entity_id is not None and new.type == "person":
        # (an organisation's entity is often a generic name, "Ministry of Foreign Affairs", that
        # different countries' ministries share: only a person's entity tells who speaks)
        for (source_id,) in conn.execute(
            "SELECT id FROM sources WHERE entity_id = ? AND type = ? ORDER BY id LIMIT 1", (new.entity_id, new.type)
        ):
            return source_id
    found = _near_keys(conn, "source", "", block_of(new.type, key))
    if not found:
        return None
    marks = ",".join("?" * len(found))
    types = dict(conn.execute(f"SELECT id, type FROM sources WHERE id IN ({marks})", list(found)))
    found = {i: names for i, names in found.items() if types.get(i) == new.type}
    if new.type == "person":
        return _choose(new, _people(conn, "source", new, found))
    passing = [
        (0, 0, source_id, names)
        for source_id, names in found.items()
        if any(same_source(new, Named(new.type, n)) for n in names)
    ]
    return _choose(new, passing)


def _closeness(name: str, names: list[str]) -> int:
    """How much of the new name's first and middle names the other's spellings share."""
    first, middle, _ = person_parts(name)
    score = 0
    for other in names:
        o_first, o_middle, _ = person_parts(other)
        score = max(
            score,
            (2 if first and o_first and given_match(first, o_first) else 0)
            + (1 if middle and o_middle and given_match(middle[0], o_middle[0]) else 0),
        )
    return score


def _choose(new: Named, passing: list[tuple[int, int, int, list[str]]]) -> int | None:
    """The best of the rows that pass; for a person named by surname alone, only when the rows that
    pass are one person (two people sharing a surname leave "Johnson" unmerged)."""
    if not passing:
        return None
    passing.sort(key=lambda p: (-p[0], -p[1], p[2]))
    if new.type == "person" and not person_parts(new.name)[0] and len(passing) > 1:
        best = passing[0][3]
        for other in passing[1:]:
            if not any(same_person(a, b) and person_parts(a)[0] and person_parts(b)[0] for a in best for b in other[3]):
                return None  # "Johnson": Boris or Lyndon?
    return passing[0][2]
