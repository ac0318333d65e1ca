"""How fast the browser is on a store of 100k articles, events and incidents. Prints the figures.

    .venv/bin/python bench/browser_speed.py [--db PATH] [--articles N]

1. launch to rows on screen: the real ``sitrep --db PATH`` in a tmux pane, timed from the
   command until a data row shows in the captured screen (includes Python start-up and imports);
2. keypress to repaint while scrolling Events: in the same pane, each key (j, PgDn, and G/g jumps
   that need pages never read) timed from ``tmux send-keys`` until the Events pane shows the moved
   cursor with rows (not placeholders), and until the reader and facts previewing the event have
   settled; polling ``tmux capture-pane`` (so tmux's own latency, a few ms, is included);
3. the same for the incident view: Enter on an incident until its versions are listed side by
   side (the facts pane, on the right, shows "Claimant" and a version row), then j through them;
4. resident memory of the real process after scrolling (VmRSS from /proc).

The Events pane lists incidents (three events of three articles each, 33,334 incidents for 100k
articles).

Targets (issue 4): <= 1 s, <= 50 ms, <= 300 MB. The store is built once, by SQL, if missing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from app_fixtures import build_big_store  # noqa: E402

SESSION = "sitrep-bench"
LEFT_COLUMNS = 88  # the list panes' share of a 160-column terminal


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def measure_real_app(db: Path) -> dict[str, object]:
    """Launch time, keypress-to-repaint times and memory of the real app in a tmux pane."""
    sitrep = Path(sys.executable).with_name("sitrep")
    command = (
        f"{sitrep} --db {db}"
        if sitrep.exists()
        else (f"{sys.executable} -c \"from tui.app import make_app; make_app('{db}').run()\"")
    )
    tmux("kill-session", "-t", SESSION)
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", SESSION, "-x", "160", "-y", "45", command)
    figures: dict[str, object] = {"launch": float("nan")}
    while time.perf_counter() - started < 20:
        screen = tmux("capture-pane", "-p", "-t", SESSION)
        if "Synthetic report" in screen:  # a data row of the Articles pane
            figures["launch"] = time.perf_counter() - started
            break
        time.sleep(0.005)
    time.sleep(1)
    tmux("send-keys", "-t", SESSION, "2")
    time.sleep(0.5)

    def events_pane(screen: str) -> str:
        """The left column (the list panes), plain text: where the Events cursor moves."""
        return "\n".join(line[:LEFT_COLUMNS] for line in screen.splitlines())

    def facts_pane(screen: str) -> str:
        """The right column (the reader and the facts): where an incident's versions show."""
        return "\n".join(line[LEFT_COLUMNS:] for line in screen.splitlines())

    def repaint(key: str, region=events_pane, ready=lambda screen: True) -> tuple[float, float]:
        """Seconds from sending ``key`` until the Events pane is redrawn with rows, and until
        the whole screen (the reader and facts previewing the event) has settled."""
        capture = ("capture-pane", "-p", "-t", SESSION)
        before = tmux(*capture)
        sent = time.perf_counter()
        tmux("send-keys", "-t", SESSION, key)
        pane = whole = float("nan")
        last, last_change = before, sent
        while time.perf_counter() - sent < 5:
            screen = tmux(*capture)
            now = time.perf_counter()
            if pane != pane and region(screen) != region(before) and "loading…" not in region(screen) and ready(screen):
                pane = now - sent
            if screen != last:
                last, last_change = screen, now
            if "loading…" not in screen and screen != before and now - last_change > 0.15:
                whole = last_change - sent  # nothing changed for 150 ms: settled
                break
        return pane, whole

    for name, keys in (("j", ["j"] * 30), ("PgDn", ["PageDown"] * 20), ("G/g (far jump)", ["G", "g"] * 3)):
        times = [repaint(key) for key in keys]
        figures[name] = [t[0] for t in times]
        figures[f"{name}, reader and facts settled"] = [t[1] for t in times]
    # the incident view: Enter on an incident (its versions side by side), then along the versions
    opened, versions = [], []
    for _ in range(5):
        tmux("send-keys", "-t", SESSION, "2")
        time.sleep(0.3)
        tmux("send-keys", "-t", SESSION, "j")
        time.sleep(0.3)
        opened.append(repaint("Enter", facts_pane, lambda screen: "Claimant" in facts_pane(screen)))
        versions += [repaint("j", facts_pane) for _ in range(2)]
        tmux("send-keys", "-t", SESSION, "Escape")
        time.sleep(0.3)
    figures["Enter on an incident: versions shown"] = [t[0] for t in opened]
    figures["j in an incident's versions"] = [t[0] for t in versions]
    pid = tmux("display-message", "-p", "-t", SESSION, "#{pane_pid}").strip()
    figures["rss"] = _rss_mb(int(pid)) if pid else float("nan")
    tmux("send-keys", "-t", SESSION, "q")
    time.sleep(0.5)
    tmux("kill-session", "-t", SESSION)
    return figures


def _rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (the pane may run a shell around Python)."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        pids += [int(c) for c in children]
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "browser-100k-incidents.db")
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build_big_store(args.db, args.articles, events_per_incident=3)
        print(f"built {args.articles:,} articles and events in {time.perf_counter() - started:.1f} s")

    if not shutil.which("tmux"):
        sys.exit("tmux is needed: the figures are taken from the real app in a terminal")
    figures = measure_real_app(args.db)
    print(f"launch to rows on screen: {figures.pop('launch'):.2f} s (target <= 1 s)")
    print(f"resident memory after scrolling: {figures.pop('rss'):.0f} MB (target <= 300 MB)")
    for key, values in figures.items():
        values_ms = sorted(v * 1000 for v in values)
        p95 = values_ms[max(0, int(len(values_ms) * 0.95) - 1)]
        where = "" if key.startswith(("Enter", "j in")) else "Events, "
        print(
            f"keypress to repaint, {where}{key}: median {statistics.median(values_ms):.1f} ms, "
            f"p95 {p95:.1f} ms, max {values_ms[-1]:.1f} ms (target <= 50 ms)"
        )


if __name__ == "__main__":
    main()
