"""A Select whose drop-down takes Page Up and Page Down only once it has been laid out.

Textual's option list finds the line of the highlighted option in a table it fills when it is first
laid out: Page Down read in the same burst of keys as the one that opened the drop-down looked it
up in the empty table (KeyError), and the app died. Until the drop-down has a height, a page key
does nothing; a moment later it works as usual.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectOverlay


class _LaidOutOverlay(SelectOverlay):
    def action_page_up(self) -> None:
        if self.scrollable_content_region.height:
            super().action_page_up()

    def action_page_down(self) -> None:
        if self.scrollable_content_region.height:
            super().action_page_down()


class SafeSelect(Select):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if type(widget) is SelectOverlay:
                widget.__class__ = _LaidOutOverlay  # (the same widget, with the two actions above)
            yield widget
