"""People: titles and role cues, first names, speech verbs; surname-only mentions linked later."""

from __future__ import annotations

from anyascii import anyascii

from extract.lexicon import (
    DEMONYMS,
    EXTRA_FIRST_NAMES,
    FIRST_NAMES,
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_HEADS,
    ROLES_BEFORE_NAME,
    SPEECH_VERBS,
)
from extract.mentions import Document, Token
from extract.places import country_code

_TITLE_WORDS: dict[str, list[tuple[str, ...]]] = {}
for _title in PERSON_TITLES:
    _words = tuple(_title.replace(".", " .").split())
    _words = tuple(w for w in _words if w != ".")
    _TITLE_WORDS.setdefault(_words[0], []).append(_words)
for _entries in _TITLE_WORDS.values():
    _entries.sort(key=len, reverse=True)

_TITLE_LAST = frozenset(words[-1] for entries in _TITLE_WORDS.values() for words in entries)
_CAPITAL_TITLE_ONLY = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "sen",
        "rep",
        "gov",
        "prof",
        "brig",
    }
)


def title_at(doc: Document, i: int, limit: int) -> int:
    """Number of tokens of a person title starting at token i (dots skipped), 0 if none."""
    tokens = doc.tokens
    entries = _TITLE_WORDS.get(tokens[i].lower)
    if not entries:
        return 0
    for words in entries:
        k, j = 0, i
        while k < len(words) and j < limit:
            if tokens[j].text == ".":
                j += 1
                continue
            if tokens[j].lower != words[k]:
                break
            k += 1
            j += 1
        if k == len(words):
            while j < limit and tokens[j].text == ".":
                j += 1
            return j - i
    return 0


def title_before(doc: Document, first: int) -> tuple[str, int] | None:
    """A lower-case title just before a name ("spokesman Dmitry Peskov", "defence minister X").

    Returns the title text and the index of its first token."""
    tokens = doc.tokens
    if first < 1:
        return None
    last_word = tokens[first - 1].lower
    if last_word not in _TITLE_LAST and not (last_word == "." and first > 1 and tokens[first - 2].lower in _TITLE_LAST):
        return None  # most names follow no title: a quick no
    for size in (4, 3, 2, 1):
        start = first - size
        if start < 0 or tokens[start].sentence != tokens[first].sentence:
            continue
        n = title_at(doc, start, first)
        if n == size and doc.text[tokens[first - 1].end : tokens[first].start] in (" ", ""):
            return doc.text[tokens[start].start : tokens[first - 1].end], start
    return None


# titles that head a body named after "of": "Secretary of Defense", "Minister of Foreign Affairs"
_OF_TITLES = frozenset(
    "secretary minister chairman chairwoman head director chief commander president governor mayor "
    "ambassador speaker leader deputy spokesman spokeswoman spokesperson envoy prosecutor commissioner".split()
)
# words of bodies' names that ORG_HEADS lacks ("the Roman Catholic Church", "the International Monetary Fund")
_BODY_WORDS = frozenset("church fund bureau college school people".split())
_OF_WALK = 12  # tokens looked back over for the title ("Chairman of the Joint Chiefs of Staff ...")


# the words of a minister's portfolio: "Minister of Foreign Affairs", "of National Defense"
PORTFOLIO_WORDS = frozenset(
    """
foreign affairs defence defense national internal interior home health finance finances economy economic
justice culture education energy agriculture digital transformation external trade industry industries
labour labor social policy infrastructure transport environment emergency emergencies situations veterans
reintegration temporarily occupied territories development regional strategic science youth sport sports
information communications security state and the of for public works family welfare communities
""".split()
)


def title_of_body(doc: Document, a: int, b: int) -> tuple[int, str] | None:
    """A person named after a title and the body it heads: "Secretary of Defense Lloyd Austin",
    "Minister of Foreign Affairs Dmytro Kuleba", "Chairman of the Joint Chiefs of Staff Mark Milley".
    The run a..b holds the name, and may hold the body's last words (or, bridged by "of", the title
    too). Returns where the name starts and the title's words, or None. The name: from the first
    known first name after the body's first word, else the run's last two words when the words around
    them say person (a speech verb, a role); no word of it a people, a country or a body's head."""
    tokens = doc.tokens
    sentence = tokens[a].sentence
    title = body = None
    # the first "of" inside the run that follows a title, else one before the run
    for p in (*range(a + 1, b), *range(a - 1, max(-1, a - _OF_WALK), -1)):
        if tokens[p].sentence != sentence or (
            p < a and not (tokens[p].cap or tokens[p].lower in ("of", "the", "and", "for"))
        ):
            break
        if tokens[p].lower == "of" and p > 0 and (title := _title_ending(doc, p)) is not None:
            body = p + 1
            break
    if title is None or body is None:
        return None
    if tokens[body].lower == "the":
        body += 1
    lo = max(body + 1, a)  # the name follows the body's first word, inside the run
    name = next((k for k in range(lo, b) if is_first_name(tokens[k])), None)
    if name is None and any(t.lower == "minister" for t in tokens[title:body]):
        # "Minister of Foreign Affairs of Lithuania Gabrielius Landsbergis": the words after the
        # portfolio (and its country) are the name, whatever the first name
        k = body
        while k < b and (tokens[k].lower in PORTFOLIO_WORDS or country_code(tokens[k].text)):
            k += 1
        if k >= lo and b - k in (1, 2):
            name = k
    if name is None:  # no first name known: the last two words, if the words around say person
        if b - 1 < lo or not looks_like_person(doc, b - 1, b):
            return None
        name = b - 1
    words = tokens[name : b + 1]
    if not all(t.cap and not t.text.isupper() for t in words if t.lower not in NAME_PARTICLES):
        return None
    if any(
        t.lower in DEMONYMS
        or t.lower in ORG_HEADS
        or t.lower in PLACE_HEADS
        or t.lower in _BODY_WORDS
        or country_code(t.text)
        for t in words
    ):
        return None  # "Head of the Kherson Regional Military Administration said": no name after the body
    return name, doc.text[tokens[title].start : tokens[name - 1].end]


def _title_ending(doc: Document, of: int) -> int | None:
    """Where a title of _OF_TITLES starts that ends right before token ``of``, or None."""
    tokens = doc.tokens
    if tokens[of - 1].lower not in _OF_TITLES:
        return None
    for size in (3, 2, 1):
        start = of - size
        if start >= 0 and tokens[start].sentence == tokens[of].sentence and title_at(doc, start, of) == size:
            return start
    return None


def looks_like_person(doc: Document, first: int, last: int) -> bool:
    """Shape and context say person: a known first name, a speech verb after, ", a spokesman"."""
    tokens = doc.tokens
    words = [t for t in tokens[first : last + 1] if t.lower not in NAME_PARTICLES]
    if not words:
        return False
    if len(words) >= 2 and is_first_name(words[0]):
        return True
    if first >= 2 and tokens[first - 1].lower in ("of", "for", "and") and tokens[first - 2].cap:
        return False  # "the Office for the Coordination of Humanitarian Affairs said"
    if 2 <= len(words) <= 4 and (
        speech_after(doc, last)
        or role_after(doc, last)
        or said_before(doc, first)
        or who_after(doc, last)
        or role_before(doc, first)
        or role_word_before(doc, first)
        or age_after(doc, last)
        or _extra_named(words)
    ):
        return all(w.text[:1].isupper() and (not w.text.isupper() or "." in w.text) for w in words)
    return False


def _extra_named(words: list[Token]) -> bool:
    """A first name of the larger list and one or two more words, none of them a country or a people
    ("Brayan Oropeza", not "German Leopard" or "Nazi Germany")."""
    return (
        len(words) <= 3
        and is_extra_first_name(words[0])
        and not any(w.lower in DEMONYMS or country_code(w.text) for w in words[1:])
    )


def is_extra_first_name(token: Token) -> bool:
    """A first name of the larger list (weaker evidence than ``is_first_name``: "Brayan", "Eldon")."""
    return token.lower in EXTRA_FIRST_NAMES or (
        not token.lower.isascii() and anyascii(token.lower) in EXTRA_FIRST_NAMES
    )


def role_word_before(doc: Document, first: int) -> bool:
    """A lower-case role noun just before the name: "radical preacher Anjem Choudary", "pilot Bernardo
    Badell", "suspected bomber Dzhokhar Tsarnaev"."""
    tokens = doc.tokens
    return (
        first >= 1
        and tokens[first - 1].lower in ROLES_BEFORE_NAME
        and tokens[first - 1].text.islower()
        and tokens[first - 1].sentence == tokens[first].sentence
    )


def age_after(doc: Document, last: int) -> bool:
    """An age set off after the name: "Yanelis Banco, 36 years old, said", "Tamerlan, 26, died"."""
    tokens = doc.tokens
    j = last + 1
    if (
        j + 2 >= len(tokens)
        or tokens[j].text != ","
        or not tokens[j + 1].text.isdigit()
        or not 1 <= int(tokens[j + 1].text) <= 110
        or tokens[j + 1].sentence != tokens[last].sentence
    ):
        return False
    after = tokens[j + 2]
    return after.text == "," or (after.lower == "years" and j + 3 < len(tokens) and tokens[j + 3].lower == "old")


def who_after(doc: Document, last: int) -> bool:
    """ "Sergiy Kyslytsya, who ..." or "Jens Laerke, 54, who ...": only people are "who"."""
    tokens = doc.tokens
    j = last + 1
    if j < len(tokens) and tokens[j].text == ",":
        j += 1
        if j + 1 < len(tokens) and tokens[j].text.isdigit() and tokens[j + 1].text == ",":
            j += 2
        return j < len(tokens) and tokens[j].lower == "who" and tokens[j].sentence == tokens[last].sentence
    return False


def role_before(doc: Document, first: int) -> bool:
    """A role named just before, set off by a comma: "Ukraine's envoy to the UN, Sergiy
    Kyslytsya, said", "the head of the regional administration, Vadym Filashkin, ...", "the UN
    Humanitarian Coordinator for Sudan, Clementine Nkweta-Salami, ..." (a role capitalised as a
    title counts when "of", "for" ... follows it, or the comma)."""
    tokens = doc.tokens
    if first < 2 or tokens[first - 1].text != ",":
        return False
    for k in range(first - 2, max(-1, first - 8), -1):
        if tokens[k].sentence != tokens[first].sentence or tokens[k].text in (",", ";", ".", "“", '"'):
            return False
        if tokens[k].lower in PERSON_ROLES:
            return k == first - 2 or tokens[k + 1].lower in ("of", "for", "to", "at", "in")
    return False


def is_first_name(token: Token) -> bool:
    """A common first name, accents ignored ("José", "Radosław")."""
    if token.lower in FIRST_NAMES:
        return True
    return not token.lower.isascii() and anyascii(token.lower) in FIRST_NAMES


def speech_after(doc: Document, last: int) -> bool:
    tokens = doc.tokens
    j = last + 1
    if j < len(tokens) and tokens[j].text in ("has", "had", "also", "later", "then", "previously", "on"):
        j += 1
    return j < len(tokens) and tokens[j].lower in SPEECH_VERBS and tokens[j].sentence == tokens[last].sentence


def said_before(doc: Document, first: int) -> bool:
    tokens = doc.tokens
    j = first - 1
    return (
        j >= 0
        and tokens[j].lower in ("said", "says", "told", "added", "wrote")
        and tokens[j].sentence == tokens[first].sentence
    )


def role_after(doc: Document, last: int) -> bool:
    """ "Ivan Petrov, a spokesman for ...", "Maria Ivanova, 45, a resident of ..."."""
    tokens = doc.tokens
    j = last + 1
    if j >= len(tokens) or tokens[j].text != ",":
        return False
    j += 1
    if j < len(tokens) and tokens[j].text.isdigit():
        j += 2 if j + 1 < len(tokens) and tokens[j + 1].text == "," else 1
    for k in range(j, min(j + 4, len(tokens))):
        if tokens[k].lower in PERSON_ROLES:
            return True
        if not tokens[k].word or tokens[k].lower in _NOT_BEFORE_ROLE:
            break
    return False


_NOT_BEFORE_ROLE = frozenset(
    """
while and but as when which who whom where whose after before since though although if or nor
said says told
""".split()
)


def is_title_only_abbreviation(word: str) -> bool:
    return word.lower().rstrip(".") in _CAPITAL_TITLE_ONLY
