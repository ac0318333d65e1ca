"""Ingest: paths in, articles and their facts stored; never stops on bad input.

Files and folders are read one after another (``store.readers``); each new article (by the
sha256 of its stored text) goes to extraction, in a process pool across the cores when there is
more than a handful; the single writer stores chunks of articles, one transaction per chunk, in
input order. A ``kill -9`` therefore leaves whole chunks or nothing, and running the same ingest
again adds exactly what was missing.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import sqlite_utils

from extract.model import Extraction
from store.readers import KNOWN_SUFFIXES, RawArticle, Rejection, format_of, read_data, read_jsonl, read_path
from store.writer import text_hash, write_article

CHUNK = 32  # articles per extraction task and per write transaction
POOL_THRESHOLD = 2 * CHUNK  # fewer new articles than this are extracted in-process


@dataclass
class IngestSummary:
    added: int = 0
    present: int = 0
    rejected: int = 0
    dropped_facts: int = 0

    def line(self) -> str:
        return f"added {self.added}, already present {self.present}, rejected {self.rejected}"

    def to_dict(self) -> dict:
        return {"added": self.added, "already_present": self.present, "rejected": self.rejected}


# --- extraction, in the worker processes ------------------------------------------------------

def _extractor() -> Callable[[str, str | None], Extraction]:
    try:
        from extract.pipeline import extract_article
    except ModuleNotFoundError as error:  # TEMPORARY until the extraction pipeline lands
        if error.name != "extract.pipeline":
            raise
        return lambda text, published: Extraction()
    return extract_article


def extract_chunk(items: list[tuple[str, str | None]]) -> list[Extraction | str]:
    """Extraction of each (text, published); a failure becomes its one-line reason."""
    extract_article = _extractor()
    results: list[Extraction | str] = []
    for text, published in items:
        try:
            results.append(extract_article(text, published[:10] if published else None))
        except Exception as error:  # one bad article must not sink the chunk
            message = str(error).splitlines()[0][:200] if str(error) else ""
            results.append(f"extraction failed ({type(error).__name__}{': ' + message if message else ''})")
    return results


# --- inputs -------------------------------------------------------------------------------------

def _folder_files(folder: Path) -> Iterator[Path | Rejection]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_SUFFIXES:
                yield Path(root) / name
    for error in errors:
        yield Rejection(str(error.filename), f"cannot read folder ({error.strerror or error})")


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[RawArticle | Rejection]:
    """Every article (or rejection) from the paths given on the command line, in order."""
    for given in paths:
        if given == "-":
            yield from read_jsonl(stdin if stdin is not None else sys.stdin.buffer, "stdin")
            continue
        path = Path(given)
        if path.is_dir():
            found = False
            for item in _folder_files(path):
                if isinstance(item, Rejection):
                    yield item
                    continue
                found = True
                yield from read_path(item, item.relative_to(path).as_posix())
            if not found:
                yield Rejection(given, "no article files found in this folder "
                                       "(.txt .md .html .htm .jsonl .ndjson .xml .rss .atom)")
        elif not path.exists() and not path.is_symlink():
            yield Rejection(given, "no such file or folder")
        else:
            yield from read_path(path, given)


def read_seeds() -> Iterator[RawArticle | Rejection]:
    """The articles bundled in the ``seeds`` package."""
    for item in sorted(resources.files("seeds").iterdir(), key=lambda t: t.name):
        suffix = Path(item.name).suffix.lower()
        if item.is_file() and suffix in KNOWN_SUFFIXES:
            data = item.read_bytes()
            yield from read_data(data, f"seeds/{item.name}", format_of(Path(item.name), data[:4096]))


# --- the run -----------------------------------------------------------------------------------

def _chunks(items: Iterator[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    chunk: list[RawArticle] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest_articles(
    db: sqlite_utils.Database,
    items: Iterable[RawArticle | Rejection],
    *,
    on_reject: Callable[[Rejection], None] = lambda r: None,
    on_progress: Callable[[IngestSummary], None] = lambda s: None,
    workers: int | None = None,
) -> IngestSummary:
    """Store every new article from ``items``; rejections are reported and counted."""
    summary = IngestSummary()
    conn = db.conn
    seen: set[str] = set()

    def new_articles() -> Iterator[RawArticle]:
        for item in items:
            if isinstance(item, Rejection):
                summary.rejected += 1
                on_reject(item)
                on_progress(summary)
                continue
            digest = text_hash(item.text)
            if digest in seen or conn.execute("SELECT 1 FROM articles WHERE hash = ?", (digest,)).fetchone():
                summary.present += 1
                on_progress(summary)
                continue
            seen.add(digest)
            yield item

    def write(chunk: list[RawArticle], results: list[Extraction | str]) -> None:
        with db.atomic():
            for article, result in zip(chunk, results):
                if isinstance(result, str):
                    summary.rejected += 1
                    on_reject(Rejection(article.ref, result))
                    continue
                report = write_article(conn, article, result)
                if report.article_id is None:
                    summary.present += 1
                else:
                    summary.added += 1
                    summary.dropped_facts += len(report.dropped)
        on_progress(summary)

    def payload(chunk: list[RawArticle]) -> list[tuple[str, str | None]]:
        return [(a.text, a.published) for a in chunk]

    chunks = _chunks(new_articles(), CHUNK)
    head: list[list[RawArticle]] = []
    for chunk in chunks:  # read ahead: a handful of articles is not worth a process pool
        head.append(chunk)
        if sum(map(len, head)) >= POOL_THRESHOLD:
            break
    if sum(map(len, head)) < POOL_THRESHOLD or workers == 0:
        for chunk in _concat(head, chunks):
            write(chunk, extract_chunk(payload(chunk)))
        return summary

    workers = workers or os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers) as pool:
        inflight: deque[tuple[list[RawArticle], Future]] = deque()

        def finish_oldest() -> None:
            chunk, future = inflight.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:  # a worker died (out of memory?): do this chunk here
                results = extract_chunk(payload(chunk))
            write(chunk, results)

        broken = False
        for chunk in _concat(head, chunks):
            if broken:
                write(chunk, extract_chunk(payload(chunk)))
                continue
            try:
                inflight.append((chunk, pool.submit(extract_chunk, payload(chunk))))
            except BrokenProcessPool:
                broken = True
                write(chunk, extract_chunk(payload(chunk)))
                continue
            while len(inflight) > 2 * workers:
                finish_oldest()
        while inflight:
            finish_oldest()
    return summary


def _concat(head: list[list[RawArticle]], rest: Iterator[list[RawArticle]]) -> Iterator[list[RawArticle]]:
    yield from head
    yield from rest


def ingest_paths(
    db: sqlite_utils.Database, paths: Iterable[str], *, stdin: BinaryIO | None = None, **options
) -> IngestSummary:
    return ingest_articles(db, read_inputs(paths, stdin), **options)


def build_from_seeds(db: sqlite_utils.Database, **options) -> IngestSummary:
    return ingest_articles(db, read_seeds(), **options)
