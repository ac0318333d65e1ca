"""extract.folding.fold: the one way names are folded for comparison, with each caller's options."""

from __future__ import annotations

import pytest

from extract.folding import fold
from extract.gazetteer import fold as gazetteer_fold
from store.keys import plain_key


@pytest.mark.parametrize(
    "name, folded",
    [
        ("Kyiv", "kyiv"),
        ("Київ", "kiiv"),  # anyascii; the phonetic step of store.keys meets "kyiv"
        ("Mariupol'", "mariupol"),
        ("Pod\u02bcyachiy", "podyachiy"),  # a modifier-letter apostrophe, transliterated then joined
        ('the "Wagner" group', "the wagner group"),
        ("Sant’Anna di Stazzema", "santanna di stazzema"),
        ("Straße", "strasse"),
        ("Zaporizhzhia  Oblast!", "zaporizhzhia oblast"),
        ("ᾳ", "ai"),  # case folding before transliteration keeps the iota
        ("", ""),
    ],
)
def test_the_default_folds_case_scripts_and_apostrophes(name, folded):
    assert fold(name) == folded


def test_without_case_folding_first_a_greek_iota_subscript_is_dropped():
    assert fold("ᾳ", casefold=False) == "a"
    assert gazetteer_fold("ᾳ") == "a"


def test_the_gazetteer_joins_apostrophes_but_not_quote_marks():
    assert gazetteer_fold("Mariupol'") == "mariupol"
    assert gazetteer_fold('Kyiv"s') == "kyiv s"
    assert gazetteer_fold("Київ") == "kiiv"


@pytest.mark.parametrize(
    "name, folded",
    [
        ("Ukraine's army", "ukraine s army"),  # without transliteration nothing is joined
        ("Ukraine’s army", "ukraine s army"),
        ("Київ", ""),  # other scripts are not letters here
        ("Kyïv", "ky v"),
        ("U.S.", "u s"),
    ],
)
def test_latin_only_comparison(name, folded):
    assert fold(name, transliterate=False, joined="") == folded


def test_plain_key_drops_generic_words_unless_nothing_is_left():
    assert plain_key("the city of Kharkiv") == "kharkiv"
    assert plain_key("Kursk Oblast") == "kursk"
    assert plain_key("Oblast") == "oblast"
