"""Text from articles and users, made safe to draw: data, never markup, never control codes.

``visible(text)`` replaces every terminal control character (C0 except newline, DEL, C1) and every
bidirectional override with a visible stand-in of the same length (one code point for one), so
span offsets into the stored text stay valid for highlighting.
"""

from __future__ import annotations

from rich.text import Text

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"

_TABLE: dict[int, str] = {c: REPLACEMENT for c in range(0x00, 0x20) if c != 0x0A}
_TABLE[0x09] = " "  # a tab is one cell here, so offsets and columns agree
_TABLE[0x7F] = REPLACEMENT
_TABLE.update({c: REPLACEMENT for c in range(0x80, 0xA0)})
_TABLE.update(
    {c: REPLACEMENT for c in (0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)

_ONE_LINE = dict(_TABLE)
_ONE_LINE[0x0A] = " "


def visible(text: str) -> str:
    """``text`` with control characters shown as ``\N{REPLACEMENT CHARACTER}``; same length."""
    return text.translate(_TABLE)


def one_line(text: str | None) -> str:
    """``text`` for a single cell: control characters visible, newlines as spaces."""
    return (text or "").translate(_ONE_LINE)


def cell(text: str | None, style: str = "") -> Text:
    """A rich ``Text`` holding ``text`` literally (never parsed as markup)."""
    return Text(one_line(text), style=style, no_wrap=True, overflow="ellipsis")
