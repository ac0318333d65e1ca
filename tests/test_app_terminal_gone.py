"""The real browser, in a pseudo-terminal, exits when that terminal goes away without a SIGHUP
(a tmux or ssh session killed while the browser runs in a session of its own): it used to stay
on the deleted terminal for ever, using ~40% of a core."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time

import pytest

from store_fixtures import REPO, SITREP

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")

DRAWN_SECONDS = 60  # the first start also imports Textual and reads the store
EXIT_SECONDS = 5


def _browser_on_pty(store, *, stdin_from_pty: bool = True) -> tuple[subprocess.Popen, int]:
    """``sitrep --db STORE`` with its output (and its input, unless ``stdin_from_pty`` is false:
    then /dev/null) on a new pseudo-terminal, in a session of its own, so closing the terminal
    sends it no SIGHUP: (the process, the master side of the terminal)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("SITREP_DEBUG", None)
    with open(os.devnull, "rb") as devnull:
        proc = subprocess.Popen(
            [*SITREP, "--db", str(store)],
            stdin=slave if stdin_from_pty else devnull,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=REPO,
            start_new_session=True,
        )
    os.close(slave)
    return proc, master


def _read_until_drawn(proc: subprocess.Popen, master: int) -> None:
    """Read the terminal until the browser has drawn its screen (its footer's keys)."""
    seen = b""
    deadline = time.monotonic() + DRAWN_SECONDS
    while b"Quit" not in seen:
        assert proc.poll() is None, f"the browser ended before drawing: {seen[-2000:]!r}"
        assert time.monotonic() < deadline, f"the browser drew nothing: {seen[-2000:]!r}"
        if select.select([master], [], [], 0.2)[0]:
            seen += os.read(master, 65536)
    time.sleep(0.5)  # settled: what it sends once drawn (terminal queries) has been sent


def _assert_exits_when_terminal_closed(proc: subprocess.Popen, master: int) -> None:
    try:
        _read_until_drawn(proc, master)
        os.close(master)
        master = -1
        try:
            proc.wait(timeout=EXIT_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the browser still runs {EXIT_SECONDS}s after its terminal went away")
        assert proc.returncode in (0, 1)
    finally:
        if master >= 0:
            os.close(master)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_the_browser_exits_when_its_terminal_is_closed(kursk_store):
    proc, master = _browser_on_pty(kursk_store)
    _assert_exits_when_terminal_closed(proc, master)


def test_keys_typed_on_the_terminal_still_reach_the_browser(kursk_store):
    """The input loop replaced for this (tui/terminal.py) still reads keys: q quits, status 0."""
    proc, master = _browser_on_pty(kursk_store)
    try:
        _read_until_drawn(proc, master)
        os.write(master, b"q")
        deadline = time.monotonic() + EXIT_SECONDS
        while proc.poll() is None and time.monotonic() < deadline:  # (reading what it writes)
            if select.select([master], [], [], 0.1)[0]:
                try:
                    os.read(master, 65536)
                except OSError:  # EIO: the browser has closed the terminal (it has exited)
                    proc.wait(timeout=EXIT_SECONDS)
        assert proc.poll() == 0
    finally:
        os.close(master)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_the_browser_reading_no_terminal_says_so_on_the_terminal_it_would_draw_on_and_exits_2(kursk_store):
    """Input not from a terminal (here /dev/null): no browser that no key can reach, drawn on the
    output terminal; one line there instead, status 2 (tui/cli.py's entry check)."""
    proc, master = _browser_on_pty(kursk_store, stdin_from_pty=False)
    seen = b""
    try:
        deadline = time.monotonic() + DRAWN_SECONDS
        while True:
            assert time.monotonic() < deadline, f"the browser still runs: {seen[-2000:]!r}"
            if select.select([master], [], [], 0.1)[0]:
                try:
                    seen += os.read(master, 65536)
                except OSError:  # EIO: nothing holds the terminal open any more (it has exited)
                    break
            elif proc.poll() is not None:
                break
        assert proc.wait(timeout=EXIT_SECONDS) == 2
    finally:
        os.close(master)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert seen.replace(b"\r\n", b"\n") == (
        b"sitrep: the browser needs a terminal (stdin is not a tty); see `sitrep --help` for the commands\n"
    )
