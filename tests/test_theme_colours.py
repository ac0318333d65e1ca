"""Every built-in Textual theme, light ones included, reads well: each colour the reader and the
lists draw text in has a contrast of at least 4.5:1 (WCAG AA) with the background it is drawn on.

The ANSI themes are left out: their colours are the terminal's own palette, which Sitrep cannot
see (their truecolor stand-ins say nothing about a real terminal).
"""

from __future__ import annotations

import pytest
from textual.theme import BUILTIN_THEMES

from app_fixtures import build_small_store, settle
from tui.app import make_app
from tui.colours import contrast, readable_rgb
from tui.widgets.reader import SPAN_KINDS

THEMES = [name for name in BUILTIN_THEMES if "ansi" not in name]  # ansi-dark, textual-ansi (Textual 8.0), ...
COLUMN_STYLES = ("$text-accent", "$text-warning", "$text-error", "$text-secondary")


def rgb(colour):
    return colour.get_truecolor()


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    """For each theme: (what, contrast) of every coloured text the browser draws."""
    import asyncio

    path = build_small_store(tmp_path_factory.mktemp("themes") / "small.db")

    async def measure():
        app = make_app(str(path))
        app.animation_level = "none"
        found: dict[str, list[tuple[str, float]]] = {}
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            for name in THEMES:
                app.theme = name
                await pilot.pause()
                reader = screen.reader
                background = rgb(reader.rich_style.bgcolor)
                claim = reader._style("claim").bgcolor
                claim = rgb(claim) if claim is not None else background
                results = []
                for kind in SPAN_KINDS:
                    colour = reader._style(kind).color
                    if colour is not None:
                        results.append((f"{kind} on the reader", contrast(rgb(colour), background)))
                        results.append((f"{kind} in a claim", contrast(rgb(colour), claim)))
                highlight = reader._highlight_style()
                results.append(("selected fact", contrast(rgb(highlight.color), rgb(highlight.bgcolor))))
                events = screen.events
                for style in COLUMN_STYLES:
                    colour = events.column_style(style).color
                    results.append((f"{style} column", contrast(rgb(colour), rgb(events.rich_style.bgcolor))))
                found[name] = results
        return found

    return asyncio.run(measure())


@pytest.mark.parametrize("theme", THEMES)
def test_every_coloured_text_reads_well(measured, theme):
    faint = [(what, round(ratio, 2)) for what, ratio in measured[theme] if ratio < 4.5]
    assert faint == []
    assert len(measured[theme]) >= 2 * 6 + 1 + len(COLUMN_STYLES)  # six coloured span kinds


def test_readable_moves_a_faint_colour_just_far_enough():
    white, grey = (255, 255, 255), (150, 150, 150)
    from rich.color_triplet import ColorTriplet

    moved = readable_rgb(ColorTriplet(*grey), [ColorTriplet(*white)])
    assert contrast(moved, ColorTriplet(*white)) >= 4.5
    assert moved != ColorTriplet(0, 0, 0)  # darker, not black
    assert readable_rgb(ColorTriplet(20, 20, 20), [ColorTriplet(*white)]) == ColorTriplet(20, 20, 20)
