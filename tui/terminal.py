"""The browser's terminal driver: Textual's Linux (and macOS) driver, except that the browser
exits when its terminal goes away.

A terminal can vanish without sending a SIGHUP: a tmux session or an ssh connection killed while
the browser runs in a session of its own (``setsid``), a terminal emulator's pty closed under it.
Textual's driver (8.2) then keeps running the browser for ever, on a deleted pty:

- its input thread is woken at once by every wait for input, reads an end of file (or EIO),
  drops it and waits again: a busy loop (~40% of a core);
- its output thread dies on the first write that fails (EIO), after which the app's writes block
  once the thread's queue is full (an app stuck there could not even act on a loss it noticed).

Here an end of file or an error reading a terminal, or an error writing to the terminal, ends the
app (``app.exit`` with status 1; nothing is printed: there is nowhere to print it). Input that is
not a terminal (``sitrep < /dev/null``) ends without ending the app: it is no longer read, and
the app still ends when its output terminal hangs up.

Imported only on the platforms with ``termios`` (``SitrepApp.get_driver_class``).
"""

from __future__ import annotations

import os
import select
import selectors
import sys
import threading
from codecs import getincrementaldecoder
from typing import IO, Any

from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

TERMINAL_GONE = 1  # the exit status when the terminal went away


class _TerminalOutput:
    """The file Textual's output thread writes to (stderr, the terminal): a write or flush that
    fails reports the terminal gone once, and what is written after is dropped, so that the
    thread lives on, emptying its queue, and the app never waits on it."""

    def __init__(self, file: IO[str], gone) -> None:
        self._file = file
        self._gone = gone
        self.lost = False

    def write(self, text: str) -> int:
        if not self.lost:
            try:
                return self._file.write(text)
            except (OSError, ValueError):  # EIO: the terminal is gone (ValueError: stderr closed)
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self._file.flush()
            except (OSError, ValueError):
                self._lose()

    def _lose(self) -> None:
        self.lost = True
        self._gone()

    def __getattr__(self, name: str) -> Any:  # fileno, isatty, encoding...
        return getattr(self._file, name)


class TerminalDriver(LinuxDriver):
    """Textual's ``LinuxDriver``; the browser exits when its terminal goes away (module doc)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._gone_lock = threading.Lock()
        self._terminal_gone = False
        if self._file is not None:
            self._file = _TerminalOutput(self._file, self.terminal_gone)

    def terminal_gone(self) -> None:
        """The terminal is gone: the app exits (once; from any thread, without waiting for it)."""
        with self._gone_lock:
            if self._terminal_gone:
                return
            self._terminal_gone = True
        self._app.call_later(self._app.exit, return_code=TERMINAL_GONE)

    def run_input_thread(self) -> None:
        """Textual's input loop (``LinuxDriver.run_input_thread``, 8.2), with one change: a read
        that ends (EOF) or fails (EIO) stops the loop instead of being tried again at once. On a
        terminal that ends the app; other input (a pipe, a file) just ends, and the thread then
        waits for the output terminal to hang up."""
        fileno = self.fileno
        is_terminal = os.isatty(fileno)
        selector = selectors.SelectSelector()
        selector.register(fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        input_ended = False
        try:
            while not self.exit_event.is_set():
                if selector.select(0.1):
                    try:
                        data = os.read(fileno, 1024 * 4)
                    except OSError:
                        data = b""
                    if not data:
                        input_ended = True
                        break
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
            for event in parser.tick():  # (as Textual's loop: an Escape still waiting)
                self.process_message(event)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
        if input_ended:
            if is_terminal:
                self.terminal_gone()
            else:
                self._wait_for_output_hangup()

    def _wait_for_output_hangup(self) -> None:
        """Until the app stops: when the terminal the app writes to hangs up, the app exits (it
        might write nothing for a long time). Linux only: poll() on a terminal is unreliable on
        macOS; there the next write that fails ends the app."""
        try:
            output = self._file.fileno()
        except (AttributeError, OSError, ValueError):
            return
        if not sys.platform.startswith("linux") or not os.isatty(output):
            return
        poller = select.poll()
        poller.register(output, 0)  # no events asked for: only a hangup or an error is reported
        while not self.exit_event.is_set():
            if poller.poll(100):
                self.terminal_gone()
                return
