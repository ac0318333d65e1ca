"""Shared fixtures for every test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def no_user_config(tmp_path_factory, monkeypatch):
    """Tests never read the developer's own config file (~/.config/sitrep/config.toml) or the
    settings in their environment (their config file is an empty one: one named that does not
    exist is an error); a test that wants settings writes its own."""
    empty = tmp_path_factory.getbasetemp() / "no-config.toml"
    empty.touch()
    monkeypatch.setenv("SITREP_CONFIG", str(empty))
    for name in ("SITREP_KEYS", "SITREP_THEME", "SITREP_ANALYST"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Requests to the feed servers the tests start on 127.0.0.1 never go through a proxy."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db(tmp_path):
    """A new, empty store (a real SQLite file), open for writing."""
    from store.db import open_store

    store = open_store(tmp_path / "s.db")
    yield store
    store.close()


@pytest.fixture
def kursk_store(tmp_path) -> Path:
    """The path of a store holding the Kursk article and its hand-built extraction."""
    from store.db import open_store
    from store.writer import write_article
    from store_fixtures import kursk_article, kursk_extraction

    path = tmp_path / "kursk.db"
    store = open_store(path)
    with store:
        write_article(store, kursk_article(), kursk_extraction())
    store.close()
    return path


@pytest.fixture
def server():
    """A feed server on 127.0.0.1 with no routes yet (tests add theirs)."""
    from feed_server import FeedServer

    with FeedServer() as running:
        yield running
