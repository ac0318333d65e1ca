"""Search and merge keys for names (a first version; the search issue refines it).

``search_key`` folds case, diacritics and scripts so that spellings of one name meet;
``merge_key`` decides which names are the same entity across articles.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def search_key(name: str) -> str:
    text = anyascii(unicodedata.normalize("NFKC", name)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


def merge_key(name: str) -> str:
    return search_key(name)
