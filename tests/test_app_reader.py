"""The reader's wrapping: offsets stay exact, wide characters wrap by cells, long lines are cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.widgets.reader import wrap_offsets
from tui.widgets.safe_text import visible


@given(st.text(alphabet=st.sampled_from("ab cd\n界語 \x1b\x07é"), max_size=300), st.integers(1, 30))
def test_wrapped_lines_cover_the_text_in_order_within_the_width(text, width):
    text = visible(text)
    lines = wrap_offsets(text, width)
    position = 0
    for start, end in lines:
        assert start >= position and end >= start
        skipped = text[position:start]
        assert skipped.strip(" \n") == ""  # only the break (a space or a newline) is left out
        piece = text[start:end]
        assert "\n" not in piece
        assert cell_len(piece) <= max(width, 2)  # a wide character alone may overflow width 1
        position = end
    assert text[position:].strip(" \n") == ""


def test_a_long_line_without_spaces_is_cut_at_the_width():
    assert wrap_offsets("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_wide_characters_wrap_by_cells():
    text = "界" * 10
    assert wrap_offsets(text, 6) == [(0, 3), (3, 6), (6, 9), (9, 10)]


def test_visible_keeps_length_and_shows_controls():
    text = "a\x1b[31mb\x07c\td\u202ee\nf"
    shown = visible(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert shown.count("\N{REPLACEMENT CHARACTER}") == 3 and "\n" in shown and "\t" not in shown
