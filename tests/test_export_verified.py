"""``export --verified-only`` stands on its own: every record refers only to what the export holds,
and nothing of an article it does not hold is written, in every kind and format (real ingest, real
CLI runs)."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from store_fixtures import run_sitrep

TEXTS = {
    "a.txt": "date 2024-12-16 Ukraine's military intelligence reported on Monday that at least 30 North Korean "
    "soldiers were killed and wounded in fighting near Plekhovo in the Kursk region on December 14 and 15. "
    "Russian forces shelled Sumy on Sunday, killing two civilians, the regional governor said.\n",
    "b.txt": "date 2024-12-17 A Russian drone strike on Kharkiv killed three civilians overnight, the regional "
    "governor Oleh Syniehubov said on Tuesday. Fighting continued near Pokrovsk, where Ukrainian troops "
    "repelled 12 assaults, Ukraine's general staff reported.\n",
    "c.txt": "date 2024-12-18 Russia's defence ministry said its forces repelled an attack near Plekhovo on "
    "Saturday, and that 12 Ukrainian soldiers were killed. Russian forces shelled Kherson on Tuesday, "
    "killing one man, local officials told Reuters.\n",
}
KINDS = ["all", "article", "entity", "source", "claim", "event", "incident"]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("verified")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = folder / "s.db"
    result = run_sitrep("ingest", *(str(folder / n) for n in TEXTS), "--db", str(store))
    assert result.returncode == 0, result.stderr
    return store


def judged(ingested, tmp_path, *judgements: list[str]) -> str:
    store = tmp_path / "v.db"
    shutil.copy(ingested, store)
    for args in judgements:
        result = run_sitrep(*args, "--db", str(store), env={"SITREP_ANALYST": "alice"})
        assert result.returncode == 0, result.stderr
    return str(store)


def export(store: str, *args: str) -> str:
    result = run_sitrep("export", "--verified-only", "--db", store, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def by_kind(text: str) -> dict[str, dict[int, dict]]:
    kinds: dict[str, dict[int, dict]] = {k: {} for k in KINDS[1:]}
    for line in text.splitlines():
        record = json.loads(line)
        if record["kind"] in kinds:
            kinds[record["kind"]][record["id"]] = record
    return kinds


def assert_self_contained(held: dict[str, dict[int, dict]]) -> None:
    """Every id a record names is the id of a record the export holds."""
    articles, entities, sources = held["article"], held["entity"], held["source"]
    claims, events, incidents = held["claim"], held["event"], held["incident"]
    for entity in entities.values():
        assert entity["mentions"], entity  # an entity is written for what the export says of it
        assert {m["article_id"] for m in entity["mentions"]} <= articles.keys(), entity
        assert entity["n_mentions"] == len(entity["mentions"])
    for source in sources.values():
        assert source["entity_id"] is None or source["entity_id"] in entities, source
        assert source["claims"] == sum(c["source_id"] == source["id"] for c in claims.values())
        assert source["relayed"] == sum(c["via_source_id"] == source["id"] for c in claims.values())
    for claim in claims.values():
        assert claim["article_id"] in articles and claim["source_id"] in sources, claim
        assert claim["via_source_id"] is None or claim["via_source_id"] in sources, claim
        assert set(claim["event_ids"]) <= events.keys(), claim
    for event in events.values():
        assert event["article_id"] in articles and event["incident_id"] in incidents, event
        assert {p["entity_id"] for p in event["places"] + event["actors"]} - {None} <= entities.keys(), event
        assert set(event["claim_ids"]) <= claims.keys(), event
    for incident in incidents.values():
        assert set(incident["event_ids"]) <= events.keys(), incident
        assert set(incident["article_ids"]) <= articles.keys(), incident
        assert {a for group in incident["copies"] for a in group} <= articles.keys(), incident
        assert incident["n_events"] == len(incident["event_ids"])
        assert incident["n_articles"] == len(incident["article_ids"])
        named = [s["source_id"] for s in incident["sources"]]
        named += [b["source_id"] for c in incident["casualties"] for b in c["by_source"]]
        assert set(named) - {None} <= sources.keys(), incident


def assert_nothing_of(text: str, words: list[str]) -> None:
    for word in words:
        assert word not in text


# (what is verified, the articles the export holds, words only the articles it does not hold have)
CASES = {
    # an incident verified alone (the outside tester's case): its one event, of b.txt
    "incident": ([["status", "incident", "3", "verified"]], {2}, ["Plekhovo", "Kherson", "Sumy", "Reuters"]),
    # an event verified in an incident of two articles, and a claim whose event is not verified
    "event and claim": (
        [["status", "event", "1", "verified"], ["status", "claim", "4", "verified"]],
        {1, 2},
        ["Kherson", "defence ministry", "Reuters", "local officials", "repelled an attack"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_every_kind_of_a_verified_only_jsonl_export_refers_only_to_what_it_holds(ingested, tmp_path, case):
    verdicts, article_ids, absent = CASES[case]
    store = judged(ingested, tmp_path, *verdicts)
    everything = export(store)
    held = by_kind(everything)
    assert held["article"].keys() == article_ids
    assert held["event"] and held["incident"]
    assert_self_contained(held)
    assert_nothing_of(everything, absent)
    for kind in KINDS[1:]:  # one kind alone writes the records of that kind in the whole export
        alone = export(store, "--kind", kind)
        assert by_kind(alone)[kind] == held[kind]
        assert_nothing_of(alone, absent)


@pytest.mark.parametrize("case", CASES)
def test_a_verified_only_csv_or_geojson_export_holds_nothing_of_other_articles(ingested, tmp_path, case):
    verdicts, article_ids, absent = CASES[case]
    store = judged(ingested, tmp_path, *verdicts)
    held = by_kind(export(store))
    for kind in KINDS[1:]:
        rows = list(csv.DictReader(io.StringIO(text := export(store, "--kind", kind, "--format", "csv"))))
        assert_nothing_of(text, absent)
        assert {int(r["id"] if "id" in r else r[f"{kind}_id"]) for r in rows} == held[kind].keys()
        for row in rows:
            if kind != "article":
                assert "article_id" not in row or int(row["article_id"]) in held["article"]
            for column, kind_of in (("event_ids", "event"), ("article_ids", "article")):
                assert {int(i) for i in (row.get(column) or "").split(";") if i} <= held[kind_of].keys()
            if kind == "entity":
                assert int(row["mentions"]) == len(held["entity"][int(row["id"])]["mentions"])
            if kind == "source":
                assert int(row["claims"]) == held["source"][int(row["id"])]["claims"]
    folder = tmp_path / "tables"
    result = run_sitrep("export", "--verified-only", "--db", store, "--format", "csv", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert_nothing_of("".join(p.read_text(encoding="utf-8") for p in folder.iterdir()), absent)
    geojson = export(store, "--kind", "event", "--format", "geojson")
    assert_nothing_of(geojson, absent)
    for feature in json.loads(geojson)["features"]:
        assert feature["properties"]["article_id"] in held["article"]
