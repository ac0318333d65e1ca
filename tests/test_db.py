"""Opening stores: pragmas, migrations from every earlier version, and refusing what is not one."""

from __future__ import annotations

import sqlite3

import pytest

from store.db import StoreError, default_store_path, open_store
from store.schema import MIGRATIONS, SCHEMA_VERSION
from store.writer import write_article
from store_fixtures import KURSK, kursk_article, kursk_extraction, run_sitrep


def test_new_store_is_migrated_with_pragmas(tmp_path):
    db = open_store(tmp_path / "new" / "s.db")
    conn = db
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA cache_size").fetchone()[0] <= -16 * 1024  # KiB: 16 MB or more, not 2 MB
    assert {
        "articles",
        "entities",
        "mentions",
        "sources",
        "names",
        "claims",
        "events",
        "event_places",
        "event_actors",
        "casualties",
        "claim_events",
        "articles_fts",
        "articles_grams",
        "names_fts",
    } <= tables


def test_foreign_keys_are_enforced(tmp_path):
    db = open_store(tmp_path / "s.db")
    with pytest.raises(sqlite3.IntegrityError):
        with db:
            db.execute('INSERT INTO mentions (entity_id, article_id, start, "end", text) VALUES (99, 99, 0, 1, "x")')


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_earlier_version_is_migrated_forward(tmp_path, version):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for number in range(1, version + 1):
        conn.executescript(f"BEGIN;{MIGRATIONS[number - 1]}; PRAGMA user_version = {number}; COMMIT;")
    conn.close()
    db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with db:
        assert write_article(db, kursk_article(), kursk_extraction()).article_id == 1
    db.close()
    # and once migrated, opening again changes nothing and keeps the data
    again = open_store(path)
    assert again.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert again.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_current_store_keeps_its_data_across_opens(tmp_path):
    path = tmp_path / "s.db"
    db = open_store(path)
    with db:
        write_article(db, kursk_article(), kursk_extraction())
    db.close()
    db = open_store(path)
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)
    result = run_sitrep("stats", "--db", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "newer" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content", [b"hello, this is not a database\n" * 40, b"\x00\x01\x02" * 2000])
def test_non_sqlite_file_is_refused(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_store(path)
    assert path.read_bytes() == content  # left untouched
    for args in (["stats"], ["ingest", str(tmp_path)], ["export"], []):
        result = run_sitrep(*args, "--db", str(path))
        assert result.returncode == 2, args
        assert result.stderr.strip().count("\n") == 0 and "not a Sitrep store" in result.stderr


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="other tables"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_directory_is_refused(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)


def test_readonly_store(tmp_path):
    path = tmp_path / "s.db"
    with pytest.raises(StoreError, match="no such store"):
        open_store(path, readonly=True)
    assert not path.exists()
    db = open_store(path)
    with db:
        write_article(db, kursk_article(), kursk_extraction())
    reader = open_store(path, readonly=True)
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("DELETE FROM articles")


def test_readonly_refuses_an_old_store(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    with pytest.raises(StoreError, match="upgrade"):
        open_store(path, readonly=True)


def test_default_store_path(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.db"))
    assert default_store_path() == tmp_path / "env.db"
    monkeypatch.delenv("SITREP_DB")
    path = default_store_path()
    assert path.name == "sitrep.db" and "sitrep" in str(path.parent).lower()


def test_many_processes_creating_one_store_at_once(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "raced.db"
    code = "import sys; from store.db import open_store; open_store(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE) for _ in range(6)]
    errors = [p.communicate(timeout=60)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, errors
    assert open_store(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_store_another_process_migrated_part_way_is_finished(tmp_path, monkeypatch):
    from store import db as db_module

    path = tmp_path / "s.db"
    other = sqlite3.connect(path)  # another process ran the first migration only
    other.executescript(f"BEGIN;{MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
    other.close()
    # this process read the version before the other one moved it on
    monkeypatch.setattr(db_module, "_check_is_store", lambda conn, where: 0)
    store = open_store(path)
    assert store.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()


def test_a_store_is_a_plain_sqlite3_connection(tmp_path):
    db = open_store(tmp_path / "s.db")
    assert isinstance(db, sqlite3.Connection)
    assert db.conn is db  # what open_store's old sqlite_utils.Database handle called its connection
    reader = open_store(tmp_path / "s.db", readonly=True)
    assert isinstance(reader, sqlite3.Connection)
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("DELETE FROM articles")


def _tables(conn) -> list[str]:
    """Ordinary tables (not FTS tables or their shadow tables, which triggers fill)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if "VIRTUAL" in (sql or "").upper()]
    return [
        name
        for name, _ in rows
        if name not in virtual and not any(name.startswith(v + "_") for v in virtual) and not name.startswith("sqlite_")
    ]


def _columns(conn, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA {schema}.table_info({table})")]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A store written by today's code: the Kursk article, a relayed claim, a feed."""
    from store.feeds import add_feed
    from store.ingest import ingest_articles
    from store.readers import RawArticle

    path = tmp_path_factory.mktemp("reference") / "ref.db"
    db = open_store(path)
    with db:
        write_article(db, kursk_article(), kursk_extraction())
    relayed = (
        "A senior security source told Reuters on Monday that 12 soldiers were killed near Kramatorsk. "
        "Another official told Reuters that the attack was repelled."
    )
    ingest_articles(db, [RawArticle("relayed.txt", relayed, published="2024-12-16")], workers=0)
    with db:
        add_feed(db, "https://wire.example/rss", tags=["ua"])
    db.close()
    return path


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_every_earlier_version_with_data_is_migrated_to_what_todays_code_writes(tmp_path, reference, version):
    """A store of each earlier version, holding the reference store's data in the columns that
    version has, is migrated to a store equal to the reference: rows kept, new columns filled
    in as today's code would have written them (counts recomputed, not left at their defaults)."""
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    for number in range(1, version + 1):
        old.executescript(f"BEGIN;{MIGRATIONS[number - 1]}; PRAGMA user_version = {number}; COMMIT;")
    old.execute("ATTACH DATABASE ? AS ref", (str(reference),))
    copied = 0
    for table in _tables(old):
        shared = [c for c in _columns(old, table) if c in _columns(old, table, "ref")]
        cols = ", ".join(f'"{c}"' for c in shared)
        copied += old.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM ref."{table}"').rowcount
    old.commit()
    old.execute("DETACH DATABASE ref")
    old.close()
    assert copied > 50

    db = open_store(path)
    ref = sqlite3.connect(reference)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert _tables(db) == _tables(ref)
    for table in _tables(ref):
        # (a column only extraction can fill stays empty in a store older than it: events.report, the
        # extraction's incident key within an article; grouping then falls back to its own rules)
        names = [
            c
            for c in _columns(ref, table)
            if not (table == "events" and c == "report" and "report" not in _columns_at(version, table))
        ]
        cols = ", ".join(f'"{c}"' for c in names)
        order = ", ".join(str(i + 1) for i in range(len(names)))  # some tables have no rowid
        want = ref.execute(f'SELECT {cols} FROM "{table}" ORDER BY {order}').fetchall()
        got = db.execute(f'SELECT {cols} FROM "{table}" ORDER BY {order}').fetchall()
        # a table the old version did not have is either filled by its migration as today's code
        # fills it (incident sketches, relayed counts) or holds what only a user adds (feeds)
        introduced_later = table not in _tables_at(version)
        assert got == want or (introduced_later and got == []), table
    # the migrated store is searchable and takes new articles
    from store.search import search

    assert [r.name for r in search(db, "Plehovo", limit=1)] == ["Plekhovo"]
    with db:
        assert (
            write_article(
                db, kursk_article("again.txt", KURSK + " Again."), kursk_extraction(KURSK + " Again.")
            ).article_id
            is not None
        )
    db.close()
    ref.close()


def _tables_at(version: int) -> list[str]:
    conn = sqlite3.connect(":memory:")
    for number in range(1, version + 1):
        conn.executescript(MIGRATIONS[number - 1])
    return _tables(conn)


def _columns_at(version: int, table: str) -> list[str]:
    conn = sqlite3.connect(":memory:")
    for number in range(1, version + 1):
        conn.executescript(MIGRATIONS[number - 1])
    return _columns(conn, table) if table in _tables(conn) else []


def test_a_writer_waits_for_another_writers_lock_longer_than_the_busy_timeout(tmp_path, monkeypatch):
    import threading
    import time

    from store import db as store_db

    path = tmp_path / "s.db"
    first = open_store(path)
    first.execute("PRAGMA busy_timeout = 50")  # (so that the test need not wait the real timeout)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.4, lambda: other.execute("COMMIT")).start()
    started = time.monotonic()
    with store_db.write_transaction(first):
        first.execute("DELETE FROM articles")
    assert time.monotonic() - started >= 0.3  # it waited, and then wrote

    other.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(store_db, "WRITE_WAIT_SECONDS", 0.2)
    with pytest.raises(store_db.StoreError, match="stayed locked by another writer"):
        with store_db.write_transaction(first):
            pass
    other.execute("ROLLBACK")
    other.close()
    first.close()


def test_a_store_in_a_folder_that_cannot_be_written_is_read(tmp_path, monkeypatch, kursk_store):
    # (as root every folder is writable: the folder's answer is what the store's code is told)
    import os

    from store import db as store_db

    folder = str(kursk_store.parent)
    real_access = os.access
    monkeypatch.setattr(store_db.os, "access", lambda p, mode: False if str(p) == folder else real_access(p, mode))
    for side in ("-wal", "-shm"):
        assert not os.path.exists(f"{kursk_store}{side}")
    store = open_store(kursk_store, readonly=True)
    assert store.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    store.close()
    assert not os.path.exists(f"{kursk_store}-shm")  # nothing was made beside it
