"""Quantities in news text: digits, number words, ranges and vague amounts, with their qualifiers.

``find_quantities(text, start, end)`` returns every quantity in ``text[start:end]`` with exact offsets.
Vague words get ACLED's conservative numbers (tens = 10, dozens = 12, hundreds = 100,
thousands = 1000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.lexicon.numbers import EXACT_PHRASES, QUALIFIERS, SCALES, TENS, UNITS, VAGUE


def word_trie(words) -> str:
    """A regex for exactly one of ``words`` (phrases allowed), written as a letter trie:
    "seven|seventeen|seventy" becomes "seven(?:t(?:een|y))?". `re` then tries one branch per letter
    instead of every word at every position (several times faster), and like a longest-first
    alternation it tries the longer of two words sharing a beginning first."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(trie)


_WORD = word_trie([*UNITS, *TENS, "hundred", "thousand", "million", "billion"])
_FIRST = word_trie([*UNITS, *TENS])
_WORD_RUN = rf"(?:{_FIRST})(?:(?:-|\s+)(?:{_WORD})|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+(?:{_WORD}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?"
_SCALE_WORD = r"(?:\s+(?:million|billion|thousand))"
_NUM = rf"(?:(?:{_DIGITS}){_SCALE_WORD}?|{_WORD_RUN})"
_EXACT = word_trie(p for p in EXACT_PHRASES if len(p) > 2)
_VAGUE = word_trie(VAGUE)
_QUAL = word_trie(QUALIFIERS)

QUANTITY_RE = re.compile(
    rf"(?<![\w$€£])(?<![\d.][.,])"  # not inside "1,000" or "2.5"; "drones,2 people" (no space) is fine
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?:between|from)\s+)?"
    rf"(?:"
    rf"(?P<a>{_NUM})(?:\s*(?:to|-|–|—|or|and)\s*(?P<b>{_NUM}))?"
    rf"|(?P<vague>{_VAGUE})"  # (first: "a couple of hundred" is vague, "a couple of" exact)
    rf"|(?P<exact>{_EXACT})"
    rf")"
    rf"(?![\w])",
)
# The same on text that is not lower-cased (a slice whose length lower() would change: "İ").
QUANTITY_RE_ANYCASE = re.compile(QUANTITY_RE.pattern, re.IGNORECASE)


_NUMBER_TOKEN = re.compile(rf"^({_DIGITS})(?:\s+(million|billion|thousand))?$", re.IGNORECASE)
_GROUPING = re.compile(r"[,\s\u00a0\u202f]")
_SCALED = re.compile(r"million|billion|thousand|,\d{3}", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s-]+")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # start of the whole expression, its qualifier included
    end: int
    num_start: int  # where the number itself starts
    min: int | None
    max: int | None
    qualifier: str  # exact, at least, more than, about, up to, range, vague
    scaled: bool = False  # carries "million"/"thousand" or a grouping comma


def words_value(words: str) -> int | None:
    """Value of a run of number words: "twenty-three" -> 23, "two hundred and five" -> 205."""
    total = 0
    current = 0
    seen = False
    for w in _WORD_SPLIT.split(words.lower()):
        if not w or w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_value(token: str) -> int | None:
    """Value of one number: digits (with grouping), "1.2 million", or number words."""
    tok = token.strip()
    m = _NUMBER_TOKEN.match(tok)
    if m:
        digits = _GROUPING.sub("", m.group(1))
        try:
            value = float(digits)
        except ValueError:
            return None
        if m.group(2):
            value *= SCALES[m.group(2).lower()]
        return int(round(value))
    return words_value(tok)


def _is_scaled(token: str) -> bool:
    return bool(_SCALED.search(token))


def find_quantities(text: str, start: int = 0, end: int | None = None, low: str | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]``; ``low``: that slice lower-cased, when the caller has it."""
    end = len(text) if end is None else end
    found: list[Quantity] = []
    if low is None:
        low = text[start:end].lower()
    if len(low) == end - start:
        matches, shift = QUANTITY_RE.finditer(low), start  # offsets in the window, shifted to the text
    else:
        matches, shift = QUANTITY_RE_ANYCASE.finditer(text, start, end), 0
    for m in matches:
        m_start, m_end = m.start() + shift, m.end() + shift
        qual_word = (m.group("qual") or "").lower()
        qualifier = QUALIFIERS.get(qual_word, "exact")
        a_text, exact, vague = m.group("a", "exact", "vague")
        num_start = m.start("a" if a_text else "exact" if exact else "vague") + shift
        if vague:
            value = VAGUE[vague.lower()]
            found.append(Quantity(m_start, m_end, num_start, value, None, "vague"))
            continue
        if exact:
            value = EXACT_PHRASES[exact.lower()]
            found.append(_with_qualifier(m_start, m_end, num_start, value, qualifier, False))
            continue
        if a_text.isdecimal() and len(a_text) < 16:
            a = int(a_text)  # plain digits: what number_value gives (exact below 2**53)
        else:
            a = number_value(a_text)
            if a is None:
                continue
        b_text = m.group("b")
        if b_text:
            b = number_value(b_text)
            a_end = m.end("a") + shift
            joiner = text[a_end : m.start("b") + shift].strip().lower()
            if b is None or (joiner in ("and", "or") and not re.search(r"between|from", m.group(0), re.I) and b <= a):
                # "5 and 6 others" reads as two numbers; keep the first only
                found.append(_with_qualifier(m_start, a_end, num_start, a, qualifier, _is_scaled(a_text)))
                continue
            scale = re.search(r"(million|billion|thousand)\s*$", b_text, re.IGNORECASE)
            low_end = a
            if scale and not _is_scaled(a_text):
                low_end = number_value(f"{a_text} {scale.group(1)}") or a
            elif b >= 1000 and a * 1000 <= b and b % 1000 == 0 and a < 1000:
                low_end = a * 1000  # "70 to 80,000"
            if b > low_end:
                found.append(Quantity(m_start, m_end, num_start, low_end, b, "range", True))
                continue
            # no range ("25 to 20", "six and five thousand"): the first number as it is written
            found.append(_with_qualifier(m_start, a_end, num_start, a, qualifier, _is_scaled(a_text)))
            continue
        found.append(
            _with_qualifier(m_start, m_end, num_start, a, qualifier, not a_text.isdecimal() and _is_scaled(a_text))
        )
    return found


def _with_qualifier(start: int, end: int, num_start: int, value: int, qualifier: str, scaled: bool) -> Quantity:
    if qualifier in ("at least", "more than"):
        return Quantity(start, end, num_start, value, None, qualifier, scaled)
    if qualifier == "up to":
        return Quantity(start, end, num_start, None, value, qualifier, scaled)
    return Quantity(start, end, num_start, value, value, qualifier, scaled)
