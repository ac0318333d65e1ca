"""Counting lines of Python run, for tests that work grows in proportion to the input: the count is
the same on any machine, where a ratio of times is not (a shared machine's load, its cache)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def lines_run(call: Callable[[], T]) -> tuple[T, int]:
    """``call()``'s result and the number of lines of Python it ran."""
    count = 0

    def line(frame, event, arg):
        nonlocal count
        count += 1
        return line

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: line)
    try:
        result = call()
    finally:
        sys.settrace(previous)
    return result, count
