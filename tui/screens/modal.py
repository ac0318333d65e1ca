"""The one kind of modal screen Sitrep shows: a form, a search, the help. It answers once.

Keys typed quickly arrive together ("Enter Enter" in one read), and those after the one that
answered still reach the screen before it leaves the stack: a second ``dismiss`` would hand the
caller the answer twice (a judgement recorded twice) and then pop the screen beneath, which
Textual refuses with a ScreenStackError that ends the app.
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Modal(ModalScreen[ResultType]):
    _answered = False

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        if self._answered:
            return AwaitComplete()  # (already answered: nothing to wait for)
        self._answered = True
        return super().dismiss(result)
