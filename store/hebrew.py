"""Latin readings of a name written in Hebrew script, for search.

Hebrew, like Arabic (``store/arabic.py``), is written without its short vowels and with letters
that are vowels as well as consonants (ו v/o/u, י y/i, א and ה at a word's end a), and some
letters stand for two sounds (ב b/v, פ p/f, כ k/kh, ש sh/s). The letter-for-letter
transliteration the search keys use (anyascii: "hrkvv" for חרקוב) is therefore far from the
names' Latin spellings (Kharkov, Kharkiv). ``readings`` gives the few likeliest Latin spellings
of such a query as news romanises foreign names: the vowel letters as vowels, a short a or e
after a first consonant followed by another, and each ambiguous letter read one way, then the
other; the spelling combinations are ``store.arabic.combine``'s.
"""

from __future__ import annotations

import re
import unicodedata

from store.arabic import SHORT_A, combine

# Each letter's readings, the likelier first (a letter not listed: as anyascii reads it)
_LETTERS: dict[str, tuple[str, ...]] = {
    "א": ("a",),
    "ב": ("b", "v"),
    "ג": ("g",),
    "ה": ("h",),
    "ו": ("o", "u"),
    "ח": ("kh",),
    "י": ("i", "y"),
    "כ": ("k", "kh"),
    "ך": ("kh", "k"),
    "ע": ("",),
    "פ": ("p", "f"),
    "ף": ("f",),
    "צ": ("ts",),
    "ץ": ("ts",),
    "ק": ("k",),
    "ש": ("sh", "s"),
}
_GERESH = frozenset("\u05f3'\u2019")  # ׳ after a letter: a sound Hebrew lacks (ז׳ zh, צ׳ ch, ג׳ j)
_WITH_GERESH = {"ז": "zh", "צ": "ch", "ץ": "ch", "ג": "j", "ת": "th"}
_VOWEL_LETTERS = frozenset("אויהע")
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_POINTS = re.compile(r"[\u0591-\u05c7]")  # vowel points and cantillation marks, rarely written


def is_hebrew(text: str) -> bool:
    """Whether ``text`` holds a letter of the Hebrew script."""
    return _HEBREW.search(text) is not None


def _options(word: str, i: int) -> tuple[str, ...]:
    """The readings of the letter at ``i`` of ``word``, the likelier first."""
    letter = word[i]
    before = word[i - 1] if i else ""
    after = word[i + 1] if i + 1 < len(word) else ""
    last = i + 1 == len(word) or (i + 2 == len(word) and after in _GERESH)
    if letter in _GERESH:
        return ("",) if before in _WITH_GERESH else (letter,)
    if after in _GERESH and letter in _WITH_GERESH:
        return (_WITH_GERESH[letter],)
    if letter == "א" and i == 0 and after in ("ו", "י"):
        return ("",)  # "אודסה": the vowel is the next letter's (Odesa)
    if letter == "ו":
        if i == 0:
            return ("v",)  # a consonant: "וינה" (Vienna)
        if after == "ו":
            return ("v",)  # וו: v ("קרסנודאר" has none; "ווינה", "לבוב")
        if before == "ו":
            return ("",)
    if letter == "י" and i == 0:
        return ("y",)
    if letter in ("ה", "א") and last and i:
        return ("a",)  # "אודסה", "מוסקבה": a final vowel (Odesa, Moskva)
    if letter == "ב":
        if i == 0:
            return ("b", "v")
        return ("v", "b")  # inside or at the end of a word ב is v unless written with a point
    if letter == "פ" and i:
        return ("f", "p")
    return _LETTERS.get(letter, ())


def readings(query: str) -> list[str]:
    """Latin spellings of a Hebrew-script ``query``, likeliest first ([] when it holds no Hebrew):
    each letter read its likelier way; the same with a short a, then e, written after a first
    consonant followed by another ("חרקוב" kharkov); then one, then two ambiguous letters read the
    other way."""
    text = _POINTS.sub("", unicodedata.normalize("NFD", query))
    if not is_hebrew(text):
        return []
    slots: list[tuple[str, ...]] = []
    for word in re.split(r"(\s+)", text):
        options = [_options(word, i) or (ch,) for i, ch in enumerate(word)]
        if len(word) > 1 and word[0] not in _VOWEL_LETTERS and word[1] not in _VOWEL_LETTERS and is_hebrew(word):
            options[0] = tuple(o + SHORT_A for o in options[0])
        slots += options
    return combine(slots, ("a", "e"))
