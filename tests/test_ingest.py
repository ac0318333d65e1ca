"""Ingest runs: dedupe, folders, stdin, the process pool, rejections (the writer: test_writer.py)."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from extract.model import Entity, Extraction, Span
from store import ingest as ingest_module
from store.db import open_store
from store.ingest import IngestSummary, ingest_articles, ingest_paths, read_inputs
from store.readers import RawArticle, Rejection
from store_fixtures import (
    FIXTURES,
    SITREP,
    assert_spans_exact,
    assert_store_sound,
    make_corpus,
    run_sitrep,
)


def one(db, sql, *params):
    return db.execute(sql, params).fetchone()


# --- ingest runs -----------------------------------------------------------------------------------


def run(db, paths, **kw) -> tuple[IngestSummary, list[str]]:
    rejected: list[str] = []
    summary = ingest_paths(db, paths, on_reject=lambda r: rejected.append(str(r)), **kw)
    return summary, rejected


def test_ingest_every_fixture_and_then_again(db):
    summary, rejected = run(db, [str(FIXTURES)])
    refs = {r[0] for r in db.execute("SELECT ref FROM articles")}
    assert {
        "dated.txt",
        "front.md",
        "crlf.txt",
        "page.html",
        "wire-001",
        "lines.jsonl:2",
        "4",
        "feed.rss#1",
        "feed.rss#2",
        "feed.atom#1",
        "latin1.txt",
        "folder/a.txt",
        "folder/sub/b.md",
    } == refs
    assert summary.added == len(refs) and summary.present == 0
    assert sorted(rejected) == sorted(
        f"{FIXTURES}/{where}"
        for where in [  # named as the user can find them
            "binary.txt: binary file (not text)",
            "empty.txt: empty file",
            "feed.rss#3: item has no content or summary",
            "lines.jsonl:3: broken JSON (Expecting ',' delimiter at the end of the line)",
            "lines.jsonl:4: no `text` string",
        ]
    )
    assert summary.rejected == 5
    again, _ = run(db, [str(FIXTURES)])
    assert (again.added, again.present, again.rejected) == (0, len(refs), 5)
    assert one(db, "SELECT count(*) FROM articles")[0] == len(refs)
    assert_spans_exact(db)


def test_reingest_runs_no_extraction_and_writes_nothing(db, monkeypatch):
    """Dedupe happens before extraction: the second run extracts no article and changes no row."""
    calls: list[str] = []
    real = ingest_module._extractor()

    def counting(text, published):
        calls.append(text)
        return real(text, published)

    monkeypatch.setattr(ingest_module, "_extractor", lambda: counting)
    first = ingest_paths(db, [str(FIXTURES / "folder"), str(FIXTURES / "dated.txt")], workers=0)
    assert first.added == 3 and len(calls) == 3
    tables = ("articles", "events", "claims", "mentions", "entities", "sources", "names")
    before = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    again = ingest_paths(db, [str(FIXTURES / "folder"), str(FIXTURES / "dated.txt")], workers=0)
    assert (again.added, again.present) == (0, 3)
    assert len(calls) == 3  # nothing extracted again
    assert {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables} == before
    # the same text under another name is a duplicate too, and is not extracted either
    copy = ingest_articles(db, [RawArticle("copy.txt", (FIXTURES / "folder" / "a.txt").read_text().strip())], workers=0)
    assert (copy.added, copy.present, len(calls)) == (0, 1, 3)


def test_folder_refs_are_paths_below_the_folder_and_files_are_as_given(db, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    summary, rejected = run(db, ["folder", "dated.txt", "./front.md"])
    assert summary.added == 4 and rejected == []
    assert {r[0] for r in db.execute("SELECT ref FROM articles")} == {"a.txt", "sub/b.md", "dated.txt", "./front.md"}


def test_a_folder_without_articles_is_a_rejection(db, tmp_path):
    empty = tmp_path / "nothing"
    (empty / "deeper").mkdir(parents=True)
    (empty / "image.png").write_bytes(b"\x89PNG")
    summary, rejected = run(db, [str(empty), str(tmp_path / "missing.txt")])
    assert summary.rejected == 2
    assert rejected[0].startswith(str(empty)) and "no article files" in rejected[0]
    assert "no such file" in rejected[1]


def test_duplicates_within_one_run_are_counted_once(db, tmp_path):
    (tmp_path / "a.txt").write_text("Shelling hit Kherson on Monday.\n")
    (tmp_path / "b.txt").write_text("\ufeffShelling hit Kherson on Monday.\r\n")  # same stored text
    summary, _ = run(db, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert (summary.added, summary.present) == (1, 1)


def test_stdin_jsonl(db):
    data = b'{"text": "Clashes in Goma on Monday.", "id": "g1"}\n{"text": "Protest in Lagos."}\nnot json\n'
    summary, rejected = run(db, ["-"], stdin=io.BytesIO(data))
    assert (summary.added, summary.rejected) == (2, 1)
    assert rejected == ["stdin:3: broken JSON (Expecting value at column 1)"]
    assert {r[0] for r in db.execute("SELECT ref FROM articles")} == {"g1", "stdin:2"}


def test_extraction_failure_rejects_that_article_only(db, monkeypatch):
    def extractor():
        def extract(text, published):
            if "poison" in text:
                raise RuntimeError("cannot parse\nsecond line")
            return Extraction()

        return extract

    monkeypatch.setattr(ingest_module, "_extractor", extractor)
    items = [RawArticle("ok", "Fine text."), RawArticle("bad", "poison text"), Rejection("x.txt", "empty file")]
    rejected: list[Rejection] = []
    summary = ingest_articles(db, items, on_reject=rejected.append, workers=0)
    assert (summary.added, summary.rejected) == (1, 2)
    assert str(rejected[1]) == "bad: extraction failed (RuntimeError: cannot parse)"
    assert {r[0] for r in db.execute("SELECT ref FROM articles")} == {"ok"}


def test_what_the_writer_keeps_is_frozen_between_chunks_and_handed_back_at_the_end(db, monkeypatch):
    """The collector's full passes skip what earlier chunks left alive; nothing stays frozen after."""
    import gc

    monkeypatch.setattr(ingest_module, "_extractor", lambda: lambda text, published: Extraction())
    frozen: list[int] = []
    items = [RawArticle(f"a{i}", f"Text number {i}.") for i in range(3 * ingest_module.CHUNK)]
    summary = ingest_articles(db, items, on_progress=lambda s: frozen.append(gc.get_freeze_count()), workers=0)
    assert summary.added == len(items)
    assert frozen[0] == 0 < frozen[-1]  # the first chunk's report comes before its settling
    assert gc.get_freeze_count() == 0


def test_process_pool_ingest_matches_in_process_ingest(tmp_path):
    articles = [
        RawArticle(
            f"a{i}",
            f"Article {i}: Russian forces shelled Kupiansk on Monday, killing {i} civilians, the governor said.",
            published="2024-02-05",
        )
        for i in range(150)
    ]
    pooled = open_store(tmp_path / "pool.db")
    summary = ingest_articles(pooled, list(articles), workers=2)
    assert summary.added == 150
    serial = open_store(tmp_path / "serial.db")
    ingest_articles(serial, list(articles), workers=0)
    dump = "SELECT a.ref, e.subtype, e.evidence_start, e.evidence_end FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.ref, e.id"
    assert pooled.execute(dump).fetchall() == serial.execute(dump).fetchall()
    assert [r[0] for r in pooled.execute("SELECT ref FROM articles ORDER BY id")] == [a.ref for a in articles]
    pooled.close()
    assert_store_sound(tmp_path / "pool.db")


def test_reads_during_a_write(tmp_path):
    """A read-only connection keeps answering while an ingest subprocess writes."""
    path = tmp_path / "s.db"
    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w") as out:
        for i in range(600):
            out.write(
                json.dumps(
                    {
                        "id": f"n{i}",
                        "published": "2024-03-01",
                        "text": f"Report {i}. Fighting near Avdiivka continued on Friday, the army said. "
                        f"Drones struck Belgorod overnight, officials said. " * 3,
                    }
                )
                + "\n"
            )
    open_store(path).close()
    writer = subprocess.Popen(
        [*SITREP, "ingest", str(corpus), "--db", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    reader = open_store(path, readonly=True)
    seen = []
    try:
        while writer.poll() is None:
            seen.append(reader.execute("SELECT count(*) FROM articles").fetchone()[0])
            reader.execute("SELECT count(*) FROM events").fetchone()
            time.sleep(0.02)
    finally:
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert out.decode().strip() == "added 600, already present 0, rejected 0"
    assert seen and seen == sorted(seen)  # never went backwards, never blocked
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 600
    assert_store_sound(path)


def test_read_inputs_order(tmp_path):
    (tmp_path / "b.txt").write_text("B text.")
    (tmp_path / "a.txt").write_text("A text.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    refs = [a.ref for a in read_inputs([str(tmp_path)])]
    assert refs == ["a.txt", "b.txt"]


def test_seed_store_passes_the_span_invariant(tmp_path):
    from store.ingest import build_from_seeds

    store = open_store(tmp_path / "seed.db")
    summary = build_from_seeds(store)
    assert summary.added >= 1 and summary.rejected == 0
    assert one(store, "SELECT published FROM articles WHERE ref LIKE 'seeds/%'")[0] == "2024-12-16"
    store.close()
    assert_store_sound(tmp_path / "seed.db")


def test_big_folders_read_in_the_pool_match_reading_in_process(tmp_path):
    folder = tmp_path / "many"
    for i in range(90):
        sub = folder / f"d{i // 30}"
        sub.mkdir(parents=True, exist_ok=True)
        if i % 3 == 0:
            (sub / f"{i:03d}.html").write_text(
                f"<html><head><title>Report {i}</title></head><body><nav>menu</nav><article>"
                f"<p>Report {i}: drones struck Sumy on Sunday, wounding {i} people, officials said.</p>"
                f"</article></body></html>"
            )
        else:
            (sub / f"{i:03d}.txt").write_text(
                f"date 2024-08-0{i % 9 + 1} Report {i}: clashes near Toretsk, the army said."
            )
    (folder / "d1" / "045.jsonl").write_text('{"id": "j1", "text": "Inline JSON line about Kherson."}\nbroken\n')
    stores = {}
    for workers in (0, 2):
        db = open_store(tmp_path / f"w{workers}.db")
        summary, rejected = run(db, [str(folder)], workers=workers)
        assert (summary.added, summary.rejected) == (91, 1) and rejected == [
            f"{folder}/d1/045.jsonl:2: broken JSON (Expecting value at column 1)"
        ]
        stores[workers] = db.execute("SELECT ref, title, published, text FROM articles ORDER BY id").fetchall()
        db.close()
    assert stores[0] == stores[2]
    refs = [r[0] for r in stores[2]]
    assert refs[:3] == ["d0/000.html", "d0/001.txt", "d0/002.txt"] and "j1" in refs
    assert refs.index("j1") == refs.index("d1/045.html") + 1  # input order is kept


def test_fifos_and_broken_links_in_folders_are_rejected_not_waited_on(db, tmp_path):
    import os

    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "good.txt").write_text("Clashes near Kupiansk on Monday, the army said.")
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.md").symlink_to(tmp_path / "gone.md")
    summary, rejected = run(db, [str(folder)])
    assert summary.added == 1
    assert sorted(rejected) == [
        f"{folder / 'dangling.md'}: not a regular file",
        f"{folder / 'pipe.txt'}: not a regular file",
    ]


def test_estimate_total_for_the_progress_bar(tmp_path):
    from store.ingest import estimate_total

    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "b.jsonl").write_text('{"text": "1"}\n{"text": "2"}\n{"text": "3"}\n')
    assert estimate_total([str(tmp_path)]) == 4
    assert estimate_total([str(tmp_path / "a.txt"), "-"]) is None


def _timed_extractor(wait):
    """An extractor that spins the CPU on a text with "forever" and ``wait``s on one with "waits"."""

    def extractor():
        def extract(text, published):
            if "forever" in text:
                while True:
                    pass
            if "waits" in text:
                wait()
            return Extraction()

        return extract

    return extractor


def _ingest_with_limit(db, monkeypatch, seconds, articles, workers):
    """Ingest ``articles`` with an extraction limit of ``seconds``, in this process (workers=0) or
    in a pool of worker processes, and return the summary and the rejections."""
    monkeypatch.setattr(ingest_module, "EXTRACTION_SECONDS", seconds)
    monkeypatch.setattr(ingest_module, "POOL_THRESHOLD", 1)  # (the pool even for two articles)
    rejected: list[Rejection] = []
    summary = ingest_articles(db, articles, on_reject=rejected.append, workers=workers)
    return summary, [str(r) for r in rejected]


@pytest.mark.parametrize("workers", [0, 2])
def test_an_article_whose_extraction_never_ends_is_rejected(db, monkeypatch, workers):
    monkeypatch.setattr(ingest_module, "_extractor", _timed_extractor(lambda: None))
    articles = [RawArticle("slow", "Runs forever."), RawArticle("ok", "Fine.")]
    summary, rejected = _ingest_with_limit(db, monkeypatch, 0.3, articles, workers)
    assert (summary.added, summary.rejected) == (1, 1)
    assert rejected == ["slow: extraction took more than 0.3 s of CPU time (article of 13 characters)"]


@pytest.mark.parametrize("workers", [0, 2])
def test_the_extraction_limit_counts_cpu_time_not_waiting(db, monkeypatch, workers):
    """On a loaded machine an extraction waits for a core; that wait is not held against it."""
    monkeypatch.setattr(ingest_module, "_extractor", _timed_extractor(lambda: time.sleep(0.6)))
    articles = [RawArticle("busy machine", "Extraction waits for a core."), RawArticle("ok", "Fine.")]
    summary, rejected = _ingest_with_limit(db, monkeypatch, 0.3, articles, workers)
    assert (summary.added, summary.rejected, rejected) == (2, 0, [])


def test_a_real_article_over_the_limit_is_stopped_in_the_worker_processes(db, monkeypatch):
    from extract.pipeline import extract_article

    sentence = (
        "Russian forces shelled the village of Plekhovo near Kursk on Monday, killing at least five "
        "civilians, regional officials said. "
    )
    extract_article(sentence, "2024-12-16")  # (the workers inherit the loaded model)
    articles = [RawArticle("book.txt", sentence * 600), RawArticle("news.txt", sentence)]
    summary, rejected = _ingest_with_limit(db, monkeypatch, 0.2, articles, workers=2)
    assert (summary.added, summary.rejected) == (1, 1)
    assert rejected == ["book.txt: extraction took more than 0.2 s of CPU time (article of 76,200 characters)"]


def test_a_relayed_claim_counts_for_the_medium_that_carries_it(db):
    text = (
        "A senior security source told Reuters on Monday that 12 soldiers were killed near Kramatorsk. "
        "Another official told Reuters that the attack was repelled. Reuters said it could not verify the claims."
    )
    ingest_articles(db, [RawArticle("a.txt", text, published="2024-12-16")], workers=0)
    counts = {r[0]: (r[1], r[2]) for r in db.execute("SELECT name, n_claims, n_relayed FROM sources")}
    # Reuters makes one claim of its own and carries two for others; the others carry none
    assert counts["Reuters"] == (1, 2)
    assert sum(relayed for _, relayed in counts.values()) == 2
    assert (
        one(db, "SELECT count(*) FROM claims WHERE via_source_id = (SELECT id FROM sources WHERE name = 'Reuters')")[0]
        == 2
    )


def test_the_relayed_counts_of_an_older_store_are_filled_in_when_it_is_upgraded(tmp_path):
    from store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(f"BEGIN;{MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
    conn.executescript("""
        INSERT INTO articles (id, ref, text, hash, ingested_at) VALUES (1, 'a', 'x', 'h', 'now');
        INSERT INTO sources (id, name, merge_key, type, n_claims) VALUES (1, 'Reuters', 'reuters', 'media', 0),
            (2, 'an official', 'an official', 'anonymous', 2);
        INSERT INTO claims (article_id, source_id, via_source_id, cue_start, cue_end, cue_text, content_start,
            content_end, content_text) VALUES (1, 2, 1, 0, 1, 'x', 0, 1, 'x'), (1, 2, NULL, 0, 1, 'x', 0, 1, 'x');
    """)
    conn.close()
    upgraded = open_store(path)
    assert upgraded.execute("SELECT id, n_claims, n_relayed FROM sources ORDER BY id").fetchall() == [
        (1, 0, 1),
        (2, 2, 0),
    ]
    upgraded.close()


def test_the_probe_articles_ingest_whole_with_exact_spans(tmp_path):
    folder = Path(__file__).resolve().parent / "eval" / "probe" / "articles"
    store = tmp_path / "probe.db"
    result = run_sitrep("ingest", str(folder), "--db", str(store))
    assert result.returncode == 0, result.stderr
    assert "added 15" in result.stdout + result.stderr
    assert_store_sound(store)
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] >= 13
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] >= 40


def test_extraction_gets_the_day_and_a_failure_reads_as_one_short_line(db, monkeypatch):
    seen: list[str | None] = []

    def extract(text, published):
        seen.append(published)
        if "long" in text:
            raise ValueError("x" * 300 + "\nsecond line")
        if "bare" in text:
            raise KeyError()
        return Extraction()

    monkeypatch.setattr(ingest_module, "_extractor", lambda: extract)
    rejected: list[Rejection] = []
    items = [
        RawArticle("a", "Fine text.", published="2024-12-16T10:30:00+02:00"),
        RawArticle("b", "A long one."),
        RawArticle("c", "A bare one.", published="2024-12-17"),
    ]
    summary = ingest_articles(db, items, on_reject=rejected.append, workers=0)
    assert seen == ["2024-12-16", None, "2024-12-17"]
    assert (summary.added, summary.rejected) == (1, 2)
    assert [str(r) for r in rejected] == [
        f"b: extraction failed (ValueError: {'x' * 200})",
        "c: extraction failed (KeyError)",
    ]


def test_dropped_facts_and_progress_are_counted(db, monkeypatch):
    def extract(text, published):  # one good mention and one whose span is off the text
        return Extraction(entities=[Entity("e", "place", "Goma", [Span.of(text, 0, 4), Span(90, 99, "nowhere")])])

    monkeypatch.setattr(ingest_module, "_extractor", lambda: extract)
    progress: list[tuple[int, int, int, int]] = []
    items = [RawArticle(f"{i}.txt", f"Goma report number {i}.") for i in range(3)] + [Rejection("x.txt", "empty file")]
    summary = ingest_articles(
        db, items, workers=0, on_progress=lambda s: progress.append((s.added, s.present, s.rejected, s.dropped_facts))
    )
    assert (summary.added, summary.present, summary.rejected, summary.dropped_facts) == (3, 0, 1, 3)
    assert progress[-1] == (3, 0, 1, 3) and progress[0] == (0, 0, 1, 0)
    again = ingest_articles(
        db,
        [RawArticle("0-copy.txt", "Goma report number 0.")],
        workers=0,
        on_progress=lambda s: progress.append((s.added, s.present, s.rejected, s.dropped_facts)),
    )
    assert (again.added, again.present, again.dropped_facts) == (0, 1, 0) and progress[-1] == (0, 1, 0, 0)
    assert summary.to_dict() == {"added": 3, "already_present": 0, "rejected": 1}


def test_a_folder_that_cannot_be_read_is_said_once(db, tmp_path, monkeypatch):
    # (as root every folder can be read: the walk is told it cannot, as os.walk would tell it)
    import os as os_module

    closed = tmp_path / "closed"
    closed.mkdir()

    def walk(top, onerror=None):
        onerror(PermissionError(13, "Permission denied", str(top)))
        return iter(())

    monkeypatch.setattr(os_module, "walk", walk)
    summary, rejected = run(db, [str(closed)])
    assert rejected == [f"{closed}: cannot read folder (Permission denied)"] and summary.rejected == 1


def test_the_final_refresh_of_incidents_in_the_pool_writes_what_the_writer_would(tmp_path, monkeypatch):
    """The display fields of the incidents an ingest left stale, worked out by the pool's worker
    processes (reading the store) and written by the writer, are those it would work out itself."""
    make_corpus(tmp_path / "corpus.jsonl", 120)
    db = open_store(tmp_path / "s.db")
    ingest_paths(db, [str(tmp_path / "corpus.jsonl")], workers=0)
    fields = "SELECT * FROM incidents ORDER BY id"
    expected = db.execute(fields).fetchall()
    assert len(expected) > 10
    assert db.execute("SELECT count(*) FROM incidents WHERE stale").fetchone()[0] == 0
    # every incident stale, its display fields wrong, and one incident left without events
    gone = db.execute("SELECT max(id) FROM incidents").fetchone()[0]
    with db:
        db.execute(
            "UPDATE incidents SET stale = 1, places_label = 'x', casualties_label = 'x', sources_label = 'x', "
            "n_events = 99, n_sources = 99, date = NULL, fatalities = 99"
        )
        db.execute("INSERT INTO incidents (key, type, subtype) VALUES ('k', 'Battles', 'Armed clash')")
    monkeypatch.setattr(ingest_module, "REFRESH_BATCH", 7)
    pool = ingest_module.Workers(2)
    try:
        in_pool = ingest_module._refresh_incidents(db, pool)
    finally:
        pool.close()
    assert in_pool == len(expected) + 1  # every batch went to the pool
    assert db.execute(fields).fetchall() == expected
    assert db.execute("SELECT count(*) FROM incidents WHERE id > ?", (gone,)).fetchone()[0] == 0


def test_url_host_in_python_is_the_sql_one(tmp_path):
    """Summaries name an article with neither outlet nor claimant by its URL's host, worked out in
    Python; the incident view (store/queries.py) works it out in SQL: the same answer for any URL."""
    from store.incident_summary import URL_HOST, url_host

    urls = [
        None,
        "",
        "http://",
        "https://www.bbc.co.uk/news/x",
        "https://www.a.org/www.b/c",
        "HTTPS://WWW.X.COM",
        "https://wwww.x.org/",
        "ftp://x.y",
        "no scheme/www.x",
        "a://b://c/d",
        "https://пример.www.рф?q=1",
        "https://host:8080",
    ]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE a (url)")
    conn.executemany("INSERT INTO a VALUES (?)", [(u,) for u in urls])
    assert [r[0] for r in conn.execute(f"SELECT {URL_HOST} FROM a ORDER BY rowid")] == [url_host(u) for u in urls]
