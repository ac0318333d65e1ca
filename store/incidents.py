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

Across articles, a report told in the same words as an event of another article (the same subtype
and evidence sentence: in the article it reprints; or on the same day, naming a place, when days,
subtypes, places and figures do not conflict: ``_told_alike``) joins that event's incident first,
whatever the outlets and however little its places say (a region, a country). Else it joins an
incident when:
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
regions and the cells around them, among incidents whose core meets its days (holds its centre, for a
report dated to days).

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
``REFRESH_SECONDS`` (and at most a twentieth of the time) during an ingest, and at its end
(``Grouper.flush``; an ingest with worker processes has them work out the display fields it left
stale, store/ingest.py). No textual here.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import time
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache

from extract.model import SUBTYPE_TO_TYPE
from store.incident_match import (
    MAX_CORE_DAYS,
    METONYMIC_SUBTYPES,
    MIN_SCORE,
    REGION_AFTER,
    REGION_BEFORE,
    REGION_WORD,
    Item,
    Place,
    Profile,
    actor_tokens,
    as_government,
    event_key,
    families,
    fits_in_article,
    interval,
    make_place,
    may_join_told_alike,
    region_place,
    score,
    skeleton,
)
from store.incident_summary import delete_incident, refresh_stale, refresh_summaries

REFRESH_SECONDS = 2.0  # an ingest recomputes incidents' display fields at most this often
REFRESH_SHARE = 0.05  # and spends at most about this share of its time on it (the gaps grow with the cost)
PROFILE_CACHE = 50_000  # incident profiles a writer keeps in memory (about 1 KB each)
BRIDGE_SCORE = 4  # two incidents that one report fits are merged when they fit each other this well

# --------------------------------------------------------------------------------------------
# Reading events from the store


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
        self._refresh_cost = 0.0  # seconds the last refresh took

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

    def forget_place(self, entity_id: int) -> None:
        """The writer filled a gap of this place (its country, region or point): read it again."""
        self._places.pop(entity_id, None)

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
            "e.date_end, e.date_precision, e.confidence, a.published, e.report "
            f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} "
            "ORDER BY e.article_id, e.evidence_start, e.id",
            params,
        ).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        # the articles' texts read once, and cut here: SQLite's substr() walks a text from its start,
        # so cutting it in SQL for each event took time quadratic in an article's length
        article_of = {r[0]: r[1] for r in rows}
        texts = _texts(conn, set(article_of.values()))
        place_ids: dict[int, list[tuple[int, bool]]] = {}
        for event_id, entity_id, span, start, end in conn.execute(
            'SELECT event_id, entity_id, text, start, "end" FROM event_places '
            f"WHERE event_id IN ({marks}) ORDER BY rowid",
            ids,
        ):
            text = texts[article_of[event_id]]
            as_region = bool(
                REGION_WORD.search(span)
                or REGION_AFTER.match(text[end : end + 14])
                or REGION_BEFORE.search(text[max(0, start - 18) : start])
            )
            place_ids.setdefault(event_id, []).append((entity_id, as_region))
        breaks = {article_id: _paragraph_breaks(text) for article_id, text in texts.items()}
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
        ) in rows:
            lo, hi, joinable = interval(date, date_end, precision, published)
            places = list(
                dict.fromkeys(
                    (region_place(known[i]) if as_region else known[i])
                    for i, as_region in place_ids.get(event_id, ())
                    if i in known
                )
            )
            if subtype in METONYMIC_SUBTYPES:
                places = list(dict.fromkeys(as_government(p) for p in places))
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
                    bisect_right(breaks[article_id], start),
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

    def _choices_for(
        self, conn, item: Item, choices: dict[str, list[tuple[int, int, str, str]]]
    ) -> list[tuple[str, str]]:
        """(choice, other key) pairs of ``choices`` that name ``item`` (an exact span, else the most
        overlapping)."""
        digest = item.key.split(":", 1)[0]
        entries = choices.get(digest)
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
        # the analyst's choices read (or their table's version checked) once for the article's items:
        # grouping them records none
        known = self.choices(conn)
        choices = {item.event_id: self._choices_for(conn, item, known) for item in items}
        apart_keys = {item.event_id: {o for c, o in choices[item.event_id] if c == "apart"} for item in items}
        reports: list[tuple[Profile, list[Item]]] = []
        # the report each extraction key names: when every item has one and the analyst kept none apart,
        # an item joins its key's report (what _report_for finds) without a scan over every report, which
        # made an article of thousands of incidents take time quadratic in them
        by_report: dict[str, tuple[Profile, list[Item]]] | None = (
            {} if all(item.report is not None and not apart_keys[item.event_id] for item in items) else None
        )
        for item in items:
            mine = Profile()
            mine.add(item)
            home = by_report.get(item.report) if by_report is not None else _report_for(reports, item, mine, apart_keys)
            if home is None:
                reports.append((mine, [item]))
                if by_report is not None:
                    by_report[item.report] = reports[-1]
            else:
                home[0].add(item)
                home[1].append(item)
        joined = []
        used: set[int] = set()  # incidents this article already joined: one report each
        told = _told_alike(conn, items)
        for profile, members in reports:
            incident_id = self._place_report(conn, profile, members, choices, used, told)
            used.add(incident_id)
            joined.append(incident_id)
        return joined

    def _place_report(
        self,
        conn,
        profile: Profile,
        members: list[Item],
        choices: dict[int, list[tuple[str, str]]],
        used: set[int],
        told: dict[int, tuple[int, bool]],
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
            # a report told in the same words as another article's (see _told_alike) joins its incident,
            # whoever the outlets and however little its places say (a region, a country)
            target = self._told_incident(conn, profile, members, told, apart)
            if target is None and fitting:
                target = fitting[0][1]
        new = target is None
        if new:
            target = self._new_incident(conn, members[0])
            incident_profile = Profile()
        else:
            incident_profile = next((f[2] for f in fitting if f[1] == target), None) or self.load_profile(conn, target)
        ids = [m.event_id for m in members]
        conn.execute(f"UPDATE events SET incident_id = ? WHERE id IN ({','.join('?' * len(ids))})", (target, *ids))
        incident_profile.add(profile)
        self.save_profile(conn, target, incident_profile, new=new)
        # several together-choices name other incidents: they are one incident now
        for other in sorted(set(together) - {target} - apart):
            self.merge(conn, other, target, record=False)
        # a report that fits two incidents may show they are one (formed apart because of the order
        # their reports came in): merged when they fit each other well, the report's article being in
        # only one of them and no analyst's split keeping them apart
        for _, other, other_profile in fitting:
            if other == target:
                continue
            fit = score(other_profile, incident_profile)
            if fit is not None and fit >= BRIDGE_SCORE and not self._kept_apart(conn, other, target):
                self.merge(conn, other, target, record=False)
                incident_profile = self.load_profile(conn, target)
        self.touched.add(target)
        return target

    def _told_incident(
        self, conn, profile: Profile, members: list[Item], told: dict[int, tuple[int, bool]], apart: set[int]
    ) -> int | None:
        """The incident of the first member told in the same words as another article's event: a
        reprint's always; another article's on the same day when nothing else keeps them apart (their
        days, subtypes, places and figures, as ``score`` tests them, but for how little the places say)."""
        for member in members:
            if member.event_id not in told:
                continue
            other, reprinted = told[member.event_id]
            row = conn.execute("SELECT incident_id FROM events WHERE id = ?", (other,)).fetchone()
            incident_id = row[0] if row else None
            if incident_id is None or incident_id in apart:
                continue
            if reprinted or may_join_told_alike(profile, self.load_profile(conn, incident_id)):
                return incident_id
        return None

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
        keys = lookup_keys(profile.places.values(), profile.subtypes)
        if not keys:
            return []
        if profile.day_n:
            # dated to days: an incident it can meet has its centre within CENTRE_DAYS of the
            # report's, or its wide days (widened by the tolerance) around it; either way, its core
            # holds the report's centre (about half the incidents whose core meets the report's)
            centre = profile.centre
            core = (math.floor(centre), math.ceil(centre))
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
                profile.subtypes = {s for s in subtypes.split("|") if s}
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
                    place = region_place(place) if level == 1 and place.level == 2 else place
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
        keys = frozenset(own_keys(profile.places.values(), profile.subtypes)) if core else frozenset()
        return core, keys, frozenset(profile.places)

    def save_profile(
        self, conn, incident_id: int, profile: Profile, *, rewrite: bool = False, new: bool = False
    ) -> None:
        """Keep ``profile`` as the incident's: its places and lookup keys are written now (so the
        next report finds it), only where they changed; its row when the batch is flushed.
        ``new``: the incident was just made (the store holds no places or keys of it);
        ``rewrite``: what the store holds of it is not known (all of it is written again)."""
        cached = self._profiles.get(incident_id)
        if new:
            stored = _NOTHING_STORED
        elif rewrite or cached is None:
            conn.execute("DELETE FROM incident_places WHERE incident_id = ?", (incident_id,))
            conn.execute("DELETE FROM incident_keys WHERE incident_id = ?", (incident_id,))
            stored = _NOTHING_STORED
        else:
            stored = cached[1]
        now = self._stored(profile)
        places = now[2]
        if places != stored[2]:
            conn.executemany(
                "INSERT OR IGNORE INTO incident_places (incident_id, entity_id, level) VALUES (?, ?, ?)",
                [(incident_id, i, level) for i, level in sorted(places - stored[2])],
            )
        _write_keys(conn, incident_id, stored, now)
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
        delete_incident(conn, source)
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
        _verdict_follows(conn, event_id, old, new)
        self.rebuild(conn, old)
        self.rebuild(conn, new)
        return new

    def regroup_event(self, conn, event_id: int) -> None:
        """Group an event again, alone, after the analyst corrected what grouping reads (its subtype or
        date): it leaves its incident for the one it fits now, or one of its own. An event the analyst
        placed (a merge or a split names it) stays where it is."""
        row = conn.execute("SELECT incident_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None or row[0] is None:
            return
        items = self.load_items(conn, "e.id = ?", (event_id,))
        if self._choices_for(conn, items[0], self.choices(conn)):
            self.rebuild(conn, row[0])
            return
        conn.execute("UPDATE events SET incident_id = NULL WHERE id = ?", (event_id,))
        self.rebuild(conn, row[0])  # (first: the incident it leaves is matched without it)
        self.add_items(conn, items)
        (now,) = conn.execute("SELECT incident_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if now is not None and now != row[0]:
            _verdict_follows(conn, event_id, row[0], now)

    def rebuild(self, conn, incident_id: int) -> None:
        """Recompute an incident's profile from its events (after a merge or a split)."""
        items = self.load_items(conn, "e.incident_id = ?", (incident_id,))
        if not items:
            delete_incident(conn, incident_id)
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
        ``REFRESH_SECONDS`` have passed since this grouper last did (an ingest's batches), and
        nineteen times as long as that refresh took (on a large store, where each refresh takes
        longer, at most a twentieth of the writer's time goes to them): an incident that many
        batches touch is then refreshed once in a while, not once a batch, and the browser, which
        looks every 2 s, sees figures at most twenty times as old as a refresh takes (2 s at
        least).
        Incidents left stale stay marked in the store, so a later flush (or opening the store)
        refreshes them."""
        self._write_profiles(conn)
        self.touched.clear()
        started = time.monotonic()
        if summaries is None:
            gap = max(REFRESH_SECONDS, self._refresh_cost * (1 - REFRESH_SHARE) / REFRESH_SHARE)
            summaries = started - self._refreshed >= gap
        if summaries:
            refresh_stale(conn)
            self._refreshed = time.monotonic()
            self._refresh_cost = self._refreshed - started


# what the store holds of an incident it has no places or keys of: (core, lookup keys, places)
_NOTHING_STORED: tuple = (None, frozenset(), frozenset())


def _verdict_follows(conn, event_id: int, old: int, new: int) -> None:
    """An incident's verdict is keyed by its key event: when that event moves from ``old`` to ``new``
    (a split, a regrouping after a correction), the verdict goes with it, unless ``new`` has one of
    its own (then it waits as orphaned, as after a merge). A merge is followed by the store's
    triggers (store/schema.py: incidents_unjudge)."""
    try:
        row = conn.execute(
            "SELECT j.id, j.status FROM judgements j JOIN events e ON e.id = ? JOIN articles a ON a.id = e.article_id "
            "WHERE j.kind = 'incident' AND j.target_id = ? AND j.article_hash = a.hash "
            'AND j.start = e.evidence_start AND j."end" = e.evidence_end',
            (event_id, old),
        ).fetchone()
    except sqlite3.OperationalError as error:
        if "no such table: judgements" in str(error):
            return  # a store from before judgements
        raise
    if row is None:
        return
    taken = conn.execute("SELECT 1 FROM judgements WHERE kind = 'incident' AND target_id = ?", (new,)).fetchone()
    conn.execute("UPDATE judgements SET target_id = ? WHERE id = ?", (None if taken else new, row[0]))
    conn.execute("UPDATE incidents SET status = NULL WHERE id = ?", (old,))
    if not taken:
        conn.execute("UPDATE incidents SET status = ? WHERE id = ?", (row[1], new))


def _write_keys(conn, incident_id: int, stored: tuple, now: tuple) -> None:
    """Bring the incident's rows of ``incident_keys`` from ``stored`` to ``now`` (each: core, keys),
    touching only the rows that change: most reports that join an incident move its core by a day or
    leave it, and add a place or none; its other keys' rows stay."""
    (old_core, old_keys, _), (core, keys, _) = stored, now
    if old_core is not None and (core is None or core[0] != old_core[0]):
        # the core's first day is in every row's primary key: the rows go, and come back below
        conn.execute("DELETE FROM incident_keys WHERE incident_id = ?", (incident_id,))
        old_core, old_keys = None, frozenset()
    if core is None:
        return
    if old_core is not None and core[1] != old_core[1]:
        conn.execute("UPDATE incident_keys SET hi = ? WHERE incident_id = ?", (core[1], incident_id))
    if old_keys - keys:
        conn.executemany(
            "DELETE FROM incident_keys WHERE key = ? AND lo = ? AND incident_id = ?",
            [(k, core[0], incident_id) for k in sorted(old_keys - keys)],
        )
    if keys - old_keys:
        conn.executemany(
            "INSERT OR IGNORE INTO incident_keys (key, lo, hi, incident_id) VALUES (?, ?, ?, ?)",
            [(k, core[0], core[1], incident_id) for k in sorted(keys - old_keys)],
        )


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


def _key_families(subtypes: Iterable[str]) -> list[str]:
    """The subtype families that start an incident's lookup keys: those of all its subtypes."""
    return sorted({f for s in subtypes for f in families(s)})


def _families_to_look_up(subtypes: Iterable[str]) -> list[str]:
    """The families under which a report looks for incidents: those of one of its subtypes (the
    first in order). An incident it fits has every subtype compatible with that one, so it is
    stored under one of these."""
    first = min(subtypes, default=None)
    return sorted(families(first)) if first is not None else []


def own_keys(places: Iterable[Place], subtypes: Iterable[str]) -> set[str]:
    """The lookup keys an incident is found by: each family of its subtypes with each place, its
    region, its map cell."""
    key_families = _key_families(subtypes)
    return {key for p in places for family in key_families for key in _own_keys_of(family, p)}


# Each place's keys are kept (by family and place: a Place is a frozen value): every report that
# joins an incident computes its keys again, and looks others up, mostly with places seen before.
@lru_cache(maxsize=65536)
def _own_keys_of(family: str, p: Place) -> tuple[str, ...]:
    if p.level == 0:
        return ()
    keys = {f"e:{p.id}"}
    if p.region:
        keys.add(f"r:{p.country or ''}/{p.region}")
    if p.level == 1:
        keys.add(f"R:{p.country or ''}/{p.region}")
    cell = p.cell
    if cell is not None:
        keys.add(f"g:{cell[0]}/{cell[1]}")
    if p.level == 2:  # (with or without its point: an entity may learn its point later)
        keys.add(f"n:{p.country or ''}/{skeleton(p.key)}")
        keys.add(f"n:/{skeleton(p.key)}")  # found by a report that does not know the country
    return tuple(f"{family}|{key}" for key in keys)


def lookup_keys(places: Iterable[Place], subtypes: Iterable[str]) -> list[str]:
    """The keys under which incidents that a report's places and subtypes may meet are found."""
    look_up = _families_to_look_up(subtypes)
    return sorted({key for p in places for family in look_up for key in _lookup_keys_of(family, p)})


@lru_cache(maxsize=65536)
def _lookup_keys_of(family: str, p: Place) -> tuple[str, ...]:
    if p.level == 0:
        return ()
    keys = {f"e:{p.id}"}
    if p.level == 1:
        keys.add(f"r:{p.country or ''}/{p.region}")  # any incident in the region
        return tuple(f"{family}|{key}" for key in keys)
    if p.region:
        keys.add(f"R:{p.country or ''}/{p.region}")  # incidents placed only by its region
    cell = p.cell
    if cell is not None:
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                keys.add(f"g:{cell[0] + dy}/{cell[1] + dx}")
    # the same name spelled otherwise: the same consonants (not every town of the region); also
    # with a point, for incidents keyed when their place had none yet
    keys.add(f"n:{p.country or ''}/{skeleton(p.key)}")
    return tuple(f"{family}|{key}" for key in keys)


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


def _told_alike(conn, items: list[Item]) -> dict[int, tuple[int, bool]]:
    """For the events of one article, an event of another article that tells the same in the same
    words (the same subtype and evidence sentence): in the article this one reprints (its sketch found
    it a copy), whatever the dates; or, for an event that names a place, on the same day (a date more
    precise than a year). Event id -> (that event, whether it is in the article reprinted). The
    incident is read when the report is placed: an earlier report of the article may have merged it."""
    ids = [item.event_id for item in items]
    mine = conn.execute(
        f"SELECT id, subtype, date, evidence_text FROM events WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id",
        ids,
    ).fetchall()
    found: dict[int, tuple[int, bool]] = {}
    row = conn.execute("SELECT copy_of FROM article_sketches WHERE article_id = ?", (items[0].article_id,)).fetchone()
    if row is not None and row[0] is not None:
        originals: dict[tuple[str, str], int] = {}
        for event_id, subtype, evidence in conn.execute(
            "SELECT id, subtype, evidence_text FROM events WHERE article_id = ? AND incident_id IS NOT NULL ORDER BY id",
            (row[0],),
        ):
            originals.setdefault((subtype, evidence), event_id)
        found = {
            event_id: (originals[(subtype, evidence)], True)
            for event_id, subtype, _, evidence in mine
            if (subtype, evidence) in originals
        }
    dated = {item.event_id for item in items if item.joinable and item.lo is not None and item.places}
    for event_id, subtype, date, evidence in mine:
        if event_id in found or event_id not in dated or date is None:
            continue
        # (found by the index on the day and the words' length, events_told; "+" keeps SQLite from
        # reading length(evidence_text) as the length of the words asked for, which the index lacks)
        same = conn.execute(
            "SELECT min(id) FROM events INDEXED BY events_told WHERE date = ? AND length(evidence_text) = ? "
            "AND subtype = ? AND +evidence_text = ? AND article_id != ? AND incident_id IS NOT NULL",
            (date, len(evidence), subtype, evidence, items[0].article_id),
        ).fetchone()[0]
        if same is not None:
            found[event_id] = (same, False)
    return found


def regroup(conn) -> int:
    """Group every event again from nothing, in the order the articles were stored, keeping the
    analyst's merges and splits (used when the extraction changed; tests prove choices survive)."""
    conn.execute("UPDATE events SET incident_id = NULL WHERE incident_id IS NOT NULL")
    conn.execute("DELETE FROM incident_keys")
    conn.execute("DELETE FROM incident_places")
    conn.execute("DELETE FROM incidents")
    return group_pending(conn)


def merge_incidents(conn, source: int, target: int) -> None:
    """The analyst's merge, in its own transaction (store.judgements.Judge.merge_incidents also
    logs it, as the analyst's)."""
    with _immediate(conn):
        merge_in_transaction(conn, source, target)


def merge_in_transaction(conn, source: int, target: int) -> None:
    """The merge, in the caller's transaction; LookupError for an incident not in the store."""
    for incident_id in (source, target):
        if conn.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone() is None:
            raise LookupError(f"no incident {incident_id}")
    grouper = Grouper()
    grouper.merge(conn, source, target)
    grouper.flush(conn)


def split_event(conn, event_id: int) -> int | None:
    """The analyst's split, in its own transaction; returns the event's new incident
    (store.judgements.Judge.split_event also logs it)."""
    with _immediate(conn):
        return split_in_transaction(conn, event_id)


def split_in_transaction(conn, event_id: int) -> int | None:
    grouper = Grouper()
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


def _report_for(
    reports: list[tuple[Profile, list[Item]]], item: Item, mine: Profile, apart_keys: dict[int, set[str]]
) -> tuple[Profile, list[Item]] | None:
    """The report of the article told so far that ``item`` tells more of: the latest that the analyst
    kept no member of apart from it and that the extraction's key names (or, without keys, that fits)."""
    for profile, members in reversed(reports):
        if any(m.key in apart_keys[item.event_id] or item.key in apart_keys[m.event_id] for m in members):
            continue
        if item.report is not None and members[-1].report is not None:
            # the extraction said which sentences tell one incident (it read the whole text)
            if item.report == members[-1].report:
                return profile, members
        elif fits_in_article(profile, members, item, mine):
            return profile, members
    return None


def _texts(conn, article_ids: set[int]) -> dict[int, str]:
    """The texts of the articles ``article_ids``, by id."""
    out: dict[int, str] = {}
    ids = sorted(article_ids)
    for at in range(0, len(ids), 500):
        batch = ids[at : at + 500]
        out.update(conn.execute(f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(batch))})", batch))
    return out


def _paragraph_breaks(text: str) -> list[int]:
    """Where each blank line ("\\n\\n", counted left to right without overlap) ends: an event's
    paragraph is the number of them ending at or before its start."""
    return [m.end() for m in _BLANK_LINE.finditer(text)]


_BLANK_LINE = re.compile("\n\n")
