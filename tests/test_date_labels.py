"""Dates as precise as they are known; events far from their article's date are history."""

import sqlite3

import pytest

from store.date_labels import date_label, era, marked_label
from store.db import open_store
from store.queries import EventFilter, count, date_upper, events_query, filter_events
from store.schema import MIGRATIONS


@pytest.mark.parametrize(
    "date, end, precision, shown",
    [
        ("2024-12-14", None, "day", "2024-12-14"),
        ("2024-12-14", "2024-12-15", "days", "14–15 Dec 2024"),
        ("2024-11-30", "2024-12-02", "days", "Nov–Dec 2024"),
        ("2024-12-30", "2025-01-02", "days", "2024–2025"),
        ("2024-12-09", "2024-12-15", "week", "9–15 Dec 2024"),
        ("2024-12-09", None, "week", "wk 9 Dec 2024"),
        ("2022-05-01", "2022-05-31", "month", "2022-05"),
        ("2022-05-01", "2022-06-30", "month", "2022-05–06"),
        ("2023-01-01", "2023-12-31", "year", "2023"),
        ("2023-01-01", None, "year", "2023"),
        ("1944-01-01", None, "year", "1944"),
        (None, None, None, ""),
    ],
)
def test_a_date_is_shown_no_more_precisely_than_known(date, end, precision, shown):
    assert date_label(date, end, precision) == shown
    assert "-01-01" not in shown and "99" not in shown


def test_era_history_and_later_around_the_publication_date():
    assert era("1944-01-01", "1944-12-31", "2024-05-06") == "history"
    assert era("2024-03-01", "2024-03-31", "2024-05-06") == "history"  # over 30 days before
    assert era("2024-04-20", None, "2024-05-06") is None  # last month's news
    assert era("2025-01-01", "2025-01-31", "2024-04-22") == "later"  # a plan, a deadline
    assert era("2024-05-08", None, "2024-05-06T10:00:00+00:00") is None
    assert era("2024-05-08", None, None) is None  # no publication date: nothing to compare with
    assert marked_label("1944-01-01", None, "year", "history") == "⟲1944"
    assert marked_label("2025-01-01", "2025-01-31", "month", "later") == "⟳2025-01"


def test_a_date_up_to_a_month_includes_its_last_day_and_its_times():
    assert "2022-05-31" < date_upper("2022-05") and "2022-05-31T23:59:00+00:00" < date_upper("2022-05-31")
    assert not "2022-06-01" < date_upper("2022-05")
    assert EventFilter(date_from="2022-05", date_to="2022-05").describe() == "2022-05"
    assert EventFilter(date_to="2022").describe() == "to 2022"


def test_migration_marks_the_history_of_an_older_store(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for number in range(1, 4):
        conn.executescript(f"BEGIN;{MIGRATIONS[number - 1]}; PRAGMA user_version = {number}; COMMIT;")
    conn.executescript("""
        INSERT INTO articles (id, ref, text, hash, ingested_at, published) VALUES (1, 'a', 'x', 'h', 'now', '2024-05-06');
        INSERT INTO events (article_id, type, subtype, date, date_end, date_precision, confidence,
                            evidence_start, evidence_end, evidence_text)
        VALUES (1, 'Battles', 'Armed clash', '1944-01-01', '1944-12-31', 'year', 0.5, 0, 1, 'x'),
               (1, 'Battles', 'Armed clash', '2024-05-05', NULL, 'day', 0.5, 0, 1, 'x'),
               (1, 'Strategic developments', 'Agreement', '2025-01-01', '2025-01-31', 'month', 0.5, 0, 1, 'x');
    """)
    conn.close()
    db = open_store(path)
    assert [r[0] for r in db.execute("SELECT era FROM events ORDER BY id")] == ["history", None, "later"]
    assert count(db, filter_events(events_query(), EventFilter())) == 1
    assert count(db, filter_events(events_query(), EventFilter(history=True))) == 3


def test_a_places_events_are_listed_newest_first_with_their_dates_as_known(tmp_path):
    from browser_fixtures import build_browser_store

    from store import queries

    conn = queries.connect_readonly(str(build_browser_store(tmp_path / "b.db")))
    kyiv = conn.execute("SELECT id FROM entities WHERE name = 'Kyiv'").fetchone()[0]
    page = queries.page_after(conn, queries.entity_facts_query(kyiv), None, 50)
    events = [r["detail"] for r in page.rows if r["kind"] == "event"]
    assert [d.split(" ")[0] for d in events] == ["⟳2025-01", "2024-05-06", "2024-04", "⟲1944"]
