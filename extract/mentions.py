"""Tokens and candidate mentions shared by the people, organisation and place recognisers."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from extract.lexicon.names import NAME_SUFFIXES
from extract.model import Span

# Acronyms with dots ("U.S.", "U.N."), words with inner hyphens/apostrophes, digits, or one other char.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-‐'’][^\W_]+)*|[^\s]")


class Token:
    """One word (or punctuation mark) with its offsets; ``lower``, ``cap`` and ``word`` precomputed."""

    __slots__ = ("start", "end", "text", "sentence", "first", "possessive", "lower", "cap", "word")

    def __init__(
        self, start: int, end: int, text: str, sentence: int, first: bool = False, possessive: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.sentence = sentence  # index of the sentence holding it (-1: outside every sentence)
        self.first = first  # first word of its sentence
        self.possessive = possessive  # "Ukraine's": text is "Ukraine", end excludes the "'s"
        self.lower = text.lower()
        initial = text[0] if text else ""
        self.cap = initial.isupper()
        self.word = initial.isalnum()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass(slots=True)
class Candidate:
    """One mention found by a recogniser, before mentions are merged into entities."""

    type: str  # place, person, organization, group
    name: str  # canonical name for this mention
    start: int
    end: int
    sentence: int
    attributes: dict[str, str] = field(default_factory=dict)


class _ByStart:
    """Token start -> token index (``get``, ``[]``), found by bisection in the ascending starts: a
    recogniser asks a few times an article, cheaper than a dict built over every token (speed)."""

    __slots__ = ("starts",)

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts

    def get(self, start: int, default: int | None = None) -> int | None:
        i = bisect_left(self.starts, start)
        return i if i < len(self.starts) and self.starts[i] == start else default

    def __getitem__(self, start: int) -> int:
        i = self.get(start)
        if i is None:
            raise KeyError(start)
        return i


class Document:
    """The text with its sentences and tokens, and which tokens recognisers have taken."""

    def __init__(self, text: str, sentences: list[Span]) -> None:
        self.text = text
        self.sentences = sentences
        self.tokens: list[Token] = []
        tokens = self.tokens
        # Indices of tokens holding a "-" (only chunks that are not one alphanumeric word can).
        self.hyphenated: list[int] = []
        hyphenated = self.hyphenated
        spans = [(s.start, s.end) for s in sentences] if sentences else [(0, len(text))]
        finditer = _TOKEN.finditer
        append = self.tokens.append
        find = text.find
        new = object.__new__
        for index, (sentence_start, sentence_end) in enumerate(spans):
            first = True
            at = sentence_start
            # Tokens never span whitespace, so each whitespace-separated chunk is tokenised on its
            # own, and a chunk of letters and digits only (most words) is one token, no regex.
            for chunk in text[sentence_start:sentence_end].split():
                at = find(chunk, at)
                size = len(chunk)
                if chunk.isalnum():  # most words: the Token made field by field, no call
                    # (one statement per field: a four-name assignment would build and unpack a tuple)
                    token = new(Token)
                    token.start = at
                    token.end = at + size
                    token.text = chunk
                    token.sentence = index
                    token.first = first
                    token.possessive = False
                    token.lower = chunk.lower()
                    token.cap = chunk[0].isupper()
                    token.word = True
                    append(token)
                    first = False
                    at += size
                    continue
                before = len(tokens)
                if size > 1 and chunk[:-1].isalnum():  # "said," "Kyiv." "U.": a word, then a mark
                    word, mark, end = chunk[:-1], chunk[-1], at + size
                    token = new(Token)
                    token.start = at
                    token.end = end - 1
                    token.text = word
                    token.sentence = index
                    token.first = first
                    token.possessive = False
                    token.lower = word.lower()
                    token.cap = word[0].isupper()
                    token.word = True
                    append(token)
                    token = new(Token)  # the mark is not alphanumeric: the chunk is not
                    token.start = end - 1
                    token.end = end
                    token.text = mark
                    token.sentence = index
                    token.first = False
                    token.possessive = False
                    token.lower = mark.lower()
                    token.cap = mark.isupper()
                    token.word = False
                    append(token)
                elif size > 1 and chunk[1:].isalnum():  # "“We" "(Reuters": a mark, then a word
                    mark, word = chunk[0], chunk[1:]
                    token = new(Token)
                    token.start, token.end, token.text, token.sentence = at, at + 1, mark, index
                    token.first, token.possessive, token.lower = first, False, mark.lower()
                    token.cap, token.word = mark.isupper(), False
                    append(token)
                    token = new(Token)
                    token.start, token.end, token.text, token.sentence = at + 1, at + size, word, index
                    token.first, token.possessive, token.lower = False, False, word.lower()
                    token.cap, token.word = word[0].isupper(), True
                    append(token)
                else:
                    for match in finditer(text, at, at + size):
                        start, end = match.span()
                        word = match.group()
                        possessive = len(word) > 2 and word[-1] == "s" and word[-2] in "'’"
                        if possessive:
                            word, end = word[:-2], end - 2
                        elif "-" in word and word.rsplit("-", 1)[1].lower() in NAME_SUFFIXES:
                            # "Kyiv-based", "Russian-occupied": the name is a token of its own.
                            head = word.rsplit("-", 1)[0]
                            append(Token(start, start + len(head), head, index, first, False))
                            first = False
                            start, word = start + len(head), word[len(head) :]
                        append(Token(start, end, word, index, first, possessive))
                        first = False
                first = False
                if "-" in chunk:  # "al-Burhan", "pro-Russian", "Kyiv-based", "-"
                    hyphenated.extend(k for k in range(before, len(tokens)) if "-" in tokens[k].text)
                at += size
        self.texts = [t.text for t in self.tokens]
        # Indices of capitalised tokens: most recognisers only start at one of these.
        self.capitals = [i for i, t in enumerate(self.tokens) if t.cap]
        self.lowers = [t.lower for t in self.tokens]
        self.taken = [False] * len(self.tokens)
        self.starts = [t.start for t in self.tokens]  # ascending
        self.by_start = _ByStart(self.starts)
        self.candidates: list[Candidate] = []
        self.memo: dict[str, dict] = {}  # per-document caches of recognisers

    def take(self, first: int, last: int) -> None:
        """Mark tokens first..last (inclusive) as part of a mention."""
        self.taken[first : last + 1] = [True] * (last + 1 - first)

    def free(self, first: int, last: int) -> bool:
        return not any(self.taken[first : last + 1])

    def add(self, type_: str, name: str, first: int, last: int, **attributes: str) -> Candidate:
        """Record a mention over tokens first..last and take those tokens."""
        tokens = self.tokens
        # (``attributes`` is a new dict at every call: the candidate keeps it, no copy)
        candidate = Candidate(type_, name, tokens[first].start, tokens[last].end, tokens[first].sentence, attributes)
        self.candidates.append(candidate)
        self.taken[first : last + 1] = [True] * (last + 1 - first)  # self.take, inline
        return candidate

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def same_sentence(self, a: int, b: int) -> bool:
        return self.tokens[a].sentence == self.tokens[b].sentence

    def joined(self, first: int, last: int) -> bool:
        """Whether tokens first..last are separated only by single spaces (or nothing)."""
        text, tokens = self.text, self.tokens
        for i in range(first, last):
            token, after = tokens[i], tokens[i + 1]
            if (
                token.possessive
                or text[token.end : after.start] not in (" ", "", "\u00a0")
                or token.sentence != after.sentence
            ):
                return False
        return True
