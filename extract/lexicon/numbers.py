"""Number words: units, tens and scales, vague amounts with ACLED's conservative numbers, words that
stand for an exact number, and the phrases that qualify a figure.
"""

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}

TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

# Vague amounts and the conservative number each stands for.
VAGUE = {
    "hundreds of thousands": 100_000,
    "tens of thousands": 10_000,
    "thousands": 1000,
    "hundreds": 100,
    "dozens": 12,
    "scores": 20,
    "tens": 10,
    "several": 3,
    "a few": 2,
    "a number of": 2,
    "a handful of": 2,
    "multiple": 2,
    "several dozen": 12,
    "a few dozen": 12,
    "several hundred": 100,
    "a few hundred": 100,
    "several thousand": 1000,
    "a few thousand": 1000,
    "a couple of dozen": 24,
    "a couple of hundred": 200,
    "a couple of thousand": 2000,
}

# Words that stand for an exact number.
EXACT_PHRASES = {
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
    "a couple of": 2,
    "a pair of": 2,
    "a single": 1,
    "an": 1,
    "a": 1,
}

QUALIFIERS = {
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
