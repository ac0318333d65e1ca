"""Shared fixtures for every test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_user_config(tmp_path_factory, monkeypatch):
    """Tests never read the developer's own config file (~/.config/sitrep/config.toml) or the
    settings in their environment; a test that wants settings writes its own."""
    monkeypatch.setenv("SITREP_CONFIG", str(tmp_path_factory.getbasetemp() / "no-config.toml"))
    for name in ("SITREP_KEYS", "SITREP_THEME", "SITREP_ANALYST"):
        monkeypatch.delenv(name, raising=False)
