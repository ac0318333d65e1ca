"""Search and merge keys for names.

A key is computed once, when a name is written, and the same function folds every query, so two
spellings of one name meet wherever their keys meet. Three steps:

1. ``fold`` (``extract.folding``): Unicode NFKC, case folding, other scripts transliterated with ``anyascii`` (Cyrillic,
   Greek, Arabic, ...), diacritics dropped, apostrophes and soft signs joined (``Mariupol'``,
   ``Pod'yachiy``), everything else that is not a letter or digit becomes a space.
2. ``GENERIC_WORDS`` that do not carry the name ("Kursk oblast", "the city of Kharkiv") are dropped
   from search keys, as long as something else is left.
3. ``sound``: a phonetic folding of the ways Ukrainian, Russian and other names are romanised,
   written as rules (``SOUND_RULES`` and the steps of ``sound``), so that Kharkiv/Kharkov,
   Zelensky/Zelenskyy/Zelenskiy, Kyiv/Kiev/Київ, Vinnytsia/Vinnitsa and Vorozhba/Vorozba get the
   same key. What the rules leave apart (Mykolaiv/Nikolaev, Dnipro/Dnepr) stays one letter apart,
   which the fuzzy scoring in ``store/search.py`` takes in its stride.

Keys hold only ``a-z``, ``0-9`` and single spaces, so they are safe to quote in an FTS5 query.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.folding import fold

# Words that name the kind of place, not the place. Dropped from search keys (and so from
# queries) unless nothing else is left. Matched on folded, not yet phonetic, tokens.
GENERIC_WORDS: frozenset[str] = frozenset(
    {
        # English
        "the",
        "of",
        "oblast",
        "oblasts",
        "region",
        "province",
        "district",
        "raion",
        "rayon",
        "city",
        "village",
        "town",
        "settlement",
        "municipality",
        "hromada",
        "governorate",
        # Russian / Ukrainian, as anyascii renders them (область, район, город, місто, село)
        "oblasti",
        "gorod",
        "misto",
        "selo",
    }
)

# Romanisation rules, tried longest first at each position in a single left-to-right pass (so
# the output of one rule is never rewritten by another). Codes: x = sh/щ, c = ch/ч, h = kh/х and
# h/g/г (Ukrainian h is Russian g: Chernihiv/Chernigov, Synehubov/Sinegubov).
SOUND_RULES: dict[str, str] = {
    "shch": "x",  # Щ: shch (BGN), sch (German), both folded with Ш
    "tsch": "c",  # German ч
    "sch": "x",
    "dzh": "j",  # Дж: dzh, dj, j (Dzhankoy/Djankoy, Dzhamal/Jamal)
    "tch": "c",  # French/English ч
    "sh": "x",
    "zh": "z",  # Ж: zh, z (Vorozhba/Vorozba)
    "kh": "h",  # Х: kh, h (Kharkiv/Harkiv)
    "ch": "c",
    "cz": "c",  # Polish ч
    "sz": "x",  # Polish ш
    "dj": "j",
    "tz": "ts",  # Ц: ts, tz, c
    "ph": "f",
    "th": "t",
    "ck": "k",
    "ou": "u",  # French: Moustafa/Mustafa
    "x": "ks",
    "q": "k",
    "w": "v",
    "g": "h",
}
_SOUND_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted(SOUND_RULES, key=len, reverse=True)) + "|c"
)  # a lone c: ts before e, i, y, j (Polish, Czech, Latin), else k (Crimea/Krym)
# Ukrainian i where Russian has o in a closing syllable: Kharkiv/Kharkov, Martynivka/Martynovka,
# Kryvyi Rih/Krivoy Rog (a single consonant ending the word, or v before k)
_CLOSED_O = re.compile(r"o(?=[bdfhklmnprstvxz]\b)|o(?=vk)")
# Russian adjective endings -oy/-oi where Ukrainian has -yi: Krivoy/Kryvyi (words of 5+ letters)
_ADJECTIVE_OI = re.compile(r"(?<=[a-z]{3})oi\b")
# e, y, j (and i) are one vowel class: Kyiv/Kiev, Zelenskyy/Zelenskiy, Yaroslav/Jaroslav/Iaroslav
_VOWEL_CLASS = str.maketrans({"e": "i", "y": "i", "j": "i"})
# Ukrainian -tsia, Russian -tsa: Vinnytsia/Vinnitsa
_TS_GLIDE = re.compile(r"tsi(?=[aou])")
_DOUBLED = re.compile(r"([a-z])\1+")  # letters only: the 33rd brigade is not the 3rd


def _sound_rule(match: re.Match[str]) -> str:
    found = match.group()
    if found == "c":
        return "ts" if match.end() < len(match.string) and match.string[match.end()] in "eiyj" else "k"
    return SOUND_RULES[found]


def sound(folded: str) -> str:
    """The phonetic folding of an already folded string (see the module's doc)."""
    text = _SOUND_PATTERN.sub(_sound_rule, folded)
    text = _CLOSED_O.sub("i", text)
    text = text.translate(_VOWEL_CLASS)
    text = _ADJECTIVE_OI.sub("i", text)
    text = _TS_GLIDE.sub("ts", text)
    return _DOUBLED.sub(r"\1", text)


def drop_generic(words: list[str]) -> list[str]:
    """The words without generic ones ("oblast", "city", "of"), unless nothing would be left."""
    kept = [w for w in words if w not in GENERIC_WORDS]
    return kept or words


def plain_key(name: str) -> str:
    """A name folded, generic words dropped: the search key before the phonetic step (search
    scores spellings on it)."""
    return " ".join(drop_generic(fold(name).split()))


@lru_cache(maxsize=65536)
def search_key(name: str) -> str:
    """The key a name is found by: folded, generic words dropped, phonetically normalised."""
    return sound(plain_key(name))


@lru_cache(maxsize=65536)
def merge_key(name: str) -> str:
    """The key under which names are the same entity across articles.

    Folded and phonetically normalised like ``search_key`` (Kyiv, Kiev and Київ are one place),
    but generic words are kept ("Kursk Oblast" is not the city of Kursk), except a leading "the".
    """
    words = fold(name).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return sound(" ".join(words))
