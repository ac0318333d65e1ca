"""Dates as precise as they are known, and whether an event is history.

An event's date is stored as the contract says: ISO ``date`` (the first day of the period),
``date_end`` and ``date_precision`` (day, days, week, month, year). ``date_label`` shows it no
more precisely than it is known: ``2024-12-14``, ``14–15 Dec 2024``, ``9–15 Dec 2024``, ``2023-05``,
``2023``; never a first day standing for a month or a year.

``era`` says whether an event is news of the article or something else: ``history`` when it ended
more than ``HISTORY_DAYS`` before the article was published (a war's start recalled, "in 1944"),
``later`` when it starts more than ``LATER_DAYS`` after (a deadline, a plan, or a date read
wrong), else None. The browser marks both and its Events filter can hide them.
"""

from __future__ import annotations

from datetime import date as Date

HISTORY_DAYS = 30
LATER_DAYS = 7
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _day(value: str | None) -> Date | None:
    if not value or len(value) < 10:
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def _short(day: Date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def date_label(date: str | None, date_end: str | None = None, precision: str | None = None) -> str:
    """``date`` .. ``date_end`` at ``precision``, as short as it is honest ('' when there is none)."""
    start = _day(date)
    if start is None:
        return date or ""
    end = _day(date_end)
    if precision == "year":
        if end is not None and end.year != start.year:
            return f"{start.year}–{end.year}"
        return f"{start.year}"
    if precision == "month":
        if end is not None and (end.year, end.month) != (start.year, start.month):
            return f"{start:%Y-%m}–{end:%m}" if end.year == start.year else f"{start:%Y-%m}–{end:%Y-%m}"
        return f"{start:%Y-%m}"
    if precision in ("days", "week") and end is not None and end != start:
        if (end.year, end.month) == (start.year, start.month):
            return f"{start.day}–{_short(end)}"  # 14–15 Dec 2024
        if end.year == start.year:
            return f"{_MONTHS[start.month - 1]}–{_MONTHS[end.month - 1]} {end.year}"  # Nov–Dec 2024
        return f"{start.year}–{end.year}"
    if precision == "week":
        return f"wk {_short(start)}"
    return start.isoformat()


def era(date: str | None, date_end: str | None, published: str | None) -> str | None:
    """'history', 'later' or None (see the module's doc)."""
    start, published_day = _day(date), _day(published)
    if start is None or published_day is None:
        return None
    end = _day(date_end) or start
    if (published_day - end).days > HISTORY_DAYS:
        return "history"
    if (start - published_day).days > LATER_DAYS:
        return "later"
    return None


ERA_MARKS = {"history": "⟲", "later": "⟳"}


def marked_label(date: str | None, date_end: str | None, precision: str | None, era_: str | None) -> str:
    """``date_label`` with the era's mark in front: ``⟲1944`` (history), ``⟳2025`` (later)."""
    label = date_label(date, date_end, precision)
    return f"{ERA_MARKS[era_]}{label}" if era_ in ERA_MARKS and label else label
