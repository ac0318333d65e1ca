"""UTF-8 text with a few stray bytes in it, told from a text in a legacy encoding.

A byte that is not UTF-8 in a text that otherwise is (a pasted Windows quote, a broken character,
two bytes of a byte-order mark) becomes U+FFFD; reading the whole text in a legacy code page instead
turned "killed \\xff\\xfe 3 people" into "killed ÿş 3 people". A text in a legacy encoding is told by
what its undecodable bytes read as there: letters within words ("frapp\\xe9", "J\\xe1rkov"), words of
their own in another script (Cyrillic in Windows-1251: most of the text), punctuation ("\\x93two
dead\\x94"), a French "\\xe0"; stray bytes are letters standing alone ("\\xff\\xfe" between spaces,
"\\xc3" before "(").
"""

from __future__ import annotations

import itertools
import re
import unicodedata

_UNDECODABLE_RUN = re.compile("[\udc80-\udcff]+")  # bytes that are not UTF-8, as surrogateescape has them
_HIGH = bytes(range(0x80, 0x100))
_CUT_SHORT = re.compile(rb"[\xe0-\xef][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{1,2}")  # a lead byte and too few after it
_ACCENTED_VOWELS = {vowel + accent for vowel in "aeiou" for accent in "\u0300\u0301"}
VOTES = 1000  # runs of undecodable bytes looked at: a text's start tells its encoding
FEW = 10  # stray bytes are at most one in this many: a legacy text in another script has far more


def _reads_as_text(text: str, run: re.Match) -> bool:
    """Whether a run of undecodable bytes reads as text in a Western code page (Windows-1252; the
    Latin code pages put their letters and punctuation at much the same bytes): punctuation or a
    symbol, letters within a word, a word of three letters or more (another script's), or a word of
    one vowel with a grave or acute accent ("à", "è", "é"). A UTF-8 character cut short ("\\xe2\\x80")
    does not."""
    raw = run.group().encode("utf-8", "surrogateescape")
    if _CUT_SHORT.fullmatch(raw):
        return False
    chars = raw.decode("cp1252", errors="replace")
    if any(not ch.isalpha() and ch != "\ufffd" for ch in chars):
        return True
    before, after = text[run.start() - 1 : run.start()], text[run.end() : run.end() + 1]
    if before.isalpha() or after.isalpha() or len(chars) >= 3:
        return True
    return len(chars) == 1 and unicodedata.normalize("NFD", chars.lower()) in _ACCENTED_VOWELS


def utf8_with_strays(data: bytes) -> str | None:
    """``data`` as UTF-8 with U+FFFD for each sequence of bytes that is not UTF-8, when those are
    stray bytes in UTF-8 text: fewer than its well-formed characters beyond ASCII, or few (at most
    one byte in ten) and mostly (of the first 1,000 runs) not reading as text in a legacy encoding.
    None for a text whose encoding is to be detected."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(text) - len(data.decode("utf-8", errors="ignore"))
    beyond_ascii = len(text) - len(data.translate(None, _HIGH))  # (less the ASCII bytes)
    if beyond_ascii - bad < bad:  # (a well-formed character beyond ASCII is one of text's chars)
        if bad * FEW > len(data):
            return None
        runs = list(itertools.islice(_UNDECODABLE_RUN.finditer(text), VOTES))
        if 2 * sum(_reads_as_text(text, run) for run in runs) > len(runs):
            return None
    return data.decode("utf-8-sig", errors="replace")
