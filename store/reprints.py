"""Reprints in the store: each article's MinHash sketch and LSH bands, and which earlier article
it is a copy of (``article_sketches.copy_of``: the first stored article of its group of copies).

A new article's candidate copies are the articles sharing one of its bands (an index lookup);
a candidate is confirmed on the texts when the whole sketches leave a copy possible
(``store.sketch.may_be_copy``, ``store.sketch.texts_are_copies``). The group is the
earliest stored article among the confirmed ones' groups, so groups never depend on which copy is
compared first. Runs inside the writer's transaction.
"""

from __future__ import annotations

import sqlite3

from store import sketch

MAX_CANDIDATES = 8  # the articles sharing the most bands are confirmed; a copy shares most of its bands
MAX_COMPARED_CHARS = 200_000  # longer texts are not compared word by word (time and memory): their sketches decide


def record(conn: sqlite3.Connection, article_id: int, signature: bytes | None) -> int | None:
    """Store the sketch of a new article; returns the article it is a copy of (None: an original)."""
    if signature is None:
        conn.execute(
            "INSERT OR REPLACE INTO article_sketches (article_id, copy_of, signature) VALUES (?, NULL, NULL)",
            (article_id,),
        )
        return None
    bands = sketch.bands(signature)
    marks = ",".join("?" * len(bands))
    candidates = conn.execute(
        f"SELECT b.article_id, count(*) AS shared FROM article_bands b WHERE b.band IN ({marks}) "
        "GROUP BY b.article_id ORDER BY shared DESC, b.article_id LIMIT ?",
        (*bands, MAX_CANDIDATES),
    ).fetchall()
    copy_of = None
    if candidates:
        ids = [c[0] for c in candidates]
        rows = conn.execute(
            f"SELECT article_id, coalesce(copy_of, article_id), signature FROM article_sketches "
            f"WHERE article_id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchall()
        mine = sketch.values(signature)
        near = {
            other_id: (group, other)
            for other_id, group, other in rows
            if other is not None and sketch.may_be_copy(signature, other, mine)
        }
        groups = []
        if near:
            # the texts decide, unless one is too long to compare word by word (the sketches decide then)
            texts = dict(
                conn.execute(
                    f"SELECT id, CASE WHEN length(text) <= ? THEN text END FROM articles "
                    f"WHERE id IN ({','.join('?' * (len(near) + 1))})",
                    (MAX_COMPARED_CHARS, article_id, *near),
                )
            )
            own = texts.get(article_id)
            own_shingles = sketch.shingles(own) if own is not None else None
            for other_id, (group, other) in near.items():
                theirs = texts.get(other_id)
                if own_shingles is None or theirs is None:
                    copy = sketch.is_copy(signature, other, mine)
                else:
                    copy = sketch.texts_are_copies(own_shingles, theirs)
                if copy:
                    groups.append(group)
        copy_of = min(groups) if groups else None
    conn.execute(
        "INSERT OR REPLACE INTO article_sketches (article_id, copy_of, signature) VALUES (?, ?, ?)",
        (article_id, copy_of, signature),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)", [(band, article_id) for band in bands]
    )
    return copy_of
