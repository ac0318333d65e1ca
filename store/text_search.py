"""Full-text search over the articles' text (the FTS5 index ``articles_fts``), ranked, with a
snippet around the best match and the offsets of the words that matched.

``match_expression`` turns what a user typed into an FTS5 query built from its words only, each
double-quoted (so nothing typed is FTS syntax: ``NOT``, ``*``, ``"`` and column filters are
inert); the last word may be a prefix, for search as you type. ``search_text`` ranks articles by
bm25 (a word in the title counts four times) and finds, in each hit's stored text, where the
words are: the phrase as typed if it is there, else the place where most of the words are close
together, else the first of them. Offsets are into the stored text (CONTRACT.md, Spans), so the
reader can scroll to the match and highlight it.

A run of Chinese, Japanese, Korean, Thai, ... characters in a query is one word of its own, kept
as typed (NFC, never folded: folding would take Hangul apart and drop kana's and Thai's marks).
unicode61 cannot find it inside a longer run, so such words are looked up in ``articles_grams``
(store/grams.py) and located as substrings.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

from store.grams import RUN_CHARS, is_run, run_phrase

# a word: a run of unspaced-script characters (store/grams.py), or other word characters
_WORD = re.compile(f"[{RUN_CHARS}]+|[^\\W{RUN_CHARS}]+")
MAX_QUERY_WORDS = 12
SCAN_CHARS = 400_000  # of a very long article, where the words are looked for
SNIPPET_CHARS = 160
TITLE_WEIGHT = 4.0


def _fold(word: str) -> str:
    """Case and diacritics folded, as FTS5's unicode61 tokenizer folds them."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _term(word: str) -> str:
    return word if is_run(word) else _fold(word)


def query_words(text: str, limit: int | None = MAX_QUERY_WORDS) -> list[str]:
    """The words of a query (the first ``limit``: those searched): folded as FTS5 folds them, or
    runs of unspaced scripts as typed."""
    return [_term(w) for w in _WORD.findall(unicodedata.normalize("NFC", text or ""))][:limit]


def match_expression(text: str, prefix_last: bool = False) -> str | None:
    """An FTS5 MATCH expression in ``articles_fts`` for the words of ``text`` (all of them, any
    order) but runs of unspaced scripts (``grams_expression``), or None."""
    words = query_words(text)
    spaced = [w for w in words if not is_run(w)]
    if not spaced:
        return None
    quoted = [f'"{w}"' for w in spaced]  # \w+ holds no quote mark
    if prefix_last and len(spaced[-1]) >= 2 and not is_run(words[-1]):
        quoted[-1] += "*"
    return " ".join(quoted)


def grams_expression(text: str) -> str | None:
    """An FTS5 MATCH expression in ``articles_grams`` for the runs of unspaced scripts in
    ``text`` (all of them), or None."""
    runs = [w for w in query_words(text) if is_run(w)]
    return " ".join(run_phrase(r) for r in runs) if runs else None


def text_conditions(text: str, column: str = "a.id") -> list[tuple[str, str]] | None:
    """SQL conditions, each with its one parameter, for the articles (``column``: their id) whose
    text or title holds every word of ``text``; None when ``text`` has no word."""
    conditions = []
    match = match_expression(text)
    if match:
        conditions.append((f"{column} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", match))
    runs = grams_expression(text)
    if runs:
        conditions.append((f"{column} IN (SELECT rowid FROM articles_grams WHERE articles_grams MATCH ?)", runs))
    return conditions or None


@dataclass
class TextHit:
    article_id: int
    title: str | None
    ref: str
    published: str | None
    outlet: str | None
    start: int  # the match in the stored text
    end: int
    snippet: str  # text around it, one line
    snippet_start: int  # offset of the snippet in the stored text
    marks: list[tuple[int, int]] = field(default_factory=list)  # matched words, offsets in the snippet

    def to_dict(self) -> dict:
        return {
            "kind": "article",
            "id": self.article_id,
            "title": self.title,
            "ref": self.ref,
            "published": self.published,
            "outlet": self.outlet,
            "start": self.start,
            "end": self.end,
            "snippet": self.snippet,
            "marks": self.marks,
        }


def _tokens(text: str, stop: int) -> list[tuple[int, int, str]]:
    """(start, end, token) for the words of ``text[:stop]``: folded, but each character of a run
    of unspaced script a token of its own."""
    tokens = []
    for m in _WORD.finditer(text, 0, stop):
        word, at = m.group(), m.start()
        if is_run(word):
            tokens += [(at + i, at + i + 1, ch) for i, ch in enumerate(word)]
        else:
            tokens.append((at, m.end(), _fold(word)))
    return tokens


def locate(text: str, words: list[str], prefix_last: bool = False) -> tuple[int, int, list[tuple[int, int]]]:
    """Where ``words`` (``query_words``) are in ``text``: (start, end) of the best match and every
    matched word's (start, end). The phrase as typed wins, then the tightest stretch holding the
    most words. A run of unspaced script matches where its characters stand together."""
    if not words:
        return 0, 0, []
    tokens = _tokens(text, min(len(text), SCAN_CHARS))
    last = len(words) - 1

    def starts(i: int) -> list[int]:
        """The tokens where word ``i`` starts."""
        word = words[i]
        if not is_run(word):
            return [
                k
                for k, (_, _, t) in enumerate(tokens)
                if t == word or (prefix_last and i == last and t.startswith(word))
            ]
        n = len(word)
        return [
            k
            for k, (s, _, t) in enumerate(tokens)
            if t == word[0]
            and k + n <= len(tokens)
            and all(tokens[k + j][2] == word[j] and tokens[k + j][0] == s + j for j in range(1, n))
        ]

    length = [len(w) if is_run(w) else 1 for w in words]  # in tokens
    at = [set(starts(i)) for i in range(len(words))]
    # (start, end, word) of every match, in the order of the text
    found = sorted((tokens[k][0], tokens[k + length[i] - 1][1], i) for i in range(len(words)) for k in at[i])
    if not found:
        return 0, 0, []
    marks = sorted({(s, e) for s, e, _ in found})
    # the phrase as typed
    for first in sorted(at[0]):
        k = first
        for i in range(len(words)):
            if k not in at[i]:
                break
            k += length[i]
        else:
            return tokens[first][0], tokens[k - 1][1], marks
    # else the shortest window (in characters) with the most distinct words
    best = (-1, found[0][1] - found[0][0], found[0][0], found[0][1])  # (-distinct words, length, start, end)
    for n, (s, _, _) in enumerate(found):
        seen: set[int] = set()
        for s2, e2, i2 in found[n:]:
            if s2 - s > SNIPPET_CHARS:
                break
            seen.add(i2)
            candidate = (-len(seen), e2 - s, s, e2)
            if candidate < best:
                best = candidate
    return best[2], best[3], marks


def snippet_of(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> tuple[str, int, list[tuple[int, int]]]:
    """One line of about SNIPPET_CHARS around [start, end): (snippet, its offset, marks in it)."""
    lead = max(0, start - (SNIPPET_CHARS - (end - start)) // 3)
    if lead:
        space = text.find(" ", lead, start)
        lead = space + 1 if space != -1 else lead
    stop = min(len(text), max(end, lead + SNIPPET_CHARS))
    if stop < len(text):
        space = text.rfind(" ", end, stop)
        stop = space if space != -1 else stop
    inside = [(s - lead, e - lead) for s, e in marks if s >= lead and e <= stop]
    return text[lead:stop].replace("\n", " "), lead, inside


def search_text(conn: sqlite3.Connection, query: str, limit: int = 30, prefix_last: bool = True) -> list[TextHit]:
    """Articles whose text or title holds every word of ``query``, best first: those that hold
    the words as a phrase, then the others, each ranked by bm25 (in ``articles_fts``, or for a
    query of unspaced script only, in ``articles_grams``)."""
    words = query_words(query)
    if not words:
        return []
    match = match_expression(query, prefix_last=prefix_last)
    runs = grams_expression(query)
    spaced = [w for w in words if not is_run(w)]
    prefix = prefix_last and len(words[-1]) >= 2 and not is_run(words[-1])
    columns = "a.id, a.title, a.ref, a.published, a.outlet, a.text"
    if match:
        select = (
            f"SELECT {columns} FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?"
            + (" AND a.id IN (SELECT rowid FROM articles_grams WHERE articles_grams MATCH ?)" if runs else "")
            + f" ORDER BY bm25(articles_fts, {TITLE_WEIGHT}, 1.0), a.id LIMIT ?"
        )
        extra: tuple = (runs,) if runs else ()
    else:
        select = (
            f"SELECT {columns} FROM articles_grams g JOIN articles a ON a.id = g.rowid WHERE articles_grams MATCH ?"
            f" ORDER BY bm25(articles_grams, {TITLE_WEIGHT}, 1.0), a.id LIMIT ?"
        )
        match, extra = runs, ()
    rows = []
    if len(spaced) > 1:  # FTS5: words in one pair of quotes are a phrase
        phrase = '"' + " ".join(spaced) + '"' + ("*" if prefix else "")
        rows = conn.execute(select, (phrase, *extra, limit)).fetchall()
    seen = {row[0] for row in rows}
    if len(rows) < limit:
        rows += [row for row in conn.execute(select, (match, *extra, limit + len(rows))) if row[0] not in seen]
    rows = rows[:limit]
    hits = []
    for article_id, title, ref, published, outlet, text in rows:
        start, end, marks = locate(text, words, prefix_last)
        snippet, at, inside = snippet_of(text, start, end, marks)
        hits.append(TextHit(article_id, title, ref, published, outlet, start, end, snippet, at, inside))
    return hits


_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s|\n")
SENTENCE_REACH = 300  # characters looked at on each side of a mention


def sentence_around(text: str | None, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]`` (at most SENTENCE_REACH characters each side), one line."""
    if not text:
        return ""
    lo = max(0, start - SENTENCE_REACH)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    first = before[-1] if before else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    last = (
        after.start() + 1
        if after and text[after.start()] != "\n"
        else (after.start() if after else min(len(text), end + SENTENCE_REACH))
    )
    return " ".join(text[first:last].split())
