"""Short labels the panes show for extracted facts (kept in the store beside the facts)."""

from __future__ import annotations

from extract.model import CASUALTY_WORDS

QUALIFIER_SIGNS = {"exact": "", "at least": "≥", "more than": ">", "about": "~", "up to": "≤", "vague": "≥"}


def casualty_label(kind: str, low: int | None, high: int | None, qualifier: str) -> str:
    """'≥30 killed/wounded', '3–5 killed', 'killed' (no number given)."""
    word = CASUALTY_WORDS.get(kind, kind)
    if qualifier == "range" and low is not None and high is not None:
        number = f"{low}–{high}"
    elif low is not None:
        number = f"{QUALIFIER_SIGNS.get(qualifier, '')}{low}"
    elif high is not None:
        number = f"≤{high}"
    else:
        return word
    return f"{number} {word}"
