"""Quantities: digits, words, ranges, vague amounts and qualifiers."""

import pytest

from extract.numbers import find_quantities, number_value, words_value


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    return text[q.start : q.end], q.min, q.max, q.qualifier


@pytest.mark.parametrize(
    "text, expected",
    [
        ("at least 30 soldiers", ("at least 30", 30, None, "at least")),
        ("more than 10,000 troops", ("more than 10,000", 10000, None, "more than")),
        ("70 to 80,000 losses", ("70 to 80,000", 70000, 80000, "range")),
        ("1.2 million people", ("1.2 million", 1_200_000, 1_200_000, "exact")),
        ("twenty-three dead", ("twenty-three", 23, 23, "exact")),
        ("two hundred and five", ("two hundred and five", 205, 205, "exact")),
        ("a dozen people", ("a dozen", 12, 12, "exact")),
        ("dozens of civilians", ("dozens", 12, None, "vague")),
        ("hundreds of people", ("hundreds", 100, None, "vague")),
        ("tens of thousands fled", ("tens of thousands", 10000, None, "vague")),
        ("between 5 and 10 people", ("between 5 and 10", 5, 10, "range")),
        ("about 50 fighters", ("about 50", 50, 50, "about")),
        ("up to 20 people", ("up to 20", None, 20, "up to")),
        ("1 260 troops", ("1 260", 1260, 1260, "exact")),
        ("a couple of soldiers", ("a couple of", 2, 2, "exact")),
        ("a couple of hundred people", ("a couple of hundred", 200, None, "vague")),
        ("a couple of dozen troops", ("a couple of dozen", 24, None, "vague")),
    ],
)
def test_quantities(text, expected):
    assert one(text) == expected


def test_ordinals_and_money_are_not_quantities():
    assert find_quantities("the 47th Brigade") == []
    assert find_quantities("$5 million in aid") == []


def test_two_numbers_joined_by_and_stay_apart():
    found = find_quantities("killing at least one and wounding six others")
    assert [(q.min, q.max, q.qualifier) for q in found] == [(1, None, "at least"), (6, 6, "exact")]


def test_values():
    assert words_value("ninety-nine") == 99
    assert words_value("three thousand four hundred") == 3400
    assert number_value("12,500") == 12500
    assert words_value("soldiers") is None


def test_offsets_are_exact_inside_a_window():
    text = "Before. Officials said 45 people died. After."
    start = text.index("Officials")
    end = text.index(" After")
    (q,) = find_quantities(text, start, end)
    assert text[q.start : q.end] == "45"


def test_a_figure_after_a_comma_with_no_space_is_read_but_not_inside_a_number():
    assert [(q.min, q.max) for q in find_quantities("with drones,2 people were wounded")] == [(2, 2)]
    assert [(q.min, q.max) for q in find_quantities("1,200 troops and 2.5 million people")] == [
        (1200, 1200),
        (2500000, 2500000),
    ]


# Every qualifying phrase, with the qualifier it must give, written out here (not read from
# extract.lexicon.numbers: a wrong entry there must fail this table).
QUALIFIED = {
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "greater than": "more than",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "nearly": "about",
    "almost": "about",
    "close to": "about",
    "an estimated": "about",
    "estimated": "about",
    "approx.": "about",
    "circa": "about",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "no more than": "up to",
    "fewer than": "up to",
    "less than": "up to",
    "under": "up to",
    "at most": "up to",
}
BOUNDS = {"at least": (40, None), "more than": (40, None), "about": (40, 40), "up to": (None, 40)}


def test_the_table_holds_every_phrase():
    from extract.lexicon.numbers import QUALIFIERS

    assert set(QUALIFIED) == set(QUALIFIERS)


@pytest.mark.parametrize("phrase, qualifier", sorted(QUALIFIED.items()))
def test_every_qualifier_phrase_with_a_figure(phrase, qualifier):
    low, high = BOUNDS[qualifier]
    assert one(f"Officials said {phrase} 40 people fled.") == (f"{phrase} 40", low, high, qualifier)
    capitalised = phrase[0].upper() + phrase[1:]
    assert one(f"{capitalised} 40 people fled.") == (f"{capitalised} 40", low, high, qualifier)


# (expression, where its number starts, min, max, qualifier, scaled): read alone, inside a longer text
# at an offset, and inside a window whose lower-casing changes its length ("İ": the other code path)
EXPRESSIONS = [
    ("at least 30", "30", 30, None, "at least", False),
    ("more than 10,000", "10,000", 10000, None, "more than", True),
    ("over 1,000", "1,000", 1000, None, "more than", True),
    ("70 to 80,000", "70 to", 70000, 80000, "range", True),
    ("1.2 million", "1.2 million", 1_200_000, 1_200_000, "exact", True),
    ("twenty-three", "twenty-three", 23, 23, "exact", False),
    ("a dozen", "a dozen", 12, 12, "exact", False),
    ("dozens", "dozens", 12, None, "vague", False),
    ("tens of thousands", "tens of thousands", 10000, None, "vague", False),
    ("between 5 and 10", "5 and 10", 5, 10, "range", True),
    ("from 3 to 7", "3 to 7", 3, 7, "range", True),
    ("5 or 6", "5 or 6", 5, 6, "range", True),
    ("2 to 3 million", "2 to 3 million", 2_000_000, 3_000_000, "range", True),
    ("10 to 20 thousand", "10 to 20 thousand", 10000, 20000, "range", True),
    ("about 50", "50", 50, 50, "about", False),
    ("nearly 200", "200", 200, 200, "about", False),
    ("up to 20", "20", None, 20, "up to", False),
]


@pytest.mark.parametrize("before", ["", "Officials said ", "İzmir officials said "])
@pytest.mark.parametrize("expression, number, low, high, qualifier, scaled", EXPRESSIONS)
def test_each_expression_alone_at_an_offset_and_beside_a_letter_that_lower_case_lengthens(
    before, expression, number, low, high, qualifier, scaled
):
    outside = "Earlier text. "
    text = f"{outside}{before}{expression} people were hurt. Later, 99 more."  # (99: outside the window)
    start, end = len(outside), text.index(" Later")
    [q] = find_quantities(text, start, end)
    assert text[q.start : q.end] == expression
    assert text[q.num_start :].startswith(number) and q.num_start == q.start + expression.index(number)
    assert (q.min, q.max, q.qualifier, q.scaled) == (low, high, qualifier, scaled)


@pytest.mark.parametrize("before", ["", "İzmir: "])
@pytest.mark.parametrize(
    "text, first, value",
    [
        ("six and five", "six", 6),  # "and" with a smaller second number: two figures, the first kept
        ("12 and 3", "12", 12),
        ("six and five thousand", "six", 6),  # not "six thousand"
        ("25 to 20", "25", 25),  # a range that falls: the first number alone
    ],
)
def test_a_second_number_no_larger_than_the_first_is_no_range(before, text, first, value):
    whole = before + text
    [q] = find_quantities(whole, len(before))
    assert (whole[q.start : q.end], q.min, q.max, q.qualifier) == (first, value, value, "exact")
