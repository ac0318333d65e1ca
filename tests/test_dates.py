"""Dates resolved against the publication date."""

import pytest

from extract.dates import find_dates, parse_published

PUB = "2024-12-16"  # a Monday


def only(text, published=PUB):
    found = find_dates(text, published)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end]  # exact, non-empty span
    return d.date, d.date_end, d.precision


@pytest.mark.parametrize(
    "text, expected",
    [
        ("reported on Monday that", ("2024-12-16", "2024-12-16", "day")),
        ("on Saturday, confirming", ("2024-12-14", "2024-12-14", "day")),
        ("on December 14 and 15, bodies", ("2024-12-14", "2024-12-15", "days")),
        ("on 14-15 December", ("2024-12-14", "2024-12-15", "days")),
        ("attacks overnight", ("2024-12-15", "2024-12-16", "days")),
        ("yesterday", ("2024-12-15", "2024-12-15", "day")),
        ("last week", ("2024-12-09", "2024-12-15", "week")),
        ("last month", ("2024-11-01", "2024-11-30", "month")),
        ("earlier this year", ("2024-01-01", "2024-12-16", "year")),
        ("the offensive in August", ("2024-08-01", "2024-08-31", "month")),
        ("On 3 March 2024, Russian forces", ("2024-03-03", "2024-03-03", "day")),
        ("on March 3, 2023", ("2023-03-03", "2023-03-03", "day")),
        ("dated 2024-03-05", ("2024-03-05", "2024-03-05", "day")),
        ("three days ago", ("2024-12-13", "2024-12-13", "day")),
        ("since 2022", ("2022-01-01", "2022-12-31", "year")),
        ("invaded Afghanistan in late 1979", ("1979-01-01", "1979-12-31", "year")),
        ("the offensive of mid-2023", ("2023-01-01", "2023-12-31", "year")),
        ("Treaty of Brest-Litovsk (1918).", ("1918-01-01", "1918-12-31", "year")),
        # history before 1900 is dated too, not taken for the days reported
        ("the battle was fought in 1789.", ("1789-01-01", "1789-12-31", "year")),
        ("the War of 1812 ended", ("1812-01-01", "1812-12-31", "year")),
        ("On 18 June 1815, Napoleon lost at Waterloo", ("1815-06-18", "1815-06-18", "day")),
        ("Sevastopol fell in September 1855", ("1855-09-01", "1855-09-30", "month")),
        # a year naming an event: "the 1853 war", "the 2008 war", "the 1991 Gulf War"
        ("The 1853 war ended in a treaty", ("1853-01-01", "1853-12-31", "year")),
        ("veterans of the 2008 war with Georgia", ("2008-01-01", "2008-12-31", "year")),
        ("before the 1991 Gulf War began", ("1991-01-01", "1991-12-31", "year")),
    ],
)
def test_resolution(text, expected):
    assert only(text) == expected


def test_month_after_publication_is_last_year():
    assert only("in December", "2024-03-01") == ("2023-12-01", "2023-12-31", "month")
    assert only("on December 20", "2024-12-16") == ("2023-12-20", "2023-12-20", "day")


def test_a_month_of_last_or_this_year_is_one_date():
    # "in October last year" is October of the year before, not this October and a year beside it
    assert only("12 killings in October last year.") == ("2023-10-01", "2023-10-31", "month")
    assert only("in May of last year") == ("2023-05-01", "2023-05-31", "month")
    assert only("on 20 October last year") == ("2023-10-20", "2023-10-20", "day")
    assert only("on March 3 this year", "2024-12-16") == ("2024-03-03", "2024-03-03", "day")
    # "last year's" belongs to what follows it
    assert [d.precision for d in find_dates("In October last year's winner spoke.", PUB)] == ["month", "year"]


def test_last_monday_on_a_monday_is_a_week_back():
    assert only("last Monday") == ("2024-12-09", "2024-12-09", "day")


def test_modal_may_is_not_a_month():
    assert find_dates("Troops may withdraw.", PUB) == []
    assert only("in May") == ("2024-05-01", "2024-05-31", "month")


def test_relative_dates_need_a_publication_date():
    assert find_dates("on Monday and last month", None) == []
    assert only("on 3 March 2024", None) == ("2024-03-03", "2024-03-03", "day")


def test_published_forms():
    assert str(parse_published("2024-12-16T08:30:00Z")) == "2024-12-16"
    assert str(parse_published("2024-12-16")) == "2024-12-16"
    assert parse_published("yesterday") is None
    assert parse_published(None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Over the past day, the enemy fired 300 shells.",
        "In the past 24 hours, 12 drones were shot down.",
        "Over the last 24 hours two people were wounded.",
    ],
)
def test_past_day_is_the_day_before_publication_and_that_day(text):
    assert only(text) == ("2024-12-15", "2024-12-16", "days")


@pytest.mark.parametrize(
    "text",
    [
        "see page (1234)",
        "a mid-1990s design",
        "the 2022-era rules (about 1,990)",
        # counts and clock times, not years before 1900
        "the deaths of 1500 Ukrainians",
        "resulted in 1200 casualties",
        "the 1800 troops of the brigade",
        "a curfew until 1800 GMT",
        "a force of 1500 men",
        "in 1500-strong units",
        "a limit of 1550 strategic nuclear warheads",
    ],
)
def test_numbers_that_are_no_year(text):
    assert [(d.date, d.precision) for d in find_dates(text, PUB)] == []


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Two decades ago, the United States invaded Iraq.", "2023-03-17", ("2003-01-01", "2003-12-31", "year")),
        ("Last summer, Chinese forces held drills near Taiwan.", "2023-02-17", ("2022-06-01", "2022-08-31", "month")),
        ("Last summer, Chinese forces held drills near Taiwan.", "2023-10-05", ("2023-06-01", "2023-08-31", "month")),
        ("Last winter Russia struck the grid.", "2023-03-17", ("2022-12-01", "2023-02-28", "month")),
        ("This winter Russia will strike the grid.", "2023-10-05", ("2023-12-01", "2024-02-29", "month")),
        ("Last fall the counteroffensive began.", "2023-03-17", ("2022-09-01", "2022-11-30", "month")),
    ],
)
def test_decades_ago_and_seasons(text, published, expected):
    (found,) = find_dates(text, published)
    assert (found.date, found.date_end, found.precision) == expected


def test_the_fall_of_a_town_is_no_season():
    assert find_dates("After the fall of Bakhmut, troops regrouped.", "2023-06-01") == []


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("On the 18th, gunmen abducted 20 passengers.", "2024-06-20", "2024-06-18"),
        ("On the 18th, gunmen abducted 20 passengers.", "2024-06-10", "2024-05-18"),  # the last 18th before
        ("She took the order on the 15th. Prosecutors said so.", "1995-04-30", "1995-04-15"),
        ("The strike came on the 31st.", "2024-03-10", None),  # no 31 February: no date rather than a wrong one
        ("He lived on the 18th floor.", "2024-06-20", None),
        ("It fell on the 90th anniversary of the famine.", "2024-06-20", None),
    ],
)
def test_a_day_of_the_month_alone(text, published, expected):
    found = find_dates(text, published)
    assert [d.date for d in found] == ([expected] if expected else [])
    assert find_dates(text, None) == []  # nothing to count from


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "1066-10-14"])
def test_a_publication_day_far_from_the_news_counts_as_none(published):
    # dates counted from it would leave the calendar ("last year", a day's age): the article is undated
    assert parse_published(published) is None
    assert parse_published("2024-02-29") is not None


def test_an_article_published_at_the_end_of_the_calendar_is_still_read():
    from extract.pipeline import extract_article

    events = extract_article("On Monday, Russian forces shelled Kherson, killing 3 civilians.", "9999-12-31").events
    assert [e.subtype for e in events] == ["Shelling/artillery/missile attack"]


def test_a_day_of_history_at_the_top_is_not_the_page_date():
    """An undated page's date is a day its top states with its year, but not one before 1900: "On
    18 June 1815" opens the history the page tells."""
    from extract.dates import text_day

    assert text_day("Published 17 January 2018\n\nOn 18 June 1815, Napoleon lost at Waterloo.") == "2018-01-17"
    assert text_day("On 18 June 1815, Napoleon lost at Waterloo. Published 17 January 2018.") == "2018-01-17"
