"""Text in scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
Myanmar) or with particles joined to the word (Korean): the side index ``articles_grams``.

FTS5's unicode61 tokenizer (``articles_fts``) takes a whole run of such characters as one token,
so a word inside the run ("哈尔科夫" in "炮击了哈尔科夫市中心") is never found. Each run is
indexed here as its overlapping pairs of characters and, last, its final character alone
(``grams``: "ABCD" -> "AB BC CD D"), in an FTS5 table with the ``ascii`` tokenizer (every
character outside ASCII is part of a token, so a pair is one token, never folded). A word of two
characters or more is then the phrase of its pairs; a single character, the prefix query of
the tokens that start with it (every character starts a pair or is a run's last; a prefix index
of one character makes that one lookup: 14 times faster for the commonest characters). The final
character alone also keeps the pairs of two runs from ever joining into a phrase.

Only articles that hold such characters are indexed, so stores of other languages pay nothing
but a look at each text. Every article inserted is listed in ``grams_pending`` by a trigger:
the writer indexes it in the transaction that inserts it (``index_article``), and opening a
store writable indexes what is still listed (articles of a store from before this index, rows
written around the writer), in batches that each commit (``index_batch``).

The table is contentless (the pairs would take more room than the text itself): taking a row
out needs what was indexed, so a deleted article's title and text wait in ``grams_gone`` (the
trigger copies them) until the next writer takes them out; a search meanwhile drops ids that
are no longer articles.
Changing ``RUN_CHARS`` changes what was indexed: it takes a migration that rebuilds the table.
"""

from __future__ import annotations

import re
import sqlite3

# Thai, Lao, Myanmar, Hangul Jamo, Khmer, CJK radicals, 々〆〇, kana, Bopomofo, Hangul
# compatibility Jamo, CJK ideographs (and extension A), Hangul Jamo extension A, Hangul
# syllables (and Jamo extension B), CJK compatibility ideographs, half-width kana and Hangul,
# CJK ideographs of the supplementary planes (extensions B-G)
RUN_CHARS = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u2e80-\u2fdf\u3005-\u3007\u3040-\u30ff"
    "\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc"
    "\U00020000-\U0003134f"
)
RUN = re.compile(f"[{RUN_CHARS}]+")
BATCH = 2000  # pending articles indexed per transaction when a store is opened


def is_run(word: str) -> bool:
    """Whether ``word`` is a run of such characters (a query's word as ``text_search`` splits it)."""
    return bool(word) and RUN.fullmatch(word) is not None


def run_grams(run: str) -> list[str]:
    """A run's tokens: its overlapping pairs of characters, then its last character."""
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def grams(text: str | None) -> str:
    """What ``articles_grams`` indexes for a text: the tokens of each of its runs, space-separated
    ("" for a text without any)."""
    if not text:
        return ""
    return " ".join(" ".join(run_grams(m.group())) for m in RUN.finditer(text))


def run_phrase(run: str) -> str:
    """An FTS5 query for ``run`` in ``articles_grams``: the phrase of its pairs, or for a single
    character the prefix of the tokens that start with it. (A run holds no ASCII, so no quote.)"""
    if len(run) == 1:
        return f'"{run}"*'
    return '"' + " ".join(run_grams(run)[:-1]) + '"'


def forget(conn: sqlite3.Connection, article_id: int | None = None) -> None:
    """Take the articles deleted since (all, or the one id) out of the index. Its table keeps no
    copy of what it indexed, so the trigger kept each one's title and text for this."""
    where, args = ("WHERE article_id = ?", (article_id,)) if article_id is not None else ("", ())
    gone = conn.execute(f"SELECT article_id, title, text FROM grams_gone {where}", args).fetchall()
    rows = [("delete", i, grams(title), grams(text)) for i, title, text in gone]
    conn.executemany(
        "INSERT INTO articles_grams (articles_grams, rowid, title, text) VALUES (?, ?, ?, ?)",
        [row for row in rows if row[2] or row[3]],
    )
    if gone:
        conn.execute(f"DELETE FROM grams_gone {where}", args)


def index_article(conn: sqlite3.Connection, article_id: int, title: str | None, text: str) -> None:
    """Index one article (inside the caller's transaction) and take it off ``grams_pending``."""
    forget(conn, article_id)  # (SQLite may give a deleted article's id to the next one)
    title_grams, text_grams = grams(title), grams(text)
    if title_grams or text_grams:
        conn.execute(
            "INSERT INTO articles_grams (rowid, title, text) VALUES (?, ?, ?)", (article_id, title_grams, text_grams)
        )
    conn.execute("DELETE FROM grams_pending WHERE article_id = ?", (article_id,))


def has_pending(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute("SELECT 1 FROM grams_pending LIMIT 1").fetchone() is not None
        or conn.execute("SELECT 1 FROM grams_gone LIMIT 1").fetchone() is not None
    )


def index_batch(conn: sqlite3.Connection, batch: int = BATCH) -> int:
    """Index the first ``batch`` articles listed in ``grams_pending`` (inside the caller's
    transaction); returns how many were looked at (0: none is left). Opening a store runs it
    batch after batch, each committed, after ``forget`` (store/db.py)."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.text FROM grams_pending p JOIN articles a ON a.id = p.article_id "
        "ORDER BY p.article_id LIMIT ?",
        (batch,),
    ).fetchall()
    indexed = [(i, grams(title), grams(text)) for i, title, text in rows]
    conn.executemany(
        "INSERT INTO articles_grams (rowid, title, text) VALUES (?, ?, ?)", [row for row in indexed if row[1] or row[2]]
    )
    if rows:
        conn.execute("DELETE FROM grams_pending WHERE article_id <= ?", (rows[-1][0],))
    else:  # (rows of articles that are gone)
        conn.execute("DELETE FROM grams_pending")
    return len(rows)
