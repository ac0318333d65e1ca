"""Boilerplate: the lines of an article that are its site's, not its story.

News pages come with furniture that ends up in the text: "Advertisement", "CLICK HERE TO GET THE
FOX NEWS APP", "JOIN US ON TELEGRAM!", newsletter pleas, "Other Topics of Interest" teasers with
another story's headline and lead, related-story headlines in capitals. Read as article text they
make junk facts: a teaser's "..., Kallas said" became a source named after the teaser's headline,
with a claim in every article of that outlet.

``boilerplate_lines(text)`` finds whole lines of that furniture by their shape and wording, and
``masked(text)`` gives the text extraction reads: those lines' characters replaced by newlines, so
the text keeps its length and every offset still points into the stored text (nothing is
extracted from a masked line, and a masked line is a paragraph break).

Pages flattened to one line (scraped or converted text) carry their furniture inline, so
``furniture_spans(text)`` finds it anywhere in a line: a gallery's buttons ("1 of 46 Full Screen
Autoplay Close Skip Ad ×", "View Photos"), an image's credit line ("image copyright AFP image
caption"), wiki markup's section headings ("==Background==") and a wiki page's end matter ("==See
also== * 2007 Bagram Airfield bombing * ... ==References=="): a list of other pages' titles, each
read as an event otherwise. ``masked`` blanks both kinds.

Why here, from the article alone, and not from lines repeated across an outlet's articles at
ingest: extraction stays a pure function of the text (re-extraction gives the same facts whatever
else the store holds and in whatever order it was ingested), it works for the first article of an
outlet and for articles without one (JSON Lines dumps often have no outlet), and it cannot wipe a
wire story that several outlets reprint word for word, which repeated-line detection would take
for boilerplate.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from extract.dates import MONTHS, WEEKDAYS

# wording of site furniture, at the start of a line (case-blind)
_STARTS = re.compile(
    r"(?:advertis(?:e?ment|ing)\b|sponsored\b|story continues\b|continue reading\b|"
    r"(?:click|tap) here\b|join us on\b|follow (?:us|our|@)|subscribe\b|sign up\b|"
    r"other topics of interest\b|(?:new[:!]?\s+)?you can now listen to\b|listen to (?:this|the) article\b|"
    r"continuation of the material\b|(?:read|see) (?:more|also)\b|more (?:messages|important information|"
    r"news|stories|on this story)\b|for more information,? (?:please )?visit\b|the views expressed in this\b|"
    r"skip past newsletter\b|author/author:|(?:we are glad|thank you for being) (?:that you are )?with us\b|"
    r"help ukraine, join the collection\b|you can (?:also )?(?:read|track|listen|watch|follow)\b|"
    r"see the video\b|watch\b[^.!?]{0,60}\bon the internet\b|(?:share|tweet|email) (?:this|on)\b|"
    r"copyright\b|©|all rights reserved\b|related(?: articles| stories| coverage)?:?$|"
    r"most (?:read|popular)\b|top stories\b|trending\b|editor[’']s note\b|you[’']re reading an excerpt\b)",
    re.IGNORECASE,
)
# a byline: "By Iryna Kovalenko | Chernihiv | 29 May 2024", "By Jane Doe and John Roe, Reuters",
# "Staff and agencies", "Reporting by ...; Editing by ..." (not "By Thursday morning, artillery was heard")
_NOT_NAMES = [w.capitalize() for w in (*WEEKDAYS, *MONTHS)] + "The Then Now Late Early Mid Noon Nightfall".split()
_NAME = rf"(?!(?:{'|'.join(_NOT_NAMES)})\b)[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"(?:By|BY)\s+{_NAME}(?:\s+[A-Z][\w.'’-]*){{0,3}}(?:\s*(?:,|and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})*"
    # then a place, an outlet, a date: capitalised words and numbers ("| Chernihiv | 29 May 2024")
    r"(?:\s*[|•·–—,]\s*(?:(?:[A-Z0-9][\w.'’-]*|of|de|al|the|and)[\s,.]*){1,6}){0,3}\s*$"
    r"|(?:Staff and agencies|(?:Reporting|Additional reporting|Writing|Editing) by\b.*)$"
)
_LETTERS = re.compile(r"[^\W\d_]")
_MIN_SHOUT = 12  # characters: "ADVERTISEMENT" and longer capitals lines


def is_boilerplate(line: str) -> bool:
    """Whether one line (without its newline) is site furniture."""
    stripped = line.strip()
    if not stripped:
        return False
    if _STARTS.match(stripped) or (len(stripped) < 120 and _BYLINE.match(stripped)):
        return True
    if len(stripped) < _MIN_SHOUT or sum(map(str.islower, stripped[:24])) > 3:
        return False  # (most lines: prose, told from capitals by their first letters; no scan of the line)
    letters = _LETTERS.findall(stripped)
    if len(letters) >= 8:
        upper = sum(1 for ch in letters if ch.isupper())
        if upper >= 0.85 * len(letters):
            return True  # a headline of another story, a promotion in capitals
    return False


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that is site furniture (end: before its newline)."""
    spans = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if end > start and is_boilerplate(text[start:end]):
            spans.append((start, end))
        start = end + 1
    return spans


# furniture inside a line, each found only in a text holding its literal part (most texts hold none,
# and a plain search for it is far quicker than the pattern's): a gallery's buttons, an image's
# credit, a wiki section heading (a photo's caption stays: "FILE - Police attend to an incident on
# London Bridge, June 3, 2017." tells one)
_INLINE = (
    ("Full Screen", re.compile(r"\b\d+ of \d+ Full Screen(?: Autoplay)?(?: Close)?(?: Skip Ad)?(?: ×)?")),
    ("View Photos", re.compile(r"\bView Photos\b")),
    (" caption", re.compile(r"\b(?:image|media) copyright\b[^\n]{0,60}?\b(?:image|media) caption\b")),
    ("==", re.compile(r"(?<!=)==+ ?[^=\n]{1,80}? ?==+(?!=)")),
)
# a wiki page's end matter: from its heading to the next heading that is not one, or the end
# ((?<!=): a run of "=" is tried from its first only; from every one, each would scan the rest of the
# run: time quadratic in its length)
_END_MATTER = re.compile(
    r"(?<!=)==+ ?(?:See also|References|External links|Notes|Further reading|Bibliography|Sources|Citations|Footnotes)"
    r" ?==+",
    re.IGNORECASE,
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each piece of furniture inside the lines of ``text`` (see above)."""
    spans = sorted(m.span() for literal, pattern in _INLINE if literal in text for m in pattern.finditer(text))
    if "==" in text:
        # the starts of the headings that end an end matter (any but another end matter's), in order
        stops = [s for s, _ in spans if not _END_MATTER.match(text, s)]
        for m in _END_MATTER.finditer(text):
            k = bisect_left(stops, m.end())
            spans.append((m.start(), stops[k] if k < len(stops) else len(text)))
    return spans


def masked(text: str) -> str:
    """``text`` with its boilerplate lines' and furniture's characters replaced by newlines (same
    length)."""
    spans = boilerplate_lines(text) + furniture_spans(text)
    if not spans:
        return text
    parts, at = [], 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        start = max(start, at)
        parts.append(text[at:start])
        parts.append("\n" * (end - start))
        at = end
    parts.append(text[at:])
    return "".join(parts)
