"""A list of rows from the store that never loads the whole table.

``RowList`` is a ``ScrollView``: its virtual height is the row count (one ``COUNT(*)``), and
``render_line(y)`` draws row ``scroll_y + y`` from a page of rows read by keyset SQL in a thread
worker. Pages and drawn lines live in ``LRUCache``s, so scrolling a 100k-row list reads only the
pages that come into view. Answers carry the query and a generation number; stale ones are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from store import queries
from store.db import StoreError
from store.queries import ListQuery
from tui.colours import readable
from tui.messages import CountLoaded, PageLoaded, QueryFailed
from tui.widgets.safe_text import one_line

PAGE_SIZE = 100


@dataclass(frozen=True)
class Column:
    """One column: the row field it shows, its header, its width (0 takes what is left)."""

    key: str
    header: str
    width: int = 0
    style: str = ""  # a Rich style ("dim"), or a theme colour by its variable name ("$text-error")
    justify: str = "left"
    shrink: bool = True  # gives way first when the pane is narrow
    min_width: int = 5  # never narrower than this
    format: Callable[[dict[str, Any]], str] | None = None
    blank: tuple[str, ...] | None = None  # values that say nothing: hidden while every row read has one
    drop: int = 0  # when the pane is too narrow for every column, higher ones are hidden first (0: never)
    fit: bool = False  # as wide as the longest value read (at most ``width``), not always ``width``

    def value(self, row: dict[str, Any]) -> str:
        if self.format is not None:
            return self.format(row)
        value = row.get(self.key)
        return "" if value is None else str(value)


def _reason(error: Exception) -> str:
    """One line for the user: a store error says it all; others say what kind of error."""
    if isinstance(error, StoreError):
        return str(error)
    return f"{type(error).__name__}: {error}"


class RowList(ScrollView, can_focus=True):
    """A scrollable, keyset-paged list of the rows of one ``ListQuery``."""

    COMPONENT_CLASSES = {
        "row-list--header",
        "row-list--cursor",
        "row-list--cursor-blurred",
        "row-list--placeholder",
    }

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Open", id="list.open"),
    ]

    class Highlighted(Message):
        """The cursor is on ``row`` (index ``index``)."""

        def __init__(self, row_list: RowList, index: int, row: dict[str, Any]) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index
            self.row = row

        @property
        def control(self) -> RowList:
            return self.row_list

    class Opened(Highlighted):
        """Enter was pressed on ``row``."""

    class Counted(Message):
        """The list now knows it has ``total`` rows."""

        def __init__(self, row_list: RowList, total: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.total = total

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(
        self,
        db_path: str,
        query: ListQuery,
        columns: list[Column],
        *,
        empty_text: str = "Nothing here.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.db_path = db_path
        self.query = query
        self.columns = columns
        self.empty_text = empty_text
        self.generation = 0
        self.total: int | None = None  # None until the count arrives
        self.cursor = 0
        self.rows_fetched = 0  # rows read from the store so far (tests prove laziness with it)
        self.error: str | None = None
        self._pages: LRUCache[int, list[dict[str, Any]]] = LRUCache(64)
        self._anchors: dict[int, tuple[Any, ...]] = {}
        self._strips: LRUCache[tuple[Any, ...], Strip] = LRUCache(1024)
        self._column_styles: dict[str, Style] = {}  # per theme: cleared when styles change
        self._wanted: set[int] = set()
        self._in_flight: set[int] = set()  # pages the current page worker is reading
        self._widths: dict[tuple, list[int]] = {}
        self._said: set[int] = set()  # columns with a value that says something, in a row read
        self._fitted: dict[int, int] = {}  # fit columns: the widest value read
        self._load_scheduled = False
        self._announce_pending = False

    # ---------------------------------------------------------------- the query

    def on_mount(self) -> None:
        self._reload()

    def set_query(self, query: ListQuery, cursor: int = 0, *, quiet: bool = False) -> None:
        """Show the rows of ``query`` with the cursor on row ``cursor``.

        ``quiet``: do not announce the first row under the cursor (the caller already shows it).
        """
        self.query = query
        self.cursor = max(0, cursor)
        self._reload()
        self._announce_pending = not quiet

    def set_columns(self, columns: list[Column]) -> None:
        """Draw the rows with other columns (the facts pane shows an incident's versions so)."""
        if columns == self.columns:
            return
        self.columns = columns
        self._widths.clear()
        self._strips.clear()
        self.refresh()

    def reload(self, announce: bool = False) -> None:
        """Read the list again (the store changed).

        The rows on screen stay until the new count arrives; then the cursor and the scroll
        position keep their row numbers and nothing is announced, so a live ingest in another
        terminal does not move what the user is looking at. ``announce``: the row then under the
        cursor is announced (the user's own change moved another row under it).
        """
        self.generation += 1
        self._in_flight.clear()
        self._announce_pending = self._announce_pending or announce
        self._fetch_count(self.query, self.generation)

    def _reload(self) -> None:
        self.generation += 1
        self.total = None
        self.error = None
        self._pages.clear()
        self._anchors.clear()
        self._strips.clear()
        self._wanted.clear()
        self._in_flight.clear()
        self._said.clear()
        self._fitted.clear()
        self._announce_pending = True
        self.virtual_size = Size(0, 2)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()
        self._fetch_count(self.query, self.generation)
        self._want(self.cursor // PAGE_SIZE)  # read alongside the count, not after it

    @work(thread=True, exclusive=True, group="count", exit_on_error=False)
    def _fetch_count(self, query: ListQuery, generation: int) -> None:
        try:
            conn = queries.connect_readonly(self.db_path)
            try:
                total = queries.count(conn, query)
            finally:
                conn.close()
        except Exception as error:  # noqa: BLE001 - shown to the user as one line
            self.post_message(QueryFailed(query, _reason(error)))
            return
        self.post_message(CountLoaded(query, generation, total))

    @work(thread=True, exclusive=True, group="pages", exit_on_error=False)
    def _fetch_pages(self, query: ListQuery, generation: int, pages: list[int], anchors: dict[int, tuple]) -> None:
        worker = get_current_worker()
        try:
            conn = queries.connect_readonly(self.db_path)
        except Exception as error:  # noqa: BLE001
            self.post_message(QueryFailed(query, _reason(error)))
            return
        try:
            for page in pages:
                if worker.is_cancelled:
                    return
                if page == 0:
                    after = None
                elif page in anchors:
                    after = anchors[page]
                else:
                    after = queries.anchor_at(conn, query, page * PAGE_SIZE)
                result = queries.page_after(conn, query, after, PAGE_SIZE)
                if result.keys:
                    anchors[page + 1] = result.keys[-1]
                self.post_message(PageLoaded(query, generation, page, result.rows, result.keys))
        except Exception as error:  # noqa: BLE001
            self.post_message(QueryFailed(query, _reason(error)))
        finally:
            conn.close()

    def _current(self, message: CountLoaded | PageLoaded) -> bool:
        return message.generation == self.generation and message.query == self.query

    def on_count_loaded(self, message: CountLoaded) -> None:
        message.stop()
        if not self._current(message):
            return
        refreshed = self.total is not None  # a reload: the pages held are from before
        if refreshed:
            self._pages.clear()
            self._anchors.clear()
            self.error = None
        self.total = message.total
        self.cursor = min(self.cursor, max(0, message.total - 1))
        self.virtual_size = Size(0, message.total + 1)
        self._strips.clear()
        self.post_message(self.Counted(self, message.total))
        if not refreshed:
            self._scroll_cursor_into_view()
        self.refresh()
        if self._announce_pending and self.cursor // PAGE_SIZE in self._pages:
            self._announce()  # the cursor's page came before the count

    def on_page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if not self._current(message):
            return
        self._in_flight.discard(message.page)
        self._pages[message.page] = message.rows
        self.rows_fetched += len(message.rows)
        self._note_said(message.rows)
        if message.keys:
            self._anchors[message.page + 1] = message.keys[-1]
        self.refresh()
        if self._announce_pending and message.page == self.cursor // PAGE_SIZE:
            self._announce()

    def on_query_failed(self, message: QueryFailed) -> None:
        message.stop()
        if message.query == self.query:
            self._in_flight.clear()
            self.error = message.reason
            self.total = 0
            self.virtual_size = Size(0, 2)
            self.refresh()
            self.post_message(self.Counted(self, 0))

    @property
    def idle(self) -> bool:
        """Whether the list has its count and asks for no page."""
        return self.total is not None and not self._load_scheduled and not self._wanted and not self._in_flight

    # ---------------------------------------------------------------- rows

    def row(self, index: int) -> dict[str, Any] | None:
        """The row at ``index`` if its page is loaded (otherwise asks for the page)."""
        page = self._pages.get(index // PAGE_SIZE)
        if page is None:
            self._want(index // PAGE_SIZE)
            return None
        offset = index % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    @property
    def current_row(self) -> dict[str, Any] | None:
        if not self.total:
            return None
        return self.row(self.cursor)

    def _prefetch(self, top: int) -> None:
        """Ask for the pages a screen above and below ``top`` so that scrolling finds them read."""
        span = self._visible_rows * 2
        for index in (top - span, top + span):
            page = index // PAGE_SIZE
            if 0 <= index < (self.total or 0) and page not in self._pages:
                self._want(page)

    def _want(self, page: int) -> None:
        self._wanted.add(page)
        if not self._load_scheduled:
            self._load_scheduled = True
            self.call_later(self._load_wanted)

    def _load_wanted(self) -> None:
        self._load_scheduled = False
        loaded = set(self._pages.keys())
        new = self._wanted - self._in_flight - loaded
        self._wanted.clear()
        if new:
            # the worker is exclusive: the one it replaces may not finish, so take its pages too
            self._in_flight = (self._in_flight - loaded) | new
            self._fetch_pages(self.query, self.generation, sorted(self._in_flight), dict(self._anchors))

    # ---------------------------------------------------------------- drawing

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _note_said(self, rows: list[dict[str, Any]]) -> None:
        """Remember which columns that may hide have a value that says something in ``rows``."""
        before = len(self._said)
        for i, column in enumerate(self.columns):
            if column.blank is not None and i not in self._said:
                if any(column.value(row) not in column.blank for row in rows):
                    self._said.add(i)
        changed = len(self._said) != before
        for i, column in enumerate(self.columns):
            if column.fit:
                widest = max((cell_len(one_line(column.value(row))) for row in rows), default=0)
                if widest > self._fitted.get(i, 0):
                    self._fitted[i] = widest
                    changed = True
        if changed:
            self._strips.clear()  # a column comes back or widens: every line is drawn again

    def visible_columns(self, width: int) -> list[int]:
        """The columns drawn at ``width``: not those that say nothing in any row read (an Outlet
        empty on every row, a reliability of F everywhere), and when the pane is too narrow for
        the rest at their least widths, the ones with the highest ``drop`` go first."""
        shown = [i for i, c in enumerate(self.columns) if c.blank is None or i in self._said]

        def least(i: int) -> int:
            column = self.columns[i]
            if not column.width:
                return max(8, column.min_width)
            return min(self._column_width(i), max(8 if column.shrink else 0, self._floor(i)))

        while sum(least(i) for i in shown) + len(shown) - 1 > width:
            droppable = [i for i in shown if self.columns[i].drop]
            if not droppable:
                break
            shown.remove(max(droppable, key=lambda i: (self.columns[i].drop, i)))
        return shown

    def _layout(self, width: int) -> list[int]:
        """Column widths for ``width`` cells (0 for a hidden column). When narrow, shrinkable
        columns give way first (widest first, down to 8), then the others (down to their
        ``min_width``); flexible columns keep their ``min_width`` (at least 8)."""
        shown = self.visible_columns(width)
        fitted = tuple(sorted(self._fitted.items()))
        cached = self._widths.get((width, tuple(shown), fitted))
        if cached is not None:
            return cached
        widths = [self._column_width(i) if i in shown else 0 for i in range(len(self.columns))]
        flexible = [i for i in shown if not self.columns[i].width]
        available = width - (len(shown) - 1) - sum(max(8, self.columns[i].min_width) for i in flexible)
        for candidates, floor in (
            ([i for i in shown if self.columns[i].width and self.columns[i].shrink], 8),
            ([i for i in shown if self.columns[i].width], 0),
        ):
            while sum(widths) > available:
                shrinkable = [i for i in candidates if widths[i] > max(floor, self._floor(i))]
                if not shrinkable:
                    break
                widths[max(shrinkable, key=lambda i: widths[i])] -= 1
        rest = max(1, width - (len(shown) - 1) - sum(widths))
        for i in flexible:
            widths[i] = rest // len(flexible)
        if not flexible and shown:  # no flexible column: the last one shown takes what is left
            widths[shown[-1]] += max(0, rest - 1)
        self._widths[(width, tuple(shown), fitted)] = widths
        return widths

    def _floor(self, i: int) -> int:
        """The least width of column ``i``: a column that fits its values and must not shrink
        (dates) keeps the widest value read."""
        column = self.columns[i]
        return self._column_width(i) if column.fit and not column.shrink else column.min_width

    def _column_width(self, i: int) -> int:
        column = self.columns[i]
        if not column.fit:
            return column.width
        return min(column.width, max(self._fitted.get(i, 0), cell_len(column.header), 1))

    def _line(self, cells: list[Text], width: int, style: Style) -> Strip:
        line = Text(no_wrap=True, end="")
        first = True
        for text, column_width in zip(cells, self._layout(width)):
            if not column_width:
                continue  # a hidden column
            if not first:
                line.append(" ")
            first = False
            text.truncate(column_width, overflow="ellipsis", pad=True)
            line.append_text(text)
        line.truncate(width, pad=True)
        segments = list(line.render(self.app.console, end=""))
        return Strip(Segment.apply_style(segments, style), width).crop(0, width)

    def _message_line(self, message: str, width: int, style: Style) -> Strip:
        text = Text(one_line(message), no_wrap=True, end="")
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(Segment.apply_style(list(text.render(self.app.console, end="")), style), width)

    def render_line(self, y: int) -> Strip:
        width = self._width
        base = self.rich_style
        if y == 0:
            key = ("header", width)
            strip = self._strips.get(key)
            if strip is None:
                header = self.get_component_rich_style("row-list--header")
                cells = [Text(c.header, justify=c.justify) for c in self.columns]
                strip = self._line(cells, width, base + header)
                self._strips[key] = strip
            return strip
        index = int(self.scroll_y) + y - 1
        placeholder = base + self.get_component_rich_style("row-list--placeholder")
        if self.total is None:
            text = "loading…" if y == 1 else ""
            return self._message_line(text, width, placeholder) if text else Strip.blank(width, base)
        if self.total == 0:
            if y == 1:
                message = self.error or self.empty_text
                return self._message_line(message, width, placeholder)
            return Strip.blank(width, base)
        if index >= self.total:
            return Strip.blank(width, base)
        if y == 1:
            self._prefetch(index)
        selected = index == self.cursor
        key = (index, selected, selected and self.has_focus, width)
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        row = self.row(index)
        if row is None:
            return self._message_line("loading…", width, placeholder)
        style = base
        if selected:
            style += self.get_component_rich_style("row-list--cursor" if self.has_focus else "row-list--cursor-blurred")
        cells = [
            # the cursor row is drawn in the cursor's colours: a column colour could vanish on it
            Text(
                one_line(c.value(row)),
                style="" if selected and c.style.startswith("$") else self.column_style(c.style),
                justify=c.justify,
                no_wrap=True,
            )
            for c in self.columns
        ]
        strip = self._line(cells, width, style)
        self._strips[key] = strip
        return strip

    def column_style(self, style: str) -> Style | str:
        """A column's style; a theme colour ("$text-warning") made readable on the list's background."""
        if not style.startswith("$"):
            return style
        resolved = self._column_styles.get(style)
        if resolved is None:
            background = self.styles.background
            colour = Color.parse(self.app.theme_variables[style[1:]])
            if colour.a < 1:
                colour = background + colour
            resolved = readable(Style(color=colour.rich_color), [self.rich_style.bgcolor])
            self._column_styles[style] = resolved
        return resolved

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: draw every row again in the new colours."""
        super().notify_style_update()
        self._column_styles.clear()
        self._strips.clear()

    def on_resize(self) -> None:
        self._strips.clear()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ---------------------------------------------------------------- the cursor

    @property
    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_cursor_into_view(self) -> None:
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + self._visible_rows:
            self.scroll_to(y=self.cursor - self._visible_rows + 1, animate=False, immediate=True)

    def move_cursor(self, index: int) -> None:
        if self.total is None:  # still counting (a new query): the move waits for the rows
            self.cursor = max(0, index)  # (kept within them when the count comes)
            self._announce_pending = True
            self._want(self.cursor // PAGE_SIZE)
            return
        if not self.total:
            return
        index = max(0, min(index, self.total - 1))
        if index == self.cursor:
            return
        old = self.cursor
        self.cursor = index
        self._scroll_cursor_into_view()
        self.refresh_line(old + 1)
        self.refresh_line(index + 1)
        self._announce()

    def _announce(self) -> None:
        row = self.row(self.cursor) if self.total else None
        if row is None:
            self._announce_pending = True
            return
        self._announce_pending = False
        self.post_message(self.Highlighted(self, self.cursor, row))

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self._visible_rows)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self._visible_rows)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        if self.total:
            self.move_cursor(self.total - 1)

    def action_open(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Opened(self, self.cursor, row))

    def on_click(self, event) -> None:  # a click moves the cursor to the clicked row
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        self.move_cursor(int(self.scroll_y) + offset.y - 1)
