"""OPML, the outline file feed readers exchange their subscriptions in: reading and writing it.

Reading takes every outline with an ``xmlUrl``; the folders (outlines without one) it sits in and
its ``category`` (comma-separated, slashes around each trimmed) become its tags. Writing gives one
flat outline a feed, with its tags as ``category``, so that reading it back gives the same feeds.
Only Python's expat reads the file: no DTD is loaded and no external entity is resolved.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from store.feeds import Feed

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class NotOpml(ValueError):
    """The file is not OPML; ``str(error)`` is the one-line reason."""


@dataclass
class Outline:
    url: str
    title: str | None
    tags: list[str] = field(default_factory=list)


def _attr(element: ET.Element, name: str) -> str:
    """An attribute whatever the case its name is written in (``xmlUrl``, ``xmlurl``)."""
    name = name.lower()
    return next((value.strip() for key, value in element.attrib.items() if key.lower() == name), "")


def read_opml(data: bytes) -> list[Outline]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise NotOpml(f"not an OPML file (broken XML: {error})") from None
    if root.tag.lower() != "opml" or root.find("body") is None:
        raise NotOpml(f"not an OPML file (its root is <{root.tag[:40]}>, not <opml> with a <body>)")
    found: list[Outline] = []

    def walk(element: ET.Element, folders: list[str]) -> None:
        for outline in element.findall("outline"):
            name = _attr(outline, "title") or _attr(outline, "text")
            url = _attr(outline, "xmlUrl")
            if url:
                categories = [c.strip().strip("/") for c in _attr(outline, "category").split(",")]
                tags = list(dict.fromkeys(folders + [c for c in categories if c]))
                found.append(Outline(url, name or None, tags))
            walk(outline, folders + [name] if name and not url else folders)

    walk(root.find("body"), [])
    return found


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def write_opml(feeds: Iterable[Feed], title: str = "Sitrep feeds") -> str:
    """The feeds as an OPML 2.0 document."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = _clean(feed.title or feed.shown_url)
        attributes = {"type": "rss", "text": name, "title": name, "xmlUrl": _clean(feed.url)}
        if feed.tags:
            attributes["category"] = _clean(",".join(feed.tags))
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
