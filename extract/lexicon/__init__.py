"""Word lists for entity recognition: compact, hand-written, loaded once with the module."""

from extract.lexicon.names import FIRST_NAMES, NAME_PARTICLES, SURNAME_PREFIXES
from extract.lexicon.organizations import ORG_HEADS, ORGANIZATIONS
from extract.lexicon.words import (
    CONTINENTS,
    LANGUAGES,
    DEMONYMS,
    GROUP_NOUNS,
    GROUP_WORDS_ALONE,
    MONTHS,
    NOT_NAMES,
    NOT_SPEAKER_NAMES,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_HEADS,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
    WEEKDAYS,
)

__all__ = [
    "CONTINENTS", "LANGUAGES",
    "DEMONYMS", "FIRST_NAMES", "GROUP_NOUNS", "GROUP_WORDS_ALONE", "MONTHS", "NAME_PARTICLES",
    "NOT_NAMES", "NOT_SPEAKER_NAMES", "ORGANIZATIONS", "ORG_HEADS", "PERSON_ROLES", "PERSON_TITLES", "PLACE_HEADS",
    "SENTENCE_OPENERS", "SPEECH_VERBS", "SURNAME_PREFIXES", "WEEKDAYS",
]
