"""grade, status, correct, note, tag, log and export --verified-only, as a user runs them (CONTRACT.md)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from store.db import open_store
from store.writer import write_article
from store_fixtures import kursk_article, kursk_extraction, run_sitrep


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "s.db"
    db = open_store(path)
    with db.conn:
        write_article(db.conn, kursk_article(), kursk_extraction())
    db.close()
    return str(path)


_capsys = None


@pytest.fixture(autouse=True)
def in_process(monkeypatch, capsys):
    """Run ``sitrep`` in this process (a subprocess per call is slow); one test runs the real one."""
    global _capsys
    _capsys = capsys
    monkeypatch.setenv("SITREP_ANALYST", "alice")


def sitrep(store, *args, env=None):
    import os
    import subprocess

    from tui import cli

    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        _capsys.readouterr()
        code = cli.main([*args, "--db", store])
        out, err = _capsys.readouterr()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return subprocess.CompletedProcess(args, code, out, err)


def everything(store) -> str:
    """The export and the log: what a judgement command could change."""
    return sitrep(store, "export").stdout + sitrep(store, "log", "--json").stdout


def test_each_command_records_and_reports(store):
    assert sitrep(store, "grade", "source", "1", "b").stdout == "source 1: grade F -> B\n"
    assert sitrep(store, "grade", "claim", "1", "2", "--reason", "matches AP").stdout == "claim 1: grade 6 -> 2\n"
    result = sitrep(store, "status", "event", "1", "verified", "--reason", "two outlets agree")
    assert (result.returncode, result.stdout) == (0, "event 1: status unverified -> verified\n")
    result = sitrep(
        store,
        "correct",
        "event",
        "1",
        "--subtype",
        "Air/drone strike",
        "--date",
        "2024-12-13",
        "--place",
        "Sudzha",
        "--killed",
        "4",
    )
    assert result.stdout.splitlines() == [
        "event 1: subtype Armed clash -> Air/drone strike",
        "event 1: date 2024-12-14 -> 2024-12-13",
        "event 1: place Plekhovo, Vorozhba -> Sudzha",
        "event 1: killed none -> 4",
    ]
    assert (
        sitrep(store, "note", "claim", "1", "HUR said so on Telegram").stdout
        == "claim 1: note HUR said so on Telegram\n"
    )
    assert sitrep(store, "tag", "article", "1", "kursk").stdout == "article 1: tag kursk\n"
    assert sitrep(store, "tag", "article", "1", "kursk").stdout == "article 1: already tagged kursk\n"
    assert sitrep(store, "status", "event", "1", "verified").stdout == "event 1: already verified\n"
    assert sitrep(store, "correct", "event", "2", "--delete").stdout.startswith("event 2: deleted (Shelling")
    assert sitrep(store, "tag", "article", "1", "kursk", "--remove").stdout == "article 1: tag kursk removed\n"

    log = [json.loads(line) for line in sitrep(store, "log", "--json").stdout.splitlines()]
    assert set(log[0]) == {"id", "at", "by", "kind", "target_id", "what", "old", "new", "reason"}
    assert [(e["kind"], e["target_id"], e["what"]) for e in log] == [
        ("source", 1, "grade"),
        ("claim", 1, "grade"),
        ("event", 1, "status"),
        ("event", 1, "subtype"),
        ("event", 1, "date"),
        ("event", 1, "place"),
        ("event", 1, "killed"),
        ("claim", 1, "note"),
        ("article", 1, "tag"),
        ("event", 2, "deleted"),
        ("article", 1, "untag"),
    ]
    assert {e["by"] for e in log} == {"alice"} and log[2]["reason"] == "two outlets agree"
    lines = sitrep(store, "log").stdout.splitlines()
    assert len(lines) == len(log)
    assert lines[2].endswith("alice  event 1  status  unverified -> verified  (two outlets agree)")


def test_export_carries_the_judgement(store):
    sitrep(store, "grade", "source", "1", "A")
    sitrep(store, "status", "event", "1", "verified")
    sitrep(store, "correct", "event", "1", "--subtype", "Attack", "--killed", "3")
    sitrep(store, "note", "event", "1", "seen on video")
    sitrep(store, "tag", "event", "1", "kursk")
    records = [json.loads(line) for line in sitrep(store, "export").stdout.splitlines()]
    event = next(r for r in records if r["kind"] == "event" and r["id"] == 1)
    assert event["subtype"] == "Attack" and event["type"] == "Violence against civilians"
    judgement = event["judgement"]
    assert set(judgement) >= {"status", "grade", "notes", "tags", "corrected", "extracted", "by", "at"}
    assert judgement["status"] == "verified" and judgement["tags"] == ["kursk"]
    assert judgement["corrected"] == {"subtype": "Attack", "killed": 3}
    assert judgement["extracted"] == {"subtype": "Armed clash", "killed": None}
    assert judgement["notes"][0]["text"] == "seen on video" and judgement["by"] == "alice"
    source = next(r for r in records if r["kind"] == "source" and r["id"] == 1)
    assert source["reliability"] == "A" and source["judgement"]["grade"] == "A"
    unjudged = next(r for r in records if r["kind"] == "event" and r["id"] == 2)
    assert "judgement" not in unjudged and unjudged["status"] == "unverified"

    rows = list(csv.DictReader(io.StringIO(sitrep(store, "export", "--kind", "event", "--format", "csv").stdout)))
    first = next(r for r in rows if r["event_id"] == "1")
    assert (first["sub_event_type"], first["fatalities"], first["status"], first["tags"]) == (
        "Attack",
        "3",
        "verified",
        "kursk",
    )
    assert json.loads(first["extracted"]) == {"subtype": "Armed clash", "killed": None}
    assert first["analyst_notes"] == "seen on video" and first["judged_by"] == "alice"
    sources = list(csv.DictReader(io.StringIO(sitrep(store, "export", "--kind", "source", "--format", "csv").stdout)))
    assert sources[0]["reliability"] == "A" and sources[0]["judged_by"] == "alice"


def test_export_verified_only(store):
    sitrep(store, "status", "event", "2", "verified")
    sitrep(store, "status", "claim", "2", "verified")
    sitrep(store, "status", "event", "1", "disputed")
    records = [json.loads(line) for line in sitrep(store, "export", "--verified-only").stdout.splitlines()]
    by_kind: dict[str, list[int]] = {}
    for record in records:
        by_kind.setdefault(record["kind"], []).append(record["id"])
    assert by_kind["event"] == [2] and by_kind["claim"] == [2]
    assert by_kind["article"] == [1] and by_kind["source"] == [2]  # what the verified ones refer to
    names = {r["name"] for r in records if r["kind"] == "entity"}
    assert names == {"Martynovka"}  # the verified shelling's place; not Plekhovo of the disputed battle
    csv_rows = list(
        csv.DictReader(
            io.StringIO(sitrep(store, "export", "--kind", "event", "--format", "csv", "--verified-only").stdout)
        )
    )
    assert [r["event_id"] for r in csv_rows] == ["2"]
    nothing = sitrep(store, "export", "--kind", "claim", "--verified-only", "--format", "csv")
    assert nothing.returncode == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["grade", "source", "1", "G"], "unknown grade 'G'"),
        (["grade", "claim", "1", "7"], "credibility is 1-6"),
        (["grade", "source", "99", "A"], "source 99: no such source"),
        (["grade", "event", "1", "A"], "only sources (A-F) and claims (1-6) are graded"),
        (["grade", "source", "x", "A"], "invalid int value"),
        # ids are ASCII digits: int() reads Arabic-Indic "١", full-width "１", "1_0" and " 1\n" too
        (["grade", "source", "\u0661", "A"], "invalid int value: '\u0661' (an id is written in the digits 0-9)"),
        (["grade", "claim", "\u06f1", "3"], "invalid int value: '\u06f1'"),
        (["status", "event", "\uff11", "verified"], "invalid int value: '\uff11'"),
        (["correct", "event", "\u0967", "--killed", "3"], "invalid int value: '\u0967'"),
        (["note", "event", "1\n", "x"], "invalid int value: '1\\n'"),
        (["tag", "article", " 1", "x"], "invalid int value: ' 1'"),
        (["tag", "source", "1_0", "x"], "invalid int value: '1_0'"),
        (["status", "claim", "+1", "verified"], "invalid int value: '+1'"),
        (["status", "event", "1", "true"], "unknown status 'true'"),
        (["status", "event", "42", "verified"], "event 42: no such event"),
        (["status", "source", "1", "verified"], "unknown kind 'source'"),
        (["status", "incident", "99", "verified"], "incident 99: no such incident"),
        (["correct", "event", "1", "--date", "2024-13-45"], "2024-13-45"),
        (["correct", "event", "1", "--date", "9999-12-31"], "date '9999-12-31' is out of range: give a year from 1800"),
        (["correct", "event", "1", "--date", "0001-01-01"], "date '0001-01-01' is out of range"),
        (["correct", "event", "1", "--subtype", ""], "subtype is empty"),
        (["correct", "event", "1", "--subtype", "Attack", "--killed", "many"], "not a whole number"),
        (["correct", "event", "1"], "nothing to correct"),
        (["correct", "event", "1", "--delete", "--killed", "3"], "--delete takes no other"),
        (["correct", "claim", "1", "--killed", "3"], "unknown kind 'claim'"),
        (["correct", "event", "9", "--delete"], "event 9: no such event"),
        (["note", "event", "1", ""], "note is empty"),
        (["note", "entity", "1", "x"], "unknown kind 'entity'"),
        (["tag", "event", "1", "a,b"], "cannot hold"),
        (["tag", "source", "77", "x"], "source 77: no such source"),
        (["tag", "source", "1", "x", "--analyst", "evil\x1b[2J"], "analyst name 'evil\\x1b[2J' cannot hold control"),
        (["tag", "source", "1", "x", "--analyst", "a" * 100], "analyst name is 100 characters long; at most 80"),
        (["status", "event", "1", "verified", "--reason", "a\x1b[2J"], "a reason cannot hold terminal control"),
        (["grade", "source", "1", "B", "--reason", "\x07"], "a reason cannot hold terminal control"),
        # ids beyond SQLite's 64-bit integers are the ids of nothing, in any store
        (["grade", "source", "99999999999999999999999999", "B"], "source 99999999999999999999999999: no such"),
        (["grade", "claim", "9223372036854775808", "3"], "claim 9223372036854775808: no such claim"),
        (["status", "incident", "9223372036854775808", "verified"], "no such incident"),
        (["correct", "event", "-9223372036854775809", "--killed", "3"], "no such event"),
        (["note", "article", "9223372036854775808", "x"], "no such article"),
        (["tag", "event", "9223372036854775808", "x", "--remove"], "no such event"),
    ],
)
def test_a_bad_id_or_value_exits_2_with_one_line_and_changes_nothing(store, args, message):
    before = everything(store)
    result = sitrep(store, *args)
    assert result.returncode == 2, result
    assert result.stderr.count("\n") == 1 and message in result.stderr and result.stderr.startswith("sitrep: ")
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert everything(store) == before


def test_the_analyst_is_named_by_flag_environment_or_os(store):
    sitrep(store, "tag", "event", "1", "a", env={"SITREP_ANALYST": "bob"})
    sitrep(store, "tag", "event", "1", "b", "--analyst", "carol")
    # the real command, as a user runs it: the flag before the command name, and a bad value
    assert run_sitrep("--analyst", "dave", "tag", "event", "1", "c", "--db", store).returncode == 0
    bad = run_sitrep("grade", "claim", "1", "9", "--db", store)
    assert (bad.returncode, bad.stdout) == (2, "") and bad.stderr.count("\n") == 1 and "1-6" in bad.stderr
    log = [json.loads(line) for line in sitrep(store, "log", "--json").stdout.splitlines()]
    assert [e["by"] for e in log] == ["bob", "carol", "dave"]


def test_the_config_files_analyst_comes_after_the_flag_and_the_environment(store, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('analyst = "erin"\n', encoding="utf-8")
    monkeypatch.setenv("SITREP_CONFIG", str(config))
    monkeypatch.delenv("SITREP_ANALYST")
    sitrep(store, "tag", "event", "1", "from-config")
    sitrep(store, "tag", "event", "1", "from-env", env={"SITREP_ANALYST": "frank"})
    sitrep(store, "tag", "event", "1", "from-flag", "--analyst", "gina")
    log = [json.loads(line) for line in sitrep(store, "log", "--json").stdout.splitlines()]
    assert [(e["new"], e["by"]) for e in log] == [("from-config", "erin"), ("from-env", "frank"), ("from-flag", "gina")]


def test_a_read_only_store_is_refused_for_judging(store, tmp_path):
    import os

    os.chmod(store, 0o444)
    try:
        if os.access(store, os.W_OK):
            pytest.skip("running as a user who can write anything")
        result = sitrep(store, "grade", "source", "1", "A")
        assert result.returncode == 2 and "read-only" in result.stderr
    finally:
        os.chmod(store, 0o644)


def test_judging_text_is_shown_as_data(store):
    sitrep(store, "note", "event", "1", "[b]bold[/b] and a tab\tthere")
    lines = sitrep(store, "log").stdout
    assert "[b]bold[/b]" in lines and "\x1b" not in lines


def test_a_note_or_reason_of_several_lines_is_kept_and_shown_on_one_line(store):
    assert sitrep(store, "note", "event", "1", "multi\nline note").stdout == "event 1: note multi\\x0aline note\n"
    sitrep(store, "status", "event", "1", "verified", "--reason", "line1\nline2")
    lines = sitrep(store, "log").stdout.splitlines()
    assert len(lines) == 2 and lines[0].endswith("note  multi\\x0aline note")
    assert lines[1].endswith("unverified -> verified  (line1\\x0aline2)")
    logged = [json.loads(line) for line in sitrep(store, "log", "--json").stdout.splitlines()]
    assert [e["new"] for e in logged] == ["multi\nline note", "verified"] and logged[1]["reason"] == "line1\nline2"


def test_the_analyst_name_from_the_environment_is_refused_with_control_characters(store):
    result = sitrep(store, "tag", "event", "1", "x", env={"SITREP_ANALYST": "a\x07b"})
    assert (result.returncode, result.stderr) == (2, "sitrep: analyst name 'a\\x07b' cannot hold control characters\n")


def test_a_tag_is_shown_as_the_analyst_wrote_it_whatever_the_case_it_is_removed_by(store):
    assert sitrep(store, "tag", "event", "1", "Foo").stdout == "event 1: tag Foo\n"
    # tags compare without case: "FOO" is the tag "Foo" already there
    assert sitrep(store, "tag", "event", "1", "FOO").stdout == "event 1: already tagged Foo\n"
    assert sitrep(store, "tag", "event", "1", "Kyiv Front").returncode == 0
    [event] = [json.loads(line) for line in sitrep(store, "export", "--kind", "event").stdout.splitlines()][:1]
    assert event["judgement"]["tags"] == ["Foo", "Kyiv Front"]
    assert sitrep(store, "tag", "event", "1", "foo", "--remove").stdout == "event 1: tag Foo removed\n"
    assert sitrep(store, "log").stdout.splitlines()[-1].endswith("alice  event 1  untag  Foo removed")
    last = json.loads(sitrep(store, "log", "--json").stdout.splitlines()[-1])
    assert (last["what"], last["old"], last["new"]) == ("untag", "Foo", None)
    assert sitrep(store, "tag", "event", "1", "foo", "--remove").stdout == "event 1: had no tag foo\n"
