"""Feeds read without the entities of their DTD, as a fetched feed and a file on disk alike.

An RSS or Atom feed may declare entities in its DOCTYPE (``<!ENTITY b "&a;&a;&a;...">``), and expat
expands them: five levels of ten made an 800-byte file a 4,000,027-character article, and one more
level broke expat's amplification limit, the feed then read by feedparser's loose parser as junk.
feedparser's own guard (``replace_doctype``) drops only the declarations it finds at the start of a
line before the first tag (an entity whose value holds markup, "<i>", ends its search), and declares
again those of plain text, which its loose parser expands too (a value of 100 kB referred to 400
times: 40 MB in memory from a 100 kB file).

``install`` puts ``safe_prolog`` in its place, where both of feedparser's parsers take the feed from
(after its conversion to UTF-8, whatever encoding the feed was in): the prolog keeps its XML
declaration and its DOCTYPE's name and external identifier; its internal subset, comments and
processing instructions are dropped, and no entity is declared to the loose parser. An entity of
the feed's own is then an unknown one, and stays whole in the text ("&f;"), as in a feed with no
DTD. Nothing is ever expanded, so no amplification is possible.
"""

from __future__ import annotations

import re

# (possessive: each is a linear scan, whatever a hostile prolog holds; an unclosed comment, literal or
# processing instruction ends the match, and the prolog is then no prolog)
_MISC = re.compile(rb"(?:[ \t\r\n]++|<!--.*?-->|<\?.*?\?>)*+", re.DOTALL)  # spaces, comments, PIs
_XML_DECLARATION = re.compile(rb"<\?xml[ \t\r\n?].*?\?>", re.DOTALL)
_IDS = rb"""(?:[^"'\[>]++|"[^"]*+"|'[^']*+')*+"""  # a DOCTYPE's name and quoted public or system ids
_DOCTYPE = re.compile(rb"<!DOCTYPE" + _IDS, re.IGNORECASE)
_AFTER_SUBSET = re.compile(_IDS + rb">")
_SUBSET = re.compile(rb"""\[(?:[^"'\]<]++|"[^"]*+"|'[^']*+'|<!--.*?-->|<\?.*?\?>|<(?!!--|\?))*+\]""", re.DOTALL)


def _lines(part: bytes) -> bytes:
    """What is left of a part dropped: its line breaks, so that errors name the lines they are on."""
    return b"\n" * part.count(b"\n")


def _doctype(data: bytes, start: int) -> tuple[bytes, int] | None:
    """The DOCTYPE declaration at ``start`` without its internal subset, and where it ends; None for
    one that does not end."""
    head = _DOCTYPE.match(data, start)
    if head is None:
        return None
    if data.startswith(b">", head.end()):
        return data[start : head.end() + 1], head.end() + 1
    subset = _SUBSET.match(data, head.end())
    tail = _AFTER_SUBSET.match(data, subset.end()) if subset is not None else None
    if tail is None:
        return None
    return head.group() + _lines(subset.group()) + tail.group(), tail.end()


def safe_prolog(data: bytes) -> bytes:
    """``data`` (an XML document in UTF-8) with its prolog reduced to its XML declaration and its
    DOCTYPE less the internal subset (comments and processing instructions dropped). A prolog that
    does not end (an unclosed comment) is all dropped: what follows it is no document."""
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    kept = [data[:pos]]
    if (declaration := _XML_DECLARATION.match(data, pos)) is not None:
        kept.append(declaration.group())
        pos = declaration.end()
    while True:
        misc = _MISC.match(data, pos)
        kept.append(_lines(misc.group()))
        pos = misc.end()
        if data[pos : pos + 9].upper() == b"<!DOCTYPE":
            found = _doctype(data, pos)
            if found is None:
                return b"".join(kept)
            doctype, pos = found
            kept.append(doctype)
        elif data.startswith((b"<!--", b"<?"), pos):
            return b"".join(kept)
        else:
            return b"".join(kept) + data[pos:]


def replace_doctype(data: bytes) -> tuple[str | None, bytes, dict[str, str]]:
    """What feedparser's ``replace_doctype`` returns (the RSS version a Netscape DOCTYPE says, the
    document, the entities to declare to its loose parser), for a prolog made safe."""
    data = safe_prolog(data)
    head = data[: m.start()] if (m := re.search(rb"<\w", data)) else data
    return ("rss091n" if b"netscape" in head.lower() else None), data, {}


def install() -> None:
    """feedparser reads every feed through ``replace_doctype`` above (once per process)."""
    import feedparser.api

    feedparser.api.replace_doctype = replace_doctype
