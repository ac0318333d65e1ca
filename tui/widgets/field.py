"""A one-line text field whose editing keys take effect in the order they were typed.

Textual's Input inserts a character when the key reaches it, but an editing key (Backspace,
Ctrl+U, Ctrl+W, the arrows) is one of its bindings, which run only after the key has bubbled back
up to the app: a round trip through every container's message queue. Keys a terminal delivers
together ("Kharkov", Backspace, Backspace, "iv" typed quickly or sent by a script) overtook it, so
the field read "Kharkov" and "Kharkiv", Ctrl+U, "Kyiv" left it empty. A Field runs its own
bindings when the key reaches it, in the order of its queue.

A paste of several lines is one line, its line breaks spaces (Input keeps only the first line:
a pasted paragraph lost all but its first words, silently).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input

# the keys of Input's own bindings (editing and moving in the text), not those it inherits for
# scrolling ("down", "pagedown": a screen's, to move in a list below the field)
EDITING_KEYS = frozenset(key.strip() for binding in Input.BINDINGS for key in binding.key.split(","))


class Field(Input):
    """``passes``: keys the field leaves to its screen for now (a search's Home and End move in
    results asked for and still coming)."""

    def __init__(self, *args, passes: Callable[[str], bool] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.passes = passes

    # (Textual calls each class's handler, this one first: what it does not stop, Input's does)
    async def _on_key(self, event: events.Key) -> None:
        if event.key not in EDITING_KEYS or event.is_printable or (self.passes and self.passes(event.key)):
            return
        bindings = self._bindings.key_to_bindings.get(event.key)
        if bindings:
            event.stop()
            event.prevent_default()  # (Input's handler is not called)
            self._restart_blink()
            await self.run_action(bindings[0].action)

    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            event.text = " ".join(event.text.splitlines())  # Input's handler inserts its first line
