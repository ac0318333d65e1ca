"""Messages the browser's widgets and workers post. Results carry the query they answer, so a
receiver can drop answers to questions nobody is asking any more."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from store.queries import ArticleView, ListQuery


@dataclass
class CountLoaded(Message):
    """How many rows ``query`` has (generation ``generation`` of a list)."""

    query: ListQuery
    generation: int
    total: int


@dataclass
class PageLoaded(Message):
    """Rows of page ``page`` of ``query``."""

    query: ListQuery
    generation: int
    page: int
    rows: list[dict[str, Any]]
    keys: list[tuple[Any, ...]]


@dataclass
class QueryFailed(Message):
    """A query could not run; ``reason`` is one line for the user."""

    query: Any
    reason: str


@dataclass
class ArticleLoaded(Message):
    """The article ``article_id`` (None when it no longer exists), for request ``request``."""

    article_id: int
    request: int
    article: ArticleView | None


@dataclass
class StoreChanged(Message):
    """Another connection committed to the store (a live ingest)."""

    version: tuple[int, int, int]


@dataclass
class SearchAnswered(Message):
    """Results of search ``query`` (each a ``store.search.SearchResult``), or why it failed
    (``error``, one line for the user)."""

    query: str
    results: list[Any]
    error: str | None = None
