"""Who may be a source: named or described claimants only, never a stray word, a document or a
headline; and site furniture (boilerplate) is no article text to draw claims from."""

import subprocess
import sys

import line_count
import pytest

from extract.attribution import find_claims, is_claimant
from extract.boilerplate import boilerplate_lines, furniture_spans, is_boilerplate, masked
from extract.entities import find_entities
from extract.pipeline import extract_article
from extract.sentences import split_sentences


def claimants(text: str) -> list[str]:
    sentences = split_sentences(text)
    sources, claims = find_claims(text, sentences, find_entities(text, sentences))
    names = {s.key: s.name for s in sources}
    return [names[c.source_key] for c in claims]


@pytest.mark.parametrize(
    "text, claimant",
    [
        # words from the real corpus that became sources, and what the sentence's claimant is
        (
            "Against overwhelming odds, Ukrainian forces pushed back the attackers and denied Russian President "
            "Vladimir Putin one of his key early war aims.",
            None,
        ),
        ("The reports also indicated that these activities were being coordinated from Minsk.", None),
        (
            "Ships and fighter planes were sent to Eastern Europe, a move NATO officials say is aimed at reassuring allies.",
            None,
        ),
        ("Ukraine denied any hostile action, something Russia has repeatedly denied.", "Ukraine"),
        ("In its turn Moscow insisted that Ukraine should recognize Crimea.", None),
        ("The same percentage of Russians believe that Russia will win the war.", None),
        (
            "Belarus is increasingly engaged in joint military drills and the army has warned that Minsk is testing it.",
            "army",
        ),
        (
            "In a Tuesday tweet the Russian Ministry of Foreign Affairs said that the talks had ended.",
            "Russian Ministry of Foreign Affairs",
        ),
        # described claimants stay
        ("Two civilians were killed in Kherson, an army source said.", "army source"),
        ("Western officials said the sanctions may have to go further.", "Western officials"),
        ("The town is calm, although aid workers say food is running out.", "aid workers"),
        (
            "Later, the grid operator Ukrenergo announced that power would be cut in three regions.",
            "grid operator Ukrenergo",
        ),
    ],
)
def test_only_named_or_described_claimants_are_sources(text, claimant):
    assert claimants(text) == ([claimant] if claimant else [])


@pytest.mark.parametrize(
    "name, ok",
    [
        ("Against", False),
        ("reports", False),
        ("talks a former Indian diplomat", False),
        ("latest reports", False),
        ("joint statement", False),
        ("advice of Basta", False),
        ("port city", False),
        ("Russia's", False),
        ("Speaking", False),
        ("Perhaps Russia", False),
        ("in Kiev", False),
        ("exiled Russian", False),
        ("Troop Training in Ukraine Won't Trigger War With Russia Kallas", False),
        ("Volodymyr Zelensky", True),
        ("senior official", True),
        ("Some sources", True),
        ("head of the regional administration", True),
        ("one Belarusian commander", True),
        ("ex-president of Poland", True),
        ("owner of Objective Travel Safety", True),
        ("Kremlin", True),
    ],
)
def test_is_claimant(name, ok):
    assert is_claimant(name) is ok


TEASER = (
    "Kyiv was shelled overnight, the regional military administration said.\n\n"
    "Other Topics of Interest Estonia’s PM: NATO Troop Training in Ukraine Won't Trigger War With Russia "
    "Kallas said that training Ukraine’s forces on their soil would not provoke Moscow.\n\n"
    "ADVERTISEMENT\n"
    "CLICK HERE TO GET THE FOX NEWS APP\n"
    "JOIN US ON TELEGRAM! Follow our coverage of the war on the @Kyivpost_official.\n"
    "Two people were wounded, police said."
)


def test_boilerplate_lines_are_found_by_their_shape_and_wording():
    found = [TEASER[s:e] for s, e in boilerplate_lines(TEASER)]
    assert [line[:24] for line in found] == [
        "Other Topics of Interest",
        "ADVERTISEMENT",
        "CLICK HERE TO GET THE FO",
        "JOIN US ON TELEGRAM! Fol",
    ]
    assert not is_boilerplate("Two people were wounded, police said.")
    assert not is_boilerplate("KYIV, Dec 16 (Reuters) - Ukraine said on Monday that 30 soldiers were killed.")
    assert is_boilerplate("NEW You can now listen to Fox News articles!")
    assert is_boilerplate("BIDEN WARNS RUSSIA OF 'SWIFT AND SEVERE CONSEQUENCES' IF THEY 'WALK AWAY'")


def test_masked_text_keeps_every_offset():
    shown = masked(TEASER)
    assert len(shown) == len(TEASER)
    for s, e in boilerplate_lines(TEASER):
        assert set(shown[s:e]) == {"\n"}
    kept = [i for i, ch in enumerate(shown) if ch != "\n"]
    assert all(shown[i] == TEASER[i] for i in kept)


FLAT_PAGE = (  # a page flattened to one line, as scraped pages and converted wiki text come
    "Bagram Airfield bombing On 21 December 2015, in Bagram, a suicide bomber blew himself up, killing six "
    "service members. ==Victims== All six were American. image copyright AFP image caption Guards at the gate "
    "1 of 46 Full Screen Autoplay Close Skip Ad × The base was closed to visitors, officials said on Tuesday. "
    "==See also== * 2007 Bagram Airfield bombing * 2014 Bagram Airfield bombing ==References== [1] BBC News."
)


def test_furniture_inside_a_line_is_blanked_and_a_wiki_page_ends_at_its_end_matter():
    found = [FLAT_PAGE[s:e] for s, e in furniture_spans(FLAT_PAGE)]
    assert found[:4] == [
        "==Victims==",
        "image copyright AFP image caption",
        "1 of 46 Full Screen Autoplay Close Skip Ad ×",
        "==See also==",
    ]
    shown = masked(FLAT_PAGE)
    assert len(shown) == len(FLAT_PAGE)
    assert shown.rstrip().endswith("officials said on Tuesday.")  # nothing of the end matter is read
    assert not is_boilerplate(FLAT_PAGE)  # prose: no whole line goes
    events = extract_article(FLAT_PAGE, "2015-12-22").events
    assert events[0].subtype == "Suicide bomb"
    assert all(e.evidence.end < FLAT_PAGE.index("==See also==") for e in events)  # not the bombings listed there
    assert all(FLAT_PAGE[e.evidence.start : e.evidence.end] == e.evidence.text for e in events)


def test_extraction_draws_nothing_from_boilerplate_and_spans_point_into_the_stored_text():
    result = extract_article(TEASER, "2024-05-13")
    names = {s.key: s.name for s in result.sources}
    assert sorted(names[c.source_key] for c in result.claims) == ["police", "regional military administration"]
    teaser_at = TEASER.index("Other Topics")
    teaser_end = TEASER.index("Two people")
    for claim in result.claims:
        assert not teaser_at <= claim.cue.start < teaser_end
        assert TEASER[claim.content.start : claim.content.end] == claim.content.text
    for entity in result.entities:
        for m in entity.mentions:
            assert TEASER[m.start : m.end] == m.text and not teaser_at <= m.start < teaser_end


def test_a_role_refers_back_to_the_person_of_that_title():
    text = (
        'Russian President Vladimir Putin met the envoy on Monday. "We will respond," the president warned. '
        "Foreign Minister Sergei Lavrov was there too. The minister said talks would go on. "
        "The foreign minister added that more was to come. The governor said nothing was hit."
    )
    assert claimants(text) == ["Vladimir Putin", "Sergei Lavrov", "Sergei Lavrov", "governor"]


def test_furniture_work_grows_linearly_with_a_hostile_page():
    """A page of thousands of wiki headings: four times as many run about four times as many lines
    of Python (lines counted, not timed; each end matter once looked through every heading after it)."""

    def lines_run(n: int) -> int:
        text = "Intro. ==See also== * A ==Notes== * B ==History== Text. " * n
        spans, count = line_count.lines_run(lambda: furniture_spans(text))
        assert len(spans) == 5 * n  # three headings and two end matters each
        return count

    lines_run(1)  # (anything built on first use)
    assert lines_run(800) / lines_run(200) < 5.0


def test_a_run_of_equals_signs_is_read_in_linear_time():
    """A run of "=" was tried as an end matter's heading from each of its signs, each scanning the rest
    of the run: 200,000 took minutes. The limit is only there to fail instead of hanging."""
    code = "from extract.boilerplate import furniture_spans; assert furniture_spans('=' * 200_000 + ' x') == []"
    subprocess.run([sys.executable, "-c", code], timeout=60, check=True)


@pytest.mark.parametrize(
    "who, name, kind",
    [
        ("a doctor", "doctor", "anonymous"),
        ("an analyst", "analyst", "anonymous"),
        ("the MP", "MP", "anonymous"),
        ("a Republican lawmaker", "Republican lawmaker", "anonymous"),
        ("local police", "local police", "government"),
        ("Al-Monitor", "Al-Monitor", "media"),
    ],
)
def test_an_unnamed_person_is_an_anonymous_source(who, name, kind):
    text = f"Two people were killed in the strike on Monday, {who} said."
    assert (name, kind) in [(s.name, s.type) for s in extract_article(text, "2024-05-01").sources]


@pytest.mark.parametrize(
    "line",
    [
        "By Iryna Kovalenko | Chernihiv | 29 May 2024",
        "By Jane Doe and John Roe, Reuters",
        "By Jane Doe, Kyiv Independent, May 5, 2024",
        "Staff and agencies",
        "Reporting by Tom Balmforth; Editing by Alex Richardson",
    ],
)
def test_bylines_are_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Thursday morning, heavy artillery could be heard from the centre of Goma.",
        "By Christmas, Russian forces had seized Avdiivka",
        "By the end of the day, the IRA had detonated at least 20 bombs across the city.",
    ],
)
def test_sentences_opening_with_by_are_not_bylines(line):
    assert not is_boilerplate(line)
