"""The extraction pipeline: an article's text and publication date to entities, sources, claims and events.

``extract_article`` is the one entry point the store calls (in a process pool). It is pure,
deterministic and offline: the same text and date always give the same result.
"""

from __future__ import annotations

from extract.attribution import find_claims
from extract.boilerplate import masked
from extract.dates import parse_published, text_day
from extract.entities import find_entities
from extract.events import find_events
from extract.gcpause import gc_paused
from extract.model import Extraction
from extract.sentences import bounded, split_sentences


def extract_article(text: str, published: str | None) -> Extraction:
    """published: ISO date or date-time of the article (or None: then a day its top states with its
    year, in a wire dateline, "KYIV, Aug 26, 2024 (Reuters) -", or a byline, gives it). Deterministic, offline.

    Sentences first, then entities (people, organisations, groups, places), then claims with
    their typed sources, then events that link the claims reporting them.
    """
    if parse_published(published) is None:
        # no publication date: a day the article's top states with its year stands for it
        published = text_day(text) or published
    text = masked(text)  # site furniture ("Advertisement", teasers) is no article text: read as blank lines
    with gc_paused():
        sentences = bounded(text, split_sentences(text))  # (a sentence over 50,000 characters: in pieces)
        entities = find_entities(text, sentences)
        sources, claims = find_claims(text, sentences, entities)
        events = find_events(text, sentences, entities, claims, published)
    return Extraction(entities=entities, sources=sources, claims=claims, events=events)
