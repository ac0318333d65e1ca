"""The values an analyst's judgement takes, and the checks every way in (CLI, forms) shares.

Grades follow the NATO Admiralty code: a source's reliability A-F, a claim's credibility 1-6
(F and 6: "cannot be judged", which is also what extraction leaves). A status is the analyst's
verdict on an event, a claim or an incident. Each ``parse_*`` returns the value as stored or raises
``JudgementError`` with one line that says what is wrong and what would be right.
"""

from __future__ import annotations

import re
from datetime import date as Date

from extract.model import FIRST_YEAR, LAST_YEAR, SUBTYPE_TO_TYPE

RELIABILITY: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY: dict[str, str] = {
    "1": "Confirmed by other sources",
    "2": "Probably true",
    "3": "Possibly true",
    "4": "Doubtful",
    "5": "Improbable",
    "6": "Truth cannot be judged",
}
STATUSES: tuple[str, ...] = ("unverified", "verified", "disputed", "false")
STATUS_MARKS: dict[str, str] = {"unverified": "", "verified": "✓", "disputed": "≠", "false": "✗"}
CORRECTED_MARK = "✎"  # before a value the analyst corrected (the extracted one is kept beside it)

KINDS: tuple[str, ...] = ("event", "claim", "source", "article", "incident")
GRADED = {"source": RELIABILITY, "claim": CREDIBILITY}
WITH_STATUS = ("event", "claim", "incident")
NOTED = ("event", "claim", "source", "article")  # notes and tags (CONTRACT.md)

MAX_NOTE = 4000
MAX_TAG = 40
MAX_PLACE = 200
MAX_KILLED = 10_000_000
MAX_ANALYST = 80
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # a note may hold tabs and newlines
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class JudgementError(ValueError):
    """A judgement that cannot be recorded; ``str(error)`` is one line for the user."""


def parse_grade(kind: str, value: str) -> str:
    """A source's reliability (A-F, any case) or a claim's credibility (1-6)."""
    scale = GRADED.get(kind)
    if scale is None:
        raise JudgementError(f"only sources and claims are graded, not {kind}s")
    grade = (value or "").strip().upper()
    if grade not in scale:
        what = "a source's reliability is A-F" if kind == "source" else "a claim's credibility is 1-6"
        shown = (value or "").strip()
        raise JudgementError(f"unknown grade {shown!r}: {what}" if shown else f"no grade given: {what}")
    return grade


def parse_status(value: str) -> str:
    status = (value or "").strip().lower()
    if status not in STATUSES:
        raise JudgementError(f"unknown status {value.strip()!r}: one of {', '.join(STATUSES)}")
    return status


def parse_subtype(value: str) -> str:
    """An ACLED subtype, matched without regard to case, returned exactly as the taxonomy writes it."""
    wanted = " ".join((value or "").split()).casefold()
    if not wanted:
        raise JudgementError("the subtype is empty: give one of ACLED's subtypes (e.g. 'Armed clash')")
    for subtype in SUBTYPE_TO_TYPE:
        if subtype.casefold() == wanted:
            return subtype
    raise JudgementError(
        f"unknown subtype {value.strip()!r}: not one of ACLED's subtypes (e.g. 'Armed clash', "
        f"'Air/drone strike', 'Shelling/artillery/missile attack')"
    )


def parse_date(value: str) -> str:
    """A real calendar day, YYYY-MM-DD, of a year a report may have (extract.model.FIRST_YEAR..LAST_YEAR)."""
    text = (value or "").strip()
    match = _DATE.match(text)
    if not match:
        raise JudgementError(f"date {text!r} is not YYYY-MM-DD" if text else "the date is empty: give YYYY-MM-DD")
    try:
        Date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise JudgementError(f"date {text!r} is not a day of the calendar") from None
    if not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        raise JudgementError(f"date {text!r} is out of range: give a year from {FIRST_YEAR} to {LAST_YEAR}")
    return text


def parse_place(value: str) -> str:
    place = " ".join((value or "").split())
    if not place:
        raise JudgementError("the place is empty: give its name")
    if len(place) > MAX_PLACE or _CONTROL.search(place):
        raise JudgementError(f"place name must be printable text of at most {MAX_PLACE} characters")
    return place


def parse_killed(value: str | int) -> int:
    text = str(value).strip()
    if not text.isdigit() or not text.isascii():
        raise JudgementError(
            f"killed {text!r} is not a whole number of people (0 or more)"
            if text
            else "the number killed is empty: give a whole number"
        )
    number = int(text)
    if number > MAX_KILLED:
        raise JudgementError(f"killed {number:,} is more than {MAX_KILLED:,}")
    return number


def parse_note(value: str, what: str = "note") -> str:
    """Free text (a note, a reason): several lines allowed, terminal control characters not."""
    text = (value or "").strip()
    if not text:
        raise JudgementError(f"the {what} is empty")
    if len(text) > MAX_NOTE:
        raise JudgementError(f"a {what} is at most {MAX_NOTE:,} characters (this one has {len(text):,})")
    if _CONTROL_IN_TEXT.search(text):
        raise JudgementError(f"a {what} cannot hold terminal control characters")
    return text


def parse_reason(value: str | None) -> str | None:
    """Why a judgement was made (kept in the log): free text as a note is, or none."""
    return parse_note(value, "reason") if value and value.strip() else None


def parse_tag(value: str) -> str:
    tag = " ".join((value or "").split()).lstrip("#")
    if not tag:
        raise JudgementError("the tag is empty")
    if len(tag) > MAX_TAG:
        raise JudgementError(f"a tag is at most {MAX_TAG} characters")
    if _CONTROL.search(tag) or any(c in tag for c in ",;"):
        raise JudgementError(f"tag {tag!r} cannot hold ',' ';' or control characters")
    return tag


def parse_analyst(value: str) -> str:
    """Who decides: runs of whitespace made one space, at most 80 characters, no control characters."""
    name = " ".join(value.split())
    if _CONTROL.search(name):
        raise JudgementError(f"analyst name {name[:MAX_ANALYST]!r} cannot hold control characters")
    if len(name) > MAX_ANALYST:  # (it was cut short, and the log named someone else)
        raise JudgementError(f"analyst name is {len(name)} characters long; at most {MAX_ANALYST}")
    return name


def parse_kind(value: str, allowed: tuple[str, ...] = KINDS) -> str:
    kind = (value or "").strip().lower()
    if kind not in allowed:
        raise JudgementError(f"unknown kind {value!r}: one of {', '.join(allowed)}")
    return kind
