"""Full-text search over the articles' text (the FTS5 index ``articles_fts``), ranked, with a
snippet around the best match and the offsets of the words that matched.

``match_expression`` turns what a user typed into an FTS5 query built from its words only, each
double-quoted (so nothing typed is FTS syntax: ``NOT``, ``*``, ``"`` and column filters are
inert); the last word may be a prefix, for search as you type. ``search_text`` ranks articles by
bm25 (a word in the title counts four times) and finds, in each hit's stored text, where the
words are: the phrase as typed if it is there, else the place where most of the words are close
together, else the first of them. Offsets are into the stored text (CONTRACT.md, Spans), so the
reader can scroll to the match and highlight it.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")
MAX_QUERY_WORDS = 12
SCAN_CHARS = 400_000  # of a very long article, where the words are looked for
SNIPPET_CHARS = 160
TITLE_WEIGHT = 4.0


def _fold(word: str) -> str:
    """Case and diacritics folded, as FTS5's unicode61 tokenizer folds them."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def query_words(text: str) -> list[str]:
    return [_fold(w) for w in _WORD.findall(text or "")][:MAX_QUERY_WORDS]


def match_expression(text: str, prefix_last: bool = False) -> str | None:
    """An FTS5 MATCH expression for the words of ``text`` (all of them, any order), or None."""
    words = query_words(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]  # \w+ holds no quote mark
    if prefix_last and len(words[-1]) >= 2:
        quoted[-1] += "*"
    return " ".join(quoted)


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


def locate(text: str, words: list[str], prefix_last: bool = False) -> tuple[int, int, list[tuple[int, int]]]:
    """Where ``words`` are in ``text``: (start, end) of the best match and every matched word's
    (start, end). The phrase as typed wins, then the tightest stretch holding the most words."""
    if not words:
        return 0, 0, []

    def matches(token: str, i: int) -> bool:
        return token == words[i] or (prefix_last and i == len(words) - 1 and token.startswith(words[i]))

    tokens = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text, 0, min(len(text), SCAN_CHARS))]
    found = [(s, e, t) for s, e, t in tokens if any(matches(t, i) for i in range(len(words)))]
    if not found:
        return 0, 0, []
    # the phrase as typed
    for k in range(len(tokens) - len(words) + 1):
        if all(matches(tokens[k + i][2], i) for i in range(len(words))):
            return tokens[k][0], tokens[k + len(words) - 1][1], [(s, e) for s, e, _ in found]
    # else the shortest window (in characters) with the most distinct words
    best = (-1, found[0][1] - found[0][0], found[0][0], found[0][1])  # (-distinct words, length, start, end)
    for i, (s, _, _) in enumerate(found):
        seen: set[int] = set()
        for s2, e2, t2 in found[i:]:
            if s2 - s > SNIPPET_CHARS:
                break
            seen |= {k for k in range(len(words)) if matches(t2, k)}
            candidate = (-len(seen), e2 - s, s, e2)
            if candidate < best:
                best = candidate
    return best[2], best[3], [(s, e) for s, e, _ in found]


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
    the words as a phrase, then the others, each ranked by bm25."""
    match = match_expression(query, prefix_last=prefix_last)
    if match is None:
        return []
    words = query_words(query)
    select = (
        f"SELECT a.id, a.title, a.ref, a.published, a.outlet, a.text FROM articles_fts f "
        f"JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? "
        f"ORDER BY bm25(articles_fts, {TITLE_WEIGHT}, 1.0), a.id LIMIT ?"
    )
    rows = []
    if len(words) > 1:  # FTS5: words in one pair of quotes are a phrase
        phrase = '"' + " ".join(words) + '"' + ("*" if prefix_last and len(words[-1]) >= 2 else "")
        rows = conn.execute(select, (phrase, limit)).fetchall()
    seen = {row[0] for row in rows}
    if len(rows) < limit:
        rows += [row for row in conn.execute(select, (match, limit + len(rows))) if row[0] not in seen]
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
