"""Property tests: extract_article never crashes and every span is exact and inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import extract_article

SENTENCES = [
    "On 3 March 2024, Russian forces shelled Kherson city, killing two civilians.",
    "\u201cThe Russians include North Koreans in combined units,\u201d Zelensky said.",
    "According to Ukrainian officials, at least 30 North Korean soldiers were killed or wounded near Plekhovo.",
    "Last month, an army source from Ukraine told AFP that the forces hold some 800 square kilometers.",
    "Police fired tear gas at protesters in Tbilisi on December 14 and 15.",
    "The U.S. Gen. Smith said at 10 a.m. that 70 to 80,000 losses were recorded.",
    "Rebels seized the town of Bunagana.The army retook it overnight, killing dozens of fighters.",
    '"We will not give up," he said, adding that 1,260 Russian military were eliminated.',
]
WORDS = [
    "killed",
    "said",
    "according to",
    "\u201c",
    "\u201d",
    '"',
    "at least",
    "dozens",
    "on Monday",
    ",",
    ".",
    "\n",
    "\n\n",
    "Kursk",
    "Zelensky",
    "told AFP",
    "shelled",
    "drones",
    "1,200",
    "twenty-three",
    "last month",
    "in August",
    "-",
    "(",
    ")",
    "’s",
    "İ",
    "ß",
    "\u00a0",
    " ",
]


def check(text, published):
    result = extract_article(text, published)
    spans = []
    for e in result.entities:
        spans.extend(e.mentions)
    for c in result.claims:
        spans.extend([c.cue, c.content])
    for ev in result.events:
        spans.append(ev.evidence)
        spans.extend(a.span for a in ev.actors)
        spans.extend(p.span for p in ev.places)
        spans.extend(c.span for c in ev.casualties)
        assert 0.0 <= ev.confidence <= 1.0
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from([None, "2024-12-16", "2024-02-29T10:00:00Z", "garbage"]))
def test_arbitrary_text(text, published):
    check(text, published)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(WORDS), st.text(max_size=12)), max_size=25),
    st.sampled_from([None, "2024-12-16"]),
)
def test_mutated_real_sentences(parts, published):
    check(" ".join(parts), published)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SENTENCES), st.data())
def test_sentences_with_characters_cut_or_inserted(sentence, data):
    i = data.draw(st.integers(0, len(sentence)))
    j = data.draw(st.integers(i, min(len(sentence), i + 6)))
    insert = data.draw(st.text(max_size=4))
    check(sentence[:i] + insert + sentence[j:], "2024-12-16")
