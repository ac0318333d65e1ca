"""The bundled seed article yields the facts issue 3 names (no rule here knows this article)."""

import re
from pathlib import Path

import pytest

from extract.pipeline import extract_article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_58e71f58cf538e1b.txt"


@pytest.fixture(scope="module")
def seed():
    raw = SEED.read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", raw)
    text = raw[m.end() :]
    return text, extract_article(text, m.group(1))


def _fold(name):
    return name.replace("\u2019", "'")


def test_places_and_person(seed):
    _, result = seed
    places = {e.name for e in result.entities if e.type == "place"}
    assert {"Plekhovo", "Vorozhba", "Martynovka", "Kursk"} <= places
    assert "Volodymyr Zelensky" in {e.name for e in result.entities if e.type == "person"}


def _clash(result):
    """The events of the armed clash near the three villages (one incident, told in several sentences)."""
    incidents = {}
    for e in result.events:
        incidents.setdefault(e.incident, []).append(e)
    [clash] = [
        events
        for events in incidents.values()
        if {"Plekhovo", "Vorozhba", "Martynovka"} <= {p.name for e in events for p in e.places}
    ]
    return clash


def test_armed_clash_near_the_villages(seed):
    _, result = seed
    clash = _clash(result)
    assert {(e.type, e.subtype) for e in clash} == {("Battles", "Armed clash")}
    assert {(e.date, e.date_end, e.date_precision) for e in clash} == {("2024-12-14", "2024-12-15", "days")}
    figures = [(c.kind, c.min, c.qualifier, c.who) for e in clash for c in e.casualties]
    assert ("killed_or_wounded", 30, "at least", "North Korean soldiers") in figures
    sources = {s.key: s for s in result.sources}
    claimants = {
        (_fold(sources[c.source_key].name), sources[c.source_key].type)
        for e in clash
        for c in result.claims
        if c.key in e.claim_keys
    }
    assert ("Ukraine's military intelligence", "intelligence") in claimants


def test_zelensky_quotation(seed):
    text, result = seed
    sources = {s.key: s for s in result.sources}
    quotes = [c for c in result.claims if c.quote and sources[c.source_key].name == "Volodymyr Zelensky"]
    assert quotes
    assert quotes[0].content.text.startswith("The Russians include North Koreans in combined units")
    assert sources[quotes[0].source_key].type == "person"
    assert sources[quotes[0].source_key].entity_key is not None
    assert text[quotes[0].cue.start : quotes[0].cue.end] == "said"


def test_western_officials_claim_more_than_10000(seed):
    _, result = seed
    sources = {s.key: s for s in result.sources}
    [claim] = [c for c in result.claims if sources[c.source_key].name == "western officials"]
    assert sources[claim.source_key].type == "anonymous"
    assert "more than 10,000 North Korean" in claim.content.text


def test_800_square_kilometres_from_an_army_source_via_afp(seed):
    _, result = seed
    sources = {s.key: s for s in result.sources}
    [claim] = [c for c in result.claims if "800 square kilometers" in c.content.text]
    assert sources[claim.source_key].type == "anonymous"
    assert "army source" in sources[claim.source_key].name
    assert claim.via_source_key is not None and sources[claim.via_source_key].name == "AFP"
    assert sources[claim.via_source_key].type == "media"


def test_area_and_troop_numbers_are_not_casualties(seed):
    _, result = seed
    figures = [c.min for e in result.events for c in e.casualties]
    assert 800 not in figures and 1400 not in figures and 10000 not in figures


def test_the_clash_links_every_claim_that_reports_it(seed):
    """Each sentence's event links the claims made in it; the clash's events link all of them."""
    _, result = seed
    sources = {s.key: s for s in result.sources}
    linked = {k for e in _clash(result) for k in e.claim_keys}
    quote = next(c for c in result.claims if c.quote and "at least 30 soldiers" in c.content.text)
    assert quote.key in linked
    assert sources[quote.source_key].type == "intelligence"
    assert any(sources[c.source_key].name == "Ukraine" for c in result.claims if c.key in linked)
