"""Date expressions resolved against the article's publication date.

``find_dates(text, published)`` returns every date expression with its exact offsets, the first and
last day it covers (ISO) and a precision (day, days, week, month, year). Relative expressions
("on Monday", "last month", "in August", "December 14 and 15") resolve to the latest such date on or
before publication; without a publication date only expressions that carry a year resolve.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from extract.model import FIRST_YEAR, LAST_YEAR
from extract.numbers import word_trie

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a few": 3,
    "several": 3,
}

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_JOIN = r"\s*(?:and|-|–|—|to|&|through|until)\s*"
# A year: 1900-2099, or an earlier one when no count noun or clock time follows it ("in 1853", "18
# June 1815", "the War of 1812"; not "of 1500 Ukrainians", "1200 people", "until 1800 GMT", "in 1500 homes")
_NOT_A_COUNT = (
    r"(?!\d)(?!-[a-z])(?!\s+(?:(?!(?:was|has|is|as|its|this|thus|his|less|unless|across)\b)[a-z]+s|[A-Z][a-z]*(?:ans|ese)|people|men|women|"
    r"children|personnel|staff|GMT|UTC|CET|EET|MSK|local|hrs|h|am|pm|a\.m|p\.m|km|kg|m|mm|ft|feet)\b)"
)
_MODERN_YEAR = r"(?:19|20)\d{2}"
_OLD_YEAR = rf"1[0-8]\d{{2}}{_NOT_A_COUNT}"
_YEAR = rf"(?:{_MODERN_YEAR}|{_OLD_YEAR})"
# "of" an earlier year only after a name ("the War of 1812"; not "a limit of 1550 strategic warheads")
_A_NAME_OF = "(?:" + "|".join(rf"(?<=\b[A-Z][a-z]{{{n}}} of )" for n in range(1, 16)) + ")"
# "the 1853 war", "the 1994 Rwandan genocide", "the 1991 Gulf War": a year naming an event after it
_EVENT_NOUN = (
    r"(?i:wars?|invasion|revolution|uprising|rebellion|revolt|coup|battle|siege|offensive|campaign|conflict|"
    r"crisis|genocide|massacre|famine|occupation|annexation|bombings?|attacks?|elections?|referendum|treaty|"
    r"accords?|agreement|ceasefire|truce|armistice|protests?|riots?|intervention|insurgency|pogrom|"
    r"deportations?|blockade|earthquake)"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
# "in October last year", "on March 3 this year", "in May of last year": the year named by its distance
_WHICH_YEAR = r"\s+(?:of\s+)?(?P<which>last|this|Last|This)\s+year(?!['’])"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"(?<![\d-])(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")),
    (
        "dmy",
        re.compile(
            rf"(?<![\w])(?:{_WD},?\s+)?(?:the\s+)?(?P<d1>{_DAY})(?:{_JOIN}(?:the\s+)?(?P<d2>{_DAY}))?\s+(?:of\s+)?"
            rf"(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR})|{_WHICH_YEAR})?(?![\w])"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"(?<![\w])(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<d1>{_DAY})(?:{_JOIN}(?P<d2>{_DAY}))?"
            rf"(?:,?\s+(?P<y>{_YEAR})|{_WHICH_YEAR})?(?![\w:.,]?\d)"
        ),
    ),
    (
        "month",
        re.compile(
            rf"(?<![\w])(?:(?P<lead>in|since|during|early|late|mid-?|until|from|by|of|last|this|throughout|"
            rf"In|Since|During|Early|Late|Mid-?|Until|From|By|Last|This|Throughout)\s*)?"
            rf"(?P<mon>{_MON})(?:\s+(?P<y>{_YEAR})|{_WHICH_YEAR})?(?![\w])"
        ),
    ),
    (
        "year",
        # "in 2014", "in late 1979", "since mid-2023", "the Treaty of Brest-Litovsk (1918)" (not "page
        # (1234)": an earlier year in brackets is too often some other number), "the 1853 war"
        re.compile(
            rf"(?<![\w])(?P<lead>in|since|during|throughout|until|early|late|In|Since|During|Early|Late)\s+"
            rf"(?P<y>{_YEAR})(?![\w])|(?<![\w])of\s+(?P<y5>{_MODERN_YEAR}|{_A_NAME_OF}{_OLD_YEAR})(?![\w])|(?<![\w])[Mm]id-(?P<y2>{_YEAR})(?![\w])|\((?P<y3>{_MODERN_YEAR})\)|"
            rf"(?<=\b[Tt]he )(?P<y4>{_YEAR})(?=\s+(?:[A-Z][\w’'-]*\s+){{0,2}}{_EVENT_NOUN}\b)"
        ),
    ),
    (
        "weekday",
        re.compile(rf"(?<![\w])(?:(?P<rel>last|this|past|on|On|Last|This|Past)\s+)?(?P<wd>{_WD}){_PART}(?![\w])"),
    ),
    (
        # "On the 18th, gunmen abducted ...": a day of the month alone, the latest such day by
        # publication; not "on the 18th floor", "on the 90th anniversary" (a word follows)
        "dom",
        re.compile(r"(?<![\w])[Oo]n\s+the\s+(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=\s*[,.;:)]|\s*$)"),
    ),
]


_DIGITS = re.compile(r"\d+")

# A wire dateline at the start of a paragraph: "KYIV, Nov 18 (Reuters) - ", "GAZA CITY (AP) — ", or a
# live blog's time stamp: "10:45 GMT — ".
# Its place and date say where and when the story was filed, not where the incident happened.
DATELINE_RE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z .'’/-]{1,40}[A-Z](?:,[ \t]*[A-Z][A-Za-z .'’-]{1,30})?"
    r"(?:,?[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)(?:,?[ \t]+\d{4})?)?"
    r"[ \t]*(?:\([A-Z][^()\n]{0,39}\))?"
    r"|[A-Z][A-Za-z .'’-]{1,40}?(?:,[ \t]*[A-Z][A-Za-z .'’-]{1,30}?)?"
    r"(?:,?[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)"
    r"(?:,?[ \t]+\d{4})?)?[ \t]*\([A-Z][^()\n]{0,39}\)"
    r"|\d{1,2}[:.]\d{2}(?:[ \t]*(?:GMT|UTC|CET|CEST|EST|EDT|ET|BST|MSK|EET|EEST|local time|a\.m\.|p\.m\.|am|pm))?)"
    r"[ \t]*(?:-{1,2}|–|—)[ \t]+",
    re.MULTILINE,
)


def datelines(text: str) -> list[tuple[int, int]]:
    """Spans of the wire datelines that open paragraphs. A dateline lies within one line and starts
    it, so the pattern is tried only at line starts (not at every character of the text)."""
    out = []
    match, dash = DATELINE_RE.match, _DASH_GAP.search
    pos, size = 0, len(text)
    while pos <= size:
        newline = text.find("\n", pos)
        line_end = size if newline < 0 else newline
        if dash(text, pos, line_end):  # every dateline ends with a dash and a space
            m = match(text, pos)
            if m is not None:
                out.append((m.start(), m.end()))
        if newline < 0:
            break
        pos = newline + 1
    return out


_DASH_GAP = re.compile(r"[-–—][ \t]")


TOP_CHARS = 400  # the top of an article, where a page shows its date


def text_day(text: str) -> str | None:
    """The day an article without publication metadata gives at its top, ISO: a wire dateline that
    states its year ("KYIV, Aug 26, 2024 (Reuters) -"), else the first day stated with its year in
    its first characters (a byline's "Published 17 January 2018", a lead's "On 1 March 2019, ...").
    Its relative dates ("on Wednesday") are counted from that day. None when the top states no day
    with its year: no year is guessed."""
    for m in DATELINE_RE.finditer(text, 0, min(len(text), 600)):
        for mention in find_dates(text, None, m.start(), m.end()):
            if mention.precision == "day" and mention.date >= _FIRST_PAGE_DAY:
                return mention.date
    # (a span's last day too: "took place in Mombasa between 14 and 17 October 2013" tells of days up to
    # the 17th, and "on 16 October" after it is that year's)
    return next(
        (
            m.date if m.precision == "day" else m.date_end
            for m in find_dates(text, None, 0, min(len(text), TOP_CHARS))
            if m.precision in ("day", "days") and m.date >= _FIRST_PAGE_DAY
        ),
        None,
    )


_FIRST_PAGE_DAY = "1900-01-01"  # no page is older: a lead's "On 18 June 1815" is the history it tells


# Relative expressions, matched on lower-cased text (IGNORECASE is several times slower in `re`).
# The fixed phrases are written as a letter trie (no two of them match at one place: each must end
# a word), so `re` tries one branch per letter instead of each phrase.
_RELATIVE_PHRASES = word_trie(
    "yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
    "overnight|past day|past 24 hours|last 24 hours|earlier today|the day before|over the weekend|this weekend|last weekend|"
    "last week|this week|past week|earlier this week|the previous week|"
    "last month|this month|earlier this month|past month|the previous month|"
    "earlier this year|this year|last year|the previous year|past year|"
    "last spring|last summer|last autumn|last fall|last winter|this spring|this summer|this autumn|this fall|"
    "this winter|this past spring|this past summer|this past autumn|this past fall|this past winter".split("|")
)
_RELATIVE = re.compile(
    rf"\b(?:(?P<rel>{_RELATIVE_PHRASES}|"
    r"(?:(?P<n>\d+|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
    r"(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago)))(?![\w])"
)

_RELATIVE_ANYCASE = re.compile(_RELATIVE.pattern, re.IGNORECASE)
# the phrases that date by the publication day alone: its day, or the day before it and it
_TODAY = ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today")
_LAST_DAY = ("overnight", "past day", "past 24 hours", "last 24 hours")
BY_PUBLICATION = frozenset(_TODAY + _LAST_DAY)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: str  # first day covered, ISO
    date_end: str  # last day covered, ISO
    precision: str  # day, days, week, month, year
    relative: bool  # resolved against the publication date


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or date-time; None when absent or unreadable, or so far
    from today's news that dates counted from it would leave the calendar ("9999-12-31")."""
    if not published:
        return None
    text = published.strip()
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        try:
            day = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def find_dates(text: str, published: str | date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, left to right, without overlaps."""
    end = len(text) if end is None else end
    pub = published if isinstance(published, date) else parse_published(published)
    candidates: list[tuple[int, int, DateMention]] = []
    # each pattern runs only around the words it cannot match without (speed): a month name, a
    # weekday, a year; windows reach far enough on both sides for the longest expression
    months = _windows(_month_anchors(text, start, end), start, end, 40, 40)
    with_digits = [w for w in months if _DIGIT.search(text, w[0], w[1])]
    years = _windows(_year_anchors(text, start, end), start, end, 30, 40)  # ("the 1991 Gulf War")
    with_dash = [w for w in years if text.find("-", w[0], w[1]) >= 0]  # "2024-12-16" holds one
    spans = {
        "iso": with_dash,
        "year": years,
        "dmy": with_digits,
        "mdy": with_digits,
        "month": months,
        "weekday": _windows([m.span() for m in _WEEKDAY_ANCHOR.finditer(text, start, end)], start, end, 40, 40),
        "dom": [(start, end)] if pub is not None else [],
    }
    # a pattern's windows never overlap (merged), so no match is found twice
    resolved = _RESOLVED if len(_RESOLVED) < 50_000 else _RESOLVED.clear() or _RESOLVED
    for name, rx in _PATTERNS:
        for w_start, w_end in spans[name]:
            for m in rx.finditer(text, w_start, w_end):
                # what an expression resolves to depends only on its groups and the publication day
                key = (name, m.groups(), pub)
                value = resolved.get(key, _MISSING)
                if value is _MISSING:
                    mention = _resolve(name, m, pub)
                    value = resolved[key] = (
                        None
                        if mention is None
                        else (mention.date, mention.date_end, mention.precision, mention.relative)
                    )
                if value is not None:
                    start_, end_ = m.span()
                    candidates.append((start_, start_ - end_, DateMention(start_, end_, *value)))
    window = text[start:end]
    low = window.lower()
    if pub is not None:
        same = len(low) == len(window)  # lower() keeps offsets unless a character like "İ" grows
        if same:
            shift = start
            matches = (m for a, b in _relative_windows(low, 25, 12) for m in _RELATIVE.finditer(low, a, b))
        else:
            shift = 0
            matches = _RELATIVE_ANYCASE.finditer(text, start, end)
        relative_seen: set[tuple[int, int]] = set()
        for m in matches:
            if (m.start(), m.end()) in relative_seen:
                continue
            relative_seen.add((m.start(), m.end()))
            mention = _relative(m, pub)
            if mention is not None:
                mention = DateMention(
                    mention.start + shift, mention.end + shift, mention.date, mention.date_end, mention.precision, True
                )
                candidates.append((mention.start, -(mention.end - mention.start), mention))
    # where expressions overlap, the most precise wins ("of November 12" is a day, not a month)
    candidates.sort(key=lambda c: (_RANK[c[2].precision], c[1], c[0]))
    out: list[DateMention] = []  # kept, sorted by start and never overlapping
    starts: list[int] = []
    for _, _, mention in candidates:
        i = bisect.bisect_left(starts, mention.end)  # kept ones from i on start at or after its end
        if i > 0 and out[i - 1].end > mention.start:
            continue  # overlaps the kept one that starts last before its end
        starts.insert(i, mention.start)
        out.insert(i, mention)
    return out


_RESOLVED: dict[tuple[str, tuple[str | None, ...], date | None], tuple[str, str, str, bool] | None] = {}
_MISSING = object()
_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4}
# Scans for the words the patterns need: the month and weekday names by regex (each starts with a
# capital letter, which `re` looks for quickly), years and the relative anchor words with str.find
# (faster than a regex trying "1", "2" or a common letter at every place), those kept as re.finditer
# would keep them: left to right, none overlapping the one kept before it.
_MONTH_ANCHOR = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:[a-z]*)")
_WEEKDAY_ANCHOR = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
# the words every relative expression holds (no two can match at one place, none overlaps itself)
_RELATIVE_ANCHORS = (
    "day",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "month",
    "year",
    "hours",
    "decade",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
)
_DIGIT = re.compile(r"\d")


def _occurrences(text: str, start: int, end: int, words: tuple[str, ...]) -> list[tuple[int, str]]:
    """(position, word) of every occurrence of the words inside text[start:end], by position."""
    found = []
    for word in words:
        at = text.find(word, start, end)
        while at >= 0:
            found.append((at, word))
            at = text.find(word, at + 1, end)
    found.sort()
    return found


def _month_anchors(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the month names ("Jan", "January"; not "Marines", "Mayor")."""
    return [m.span() for m in _MONTH_ANCHOR.finditer(text, start, end) if m.group(0).lower() in MONTHS]


_CENTURIES = tuple(str(n) for n in range(10, 21))  # the first two digits of a year, 1000-2099


def _year_anchors(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of four digits starting 10 to 20 ("2024", "1853"), as ``(?:1\\d|20)\\d\\d`` finds them."""
    out = []
    taken_to = start
    for at, _ in _occurrences(text, start, end, _CENTURIES):
        if at >= taken_to and at + 4 <= end and text[at + 2].isdecimal() and text[at + 3].isdecimal():
            out.append((at, at + 4))
            taken_to = at + 4
    return out


def _windows(anchors, start: int, end: int, before: int, after: int) -> list[tuple[int, int]]:
    """Stretches of text around each anchor (its start and end), merged where they overlap."""
    out: list[tuple[int, int]] = []
    for a, b in anchors:
        a, b = max(start, a - before), min(end, b + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _relative_windows(low: str, before: int, after: int) -> list[tuple[int, int]]:
    """``_windows`` around the relative anchor words in the lower-cased text."""
    anchors = []
    taken_to = 0
    for at, word in _occurrences(low, 0, len(low), _RELATIVE_ANCHORS):
        if at < taken_to:
            continue  # inside the anchor kept before ("dayear": "day" only)
        taken_to = at + len(word)
        if not _not_relative(low, at, word):  # not "Monday", "holiday", "64-year-old"
            anchors.append((at, taken_to))
    return _windows(anchors, 0, len(low), before, after)


_WORD_ENDS = {"day": ("to", "yester"), "night": ("to", "over")}  # "today", "overnight"


def _not_relative(text: str, at: int, anchor: str) -> bool:
    """True when the anchor word at ``at`` cannot be part of a relative expression: in every one of
    them it follows a space ("last week", "two days ago"), except in "today", "yesterday",
    "tonight" and "overnight"."""
    if at > 0 and text[at - 1].isspace():
        return False
    ends = _WORD_ENDS.get(anchor)
    return not (ends and text.endswith(ends, 0, at))


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day_num(token: str) -> int:
    return int(_DIGITS.match(token).group(0))


def _latest(pub: date | None, month: int, day: int | None) -> int | None:
    """The year that puts month (and day) latest on or before publication."""
    if pub is None:
        return None
    if day is None:
        return pub.year if month <= pub.month else pub.year - 1
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1


def _mk(m: re.Match[str], first: date, last: date, precision: str, relative: bool) -> DateMention:
    return DateMention(m.start(), m.end(), first.isoformat(), last.isoformat(), precision, relative)


def _resolve(name: str, m: re.Match[str], pub: date | None) -> DateMention | None:
    try:
        if name == "iso":
            d = date(int(m["y"]), int(m["m"]), int(m["d"]))
            return _mk(m, d, d, "day", False)
        if name in ("dmy", "mdy"):
            month = _month_num(m["mon"])
            d1 = _day_num(m["d1"])
            d2 = _day_num(m["d2"]) if m["d2"] else None
            year = int(m["y"]) if m["y"] else _named_year(m, pub) or _latest(pub, month, d1)
            if year is None:
                return None
            first = date(year, month, d1)
            if d2 is not None and d2 > d1:
                return _mk(m, first, date(year, month, d2), "days", not m["y"])
            return _mk(m, first, first, "day", not m["y"])
        if name == "month":
            mon = m["mon"]
            if not m["lead"] and not m["y"] and (len(mon.rstrip(".")) <= 4 or mon in ("March", "May")):
                return None  # a bare "May", "March" or "Jan" is too often something else
            month = _month_num(mon)
            lead = (m["lead"] or "").lower()
            if m["y"]:
                year = int(m["y"])
            elif m["which"]:
                year = _named_year(m, pub)
            elif lead == "last" and pub is not None:
                year = pub.year if month < pub.month else pub.year - 1
            else:
                year = _latest(pub, month, None)
            if year is None:
                return None
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
            return _mk(m, first, last, "month", not m["y"])
        if name == "year":
            year = int(m["y"] or m["y2"] or m["y3"] or m["y4"] or m["y5"])
            return _mk(m, date(year, 1, 1), date(year, 12, 31), "year", False)
        if pub is None:
            return None
        if name == "weekday":
            wd = WEEKDAYS[m["wd"].lower()]
            back = (pub.weekday() - wd) % 7
            if (m["rel"] or "").lower() in ("last", "past") and back == 0:
                back = 7
            d = pub - timedelta(days=back)
            return _mk(m, d, d, "day", True)
        if name == "dom":
            day = _day_num(m["d1"])
            year, month = (pub.year, pub.month) if day <= pub.day else _month_back(pub.year, pub.month, 1)
            d = date(year, month, day)  # ValueError (the 31st of a shorter month): no date
            return _mk(m, d, d, "day", True)
    except ValueError:
        return None
    return None


def _named_year(m: re.Match[str], pub: date | None) -> int | None:
    """The year of "October last year" or "March 3 this year" (none without those words, or without a
    publication day to count from)."""
    if not m["which"] or pub is None:
        return None
    return pub.year - 1 if m["which"].lower() == "last" else pub.year


def _relative(m: re.Match[str], pub: date) -> DateMention | None:
    rel = m["rel"].lower()
    if m["unit"]:
        n_text = m["n"].lower()
        n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 1)
        unit = m["unit"].lower().rstrip("s")
        if unit == "day":
            d = pub - timedelta(days=n)
            return _mk(m, d, d, "day", True)
        if unit == "week":
            d = pub - timedelta(days=7 * n)
            monday = d - timedelta(days=d.weekday())
            return _mk(m, monday, monday + timedelta(days=6), "week", True)
        if unit == "month":
            y, mo = _month_back(pub.year, pub.month, n)
            return _mk(m, date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month", True)
        y = pub.year - n * (10 if unit == "decade" else 1)
        return _mk(m, date(y, 1, 1), date(y, 12, 31), "year", True)
    if rel.endswith(_SEASONS):
        first, last = _season(rel.rsplit(" ", 1)[1], pub, rel.startswith("last") or "past" in rel)
        return _mk(m, first, last, "month", True)
    if rel in _TODAY:
        return _mk(m, pub, pub, "day", True)
    if rel in ("yesterday", "last night", "the day before"):
        d = pub - timedelta(days=1)
        return _mk(m, d, d, "day", True)
    if rel in _LAST_DAY:
        return _mk(m, pub - timedelta(days=1), pub, "days", True)
    if rel in ("over the weekend", "this weekend", "last weekend"):
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if rel == "last weekend" and pub - saturday < timedelta(days=2):
            saturday -= timedelta(days=7)
        sunday = min(saturday + timedelta(days=1), pub)
        return _mk(m, saturday, sunday, "days" if sunday > saturday else "day", True)
    if rel in ("last week", "past week", "the previous week"):
        monday = pub - timedelta(days=pub.weekday() + 7)
        return _mk(m, monday, monday + timedelta(days=6), "week", True)
    if rel in ("this week", "earlier this week"):
        monday = pub - timedelta(days=pub.weekday())
        return _mk(m, monday, pub, "week", True)
    if rel in ("last month", "past month", "the previous month"):
        y, mo = _month_back(pub.year, pub.month, 1)
        return _mk(m, date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month", True)
    if rel in ("this month", "earlier this month"):
        return _mk(m, date(pub.year, pub.month, 1), pub, "month", True)
    if rel in ("earlier this year", "this year"):
        return _mk(m, date(pub.year, 1, 1), pub, "year", True)
    if rel in ("last year", "the previous year", "past year"):
        return _mk(m, date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year", True)
    return None


# the months of each season (northern hemisphere: the one most news comes from)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_SEASONS = tuple(_SEASON_MONTHS)


def _season(name: str, pub: date, past: bool) -> tuple[date, date]:
    """The days of "last summer" (the latest summer over before publication) or "this summer" (the
    one of the publication's year; for winter, the one that ends by April, else the coming one)."""
    first_month, last_month = _SEASON_MONTHS[name]

    def of(year: int) -> tuple[date, date]:  # the season that ends in ``year``
        start_year = year - 1 if first_month > last_month else year
        return date(start_year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])

    if past:
        year = pub.year + 1
        while of(year)[1] >= pub:
            year -= 1
        return of(year)
    return of(pub.year + 1 if first_month > last_month and pub.month > 4 else pub.year)


def _month_back(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - n
    return index // 12, index % 12 + 1
