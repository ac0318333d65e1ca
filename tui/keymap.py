"""A key map checked before the browser starts: every key it names is one Textual can deliver, and
none takes a key another binding has where both work (the Events pane given `q` would take it from
Quit, so the browser could only be left with ^p). Either is a ``ConfigError`` of one line naming
where the key map was set (the config file or ``$SITREP_KEYS``), the binding and the keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.binding import Binding
from textual.keys import KEY_ALIASES, REPLACED_KEYS, Keys, _character_to_key, key_to_character

from tui.config import KEYS_ENV, ConfigError, Settings

MODIFIERS = ("ctrl", "alt", "shift", "meta", "super", "hyper")
# the key names Textual's input gives, besides one character and the names of characters
# ("question_mark", "slash", "right_square_bracket")
NAMED_KEYS = {key.value.rpartition("+")[2] for key in Keys} | {"space", "enter", "tab", "escape"}
KEY_HELP = "a key is a character or a name such as escape, f5, pageup, question_mark, after modifiers such as ctrl+"


def bad_key(key: str) -> str | None:
    """Why Textual would never deliver ``key`` (one key of a binding, as ``ctrl+f``); None if it can."""
    if not key:
        return "an empty key (two commas, or one at an end)"
    *modifiers, name = key.split("+")
    unknown = [m for m in modifiers if m not in MODIFIERS]
    if unknown:
        what = "an empty modifier" if not unknown[0] else f"{unknown[0]!r} is no modifier"
        return f"{what} (modifiers: {', '.join(MODIFIERS)}, then one key)"
    if len(set(modifiers)) < len(modifiers):
        return "a modifier named twice"
    if not name:
        return "no key after the modifiers (write plus for +)"
    if len(name) > 1 and name != name.lower():  # ("Tab", "Question_Mark": Textual gives names lower case)
        return f"key names are lower case ({name.lower()!r})"
    if len(name) == 1 or name in NAMED_KEYS or name in REPLACED_KEYS or key_to_character(name) is not None:
        return None
    return f"{name!r} is no key Textual knows ({KEY_HELP})"


def _normal(key: str) -> set[str]:
    """The names Textual matches ``key`` by ("?" is question_mark; tab is also ctrl+i)."""
    key = _character_to_key(key) if len(key) == 1 else key
    return {key, *KEY_ALIASES.get(key, ())} | {k for k, aliases in KEY_ALIASES.items() if key in aliases}


def _keys(value: str) -> list[str]:
    return [key.strip() for key in value.split(",")]


def _bindings(owners: Iterable[type]) -> list[Binding]:
    return [b for owner in owners for bs in owner._merged_bindings.key_to_bindings.values() for b in bs]


def _same(a: Binding, b: Binding) -> bool:
    """One binding, or two that do the same (Textual's own Tab on a screen, ours on the app)."""
    if a.id and a.id == b.id:
        return True
    return a.action.removeprefix("app.").removeprefix("screen.") == b.action.removeprefix("app.").removeprefix(
        "screen."
    )


def check_keys(settings: Settings, contexts: Sequence[Sequence[type]]) -> None:
    """Each key map entry's keys are keys; none is a key another binding answers to in a context
    where both work (``contexts``: the classes whose bindings are active together, as the app, a
    screen and the focused widget). A key the binding had anyway is no news and never reported."""
    keymap = settings.keymap
    for binding_id, value in keymap.items():
        where = f"{settings.keymap_sources.get(binding_id, KEYS_ENV)}: {binding_id} = {value!r}"
        for key in _keys(value):
            problem = bad_key(key)
            if problem:
                raise ConfigError(f"{where}: {key!r} is not a key: {problem}")
    for context in contexts:
        bindings = _bindings(context)
        for binding in bindings:
            if binding.id not in keymap:
                continue
            own = {k for b in bindings if b.id == binding.id for k in _normal(b.key)}  # its keys before
            for key in _keys(keymap[binding.id]):
                if _normal(key) & own:
                    continue
                other = next(
                    (
                        b
                        for b in bindings
                        if not _same(b, binding)
                        and any(_normal(key) & _normal(k) for k in _keys(keymap.get(b.id, b.key) if b.id else b.key))
                    ),
                    None,
                )
                if other is not None:
                    source = settings.keymap_sources.get(binding.id, KEYS_ENV)
                    name = other.id or f"Textual's {other.action}"
                    raise ConfigError(
                        f"{source}: {binding.id} = {keymap[binding.id]!r}: {key} is the key of {name} "
                        f"({other.description or other.action}) already, and one of them would lose it: "
                        f"give one of them another key"
                    )
