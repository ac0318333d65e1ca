"""Sentence splitting on news text: abbreviations, missing spaces, quotes, headings, bullets."""

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences():
    text = (
        "The U.S. said Gen. Smith arrived at 10 a.m. on Jan. 5 with Mr. Ali and Dr. Jones. "
        "Lt. Col. Ivan Petrov was there too."
    )
    assert texts(text) == [
        "The U.S. said Gen. Smith arrived at 10 a.m. on Jan. 5 with Mr. Ali and Dr. Jones.",
        "Lt. Col. Ivan Petrov was there too.",
    ]


def test_abbreviation_then_sentence_opener_splits():
    assert texts("The strike came at 3 a.m. The army said nothing.") == [
        "The strike came at 3 a.m.",
        "The army said nothing.",
    ]
    assert texts("Aid arrived from the U.S. It was not enough.") == ["Aid arrived from the U.S.", "It was not enough."]


def test_missing_space_after_full_stop():
    text = "The offensive began.The Russian forces advanced near Pokrovsk.According to the General Staff,12 attacks failed."
    assert texts(text) == [
        "The offensive began.",
        "The Russian forces advanced near Pokrovsk.",
        "According to the General Staff,12 attacks failed.",
    ]


def test_a_sentence_in_a_script_without_capitals_begins_after_a_full_stop():
    text = "The governor said. 俄罗斯军队炮击了该市。 قصفت القوات الروسية المدينة. The mayor said two died."
    assert texts(text) == [
        "The governor said.",
        "俄罗斯军队炮击了该市。",
        "قصفت القوات الروسية المدينة.",
        "The mayor said two died.",
    ]


def test_chinese_and_japanese_full_stops_end_sentences_with_no_space_after_them():
    assert texts("俄军炮击了该市。三人死亡！谁负责？ロシア軍が砲撃した。") == [
        "俄军炮击了该市。",
        "三人死亡！",
        "谁负责？",
        "ロシア軍が砲撃した。",
    ]


def test_numbers_and_domains_do_not_split():
    assert texts("The front moved 3.5 km toward Kyiv.ua sources on 12.05.2024 said.") == [
        "The front moved 3.5 km toward Kyiv.ua sources on 12.05.2024 said."
    ]


def test_quotes_curly_and_straight():
    text = (
        'He said: "We will win." Then he left. “Is it over?” he asked. '
        "“The Russians include North Koreans in combined units,” Zelensky said."
    )
    assert texts(text) == [
        'He said: "We will win."',
        "Then he left.",
        "“Is it over?” he asked.",
        "“The Russians include North Koreans in combined units,” Zelensky said.",
    ]


def test_headings_and_bullets_are_sentences():
    text = (
        "North Korean Troops Reinforce Russian Forces\n\nThe army said:\n"
        "- Plekhovo was shelled\n- Vorozhba was hit. Two died.\n• Sudzha held\n1. Kursk"
    )
    assert texts(text) == [
        "North Korean Troops Reinforce Russian Forces",
        "The army said:",
        "Plekhovo was shelled",
        "Vorozhba was hit.",
        "Two died.",
        "Sudzha held",
        "Kursk",
    ]


def test_hard_wrapped_lines_are_joined():
    text = (
        "Russian forces shelled the village of Vovchansk on Monday, killing two\n"
        "civilians, the regional governor said.\nA second line stands alone."
    )
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "Russian forces shelled the village of Vovchansk on Monday, killing two\ncivilians, the regional governor said.",
        "A second line stands alone.",
    ]


def test_initials_and_dashes():
    assert texts("George W. Bush spoke — briefly — in Kyiv. Plan B. The rest followed.") == [
        "George W. Bush spoke — briefly — in Kyiv.",
        "Plan B.",
        "The rest followed.",
    ]


def test_spans_are_exact_and_trimmed():
    text = "  First one.   Second one!\n\n  Third?  "
    spans = split_sentences(text)
    assert [s.text for s in spans] == ["First one.", "Second one!", "Third?"]
    for span in spans:
        assert text[span.start : span.end] == span.text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(list("aB. \n!?\"“”'’-•*1U.S") + ["Mr.", "a.m.", " The ", "\u00a0", "Kyiv"]), max_size=80
    ).map("".join)
)
def test_property_spans_exact_ordered_and_trimmed(text):
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text and span.text == span.text.strip()
        assert span.start >= previous_end
        previous_end = span.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_property_arbitrary_unicode(text):
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text


def test_quote_followed_by_its_speaker_stays_one_sentence():
    assert texts("“Why?” Zelensky asked. Then he left.") == ["“Why?” Zelensky asked.", "Then he left."]
    assert texts('"Enough!" the minister said. Next.') == ['"Enough!" the minister said.', "Next."]
    assert texts("“We won.” The officials said nothing.") == ["“We won.”", "The officials said nothing."]


def test_long_text_without_sentence_ends_is_split_in_linear_time():
    import time

    # Thousands of full stops that end nothing ("3.5", "U.S.") in one block, and a long
    # hard-wrapped paragraph: each used to cost time in proportion to all the text before it.
    no_ends = "Shells fell 3.5 km from the U.S. base and " * 8000  # ~340 KB
    wrapped = "\n".join(["shells fell on the outskirts of the town through the night and"] * 6000)
    started = time.process_time()
    spans = split_sentences(no_ends)
    assert len(spans) == 1 and spans[0].text == no_ends.strip()
    assert len(split_sentences(wrapped)) == 1
    assert time.process_time() - started < 3.0  # about 0.05 s; quadratic took minutes


def test_heading_over_a_longer_paragraph_line_stands_alone():
    text = (
        "Intro.\n09:40 GMT — Shelling reported on the eastern edge of Kramatorsk city\n"
        "Two apartment blocks were damaged when artillery shells hit the eastern edge of the city "
        "early on Friday, the mayor said."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Intro.",
        "09:40 GMT — Shelling reported on the eastern edge of Kramatorsk city",
        "Two apartment blocks were damaged when artillery shells hit the eastern edge of the city "
        "early on Friday, the mayor said.",
    ]
