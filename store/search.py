"""Fuzzy search over the names and aliases of entities and sources.

Narrow, then score. A query is folded with the same ``search_key`` the names were written with
(``store/keys.py``: case, diacritics, scripts, romanisations), then ``candidates`` gathers a few
hundred names from index lookups only, cheapest first: the ``names.key`` index (the key and keys
that start with it), leave-one-out AND queries over pieces of the key in the FTS5 trigram index
``names_fts``, and, unless those found something close, the key's rarest trigrams ranked by bm25.
Every string sent to FTS5 is built here from the key (letters, digits and spaces only) and
double-quoted, so nothing a user types is FTS syntax; all values go in as SQL parameters.

rapidfuzz then scores the candidates (``score_names``); each entity or source is one result (its
best name), ranked by score, then by how much the store says about it (mentions, events).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import asdict, dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from store import arabic, hebrew
from store.keys import plain_key, search_key

KINDS = ("any", "place", "person", "organization", "group", "source")
MAX_QUERY_CHARS = 1000  # longer input is not a name: refused with a clear message
MAX_KEY_CHARS = 64  # the part of a query key that is looked up (names are shorter)
MAX_LIMIT = 1000
FTS_CANDIDATES = 300  # names taken from the trigram index, best bm25 first
WORD_CANDIDATES = 100  # names taken per query word from the whole-word lookups
POSTINGS_BUDGET = 8000  # trigram postings the ranked lookup may read (more rare trigrams, if cheap)
CLOSE_ENOUGH = 88.0  # a candidate this close (WRatio on keys) from the piece lookups ends the search
MAX_EDITED_WORD = 12  # one-word keys up to this long get their one-edit neighbours looked up
EDITS = 2  # differences between a query key and a name key that the trigram lookup allows
PREFIX_CANDIDATES = 100  # names taken from the key index (equal to or starting with the key)
PREFIX_RANGE = 2000  # keys read from the key index to choose those names from
WALK_BUDGET = 5000  # entities walked, the most mentioned first, for the names a short key starts
WALKED_KEY = 3  # keys this short are walked so
RESCORE = 100  # candidates given the careful score after each quick one
SCORE_CUTOFF = 70.0  # results below this are not shown
MATCHED_SLACK = 10.0  # a name this near its owner's best may show as matched, if written more like the query
NO_MATCH = 60.0  # what two words further apart than typing slips (``slips``) score at most
SHORT_QUERY = 2  # a query key this short must match in spelling as well as in sound
TYPED_BY_SOUND = 6  # a query key this long may be a name's word being typed in another spelling
SPELLED_CLOSE = 90.0  # a query written this near a name matches it whatever their keys
ACRONYM_LETTERS = 6  # a name of capitals this short is an acronym ("ATACMS"): matched as written


@dataclass
class SearchResult:
    id: int
    kind: str  # 'entity' or 'source'
    type: str  # place, person, organization, group; for a source its own type (military, ...)
    name: str
    matched: str  # the name or alias that matched
    score: float  # 0..100, one decimal
    mentions: int  # entity: mentions in articles; source: claims attributed to it
    events: int  # events the entity is involved in, or that the source's claims report

    def to_dict(self) -> dict:
        """The result object of the contract (docs/contract.md, ``sitrep search --json``)."""
        return asdict(self)


@dataclass
class _Candidate:
    owner: str
    owner_id: int
    name: str
    key: str


def query_key(query: str) -> str:
    """The key a query is looked up by; raises ValueError for a query that is refused."""
    if not isinstance(query, str):
        raise ValueError("query must be text")
    if len(query) > MAX_QUERY_CHARS:
        raise ValueError(f"query too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    key = search_key(query)
    if len(key) > MAX_KEY_CHARS:
        key = key[:MAX_KEY_CHARS].rsplit(" ", 1)[0] if " " in key[:MAX_KEY_CHARS] else key[:MAX_KEY_CHARS]
    return key


def _trigrams(text: str) -> list[str]:
    return list(dict.fromkeys(text[i : i + 3] for i in range(len(text) - 2)))


def key_pieces(key: str) -> list[str]:
    """Disjoint pieces of a key for the leave-one-out lookup: its words, long ones cut in two or
    three (a one-word key in three, so that two pieces are left). Pieces under 3 letters (which
    the trigram index cannot look up) are left out."""
    words = key.split()
    pieces = []
    for word in words:
        parts = 3 if len(words) == 1 and len(word) >= 9 else 2 if len(word) >= 6 else 1
        size = len(word) / parts
        pieces += [word[round(i * size) : round((i + 1) * size)] for i in range(parts)]
    return [p for p in dict.fromkeys(pieces) if len(p) >= 3]


def _phrase(text: str) -> str:
    # keys hold only a-z, 0-9 and spaces, so a double-quoted FTS5 string is inert
    return '"' + text.replace('"', "") + '"'


def _kind_filter(kind: str) -> tuple[str, tuple]:
    """SQL condition on a names row ``n`` for the kind asked for."""
    if kind == "any":
        return "", ()
    if kind == "source":
        return " AND +n.owner = 'source'", ()  # (+: filter rows, never drive the query by owner)
    # checked row by row on the primary key: an IN (SELECT ...) list would read every entity of the kind
    return " AND +n.owner = 'entity' AND (SELECT e.type FROM entities e WHERE e.id = n.owner_id) = ?", (kind,)


class _DocCounts:
    """How many names hold each trigram (FTS5 vocabulary), cached per store.

    The counts only steer which trigrams are looked up, so a cache that lags an ingest a little
    is fine; it is dropped when the names table has grown or shrunk by more than 5%.
    """

    def __init__(self) -> None:
        self._stores: dict[str, tuple[int, dict[str, int]]] = {}

    def get(self, conn: sqlite3.Connection, grams: list[str]) -> dict[str, int]:
        path = conn.execute("PRAGMA database_list").fetchone()[2] or f"memory:{id(conn)}"
        size = conn.execute("SELECT coalesce(max(id), 0) FROM names").fetchone()[0]
        cached_size, counts = self._stores.get(path, (size, {}))
        if abs(size - cached_size) > 0.05 * cached_size + 100:
            cached_size, counts = size, {}
        self._stores[path] = (cached_size, counts)
        missing = [g for g in grams if g not in counts]
        if missing:
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.names_vocab USING fts5vocab(main, 'names_fts', 'row')"
            )
            counts.update((g, 0) for g in missing)
            marks = ",".join("?" * len(missing))
            counts.update(conn.execute(f"SELECT term, doc FROM temp.names_vocab WHERE term IN ({marks})", missing))
        return {g: counts[g] for g in grams}


_doc_counts = _DocCounts()


def candidates(conn: sqlite3.Connection, key: str, kind: str = "any", enough: int = 10) -> list[_Candidate]:
    """Names worth scoring for a query key: a few hundred, from index lookups only, cheapest first.

    1. The ``names.key`` index: the key itself and keys that start with it, most mentioned first.
    2. Pieces (``key_pieces``): a name within one edit of the key holds every piece but one, in
       any order, so each "all pieces but one" AND query finds it; these are selective and read
       unranked, ranked by bm25 only when one returns more than a page.
       A one-word key instead gets its one-edit neighbours from the key index, and the names
       with a later word that starts with it ("leyen" -> "ursula von der leyen").
    3. Unless steps 1-2 found a close name and ``enough`` good ones: the rarest trigrams of the
       key, ranked by bm25 (a name within EDITS edits keeps all but 3 * EDITS of its trigrams, so
       it holds one of the 3 * EDITS + 1 rarest), as many as POSTINGS_BUDGET allows.
    4. A one-word key that still has no close name: names with a word that starts with its first
       half or ends with its second half, the most mentioned first.
    """
    where, args = _kind_filter(kind)
    found: dict[int, _Candidate] = {}
    select = "SELECT n.id, n.owner, n.owner_id, n.name, n.key FROM names n"
    fts = f"{select} JOIN names_fts f ON n.id = f.rowid WHERE names_fts MATCH ?{where}"

    def take(sql: str, params: tuple) -> int:
        rows = conn.execute(sql, params).fetchall()
        for row_id, *rest in rows:
            if row_id not in found:
                found[row_id] = _Candidate(*rest)
        return len(rows)

    mentions = "(SELECT e.n_mentions FROM entities e WHERE e.id = n.owner_id AND n.owner = 'entity')"
    if len(key) <= WALKED_KEY:
        # a few letters start more names in a big store than PREFIX_RANGE ("Kh" is every key that
        # starts with "h"): the most mentioned of them, walking the entities from the most mentioned
        # (CROSS JOIN: the entities drive, each looking up its own names; the rows come in their order)
        take(
            "SELECT n.id, n.owner, n.owner_id, n.name, n.key FROM (SELECT id FROM entities"
            " INDEXED BY entities_mentions ORDER BY n_mentions DESC, id LIMIT ?) w CROSS JOIN names n"
            f" ON n.owner = 'entity' AND n.owner_id = w.id WHERE n.key >= ? AND n.key < ?{where} LIMIT ?",
            (WALK_BUDGET, key, key + "~", *args, PREFIX_CANDIDATES),
        )
    # the key and the keys that start with it (the first PREFIX_RANGE of them), most mentioned first
    take(
        f"SELECT * FROM ({select} WHERE n.key >= ? AND n.key < ?{where} ORDER BY n.key LIMIT ?) ranged"
        f" ORDER BY {mentions.replace('n.', 'ranged.')} DESC LIMIT ?",
        (key, key + "~", *args, PREFIX_RANGE, PREFIX_CANDIDATES),
    )
    if len(key) < 3:
        return list(found.values())

    pieces = key_pieces(key)
    if len(pieces) >= 3 or (len(pieces) == 2 and " " in key):
        for i in range(len(pieces)):
            match = " AND ".join(_phrase(p) for p in pieces[:i] + pieces[i + 1 :])
            if take(f"{fts} LIMIT ?", (match, *args, FTS_CANDIDATES)) >= FTS_CANDIDATES:
                take(f"{fts} ORDER BY f.rank LIMIT ?", (match, *args, FTS_CANDIDATES))
    elif " " not in key and len(key) <= MAX_EDITED_WORD:
        # a short word: its one-edit neighbours, looked up in the key index (exact for a letter
        # dropped or two swapped; GLOB after an intact prefix for a letter replaced or added)
        exact = {key[:i] + key[i + 1 :] for i in range(len(key))}
        exact |= {key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)}
        marks = ",".join("?" * len(exact))
        take(f"{select} WHERE n.key IN ({marks}){where} LIMIT ?", (*exact, *args, FTS_CANDIDATES))
        for i in range(2, len(key) + 1):  # (a shorter intact prefix would read too much of the index)
            for pattern in (key[:i] + "?" + key[i + 1 :], key[:i] + "?" + key[i:]):
                if len(pattern) > i:
                    take(f"{select} WHERE n.key GLOB ?{where} LIMIT ?", (pattern + "*", *args, WORD_CANDIDATES))
    if " " not in key:
        # names with a later word that is the key ("leyen" -> "ursula von der leyen") or, for a
        # key of four letters or more, starts with it ("zelensk" -> "volodymyr zelensky"), most
        # mentioned first
        words = [f"% {key}%"] if len(key) >= 4 else [f"% {key}", f"% {key} %"]
        for pattern in words:
            take(
                f"{select} JOIN names_fts f ON n.id = f.rowid WHERE f.key LIKE ?{where}"
                f" ORDER BY {mentions} DESC LIMIT ?",
                (pattern, *args, WORD_CANDIDATES),
            )

    def close_enough(count: int) -> bool:
        good = process.extract(
            key, [c.key for c in found.values()], scorer=fuzz.WRatio, score_cutoff=SCORE_CUTOFF, limit=count
        )
        return len(good) >= count and good[0][1] >= CLOSE_ENOUGH

    if found and close_enough(enough):
        return list(found.values())

    grams = _trigrams(key)
    counts = _doc_counts.get(conn, grams)
    rare, postings = [], 0
    for gram in sorted((g for g in grams if counts[g]), key=lambda g: counts[g]):
        if len(rare) >= 3 * EDITS + 1 or postings + counts[gram] > POSTINGS_BUDGET:
            break
        rare.append(gram)
        postings += counts[gram]
    if rare:
        take(f"{fts} ORDER BY f.rank LIMIT ?", (" OR ".join(_phrase(g) for g in rare), *args, FTS_CANDIDATES))

    if " " not in key and len(key) >= 5 and not (found and close_enough(1)):
        # a one-word key with an edit, as a later word ("zelenksy" -> "volodymyr zelensky"): one
        # of its halves is intact, so the word starts or ends with it; most mentioned names first
        half = len(key) // 2
        patterns = [f"%{key[half:]}", f"%{key[half:]} %"] + ([f"% {key[:half]}%"] if half >= 3 else [])
        for pattern in patterns:
            take(
                f"{select} JOIN names_fts f ON n.id = f.rowid WHERE f.key LIKE ?{where}"
                f" ORDER BY {mentions} DESC LIMIT ?",
                (pattern, *args, WORD_CANDIDATES),
            )
    return list(found.values())


def slips(length: int) -> int:
    """How many typing slips (a letter added, dropped, replaced, or two swapped) a query word of
    ``length`` letters may have and still match: none up to 3 letters, one up to 7, then two."""
    return 0 if length <= 3 else 1 if length <= 7 else 2


def word_ratio(query: str, name: str, length: int | None = None) -> float:
    """``fuzz.ratio`` of two words (or whole keys), but NO_MATCH at most when they are more slips
    apart than ``slips`` allows for ``length`` (the query's length unless given): ratio alone gives
    "harkiv" and "haris" 73, two slips in a short word; a longer word or name may be two slips off."""
    allowed = slips(len(query) if length is None else length)
    score = fuzz.ratio(query, name)
    if score > NO_MATCH and OSA.distance(query, name, score_cutoff=allowed + 1) > allowed:
        return NO_MATCH
    return score


def _word_score(
    query_words: list[str], name_words: list[str], spelled: tuple[list[str], list[str]] | None = None
) -> float:
    """How well the query's words are found among the name's words, in any order (0..100).

    Each query word takes its best name word (a typo costs a little; a word being typed, a prefix
    of three letters or more, counts 90, of two 80); a query that covers only some of the name's
    words is worth at most 90. The slips a word pair may differ by are those of the shorter word:
    one letter off a name's word of three ("near" for the "iar" of "Chasiv Yar") is a
    different word, not a typo (a whole name of three letters may still be typed with a slip,
    ``similarity`` compares whole keys too).

    With ``spelled`` (the query's and the name's words as written, word for word with the keys'),
    a key is not trusted further than the spelling bears it out: a word of three letters or fewer
    as written is compared as written ("year" and "Yar" share the key "iar"; a letter added to a
    word of three is another word), and a key is a word being typed only if the spelling is too
    or the key is long enough to name one thing (``TYPED_BY_SOUND``: "attack" is "atak", the start
    of ATACMS's key, but not of its spelling).
    """
    total = weight = 0.0
    for i, q in enumerate(query_words):
        best = 0.0
        for j, n in enumerate(name_words):
            written_q, written_n = (spelled[0][i], spelled[1][j]) if spelled else (q, n)
            if min(len(written_q), len(written_n)) <= 3 and written_q != written_n:
                score = word_ratio(written_q, written_n, min(len(written_q), len(written_n)))
            else:
                score = word_ratio(q, n, min(len(q), len(n)))
            typed = len(q) >= TYPED_BY_SOUND or written_n.startswith(written_q)
            if len(q) >= 2 and n.startswith(q) and typed:  # a word being typed
                score = max(score, 90.0 if len(q) >= 3 else 80.0)
            best = max(best, score)
        total += best * len(q)
        weight += len(q)
    if not weight:
        return 0.0
    score = total / weight
    return score * 0.9 if len(query_words) < len(name_words) else score


def similarity(query: str, name: str, spelled: tuple[str, str] | None = None) -> float:
    """Similarity of two keys or two folded names, 0..100: whole, reordered, or partial.

    ``spelled``: for two keys, the query and the name as written (folded, ``plain_key``), which
    the keys are not trusted beyond (``_word_score``)."""
    q_words, n_words = query.split(), name.split()
    words = None
    if spelled is not None:
        words = spelled[0].split(), spelled[1].split()
        if (len(words[0]), len(words[1])) != (len(q_words), len(n_words)):  # (a key cut short)
            words = None
    if len(q_words) == 1 and len(n_words) == 1:
        if words and min(len(words[0][0]), len(words[1][0])) <= 3 and words[0][0] != words[1][0]:
            return _word_score(q_words, n_words, words)  # a short word: as written
        if query == name:
            return 100.0
        whole = word_ratio(query, name)
        if not name.startswith(query[:3]):
            return whole
        # (one word against one: a reordering is no more than the whole, and is held to its slips)
        return max(whole, _word_score(q_words, n_words, words))
    if query == name:
        return 100.0
    whole = word_ratio(query, name)
    return max(whole, fuzz.token_sort_ratio(query, name) * 0.95, _word_score(q_words, n_words, words))


def is_acronym(name: str) -> bool:
    """A name written in capitals only, of 2 to ACRONYM_LETTERS letters ("ATACMS", "NYT", "E.U.")."""
    letters = [ch for ch in name if ch.isalpha()]
    return 2 <= len(letters) <= ACRONYM_LETTERS and all(ch.isupper() for ch in letters)


def score_names(key: str, folded_query: str, found: list[_Candidate]) -> list[tuple[float, _Candidate]]:
    """Scores for the candidates at or above SCORE_CUTOFF.

    Quick passes over all keys in C (rapidfuzz WRatio for partial or reordered matches, ratio for
    whole ones) keep the best RESCORE of each; those get the careful ``similarity`` on keys
    (sound-alike spellings), blended with ``similarity`` on the folded spellings (so among
    sound-alikes the closer spelling wins).
    """
    if not found:
        return []
    # a query of one or two letters as written is matched on its spelling alone: its key may be
    # shorter ("kh" is "h"), and sound-alikes of so little ("y", "i", "e") are no match
    written_short = len(folded_query.replace(" ", "")) <= SHORT_QUERY
    keys = [c.key for c in found]
    chosen: set[int] = set()
    for scorer in (fuzz.WRatio, fuzz.ratio):  # best partial or reordered, and best whole matches
        quick = process.extract(key, keys, scorer=scorer, score_cutoff=SCORE_CUTOFF * 0.8, limit=None)
        if len(quick) > RESCORE:  # keep the best RESCORE, and all that tie with the last of them
            last = quick[RESCORE - 1][1]
            quick = [q for q in quick if q[1] >= last]
        chosen.update(index for _, _, index in quick)
    scored = []
    for index in sorted(chosen):
        candidate = found[index]
        written = plain_key(candidate.name)
        if written_short or is_acronym(candidate.name):
            # "Kh", "Ky": a name (or a name's word) written so, or starting so; an acronym is
            # letters, not sounds ("attack" is no ATACMS)
            score = similarity(folded_query, written)
            if score >= SCORE_CUTOFF:
                scored.append((round(score, 1), candidate))
            continue
        by_key = similarity(key, candidate.key, (folded_query, written))
        by_spelling = similarity(folded_query, written)
        if by_key < SCORE_CUTOFF * 0.9:
            if by_spelling >= SPELLED_CLOSE:
                # a slip in a long word that sends its key astray ("shcyh" for "shchy": the keys
                # read "ts" and "x"), written all but as the name is; or no slip at all, the name
                # being typed letter for letter up to where its key turns ("bak" of "Bakhmut",
                # whose key reads "bah")
                slipped = not _typed_as_written(folded_query, written)
                scored.append((round(by_spelling * (0.9 if slipped else 1.0), 1), candidate))
            continue
        if len(key) <= SHORT_QUERY:  # "y" is "i" and so is "e": a letter or two must be written so
            score = min(by_key, by_spelling)
        else:
            score = 0.8 * by_key + 0.2 * max(by_spelling, by_key - 15.0)
        if score >= SCORE_CUTOFF:
            scored.append((round(score, 1), candidate))
    return scored


def _typed_as_written(query: str, name: str) -> bool:
    """Whether the name, or one of its words, starts with the query (folded, three letters or more)."""
    if len(query) < 3:
        return False
    return name.startswith(query) or (" " not in query and any(w.startswith(query) for w in name.split()))


def _details(conn: sqlite3.Connection, owner: str, ids: list[int]) -> dict[int, tuple[str, str, int, int]]:
    """(type, name, mentions, events) for entities or sources by id."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    if owner == "entity":
        rows = conn.execute(f"SELECT id, type, name, n_mentions, n_events FROM entities WHERE id IN ({marks})", ids)
    else:
        rows = conn.execute(
            f"""SELECT s.id, s.type, s.name, s.n_claims,
                       (SELECT count(DISTINCT ce.event_id) FROM claims c
                        JOIN claim_events ce ON ce.claim_id = c.id WHERE c.source_id = s.id)
                FROM sources s WHERE s.id IN ({marks})""",
            ids,
        )
    return {row[0]: tuple(row[1:]) for row in rows}


def _script(text: str) -> str:
    """The script of the first letter of ``text`` ("LATIN", "CYRILLIC", ...; "" for none)."""
    letter = next((ch for ch in text if ch.isalpha()), "")
    return unicodedata.name(letter, "").split(" ", 1)[0] if letter else ""


def search(conn: sqlite3.Connection, query: str, kind: str = "any", limit: int = 10) -> list[SearchResult]:
    """Entities and sources whose names match ``query``, best first.

    kind: any|place|person|organization|group|source. Raises ValueError (one-line message) for queries it refuses; returns []
    for queries with nothing to find.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of: {', '.join(KINDS)})")
    if not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive whole number, not {limit!r}")
    limit = min(limit, MAX_LIMIT)
    # symbols are no part of a name (transliterated, "🔥" became the word "fire": "Kyiv 🔥" found no Kyiv)
    query = "".join(ch for ch in query if not unicodedata.category(ch).startswith("S"))
    # the query's key, and for a query in Arabic or Hebrew script the keys of its Latin readings
    # ("كييف": Kyiv, "חרקוב": Kharkiv)
    keys = {query_key(query): plain_key(query)}
    for reading in arabic.readings(query) + hebrew.readings(query):
        keys.setdefault(query_key(reading), plain_key(reading))
    keys.pop("", None)
    if not keys:
        return []
    scored = [
        hit for key, folded in keys.items() for hit in score_names(key, folded, candidates(conn, key, kind, limit))
    ]

    # one result per owner, scored by its best name; the name shown as matched is, among its names
    # within MATCHED_SLACK points of the best, the one written most like the query (same script and
    # letters: "Volodymyr Zelensky" for "Zelenskiy", "Володимир Зеленський" for "Зеленский")
    written, folded, script = query.casefold().strip(), plain_key(query), _script(query)
    by_owner: dict[tuple[str, int], list[tuple[float, _Candidate]]] = {}
    for score, candidate in scored:
        by_owner.setdefault((candidate.owner, candidate.owner_id), []).append((score, candidate))
    best: dict[tuple[str, int], tuple[float, _Candidate]] = {}
    for owner, names in by_owner.items():
        top_score = max(score for score, _ in names)
        # written like the query: in its script, then with its spelling word for word ("Volodymyr
        # Zelensky" holds "Zelensky"; "Zilinski", of the same key, does not), then letter for letter
        near = [
            (
                _script(c.name) == script,
                round(similarity(folded, plain_key(c.name))),
                fuzz.ratio(written, c.name.casefold()),
                score,
                c,
            )
            for score, c in names
            if score >= top_score - MATCHED_SLACK
        ]
        best[owner] = (top_score, max(near, key=lambda item: item[:4])[4])

    details: dict[str, dict] = {}
    for owner in ("entity", "source"):
        details[owner] = _details(conn, owner, [oid for (o, oid) in best if o == owner])
    results = []
    for (owner, owner_id), (score, candidate) in best.items():
        row = details[owner].get(owner_id)
        if row is None:  # a name whose owner is gone
            continue
        type_, name, mentions, events = row
        results.append(SearchResult(owner_id, owner, type_, name, candidate.name, score, mentions or 0, events or 0))
    # match quality first, in whole points (83.4 and 83.3 match equally well), then how much the
    # store says about the thing, then the exact score
    results.sort(key=lambda r: (-round(r.score), -r.mentions, -r.events, -r.score, r.name, r.id))
    return results[:limit]
