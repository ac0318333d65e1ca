"""A real ``sitrep ingest`` killed with SIGKILL mid-run leaves a sound store, and re-running completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

import pytest

from store.db import open_store
from store_fixtures import SITREP, assert_store_sound, make_corpus, run_sitrep


def snapshot(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT a.ref, a.hash, a.n_events, (SELECT count(*) FROM events e WHERE e.article_id = a.id), "
            "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id), "
            "(SELECT count(*) FROM claims c WHERE c.article_id = a.id) FROM articles a ORDER BY a.ref"
        ).fetchall()
    finally:
        conn.close()


def _start_ingest(tmp_path, n: int) -> tuple:
    """A real ``sitrep ingest`` of ``n`` corpus articles into a new store, in a session of its own
    (so its workers can be found and killed): (corpus, store path, process)."""
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, n)
    path = tmp_path / "killed.db"
    open_store(path).close()
    proc = subprocess.Popen(
        [*SITREP, "ingest", str(corpus), "--db", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    return corpus, path, proc


def test_sigkill_mid_ingest_then_rerun_completes_exactly(tmp_path):
    n = 800
    corpus, path, proc = _start_ingest(tmp_path, n)
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    committed = 0
    try:
        deadline = time.monotonic() + 120
        while committed == 0 and time.monotonic() < deadline and proc.poll() is None:
            committed = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)  # the main process only, as `kill -9 PID` would
        proc.wait(timeout=30)
    finally:
        reader.close()
        try:  # then any extraction worker it left behind (they are ours: our session)
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert proc.returncode == -signal.SIGKILL
    assert committed > 0, "the ingest never committed anything before it was killed"

    # sound after the kill: integrity, foreign keys, spans, and every article whole
    assert_store_sound(path)
    after_kill = snapshot(path)
    assert 0 < len(after_kill) < n, "the kill did not land mid-ingest"
    assert all(stored == counted for _, _, stored, counted, _, _ in after_kill)

    # the same input again completes it exactly
    rerun = run_sitrep("ingest", str(corpus), "--db", str(path))
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == f"added {n - len(after_kill)}, already present {len(after_kill)}, rejected 0"
    clean = tmp_path / "clean.db"
    assert run_sitrep("ingest", str(corpus), "--db", str(clean)).returncode == 0
    assert snapshot(path) == snapshot(clean)
    assert_store_sound(path)
    for table in ("entities", "sources", "names"):
        count = "SELECT count(*) FROM " + table
        assert sqlite3.connect(path).execute(count).fetchone() == sqlite3.connect(clean).execute(count).fetchone()
    totals = ("SELECT sum(n_mentions), sum(n_events) FROM entities", "SELECT sum(n_claims) FROM sources")
    for sql in totals:
        assert sqlite3.connect(path).execute(sql).fetchone() == sqlite3.connect(clean).execute(sql).fetchone()


def _living_in_group(pgid: int) -> list[int]:
    """Processes of process group ``pgid`` that are not zombies (Linux's /proc)."""
    living = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            living.append(int(entry))
    return living


def test_the_extraction_workers_end_when_the_ingest_is_killed(tmp_path):
    if not os.path.isdir("/proc"):
        pytest.skip("the check reads /proc")
    _, _, proc = _start_ingest(tmp_path, 800)
    try:
        deadline = time.monotonic() + 120
        while len(_living_in_group(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)  # until a worker runs beside the ingest
        assert len(_living_in_group(proc.pid)) >= 2, "no extraction worker was started"
        proc.send_signal(signal.SIGKILL)  # the main process only, as `kill -9 PID` would
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while _living_in_group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _living_in_group(proc.pid) == [], "workers outlived the killed ingest"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
