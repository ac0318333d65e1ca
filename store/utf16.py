"""UTF-16 text without a byte-order mark: telling it from binary data.

Asked only of data that looks binary (NUL or control bytes): ASCII or UTF-8 text read as UTF-16
comes out as plausible CJK ideographs ("Bush hid the facts"), so a text that already reads as
text is never asked.

Each code unit of UTF-16 text has a high byte drawn from few values: NUL for Latin letters,
digits, spaces and newlines (0x04 for Cyrillic, 0x06 for Arabic, which still space their words
with NUL-high spaces). So the data is UTF-16 in a byte order when

- its high bytes (odd positions for little-endian, even for big-endian) hold NULs, at least one
  in MIN_NUL_SHARE of them, and its low bytes at most a quarter as many (a binary file's NUL runs
  and padding fall at both positions alike; a stray NUL in UTF-8 text is far below the share);
  or, with no NUL among the low bytes, the high bytes take at most half as many distinct values
  as the low ones (in 4 code units or more);
- and its first 4 kB decoded so are almost all characters a text holds: not unassigned,
  private-use, lone surrogate or control characters (but tab, newline, carriage return and form
  feed). An ELF's NUL runs decode to U+0000, compressed or random bytes to lone surrogates and
  unassigned code points by the quarter.
"""

from __future__ import annotations

import codecs
import unicodedata

HEAD_BYTES = 4096
MIN_NUL_SHARE = 0.05  # of the code units: a Cyrillic text's spaces alone are about 0.15
MIN_TEXT_SHARE = 0.95  # of the decoded characters: random bytes reach about 0.75
_TEXT_CONTROLS = frozenset("\t\n\r\f")
_NOT_TEXT = frozenset(("Cn", "Co", "Cs", "Cc"))


def byte_order(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` (without a byte-order mark) begins as UTF-16
    text; else None."""
    head = data[:HEAD_BYTES]
    even, odd = head[0::2], head[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if _shaped(high, low) and _reads_as_text(head, codec):
            return codec
    return None


def _shaped(high: bytes, low: bytes) -> bool:
    if not high:
        return False
    nul_high, nul_low = high.count(0), low.count(0)
    if nul_high >= MIN_NUL_SHARE * len(high) and 4 * nul_low <= nul_high:
        return True
    return nul_low == 0 and len(low) >= 4 and 2 * len(set(high)) <= len(set(low))


def _reads_as_text(head: bytes, codec: str) -> bool:
    # an incremental decoder keeps a surrogate pair cut at the end of the head for later
    text = codecs.getincrementaldecoder(codec)(errors="replace").decode(head, final=False)
    good = sum(1 for ch in text if ch in _TEXT_CONTROLS or unicodedata.category(ch) not in _NOT_TEXT)
    return bool(text) and good >= MIN_TEXT_SHARE * len(text)
