"""The reader: one article's text with every extracted span styled by kind, one span highlighted.

Text is wrapped by offsets (each screen line is a ``(start, end)`` slice of the stored text), so a
span's offsets map straight onto lines and a megabyte-long article or line costs one pass to wrap
and then only the lines on screen to draw. Text is drawn as data: control characters are shown as
``\N{REPLACEMENT CHARACTER}`` (one for one, so offsets hold) and nothing is parsed as markup.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from extract.sentences import split_sentences
from store.queries import ArticleSpan, ArticleView
from tui.colours import readable
from tui.widgets.safe_text import visible

LONG_SPAN = 400  # characters; longer spans are few and checked on every line

SPAN_KINDS = ("event", "claim", "cue", "place", "person", "organization", "group", "casualty")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Screen lines of ``text`` at ``width`` columns, as ``(start, end)`` offsets into it.

    ``text`` is the text as shown (``visible``): control characters already made printable.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while True:
        newline = text.find("\n", start)
        end = n if newline == -1 else newline
        if start == end:
            lines.append((start, start))
        if not _one_cell_each(text, start, end):
            lines += _wrap_cells(text, start, end, width)
            start = end + 1
            if newline == -1:
                return lines
            continue
        s = start
        while s < end:
            if end - s <= width:
                lines.append((s, end))
                break
            cut = text.rfind(" ", s, s + width + 1)
            if cut <= s:
                lines.append((s, s + width))
                s += width
            else:
                lines.append((s, cut))
                s = cut + 1
        if newline == -1:
            return lines
        start = newline + 1


def _one_cell_each(text: str, start: int, end: int) -> bool:
    """Whether every character of ``text[start:end]`` takes one terminal cell."""
    part = text[start:end]
    return part.isascii() or cell_len(part) == len(part)


def _wrap_cells(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Wrap a paragraph with wide (CJK) or zero-width characters by cells, not code points."""
    lines: list[tuple[int, int]] = []
    line_start, cells, last_space = start, 0, -1
    for i in range(start, end):
        char = text[i]
        size = get_character_cell_size(char)
        if cells + size > width and i > line_start:
            if last_space > line_start:
                lines.append((line_start, last_space))
                line_start = last_space + 1
            else:
                lines.append((line_start, i))
                line_start = i
            cells = sum(get_character_cell_size(c) for c in text[line_start:i])
            last_space = -1
        if char == " ":
            last_space = i
        cells += size
    lines.append((line_start, end))
    return lines


class Reader(ScrollView, can_focus=True):
    """Shows one ``ArticleView``; ``highlight(start, end)`` marks a span and scrolls to it."""

    COMPONENT_CLASSES = {f"reader--{kind}" for kind in SPAN_KINDS} | {
        "reader--highlight",
        "reader--placeholder",
    }

    BINDINGS = [
        Binding("down,j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
        Binding(
            "right_parenthesis",
            "next_sentence",
            "Next sentence",
            key_display=")",
            show=False,
            id="reader.next_sentence",
        ),
        Binding(
            "left_parenthesis",
            "previous_sentence",
            "Previous sentence",
            key_display="(",
            show=False,
            id="reader.previous_sentence",
        ),
        Binding("a", "screen.add_event", "Add an event from this sentence", id="judge.add_event"),
        Binding("n", "screen.judge_note('reader')", "Note on the article", show=False, id="judge.note"),
        Binding("t", "screen.judge_tag('reader')", "Tag the article", show=False, id="judge.tag"),
    ]

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: ArticleView | None = None
        self.placeholder = placeholder
        self.highlighted: tuple[int, int] | None = None
        self._lines: list[tuple[int, int]] = []
        self._shown = ""
        self._line_starts: list[int] = []
        self._wrap_width = -1
        # spans by start for bisecting; long spans (a claim over a whole paragraph) apart, so
        # that finding the spans on a line never walks back over a long stretch of short ones
        self._short: list[ArticleSpan] = []
        self._short_starts: list[int] = []
        self._long: list[ArticleSpan] = []
        self._strips: LRUCache[tuple[int, int, tuple[int, int] | None], Strip] = LRUCache(512)
        self._span_styles: dict[str, Style] = {}  # per theme: cleared when styles change
        self._sentences: list[tuple[int, int]] | None = None  # of the article shown, found when first asked

    def show(self, article: ArticleView | None, highlight: tuple[int, int] | None = None) -> None:
        """Show ``article`` (None: the placeholder), with ``highlight`` marked and in view."""
        self.article = article
        self._sentences = None
        self._shown = visible(article.text) if article else ""  # same offsets, controls shown
        self.highlighted = None
        self._wrap_width = -1
        spans = article.spans if article else []
        self._short = [s for s in spans if s.end - s.start <= LONG_SPAN]
        self._short_starts = [s.start for s in self._short]
        self._long = [s for s in spans if s.end - s.start > LONG_SPAN]
        self._strips.clear()
        self._rewrap()
        self.scroll_to(y=0, animate=False, immediate=True)
        if highlight is not None:
            self.highlight(*highlight)
        self.refresh()

    def highlight(self, start: int, end: int) -> None:
        """Mark ``text[start:end]`` strongly and scroll it into view."""
        self.highlighted = (start, end)
        self._strips.clear()
        self._rewrap()
        line = self.line_of(start)
        height = self.scrollable_content_region.height or 10
        top = int(self.scroll_y)
        last = self.line_of(max(start, end - 1))
        if line < top or last >= top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
        self.refresh()

    # ---------------------------------------------------------------- the sentence cursor

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """The article's sentences as (start, end) offsets, in order."""
        if self._sentences is None:
            self._sentences = [(s.start, s.end) for s in split_sentences(self.article.text)] if self.article else []
        return self._sentences

    @property
    def cursor_offset(self) -> int:
        """Where the reader's cursor is: the start of the highlighted span, else of the top line on screen."""
        if self.highlighted is not None:
            return self.highlighted[0]
        top = int(self.scroll_y)
        return self._lines[top][0] if top < len(self._lines) else 0

    def sentence_at_cursor(self) -> tuple[int, int] | None:
        """The sentence holding the cursor (the next one when the cursor is between sentences)."""
        offset = self.cursor_offset
        for start, end in self.sentences:
            if end > offset:
                return (start, end)
        return self.sentences[-1] if self.sentences else None

    def action_next_sentence(self) -> None:
        """`)`: highlight the sentence after the cursor's."""
        offset = self.cursor_offset
        following = [s for s in self.sentences if s[0] > offset]
        if self.highlighted is None:
            following = [s for s in self.sentences if s[0] >= offset]
        if following:
            self.highlight(*following[0])

    def action_previous_sentence(self) -> None:
        """`(`: highlight the sentence before the cursor (the start of its own, inside one)."""
        offset = self.cursor_offset
        before = [s for s in self.sentences if s[0] < offset]
        if before:
            self.highlight(*before[-1])

    def line_of(self, offset: int) -> int:
        """The screen line holding text offset ``offset``."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    @property
    def visible_text(self) -> str:
        """The lines on screen as plain text (for tests and for reading the screen)."""
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height
        if self.article is None:
            return self.placeholder
        return "\n".join(self._shown[s:e] for s, e in self._lines[top : top + height])

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrap_width:
            return
        self._wrap_width = width
        if self.article is None:
            self._lines = wrap_offsets(self.placeholder, width)
        else:
            self._lines = wrap_offsets(self._shown, width)
        self._line_starts = [s for s, _ in self._lines]
        self._strips.clear()
        self.virtual_size = Size(0, len(self._lines))

    def on_resize(self) -> None:
        self._rewrap()
        if self.highlighted is not None:
            # keep the highlighted span in view, once the new size is laid out (the scroll position
            # is kept in lines, and the lines changed)
            self.call_after_refresh(self._keep_highlight_in_view)
        self.refresh()

    def _keep_highlight_in_view(self) -> None:
        if self.highlighted is not None:
            self.highlight(*self.highlighted)

    def _spans_in(self, start: int, end: int) -> list[ArticleSpan]:
        if self.article is None:
            return []
        lo = bisect_left(self._short_starts, start - LONG_SPAN)
        hi = bisect_left(self._short_starts, end)
        found = [s for s in self._short[lo:hi] if s.end > start]
        found += [s for s in self._long if s.start < end and s.end > start]
        return sorted(found, key=lambda s: (s.start, -s.end))

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_y) + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        key = (index, width, self.highlighted)
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        start, end = self._lines[index]
        if self.article is None:
            text = Text(visible(self.placeholder[start:end]), end="")
            style = base + self.get_component_rich_style("reader--placeholder")
            segments = list(text.render(self.app.console, end=""))
            return Strip(Segment.apply_style(segments, style)).adjust_cell_length(width, style)
        text = Text(self._shown[start:end], end="", no_wrap=True)
        for span in self._spans_in(start, end):
            text.stylize(self._style(span.kind), max(span.start, start) - start, min(span.end, end) - start)
        if self.highlighted is not None:
            h_start, h_end = self.highlighted
            if h_start < end and h_end > start or (h_start == h_end == start):
                text.stylize(
                    self._highlight_style(),
                    max(h_start, start) - start,
                    min(h_end, end) - start,
                )
        segments = list(text.render(self.app.console, end=""))
        strip = Strip(Segment.apply_style(segments, base)).adjust_cell_length(width, base)
        self._strips[key] = strip
        return strip

    def legend(self) -> Text:
        """What each colour in the reader means, drawn in those colours."""
        names = {
            "place": "place",
            "person": "person",
            "organization": "organisation",
            "group": "group",
            "casualty": "casualty figure",
            "cue": "claim cue",
            "claim": "what is claimed",
            "event": "event evidence",
        }
        legend = Text()
        for kind, name in names.items():
            legend.append(name, self._style(kind))
            legend.append("  ")
        legend.append("selected fact", self._highlight_style())
        return legend

    def _style(self, kind: str) -> Style:
        """A span's style: the theme's colour for its kind, made readable on the reader's
        background and on a claim's (where most spans sit)."""
        style = self._span_styles.get(kind)
        if style is None:
            name = f"reader--{kind}" if kind in SPAN_KINDS else "reader--organization"
            style = self.get_component_rich_style(name, partial=True)
            claim = self.get_component_rich_style("reader--claim", partial=True).bgcolor
            style = self._span_styles[kind] = readable(style, [self.rich_style.bgcolor, claim])
        return style

    def _highlight_style(self) -> Style:
        """The selected fact: the theme's highlight, its text made readable on it."""
        style = self._span_styles.get("-highlight")
        if style is None:
            style = self.get_component_rich_style("reader--highlight")
            style = self._span_styles["-highlight"] = readable(style, [style.bgcolor])
        return style

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: draw every line again in the new colours."""
        super().notify_style_update()
        self._span_styles.clear()
        self._strips.clear()
