"""The learned incident model: does a sentence report an incident, and of which ACLED subtype.

Rules read each sentence (extract/events.py: ``SentenceSignals``: the keyword rules' subtype, casualty
figures, dates and their precision, claims, places, forecast and background words, headline shape);
this module turns those and the sentence's words and context into features and scores them with
linear weights learned from real news labelled by reading (``bench/train_incidents.py`` fits them and
writes ``extract/models/incidents.npz``). Inference is dictionary lookups and sums, and one small
matrix sum in numpy for the subtypes: fast, offline, deterministic.

- ``features(signals, i, published)``: the features of sentence i (strings; binary), for training.
- ``Model.meanings(word_lists)``: each sentence's word-vector features (see below).
- ``Model.incident(words, others, context)``: the calibrated probability that the sentence reports an
  incident (``context``: ``Model.context_scores``, the word-vector part of its score).
- ``Model.subtypes(found, rule, meaning)``: the subtypes' probabilities (given an incident).
- ``Model.confidence(p_incident, p_subtype)``: an event's calibrated confidence.

Word vectors: beside its n-grams, the model reads the mean GloVe vector of the sentence's words (of
four letters or more), and of the sentences just before and after it, so a word no labelled sentence
holds still counts by what it means ("kidnapped" towards an abduction). A linear weight on a mean
vector is the mean of each word's own score, so the model ships one small row of scores per word (its
projections on the incident and subtype weights: ``embed_weights``) instead of the vectors.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Protocol

import numpy as np

from extract.model import CASUALTY_KINDS, SUBTYPE_TO_TYPE

MODEL_PATH = Path(__file__).resolve().parent / "models" / "incidents.npz"

_TOKEN = re.compile(r"[a-z]+|0")
MEANING_MIN_LETTERS = 4  # shorter words (articles, pronouns, "war") carry no vector: too common to tell
_DIGITS = re.compile(r"\d+")


class _Signals(Protocol):  # extract.events.SentenceSignals (not imported: events imports this module)
    index: int
    paragraph: int
    low: str
    rule: str | None
    weak: bool
    casualties: list
    dates: list
    event_dates: list
    claims: list
    places: int
    sites: bool
    headline: bool
    question: bool
    hypothetical: bool
    background: bool
    long_period: bool
    evaluative: bool
    rules_keep: bool
    aggregate: bool


_PRECISION_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4}


def words(low: str) -> list[str]:
    """The sentence's words for n-grams: letters runs, and digit runs as "0"."""
    return _TOKEN.findall(_DIGITS.sub("0", low))


def lexical_features(toks: list[str]) -> list[str]:
    """Word unigrams ("w:"), 5-letter beginnings of longer words ("p:") and bigrams ("b:")."""
    return (
        [f"w:{t}" for t in toks]
        + [f"p:{t[:5]}" for t in toks if len(t) > 5]
        + [f"b:{a}_{b}" for a, b in zip(toks, toks[1:])]
    )


def signal_features(sig: _Signals, n_tokens: int, pub: datetime.date | None) -> list[str]:
    """What the rules read in the sentence."""
    n = n_tokens
    feats = [
        "len:1" if n <= 5 else "len:2" if n <= 12 else "len:3" if n <= 25 else "len:4" if n <= 40 else "len:5",
        _RULE[sig.rule],
    ]
    if sig.rule is not None:
        feats.append("r:any")
        feats.append("rk:yes" if sig.rules_keep else "rk:no")
        if sig.weak:
            feats.append("r:weak")
    if sig.casualties:
        feats += [_CASUALTY[c.kind] for c in sig.casualties]
        feats.append("c:any")
    if sig.event_dates:
        best = min(sig.event_dates, key=_rank)
        feats.append(_DATE[best.precision])
        if pub is not None:
            feats.append(_age(best, pub))
    else:
        feats.append("d:reported_only" if sig.dates else "d:none")
    if sig.claims:
        feats.append("claim")
        if any(c.quote for c in sig.claims):
            feats.append("claim:quote")
    feats.append("pl:0" if sig.places == 0 else "pl:1" if sig.places == 1 else "pl:2")
    if sig.sites:
        feats.append("pl:site")
    feats += [flag for flag in _FLAGS if getattr(sig, flag)]
    return feats


# feature strings made once
_RULE = {None: "r:none", **{name: f"r:{name}" for name in SUBTYPE_TO_TYPE}}
_CASUALTY = {kind: f"c:{kind}" for kind in CASUALTY_KINDS}
_DATE = {p: f"d:{p}" for p in _PRECISION_RANK}
_NEAR = {
    (where, rule): f"{where}:r:{rule or 'none'}"
    for where in ("prev", "next", "prev2")
    for rule in (None, *SUBTYPE_TO_TYPE)
}


def _rank(date) -> int:
    return _PRECISION_RANK[date.precision]


_FLAGS = ("headline", "question", "hypothetical", "background", "long_period", "evaluative", "aggregate")


def _age(date, pub: datetime.date) -> str:
    """How far before (or after) publication a date lies."""
    history, months, future = _cuts(pub)
    end = date.date_end or date.date
    if end < history:
        return "d:history"
    if end < months:
        return "d:months_before"
    if date.date > future:
        return "d:future"
    return "d:recent"


@lru_cache(maxsize=64)
def _cuts(pub: datetime.date) -> tuple[str, str, str]:
    """A year, and 45 days, before publication; the day after it (ISO dates)."""
    return (
        (pub - datetime.timedelta(days=366)).isoformat(),
        (pub - datetime.timedelta(days=45)).isoformat(),
        (pub + datetime.timedelta(days=1)).isoformat(),
    )


def article_features(signals: Sequence[_Signals]) -> list[str]:
    """Features of the whole article (the same for each of its sentences): its length, and the share
    of its sentences the keyword rules keep as incidents."""
    n = len(signals)
    share = sum(1 for s in signals if s.rule is not None and s.rules_keep) / n if n else 0.0
    return [
        "n:" + ("1" if n == 1 else "2" if n <= 3 else "3" if n <= 8 else "4" if n <= 25 else "5"),
        "share:"
        + ("0" if share == 0 else "1" if share < 0.1 else "2" if share < 0.25 else "3" if share < 0.5 else "4"),
    ]


def context_features(signals: Sequence[_Signals], i: int) -> list[str]:
    """Features from the sentences around sentence i."""
    sig = signals[i]
    feats = ["first"] if i == 0 else []
    for name, j in (("prev", i - 1), ("next", i + 1), ("prev2", i - 2)):
        if 0 <= j < len(signals):
            other = signals[j]
            feats.append(_NEAR[name, other.rule])
            if other.casualties:
                feats.append(_NEAR_CASUALTIES[name])
            if other.paragraph == sig.paragraph:
                feats.append(_SAME_PARAGRAPH[name])
        else:
            feats.append(_EDGE[name])
    return feats


_NEAR_CASUALTIES = {"prev": "prev:c", "next": "next:c", "prev2": "prev2:c"}
_SAME_PARAGRAPH = {"prev": "prev:same_para", "next": "next:same_para", "prev2": "prev2:same_para"}
_EDGE = {"prev": "prev:edge", "next": "next:edge", "prev2": "prev2:edge"}


def other_features(
    signals: Sequence[_Signals], i: int, toks: list[str], pub: datetime.date | None, article: list[str]
) -> list[str]:
    """Every feature of sentence i but its words (``article``: the article's features)."""
    return signal_features(signals[i], len(toks), pub) + context_features(signals, i) + article


def features(signals: Sequence[_Signals], i: int, pub: datetime.date | None) -> list[str]:
    """All the features of sentence i as strings, each once (they are binary: present or not); for
    training. Inference reads the same features without building their strings (``Model.score``)."""
    toks = words(signals[i].low)
    return list(
        dict.fromkeys(lexical_features(toks) + other_features(signals, i, toks, pub, article_features(signals)))
    )


class Model:
    """The incident model's weights and calibration, and the subtype model's weights.

    Speed: a sentence's words are looked up directly (``"w:"`` features by the word, ``"p:"`` by its
    beginning, ``"b:"`` by the pair of words), so no feature string is built for them."""

    def __init__(self, arrays) -> None:
        names = str(arrays["features"]).split("\n")
        self.bias = float(arrays["incident_bias"])
        self.threshold = float(arrays["threshold"])  # below it a sentence makes no event
        self._incident_table = _Table(arrays["calibration_x"], arrays["calibration_y"])
        self._confidence_table = _Table(arrays["confidence_x"], arrays["confidence_y"])
        self.subtype_names: list[str] = str(arrays["subtype_names"]).split("\n")
        self._subtype_weights = arrays["subtype_weights"].astype(np.float64)
        self._subtype_bias = arrays["subtype_bias"]
        self._rule_prior = float(arrays["rule_prior"])
        self._index = {name: k for k, name in enumerate(self.subtype_names)}
        # feature -> (row of the subtype matrix, incident weight), by family; a word's own features (its
        # unigram and its beginning) are looked up once per word (``_WordEntries``)
        words: dict[str, tuple[int, float]] = {}
        beginnings: dict[str, tuple[int, float]] = {}
        self._pairs: dict[tuple[str, str], tuple[int, float]] = {}
        self._others: dict[str, tuple[int, float]] = {}
        for row, (name, w) in enumerate(zip(names, arrays["incident_weights"].tolist())):
            family, _, key = name.partition(":")
            if family == "w":
                words[key] = (row, w)
            elif family == "p":
                beginnings[key] = (row, w)
            elif family == "b":
                first, _, second = key.partition("_")
                self._pairs[(first, second)] = (row, w)
            else:
                self._others[name] = (row, w)
        self._words = _WordEntries(words, beginnings)
        # word -> its row of word-vector scores: [as the sentence, as the one before, as the one after,
        # then one per subtype]
        embedded = str(arrays["embed_words"]).split("\n")
        self._embed_rows = {w: k for k, w in enumerate(embedded)}
        self._embed = np.vstack([arrays["embed_weights"].astype(np.float64), np.zeros(3 + len(self.subtype_names))])

    def meanings(self, word_lists: Sequence[list[str]]) -> np.ndarray:
        """Each sentence's mean row of word-vector scores over its words that have a vector (a row of
        zeros for a sentence with none); one row per sentence, in order."""
        get, none = self._embed_rows.get, len(self._embed) - 1
        rows: list[int] = []
        starts, counts = [], []
        for toks in word_lists:
            found = [r for r in map(get, toks) if r is not None] or [none]
            starts.append(len(rows))
            counts.append(len(found))
            rows.extend(found)
        if not rows:
            return np.zeros((0, self._embed.shape[1]))
        return np.add.reduceat(self._embed[rows], starts, axis=0) / np.array(counts, dtype=np.float64)[:, None]

    @staticmethod
    def context_scores(meanings: np.ndarray) -> list[float]:
        """The word-vector part of each sentence's incident score: its own words, and those of the
        sentences just before and after it (none at the article's edges)."""
        scores = meanings[:, 0].copy()
        scores[1:] += meanings[:-1, 1]
        scores[:-1] += meanings[1:, 2]
        return scores.tolist()

    def _found(self, toks: list[str], others: list[str]) -> dict[int, float]:
        """Row -> incident weight of each feature present (each once: features are binary)."""
        return dict(
            chain(
                chain.from_iterable(map(self._words.__getitem__, toks)),
                filter(None, map(self._pairs.get, zip(toks, toks[1:]))),
                filter(None, map(self._others.get, others)),
            )
        )

    def incident(self, toks: list[str], others: list[str], context: float = 0.0) -> tuple[float, dict[int, float]]:
        """The calibrated probability that the sentence reports an incident (``toks``: its words,
        ``others``: its other features, ``context``: its word-vector score from ``context_scores``),
        and the features found (for ``subtypes``)."""
        found = self._found(toks, others)
        return self._incident_table(self.bias + context + sum(found.values())), found

    def subtypes(self, found: dict[int, float], rule: str | None, meaning: np.ndarray | None = None) -> Subtypes:
        """The subtypes' probabilities given an incident (``found``: from ``incident``; ``rule``: the
        keyword rules' subtype, a prior; ``meaning``: the sentence's row of ``meanings``)."""
        return self.subtypes_of([found], [rule], None if meaning is None else meaning[None, :])[0]

    def subtypes_of(
        self, founds: Sequence[dict[int, float]], rules: Sequence[str | None], meanings: np.ndarray | None = None
    ) -> list[Subtypes]:
        """``subtypes`` for several sentences at once (one numpy pass for an article's incidents);
        ``meanings``: their rows of ``meanings``, in the same order (none: no word-vector part)."""
        if not founds:
            return []
        rows = list(chain.from_iterable(founds))
        lengths = np.array([len(f) for f in founds])
        starts = np.zeros(len(founds), dtype=np.intp)
        np.cumsum(lengths[:-1], out=starts[1:])
        # each sentence's rows summed (a zero row last, so a sentence with none at the end has a start)
        taken = np.zeros((len(rows) + 1, len(self.subtype_names)))
        self._subtype_weights.take(rows, axis=0, out=taken[:-1])
        scores = np.add.reduceat(taken, starts, axis=0)
        scores[lengths == 0] = 0.0  # (reduceat gives the row at its start for an empty run)
        scores += self._subtype_bias
        if meanings is not None:
            scores += meanings[:, 3:]
        for k, rule in enumerate(rules):
            if rule in self._index:
                scores[k, self._index[rule]] += self._rule_prior
        exp = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs = (exp / exp.sum(axis=1, keepdims=True)).tolist()
        return [Subtypes(self.subtype_names, self._index, p) for p in probs]

    def confidence(self, p_incident: float, p_subtype: float) -> float:
        """The calibrated probability that an event is right: an incident, of that subtype."""
        return self._confidence_table(p_incident * p_subtype)


class _WordEntries(dict[str, tuple[tuple[int, float], ...]]):
    """word -> the (row, weight) of its unigram and of its beginning (a longer word's first five letters),
    worked out when first asked for and remembered (a cache: words recur across sentences)."""

    def __init__(self, words: dict[str, tuple[int, float]], beginnings: dict[str, tuple[int, float]]) -> None:
        super().__init__()
        self._words, self._beginnings = words, beginnings

    def __missing__(self, word: str) -> tuple[tuple[int, float], ...]:
        entries = tuple(
            e
            for e in (self._words.get(word), self._beginnings.get(word[:5]) if len(word) > 5 else None)
            if e is not None
        )
        if len(self) > 100_000:
            self.clear()  # bounded memory on long runs
        self[word] = entries
        return entries


class Subtypes:
    """The probability of each subtype for one sentence."""

    __slots__ = ("_names", "_index", "_probs")

    def __init__(self, names: list[str], index: dict[str, int], probs: list[float]) -> None:
        self._names, self._index, self._probs = names, index, probs

    def best(self) -> tuple[str, float]:
        p = max(self._probs)
        return self._names[self._probs.index(p)], p

    def of(self, subtype: str) -> float:
        k = self._index.get(subtype)
        return self._probs[k] if k is not None else 0.0

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(zip(self._names, self._probs), key=lambda kv: -kv[1])


class _Table:
    """An isotonic calibration table: breakpoints and their values, linear in between."""

    def __init__(self, x, y) -> None:
        self.x: list[float] = [float(v) for v in x]
        self.y: list[float] = [float(v) for v in y]

    def __call__(self, v: float) -> float:
        x, y = self.x, self.y
        if v <= x[0]:
            return y[0]
        if v >= x[-1]:
            return y[-1]
        k = bisect_right(x, v)
        x0, x1 = x[k - 1], x[k]
        return y[k] if x1 == x0 else y[k - 1] + (y[k] - y[k - 1]) * (v - x0) / (x1 - x0)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> Model:
    """The shipped model (read once per process)."""
    with np.load(path) as arrays:
        return Model(arrays)
