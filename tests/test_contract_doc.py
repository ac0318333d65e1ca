"""docs/contract.md read as a specification: every command, flag, choice and export field it lists
exists. (sqlite-utils tests its documentation this way.)

Some of what the contract lists is being built on other branches. Those items are named in
PENDING with the reason; each is skipped only while it is missing (the subcommand absent from the
parser, the choice absent from the option, the field absent from the export), so the check starts
by itself the day it lands. Anything missing that PENDING does not name fails.
"""

from __future__ import annotations

import argparse
import io
import json
import re
from pathlib import Path

import pytest

from extract import model
from store.db import open_store
from store.export import export_jsonl
from tui import cli

DOC = Path(__file__).resolve().parent.parent / "docs" / "contract.md"
TEXT = DOC.read_text(encoding="utf-8")

# What the contract lists and the code does not have yet, with why (skipped only while missing).
PENDING: dict[str, str] = {}


def _missing(what: str, detail: str) -> None:
    """``what`` is absent from the code: skip while it is PENDING, fail otherwise."""
    if what in PENDING:
        pytest.skip(f"docs/contract.md lists {what!r}, not implemented yet ({PENDING[what]})")
    pytest.fail(f"docs/contract.md lists {what!r}: {detail}")


def section(title: str) -> str:
    """The text of the ``## title`` section."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", TEXT, re.M | re.S)
    assert match, f"docs/contract.md has no section {title!r}"
    return match[1]


def code_blocks(text: str) -> list[str]:
    return re.findall(r"^```\n(.*?)^```", text, re.M | re.S)


# --- commands and flags --------------------------------------------------------------------------


def command_lines() -> list[str]:
    """Every command line the Commands table writes (``feeds list`` as ``sitrep feeds list``), and
    commands named with a flag in the prose (``export --verified-only``)."""
    commands = section("Commands")
    lines: list[str] = []
    for row in re.findall(r"^\|(.*)\|\s*$", commands, re.M):
        first = re.split(r"(?<!\\)\|", row)[0]
        for code in re.findall(r"`([^`]+)`", first):
            code = code.replace("\\|", "|").strip()
            lines.append(code if code.startswith("sitrep") else f"sitrep {code}")
    names = {line.split()[1] for line in lines if len(line.split()) > 1 and not line.split()[1].startswith("-")}
    prose = re.sub(r"^```\n.*?^```|^\|[^\n]*$", "", TEXT, flags=re.M | re.S)  # the whole page, no tables or code
    for code in re.findall(r"`([^`]+)`", prose):
        words = code.split()
        if len(words) > 1 and words[0] in names and words[1].startswith("--"):
            lines.append(f"sitrep {code}")
    return lines


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _option(parser: argparse.ArgumentParser, flag: str) -> argparse.Action | None:
    return next((a for a in parser._actions if flag in a.option_strings), None)


def _positional_words(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not a.option_strings and not isinstance(a, argparse._SubParsersAction)]


PLACEHOLDER = re.compile(r"^(\.\.\.|[A-Z][A-Z0-9_]*(\.\.\.|\.[a-z]+)?|[A-Z0-9]\.\.[A-Z0-9])$")


def check_command_line(line: str) -> None:
    tokens = line.replace("[", " ").replace("]", " ").split()
    assert tokens[0] == "sitrep"
    parser, path, i = cli.build_parser(), "", 1
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token.startswith("-"):
            action = _option(parser, token)
            if action is None:
                _missing(f"{path} {token}".strip(), f"no option {token} on `sitrep {path}`")
            takes_value = action.nargs != 0 and not isinstance(
                action,
                (
                    argparse._StoreTrueAction,
                    argparse._StoreFalseAction,
                    argparse._StoreConstAction,
                    argparse._CountAction,
                    argparse._HelpAction,
                ),
            )
            if takes_value and i < len(tokens) and not tokens[i].startswith("-"):
                value = tokens[i]
                i += 1
                if action.choices is not None and not PLACEHOLDER.match(value):
                    for choice in value.split("|"):
                        if choice not in action.choices:
                            _missing(f"{path} {token} {choice}", f"{choice!r} is not a choice of {token}")
            continue
        if PLACEHOLDER.match(token):
            continue
        words = token.split("|")
        subcommands = _subcommands(parser)
        if len(words) == 1 and words[0] in subcommands:
            parser, path = subcommands[words[0]], f"{path} {words[0]}".strip()
            continue
        if subcommands or not path:
            _missing(words[0] if not path else f"{path} {words[0]}", f"no command {words[0]!r}")
        # a word of a positional argument (`grade source ID`, `status event|claim|incident`)
        positionals = _positional_words(parser)
        assert positionals, f"`sitrep {path}` takes no argument, the contract gives it {token!r}"
        if any(p.choices for p in positionals):
            choices = {c for p in positionals if p.choices for c in p.choices}
            assert set(words) <= choices, f"`sitrep {path}`: {sorted(set(words) - choices)} not accepted"


@pytest.mark.parametrize("line", command_lines())
def test_every_command_and_flag_in_the_contract_exists(line):
    check_command_line(line)


def test_the_command_table_is_read_whole():
    lines = command_lines()
    assert (
        "sitrep export --db PATH --kind all|article|event|claim|entity|source --format jsonl|csv|geojson -o FILE"
        in [line.replace("[", "").replace("]", "") for line in lines]
    )
    assert "sitrep feeds list" in lines and "sitrep log [--json]" in lines
    assert "sitrep export --verified-only" in lines and "sitrep export --kind incident" in lines
    assert len(lines) >= 20


def test_the_check_fails_on_a_command_or_choice_that_does_not_exist():
    with pytest.raises(pytest.fail.Exception):
        check_command_line("sitrep frobnicate FILE")
    with pytest.raises(pytest.fail.Exception):
        check_command_line("sitrep export --kind all|pdf")
    with pytest.raises(pytest.fail.Exception):
        check_command_line("sitrep stats --bogus")
    check_command_line("sitrep search QUERY --kind any|place --limit N --json")


def test_every_input_extension_is_known():
    from store.readers import KNOWN_SUFFIXES

    ingest = next(line for line in section("Commands").splitlines() if "`sitrep ingest" in line)
    extensions = set(re.findall(r"`(\.[a-z]+)`", ingest))
    assert extensions == {".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".xml", ".rss", ".atom"}
    assert extensions <= set(KNOWN_SUFFIXES)


# --- records -------------------------------------------------------------------------------------


def documented_records() -> dict[str, dict]:
    """The example records of "Export, JSON Lines", by kind."""
    decoder = json.JSONDecoder()
    records: dict[str, dict] = {}
    for block in code_blocks(section("Export, JSON Lines")):
        at = 0
        while (at := len(block) - len(block[at:].lstrip())) < len(block):
            record, end = decoder.raw_decode(block, at)
            records[record["kind"]] = record
            at = end
    return records


def missing_fields(documented: dict, actual: dict, where: str) -> list[str]:
    """Fields of ``documented`` (nested objects and lists of objects included) absent from ``actual``."""
    missing = []
    for key, value in documented.items():
        if key not in actual:
            missing.append(f"{where}.{key}")
        elif isinstance(value, dict) and isinstance(actual[key], dict):
            missing += missing_fields(value, actual[key], f"{where}.{key}")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            assert actual[key], f"{where}.{key}: empty in the fixture export, cannot check its fields"
            missing += missing_fields(value[0], actual[key][0], f"{where}.{key}[]")
    return missing


def _export(path: Path, kind: str = "all") -> list[dict]:
    db = open_store(path)
    try:
        out = io.StringIO()
        export_jsonl(db, out, kind)
    finally:
        db.close()
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_records_are_read_whole():
    records = documented_records()
    assert set(records) == {"article", "entity", "source", "claim", "event", "incident"}
    assert records["event"]["casualties"][0]["qualifier"] == "at least"
    assert missing_fields({"a": {"b": 1}, "c": [{"d": 1}]}, {"a": {}, "c": [{}]}, "x") == ["x.a.b", "x.c[].d"]


@pytest.mark.parametrize("kind", sorted(documented_records()))
def test_every_export_field_in_the_contract_exists(kind, kursk_store):
    export_kinds = _option(_subcommands(cli.build_parser())["export"], "--kind").choices
    if kind not in export_kinds:
        _missing(kind, f"`export --kind` has no {kind!r}")
    actual = [r for r in _export(kursk_store) if r["kind"] == kind]
    assert actual, f"the fixture store exports no {kind} record"
    assert missing_fields(documented_records()[kind], actual[0], kind) == []


def test_every_event_carries_its_incident_id(kursk_store):
    fields = re.findall(r"every event\s+record carries `(\w+)`", section("Export, JSON Lines"))
    assert fields == ["incident_id"]
    events = [r for r in _export(kursk_store) if r["kind"] == "event"]
    if "incident_id" not in events[0]:
        _missing("event.incident_id", "exported events carry no incident_id")
    assert all("incident_id" in e for e in events)


def test_a_judged_record_carries_the_judgement_fields(kursk_store, monkeypatch, capsys):
    documented = re.search(r'"judgement": \{([^}]*)\}', section("Commands"))[1]
    fields = re.findall(r'"(\w+)"', documented)
    assert fields == ["status", "grade", "notes", "tags", "corrected", "extracted", "by", "at"]
    if "grade" not in _subcommands(cli.build_parser()):
        _missing("judgement", "no `grade` command to judge a record with")
    source = next(r for r in _export(kursk_store) if r["kind"] == "source")
    monkeypatch.setenv("SITREP_DB", str(kursk_store))
    assert cli.main(["grade", "source", str(source["id"]), "B"]) == 0, capsys.readouterr().err
    graded = next(r for r in _export(kursk_store) if r["kind"] == "source" and r["id"] == source["id"])
    assert set(fields) <= set(graded["judgement"]), sorted(set(fields) - set(graded["judgement"]))


def test_the_fetch_summary_carries_the_contract_fields(tmp_path, capsys):
    row = next(line for line in section("Commands").splitlines() if "`sitrep fetch" in line)
    fields = re.findall(r'"(\w+)"', re.search(r"`(\{[^`]*\})`", row)[1])
    assert fields == ["feeds", "fetched", "not_modified", "failed", "waiting", "added", "already_present", "rejected"]
    if "fetch" not in _subcommands(cli.build_parser()):
        _missing("fetch", "no `fetch` command")
    from feed_server import FeedServer, Reply, rss

    db = str(tmp_path / "feeds.db")
    with FeedServer() as server:  # on 127.0.0.1
        server.routes["/wire"] = Reply(
            200,
            rss(
                "Example Wire",
                [
                    {
                        "title": "Talks",
                        "link": server.url("/doha"),
                        "content": "<p>Negotiators met in Doha on Monday, mediators said.</p>",
                    }
                ],
            ),
        )
        assert cli.main(["feeds", "add", server.url("/wire"), "--db", db]) == 0
        capsys.readouterr()
        assert cli.main(["fetch", "--json", "--db", db]) == 0, capsys.readouterr().err
    summary = json.loads(capsys.readouterr().out)
    assert list(summary)[: len(fields)] == fields and summary["fetched"] == 1


def test_the_search_json_line_is_the_documented_one(kursk_store, capsys):
    (example,) = [json.loads(block) for block in code_blocks(section("Commands"))]
    assert cli.main(["search", example["query"], "--json", "--db", str(kursk_store)]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert list(answer) == list(example)
    assert list(answer["results"][0])[: len(example["results"][0])] == list(example["results"][0])
    assert answer["results"][0]["name"] == example["results"][0]["name"]  # "Plehovo" finds Plekhovo


def test_stats_counts_what_the_contract_lists(kursk_store, capsys):
    row = next(line for line in section("Commands").splitlines() if "`sitrep stats" in line)
    listed = re.search(r"counts of ([a-z, ]+)\.", row)[1].split(", ")
    assert listed == ["articles", "events", "claims", "entities", "sources"]
    assert cli.main(["stats", "--json", "--db", str(kursk_store)]) == 0
    assert set(listed) <= set(json.loads(capsys.readouterr().out))


# --- vocabularies and taxonomy -------------------------------------------------------------------


def _bullet_values(label: str) -> list[str]:
    """The backticked values after ``label:`` in the vocabulary list ("casualty `kind`: ...")."""
    text = section("Export, JSON Lines")
    match = re.search(rf"{re.escape(label)}: (.*?)(?:\.|\n  [`A-Z]|\n- |\n\n)", text, re.S)
    assert match, label
    return re.findall(r"`([^`]+)`", match[1])


@pytest.mark.parametrize(
    "label, name",
    [
        ("entity `type`", "ENTITY_TYPES"),
        ("source `type`", "SOURCE_TYPES"),
        ("casualty `kind`", "CASUALTY_KINDS"),
        ("`qualifier`", "QUALIFIERS"),
        ("`date_precision`", "DATE_PRECISIONS"),
    ],
)
def test_every_vocabulary_is_the_models(label, name):
    assert _bullet_values(label) == list(getattr(model, name))


def test_the_taxonomy_table_is_the_models():
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|$", section("Event taxonomy: ACLED's, exactly"), re.M)
    table = {t: s.split("; ") for t, s in rows if t not in ("type", "---")}
    assert table == {t: list(s) for t, s in model.TAXONOMY.items()}
