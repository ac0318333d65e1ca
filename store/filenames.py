"""A file's name as Sitrep shows it and keeps it as an article's ``ref``.

Python reads a file name's bytes that are not UTF-8 (from the command line or a folder) as lone
surrogates, U+DC80 to U+DCFF (``os.fsdecode``'s surrogateescape): the store cannot keep them
(they became U+FFFD, "caf�.txt" for every undecodable name alike) and a terminal cannot show
them. Each such byte is written instead as its escape, ``\\xe9`` (what decoding the name's bytes
with "backslashreplace" gives), so the user can tell which file it is; the rest is unchanged.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def shown_name(name: str) -> str:
    """``name`` with each byte that is not UTF-8 written as ``\\xNN`` (a lone surrogate that stands
    for no byte as ``\\udNNN``); a name without them is returned as it is."""
    return _SURROGATE.sub(_escape, name)
