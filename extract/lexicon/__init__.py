"""Word lists: names, titles, speech verbs, organisations, places, countries, numbers, sentence ends;
compact, hand-written, loaded once with the module. Code elsewhere in extract/ holds rules, not words."""

from extract.lexicon.names import EXTRA_FIRST_NAMES, FIRST_NAMES, NAME_PARTICLES, SURNAME_PREFIXES
from extract.lexicon.organizations import ORG_HEADS, ORGANIZATIONS
from extract.lexicon.words import (
    CONTINENTS,
    COUNTRIES_PLURAL,
    DEMONYMS,
    GROUP_NOUNS,
    GROUP_WORDS_ALONE,
    GROUPS_OF_COUNTRIES,
    LANGUAGES,
    MONTHS,
    NOT_NAMES,
    NOT_SPEAKER_NAMES,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_HEADS,
    ROLES_BEFORE_NAME,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
    WEEKDAYS,
)

__all__ = [
    "CONTINENTS",
    "COUNTRIES_PLURAL",
    "LANGUAGES",
    "DEMONYMS",
    "EXTRA_FIRST_NAMES",
    "FIRST_NAMES",
    "GROUP_NOUNS",
    "GROUP_WORDS_ALONE",
    "GROUPS_OF_COUNTRIES",
    "MONTHS",
    "NAME_PARTICLES",
    "NOT_NAMES",
    "NOT_SPEAKER_NAMES",
    "ORGANIZATIONS",
    "ORG_HEADS",
    "PERSON_ROLES",
    "PERSON_TITLES",
    "PLACE_HEADS",
    "ROLES_BEFORE_NAME",
    "SENTENCE_OPENERS",
    "SPEECH_VERBS",
    "SURNAME_PREFIXES",
    "WEEKDAYS",
]
