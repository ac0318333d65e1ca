"""Folding names for comparison: ``fold``, the one function that turns a name into lower-case
words of ``a-z`` and ``0-9`` separated by single spaces, so that two spellings of a name compare
equal ("Mariupol'" and "Mariupol", "Київ" and "Kyiv" once transliterated).

Its callers differ only in how much they fold, through its options:

- ``store.keys`` (search and merge keys) folds the most: other scripts transliterated after case
  folding, apostrophes and quote marks joined (the defaults);
- ``extract.gazetteer`` (place names) transliterates without case folding first and joins only
  apostrophes and backquotes (``casefold=False, joined="'`"``): its index is built with it;
- ``extract.attribution`` and ``extract.events`` compare names already written in Latin script:
  only case and punctuation (``transliterate=False, joined=""``), a letter outside a-z is a space.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

JOINED = "'\"`"  # dropped rather than made a space: "Pod'yachiy" -> "podyachiy"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(name: str, *, transliterate: bool = True, casefold: bool = True, joined: str = JOINED) -> str:
    """``name`` as lower-case ASCII words: letters and digits kept, ``joined`` characters dropped,
    anything else a single space.

    transliterate: a name with characters outside ASCII is NFKC-normalised, case folded (with
    ``casefold``) and transliterated with anyascii (Cyrillic, Greek, Arabic, diacritics, curly
    apostrophes); without it such characters are simply not letters.
    """
    if transliterate and not name.isascii():
        name = unicodedata.normalize("NFKC", name)
        name = anyascii(name.casefold() if casefold else name)
    text = name.lower()
    for mark in joined:
        if mark in text:
            text = text.replace(mark, "")
    if text.isalnum() and text.isascii():
        return text  # one plain word: nothing to replace
    return _NON_ALNUM.sub(" ", text).strip()
