"""A page whose every word is site furniture: its navigation, header, footer and asides.

trafilatura, finding no main text, falls back to the text of the whole body, and a page of only a
menu came out as an article ("menu"). The page is read without its furniture instead: what is left
(its JSON-LD ``articleBody`` among its scripts, say) is its text, and with nothing left the page has
no main text. A page with any other text is read whole, as it was, so no article is lost.
"""

from __future__ import annotations

import re

FURNITURE = frozenset({"nav", "header", "footer", "aside"})
FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search"})
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
_WORD = re.compile(r"\w")


def _furniture(element) -> bool:
    return element.tag in FURNITURE or element.get("role") in FURNITURE_ROLES


def _scan(body) -> tuple[bool, bool, list]:
    """Whether a word of the body's text lies outside its furniture, scripts and styles, whether it
    has furniture, and its scripts outside the furniture; one walk (the element's tail, the text
    after it, is its parent's)."""
    furnished, scripts, stack = False, [], list(body)
    if body.text and _WORD.search(body.text):
        return True, furnished, scripts
    while stack:
        element = stack.pop()
        if element.tail and _WORD.search(element.tail):
            return True, furnished, scripts
        if not isinstance(element.tag, str):  # a comment or a processing instruction
            continue
        if _furniture(element):
            furnished = True
            continue
        if element.tag in _NOT_TEXT:
            if element.tag == "script":
                scripts.append(element)
            continue
        if element.text and _WORD.search(element.text):
            return True, furnished, scripts
        stack.extend(element)
    return False, furnished, scripts


def without_furniture(html: bytes | str) -> str | None:
    """The page without its furniture when nothing but furniture holds a word of its body's text;
    None for a page with other text (or none at all, or none that parses): it is read as it is."""
    import lxml.html
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception:  # lxml raises many kinds on hostile markup: trafilatura will say so
        return None
    if tree is None or (body := tree.find(".//body")) is None:
        return None
    other_text, furnished, scripts = _scan(body)
    if other_text or not furnished:
        return None
    tail = body.tail  # what is left holds no word: only the scripts outside the furniture (JSON-LD) are kept
    body.clear()
    body.tail = tail
    body.extend(scripts)
    return lxml.html.tostring(tree, encoding="unicode")
