"""Grouping events into incidents: across articles, within one article, incrementally, and the
analyst's merges and splits, on real SQLite stores written through the writer."""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from incident_fixtures import (
    CHUHUIV,
    KHARKIV,
    KHARKIV_SUBURB,
    RABOTINO,
    ROBOTYNE,
    Place,
    Report,
    Story,
    build,
    incident_of,
    write,
)

from store import incidents, queries
from store.db import open_store
from store.incident_match import compatible_subtypes, interval
from store.incident_summary import summarize
from store.incidents import Grouper, merge_incidents, regroup, resolve_key, split_event
from store.ingest import ingest_articles, ingest_paths
from store.readers import RawArticle


@pytest.fixture
def conn(tmp_path):
    db = open_store(tmp_path / "s.db")
    yield db
    db.close()


def strike(ref, place=KHARKIV, date="2024-05-09", killed=5, claimant="the regional governor", **kw):
    outlet = kw.pop("outlet", None)
    published = kw.pop("published", "2024-05-10")
    return Story(
        ref,
        [Report("Air/drone strike", place, date, killed=killed, claimant=claimant, **kw)],
        outlet=outlet,
        published=published,
    )


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM incidents").fetchone()[0]


# --- compatibility ----------------------------------------------------------------------------------------


def test_families_are_explicit():
    assert compatible_subtypes("Air/drone strike", "Shelling/artillery/missile attack")
    assert compatible_subtypes("Peaceful protest", "Protest with intervention")
    assert compatible_subtypes("Armed clash", "Government regains territory")
    assert not compatible_subtypes("Air/drone strike", "Armed clash")
    assert not compatible_subtypes("Peaceful protest", "Air/drone strike")
    assert not compatible_subtypes("Agreement", "Arrests")


def test_intervals_follow_the_date_precision():
    day = interval("2024-05-09", None, "day", None)
    assert day[1] - day[0] == 0 and day[2]
    week = interval("2024-05-06", None, "week", None)
    assert week[1] - week[0] == 6 and week[2]
    month = interval("2024-02-01", None, "month", None)
    assert month[1] - month[0] == 28 and month[2]  # 2024 is a leap year
    assert interval("2024-01-01", None, "year", None)[2] is False  # a year never meets other articles
    assert interval(None, None, None, None)[2] is False


# --- across articles --------------------------------------------------------------------------------------


def test_two_outlets_a_day_apart_are_one_incident_with_the_range_of_their_figures(conn):
    write(
        conn,
        strike("a", killed=5, claimant="the regional governor", outlet="Reuters"),
        strike(
            "b",
            date="2024-05-10",
            killed=7,
            claimant="the prosecutor's office",
            outlet="AFP",
            place=Place("Kharkov", "UA", "Kharkiv", 49.9818, 36.2548),
        ),
    )
    assert count(conn) == 1
    (row,) = conn.execute(
        "SELECT n_sources, n_articles, casualties_label, fatalities, date, date_end FROM incidents"
    ).fetchall()
    assert row == (2, 2, "5–7 killed", 5, "2024-05-09", "2024-05-10")  # fatalities: the conservative figure


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("people", "people", 1),  # one toll told twice, and the two cannot both be right
        ("people", "soldiers", 1),  # "people" may be the soldiers
        ("civilians", "children", 1),
        ("Russian soldiers", "Russia's troops", 1),
        ("insurgents", "soldiers", 0),  # two tolls of one clash
        ("Russian soldiers", "Ukrainian soldiers", 0),
        ("Taliban militants", "civilians", 0),
        ("American service members", "Afghan soldiers", 0),
        ("Captain Anton Sydorov", "soldiers", 1),  # a name says no group
    ],
)
def test_figures_disagree_only_when_they_may_count_the_same_people(tmp_path, first, second, conflict):
    db = tmp_path / "s.db"
    conn = open_store(db)
    write(
        conn,
        strike("a", killed=5, victims=first, claimant="the regional governor", outlet="Reuters"),
        strike("b", killed=7, victims=second, claimant="the prosecutor's office", outlet="AFP"),
    )
    assert count(conn) == 1
    assert conn.execute("SELECT conflict, casualties_label FROM incidents").fetchone() == (conflict, "5–7 killed")
    conn.close()
    # the versions side by side mark the same figures
    reader = queries.connect_readonly(str(db))
    marks = [r["mark"] for r in queries.page_after(reader, queries.incident_versions_query(1), None, 10).rows]
    reader.close()
    assert marks == (["≠", "≠"] if conflict else ["", ""])


def test_a_sources_open_figure_above_its_exact_one_leaves_the_range_open(conn):
    # "at least six people were killed" and, of them, "killing two soldiers" in one source's words: at
    # least six, not "6–2 killed" (the exact two was taken for the top of the range)
    from store.writer import write_article

    story = Story(
        "a",
        [
            Report("Air/drone strike", KHARKIV, "2024-05-09", killed=6, claimant="the police"),
            Report("Air/drone strike", KHARKIV, "2024-05-09", killed=2, victims="soldiers", claimant="the police"),
        ],
    )
    article, extraction = build(story)
    extraction.events[0].casualties[0].max = None
    extraction.events[0].casualties[0].qualifier = "at least"
    with conn:
        write_article(conn, article, extraction)
    assert count(conn) == 1
    assert conn.execute("SELECT casualties_label, fatalities FROM incidents").fetchone() == ("≥6 killed", 6)


def test_when_the_highest_figure_is_only_a_lower_bound_the_incident_has_no_top(conn):
    # "at least 5 killed" from one source, "at least 12 killed" from another: no source gives a top;
    # the record's max is null (README), the label says both figures (it said "5–12 killed")
    from store.export import incident_records
    from store.writer import write_article

    for ref, killed, claimant, outlet in (("a", 5, "the regional governor", "Reuters"), ("b", 12, "the police", "AFP")):
        article, extraction = build(strike(ref, killed=killed, claimant=claimant, outlet=outlet))
        extraction.events[0].casualties[0].max = None
        extraction.events[0].casualties[0].qualifier = "at least"
        with conn:
            write_article(conn, article, extraction)
    assert count(conn) == 1
    (killed,) = next(incident_records(conn))["casualties"]
    assert (killed["min"], killed["max"]) == (5, None)
    assert conn.execute("SELECT casualties_label FROM incidents").fetchone() == ("5–12+ killed",)


def test_different_towns_or_days_or_families_are_different_incidents(conn):
    write(
        conn,
        strike("a"),
        strike("far town", place=CHUHUIV),  # 35 km away, the same day
        strike("later", date="2024-05-14", published="2024-05-15"),  # five days later
        Story("protest", [Report("Peaceful protest", KHARKIV, "2024-05-09")]),
        strike("toll", killed=40),
    )  # 5 vs 40 killed
    assert count(conn) == 5


def test_near_towns_and_respellings_meet(conn):
    write(conn, strike("a"), strike("suburb", place=KHARKIV_SUBURB))  # 7 km, coordinates
    assert incident_of(conn, "a") == incident_of(conn, "suburb")
    write(
        conn,
        Story("r1", [Report("Armed clash", ROBOTYNE, "2024-05-09", actor="Ukrainian forces")]),
        Story("r2", [Report("Armed clash", RABOTINO, "2024-05-09", actor="Ukrainian troops")]),
    )
    assert incident_of(conn, "r1") == incident_of(conn, "r2")  # same region, no coordinates, respelled


def test_a_town_meets_its_region_only_with_more_agreeing(conn):
    write(
        conn, strike("town", actor="Russian drones"), strike("region", region_word=True, actor="Russian forces")
    )  # same subtype, actors, figures
    assert incident_of(conn, "town") == incident_of(conn, "region")
    write(
        conn,
        strike("town2", date="2024-05-20", published="2024-05-21", killed=None, claimant=None),
        Story(
            "region2",
            [Report("Shelling/artillery/missile attack", KHARKIV, "2024-05-20", region_word=True)],
            published="2024-05-21",
        ),
    )
    assert incident_of(conn, "town2") != incident_of(conn, "region2")  # a region alone is not enough


def test_a_capital_named_for_its_government_does_not_group_strategic_developments(conn):
    kyiv = Place("Kyiv", "UA", "Kyiv City", 50.4547, 30.5238)
    write(
        conn,
        # "Germany pledged to supply Kyiv with a Patriot battery", "the United States passed aid for
        # Kyiv": two deliveries to the capital's government, not one incident in the capital
        Story("pledge", [Report("Change to group/activity", kyiv, "2024-05-09", actor="Germany")], outlet="DW"),
        Story("aid", [Report("Change to group/activity", kyiv, "2024-05-09", actor="Washington")], outlet="AP"),
        # a strike on the capital is in it
        strike("s1", place=kyiv, outlet="Reuters"),
        strike("s2", place=kyiv, claimant="the city's mayor", outlet="AFP"),
        # a delivery to another town is placed by it
        Story("t1", [Report("Change to group/activity", KHARKIV, "2024-05-09", actor="Germany")], outlet="DW"),
        Story("t2", [Report("Change to group/activity", KHARKIV, "2024-05-09", actor="Berlin")], outlet="AP"),
    )
    assert incident_of(conn, "pledge") != incident_of(conn, "aid")
    assert incident_of(conn, "s1") == incident_of(conn, "s2")
    assert incident_of(conn, "t1") == incident_of(conn, "t2")


def test_countries_alone_never_group(conn):
    ukraine = Place("Ukraine", "UA")
    other = strike("b", place=ukraine, claimant="the mayor")
    other.extra = WIRE  # (another article, not a reprint of the first: see the reprints below)
    write(conn, strike("a", place=ukraine), other)
    assert incident_of(conn, "a") != incident_of(conn, "b")


def test_a_year_precise_report_stays_alone(conn):
    other = strike("b", date="2024-01-01", precision="year", claimant="the mayor")
    other.extra = WIRE  # (another article, not a reprint of the first)
    write(conn, strike("a", date="2024-01-01", precision="year"), other)
    assert incident_of(conn, "a") != incident_of(conn, "b")


def test_a_week_precise_report_joins_a_day_inside_it(conn):
    write(conn, strike("day"), strike("week", date="2024-05-06", precision="week", date_end="2024-05-12"))
    assert incident_of(conn, "day") == incident_of(conn, "week")
    (row,) = conn.execute("SELECT date, date_precision FROM incidents").fetchall()
    assert row == ("2024-05-09", "day")  # the most precise report dates it


def test_a_day_report_looks_up_only_incidents_whose_days_hold_it(conn):
    """Strikes three days apart at one town are two incidents; neither is even a candidate of the
    other, though their days widened by the tolerance meet."""
    write(conn, strike("a"), strike("b", date="2024-05-12", published="2024-05-12"))
    a, b = incident_of(conn, "a"), incident_of(conn, "b")
    assert a != b
    grouper = Grouper()
    for mine in (a, b):
        assert [i for i, _ in grouper._candidates(conn, grouper.load_profile(conn, mine))] == [mine]


def test_a_day_report_joins_a_week_precise_incident_a_day_before_it_starts(conn):
    write(
        conn,
        strike("week", date="2024-05-13", precision="week", date_end="2024-05-19"),
        strike("day", date="2024-05-12"),
    )
    assert incident_of(conn, "day") == incident_of(conn, "week")


def test_reports_two_days_from_where_most_put_it_start_another(conn):
    write(conn, strike("a"), strike("b"), strike("c", date="2024-05-11", published="2024-05-12"))
    assert incident_of(conn, "a") == incident_of(conn, "b") != incident_of(conn, "c")


# --- within an article ------------------------------------------------------------------------------------


def test_headline_lead_and_detail_of_one_strike_are_one_incident(conn):
    story = Story(
        "one",
        [
            Report("Air/drone strike", None, None),  # headline: no place, no date
            Report("Air/drone strike", KHARKIV, "2024-05-09", killed=5, claimant="the governor", paragraph_break=True),
            Report("Attack", None, "2024-05-09"),  # detail: no place of its own
            Report("Shelling/artillery/missile attack", CHUHUIV, "2024-05-09", killed=2, paragraph_break=True),
        ],
    )
    write(conn, story)
    first = incident_of(conn, "one", 0)
    assert incident_of(conn, "one", 1) == first and incident_of(conn, "one", 2) == first
    assert incident_of(conn, "one", 3) != first  # a roundup: another town is another incident
    assert count(conn) == 2


def test_a_placed_event_far_after_a_placeless_one_is_not_its_continuation(conn):
    story = Story(
        "roundup",
        [
            Report("Air/drone strike", None, "2024-05-09", killed=3),
            Report("Air/drone strike", None, "2024-05-09", paragraph_break=True),
            Report("Air/drone strike", CHUHUIV, "2024-05-09", killed=4, paragraph_break=True),
        ],
    )
    write(conn, story)
    assert incident_of(conn, "roundup", 0) == incident_of(conn, "roundup", 1)
    assert incident_of(conn, "roundup", 2) != incident_of(conn, "roundup", 0)


# --- incremental, deterministic ---------------------------------------------------------------------------


def test_a_new_article_joins_and_leaves_other_incidents_alone(conn):
    write(conn, strike("a"), strike("elsewhere", place=CHUHUIV))
    before = conn.execute("SELECT id, n_articles FROM incidents ORDER BY id").fetchall()
    write(conn, strike("b", outlet="AFP", claimant="the mayor"))
    after = conn.execute("SELECT id, n_articles FROM incidents ORDER BY id").fetchall()
    assert [r[0] for r in after] == [r[0] for r in before]  # no incident made again
    assert dict(after)[incident_of(conn, "a")] == 2 and dict(after)[incident_of(conn, "elsewhere")] == 1


def grouping(conn) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for ref, start, incident in conn.execute(
        "SELECT a.ref, e.evidence_start, e.incident_id FROM events e JOIN articles a ON a.id = e.article_id"
    ):
        groups.setdefault(incident, set()).add(f"{ref}@{start}")
    return {frozenset(g) for g in groups.values()}


def corpus() -> list[Story]:
    return [
        strike("a"),
        strike("b", date="2024-05-10"),
        strike("c", place=CHUHUIV),
        strike("d", killed=6),
        Story("e", [Report("Armed clash", ROBOTYNE, "2024-05-09")]),
        strike("f", date="2024-05-08"),
        Story("g", [Report("Armed clash", RABOTINO, "2024-05-10")]),
    ]


def test_the_same_order_gives_the_same_incidents_and_a_clean_corpus_any_order(tmp_path):
    results = []
    for name, stories in (("one", corpus()), ("two", corpus()), ("reversed", corpus()[::-1])):
        db = open_store(tmp_path / f"{name}.db")
        write(db, *stories)
        results.append(grouping(db))
        db.close()
    assert results[0] == results[1] == results[2]
    assert len(results[0]) == 3


# --- reprints ---------------------------------------------------------------------------------------------


WIRE = (
    " Emergency workers searched the rubble of the apartment block through the night while residents "
    "gathered outside, and the city's mayor said schools would stay closed for the rest of the week."
)


def test_a_reprint_is_a_copy_and_not_another_source(conn):
    write(conn, strike("wire", claimant=None, outlet="Reuters"), strike("other", claimant=None, outlet="AFP"))
    original = strike("wire2", date="2024-05-20", published="2024-05-21", claimant=None, outlet="Reuters")
    original.extra = WIRE
    reprint = strike("reprint", date="2024-05-20", published="2024-05-21", claimant=None, outlet="Yahoo News")
    reprint.extra = WIRE + " (Reuters)"
    write(conn, original, reprint)
    copies = dict(
        conn.execute("SELECT a.ref, k.copy_of FROM article_sketches k JOIN articles a ON a.id = k.article_id")
    )
    ids = dict(conn.execute("SELECT ref, id FROM articles"))
    assert copies["reprint"] == ids["wire2"] and copies["wire2"] is None and copies["other"] is None
    incident = incident_of(conn, "reprint")
    assert incident == incident_of(conn, "wire2")
    summary = summarize(conn, incident)
    assert summary.copies == [[ids["wire2"], ids["reprint"]]]
    assert [v.name for v in summary.voices] == ["Reuters"]  # Yahoo carried Reuters' story: one source
    # two outlets with their own reports of the first strike are two sources
    assert conn.execute("SELECT n_sources FROM incidents WHERE id = ?", (incident_of(conn, "wire"),)).fetchone() == (2,)


def test_a_reprint_of_a_report_placed_only_by_its_country_joins_the_originals_incident(conn):
    # countries alone never group two articles; a reprint of one article is the same report, not another
    ukraine = Place("Ukraine", "UA")
    original = strike("wire3", place=ukraine, claimant=None, outlet="AP")
    original.extra = WIRE
    reprint = strike("reprint3", place=ukraine, claimant=None, outlet="ABC News")
    reprint.extra = WIRE + " (AP)"
    other = strike("own3", place=ukraine, claimant="the mayor", outlet="AFP")  # (in words of its own)
    write(conn, original, reprint, other)
    ids = dict(conn.execute("SELECT ref, id FROM articles"))
    assert conn.execute("SELECT copy_of FROM article_sketches WHERE article_id = ?", (ids["reprint3"],)).fetchone() == (
        ids["wire3"],
    )
    incident = incident_of(conn, "wire3")
    assert incident_of(conn, "reprint3") == incident != incident_of(conn, "own3")
    assert summarize(conn, incident).copies == [[ids["wire3"], ids["reprint3"]]]
    assert conn.execute("SELECT n_articles FROM incidents WHERE id = ?", (incident,)).fetchone() == (2,)


# --- the same words ---------------------------------------------------------------------------------------


def _jsonl(path, articles: list[dict]) -> str:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return str(path)


def test_one_outlets_articles_telling_an_incident_in_the_same_words_are_one_incident(conn, tmp_path):
    # found by an outside tester: three articles of one outlet, each with its own words around one
    # sentence, made three incidents (a region alone scores too little, and they are no reprints)
    sentence = "On 14 March 2024, a drone attack hit Zaporizhzhia oblast."
    around = [
        ("Residents spent another night in shelters.", "The city has been a frequent target."),
        ("Fighting went on along the front line as both sides brought up reserves.", "Schools will reopen next month."),
        ("Western leaders met in Paris to discuss aid.", "Parliament debated a mobilisation law that divides it."),
    ]
    path = _jsonl(
        tmp_path / "same.jsonl",
        [
            {
                "id": f"n{n}",
                "title": f"Update {n}",
                "url": f"https://news.example/{n}",
                "outlet": "Example News",
                "published": "2024-03-15",
                "text": f"{before} {sentence} {after}",
            }
            for n, (before, after) in enumerate(around)
        ],
    )
    weekly = "A drone attack hit Zaporizhzhia oblast on Monday."  # the same words of two Mondays
    later = _jsonl(
        tmp_path / "weekly.jsonl",
        [
            {"id": f"w{n}", "outlet": "Example News", "published": day, "text": f"{before} {weekly} {after}"}
            for n, (day, (before, after)) in enumerate(zip(("2024-03-19", "2024-03-26"), around))
        ],
    )
    ingest_paths(conn, [path, later], workers=0)
    assert conn.execute("SELECT count(*) FROM article_sketches WHERE copy_of IS NOT NULL").fetchone() == (0,)
    mondays = conn.execute("SELECT date, incident_id FROM events WHERE evidence_text = ? ORDER BY id", (weekly,))
    (first, one), (second, other) = mondays.fetchall()
    assert (first, second) == ("2024-03-18", "2024-03-25") and one != other
    told = conn.execute(
        "SELECT DISTINCT incident_id FROM events WHERE evidence_text = ? AND subtype = 'Air/drone strike'", (sentence,)
    ).fetchall()
    assert len(told) == 1
    assert conn.execute("SELECT n_articles, sources_label FROM incidents WHERE id = ?", told[0]).fetchone() == (
        3,
        "Example News",  # the outlet counts once
    )


# --- the analyst: merge and split -------------------------------------------------------------------------


def test_split_and_merge_survive_regrouping_and_reingest(conn):
    write(conn, strike("a"), strike("b", claimant="the mayor"), strike("c", place=CHUHUIV))
    assert incident_of(conn, "a") == incident_of(conn, "b")
    b_event = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE ref = 'b'"
    ).fetchone()[0]
    new = split_event(conn, b_event)
    assert incident_of(conn, "b") == new != incident_of(conn, "a")
    merge_incidents(conn, incident_of(conn, "c"), incident_of(conn, "a"))
    assert incident_of(conn, "c") == incident_of(conn, "a")
    assert conn.execute("SELECT choice FROM incident_choices ORDER BY id").fetchall() == [("apart",), ("together",)]
    with conn:
        regroup(conn)
    assert incident_of(conn, "c") == incident_of(conn, "a") != incident_of(conn, "b")
    # a report arriving later still respects them: it joins a+c, never b's
    write(conn, strike("d", claimant="the police"))
    assert incident_of(conn, "d") == incident_of(conn, "a") != incident_of(conn, "b")
    # re-ingesting the same text changes nothing
    write(conn, strike("a"))
    assert count(conn) == 2


def test_a_reprint_ingested_later_follows_its_original_where_the_analyst_put_it(conn):
    # an outside tester: a reprint of an article whose event the analyst had moved landed where the
    # scores put it (with the event the analyst had split it from), not with its original
    original = strike("a", outlet="Reuters")
    original.extra = WIRE
    write(conn, original, strike("b", claimant="the mayor"), strike("c", place=CHUHUIV))
    a_event = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE ref = 'a'"
    ).fetchone()
    split_event(conn, a_event[0])
    merge_incidents(conn, incident_of(conn, "a"), incident_of(conn, "c"))
    reprint = strike("reprint", outlet="Yahoo News")
    reprint.extra = WIRE + " (Reuters)"
    write(conn, reprint)
    ids = dict(conn.execute("SELECT ref, id FROM articles"))
    assert conn.execute("SELECT copy_of FROM article_sketches WHERE article_id = ?", (ids["reprint"],)).fetchone() == (
        ids["a"],
    )
    assert incident_of(conn, "reprint") == incident_of(conn, "a") == incident_of(conn, "c") != incident_of(conn, "b")
    with conn:
        regroup(conn)
    assert incident_of(conn, "reprint") == incident_of(conn, "a") == incident_of(conn, "c") != incident_of(conn, "b")


def test_a_choice_follows_an_evidence_span_that_moved(conn):
    write(conn, strike("a"))
    digest, start, end = conn.execute(
        "SELECT a.hash, e.evidence_start, e.evidence_end FROM events e JOIN articles a ON a.id = e.article_id"
    ).fetchone()
    event_id = conn.execute("SELECT id FROM events").fetchone()[0]
    assert resolve_key(conn, f"{digest}:{start}:{end}") == event_id
    assert resolve_key(conn, f"{digest}:{start + 3}:{end + 10}") == event_id  # re-extraction moved it
    assert resolve_key(conn, f"{digest}:{end + 50}:{end + 60}") is None


def test_a_merge_needs_two_incidents(conn):
    write(conn, strike("a"))
    with pytest.raises(LookupError):
        merge_incidents(conn, incident_of(conn, "a"), 999)
    assert count(conn) == 1


# --- the store after an older version ----------------------------------------------------------------------


def test_the_incident_profile_is_rebuilt_from_events(conn):
    write(conn, strike("a"), strike("b"))
    incident = incident_of(conn, "a")
    grouper = Grouper()
    stored = grouper.load_profile(conn, incident)
    with conn:
        grouper.rebuild(conn, incident)
    rebuilt = grouper.load_profile(conn, incident)
    assert (stored.centre, stored.day_n, set(stored.places), stored.figures) == (
        rebuilt.centre,
        rebuilt.day_n,
        set(rebuilt.places),
        rebuilt.figures,
    )
    assert not incidents.has_pending(conn)


def test_a_placeless_sentence_with_a_date_of_its_own_or_another_country_is_another_incident(conn):
    story = Story(
        "mixed",
        [
            Report("Air/drone strike", KHARKIV, "2024-05-09", killed=5),
            Report("Air/drone strike", None, "2024-05-09"),  # detail: same days
            Report("Air/drone strike", None, "2024-05-02", precision="day"),  # its own date: a week before
            Report("Air/drone strike", Place("Russia", "RU"), "2024-05-09"),  # another country
        ],
    )
    write(conn, story)
    first = incident_of(conn, "mixed", 0)
    assert incident_of(conn, "mixed", 1) == first
    assert incident_of(conn, "mixed", 2) != first and incident_of(conn, "mixed", 3) != first


def test_a_place_with_a_point_finds_incidents_keyed_before_it_had_one():
    from store.incident_match import make_place
    from store.incidents import lookup_keys, own_keys

    bare = make_place((1, "Chasov Yar", "UA", "Donetsk", None, None))  # as an early article named it
    pointed = make_place((2, "Chasiv Yar", "UA", "Donetsk", 48.59, 37.86))  # a later one, with the gazetteer's point
    assert set(own_keys([bare], ["Armed clash"])) & set(lookup_keys([pointed], ["Armed clash"]))
    assert set(own_keys([pointed], ["Armed clash"])) & set(lookup_keys([bare], ["Armed clash"]))
    # and never across families
    assert not set(own_keys([bare], ["Armed clash"])) & set(lookup_keys([pointed], ["Air/drone strike"]))


def test_the_writer_reads_again_a_place_a_later_article_gave_its_point(tmp_path):
    from store.writer import WriteCache, write_article
    from store_fixtures import KURSK, kursk_article, kursk_extraction

    db = open_store(tmp_path / "s.db")
    cache = WriteCache()
    with db:
        write_article(db, kursk_article("a"), kursk_extraction(), cache)
        (plekhovo,) = db.execute("SELECT id FROM entities WHERE name = 'Plekhovo'").fetchone()
        assert cache.grouper.places(db, [plekhovo])[plekhovo].cell is None
        later = KURSK + " More fighting was reported."
        write_article(db, kursk_article("b", later), kursk_extraction(later, lat=51.2), cache)
        cache.grouper.flush(db)
    assert db.execute("SELECT lat FROM entities WHERE id = ?", (plekhovo,)).fetchone()[0] == 51.2
    assert cache.grouper.places(db, [plekhovo])[plekhovo].cell is not None
    db.close()


def test_an_article_with_neither_outlet_nor_claimant_is_named_by_where_it_comes_from(conn):
    # (its title would read as a source: "Russian strike on Kharkiv kills five")
    report = Report("Air/drone strike", KHARKIV, "2024-05-09", killed=5)
    write(
        conn,
        Story(
            "a", [report], url="https://www.kyivindependent.com/strike", title="Russian strike on Kharkiv kills five"
        ),
        Story("b.txt", [report], title="Kharkiv hit again"),
    )
    summary = summarize(conn, incident_of(conn, "a"))
    assert sorted(v.name for v in summary.voices) == ["b.txt", "kyivindependent.com"]
    assert incident_of(conn, "b.txt") == summary.incident_id


def test_an_ingest_refreshes_incidents_at_most_a_twentieth_of_its_time(tmp_path, monkeypatch):
    """``flush(summaries=None)`` (an ingest's batches) leaves incidents stale until REFRESH_SECONDS
    have passed and nineteen times as long as the last refresh took; ``flush()`` always refreshes."""
    from store.writer import WriteCache, write_article
    from store_fixtures import KURSK, kursk_article, kursk_extraction

    clock = [1000.0]
    monkeypatch.setattr(incidents.time, "monotonic", lambda: clock[0])
    db = open_store(tmp_path / "s.db")
    cache = WriteCache()
    grouper = cache.grouper

    def stale() -> int:
        return db.execute("SELECT count(*) FROM incidents WHERE stale").fetchone()[0]

    def batch(ref: str, summaries: bool | None) -> None:
        text = KURSK + f" Fighting went on ({ref})."
        with db:
            write_article(db, kursk_article(ref, text), kursk_extraction(text), cache)
            grouper.flush(db, summaries=summaries)

    batch("a", None)
    assert stale()  # 0 s since the grouper started: not yet
    clock[0] += incidents.REFRESH_SECONDS
    batch("b", None)
    assert stale() == 0
    grouper._refresh_cost = 5.0  # a large store: that refresh took 5 s
    clock[0] += incidents.REFRESH_SECONDS
    batch("c", None)
    assert stale()  # 2 s later: a refresh now would take 5 of every 7 s
    clock[0] += 90.0
    batch("d", None)
    assert stale()  # 92 s: still under nineteen times 5 s
    clock[0] += 3.0
    batch("e", None)
    assert stale() == 0  # 95 s after it: refreshed, about a twentieth of the time
    batch("f", True)
    assert stale() == 0
    db.close()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\nБ日 ", max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_paragraphs_and_the_words_around_a_place_are_cut_in_python_as_sqlite_cut_them(text, start, end):
    """``load_items`` reads an article's text once and cuts it in Python (cutting it in SQL for each
    event took time quadratic in its length); the cuts are the ones the SQL made."""
    conn = sqlite3.connect(":memory:")
    paragraph, after, before = conn.execute(
        "SELECT (length(substr(?1, 1, ?2)) - length(replace(substr(?1, 1, ?2), char(10) || char(10), ''))) / 2, "
        "substr(?1, ?3 + 1, 14), substr(?1, max(1, ?2 - 17), min(?2, 18))",
        (text, start, end),
    ).fetchone()
    assert bisect_right(incidents._paragraph_breaks(text), start) == paragraph
    assert text[end : end + 14] == after
    assert text[max(0, start - 18) : start] == (before or "")


def test_an_article_of_thousands_of_incidents_is_grouped_without_a_scan_per_event(tmp_path, monkeypatch):
    """Each event of an article joins the report its extraction key names at once; the scan over the
    article's reports is left for events without a key or kept apart by the analyst."""
    scans = []
    real = incidents._report_for
    monkeypatch.setattr(incidents, "_report_for", lambda *a: scans.append(1) or real(*a))
    conn = open_store(tmp_path / "s.db")
    text = "\n\n".join(
        f"Russian shelling hit Kherson on {day}, killing {n} people."
        for n in range(2, 40)
        for day in ("Monday", "Friday")
    )
    ingest_articles(conn, [RawArticle("a.txt", text, published="2024-12-16")], workers=0)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 40
    assert conn.execute("SELECT count(*) FROM events WHERE incident_id IS NULL").fetchone()[0] == 0
    assert scans == []
