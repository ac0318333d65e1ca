"""Where ``sitrep export`` writes (``-o``): a file, a folder for ``--kind all --format csv``, standard
output; a target it cannot take is a one-line usage error before anything is written (real CLI runs)."""

from __future__ import annotations

import pytest

from store_fixtures import run_sitrep

ONE_STREAM = [  # every export but --kind all --format csv writes one file
    ["--kind", "all", "--format", "jsonl"],  # (without --format, "-o x.csv" would choose the tables)
    ["--kind", "article"],
    ["--kind", "event", "--format", "csv"],
    ["--kind", "incident", "--format", "csv"],
    ["--kind", "all", "--format", "geojson"],
]


@pytest.mark.parametrize("args", ONE_STREAM)
def test_an_existing_folder_given_for_a_file_is_a_usage_error_and_nothing_is_written(tmp_path, args):
    folder = tmp_path / "x.csv"
    folder.mkdir()
    store = tmp_path / "data" / "sitrep.db"  # SITREP_DB's store, not built yet: the export would build it
    result = run_sitrep("export", *args, "-o", str(folder), env={"SITREP_DB": str(store)}, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"sitrep: {folder}: is a folder; -o takes a file here (a folder only with --kind all --format csv)\n",
    )
    assert [p.name for p in tmp_path.rglob("*")] == ["x.csv"]  # nothing in it, beside it, nor a store


def test_an_existing_folder_named_like_a_csv_file_receives_the_tables_of_kind_all(kursk_store, tmp_path):
    folder = tmp_path / "x.csv"
    folder.mkdir()
    result = run_sitrep("export", "--format", "csv", "-o", str(folder), "--db", str(kursk_store))
    assert result.returncode == 0, result.stderr
    tables = ["articles.csv", "entities.csv", "sources.csv", "claims.csv", "events.csv", "incidents.csv"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(tables)
    assert not list(tmp_path.glob("x_*.csv"))  # not beside it, as for a file name "x.csv"
    assert (folder / "events.csv").read_text(encoding="utf-8").startswith("event_id,event_date,")


@pytest.mark.parametrize("args", ONE_STREAM)
def test_dash_is_standard_output_as_no_output_is(kursk_store, tmp_path, args):
    here = tmp_path / "here"
    here.mkdir()
    plain = run_sitrep("export", *args, "--db", str(kursk_store))
    dash = run_sitrep("export", *args, "-o", "-", "--db", str(kursk_store), cwd=here)
    assert (dash.returncode, dash.stderr) == (0, "")
    assert dash.stdout == plain.stdout != ""
    assert not list(here.iterdir())  # no file named "-"


def test_dash_for_the_tables_of_kind_all_is_a_usage_error(kursk_store, tmp_path):
    here = tmp_path / "here"
    here.mkdir()
    result = run_sitrep("export", "--format", "csv", "-o", "-", "--db", str(kursk_store), cwd=here)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "sitrep: -o -: --kind all --format csv writes one CSV per kind, not one stream; give a folder\n",
    )
    assert not list(here.iterdir())  # no folder named "-"


def test_without_format_the_extension_of_the_output_chooses_it(kursk_store, tmp_path):
    # "-o events.csv" wrote JSON Lines into a file named .csv
    for name, starts in (("events.csv", "event_id,event_date,"), ("map.GeoJSON", '{"type": "FeatureCollection"')):
        result = run_sitrep("export", "--kind", "event", "-o", str(tmp_path / name), "--db", str(kursk_store))
        assert (result.returncode, result.stderr) == (0, "")
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts), name
    run_sitrep("export", "--kind", "event", "-o", str(tmp_path / "events.txt"), "--db", str(kursk_store))
    assert (tmp_path / "events.txt").read_text(encoding="utf-8").startswith('{"kind": "event"')
    # an explicit --format is kept whatever the name
    run_sitrep(
        "export", "--kind", "event", "--format", "jsonl", "-o", str(tmp_path / "x.csv"), "--db", str(kursk_store)
    )
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").startswith('{"kind": "event"')
    # and --kind all with a .csv name writes the tables beside it
    run_sitrep("export", "-o", str(tmp_path / "all.csv"), "--db", str(kursk_store))
    assert (tmp_path / "all_events.csv").exists()
