"""Ingest: paths in, articles and their facts stored; never stops on bad input.

Inputs are read in order (``store.readers``; a folder of many files is read across the worker
pool, since HTML main-text extraction is costly). Each new article (by the sha256 of its stored
text) goes to extraction, in a process pool across the cores when there is more than a handful;
the single writer stores chunks of articles, one transaction per chunk, in input order. A
``kill -9`` therefore leaves whole chunks or nothing, and running the same ingest again adds
exactly what was missing.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from extract.gcpause import gc_settled
from extract.model import Extraction
from store.db import write_transaction
from store.filenames import shown_name
from store.readers import (
    JSONL_SUFFIXES,
    KNOWN_SUFFIXES,
    RawArticle,
    Rejection,
    format_of,
    read_data,
    read_jsonl,
    read_path,
)
from store.sketch import sketch
from store.writer import WriteCache, text_hash, write_article

CHUNK = 32  # articles per extraction task and per write transaction
POOL_THRESHOLD = 2 * CHUNK  # fewer new articles than this are extracted in-process
READ_BATCH = 8  # files per reading task in the pool
EXTRACTION_SECONDS = 120.0  # CPU seconds of one article's extraction; more is a rejection, not a hung ingest


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
    from extract.pipeline import extract_article

    return extract_article


class ExtractionTimeout(Exception):
    pass


def _on_timer(signum, frame):
    raise ExtractionTimeout


@contextmanager
def _cpu_limit(seconds: float) -> Iterator[None]:
    """Raise ExtractionTimeout after ``seconds`` of this process's CPU time (where the profiling
    timer exists and this is the main thread). CPU time, not wall clock: an article within the
    limit is not rejected because other processes held the cores."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _on_timer)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def extract_chunk(items: list[tuple[str, str | None]]) -> list[tuple[Extraction | str, bytes | None]]:
    """Extraction of each (text, published), with the text's reprint sketch; a failure becomes
    its one-line reason."""
    extract_article = _extractor()
    results: list[tuple[Extraction | str, bytes | None]] = []
    for text, published in items:
        try:
            with _cpu_limit(EXTRACTION_SECONDS):
                results.append((extract_article(text, published[:10] if published else None), sketch(text)))
        except ExtractionTimeout:
            results.append(
                (
                    f"extraction took more than {EXTRACTION_SECONDS:g} s of CPU time (article of {len(text):,} characters)",
                    None,
                )
            )
        except Exception as error:  # one bad article must not sink the chunk
            message = str(error).splitlines()[0][:200] if str(error) else ""
            results.append((f"extraction failed ({type(error).__name__}{': ' + message if message else ''})", None))
    return results


# --- inputs -------------------------------------------------------------------------------------


def _folder_files(folder: Path) -> Iterator[Path | Rejection]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_SUFFIXES:
                path = Path(root) / name
                if path.is_file():
                    yield path
                else:  # a FIFO or socket would block a reader; a broken link reads nothing
                    yield Rejection(shown_name(str(path)), "not a regular file")
    for error in errors:
        yield Rejection(shown_name(str(error.filename)), f"cannot read folder ({error.strerror or error})")


def _read_file_batch(pairs: list[tuple[str, str]]) -> list[RawArticle | Rejection]:
    """Read files in a worker process (HTML main-text extraction is worth spreading)."""
    return [item for path, ref in pairs for item in read_path(Path(path), ref)]


def _read_files(pairs: list[tuple[Path, str]], workers: Workers | None) -> Iterator[RawArticle | Rejection]:
    """Read files in order; a long run of non-JSON-Lines files is read across the worker pool."""
    if workers is None or len(pairs) < POOL_THRESHOLD:
        for path, ref in pairs:
            yield from read_path(path, ref)
        return
    inflight: deque[tuple[list[tuple[str, str]], Future | None]] = deque()

    def oldest() -> list[RawArticle | Rejection]:
        batch, future = inflight.popleft()
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                pass
        return _read_file_batch(batch)

    batch: list[tuple[str, str]] = []
    for index, (path, ref) in enumerate(pairs):
        if path.suffix.lower() in JSONL_SUFFIXES:  # streamed here, in bounded memory
            while inflight:
                yield from oldest()
            if batch:
                yield from _read_file_batch(batch)
                batch = []
            yield from read_path(path, ref)
            continue
        batch.append((str(path), ref))
        if len(batch) == READ_BATCH or index == len(pairs) - 1:
            inflight.append((batch, workers.submit(_read_file_batch, batch)))
            batch = []
            while len(inflight) > 2 * workers.count:
                yield from oldest()
    while inflight:
        yield from oldest()


def read_inputs(
    paths: Iterable[str], stdin: BinaryIO | None = None, workers: Workers | None = None
) -> Iterator[RawArticle | Rejection]:
    """Every article (or rejection) from the paths given on the command line, in order. A path is
    named (in a rejection, in an article's ``ref``) with its bytes that are not UTF-8 escaped."""
    for given in paths:
        if given == "-":
            yield from read_jsonl(stdin if stdin is not None else sys.stdin.buffer, "stdin")
            continue
        path, given = Path(given), shown_name(given)
        if path.is_dir():
            pairs: list[tuple[Path, str]] = []
            refused = False
            for item in _folder_files(path):
                if isinstance(item, Rejection):
                    refused = True
                    yield item
                else:
                    pairs.append((item, shown_name(item.relative_to(path).as_posix())))
            if not pairs and not refused:  # (a folder that cannot be read is said once, above)
                yield Rejection(
                    given, "no article files found in this folder (.txt .md .html .htm .jsonl .ndjson .xml .rss .atom)"
                )
            for item in _read_files(pairs, workers):  # a rejection names the file as the user can find it
                if isinstance(item, Rejection):
                    file = os.path.join(given, item.file) if item.file is not None else None
                    yield Rejection(os.path.join(given, item.where), item.reason, file)
                else:
                    yield item
        elif not path.exists() and not path.is_symlink():
            yield Rejection(given, "no such file or folder")
        else:
            yield from read_path(path, given)


def estimate_total(paths: Iterable[str]) -> int | None:
    """About how many articles ``paths`` hold (files, plus lines of JSON Lines files), for a
    progress bar; None when it cannot be known (stdin)."""
    total = 0
    for given in paths:
        if given == "-":
            return None
        path = Path(given)
        files = [f for f in _folder_files(path) if isinstance(f, Path)] if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with open(file, "rb") as stream:
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
                except OSError:
                    total += 1
            else:
                total += 1
    return total


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


def _exit_with_parent() -> None:
    """In a worker: end when the process that started it is gone (an ingest killed with -9 leaves
    no orphans holding the store open or blocked writing to a pipe nobody reads)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="sitrep-orphan-watch", daemon=True).start()


ORPHAN_CHECK_SECONDS = 1.0


class Workers:
    """A process pool started on first use; after a crash of the pool, work runs in-process."""

    def __init__(self, count: int | None = None):
        self.count = count or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False

    def submit(self, fn, arg) -> Future | None:
        """A future for ``fn(arg)``, or None when the caller should run it itself."""
        if self._broken:
            return None
        try:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=self.count, initializer=_exit_with_parent)
            return self._pool.submit(fn, arg)
        except BrokenProcessPool:
            self._broken = True
            return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def ingest_articles(
    conn: sqlite3.Connection,
    items: Iterable[RawArticle | Rejection],
    *,
    on_reject: Callable[[Rejection], None] = lambda r: None,
    on_progress: Callable[[IngestSummary], None] = lambda s: None,
    workers: int | Workers | None = None,
) -> IngestSummary:
    """Store every new article from ``items``; rejections are reported and counted.

    ``workers``: 0 extracts in this process; a number (default: the cores) or a ``Workers``
    pool extracts in worker processes when there are more than a handful of new articles.
    """
    with gc_settled() as settle:  # what the writer keeps is walked by the collector once
        return _ingest_articles(conn, items, on_reject, on_progress, workers, settle)


def _ingest_articles(
    conn: sqlite3.Connection,
    items: Iterable[RawArticle | Rejection],
    on_reject: Callable[[Rejection], None],
    on_progress: Callable[[IngestSummary], None],
    workers: int | Workers | None,
    settle: Callable[[], None],
) -> IngestSummary:
    summary = IngestSummary()
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

    cache = WriteCache()

    def write(chunk: list[RawArticle], results: list[tuple[Extraction | str, bytes | None]]) -> None:
        counts = IngestSummary()
        rejections: list[Rejection] = []
        try:
            with write_transaction(conn):
                for article, (result, signature) in zip(chunk, results):
                    if isinstance(result, str):
                        counts.rejected += 1
                        rejections.append(Rejection(article.ref, result))
                        continue
                    report = write_article(conn, article, result, cache, signature)
                    if report.article_id is None:
                        counts.present += 1
                    else:
                        counts.added += 1
                        counts.dropped_facts += len(report.dropped)
                cache.grouper.flush(conn, summaries=None)  # incidents' display fields every 2 s
        except BaseException:
            cache.clear()  # ids learned in the rolled-back transaction are gone
            raise
        summary.added += counts.added
        summary.present += counts.present
        summary.rejected += counts.rejected
        summary.dropped_facts += counts.dropped_facts
        for rejection in rejections:
            on_reject(rejection)
        on_progress(summary)
        settle()

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
        _refresh_incidents(conn)
        return summary

    pool = workers if isinstance(workers, Workers) else Workers(workers)
    inflight: deque[tuple[list[RawArticle], Future | None]] = deque()

    def finish_oldest() -> None:
        chunk, future = inflight.popleft()
        results = None
        if future is not None:
            try:
                results = future.result()
            except BrokenProcessPool:  # a worker died (out of memory?): do this chunk here
                pass
        write(chunk, results if results is not None else extract_chunk(payload(chunk)))

    try:
        for chunk in _concat(head, chunks):
            inflight.append((chunk, pool.submit(extract_chunk, payload(chunk))))
            while len(inflight) > 2 * pool.count:
                finish_oldest()
        while inflight:
            finish_oldest()
        _refresh_incidents(conn, pool)
    finally:
        if pool is not workers:
            pool.close()
    return summary


REFRESH_BATCH = 400  # incidents whose display fields one task of the final refresh works out


def _refresh_incidents(conn: sqlite3.Connection, pool: Workers | None = None) -> int:
    """At the end of a run, the display fields of the incidents it left stale (thousands, on a large
    ingest: the refreshes during the run take a twentieth of its time at most). With a ``pool``, its
    worker processes work them out, a batch each, while this process writes what they return: the
    extraction is over, and they would sit idle. They read the store as this run committed it; the
    write lock, taken first, keeps anyone else from changing it until the display fields are written.
    Returns the number of incidents refreshed in the pool."""
    from store.incident_summary import stale_ids, summary_rows, write_summary_rows

    path = _store_path(conn) if pool is not None else None
    in_pool = 0
    with write_transaction(conn):
        ids = stale_ids(conn)
        batches = [ids[at : at + REFRESH_BATCH] for at in range(0, len(ids), REFRESH_BATCH)]
        futures = [
            pool.submit(_summary_rows_at, (path, batch)) if path and len(batches) > 1 else None for batch in batches
        ]
        for batch, future in zip(batches, futures):
            rows = None
            if future is not None:
                try:
                    rows = future.result()
                    in_pool += len(batch)
                except Exception:  # a worker that died or could not read the store: done here
                    rows = None
            write_summary_rows(conn, *(rows if rows is not None else summary_rows(conn, batch)))
    return in_pool


def _store_path(conn: sqlite3.Connection) -> str | None:
    """The file of the connection's main database (None in memory)."""
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


def _summary_rows_at(task: tuple[str, list[int]]) -> tuple[list[tuple], list[int]]:
    """In a worker: ``summary_rows`` of the incidents ``ids`` of the store at ``path``, read-only."""
    from store.db import open_store
    from store.incident_summary import summary_rows

    path, ids = task
    conn = open_store(path, readonly=True)
    try:
        return summary_rows(conn, ids)
    finally:
        conn.close()


def _concat(head: list[list[RawArticle]], rest: Iterator[list[RawArticle]]) -> Iterator[list[RawArticle]]:
    yield from head
    yield from rest


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    workers: int | None = None,
    **options,
) -> IngestSummary:
    """Ingest files, folders and ``-`` (stdin); folders of many files are read in the pool too."""
    if workers == 0:
        return ingest_articles(conn, read_inputs(paths, stdin), workers=0, **options)
    pool = Workers(workers)
    try:
        return ingest_articles(conn, read_inputs(paths, stdin, pool), workers=pool, **options)
    finally:
        pool.close()


def build_from_seeds(conn: sqlite3.Connection, **options) -> IngestSummary:
    return ingest_articles(conn, read_seeds(), **options)
