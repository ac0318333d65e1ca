"""How the browser words things: counts (``plural``), a name found (``describe``) and an article
found by its text (``describe_hit``), each on its line.

Names, titles and snippets are data: they go into ``Content`` as plain text, never as markup.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content

from tui.widgets.safe_text import one_line

SNIPPET_CHARS = 240  # at most this much of a snippet is shown (about two lines)
TITLE_CHARS = 56  # of an article's title in a result (one line at 80 columns)


def describe_hit(hit: dict[str, Any]) -> Content:
    """An article found by its text: its date and title, then the snippet with the words that
    matched highlighted (by offset: the text is data, never markup)."""
    title = one_line(hit.get("title") or hit.get("ref") or "")
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    head = Content.assemble(
        (f"{'article':<13}", "$accent"), ((hit.get("published") or "")[:10], "dim"), "  ", (title, "bold")
    )
    snippet = one_line(hit.get("snippet") or "")
    marks = hit.get("marks") or []
    cut = 0
    if len(snippet) > SNIPPET_CHARS:  # (a word thousands of letters long would fill the list)
        cut = max(0, min((marks[0][0] if marks else 0) - SNIPPET_CHARS // 4, len(snippet) - SNIPPET_CHARS))
        snippet = snippet[cut : cut + SNIPPET_CHARS]
    body = Content("  …" + snippet + "…")
    for start, end in marks:
        start, end = max(start - cut, 0), min(end - cut, len(snippet))
        if start < end:
            body = body.stylize("bold reverse", start + 3, end + 3)
    return Content("\n").join([head, body])


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def describe(result: dict[str, Any]) -> Content:
    """One result as a line: type, name (and the alias that matched), counts. Names are data."""
    matched = result.get("matched") or ""
    alias = f" (as {matched})" if matched and matched != result["name"] else ""
    if result["kind"] == "source":
        counts = plural(result.get("mentions") or 0, "claim")
    else:
        counts = f"{plural(result.get('mentions') or 0, 'mention')}, {plural(result.get('events') or 0, 'event')}"
    return Content.assemble(
        (f"{result.get('type') or result['kind']:<13}", "$accent"),
        (one_line(result["name"]), "bold"),
        one_line(alias),
        (f"  {counts}", "dim"),
    )
