"""Settings: a TOML file in the user config folder, then environment variables, then flags; each
wins over the one before.

    # ~/.config/sitrep/config.toml (platformdirs' user config folder; $SITREP_CONFIG names another)
    store = "~/war/sitrep.db"          # the default store        ($SITREP_DB, --db win)
    theme = "textual-light"            # a Textual theme          ($SITREP_THEME wins)
    analyst = "J. Doe"                 # who judgements are by    ($SITREP_ANALYST wins)

    [keys]                             # key map: binding id = keys ($SITREP_KEYS wins per id)
    "pane.events" = "w"
    "history.forward" = "ctrl+f,l"

    [feeds]
    every = "2h"                       # `feeds add` without --every
    fulltext = false                   # `fetch` and `watch` as with --no-fulltext

Anything Sitrep cannot use is an error with one line naming the file (or variable), the line
where it can, and the reason: a malformed file, an unknown setting, a value of the wrong type, a
``SITREP_KEYS`` item that is not ``id=keys``, and (checked by the browser) an unknown binding id
or theme, a key that is none or one that another binding has (tui/keymap.py). Nothing is silently ignored. No Textual here: the command line reads this too.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_ENV = "SITREP_CONFIG"
KEYS_ENV = "SITREP_KEYS"
THEME_ENV = "SITREP_THEME"
ANALYST_ENV = "SITREP_ANALYST"

SETTINGS = ("store", "theme", "analyst", "keys", "feeds")
FEED_SETTINGS = ("every", "fulltext")


class ConfigError(Exception):
    """A setting Sitrep cannot use; ``str(error)`` is one line for the user."""


@dataclass
class Settings:
    store: Path | None = None
    theme: str | None = None
    analyst: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    feed_every: str | None = None
    feed_fulltext: bool = True
    # where each key map entry came from (the config file or $SITREP_KEYS), to name it in errors
    keymap_sources: dict[str, str] = field(default_factory=dict)
    theme_source: str = THEME_ENV


def config_path(environ: Mapping[str, str] = os.environ) -> Path:
    """``$SITREP_CONFIG``, else ``config.toml`` in the user config folder."""
    if environ.get(CONFIG_ENV):
        return Path(environ[CONFIG_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("sitrep", appauthor=False)) / "config.toml"


def _text(table: Mapping[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConfigError(f"{where}: {key} must be a non-empty string, not {value!r}")
    return value


def read_file(path: Path, named: bool = False) -> Settings:
    """The settings in ``path``; a missing file is no settings, unless ``$SITREP_CONFIG`` ``named`` it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if named:
            raise ConfigError(f"{path}: no such file (named by {CONFIG_ENV})") from None
        return Settings()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:  # "Expected '=' after a key ... (at line 3, column 7)"
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    unknown = [key for key in table if key not in SETTINGS]
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(SETTINGS)})")
    settings = Settings()
    store = _text(table, "store", str(path))
    settings.store = Path(store).expanduser() if store else None
    settings.theme = _text(table, "theme", str(path))
    settings.theme_source = str(path)
    settings.analyst = _text(table, "analyst", str(path))
    keys = table.get("keys", {})
    if not isinstance(keys, dict):
        raise ConfigError(f"{path}: [keys] must be a table of binding id = keys")
    for binding_id, value in keys.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f'{path}: [keys] {binding_id!r} must be keys such as "ctrl+f,l", not {value!r}')
        settings.keymap[binding_id] = value.strip()
        settings.keymap_sources[binding_id] = str(path)
    feeds = table.get("feeds", {})
    if not isinstance(feeds, dict):
        raise ConfigError(f"{path}: [feeds] must be a table")
    unknown = [key for key in feeds if key not in FEED_SETTINGS]
    if unknown:
        raise ConfigError(f"{path}: unknown setting feeds.{unknown[0]} (known: {', '.join(FEED_SETTINGS)})")
    settings.feed_every = _text(feeds, "every", f"{path}: [feeds]")
    if "fulltext" in feeds:
        if not isinstance(feeds["fulltext"], bool):
            raise ConfigError(f"{path}: [feeds] fulltext must be true or false, not {feeds['fulltext']!r}")
        settings.feed_fulltext = feeds["fulltext"]
    return settings


def parse_keymap(value: str, source: str = KEYS_ENV) -> dict[str, str]:
    """``"pane.events=w;history.forward=ctrl+f,l"`` -> ``{"pane.events": "w", ...}``; an item that
    is not ``id=keys`` is an error (blank items, as after a trailing ``;``, are fine)."""
    keymap: dict[str, str] = {}
    for item in value.split(";"):
        if not item.strip():
            continue
        binding_id, equals, keys = item.partition("=")
        if not equals or not binding_id.strip() or not keys.strip():
            raise ConfigError(f'{source}: {item.strip()!r} is not ID=KEYS (as in "pane.events=w")')
        keymap[binding_id.strip()] = keys.strip()
    return keymap


def load_settings(environ: Mapping[str, str] = os.environ) -> Settings:
    """The config file's settings with the environment's over them."""
    settings = read_file(config_path(environ), named=bool(environ.get(CONFIG_ENV)))
    if environ.get(THEME_ENV):
        settings.theme, settings.theme_source = environ[THEME_ENV], THEME_ENV
    if environ.get(ANALYST_ENV):
        settings.analyst = environ[ANALYST_ENV]
    for binding_id, keys in parse_keymap(environ.get(KEYS_ENV, "")).items():
        settings.keymap[binding_id] = keys
        settings.keymap_sources[binding_id] = KEYS_ENV
    return settings


def check_keymap(settings: Settings, known_ids: set[str]) -> None:
    """An unknown binding id in the key map is an error naming where it was set."""
    for binding_id in settings.keymap:
        if binding_id not in known_ids:
            source = settings.keymap_sources.get(binding_id, KEYS_ENV)
            raise ConfigError(f"{source}: unknown key id {binding_id!r} (`?` in the browser lists every id)")
