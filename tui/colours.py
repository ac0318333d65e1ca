"""Colours that read well on any theme.

The reader's span colours and the lists' column colours are the theme's own (``$text-primary``,
``$text-error``, ... in sitrep.tcss). Some themes make one of them faint on their own background
(atom-one-light's success and warning colours have a contrast of 2.5 on its surface), so
``readable`` moves such a colour towards black or white, just far enough to reach WCAG's 4.5:1
against every background it is drawn on. Colours a theme gives as ANSI names are left alone: the
terminal's palette decides how they look.
"""

from __future__ import annotations

from rich.color import Color, ColorType
from rich.color_triplet import ColorTriplet
from rich.style import Style

MINIMUM_CONTRAST = 4.5  # WCAG 2 AA for text

_BLACK = ColorTriplet(0, 0, 0)
_WHITE = ColorTriplet(255, 255, 255)


def _channel(value: int) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb: ColorTriplet) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    return 0.2126 * _channel(rgb.red) + 0.7152 * _channel(rgb.green) + 0.0722 * _channel(rgb.blue)


def contrast(a: ColorTriplet, b: ColorTriplet) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _blend(a: ColorTriplet, b: ColorTriplet, amount: float) -> ColorTriplet:
    return ColorTriplet(*(round(x + (y - x) * amount) for x, y in zip(a, b)))


def readable_rgb(
    colour: ColorTriplet, backgrounds: list[ColorTriplet], minimum: float = MINIMUM_CONTRAST
) -> ColorTriplet:
    """``colour``, or the nearest colour towards black (on light backgrounds) or white (on dark
    ones) whose contrast with every one of ``backgrounds`` is at least ``minimum``."""
    if all(contrast(colour, bg) >= minimum for bg in backgrounds):
        return colour
    light = sum(luminance(bg) for bg in backgrounds) / len(backgrounds) > 0.18  # mid-grey on the WCAG scale
    target = _BLACK if light else _WHITE
    for step in range(1, 21):
        moved = _blend(colour, target, step / 20)
        if all(contrast(moved, bg) >= minimum for bg in backgrounds):
            return moved
    return target


def _truecolor(colour: Color | None) -> ColorTriplet | None:
    if colour is None or colour.type not in (ColorType.TRUECOLOR, ColorType.EIGHT_BIT):
        return None
    return colour.get_truecolor()


def readable(style: Style, backgrounds: list[Color | None], minimum: float = MINIMUM_CONTRAST) -> Style:
    """``style`` with its colour made readable on each of ``backgrounds`` (see ``readable_rgb``);
    unchanged when it has no colour or a colour or background is an ANSI name."""
    colour = _truecolor(style.color)
    grounds = [_truecolor(bg) for bg in backgrounds if bg is not None]
    if colour is None or not grounds or None in grounds:
        return style
    better = readable_rgb(colour, grounds, minimum)
    if better == colour:
        return style
    return style + Style(color=Color.from_triplet(better))
