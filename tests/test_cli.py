"""The ``sitrep`` command line in real subprocesses: output, exit codes, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import random
import select
import shlex
import shutil
import sqlite3
import subprocess
import time

import pytest

from extract.attribution import CLAIM_REACH
from store.db import open_store
from store_fixtures import FIXTURES, REPO, SITREP, run_sitrep
from tui import cli


def test_help_and_usage_errors():
    assert run_sitrep("--help").returncode == 0
    version = run_sitrep("--version")
    assert version.returncode == 0 and version.stdout.startswith("sitrep ")
    for args in (
        ["ingest"],
        ["export", "--format", "pdf"],
        ["frobnicate"],
        ["search"],
        ["search", "x", "--queries", "f.txt"],
        ["search", "x", "--limit", "0"],
        ["stats", "--bogus"],
    ):
        result = run_sitrep(*args, env={"SITREP_DB": "/nonexistent/never.db"})
        assert result.returncode == 2, args
        assert result.stderr.startswith("sitrep: ") and result.stderr.count("\n") == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_text_arguments_that_are_not_utf8_are_refused_in_one_line_and_file_names_are_not(tmp_path):
    db = tmp_path / "s.db"
    odd = tmp_path / "f\udcff.txt"  # (a file name may hold any bytes)
    odd.write_text("date 2024-05-01\nRussian drones hit Odesa on Monday.\n", encoding="utf-8")
    assert run_sitrep("ingest", str(odd), "--db", str(db)).stdout == "added 1, already present 0, rejected 0\n"
    for args in (
        ["note", "article", "1", "bad \udcff note"],
        ["search", "Ky\udcffiv"],
        ["--analyst", "A\udcff", "stats"],
    ):
        result = run_sitrep(*args, "--db", str(db)) if args[0] != "--analyst" else run_sitrep(*args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("sitrep: the argument b'") and "is not UTF-8 text" in result.stderr, args
        assert result.stderr.count("\n") == 1


def test_a_sentence_of_cues_gives_claims_of_bounded_content_and_a_store_in_proportion(tmp_path):
    """ "officials said officials said ..." without a full stop: each cue's content ran to the end of
    the sentence (a 150 KB file gave a 258 MB store and a 2.5 GB export). Now each content is at most
    CLAIM_REACH characters, exact, and the export and the store grow with the text, not its square."""
    text = " said ".join(["officials"] * 3000) + "."
    (tmp_path / "said.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    assert run_sitrep("ingest", str(tmp_path / "said.txt"), "--db", str(db)).returncode == 0
    exported = run_sitrep("export", "--db", str(db), "--kind", "claim")
    claims = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(claims) > 2900
    for claim in claims:
        content = claim["content"]
        assert 0 < len(content["text"]) <= CLAIM_REACH
        assert text[content["start"] : content["end"]] == content["text"]
    assert len(exported.stdout) < 2 * CLAIM_REACH * len(claims)
    assert db.stat().st_size < 2 * CLAIM_REACH * len(claims) + 2_000_000


def test_a_binary_jsonl_file_is_one_rejection_and_a_bad_one_names_its_first_ten_lines(tmp_path):
    """Random bytes named .jsonl printed one "not UTF-8" line for each of their 7,690 "lines"."""
    (tmp_path / "rand.ndjson").write_bytes(random.Random(8).randbytes(300_000))
    good = json.dumps({"text": "Russian drones hit Odesa on Monday.", "published": "2024-05-01"})
    (tmp_path / "bad.jsonl").write_text(good + "\n" + "{broken\n" * 25, encoding="utf-8")
    result = run_sitrep(
        "ingest", str(tmp_path / "rand.ndjson"), str(tmp_path / "bad.jsonl"), "--db", str(tmp_path / "s.db")
    )
    assert result.returncode == 1
    assert result.stdout == "added 1, already present 0, rejected 26\n"
    lines = result.stderr.splitlines()
    assert lines[0] == f"sitrep: {tmp_path / 'rand.ndjson'}: binary file (not text)"
    assert [line.split(": ")[1] for line in lines[1:11]] == [f"{tmp_path / 'bad.jsonl'}:{n}" for n in range(2, 12)]
    assert lines[11:] == [f"sitrep: {tmp_path / 'bad.jsonl'}: 15 more lines rejected"]


def test_a_jsonl_file_with_a_line_of_random_bytes_keeps_its_good_lines(tmp_path):
    """One corrupt line (NULs, control bytes) among JSON objects is that line's rejection, not the
    file's as "binary" (a regression tester lost both good lines so)."""
    lines = [
        json.dumps({"text": f"Russian drones hit Odesa on {day}.", "published": "2024-05-01"})
        for day in ("Monday", "Friday")
    ]
    garbage = bytes(b for b in random.Random(3).randbytes(2_000) if b != 0x0A)
    (tmp_path / "mixed.jsonl").write_bytes(lines[0].encode() + b"\n" + garbage + b"\n" + lines[1].encode() + b"\n")
    result = run_sitrep("ingest", str(tmp_path / "mixed.jsonl"), "--db", str(tmp_path / "s.db"))
    assert result.stdout == "added 2, already present 0, rejected 1\n"
    assert result.stderr.splitlines() == [f"sitrep: {tmp_path / 'mixed.jsonl'}:2: not UTF-8"]


def test_ingest_reports_rejections_one_line_each_and_exits_1(tmp_path):
    db = tmp_path / "s.db"
    result = run_sitrep("ingest", str(FIXTURES), "--db", str(db))
    assert result.returncode == 1
    assert result.stdout == "added 13, already present 0, rejected 5\n"
    lines = result.stderr.splitlines()
    assert len(lines) == 5 and all(line.startswith("sitrep: ") for line in lines)
    assert any("binary.txt: binary file" in line for line in lines)
    assert any("lines.jsonl:3: broken JSON" in line for line in lines)
    again = run_sitrep("--db", str(db), "ingest", str(FIXTURES / "dated.txt"), "--json")
    assert again.returncode == 0 and json.loads(again.stdout) == {"added": 0, "already_present": 1, "rejected": 0}


def test_ingest_stdin_and_env_store(tmp_path):
    db = tmp_path / "env.db"
    result = run_sitrep(
        "ingest", "-", stdin='{"text": "Clashes in Goma on Monday, the army said."}\n', env={"SITREP_DB": str(db)}
    )
    assert result.returncode == 0 and result.stdout == "added 1, already present 0, rejected 0\n"
    stats = run_sitrep("stats", "--json", env={"SITREP_DB": str(db)})
    assert json.loads(stats.stdout)["articles"] == 1


def test_control_characters_in_names_are_never_passed_to_the_terminal(tmp_path):
    bad = tmp_path / "evil\x1b[31mname.txt"
    bad.write_bytes(b"")
    result = run_sitrep("ingest", str(bad), "--db", str(tmp_path / "s.db"))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "evil\\x1b[31mname.txt: empty file" in result.stderr


def test_newlines_and_tabs_in_names_stay_on_the_one_line_of_their_message(tmp_path):
    (tmp_path / "bad\nname.txt").write_bytes(b"\0")
    result = run_sitrep("ingest", ".", "--db", str(tmp_path / "s.db"), cwd=tmp_path)
    assert result.stderr == "sitrep: ./bad\\x0aname.txt: binary file (not text)\n"
    result = run_sitrep("--db", "x\ny\t.db", "stats", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("sitrep: x\\x0ay\\x09.db: no such store")


def test_file_names_that_are_not_utf8_are_named_with_their_bytes_escaped(tmp_path):
    """Their undecodable bytes had come out as U+FFFD in the stored ref (every such name alike) and
    as Python's surrogates ("\\udcff") in the messages: now as the bytes' escapes, on one line."""
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("Shelling hit Kharkiv on Monday, killing two, officials said.")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / os.fsdecode(b"bad\xff.txt")).write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (tmp_path / "in" / os.fsdecode(b"wire\xfe\xed.jsonl")).write_text('{"text": "Shelling hit Odesa."}\nnot json\n')
    paths = [os.fsdecode(b"caf\xe9.txt"), "in", os.fsdecode(b"gone\xff.txt")]
    result = run_sitrep("ingest", *paths, "--db", "s.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "added 2, already present 0, rejected 3\n")
    assert result.stderr.splitlines() == [
        "sitrep: in/bad\\xff.txt: binary file (not text)",
        "sitrep: in/wire\\xfe\\xed.jsonl:2: broken JSON (Expecting value at column 1)",
        "sitrep: gone\\xff.txt: no such file or folder",
    ]
    conn = sqlite3.connect(tmp_path / "s.db")
    refs = [ref for (ref,) in conn.execute("SELECT ref FROM articles ORDER BY id")]
    conn.close()
    assert refs == ["caf\\xe9.txt", "wire\\xfe\\xed.jsonl:1"]
    result = run_sitrep("--db", os.fsdecode(b"s\xff.db"), "stats", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith("sitrep: s\\xff.db: no such store")
    assert result.stderr.count("\n") == 1


def test_stats_counts_one_in_the_singular(tmp_path):
    text = (
        "date 2024-12-17 A Russian drone strike on Kharkiv killed three civilians overnight, the regional "
        "governor Oleh Syniehubov said on Tuesday.\n"
    )
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert run_sitrep("ingest", str(tmp_path / "one.txt"), "--db", db).returncode == 0
    counts = json.loads(run_sitrep("stats", "--json", "--db", db).stdout)
    assert (counts["entities_person"], counts["entities_organization"]) == (1, 0)
    [entities] = [line for line in run_sitrep("stats", "--db", db).stdout.splitlines() if line.startswith("entities")]
    by_type = entities.split("(", 1)[1]
    assert "1 person," in by_type and "0 organizations," in by_type and "1 persons" not in by_type
    for n, noun in ((counts["entities_place"], "place"), (counts["entities_group"], "group")):
        assert f"{n} {noun}{'' if n == 1 else 's'}" in by_type


def test_stats_readable_and_json(kursk_store):
    result = run_sitrep("stats", "--db", str(kursk_store))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for kind, count in (("articles", 1), ("events", 2), ("claims", 2), ("entities", 4), ("sources", 2)):
        assert any(line.split()[:2] == [kind, str(count)] for line in lines), (kind, lines)
    counts = json.loads(run_sitrep("stats", "--json", "--db", str(kursk_store)).stdout)
    assert {k: counts[k] for k in ("articles", "events", "claims", "entities", "sources")} == {
        "articles": 1,
        "events": 2,
        "claims": 2,
        "entities": 4,
        "sources": 2,
    }


def test_read_commands_refuse_a_missing_explicit_store(tmp_path):
    for args in (["stats"], ["export"], ["search", "x"]):
        result = run_sitrep(*args, "--db", str(tmp_path / "missing.db"))
        assert result.returncode == 2 and "no such store" in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_an_empty_store_path_is_a_usage_error_not_the_default_store(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    for args, extra, message in (
        (["--db", "", "stats"], {}, "--db: empty path"),
        (["stats", "--db", ""], {}, "--db: empty path"),
        (["ingest", str(FIXTURES / "dated.txt"), "--db", ""], {}, "--db: empty path"),
        (["stats"], {"SITREP_DB": ""}, "SITREP_DB: empty path"),
    ):
        result = run_sitrep(*args, env={**env, **extra})
        assert (result.returncode, result.stdout, result.stderr) == (2, "", f"sitrep: {message}\n"), args
    assert not (tmp_path / "data").exists()


def test_default_store_is_built_from_the_seeds(tmp_path):
    db = tmp_path / "data" / "sitrep.db"
    result = run_sitrep("stats", "--json", env={"SITREP_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] >= 1
    refs = run_sitrep("export", "--kind", "article", env={"SITREP_DB": str(db)}).stdout.splitlines()
    assert json.loads(refs[0])["ref"].startswith("seeds/")


def test_an_empty_default_store_is_rebuilt_from_the_seeds_but_an_empty_named_one_is_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SITREP_DB", raising=False)
    data = tmp_path / "data"
    env = {"XDG_DATA_HOME": str(data)}
    first = run_sitrep("stats", "--json", env=env)
    assert first.returncode == 0 and "from the bundled articles" in first.stderr
    (default,) = list(data.rglob("*.db"))
    db = open_store(default)
    with db:  # as if the first build had been cut short before its articles were written
        for table in (
            "incident_keys",
            "incident_places",
            "article_bands",
            "article_sketches",
            "claim_events",
            "casualties",
            "event_actors",
            "event_places",
            "events",
            "incidents",
            "claims",
            "mentions",
            "names",
            "sources",
            "entities",
            "articles",
        ):
            db.execute(f"DELETE FROM {table}")
    db.close()
    again = run_sitrep("stats", "--json", env=env)
    assert json.loads(again.stdout)["articles"] >= 1
    named = tmp_path / "empty.db"
    open_store(named).close()
    assert json.loads(run_sitrep("stats", "--json", "--db", str(named)).stdout)["articles"] == 0


def test_sitrep_alone_builds_the_store_then_opens_the_browser(tmp_path, monkeypatch):
    opened = []

    class FakeApp:
        return_code = None  # (Textual's: 1 when the app stopped on an error it showed)

        def __init__(self, path, analyst=None):
            self.path = path
            self.analyst = analyst

        def run(self):
            opened.append((self.path, self.analyst))

    import tui.app

    monkeypatch.setattr(tui.app, "make_app", FakeApp)
    monkeypatch.setattr(cli, "not_terminals", lambda: None)  # (as if on a terminal)
    db = tmp_path / "fresh.db"
    assert cli.main(["--db", str(db), "--analyst", "Dana"]) == 0
    assert opened == [(str(db), "Dana")]  # judgements made in the browser are recorded as Dana
    conn = open_store(db, readonly=True)
    assert conn.execute("SELECT count(*) FROM articles WHERE ref LIKE 'seeds/%'").fetchone()[0] >= 1
    # a browser that stopped on an error is no success (it exited 0 after a traceback)
    FakeApp.return_code = 1
    assert cli.main(["--db", str(db)]) == 1


def test_search_table_json_and_queries_file(kursk_store, tmp_path):
    table = run_sitrep("search", "Plehovo", "--db", str(kursk_store))
    assert table.returncode == 0
    assert "Plekhovo" in table.stdout and table.stdout.splitlines()[0].split()[:3] == ["score", "kind", "name"]
    one = json.loads(run_sitrep("search", "Plehovo", "--json", "--db", str(kursk_store)).stdout)
    assert one["query"] == "Plehovo"
    top = one["results"][0]
    assert set(top) >= {"id", "kind", "type", "name", "matched", "score", "mentions", "events"}
    assert (top["kind"], top["type"], top["name"], top["mentions"], top["events"]) == (
        "entity",
        "place",
        "Plekhovo",
        1,
        1,
    )
    queries = tmp_path / "q.txt"
    queries.write_text("Plehovo\n\nmilitary inteligence\nVorozhba\n")
    lines = run_sitrep("search", "--queries", str(queries), "--json", "--limit", "1", "--db", str(kursk_store))
    answers = [json.loads(line) for line in lines.stdout.splitlines()]
    assert [a["query"] for a in answers] == ["Plehovo", "military inteligence", "Vorozhba"]
    assert all(len(a["results"]) <= 1 for a in answers)
    assert answers[1]["results"][0]["kind"] == "source"
    sources = json.loads(
        run_sitrep("search", "Plekhovo", "--kind", "source", "--json", "--db", str(kursk_store)).stdout
    )
    assert all(r["kind"] == "source" for r in sources["results"])


def test_refused_query_is_one_line_exit_2(kursk_store):
    result = run_sitrep("search", "x" * 5000, "--db", str(kursk_store))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_export_to_unwritable_place_is_one_line(kursk_store, tmp_path):
    result = run_sitrep("export", "--db", str(kursk_store), "-o", str(tmp_path / "no" / "such" / "dir" / "x.jsonl"))
    assert result.returncode == 2 and "cannot write" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize("to_stdout", [False, True])
def test_export_to_a_full_disk_is_one_line_naming_where(kursk_store, to_stdout):
    if to_stdout:
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [*SITREP, "export", "--db", str(kursk_store)], stdout=full, stderr=subprocess.PIPE, text=True
            )
    else:
        result = run_sitrep("export", "--db", str(kursk_store), "-o", "/dev/full")
    where = "standard output" if to_stdout else "/dev/full"
    assert result.returncode == 2
    assert result.stderr == f"sitrep: {where}: cannot write (No space left on device)\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["stats", "--json"],
        ["search", "Plekhovo"],
        ["export", "--kind", "event", "--format", "csv"],
        ["feeds", "export"],
        ["tag", "event", "1", "checked"],
        ["ingest", str(FIXTURES / "dated.txt")],
    ],
)
def test_every_command_says_in_one_line_that_standard_output_is_full(kursk_store, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*SITREP, *args, "--db", str(kursk_store)], stdout=full, stderr=subprocess.PIPE, text=True, cwd=REPO
        )
    assert (result.returncode, result.stderr) == (
        2,
        "sitrep: standard output: cannot write (No space left on device)\n",
    ), args


def test_export_of_every_kind_as_csv_wants_a_folder_or_a_csv_path(kursk_store, tmp_path):
    existing = tmp_path / "notes.txt"
    existing.write_text("mine", encoding="utf-8")
    for target in ("/dev/null", str(existing), str(tmp_path / "ex" / "out.txt")):
        result = run_sitrep("export", "--kind", "all", "--format", "csv", "-o", target, "--db", str(kursk_store))
        assert (result.returncode, result.stderr) == (
            2,
            f"sitrep: {target}: not a folder (--kind all --format csv -o takes a folder or a path ending in .csv)\n",
        )
    assert existing.read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "ex").exists()  # no folder named "out.txt" (nor its parent) is made
    result = run_sitrep(
        "export", "--kind", "all", "--format", "csv", "-o", str(tmp_path / "out.csv"), "--db", str(kursk_store)
    )
    assert result.returncode == 0 and (tmp_path / "out_events.csv").exists()
    for folder in ("tables", "tables.v2/"):  # a new folder: a path with no extension, or ending in /
        result = run_sitrep(
            "export", "--kind", "all", "--format", "csv", "-o", f"{tmp_path}/{folder}", "--db", str(kursk_store)
        )
        assert result.returncode == 0 and (tmp_path / folder / "events.csv").exists(), result.stderr


def test_progress_on_a_terminal(tmp_path):
    """With stderr a terminal, a rich progress display runs and the summary still ends on stdout."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [*SITREP, "ingest", str(FIXTURES / "folder"), "--db", str(tmp_path / "t.db")],
        stdout=subprocess.PIPE,
        stderr=secondary,
        stdin=subprocess.DEVNULL,
    )
    os.close(secondary)
    seen = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(primary)
    assert proc.returncode == 0
    assert out == b"added 2, already present 0, rejected 0\n"
    assert b"Traceback" not in seen


def test_articles_with_numbers_that_leave_the_calendar_are_stored_not_rejected(tmp_path):
    lines = [
        {
            "id": "a1",
            "published": "9999-12-31",
            "text": "On Monday, Russian forces shelled Kherson, killing 3 civilians.",
        },
        {"id": "a2", "published": "0001-01-01", "text": "Troops shelled Kharkiv last year, killing 2 civilians."},
        {
            "id": "a3",
            "published": "2024-05-01",
            "text": "Russian forces shelled the town on 3 May 2023. 99999999999999 days later, troops attacked it.",
        },
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    (tmp_path / "old.txt").write_text("date 0999-01-01 Troops shelled Odesa, killing 1 civilian.\n", encoding="utf-8")
    (tmp_path / "far.md").write_text("---\ndate: 2201-01-01\n---\nTroops shelled Sumy.\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = run_sitrep("ingest", str(path), str(tmp_path / "old.txt"), str(tmp_path / "far.md"), "--db", db)
    assert (result.returncode, result.stdout, result.stderr) == (0, "added 5, already present 0, rejected 0\n", "")
    # a real day of a year no report has (extract/dates.py reads 1800-2200) is no publication date
    articles = [json.loads(line) for line in run_sitrep("export", "--kind", "article", "--db", db).stdout.splitlines()]
    published = {a["ref"].rsplit("/", 1)[-1]: a["published"] for a in articles}
    assert published == {"a1": None, "a2": None, "a3": "2024-05-01", "old.txt": None, "far.md": None}
    texts = {a["ref"].rsplit("/", 1)[-1]: a["text"] for a in articles}
    assert texts["old.txt"] == "Troops shelled Odesa, killing 1 civilian."  # the date line is still metadata


def test_the_acled_location_is_the_most_specific_place_with_the_country_of_the_others(tmp_path):
    lines = [
        # a town without a known region before a city named as where something else happened
        {
            "id": "n1",
            "published": "2024-03-28",
            "text": "On 27 March 2024, security services detained 9 people in Vahdat (Vahdat, Districts of "
            "Republican Subordination), in the wake of the concert hall attack near Moscow.",
        },
        # the place is in Greece: the 'Molotov cocktails' thrown there are no Perm (once called Molotov)
        {
            "id": "n2",
            "published": "2023-12-07",
            "text": "On 6 December 2023, demonstrators threw Molotov cocktails and stones at riot police in "
            "Athens, and police used tear gas.",
        },
    ]
    path = tmp_path / "notes.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert run_sitrep("ingest", str(path), "--db", db).returncode == 0
    export = run_sitrep("export", "--db", db, "--kind", "event", "--format", "csv")
    rows = {r["article_ref"]: r for r in csv.DictReader(io.StringIO(export.stdout))}
    assert (rows["n1"]["location"], rows["n1"]["country"]) == ("Vahdat", "Tajikistan")
    assert (rows["n2"]["location"], rows["n2"]["country"]) == ("Athens", "Greece")


def test_the_browser_builds_a_missing_named_store_from_the_seeds(tmp_path, monkeypatch, capsys):
    # `sitrep --db new.db` is "the same on another store": built from the seeds, said on stderr
    from tui import cli

    opened = []
    monkeypatch.setattr("tui.app.SitrepApp.run", lambda app: opened.append(app))
    monkeypatch.setattr("tui.cli.not_terminals", lambda: None)  # (as if on a terminal)
    db = tmp_path / "new.db"
    assert cli.main(["--db", str(db)]) == 0
    assert len(opened) == 1 and f"building {db} from the bundled articles" in capsys.readouterr().err
    store = open_store(db)
    assert store.execute("SELECT count(*) FROM articles").fetchone()[0] >= 1
    store.close()


def test_an_export_is_never_written_over_the_store_or_another_database(kursk_store, tmp_path):
    before = kursk_store.read_bytes()
    for args in (["export"], ["feeds", "export"]):
        for target in (str(kursk_store), f"{kursk_store}-wal"):
            result = run_sitrep(*args, "--db", str(kursk_store), "-o", target)
            assert result.returncode == 2 and "that is the store itself" in result.stderr, result.stderr
    other = tmp_path / "other.db"
    other.write_bytes(before)
    result = run_sitrep("export", "--db", str(kursk_store), "-o", str(other))
    assert result.returncode == 2 and "is an SQLite database" in result.stderr
    assert other.read_bytes() == before
    assert json.loads(run_sitrep("stats", "--json", "--db", str(kursk_store)).stdout)["articles"] == 1


def test_a_read_command_does_not_turn_an_empty_file_into_a_store(tmp_path):
    empty = tmp_path / "notes.txt"
    empty.write_bytes(b"")
    for args in (["stats"], ["export"], ["search", "x"], ["feeds", "list"]):
        result = run_sitrep(*args, "--db", str(empty))
        assert result.returncode == 2 and "an empty file, not a Sitrep store" in result.stderr, (args, result.stderr)
    assert empty.read_bytes() == b""


def test_writing_to_a_store_that_cannot_be_written_says_so_in_one_line(kursk_store, monkeypatch, capsys):
    import sqlite3

    from tui import cli

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr("store.ingest.ingest_paths", refuse)
    assert cli.main(["ingest", str(FIXTURES), "--db", str(kursk_store)]) == 2
    err = capsys.readouterr().err
    assert err == f"sitrep: {kursk_store}: the store is read-only here; nothing can be written to it\n"


def _damage(path, start: int, length: int) -> None:
    """Random bytes (always the same ones) over ``length`` bytes of ``path`` from ``start``."""
    import random

    with open(path, "r+b") as file:
        file.seek(start)
        file.write(random.Random(7).randbytes(length))


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["export"],
        ["search", "Kursk"],
        ["log"],
        ["feeds", "list"],
        ["ingest", str(FIXTURES / "dated.txt")],
        ["grade", "source", "1", "B"],
        ["tag", "event", "1", "checked"],
    ],
)
def test_a_damaged_store_is_named_as_damaged_in_one_line(kursk_store, args):
    size = kursk_store.stat().st_size
    _damage(kursk_store, 4096, size - 4096)  # every page but the first (the schema) garbled
    result = run_sitrep(*args, "--db", str(kursk_store))
    assert (result.returncode, result.stderr) == (
        2,
        f"sitrep: {kursk_store}: the store is damaged (database disk image is malformed)\n",
    ), args


@pytest.fixture
def read_only_mount(tmp_path):
    """A folder mounted read-only (bind mount, remounted ro): what SQLite meets on read-only media,
    where it cannot even make its -wal and -shm files. Root and mount(8) needed, else skipped."""
    source, mounted = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mounted.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root and mount(8)")
    if subprocess.run(["mount", "--bind", str(source), str(mounted)], capture_output=True).returncode != 0:
        pytest.skip("bind mounts are not allowed here")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(mounted)], capture_output=True).returncode != 0:
            pytest.skip("read-only remounts are not allowed here")
        yield source, mounted
    finally:
        subprocess.run(["umount", str(mounted)], capture_output=True)


def test_a_store_on_a_read_only_file_system_is_read_browsed_and_a_write_says_why(kursk_store, read_only_mount):
    source, mounted = read_only_mount
    (source / "s.db").write_bytes(kursk_store.read_bytes())
    store = mounted / "s.db"
    assert run_sitrep("stats", "--json", "--db", str(store)).returncode == 0
    result = run_sitrep("ingest", str(FIXTURES / "dated.txt"), "--db", str(store))
    assert (result.returncode, result.stderr) == (
        2,
        f"sitrep: {store}: cannot be written here: the store or its folder is read-only\n",
    )
    # the browser opens it (it said "unusable store" and stopped)
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [*SITREP, "--db", str(store)], stdin=secondary, stdout=secondary, stderr=secondary, cwd=REPO
    )
    os.close(secondary)
    seen = b""
    try:
        deadline = time.monotonic() + 60
        while b"Articles" not in seen and proc.poll() is None and time.monotonic() < deadline:
            if select.select([primary], [], [], 0.2)[0]:
                try:
                    seen += os.read(primary, 65536)
                except OSError:
                    break
        assert b"Articles" in seen, seen[-500:]
        os.write(primary, b"q")
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(primary)


def test_a_truncated_store_is_named_as_cut_short(kursk_store):
    size = kursk_store.stat().st_size
    os.truncate(kursk_store, size // 2)
    for args in (["stats"], ["grade", "source", "1", "B"]):
        result = run_sitrep(*args, "--db", str(kursk_store))
        assert (result.returncode, result.stderr) == (
            2,
            f"sitrep: {kursk_store}: the store is damaged (truncated: {size // 2:,} of its {size:,} bytes)\n",
        ), args


def _text_not_utf8(path) -> None:
    """Two bytes in the middle of the article's text (stored once, in articles.text) made 0xff 0xfe."""
    data = bytearray(path.read_bytes())
    at = data.index(b"15. Russian troops") + 4
    data[at : at + 2] = b"\xff\xfe"
    path.write_bytes(bytes(data))


def _table_dropped(path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE mentions")
    conn.close()


def _articles_page_garbled(path) -> None:
    """The cell pointers of the articles table's page overwritten: SQLite finds no row there, and
    says nothing; the export looking up an event's article finds none."""
    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xff" * 200)


@pytest.mark.parametrize(
    ("damage", "args", "reason"),
    [
        (_text_not_utf8, ["export"], "text that is not UTF-8 in its column 'text'"),
        (
            _text_not_utf8,
            ["export", "--kind", "article", "--format", "csv"],
            "text that is not UTF-8 in its column 'text'",
        ),
        (_table_dropped, ["export"], "no such table: mentions"),
        (_table_dropped, ["export", "--kind", "entity", "--format", "csv"], "no such table: mentions"),
        (_table_dropped, ["stats"], "no such table: mentions"),
        (_articles_page_garbled, ["export", "--kind", "event", "--format", "csv"], "database disk image is malformed"),
    ],
)
def test_a_damaged_store_is_named_with_the_reason_never_with_its_text(kursk_store, damage, args, reason):
    damage(kursk_store)
    result = run_sitrep(*args, "--db", str(kursk_store))
    assert (result.returncode, result.stderr) == (2, f"sitrep: {kursk_store}: the store is damaged ({reason})\n")


def test_an_unexpected_error_on_an_intact_store_is_not_called_damage(kursk_store, monkeypatch, capsys):
    def fail(*args, **kwargs):
        raise RuntimeError("a fault of the code")

    monkeypatch.setattr("store.export.export_jsonl", fail)
    assert cli.main(["export", "--db", str(kursk_store)]) == 2
    assert capsys.readouterr().err == "sitrep: unexpected error: RuntimeError: a fault of the code\n"


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("capsh"), reason="needs root to run sitrep without its file capabilities"
)
def test_a_store_in_a_read_only_folder_is_read_and_a_write_says_the_folder_is_read_only(kursk_store, tmp_path):
    folder = tmp_path / "rodir"
    folder.mkdir()
    store = folder / "s.db"
    store.write_bytes(kursk_store.read_bytes())
    store.chmod(0o666)
    folder.chmod(0o555)
    try:

        def run(*args: str) -> subprocess.CompletedProcess:  # as root that obeys file modes, as any user does
            command = " ".join(shlex.quote(a) for a in [*SITREP, *args, "--db", str(store)])
            caps = "--drop=cap_dac_override,cap_dac_read_search"
            return subprocess.run(["capsh", caps, "--", "-c", command], capture_output=True, text=True, cwd=REPO)

        for args in (["stats", "--json"], ["search", "Kursk"], ["feeds", "list"], ["feeds", "export"]):
            assert run(*args).returncode == 0, args
        for args in (["ingest", str(FIXTURES / "dated.txt")], ["feeds", "add", "https://x.example/rss"]):
            result = run(*args)
            assert (result.returncode, result.stderr) == (
                2,
                f"sitrep: {store}: cannot be written here: its folder is read-only "
                "(SQLite makes the store's -wal and -shm files beside it)\n",
            ), args
    finally:
        folder.chmod(0o755)


NO_TERMINAL = "sitrep: the browser needs a terminal ({} is not a tty); see `sitrep --help` for the commands\n"


@pytest.mark.parametrize(
    "terminals, missing",
    [
        ((), "stdin/stdout/stderr"),
        (("stdin",), "stdout/stderr"),
        (("stdout",), "stdin/stderr"),
        (("stdin", "stdout"), "stderr"),
    ],
)
def test_the_browser_without_a_terminal_says_so_in_one_line_and_exits_2(tmp_path, terminals, missing):
    # `sitrep --db live.db </dev/null >nt.out`, `sitrep 2>log`: not a browser drawing into a file
    # (Textual draws on stderr), waiting forever; and no default store built for it
    primary, secondary = pty.openpty()
    out = tmp_path / "nt.out"
    try:
        with open(os.devnull, "rb") as nothing, open(out, "wb") as file:
            result = subprocess.run(
                [*SITREP, "--db", str(tmp_path / "new.db")],
                stdin=secondary if "stdin" in terminals else nothing,
                stdout=secondary if "stdout" in terminals else file,
                stderr=subprocess.PIPE,
                cwd=REPO,
                timeout=60,
            )
    finally:
        os.close(primary)
        os.close(secondary)
    assert (result.returncode, result.stderr.decode()) == (2, NO_TERMINAL.format(missing))
    assert out.read_bytes() == b""
    assert not (tmp_path / "new.db").exists()
