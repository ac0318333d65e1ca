"""docs/contract.md, line by line: commands, exit codes, input conventions, spans, export records, vocabularies."""

from __future__ import annotations

import json
import unicodedata

import pytest

from extract import model
from store.db import open_store
from store.writer import write_article
from store_fixtures import FIXTURES, kursk_article, kursk_extraction, run_sitrep
from tui.cli import build_parser

# --- Commands ----------------------------------------------------------------------------------------


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return parser, action.choices


def _option(subparser, flag):
    return next(a for a in subparser._actions if flag in a.option_strings)


def test_commands_and_options_exist_as_documented():
    parser, commands = _subparsers()
    assert set(commands) == {
        "ingest",
        "export",
        "search",
        "stats",
        "feeds",
        "fetch",
        "watch",
        "grade",
        "status",
        "correct",
        "note",
        "tag",
        "log",
    }
    assert _option(parser, "--db")
    for name in commands:
        assert _option(commands[name], "--db"), name
    export = commands["export"]
    assert set(_option(export, "--kind").choices) == {
        "all",
        "article",
        "event",
        "incident",
        "claim",
        "entity",
        "source",
    }
    assert set(_option(export, "--format").choices) == {"jsonl", "csv", "geojson"}
    assert _option(export, "-o")
    assert _option(export, "--verified-only")
    correct = commands["correct"]
    for flag in ("--subtype", "--date", "--place", "--killed", "--delete"):
        assert _option(correct, flag)
    assert _option(commands["status"], "--reason")
    assert _option(commands["log"], "--json")
    search = commands["search"]
    assert {"any", "place", "person", "organization", "source"} <= set(_option(search, "--kind").choices)
    for flag in ("--limit", "--json", "--queries"):
        assert _option(search, flag)
    feeds = next(a for a in commands["feeds"]._actions if a.dest == "feeds_command").choices
    assert set(feeds) == {"add", "list", "remove", "import", "export"}
    assert _option(feeds["add"], "--tag") and _option(feeds["add"], "--every") and _option(feeds["export"], "-o")
    for flag in ("--tag", "--all", "--no-fulltext", "--json"):
        assert _option(commands["fetch"], flag)
    assert _option(commands["watch"], "--tag")


def test_fetch_json_summary_keys():
    from store.fetch import FetchSummary

    assert list(FetchSummary().to_dict()) == [
        "feeds",
        "fetched",
        "not_modified",
        "failed",
        "waiting",
        "added",
        "already_present",
        "rejected",
    ]


def test_db_flag_and_env_var_name_the_same_store(tmp_path):
    path = tmp_path / "x.db"
    run_sitrep("ingest", str(FIXTURES / "dated.txt"), "--db", str(path))
    via_flag = json.loads(run_sitrep("stats", "--json", "--db", str(path)).stdout)
    via_env = json.loads(run_sitrep("stats", "--json", env={"SITREP_DB": str(path)}).stdout)
    before = json.loads(run_sitrep("--db", str(path), "stats", "--json").stdout)
    assert via_flag == via_env == before and via_flag["articles"] == 1


def test_exit_status_0_1_2(tmp_path):
    path = str(tmp_path / "s.db")
    assert run_sitrep("ingest", str(FIXTURES / "front.md"), "--db", path).returncode == 0
    assert run_sitrep("ingest", str(FIXTURES / "empty.txt"), "--db", path).returncode == 1
    (tmp_path / "junk.db").write_text("junk" * 100)
    assert run_sitrep("stats", "--db", str(tmp_path / "junk.db")).returncode == 2
    assert run_sitrep("export", "--kind", "nonsense", "--db", path).returncode == 2


def test_reingest_changes_nothing(tmp_path):
    path = str(tmp_path / "s.db")
    first = run_sitrep("ingest", str(FIXTURES / "folder"), "--db", path)
    dump1 = run_sitrep("export", "--db", path).stdout
    second = run_sitrep("ingest", str(FIXTURES / "folder"), "--db", path)
    assert first.stdout == "added 2, already present 0, rejected 0\n"
    assert second.stdout == "added 0, already present 2, rejected 0\n"
    assert run_sitrep("export", "--db", path).stdout == dump1


# --- Input conventions and spans --------------------------------------------------------------------


def _articles(path) -> list[dict]:
    out = run_sitrep("export", "--kind", "article", "--db", str(path)).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_input_conventions(tmp_path, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    path = tmp_path / "s.db"
    run_sitrep("ingest", "dated.txt", "front.md", "lines.jsonl", "folder", "--db", str(path), cwd=FIXTURES)
    by_ref = {a["ref"]: a for a in _articles(path)}
    # the `date YYYY-MM-DD` first line, text on the same line, is metadata
    assert by_ref["dated.txt"]["published"] == "2024-03-02"
    assert by_ref["dated.txt"]["text"].startswith("Russian forces shelled")
    # front matter: title, date, url, outlet
    front = by_ref["front.md"]
    assert (front["title"], front["published"], front["url"], front["outlet"]) == (
        "Drone strike near Odesa port",
        "2024-05-10",
        "https://example.org/odesa-drone",
        "Example Wire",
    )
    assert not front["text"].startswith("---")
    # JSON Lines: id kept as ref; title, url, outlet, published
    wire = by_ref["wire-001"]
    assert (wire["title"], wire["url"], wire["outlet"], wire["published"]) == (
        "Clashes in Khartoum",
        "https://example.org/khartoum",
        "Example Wire",
        "2024-04-15",
    )
    # a file's ref is its path as given; for folders the path below it
    assert {"dated.txt", "front.md", "a.txt", "sub/b.md"} <= set(by_ref)


def test_stored_text_is_nfc_with_newlines(tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes("date 2024-01-02 Cafe\u0301 in Kyiv\r\nwas hit.\r\n".encode())
    path = tmp_path / "s.db"
    run_sitrep("ingest", str(source), "--db", str(path))
    (article,) = _articles(path)
    assert article["text"] == unicodedata.normalize("NFC", "Cafe\u0301 in Kyiv\nwas hit.")
    assert article["published"] == "2024-01-02"


# --- Export, JSON Lines ---------------------------------------------------------------------------------

CONTRACT_FIELDS = {
    "article": ["kind", "id", "ref", "title", "url", "outlet", "published", "text"],
    "entity": ["kind", "id", "type", "name", "aliases", "country", "admin1", "lat", "lon", "mentions"],
    "source": ["kind", "id", "name", "type", "aliases", "reliability", "claims"],
    "claim": ["kind", "id", "article_id", "source_id", "cue", "content", "quote", "credibility", "event_ids"],
    "event": [
        "kind",
        "id",
        "article_id",
        "type",
        "subtype",
        "date",
        "date_end",
        "date_precision",
        "actors",
        "places",
        "casualties",
        "claim_ids",
        "evidence",
        "confidence",
        "incident_id",
    ],
    "incident": [
        "kind",
        "id",
        "type",
        "subtype",
        "date",
        "date_end",
        "places",
        "event_ids",
        "article_ids",
        "copies",
        "sources",
        "n_sources",
        "n_articles",
        "casualties",
    ],
}


def test_export_records_carry_the_contract_fields(tmp_path):
    path = tmp_path / "s.db"
    db = open_store(path)
    with db:
        write_article(db, kursk_article(), kursk_extraction())
    db.close()
    records = [json.loads(line) for line in run_sitrep("export", "--db", str(path)).stdout.splitlines()]
    kinds = {r["kind"] for r in records}
    assert kinds == set(CONTRACT_FIELDS)
    for record in records:
        missing = [f for f in CONTRACT_FIELDS[record["kind"]] if f not in record]
        assert not missing, (record["kind"], missing)
    event = next(r for r in records if r["kind"] == "event")
    assert set(event["evidence"]) == {"start", "end", "text"}
    assert {"name", "start", "end", "text"} <= set(event["actors"][0])
    assert {"entity_id", "name", "start", "end", "text"} <= set(event["places"][0])
    assert {"kind", "min", "max", "qualifier", "who", "start", "end", "text"} <= set(event["casualties"][0])
    entity = next(r for r in records if r["kind"] == "entity")
    assert set(entity["mentions"][0]) == {"article_id", "start", "end", "text"}
    source = next(r for r in records if r["kind"] == "source")
    assert source["reliability"] in "ABCDEF" and isinstance(source["claims"], int)
    claim = next(r for r in records if r["kind"] == "claim")
    assert isinstance(claim["quote"], bool) and claim["credibility"] in "123456"
    incidents = [r for r in records if r["kind"] == "incident"]
    assert {e["incident_id"] for e in records if e["kind"] == "event"} == {r["id"] for r in incidents}
    battle = next(r for r in incidents if r["subtype"] == "Armed clash")
    assert set(battle["places"][0]) >= {"entity_id", "name"} and set(battle["sources"][0]) >= {"source_id", "name"}
    assert {"kind", "min", "max", "by_source"} <= set(battle["casualties"][0])
    assert {"source_id", "min", "max"} <= set(battle["casualties"][0]["by_source"][0])


# --- Vocabularies ------------------------------------------------------------------------------------------

ACLED = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}


def test_taxonomy_is_acleds_exactly():
    assert {t: list(s) for t, s in model.TAXONOMY.items()} == ACLED


@pytest.mark.parametrize(
    "name, values",
    [
        ("ENTITY_TYPES", ("place", "person", "organization", "group")),
        (
            "SOURCE_TYPES",
            ("person", "government", "military", "intelligence", "media", "international", "anonymous", "other"),
        ),
        ("CASUALTY_KINDS", ("killed", "wounded", "killed_or_wounded", "captured", "missing", "losses")),
        ("QUALIFIERS", ("exact", "at least", "more than", "about", "up to", "range", "vague")),
        ("DATE_PRECISIONS", ("day", "days", "week", "month", "year")),
    ],
)
def test_vocabularies(name, values):
    assert tuple(getattr(model, name)) == values


def test_search_json_line_shape(tmp_path):
    path = tmp_path / "s.db"
    db = open_store(path)
    with db:
        write_article(db, kursk_article(), kursk_extraction())
    db.close()
    line = run_sitrep("search", "Plehovo", "--json", "--db", str(path)).stdout.splitlines()
    assert len(line) == 1
    answer = json.loads(line[0])
    assert list(answer) == ["query", "results"]
    result = answer["results"][0]
    assert list(result)[:8] == ["id", "kind", "type", "name", "matched", "score", "mentions", "events"]
    assert result["kind"] in ("entity", "source") and isinstance(result["score"], float)


# --- README and CI ------------------------------------------------------------------------------------------


def _quick_start_commands() -> list[str]:
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Quick start\n", 1)[1]
    block = section.split("```", 2)[1]
    return [line for line in block.split("\n")[1:] if line.strip()]


def test_readme_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    from pathlib import Path

    install_and_open, install_and_test = _quick_start_commands()
    assert "pip install -e ." in install_and_open and install_and_open.endswith("sitrep")
    assert "'.[test]'" in install_and_test and "pytest" in install_and_test
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci and install_and_test in ci


def test_every_documented_extension_is_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    page = "<html><body><article><p>{}</p></article></body></html>"
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>T</title>'
        "<link>https://x.org/{0}</link><description>{1}</description></item></channel></rss>"
    )
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
        '<id>urn:f</id><entry><title>T</title><id>urn:{0}</id><link href="https://x.org/{0}"/>'
        "<summary>{1}</summary></entry></feed>"
    )
    bodies = {
        "a.txt": "Text article about shelling in Kherson.",
        "b.md": "# Markdown\n\nMarkdown article about Odesa.",
        "c.html": page.format("HTML article about a strike on Dnipro, officials said on Monday."),
        "d.htm": page.format("HTM article about a protest in Tbilisi, witnesses said on Sunday."),
        "e.jsonl": '{"text": "JSON Lines article about Goma."}',
        "f.ndjson": '{"text": "NDJSON article about Khartoum."}',
        "g.xml": rss.format("g", "RSS .xml item about Gao."),
        "h.rss": rss.format("h", "RSS item about Sittwe."),
        "i.atom": atom.format("i", "Atom item about Sumy."),
    }
    for name, body in bodies.items():
        (folder / name).write_text(body, encoding="utf-8")
    path = tmp_path / "s.db"
    result = run_sitrep("ingest", str(folder), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"added {len(bodies)}, already present 0, rejected 0\n"
    texts = " ".join(a["text"] for a in _articles(path))
    for word in ("Kherson", "Odesa", "Dnipro", "Tbilisi", "Goma", "Khartoum", "Gao", "Sittwe", "Sumy"):
        assert word in texts
