"""Latin readings of a name written in Arabic script, for search.

Arabic script writes long vowels with letters that are consonants too (ا a, و w/o/u, ي y/i), leaves
short vowels out, and writes the sounds it lacks with near letters (v as ف, p as ب, g as ج). The
letter-for-letter transliteration the search keys use (anyascii: "kyyf" for كييف, "mwskw" for
موسكو) is therefore far from the names' Latin spellings (Kyiv, Moscow). ``readings`` gives the few
likeliest Latin spellings of such a query, written as news romanises foreign names: the vowel
letters as vowels, and each ambiguous letter read one way, then the other ("kyiv", then "kyif").
Search looks each up beside the query's own key (which still finds names written in Arabic).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain, combinations

MAX_READINGS = 8  # readings of one query looked up

# Each letter's readings, the likelier first (a letter not listed: as anyascii reads it)
_LETTERS: dict[str, tuple[str, ...]] = {
    "ا": ("a",),
    "أ": ("a",),
    "إ": ("i",),
    "آ": ("a",),
    "ى": ("a",),
    "ة": ("a",),
    "ي": ("y",),
    "ی": ("y",),
    "و": ("o", "u"),
    "ف": ("f", "v"),
    "ب": ("b", "p"),
    "ج": ("j", "g"),
    "ع": ("",),
    "ء": ("",),
    "ؤ": ("u",),
    "ئ": ("i",),
}
_ALIF = frozenset("اأإآ")
_VOWEL_LETTERS = frozenset("اأإآوىيی")
SHORT_A = "\x00"  # after a first consonant followed by another: where a short a may be written
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")


def is_arabic(text: str) -> bool:
    """Whether ``text`` holds a letter of the Arabic script."""
    return _ARABIC.search(text) is not None


def _options(word: str, i: int) -> tuple[str, ...]:
    """The readings of the letter at ``i`` of ``word``, the likelier first."""
    letter = word[i]
    before = word[i - 1] if i else ""
    after = word[i + 1] if i + 1 < len(word) else ""
    if letter in _ALIF and i == 0 and after in ("و", "ي", "ی"):
        return ("",)  # "أوديسا": the vowel is the next letter's (Odesa)
    if letter == "و" and i == 0:
        return ("w",)  # a consonant: "واشنطن" (Washington)
    if letter == "ف" and not after and before in _VOWEL_LETTERS:
        return ("v", "f")  # "-يف", "-وف": Ukrainian -iv, Russian -ov (Kyiv, Kharkiv, Lavrov)
    return _LETTERS.get(letter, ())


def readings(query: str) -> list[str]:
    """Latin spellings of an Arabic-script ``query``, likeliest first ([] when it holds no Arabic):
    each letter read its likelier way; the same with the short vowel a written after a first
    consonant ("غزة" Gaza, "بغداد" Baghdad); then one, then two ambiguous letters read the other way
    ("بوتين": botin, potin, ..., putin)."""
    text = unicodedata.normalize("NFKC", query).replace("\u0640", "")  # (tatweel: a stretch, no letter)
    if not is_arabic(text):
        return []
    slots: list[tuple[str, ...]] = []  # per character its readings (others: as anyascii reads them)
    for word in re.split(r"(\s+)", text):
        options = [_options(word, i) or (ch,) for i, ch in enumerate(word)]
        if len(word) > 1 and word[0] not in _VOWEL_LETTERS and word[1] not in _VOWEL_LETTERS and is_arabic(word):
            options[0] = tuple(o + SHORT_A for o in options[0])
        slots += options
    return combine(slots)


def combine(slots: list[tuple[str, ...]], short_vowels: tuple[str, ...] = ("a",)) -> list[str]:
    """The likeliest spellings from per-character readings (the likelier first in each): each
    read its likelier way; the same with each of ``short_vowels`` where ``SHORT_A`` marks one
    may be written; then one, then two ambiguous characters read another way. At most
    MAX_READINGS, without repeats."""
    first = [options[0] for options in slots]

    def spell(swapped: tuple[tuple[int, str], ...] = (), short: str = "") -> str:
        letters = list(first)
        for at, other in swapped:
            letters[at] = other
        return "".join(letters).replace(SHORT_A, short)

    swaps = [(at, other) for at, options in enumerate(slots) for other in options[1:]]
    spellings = chain(
        (spell(),),
        (spell(short=vowel) for vowel in short_vowels),
        (spell((swap,)) for swap in swaps),
        (spell(pair) for pair in combinations(swaps, 2) if pair[0][0] != pair[1][0]),
    )
    out: list[str] = []
    for reading in spellings:
        if reading not in out:
            out.append(reading)
            if len(out) == MAX_READINGS:
                break
    return out
