"""`sitrep search` as users and scripts run it: a real subprocess on a real store file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from search_fixtures import fill
from store.db import open_store

REPO = Path(__file__).resolve().parent.parent
RESULT_KEYS = ["id", "kind", "type", "name", "matched", "score", "mentions", "events"]


def _sitrep_command() -> list[str]:
    script = Path(sys.executable).parent / "sitrep"
    if script.exists():
        return [str(script)]
    found = shutil.which("sitrep")
    return [found] if found else [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def sitrep(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "SITREP_DB"} | (env or {})
    done = subprocess.run([*_sitrep_command(), *args], capture_output=True, env=environment, cwd=REPO, timeout=120)
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("cli") / "store.db"
    db = open_store(path)
    ids = fill(db)
    db.close()
    return path, ids


def answers(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_json_answer_is_one_contract_line(store):
    path, ids = store
    done = sitrep("search", "Plehovo", "--db", str(path), "--json")
    assert done.returncode == 0, done.stderr
    (answer,) = answers(done.stdout)
    assert list(answer) == ["query", "results"] and answer["query"] == "Plehovo"
    first = answer["results"][0]
    assert list(first) == RESULT_KEYS
    assert (first["id"], first["kind"], first["type"], first["name"]) == (
        ids["Plekhovo"],
        "entity",
        "place",
        "Plekhovo",
    )
    assert (first["mentions"], first["events"]) == (4, 2)
    assert 70 <= first["score"] <= 100


def test_queries_file_gives_one_json_line_per_query_in_order(store, tmp_path):
    path, ids = store
    queries = ["Kharkov", "Курск", "Leyen", "Zelensky Volodymyr", "Маріуполь", "nothing like it qqqq"]
    file = tmp_path / "queries.txt"
    file.write_text("\n".join(queries) + "\n", encoding="utf-8")
    done = sitrep("search", "--queries", str(file), "--db", str(path), "--json")
    assert done.returncode == 0, done.stderr
    lines = answers(done.stdout)
    assert [line["query"] for line in lines] == queries
    firsts = [line["results"][0]["name"] if line["results"] else None for line in lines]
    assert firsts == ["Kharkiv", "Kursk", "Ursula von der Leyen", "Volodymyr Zelensky", "Mariupol", None]
    assert lines[1]["results"][0]["matched"] == "Курск"


def test_a_refused_long_query_is_shown_cut_short(store, tmp_path):
    path, _ = store
    file = tmp_path / "queries.txt"
    file.write_text("Kharkov\n" + "x" * 3500 + "\n", encoding="utf-8")
    done = sitrep("search", "--queries", str(file), "--db", str(path), "--json")
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith("sitrep: query 'xxx") and "...': query too long (3500 characters" in line
    assert len(line) < 200


def test_kind_filters_results(store):
    path, ids = store
    sources = answers(sitrep("search", "Zelensky", "--kind", "source", "--db", str(path), "--json").stdout)
    assert sources[0]["results"] and {r["kind"] for r in sources[0]["results"]} == {"source"}
    places = answers(sitrep("search", "Kharkiv", "--kind", "place", "--db", str(path), "--json").stdout)
    assert places[0]["results"] and {(r["kind"], r["type"]) for r in places[0]["results"]} == {("entity", "place")}
    organizations = answers(
        sitrep("search", "Kharkiv", "--kind", "organization", "--limit", "1", "--db", str(path), "--json").stdout
    )
    assert [r["name"] for r in organizations[0]["results"]] == ["Kharkiv Regional Military Administration"]


def test_limit_is_kept(store):
    path, _ = store
    (answer,) = answers(sitrep("search", "Petrivka", "--limit", "2", "--db", str(path), "--json").stdout)
    assert len(answer["results"]) == 2


def test_readable_table_without_json(store):
    path, _ = store
    done = sitrep("search", "Zelenskiy", "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert "Volodymyr Zelensky" in done.stdout and "person" in done.stdout
    assert not done.stdout.lstrip().startswith("{")


def test_store_from_the_environment(store):
    path, ids = store
    done = sitrep("search", "Kiev", "--json", env={"SITREP_DB": str(path)})
    assert done.returncode == 0, done.stderr
    assert answers(done.stdout)[0]["results"][0]["id"] == ids["Kyiv"]


@pytest.mark.parametrize(
    "query", ['"*" OR NEAR(', "'; DROP TABLE names; --", "!!!", "Kursk\x1b[31m\x07", "[@click=app.quit]x[/]"]
)
def test_hostile_queries_answer_calmly(store, query):
    path, _ = store
    done = sitrep("search", query, "--db", str(path), "--json")
    assert done.returncode == 0, done.stderr
    (answer,) = answers(done.stdout)
    assert answer["query"] == query and isinstance(answer["results"], list)
    table = sitrep("search", query, "--db", str(path))
    assert table.returncode == 0 and "\x1b" not in table.stdout and "\x07" not in table.stdout
    assert "Traceback" not in done.stderr + table.stderr


def test_a_10000_character_query_is_a_usage_error_in_one_line(store):
    path, _ = store
    done = sitrep("search", "x" * 10_000, "--db", str(path))
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "too long" in done.stderr


def test_a_refused_line_in_a_queries_file_does_not_stop_the_others(store, tmp_path):
    path, _ = store
    file = tmp_path / "queries.txt"
    file.write_text("Kharkov\n" + "y" * 10_000 + "\nКурск\n", encoding="utf-8")
    done = sitrep("search", "--queries", str(file), "--db", str(path), "--json")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = answers(done.stdout)
    assert [bool(line["results"]) for line in lines] == [True, False, True]
    assert "too long" in lines[1].get("error", "") and "too long" in done.stderr


def test_a_missing_store_is_a_clear_error(tmp_path):
    done = sitrep("search", "Kursk", "--db", str(tmp_path / "nowhere.db"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip()
