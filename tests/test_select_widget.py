"""The drop-down of a Select, given Page Down before it was ever laid out (the key read in one burst
with the one that opened it), looked the option's line up in an empty table: KeyError, the app died."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from tui.widgets.select import SafeSelect

CHOICES = [(f"choice {n}", n) for n in range(40)]


class Form(App):
    def __init__(self, kind: type[Select]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield self.kind(CHOICES, id="pick")


async def page_keys_before_layout(kind: type[Select]) -> Select:
    app = Form(kind)
    async with app.run_test() as pilot:
        select = app.query_one("#pick", Select)
        overlay = select.query_one(SelectOverlay)
        overlay.highlighted = 5  # (a highlight the overlay has not laid out a line for yet)
        overlay._lines.clear()  # as before its first layout
        overlay._index_to_line.clear()
        overlay.styles.height = 0
        await pilot.pause()
        overlay.action_page_down()
        overlay.action_page_up()
        return select


async def test_page_keys_in_a_drop_down_not_laid_out_yet_do_nothing():
    select = await page_keys_before_layout(SafeSelect)
    assert select.value == Select.NULL  # nothing chosen, nothing raised


async def test_the_plain_select_fails_so():  # the fault SafeSelect guards against is Textual's own
    with pytest.raises(KeyError):
        await page_keys_before_layout(Select)
