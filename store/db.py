"""Opening a store: where it lives, pragmas, forward migrations, and refusing what is not one.

``open_store(path)`` returns a ``sqlite3.Connection`` (a ``StoreConnection``) with foreign keys
on, WAL journaling and a busy timeout, migrated to ``SCHEMA_VERSION``. ``open_store(path, readonly=True)`` opens an
existing, up-to-date store read-only (``file:...?mode=ro``) so that reader threads can have
connections of their own while an ingest writes.

Anything that makes a path unusable as a store raises ``StoreError`` with a one-line message
meant for the user.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from store.schema import INCIDENTS_VERSION, MIGRATIONS, SCHEMA_VERSION

WAL_AUTOCHECKPOINT_PAGES = 10_000
CACHE_KIB = 64 * 1024
BUSY_TIMEOUT_MS = 10_000
WRITE_WAIT_SECONDS = 600  # how long a writer waits in all for another's write lock
ENV_VAR = "SITREP_DB"
ROWIDS = range(-(2**63), 2**63)  # SQLite's INTEGER: an id outside it is the id of no row in any store


SQLITE_HEADER = b"SQLite format 3\x00"  # how every SQLite database file begins
_CORRUPT, _NOTADB = 11, 26  # SQLite's primary result codes for a damaged file
_UNDECODABLE = re.compile(r"Could not decode to UTF-8 column '([^']*)'")  # Python's sqlite3 reading bad text
_MISSING = ("no such table: ", "no such column: ")


class StoreError(Exception):
    """A store that cannot be used; ``str(error)`` is one line for the user."""


def is_damage(error: BaseException) -> bool:
    """Whether an error met reading a store says it is damaged: SQLite found the file damaged
    (SQLITE_CORRUPT and its extended codes), or the store holds what no Sitrep writes, text that is
    not UTF-8 or a schema without one of its tables or columns (every store is migrated as it opens)."""
    if getattr(error, "sqlite_errorcode", 0) & 0xFF == _CORRUPT:
        return True
    message = str(error)
    return isinstance(error, sqlite3.OperationalError) and (
        _UNDECODABLE.match(message) is not None or message.startswith(_MISSING)
    )


def damaged(path: Path, error: BaseException | str) -> StoreError:
    """The line for a damaged store (``error`` what was met, or the reason): one its header says is
    longer was cut short; text that is not UTF-8 is named by its column, never shown."""
    reason = str(error)
    if undecodable := _UNDECODABLE.match(reason):
        reason = f"text that is not UTF-8 in its column {undecodable[1]!r}"
    try:
        with open(path, "rb") as file:
            header = file.read(100)
        size = os.stat(path).st_size
    except OSError:
        header, size = b"", 0
    if len(header) == 100 and header[24:28] == header[92:96]:  # (the page count is valid)
        page_size = int.from_bytes(header[16:18], "big")
        expected = (65536 if page_size == 1 else page_size) * int.from_bytes(header[28:32], "big")
        if size < expected:
            reason = f"truncated: {size:,} of its {expected:,} bytes"
    return StoreError(f"{path}: the store is damaged ({reason})")


def found_damage(path: Path) -> str | None:
    """Why SQLite's quick check finds the store at ``path`` damaged, or None (intact, or no store).
    Asked when a command met an error of no known cause, which a damaged store gives too (a row an
    index or a reference promised that the table no longer holds): never reported as unexpected."""
    if not path.is_file():
        return None
    try:
        conn = _connect(path, readonly=True)
        try:
            found = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
        finally:
            conn.close()
    except sqlite3.Error as error:
        return str(error) if is_damage(error) else None
    return None if found == ["ok"] else "database disk image is malformed"


class StoreConnection(sqlite3.Connection):
    """A connection to a store: a plain ``sqlite3.Connection``, the one type every function of
    store/ takes (see CONTRIBUTING.md).

    ``conn`` is the connection itself. open_store once returned a ``sqlite_utils.Database``,
    whose ``.conn`` this was; code written then still runs. New code uses the connection.
    """

    @property
    def conn(self) -> StoreConnection:
        return self


def default_store_path() -> Path:
    """``$SITREP_DB`` when set, otherwise ``sitrep.db`` in the user data directory."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("sitrep", appauthor=False)) / "sitrep.db"


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
        if not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
            uri += "&immutable=1"  # a store in a folder that cannot be written: its -shm cannot be made
        return sqlite3.connect(
            uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000, factory=StoreConnection
        )
    return sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000, factory=StoreConnection)


def _user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _check_is_store(conn: sqlite3.Connection, path: Path) -> int:
    """The store's schema version; raises StoreError for a file that is not a Sitrep store."""
    try:
        # one statement, so one snapshot: another process may be creating this store right now
        version, tables = conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)"
        ).fetchone()
    except sqlite3.DatabaseError as error:
        if not is_damage(error) and getattr(error, "sqlite_errorcode", 0) & 0xFF != _NOTADB:
            raise  # (a lock, a folder that cannot be written): open_store says which
        with open(path, "rb") as file:
            if file.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                raise damaged(path, error) from None
        raise StoreError(f"{path}: not a Sitrep store (not an SQLite database)") from None
    if version == 0 and tables:
        raise StoreError(f"{path}: not a Sitrep store (an SQLite database with other tables)")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: store has schema version {version}, newer than this Sitrep understands "
            f"({SCHEMA_VERSION}); upgrade Sitrep"
        )
    return version


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Run the missing migrations in order, each atomically with its ``user_version`` bump."""
    for number in range(from_version + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[number - 1]
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")


def _prepare(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    """Check, configure and (when writable) migrate a freshly opened connection."""
    version = _check_is_store(conn, path)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if readonly:
        if version < SCHEMA_VERSION:
            raise StoreError(f"{path}: store has schema version {version}; open it once with `sitrep` to upgrade it")
        return
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise StoreError(f"{path}: cannot switch the store to WAL mode")
    conn.execute("PRAGMA synchronous = NORMAL")
    # checkpoint when the WAL holds ~40 MB, not SQLite's 4 MB: an ingest's batch of 32 articles
    # writes more than 4 MB of pages, so each of its commits checkpointed (writing 10k articles of
    # bench/make_corpus.py's corpus, the commits took 6.6 s instead of 11.0 s)
    conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    # a page cache of up to 64 MB, not SQLite's 2 MB: the writer's inserts and lookups touch pages all
    # over the indexes of a large store (writing 10k articles of bench/make_corpus.py's corpus, its
    # CPU fell by 9%; 16 MB did as well, 256 MB no better); pages are taken only as they are read
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    # Another process opening the same store may be migrating it too: a migration that fails because
    # the other ran it first (each is atomic, with its version bump) is skipped, and the version read again.
    before = version
    while version < SCHEMA_VERSION:
        try:
            migrate(conn, version)
            break
        except sqlite3.OperationalError:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            newer = _user_version(conn)
            if newer == version:
                raise  # no one else moved it on: the migration itself fails
            version = newer
    _group_events(conn, before)
    _index_grams(conn)


def _group_events(conn: sqlite3.Connection, before: int) -> None:
    """Events stored before incidents existed (or written around the writer) are grouped now,
    in batches that each commit: an interrupted run resumes at the next open."""
    from store import incidents

    if conn.execute("SELECT 1 FROM incident_rekey LIMIT 1").fetchone():
        incidents.rekey(conn)
    if before < INCIDENTS_VERSION or incidents.has_pending(conn):
        incidents.backfill(conn)


def _index_grams(conn: sqlite3.Connection) -> None:
    """Articles not yet in the index of unspaced scripts (store/grams.py) are indexed now."""
    from store import grams

    if grams.has_pending(conn):
        with write_transaction(conn):
            grams.forget(conn)
        while True:  # a batch a transaction: an interrupted run resumes at the next open
            with write_transaction(conn):
                if not grams.index_batch(conn):
                    break


def writable(path: str | os.PathLike) -> bool:
    """Whether the store at ``path`` can be written here: the file, and its folder (where its journal
    files are made)."""
    path = Path(path)
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_store(path: str | os.PathLike, *, readonly: bool = False) -> StoreConnection:
    """Open (creating and migrating when writable) the store at ``path``."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path}: is a directory, not a store file")
    if readonly and not path.exists():
        raise StoreError(f"{path}: no such store")
    if not readonly and not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{path}: cannot create the store's folder ({error.strerror})") from None
    for attempt in range(5):
        try:
            conn = _connect(path, readonly)
        except sqlite3.Error as error:
            raise StoreError(f"{path}: cannot open store ({error})") from None
        try:
            _prepare(conn, path, readonly)
            break
        except StoreError:
            conn.close()
            raise
        except sqlite3.OperationalError as error:
            conn.close()
            # processes creating one new store at once can meet a lock SQLite will not wait on
            # (before the store is in WAL mode): try again shortly
            if "locked" in str(error) and attempt < 4:
                time.sleep(0.05 * (attempt + 1))
                continue
            if getattr(error, "sqlite_errorname", "") == "SQLITE_READONLY_DIRECTORY":
                raise StoreError(
                    f"{path}: cannot be written here: its folder is read-only "
                    "(SQLite makes the store's -wal and -shm files beside it)"
                ) from None
            if not readonly and path.exists() and not writable(path):  # (a read-only file system)
                raise StoreError(f"{path}: cannot be written here: the store or its folder is read-only") from None
            raise StoreError(f"{path}: unusable store ({error})") from None
        except sqlite3.DatabaseError as error:
            conn.close()
            raise (
                damaged(path, error) if is_damage(error) else StoreError(f"{path}: unusable store ({error})")
            ) from None
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT: take the write lock first, so that a second writer waits its turn
    instead of failing halfway, and what is written goes whole or not at all. Another ingest may hold
    the lock longer than the busy timeout (its last phase): the lock is asked for again, for up to
    ``WRITE_WAIT_SECONDS`` in all, before giving up."""
    deadline = time.monotonic() + WRITE_WAIT_SECONDS
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if time.monotonic() > deadline:
                raise StoreError(
                    f"the store stayed locked by another writer for {WRITE_WAIT_SECONDS // 60} minutes; try again later"
                ) from None
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
