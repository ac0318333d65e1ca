"""Sentence splitting for news text: rules, no model.

Handles abbreviations (U.S., Gen., Mr., a.m., Jan.), full stops with no space after them
("began.The Russian forces"), closing quotes and brackets after the full stop, headings without
a full stop (a line on its own is a sentence) and bullet lists (the bullet is left out of the span).
"""

from __future__ import annotations

import re

from extract.lexicon.sentences import FINAL_ABBREVIATIONS, OTHER_ABBREVIATIONS, SENTENCE_STARTERS, TITLE_ABBREVIATIONS
from extract.model import Span

_ABBREVIATIONS = OTHER_ABBREVIATIONS | TITLE_ABBREVIATIONS

# One to three words and a speech verb after a closing quote: the quote's own attribution.
_SPEAKER_AFTER = re.compile(
    r"(?:[\w.'’-]+\s+){1,3}(?:said|says|asked|asks|told|added|adds|wrote|writes|replied|stated|"
    r"declared|insisted|warned|explained|continued|shouted|tweeted)\b"
)
# A run of ".!?" or one "…", then closing quotes and brackets; written to open with a character class
# ("…" ends its own run: the lookbehind), which lets `re` skip to the next mark instead of trying
# every character of the block (several times faster).
_TERMINATOR = re.compile(r"[.!?…。！？](?:(?<=[…。！？])|[.!?]*)[\"'”’»)\]]*")
_FULL_WIDTH_STOPS = "。！？"
_BULLET = re.compile(r"(?:[-*•·▪●◦–—]|\d{1,3}[.)])[ \t]+")
_SPACE = " \t\u00a0\u2009\u202f"
_LONGEST_WORD = 80  # characters looked back for the word before a full stop
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*(\w+)")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans covering the text's sentences, in order, none with outer whitespace."""
    spans: list[Span] = []
    for start, end in _blocks(text):
        for s, e in _split_block(text, start, end):
            s, e = _trim(text, s, e)
            if s < e:
                spans.append(Span.of(text, s, e))
    return spans


# Longer sentences are read in pieces (``bounded``): the longest of the 17,177 sentences of the
# labelled news in bench/labels and the development dumps is 742 characters, and a hostile sentence
# of hundreds of quotations (tests/test_events.py) is still read whole.
LONGEST_SENTENCE = 50_000


def bounded(text: str, sentences: list[Span], longest: int = LONGEST_SENTENCE) -> list[Span]:
    """The sentences, each one longer than ``longest`` characters cut into pieces of at most that, at
    the last space of each piece's second half (else mid-word). A text without sentence stops is one
    sentence, and the claim rules reread a sentence from its start at each of its cue words: time
    in the square of its length (a 1 MB paragraph without a full stop took minutes). Pieces keep exact
    spans; the article is still stored and searched whole."""
    if all(s.end - s.start <= longest for s in sentences):
        return sentences
    pieces: list[Span] = []
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        while end - start > longest:
            cut = text.rfind(" ", start + longest // 2, start + longest)
            cut = cut if cut > start else start + longest
            s, e = _trim(text, start, cut)
            if s < e:
                pieces.append(Span.of(text, s, e))
            start = cut
        s, e = _trim(text, start, end)
        if s < e:
            pieces.append(Span.of(text, s, e))
    return pieces


def _blocks(text: str) -> list[tuple[int, int]]:
    """Lines grouped into blocks: a line is its own block unless it is a wrapped continuation."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in lines:
        stripped = text[start:end].strip()
        if not stripped:
            if current:
                blocks.append(current)
            current = None
            continue
        bullet = _BULLET.match(text, start + (len(text[start:end]) - len(text[start:end].lstrip())))
        if bullet:
            start = bullet.end()
        if current and not bullet and _continues(text, current[0], current[1], stripped):
            current = (current[0], end)
        else:
            if current:
                blocks.append(current)
            current = (start, end)
    if current:
        blocks.append(current)
    return blocks


def _continues(text: str, start: int, end: int, line: str) -> bool:
    """Whether ``line`` continues the hard-wrapped block text[start:end] rather than starting anew.
    (Only the block's end is looked at: a long wrapped paragraph is not copied line by line.)"""
    while end > start and text[end - 1].isspace():
        end -= 1
    if end == start or text[end - 1] in ".!?:;”\"'’…":
        return False
    first = line[0]
    if first.islower():
        return True
    last_line = end - max(start, text.rfind("\n", start, end) + 1)
    # A wrapped line broke because the next word did not fit: a next line longer than this one plus
    # its own first word shows that this line was not wrapped (a heading over its paragraph).
    return end - start >= 60 and first not in "#*-•" and len(line) <= last_line + line.find(" ") + 1


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    begin = start
    for match in _TERMINATOR.finditer(text, start, end):
        stop = match.end()
        if _is_boundary(text, match.start(), stop, end, begin):
            pieces.append((begin, stop))
            begin = stop
    pieces.append((begin, end))
    return pieces


def _is_boundary(text: str, mark: int, stop: int, end: int, begin: int) -> bool:
    if stop >= end:
        return False  # the block's end is a boundary anyway
    nxt = text[stop]
    gap = stop
    while gap < end and text[gap] in _SPACE:
        gap += 1
    if gap >= end:
        return False
    following = text[gap]
    before = _word_before(text, max(begin, mark - _LONGEST_WORD), mark + 1 if text[mark] == "." else mark)
    if text[mark] in _FULL_WIDTH_STOPS:
        return True  # Chinese and Japanese: no abbreviations, and no space before the next sentence
    if gap == stop:
        # No space after the mark: "began.The" splits, "U.S.", "3.5", "Kyiv.ua" do not.
        if text[mark] != "." or not (following.isupper() and stop + 1 < end and text[stop + 1].islower()):
            return text[mark] in "!?…" and following.isupper()
        core = before.rstrip(".")
        return len(core) >= 2 and "." not in core and core[-1].islower() and core.lower() not in _ABBREVIATIONS
    if following.islower():
        return False  # lower-case continuation: "?” he asked", "e.g. the" (a letter of a script
        # without case, Chinese or Arabic, begins a sentence as a capital does)
    if following in ",;:" or nxt in ",;:":
        return False
    if (
        text[stop - 1] in "\"”’'»"
        and _SPEAKER_AFTER.match(text, gap, end)
        and _next_word(text, gap, end).lower() not in SENTENCE_STARTERS
    ):
        return False  # “Why?” Zelensky asked. / "Enough!" the minister said.
    if text[mark] != "." or text[mark:stop].startswith(".."):
        return True
    core = before.rstrip(".").lower()
    if not core:
        return True
    if core in TITLE_ABBREVIATIONS:
        return False
    if core in OTHER_ABBREVIATIONS:
        return not following.isdigit() and _next_word(text, gap, end).lower() in SENTENCE_STARTERS
    if core in FINAL_ABBREVIATIONS or _INITIALS.fullmatch(core):
        return _next_word(text, gap, end).lower() in SENTENCE_STARTERS
    if len(core) == 1 and core.isalpha() and before.rstrip(".").isupper():
        # an initial ("George W. Bush") unless a typical sentence opener follows ("Plan B. The")
        return _next_word(text, gap, end).lower() in SENTENCE_STARTERS
    return True


def _word_before(text: str, low: int, end: int) -> str:
    """The letters, digits and dots that end text[low:end] ("U.S." in "the U.S."). Only a bounded
    stretch is looked at, so that a long run of non-boundary dots ("3.5", "U.S.") costs linear
    time, not quadratic."""
    start = end
    while start > low and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:end]


def _next_word(text: str, start: int, end: int) -> str:
    match = _NEXT_WORD.match(text, start, end)
    return match.group(1) if match else ""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
