"""The config file, the environment and flags: each wins over the one before; anything Sitrep
cannot use is one line naming where it is, never ignored."""

from __future__ import annotations

import json

import pytest

from app_fixtures import build_small_store, settle
from store_fixtures import FIXTURES, run_sitrep
from tui import cli
from tui.app import binding_ids, make_app
from tui.config import ConfigError, load_settings, parse_keymap, read_file

CONFIG = """\
store = "~/war/sitrep.db"
theme = "textual-light"
analyst = "J. Doe"

[keys]
"pane.events" = "e"

[feeds]
every = "2h"
fulltext = false
"""


@pytest.fixture
def config(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.touch()
    monkeypatch.setenv("SITREP_CONFIG", str(path))
    return path


def test_the_file_is_read_whole(config, monkeypatch):
    config.write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("HOME", "/home/someone")
    settings = load_settings()
    assert str(settings.store) == "/home/someone/war/sitrep.db"
    assert (settings.theme, settings.analyst, settings.keymap) == ("textual-light", "J. Doe", {"pane.events": "e"})
    assert (settings.feed_every, settings.feed_fulltext) == ("2h", False)


def test_no_file_is_no_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("SITREP_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # (no sitrep/config.toml in it)
    settings = load_settings()
    assert (settings.store, settings.theme, settings.analyst, settings.keymap) == (None, None, None, {})
    assert settings.feed_fulltext is True


def test_the_environment_wins_over_the_file(config, monkeypatch):
    config.write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("SITREP_THEME", "nord")
    monkeypatch.setenv("SITREP_ANALYST", "A. N. Other")
    monkeypatch.setenv("SITREP_KEYS", "pane.events=x;history.forward=ctrl+f,l;")
    settings = load_settings()
    assert (settings.theme, settings.analyst) == ("nord", "A. N. Other")
    assert settings.keymap == {"pane.events": "x", "history.forward": "ctrl+f,l"}
    assert settings.keymap_sources["pane.events"] == "SITREP_KEYS"


@pytest.mark.parametrize(
    "text, message",
    [
        ("theme = \n", "not valid TOML: Invalid value (at line 1, column 9)"),
        ('colour = "red"\n', "unknown setting 'colour' (known: store, theme, analyst, keys, feeds)"),
        ("store = 3\n", "store must be a non-empty string, not 3"),
        ('[keys]\n"pane.events" = 5\n', "[keys] 'pane.events' must be keys such as \"ctrl+f,l\", not 5"),
        ('[feeds]\nfulltext = "no"\n', "[feeds] fulltext must be true or false, not 'no'"),
        ('[feeds]\nevry = "2h"\n', "unknown setting feeds.evry (known: every, fulltext)"),
        ("keys = 1\n", "[keys] must be a table of binding id = keys"),
    ],
)
def test_a_bad_file_is_one_line_naming_it(config, text, message):
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        read_file(config)
    assert str(error.value) == f"{config}: {message}"


@pytest.mark.parametrize(
    "value, bad",
    [("pane.events", "'pane.events'"), ("=e", "'=e'"), ("pane.events=", "'pane.events='"), ("a=b;c", "'c'")],
)
def test_a_malformed_keys_item_is_reported(value, bad):
    with pytest.raises(ConfigError, match=f"SITREP_KEYS: {bad} is not ID=KEYS"):
        parse_keymap(value)


def test_an_unknown_key_id_or_theme_is_reported_not_ignored(config, monkeypatch, tmp_path):
    store = build_small_store(tmp_path / "s.db")
    monkeypatch.setenv("SITREP_KEYS", "pane.evnts=e")
    with pytest.raises(ConfigError, match="SITREP_KEYS: unknown key id 'pane.evnts'"):
        make_app(str(store))
    monkeypatch.delenv("SITREP_KEYS")
    config.write_text('[keys]\n"history.fwd" = "l"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{config}: unknown key id 'history.fwd'"):
        make_app(str(store))
    config.write_text('theme = "solarised"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{config}: unknown theme 'solarised'"):
        make_app(str(store))
    assert {"pane.events", "history.forward", "app.quit", "filter.apply", "reader.top"} <= binding_ids()


def test_a_file_sitrep_cannot_use_stops_every_command_even_one_that_needs_no_setting(tmp_path, config, monkeypatch):
    store = str(build_small_store(tmp_path / "s.db"))
    config.write_text('colour = "red"\n', encoding="utf-8")
    result = run_sitrep("stats", "--db", store)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"sitrep: {config}: unknown setting 'colour' (known: store, theme, analyst, keys, feeds)\n"
    missing = tmp_path / "nonexistent.toml"
    result = run_sitrep("stats", "--db", store, env={"SITREP_CONFIG": str(missing)})
    assert (result.returncode, result.stderr) == (2, f"sitrep: {missing}: no such file (named by SITREP_CONFIG)\n")


def test_the_browser_reports_bad_settings_in_one_line_and_exit_2(tmp_path, config):
    config.write_text('[keys]\n"pane.evnts" = "e"\n', encoding="utf-8")
    result = run_sitrep("--db", str(build_small_store(tmp_path / "s.db")))
    assert result.returncode == 2
    assert result.stderr == f"sitrep: {config}: unknown key id 'pane.evnts' (`?` in the browser lists every id)\n"


async def test_the_browser_takes_its_theme_and_keys_from_the_file(tmp_path, config):
    config.write_text('theme = "textual-light"\n[keys]\n"pane.events" = "w"\n', encoding="utf-8")
    app = make_app(str(build_small_store(tmp_path / "s.db")))
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("w")
        assert app.focused.id == "events"


def test_the_store_comes_from_flag_then_environment_then_file(tmp_path, config, monkeypatch):
    configured, env, flag = tmp_path / "configured.db", tmp_path / "env.db", tmp_path / "flag.db"
    config.write_text(f'store = "{configured}"\n', encoding="utf-8")
    for path in (configured, env, flag):
        assert run_sitrep("ingest", str(FIXTURES / "dated.txt"), "--db", str(path)).returncode == 0
    run_sitrep("ingest", str(FIXTURES / "front.md"), "--db", str(configured))
    run_sitrep("ingest", str(FIXTURES / "folder"), "--db", str(env))
    articles = lambda *args, **kw: json.loads(run_sitrep("stats", "--json", *args, **kw).stdout)["articles"]  # noqa: E731
    assert articles() == 2  # the config file's store
    assert articles(env={"SITREP_DB": str(env)}) == 3
    assert articles("--db", str(flag), env={"SITREP_DB": str(env)}) == 1


def test_feed_defaults_come_from_the_file_and_flags_win(tmp_path, config, capsys):
    config.write_text('[feeds]\nevery = "2h"\nfulltext = false\n', encoding="utf-8")
    db = str(tmp_path / "feeds.db")
    assert cli.main(["feeds", "add", "https://wire.example/rss", "--db", db]) == 0
    assert "(every 2h)" in capsys.readouterr().out
    assert cli.main(["feeds", "add", "https://kyiv.example/rss", "--every", "45m", "--db", db]) == 0
    assert "(every 45m)" in capsys.readouterr().out
    parser = cli.build_parser()
    assert cli.fulltext(parser.parse_args(["fetch"])) is False
    config.write_text("", encoding="utf-8")
    assert cli.fulltext(parser.parse_args(["fetch"])) is True
    assert cli.fulltext(parser.parse_args(["fetch", "--no-fulltext"])) is False
    config.write_text('[feeds]\nevery = "often"\n', encoding="utf-8")
    assert cli.main(["feeds", "add", "https://x.example/rss", "--db", db]) == 2
    assert "[feeds] every in the config file: interval 'often'" in capsys.readouterr().err
    config.write_text('[feeds]\nevery = "99999999d"\n', encoding="utf-8")
    assert cli.main(["feeds", "add", "https://x.example/rss", "--db", db]) == 2
    assert capsys.readouterr().err == (
        "sitrep: [feeds] every in the config file: interval '99999999d': at most 365d between fetches\n"
    )


@pytest.mark.parametrize(
    "keys, said",
    [
        ("pane.events=q", "SITREP_KEYS: pane.events = 'q': q is the key of app.quit (Quit) already"),
        ("pane.events=e", "SITREP_KEYS: pane.events = 'e': e is the key of judge.correct (Correct event…) already"),
        ("pane.events=w;pane.sources=w", "SITREP_KEYS: pane.events = 'w': w is the key of pane.sources"),
        ("app.quit=escape", "SITREP_KEYS: app.quit = 'escape': escape is the key of history.back (Back) already"),
        ("pane.events=ctrl+q+z", "SITREP_KEYS: pane.events = 'ctrl+q+z': 'ctrl+q+z' is not a key: 'q' is no modifier"),
        ("pane.events=ctrl+", "SITREP_KEYS: pane.events = 'ctrl+': 'ctrl+' is not a key: no key after the modifiers"),
        ("pane.events=w,", "SITREP_KEYS: pane.events = 'w,': '' is not a key: an empty key"),
        ("pane.events=wow", "SITREP_KEYS: pane.events = 'wow': 'wow' is not a key: 'wow' is no key Textual knows"),
        ("pane.events=ctrl+ctrl+w", "'ctrl+ctrl+w' is not a key: a modifier named twice"),
        ("pane.events=Tab", "SITREP_KEYS: pane.events = 'Tab': 'Tab' is not a key: key names are lower case ('tab')"),
        ("pane.events=Question_Mark", "'Question_Mark' is not a key: key names are lower case ('question_mark')"),
    ],
)
def test_a_key_that_is_none_or_is_another_bindings_is_reported_not_lost(keys, said, monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_KEYS", keys)
    with pytest.raises(ConfigError) as raised:
        make_app(str(tmp_path / "s.db"))
    assert str(raised.value).startswith(said) or said in str(raised.value), str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    "keys",
    [
        "pane.events=w;history.forward=ctrl+f,l",
        "pane.events=q;app.quit=ctrl+q",  # q moved first: nothing is lost
        "app.quit=q",  # its own key
        "help.close=x",  # x splits in the main screen, not in Help
        "pane.events=f5,question_mark;help.show=f1",
        "pane.events=ctrl+shift+up",
    ],
)
def test_keys_that_take_nothing_from_another_binding_are_fine(keys, monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_KEYS", keys)
    make_app(str(tmp_path / "s.db"))


def test_the_browser_says_which_setting_takes_a_key_in_one_line_and_exits_2(tmp_path, config):
    result = run_sitrep("--db", str(build_small_store(tmp_path / "s.db")), env={"SITREP_KEYS": "pane.events=q"})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "sitrep: SITREP_KEYS: pane.events = 'q': q is the key of app.quit (Quit) already, and one of them would "
        "lose it: give one of them another key\n"
    )
