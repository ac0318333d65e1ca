"""Near-duplicate articles (reprints): MinHash sketches over word shingles, and LSH bands.

An article's text is cut into overlapping runs of ``SHINGLE`` words (lower-cased, punctuation
dropped). Each run is hashed once (blake2b, 64 bits; deterministic across processes, unlike
``hash()``) and the hashes are spread over ``K`` bins by their top bits, keeping the smallest in
each bin: one-permutation MinHash (Li, Owen and Zhang, 2012), with empty bins filled from the
next filled bin to their right (Shrivastava and Li's densification), so the K values behave as K
independent MinHash values at the cost of one hash per shingle. The fraction of equal values of
two sketches estimates the Jaccard similarity of their shingle sets.

For lookup at scale the first ``BANDS * ROWS`` values are grouped into bands; two articles whose
Jaccard similarity is J share at least one band with probability ``1 - (1 - J**ROWS)**BANDS``
(0.99 at J = 0.7, 0.95 at J = 0.6, 0.8 at J = 0.5, 0.28 at J = 0.3). Two articles are copies when
their Jaccard similarity reaches ``COPY_JACCARD``, or when nearly all of the shorter one is in the
longer (a wire story trimmed for length, or carried inside a longer page): the sketch keeps the
number of shingles, from which containment follows. The store keeps one row per band, so the
candidate copies of a new article are an index lookup; candidates whose sketches leave a copy
possible are then confirmed on the texts themselves (exact shingle sets: 64 values estimate the
similarity of short texts too roughly to decide on; store/reprints.py). Written here rather than
taken from ``datasketch``: its LSH index lives in memory (or Redis/Cassandra) while Sitrep's must
live in the store, and it would bring numpy and scipy for what is a few lines of pure Python that
runs in the extraction workers.

Pure functions: no SQLite here.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from hashlib import blake2b
from operator import eq

SHINGLE = 4  # words per shingle
K = 64  # MinHash values in a sketch
BANDS, ROWS = 12, 3  # LSH: 12 bands of 3 values (the first 36 of the 64)
COPY_JACCARD = 0.6  # estimated Jaccard similarity from which two articles are copies of one another
COPY_CONTAINMENT = 0.8  # ... or the share of the shorter one's shingles found in the longer (a trimmed copy)
NEAR_JACCARD, NEAR_CONTAINMENT = 0.25, 0.5  # estimates from which two texts are compared word for word
MIN_WORDS = 12  # shorter texts are too short to tell a reprint from a shared phrase

_BITS = 6  # K == 2 ** _BITS bins, chosen by a hash's top bits
_LOW = (1 << (64 - _BITS)) - 1
_EMPTY = 1 << 64
_WORD = re.compile(r"\w+")
_PACK = struct.Struct(f"<{K}QI")  # K values, then the number of distinct shingles
_BAND = struct.Struct(f"<{ROWS}Q")


def _runs(tokens: list[str]) -> Iterator[str]:
    """Each run of SHINGLE words: the shingles."""
    return (" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def _shingle_hashes(tokens: list[str]) -> list[int]:
    """One 64-bit hash (blake2b) per shingle."""
    return [int.from_bytes(blake2b(run.encode(), digest_size=8).digest(), "little") for run in _runs(tokens)]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def sketch(text: str) -> bytes | None:
    """The MinHash sketch of ``text`` (K values packed little-endian), or None when the text is
    too short for reprint detection to mean anything."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    bins = [_EMPTY] * K
    low, shift = _LOW, 64 - _BITS
    hashes = set(_shingle_hashes(tokens))
    for h in hashes:
        b, v = h >> shift, h & low
        if v < bins[b]:
            bins[b] = v
    # densification: an empty bin takes the value of the next filled bin to its right, marked with
    # the distance so that two sketches agree there only when they agree on the donor and its distance
    # (the distance goes in the top bits, which a filled bin's value leaves at zero)
    for i in range(K):
        if bins[i] == _EMPTY:
            for step in range(1, K):
                donor = bins[(i + step) % K]
                if donor <= _LOW:
                    bins[i] = donor | (step << shift)
                    break
    return _PACK.pack(*bins, min(len(hashes), 0xFFFFFFFF))


def values(signature: bytes) -> tuple[int, ...]:
    return _PACK.unpack(signature)[:K]


def size(signature: bytes) -> int:
    """How many distinct shingles the sketched text has."""
    return _PACK.unpack(signature)[K]


def bands(signature: bytes) -> list[int]:
    """The LSH band keys of a sketch: signed 63-bit integers (SQLite's INTEGER), one per band."""
    vals = values(signature)
    keys = []
    for band in range(BANDS):
        digest = blake2b(
            _BAND.pack(*vals[band * ROWS : (band + 1) * ROWS]), digest_size=8, person=band.to_bytes(2, "little")
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: bytes, b: bytes, a_values: tuple[int, ...] | None = None) -> float:
    """Estimated Jaccard similarity of the shingle sets two sketches were made from."""
    return sum(map(eq, a_values or values(a), values(b))) / K


def containment(a: bytes, b: bytes, j: float | None = None) -> float:
    """Estimated share of the smaller text's shingles that the other has."""
    j = similarity(a, b) if j is None else j
    na, nb = size(a), size(b)
    return min(1.0, j / (1 + j) * (na + nb) / max(1, min(na, nb)))


def is_copy(a: bytes, b: bytes, a_values: tuple[int, ...] | None = None) -> bool:
    """Whether the sketches say copies (an estimate: see ``may_be_copy`` and ``texts_are_copies``)."""
    j = similarity(a, b, a_values)
    return j >= COPY_JACCARD or containment(a, b, j) >= COPY_CONTAINMENT


def may_be_copy(a: bytes, b: bytes, a_values: tuple[int, ...] | None = None) -> bool:
    """Whether the sketches leave it possible that the texts are copies: an estimate from which the
    texts themselves are compared. With 64 values the estimates of short texts are rough (a wire
    story of 50 words trimmed by half estimates 0.7 contained, not 1), so the bar is low."""
    j = similarity(a, b, a_values)
    return j >= NEAR_JACCARD or containment(a, b, j) >= NEAR_CONTAINMENT


def shingles(text: str) -> set[str]:
    return set(_runs(words(text)))


def texts_are_copies(a: str | set[str], b: str | set[str]) -> bool:
    """Whether two texts (or their ``shingles``) are copies: exact Jaccard similarity and containment
    of their shingle sets, against the same bars as the sketches' estimates."""
    a_set = a if isinstance(a, set) else shingles(a)
    b_set = b if isinstance(b, set) else shingles(b)
    if not a_set or not b_set:
        return False
    shared = len(a_set & b_set)
    return shared >= COPY_JACCARD * len(a_set | b_set) or shared >= COPY_CONTAINMENT * min(len(a_set), len(b_set))
