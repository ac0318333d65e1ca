"""Where ``sitrep export`` writes (``-o``): a file, a folder for ``--kind all --format csv``, standard
output; a target it cannot take is a one-line usage error before anything is written (real CLI runs)."""

from __future__ import annotations

import pytest

from store_fixtures import run_sitrep

ONE_STREAM = [  # every export but --kind all --format csv writes one file
    ["--kind", "all"],
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
