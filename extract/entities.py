"""People, organisations, groups and places in an article, each with all its mention spans.

Rules and word lists only (deterministic, no model). Order of work:
1. organisations and groups from lexicons and patterns (``extract.organizations``);
2. capitalised name sequences, classified by titles, first names, speech verbs, place cues and
   the gazetteer (``extract.people``, ``extract.places``);
3. surname-only mentions linked to the full name, mentions merged into entities, and places
   resolved to country, admin1 and (only when unambiguous) coordinates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii

from extract.gazetteer import CONFLICT_REGION_KEYS, Place, fold, gazetteer, lookup, loose, shared_region_countries
from extract.gcpause import gc_paused
from extract.lexicon import (
    CONTINENTS,
    COUNTRIES_PLURAL,
    DEMONYMS,
    GROUPS_OF_COUNTRIES,
    LANGUAGES,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAMES,
    NOT_SPEAKER_NAMES,
    ORGANIZATIONS,
    PERSON_ROLES,
    PLACE_HEADS,
    SENTENCE_OPENERS,
    SURNAME_PREFIXES,
    WEEKDAYS,
)
from extract.lexicon.countries import TERRITORY_NAMES
from extract.lexicon.people import WELL_KNOWN
from extract.lexicon.places import (
    FEATURE_HEADS,
    GENERIC_FACILITIES,
    HISTORICAL_STATES,
    NOT_A_PLACE_ALONE,
    NOT_PLACE_BEFORE,
    ORG_AFTER,
    ROAD_HEADS,
    SETTLEMENT_HEADS,
    VENUE_HEADS,
)
from extract.mentions import Candidate, Document, Token
from extract.model import Entity, Span
from extract.organizations import find_acronyms, find_organizations, org_head_kind
from extract.organizations import (
    match_demonym as _match_demonym,
)  # public there; the local name keeps this file's lines
from extract.people import (
    PORTFOLIO_WORDS,
    is_extra_first_name,
    is_first_name,
    is_title_only_abbreviation,
    looks_like_person,
    role_after,
    said_before,
    speech_after,
    title_at,
    title_before,
    title_of_body,
)
from extract.places import (
    BARE_POPULATION,
    PlaceInfo,
    article_admin1s,
    called_so,
    country_code,
    cue_before,
    facility_after,
    head_after,
    is_big_place,
    resolve,
)

_KEEP_COUNTRY_SPELLING = frozenset(
    {
        "gaza",
        "gaza strip",
        "west bank",
        "crimea",
        "somaliland",
        "western sahara",
        "palestine",
        "donbas",
        "kosovo",
        "taiwan",
    }
)
_MAX_ALIASES = 12


def find_entities(text: str, sentences: list[Span]) -> list[Entity]:
    """All people, organisations, groups and places in the article (keys "person:1", "place:3")."""
    with gc_paused():
        return _find_entities(text, sentences)


def _find_entities(text: str, sentences: list[Span]) -> list[Entity]:
    doc = Document(text, sentences)
    find_organizations(doc)
    _owner_countries(doc)
    _find_datelines(doc)
    pending = _classify_runs(doc)
    _link_pending(doc, pending)
    _historical_acronyms(doc)
    find_acronyms(doc)
    return _merge(doc)


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end), preferring the longest mention."""
    best: Entity | None = None
    best_len = -1
    for entity in entities:
        for span in entity.mentions:
            if span.start < end and start < span.end and span.end - span.start > best_len:
                best, best_len = entity, span.end - span.start
    return best


def _owner_countries(doc: Document) -> None:
    """ "Israel's military", "Sudan's foreign ministry": the country is also a place mention, nested
    in the organisation's span."""
    for c in list(doc.candidates):
        if c.type != "organization":
            continue
        i = doc.by_start.get(c.start)
        if i is None or not doc.tokens[i].possessive:
            continue
        code = country_code(doc.tokens[i].text)
        if code:
            doc.candidates.append(
                Candidate(
                    "place",
                    doc.tokens[i].text,
                    doc.tokens[i].start,
                    doc.tokens[i].end,
                    doc.tokens[i].sentence,
                    {"country": code, "nested": "1"},
                )
            )


# A wire dateline: "KYIV, Ukraine (AP) —", "GAZA CITY (Reuters) -", "JERUSALEM —", "DUBAI/JERUSALEM (Reuters) -".
_CAPS_NAME = r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
_DATELINE = re.compile(rf"[*_]*({_CAPS_NAME}(?:/{_CAPS_NAME})*)(?=[*_]*(?:,[^\n(—–]{{0,40}})?\s*(?:\(|—|–|-\s|--))")


def _find_datelines(doc: Document) -> None:
    for sentence in doc.sentences:
        match = _DATELINE.match(doc.text, sentence.start, sentence.end)
        if not match:
            continue
        at = match.start(1)
        for caps in match.group(1).split("/"):
            _dateline_place(doc, caps, at, at + len(caps))
            at += len(caps) + 1


def _dateline_place(doc: Document, caps: str, start: int, end: int) -> None:
    """The place one name of a dateline gives ("DUBAI" in "DUBAI/JERUSALEM (Reuters) -")."""
    name = " ".join(w.capitalize() for w in caps.split())
    first = doc.by_start.get(start)
    if first is None:
        return
    last = first
    while last + 1 < len(doc.tokens) and doc.tokens[last + 1].end <= end:
        last += 1
    if not doc.free(first, last) or doc.tokens[last].end != end:
        return
    code = country_code(name)
    places = lookup(name)
    if not is_big_place(places):  # a small place only by its very name: "FILE -" is no dateline of Fillé
        places = _named_exactly(places, name)
    if code:
        doc.add("place", name, first, last, country=code, locative="1")
    elif is_big_place(places) or (places and len(caps) > 3):
        best = max(places, key=lambda p: p.population)
        if loose(fold(best.name)) == loose(fold(name)):
            name = best.name if best.name.isascii() else anyascii(best.name)  # "Port-au-Prince"
        doc.add("place", name, first, last)


# --- capitalised runs -------------------------------------------------------------------------


def _namey(token: Token) -> bool:
    """Could start or continue a name: "Kyiv", "O'Brien", "al-Burhan" (not "UKRAINE", not "the")."""
    text = token.text
    if token.cap:
        return token.word and not (text.isupper() and len(text) > 3 and "." not in text)  # not shouted headings
    if token.word and "-" in text and text.startswith(SURNAME_PREFIXES):
        rest = text.split("-", 1)[1]
        return rest[:1].isupper()
    return False


def _initial(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()  # "John F. Kennedy"


# words that open a place's name, written short: "St. Petersburg", "Mt. Kenya", "Ft. Bragg"
_PLACE_ABBREVIATIONS = frozenset({"St", "Ste", "Mt", "Ft"})


def _place_abbreviation(tokens: list, i: int, j: int) -> bool:
    """Whether token ``j`` (a run's first, before a stop) opens a place's name written short: "St."
    before a word that is no first name ("St. Petersburg"; "St. George" is as likely the saint)."""
    return j == i and tokens[j].text in _PLACE_ABBREVIATIONS and not is_first_name(tokens[j + 2])


def _runs(doc: Document) -> list[tuple[int, int]]:
    tokens, n, taken, text = doc.tokens, len(doc.tokens), doc.taken, doc.text
    runs = []
    after = 0  # tokens before this one are in a run already
    # A run starts at a capitalised token, or at a lower-case prefixed name ("al-Burhan").
    hyphenated = [k for k in doc.hyphenated if not tokens[k].cap]
    for i in sorted(doc.capitals + hyphenated) if hyphenated else doc.capitals:
        if i < after or taken[i] or not _namey(tokens[i]):
            continue
        j = i
        while j + 1 < n and not taken[j + 1]:
            token, nxt = tokens[j], tokens[j + 1]
            if token.possessive or token.sentence != nxt.sentence:
                break
            if (
                nxt.text == "."
                and (is_title_only_abbreviation(token.text) or _initial(token) or _place_abbreviation(tokens, i, j))
                and text[token.end : nxt.start] == ""
                and j + 2 < n
                and _namey(tokens[j + 2])
            ):
                j += 1  # "Mr. Smith", "Lt. Gen. Syrskyi"
                continue
            gap = text[token.end : nxt.start]
            if gap not in (" ", "\u00a0") and not (token.text == "." and gap == " "):
                break
            if _namey(nxt) and not (
                (token.text.isupper() and len(token.text) > 1 and is_first_name(nxt))
                or _person_after_country(token, nxt)
            ):
                j += 1  # (an acronym before a first name ends the run: "the Sumy OVA Ihor Petrenko")
            elif nxt.lower in ("of", "and") and (bridge := _of_bridge(doc, i, j)):
                j = bridge  # "Democratic Republic of the Congo", "Isle of Man"
            elif (
                nxt.lower in NAME_PARTICLES
                and j + 2 < n
                and _namey(tokens[j + 2])
                and doc.text[nxt.end : tokens[j + 2].start] == " "
                and not doc.taken[j + 2]
            ):
                j += 2
            else:
                break
        if j > i and _is_heading(doc, tokens[i].sentence):
            runs.extend(_segment_heading(doc, i, j))
        elif j > i + 1:
            runs.extend(_split_at_title(doc, i, j))
        else:
            runs.append((i, j))
        after = j + 1
    return runs


def _is_heading(doc: Document, sentence: int) -> bool:
    """A Title Case line: "North Korean Troops Reinforce Russian Forces" (no full stop, most words
    capitalised). Its capitalised words are not one long name."""
    memo = doc.memo.setdefault("heading", {})
    found = memo.get(sentence)
    if found is None:
        span = doc.sentences[sentence] if doc.sentences else None
        words = [w for w in span.text.split() if w[:1].isalpha()] if span else []
        found = (
            bool(span)
            and span.text[-1] not in ".!?:;\"”'’"
            and len(words) >= 3
            and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
        )
        memo[sentence] = found
    return found


def _segment_heading(doc: Document, a: int, b: int) -> list[tuple[int, int]]:
    """Known names inside a heading's run ("Russia Strikes Kyiv Oblast" -> Russia, Kyiv Oblast)."""
    tokens = doc.tokens
    out = []
    i = a
    while i <= b:
        j = i
        for end in range(min(b, i + 3), i, -1):
            name = doc.text[tokens[i].start : tokens[end].end]
            if (
                country_code(name)
                or lookup(name)
                or gazetteer().region(name) is not None
                or (end == i + 1 and (is_first_name(tokens[i]) or tokens[end].lower in PLACE_HEADS))
            ):
                j = end
                break
        out.append((i, j))
        i = j + 1
    return out


def _split_at_title(doc: Document, a: int, b: int) -> list[tuple[int, int]]:
    """A run that names a place or body, then a person by title: "Kursk Oblast Governor Alexei
    Smirnov", "Kharkiv Oblast Military Administration Head Oleh Syniehubov" -> the place or body,
    and the titled name. Not after a demonym ("Russian Defence Minister ...": one title)."""
    if title_at(doc, a, b + 1):
        return [(a, b)]  # titles first ("Brig. Gen. Ahmed Khalil"): _trim_run takes them all
    for k in range(a + 1, b):
        n = title_at(doc, k, b + 1)
        if not n or k + n > b or title_at(doc, k - 1, b + 1):
            continue
        if _match_demonym(doc, a) >= k - a or not _names_place_or_body(doc, a, k - 1):
            return [(a, b)]  # "Senior General Min Aung Hlaing": a title's own word, not a place
        return [(a, k - 1), (k, b)]
    return [(a, b)]


def _names_place_or_body(doc: Document, a: int, b: int) -> bool:
    """Tokens a..b name a place the gazetteer knows, or end with a place or organisation head word
    ("Kursk Oblast", "Belgorod", "Sumy City Military Administration")."""
    name = doc.text[doc.tokens[a].start : doc.tokens[b].end]
    return bool(
        country_code(name)
        or lookup(name)
        or gazetteer().region(name) is not None
        or doc.tokens[b].lower in PLACE_HEADS
        or org_head_kind(doc.texts[a : b + 1])
    )


_ORG_SKIP = frozenset({"the", "a", "an"})
# Honorifics that are part of the name in common use when one name follows: "Sheikh Hasina"
# (but "Sheikh Mohammed bin Zayed" is "Mohammed bin Zayed" with the title "Sheikh").
_NAME_HONORIFICS = frozenset({"sheikh", "sheikha", "shaikh", "sheik"})


_PORTFOLIO_HOLDERS = frozenset({"minister", "ministers", "secretary", "commissioner"})


def _group_of_countries(doc: Document, a: int, b: int) -> int | None:
    """The last token of "Baltic states", "Nordic Countries", "Gulf nations" when the run at ``a``..``b``
    is one's adjective (or the whole): a region, not a town called Baltic."""
    tokens = doc.tokens
    if tokens[a].lower not in GROUPS_OF_COUNTRIES:
        return None
    end = b if b == a + 1 else b + 1
    if b > a + 1 or end >= len(tokens) or tokens[end].lower not in COUNTRIES_PLURAL:
        return None
    return end


def _org_run(doc: Document, a: int, b: int) -> bool:
    """A capitalised name ending in an organisation word: "the State Emergency Service"."""
    tokens = doc.tokens
    while a < b and (
        tokens[a].lower in _ORG_SKIP
        or tokens[a].lower in SENTENCE_OPENERS
        or tokens[a].lower in MONTHS
        or tokens[a].lower in WEEKDAYS
    ):
        a += 1
    if b <= a:
        return False
    n = title_at(doc, a, b + 1)
    if n and not (a + n == b and org_head_kind([tokens[b].text])):
        return False  # a person's title, not "the Justice Department" (a title's word, then the head)
    kind = org_head_kind([t.text for t in tokens[a : b + 1]])
    if not kind or country_code(doc.text[tokens[a].start : tokens[b].end]) or tokens[b].lower == "hospital":
        return False  # "Russian Federation" is a country, "Al-Shifa Hospital" a place
    b = _org_complement(doc, b)
    doc.add("organization", doc.text[tokens[a].start : tokens[b].end], a, b, kind=kind)
    return True


def _person_after_country(token, nxt) -> bool:
    """A first name right after a country's name starts a person's: "the Security Council of Russia
    Dmitry Medvedev", "Ambassador of Ukraine Andrii Deshchytsia"."""
    return is_first_name(nxt) and country_code(token.text) is not None


def _org_complement(doc: Document, b: int) -> int:
    """The last token of an organisation's name that goes on after its head word with "on", "for"
    or "of" and capitalised words: "Kenya National Commission on Human Rights", "Committee for the
    Protection of Journalists". ``b`` when nothing follows."""
    tokens, n = doc.tokens, len(doc.tokens)
    j = b + 1
    if j >= n or tokens[j].lower not in ("on", "for", "of") or not doc.joined(b, j):
        return b
    k = j + 1
    if k < n and tokens[k].lower == "the" and doc.joined(j, k):
        k += 1
    last = b
    while (
        k < n
        and not doc.taken[k]
        and doc.joined(k - 1, k)
        and (_namey(tokens[k]) or (tokens[k].lower in ("of", "and", "the") and k + 1 < n and _namey(tokens[k + 1])))
        and not _person_after_country(tokens[k - 1], tokens[k])
    ):
        if _namey(tokens[k]):
            last = k
        k += 1
    return last


def _of_bridge(doc: Document, i: int, j: int) -> int | None:
    """End of a place name that continues with "of (the) X" after tokens i..j, if one is known."""
    tokens, n = doc.tokens, len(doc.tokens)
    k = j + 2
    if k < n and tokens[k].lower == "the":
        k += 1
    if tokens[j + 1].lower == "and":  # "Jammu and Kashmir", "Bosnia and Herzegovina": known names only
        for last in range(min(n - 1, k + 2), k - 1, -1):
            name = doc.text[tokens[i].start : tokens[last].end]
            if (
                doc.joined(j, last)
                and all(_namey(t) for t in tokens[k : last + 1])
                and (country_code(name) or gazetteer().region(name) is not None or lookup(name))
            ):
                return last
        # "Union Solidarity and Development Party", "Justice and Development Party": a party's name
        # holds "and" (not after a country: "Russia and Ukraine Party talks")
        if k == j + 2 and not country_code(doc.text[tokens[i].start : tokens[j].end]):
            for last in range(k, min(n, k + 3)):
                if not (_namey(tokens[last]) and not doc.taken[last] and doc.joined(last - 1, last)):
                    break
                if tokens[last].lower in _PARTY_HEADS:
                    return last
        return None
    end = k
    limit = min(n, k + _LONGEST_PLACE_NAME)  # "Republic of" and a thousand capitalised words
    while (
        end < limit
        and _namey(tokens[end])
        and not doc.taken[end]
        and doc.joined(end - 1, end)
        and (end > k or doc.joined(j, k))
    ):
        end += 1
    if end > k and tokens[j].lower in _FEATURE_OF:
        return end - 1  # "Gulf of Aden", "Strait of Hormuz", "Sea of Azov"
    for last in range(end - 1, k - 1, -1):
        name = doc.text[tokens[i].start : tokens[last].end]
        if country_code(name) or lookup(name):
            return last
    return None


_PARTY_HEADS = frozenset("party front movement alliance congress league coalition".split())
_FEATURE_OF = frozenset("gulf strait straits sea bay isle island islands cape horn".split())


def _trim_run(doc: Document, a: int, b: int) -> tuple[int, int, str | None, bool] | None:
    """Cut a run's leading titles ("President"), demonyms before a title ("Russian President"),
    sentence openers and common words, and trailing particles; None when nothing is left.

    Returns the name's first and last token, the title found, and whether common words other
    than openers were cut ("World Central Kitchen": then "Kitchen" is no person)."""
    tokens = doc.tokens
    title = None
    common_stripped = False
    titled = b > a and title_before(doc, a) is not None  # "chairman Monday Kassah"
    # Leading titles, demonyms ("Russian President ...") and ordinary words.
    while a <= b:
        if tokens[a].text == ".":
            a += 1
            continue
        n = title_at(doc, a, b + 1)
        if n and a + n <= b and tokens[a + n].lower != "and":  # ("Justice and Equality Movement": a name)
            if a + n == b and tokens[a].lower in _NAME_HONORIFICS:
                title = title or tokens[a].text  # "Sheikh Hasina" is how she is named
                break
            title = doc.text[tokens[a].start : tokens[a + n - 1].end].rstrip(".")
            a += n
            continue
        n = _match_demonym(doc, a)
        if (
            n
            and a + n <= b
            and not _known_place_name(doc, a, b)
            and (title_at(doc, a + n, b + 1) or tokens[a + n - 1].lower in ("russian", "ukrainian"))
        ):
            a += n
            continue
        low = tokens[a].lower
        if (
            a < b
            and tokens[a].first
            and not is_first_name(tokens[a])
            and (low in SENTENCE_OPENERS or (len(low) > 5 and low.endswith(("ly", "ing"))))
        ):
            a += 1  # "Later Zelensky flew", "Speaking Tuesday, ..."
            continue
        if low in NOT_NAMES or low in MONTHS or low in WEEKDAYS:
            if title or (titled and (low in MONTHS or low in WEEKDAYS)):
                break  # "chairman Monday Kassah", "President August ..."
            if a < b and (
                _known_place_name(doc, a, b)
                or low in _COMPASS
                or (tokens[b].lower in _FEATURE_LAST and low not in _NOT_A_FEATURE_START)
            ):
                break  # "North Korea", "New York", "The Hague", "North Kordofan", "Second Thomas Shoal"
            if not tokens[a].first and low not in _ORG_SKIP:
                common_stripped = True  # "World Central Kitchen" is no person "Kitchen"
            a += 1
            continue
        break
    if a > b:
        return None
    # A month or weekday inside cuts the run ("Kyiv Monday").
    for k in range(a + 1, b + 1) if not titled else ():
        if tokens[k].lower in MONTHS or tokens[k].lower in WEEKDAYS:
            b = k if tokens[k].lower in MONTHS and _month_as_surname(doc, k) else k - 1
            break
    while b > a and tokens[b].lower in NAME_PARTICLES:
        b -= 1
    if tokens[b].text == ".":
        b -= 1
    if a > b:
        return None
    return a, b, title, common_stripped


def _month_as_surname(doc: Document, k: int) -> bool:
    """A month after a first name, or before a speech verb or a comma, with no day number after it, is a
    surname: "Theresa May", "Clifford May said", "Clifford May, founder of" (not "Kyiv May 5",
    "Tuesday May 7")."""
    tokens = doc.tokens
    after = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].sentence == tokens[k].sentence else None
    if after is not None and after.text[:1].isdigit():
        return False
    return is_first_name(tokens[k - 1]) or speech_after(doc, k) or (after is not None and after.text == ",")


def _classify_runs(doc: Document) -> list[tuple[int, int, bool]]:
    """Decide what each capitalised run is; return the runs left undecided."""
    tokens = doc.tokens
    pending: list[tuple[int, int, bool]] = []  # start, end, whether common words were cut off
    inherited: dict[int, str] = {}  # token index -> place cue inherited from a list ("near X, Y and Z")
    surnames: dict[str, str] = {}  # folded surname -> full name of a person already found
    companies: dict[str, str] = {}  # folded name -> a one-word company named after a company noun
    runs = _runs(doc)
    inherited.update(_bracketed_locations(doc, runs))
    for a, b in runs:
        run_start = a
        historical = _historical_state(doc, a, b)
        if historical is not None:
            doc.add("place", doc.text[tokens[historical].start : tokens[b].end], historical, b, historical="1")
            continue  # "the Soviet Union" ("Union" would make it a body)
        titled = title_of_body(doc, a, b)
        if titled is not None:
            _add_person(doc, titled[0], b, surnames, title=titled[1])  # "Secretary of Defense Lloyd Austin"
            continue
        if (
            a >= 2
            and tokens[a - 1].lower == "of"
            and tokens[a - 2].lower in _PORTFOLIO_HOLDERS
            and all(t.lower in PORTFOLIO_WORDS for t in tokens[a : b + 1])
        ):
            continue  # "(Minister of) Foreign Affairs": a portfolio, no body of its own
        if _org_run(doc, a, b):
            continue
        trimmed = _trim_run(doc, a, b)
        if trimmed is None:
            continue
        a, b, title, common_stripped = trimmed
        name = doc.text[tokens[a].start : tokens[b].end]
        folded = fold(name)
        if b > a + 1 and tokens[a].lower in _FEATURE_OF and tokens[a + 1].lower == "of":
            doc.add("place", name, a, b, feature="1")
            continue
        if folded in CONTINENTS:
            doc.add("place", name, a, b, continent="1")
            continue
        if (group := _group_of_countries(doc, a, b)) is not None:
            doc.add("place", GROUPS_OF_COUNTRIES[tokens[a].lower], a, group, continent="1")  # "Baltic states"
            continue
        if title is None:
            found = title_before(doc, a)
            if found and (found[1] < run_start or not _namey(tokens[found[1]])):
                title = found[0]
        # Places named with a head word: "Kursk region", "Donetsk Oblast", "Zaporizhzhia nuclear power plant".
        demonym = _match_demonym(doc, a) == b - a + 1
        facility = None if demonym else facility_after(doc, b)
        if facility is not None and title is None:
            if (
                facility == b + 1
                and tokens[facility].lower in GENERIC_FACILITIES
                and (lookup(name) or country_code(name))
            ):
                doc.add("place", name, a, b, **_hint(doc, a))  # "Odesa port": the place is Odesa
            else:
                doc.add("place", doc.text[tokens[a].start : tokens[facility].end], a, facility, facility="1")
            continue
        code = country_code(name) if title is None and not _a_thing_named_after(doc, a, b) else None
        if code:
            doc.add("place", name, a, b, country=code, locative=_locative(doc, a, b))
            _inherit_list(doc, b, "weak", inherited)
            continue
        head = None if demonym else head_after(doc, b)
        bracketed = inherited.get(a) or inherited.get(run_start)  # an ACLED location, whatever its words
        if head and title is None and not bracketed and _common_word(doc, a, b) and not _gazetteer_knows(name):
            continue  # "Evacuation corridor for Mariupol agreed": no place's name
        if head and title is None:
            if head[0] in ORG_AFTER:
                doc.add("organization", f"{name} {tokens[head[1]].text}", a, head[1], kind=ORG_AFTER[head[0]])
                continue
            doc.add("place", name, a, head[1], **_head_kind(head[0]), **_hint(doc, a))
            _inherit_list(doc, head[1], "strong", inherited)
            continue
        if (
            b > a
            and title is None
            and tokens[b].lower in _FEATURE_LAST
            and not (
                b == a + 1
                and tokens[b].lower in _SURNAME_FEATURES
                and (is_first_name(tokens[a]) or is_extra_first_name(tokens[a]))
            )
        ):
            # "Red Sea", "Bekaa Valley" (not "Eva Forest"); a town called so is a town ("Homa Bay",
            # "Montego Bay")
            doc.add("place", name, a, b, **({} if _a_town_called(name) else {"feature": "1"}))
            continue
        if b > a and title is None and tokens[b].lower in VENUE_HEADS and (b - a >= 2 or not is_first_name(tokens[a])):
            doc.add("place", name, a, b, facility="1")  # "Rolando Cafe", "Crocus City Hall"
            continue
        if b > a and tokens[b].lower in PLACE_HEADS and title is None and tokens[b].lower not in ("city", "republic"):
            if b == a + 1 and not bracketed and _common_word(doc, a, a) and not _gazetteer_knows(tokens[a].text):
                continue  # "the NATO Member State"
            doc.add("place", doc.text[tokens[a].start : tokens[b - 1].end], a, b, **_head_kind(tokens[b].lower))
            continue
        if title is None and b == a and (folded in companies or _company_named(doc, a, surnames)):
            doc.add("organization", companies.setdefault(folded, name), a, b, kind="other")
            continue  # "energy company Ukrenergo", and "Ukrenergo" again later
        if title is not None:
            if not (b == a and (country_code(name) or _not_a_surname(doc, a))):
                _add_person(doc, a, b, surnames, title=title)
                continue
        kind = org_head_kind(doc.texts[a : b + 1])
        if kind and b > a:
            if tokens[b].lower in ("hospital", "airport", "prison", "camp"):
                doc.add("place", name, a, b, facility="1")  # "Al-Shifa Hospital" is a place
            else:
                doc.add("organization", name, a, b, kind=kind)
            continue
        listed = inherited.get(a) or inherited.get(run_start)
        if listed and run_start > 0 and tokens[run_start - 1].text == "," and _verb_after(doc, b):
            listed = None  # "In the Kherson region, Prokudin reported ...": a subject, not a list item
        if listed and b + 1 < len(tokens) and tokens[b + 1].text == "/":
            listed = None  # "in Kyiv (Clodagh Kilcoyne/PA)": a photographer's credit, not a place of a list
        cue = _area_after(doc, a, b) or _compass_name(doc, a, b) or listed or cue_before(doc, a)
        strong_place = cue == "strong" and not is_first_name(tokens[a])
        if _plural_demonym(doc, a, b):
            doc.add("group", name, a, b)  # "North Koreans", "the Russians"
            continue
        if (
            not strong_place
            and looks_like_person(doc, a, b)
            and not _famous_place(doc, a, b, name)
            and (not common_stripped or is_first_name(tokens[a]))
        ):
            _add_person(doc, a, b, surnames)
            continue
        if b == a and folded in surnames:
            doc.add("person", surnames[folded], a, b)
            continue
        if b == a and is_first_name(tokens[a]) and role_after(doc, b):
            _add_person(doc, a, b, surnames)  # "Maksym, a 34-year-old soldier, said ..."
            continue
        if b == a and name in WELL_KNOWN and cue != "strong":
            _add_person(doc, a, b, surnames, known=WELL_KNOWN[name])  # "Shoigu and Gerasimov ..."
            continue
        if b == a and tokens[a].lower in NOT_A_PLACE_ALONE:
            continue  # "the University of Zurich": Zurich is the place
        if _decide_place(doc, a, b, name, cue) or _decide_region(doc, a, b, name, cue):
            # a place that was itself a list item makes the list one of places: "attacked X, Y, Z and W"
            _inherit_list(doc, b, "strong" if listed else cue or "weak", inherited)
            continue
        pending.append((a, b, common_stripped))
    return pending


def _bracketed_locations(doc: Document, runs: list[tuple[int, int]]) -> dict[int, str]:
    """ACLED's way of writing where: "overran Rubaya (Masisi, Nord-Kivu)", "in Pataz (Pataz, La
    Libertad)": a name and, in brackets, two more, the second the first-level region. All three are
    places, whatever the gazetteer knows. (Not "the Arakan Army (AA)", "(Reuters, AFP)": one name, or
    an acronym.)"""
    tokens = doc.tokens
    found: dict[int, str] = {}
    for k in range(len(runs) - 2):
        (a0, b0), (a1, b1), (a2, b2) = runs[k : k + 3]
        if (
            a1 == b0 + 2
            and a2 == b1 + 2
            and b2 + 1 < len(tokens)
            and tokens[b0 + 1].text == "("
            and tokens[b1 + 1].text == ","
            and tokens[b2 + 1].text == ")"
            and not any(tokens[i].text.isupper() and len(tokens[i].text) > 1 for i in (a0, a1, a2))
        ):
            found.update({a0: "strong", a1: "strong", a2: "strong"})
    return found


# words of features that are surnames too: after a first name, a person ("Eva Forest", "Damon Hill")
_SURNAME_FEATURES = frozenset("forest hill hills wood woods field fields park banks brook rivers".split())

_COMPANY_NOUNS = frozenset(
    """
company operator agency firm utility manufacturer maker producer provider carrier conglomerate
""".split()
)


def _company_named(doc: Document, a: int, surnames: dict[str, str]) -> bool:
    """One capitalised word right after a lower-case company noun names the company: "energy
    company Ukrenergo", "the grid operator Belvanta" (not a person, not a first name)."""
    tokens = doc.tokens
    if a == 0 or not doc.joined(a - 1, a):
        return False
    before, token = tokens[a - 1], tokens[a]
    return (
        before.lower in _COMPANY_NOUNS
        and before.text.islower()
        and not token.possessive
        and not is_first_name(token)
        and token.text not in WELL_KNOWN
        and fold(token.text) not in surnames
        and not country_code(token.text)
        and not token.text.isdigit()
    )


def _add_person(
    doc: Document, a: int, b: int, surnames: dict[str, str], known: str | None = None, **attributes: str
) -> None:
    if known is None:
        tokens = doc.tokens
        while b > a + 1 and (
            tokens[a].lower in _TITLE_WORDS
            or tokens[a].lower in PERSON_ROLES
            or tokens[a].lower in _BODIES
            or ((country_code(tokens[a].text) or tokens[a].lower in DEMONYMS) and not is_first_name(tokens[a]))
        ):
            a += 1  # "Treasury Secretary Janet Yellen", "European Council Charles Michel", "Poland Andrij Deszczyca"
        while b > a + 1 and tokens[b].lower in _TITLE_WORDS:
            b -= 1  # "Denis Skopin Former" (a caption: "Former student at ...")
        street = tokens[a].lower in _STREET_FIRST or (a > 0 and tokens[a - 1].lower in _STREET_FIRST)
        if tokens[b].lower in _NOT_LAST_OF_A_NAME or street:
            return  # "Munich Security Conference", "Yom Kippur War", "Park Road", "Rue Victor Hugo"
    name = known or _clean_name(doc, a, b)
    if b == a and name in WELL_KNOWN:
        name = WELL_KNOWN[name]  # "Mr Putin" -> "Vladimir Putin"
    doc.add("person", name, a, b, **attributes)
    for key in surname_keys(name):
        surnames[key] = name


def surname_keys(name: str) -> list[str]:
    """Keys a later one-word mention may use: "Abdel Fattah al-Burhan" -> "al burhan", "burhan"."""
    parts = name.split()
    if len(parts) < 2:
        return []
    last = parts[-1]
    keys = [fold(last)]
    if "-" in last and last.lower().startswith(tuple(p.lower() for p in SURNAME_PREFIXES)):
        keys.append(fold(last.split("-", 1)[1]))
    return keys


_LONGEST_PLACE_NAME = 8  # tokens: "United Kingdom of Great Britain and Northern Ireland"
_PLACE_NAME_OPENERS = frozenset(
    """
north south east west northern southern eastern western central upper lower greater new old
great united grand little
""".split()
)


_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ure")


def _not_a_surname(doc: Document, a: int) -> bool:
    """After a title, one word that is no surname: "General Coordination for Displaced Persons",
    "General Staff" (an abstract noun, or an organisation name going on with "of"/"for")."""
    tokens = doc.tokens
    low = tokens[a].lower
    if low.endswith(_ABSTRACT_ENDINGS) or low in NOT_NAMES or low in PERSON_ROLES or low in _BODIES or low in DEMONYMS:
        return True  # (and "General Assembly", "Deputy Head", "Deputy Chairman", "Navy Command", "a major Russian")
    return a + 2 < len(tokens) and tokens[a + 1].lower in ("of", "for") and tokens[a + 2].cap


# words that open a sentence before a feature's name, not part of it: "At Oxford Street, ..."
_NOT_A_FEATURE_START = frozenset("the at in on near from to along by across outside inside off into onto".split())
# the last word of a feature's name written in it: a feature's head, or a road's (capitalised in the
# name only: "the Biden road" is a metaphor)
_FEATURE_LAST = FEATURE_HEADS | ROAD_HEADS

# Words of a title around a name, not of the name: "Treasury Secretary Janet Yellen", "Republican Michael Turner"
_TITLE_WORDS = frozenset(
    """
treasury foreign defence defense interior finance state prime vice first deputy acting international
anchor senior chief former ex executive administration press national security economy health taoiseach
republican democrat democratic
""".split()
)
# Last words of the names of events, bodies and places, never of a person's
_NOT_LAST_OF_A_NAME = frozenset(
    """
war conference headquarters unit city school newsletter independence summit forum university college
institute agency council committee ministry office department center centre foundation party airport
station square street avenue province region district oblast republic representative road lane
boulevard highway bridge embankment
""".split()
)
# a street named after a person: "Rue Victor Hugo", "Via Giuseppe Garibaldi"
_STREET_FIRST = frozenset("rue via calle avenida ulitsa vulytsia piazza plaza".split())

_WEEKDAY_NAMES = frozenset(w.capitalize() for w in WEEKDAYS if len(w) >= 6)  # "Friday", not "Fri"

# Bodies and offices a title may stand before: "General Assembly", "Navy Command", "General Staff"
_BODIES = frozenset(
    """
assembly command council committee staff office ministry department court parliament government
agency service services forces army navy headquarters unit directorate bureau commission board
representatives senate congress cabinet presidium secretariat prosecutor's treasury duma rada embassy
consulate tribunal observatory
""".split()
)


def _historical_state(doc: Document, a: int, b: int) -> int | None:
    """Where the run names a state that is no more ("The Soviet Union", "USSR"), its first word; else None."""
    tokens = doc.tokens
    if tokens[b].lower not in _HISTORICAL_LAST:
        return None  # (most runs: a quick no)
    start = a + 1 if a < b and tokens[a].lower == "the" else a
    return start if fold(doc.text[tokens[start].start : tokens[b].end]) in _HISTORICAL_STATES else None


_HISTORICAL_STATES = frozenset(fold(name) for name in HISTORICAL_STATES)  # ("austria hungary")
_HISTORICAL_LAST = frozenset(name.split()[-1] for name in HISTORICAL_STATES)  # ("austria-hungary": one token)


def _historical_acronyms(doc: Document) -> None:
    """ "the USSR": a state that is no more, written in capitals (which make no run)."""
    for i in doc.capitals:
        token = doc.tokens[i]
        if not doc.taken[i] and token.text.isupper() and token.lower in _HISTORICAL_STATES:
            doc.add("place", token.text, i, i, historical="1")


def _named_exactly(places: Sequence[Place], name: str) -> tuple[Place, ...]:
    """The gazetteer places whose name or an alias is ``name`` itself (accents and case aside), not a
    looser spelling of it (the gazetteer's loose keys make "FILE" Fillé)."""
    key = fold(name)
    return tuple(p for p in places if fold(p.name) == key or any(fold(x) == key for x in p.aliases))


def _plural_demonym(doc: Document, a: int, b: int) -> bool:
    words = " ".join(t.lower for t in doc.tokens[a : b + 1])
    return words.endswith("s") and (words[:-1] in DEMONYMS or words[:-1].replace("'", "") in DEMONYMS)


def _famous_place(doc: Document, a: int, b: int, name: str) -> bool:
    """A big gazetteer place not opened by a first name ("Port Sudan", but not "Said Ahmed")."""
    return not is_first_name(doc.tokens[a]) and is_big_place(called_so(name))


def _common_word(doc: Document, a: int, b: int) -> bool:
    """A one-word name that the article also writes in lower case, where its capital says nothing: at
    the start of a sentence ("Tours offer a look at ...", "Evacuation corridor for Mariupol agreed"),
    or anywhere when it is no place's own name, only another name of one."""
    if b != a:
        return False
    lowered = doc.memo.get("lower words")
    if lowered is None:
        lowered = doc.memo["lower words"] = dict.fromkeys(t.lower for t in doc.tokens if t.word and not t.cap)
    token = doc.tokens[a]
    if token.lower not in lowered:
        return False
    key = loose(fold(token.text))
    return token.first or not any(loose(fold(p.name)) == key for p in lookup(token.text))


_DISTRICT_HEADS = frozenset({"district", "raion", "county", "municipality"})


def _head_kind(head: str) -> dict[str, str]:
    """ "Kursk region" is a first-level region (context for places near it); "Hodan district" a
    district; "Bekaa valley" a feature; "Kherson city" just the place."""
    if head in SETTLEMENT_HEADS:
        return {}
    if head in FEATURE_HEADS:
        return {"feature": "1"}
    if head in _DISTRICT_HEADS:
        return {"district": "1"}
    return {"region": "1"}


def _known_place_name(doc: Document, a: int, b: int) -> bool:
    """Whether a run that opens with a common word is still a place name ("North Korea")."""
    if b - a < _LONGEST_PLACE_NAME:  # a longer run is no one name: don't look it up (a run of
        name = doc.text[doc.tokens[a].start : doc.tokens[b].end]  # a thousand words stays linear)
        if country_code(name) or lookup(name) or fold(name) in CONFLICT_REGION_KEYS:
            return True
    return doc.tokens[a].lower in _PLACE_NAME_OPENERS and head_after(doc, b) is not None


def _joined_to_no_place(doc: Document, a: int) -> bool:
    """Whether token ``a`` follows "and" or "or" that follow no place ("Hitler and Stalin", not
    "Ambo and Adama"): the conjunction alone says nothing of a place."""
    tokens = doc.tokens
    if a < 2 or tokens[a - 1].lower not in ("and", "or"):
        return False
    # where the places found so far end, kept up to date as candidates are added (no rescan: linear)
    ends = doc.memo.setdefault("place ends", {})
    seen = ends.get(-1, 0)
    for c in doc.candidates[seen:]:
        if c.type == "place":
            ends[c.end] = True
    ends[-1] = len(doc.candidates)
    return tokens[a - 2].end not in ends


def _no_place_of_this_name(doc: Document, a: int, b: int, name: str) -> bool:
    """Whether no place, nor first-level region, is called ``name`` by its own name (only by
    another), or the article writes it as a common word."""
    return (not called_so(name) and gazetteer().region(name) is None) or _common_word(doc, a, b)


def _gazetteer_knows(name: str) -> bool:
    return bool(
        country_code(name) or gazetteer().region(name) is not None or lookup(name) or fold(name) in CONFLICT_REGION_KEYS
    )


def _place_like(name: str) -> bool:
    return bool(lookup(name)) or name[:1].isupper()


def _clean_name(doc: Document, a: int, b: int) -> str:
    """The name as written, spaces normalised ("John F. Kennedy")."""
    return " ".join(doc.text[doc.tokens[a].start : doc.tokens[b].end].split())


def _village_before(doc: Document, a: int) -> dict[str, str]:
    """{"village": "1"} when "village of" or "hamlet of" names the place: no city of that name is meant."""
    tokens = doc.tokens
    for back in (2, 3):
        j = a - back
        if (
            j >= 0
            and tokens[j].lower in ("village", "hamlet")
            and tokens[a - 1].lower in ("of", "the")
            and tokens[j].sentence == tokens[a].sentence
        ):
            return {"village": "1"}
    return {}


@lru_cache(maxsize=4096)
def _a_town_called(name: str) -> bool:
    """Whether a sizeable town (20,000 people or more) is called exactly ``name``."""
    key = loose(fold(name))
    return any(p.population >= 20_000 and loose(fold(p.name)) == key for p in lookup(name))


def _a_thing_named_after(doc: Document, a: int, b: int) -> bool:
    """ "Molotov cocktails", "Bermuda shorts": a place's name that names a thing with the word after it."""
    tokens = doc.tokens
    return b == a and b + 1 < len(tokens) and tokens[b + 1].lower in NOT_PLACE_BEFORE.get(tokens[a].lower, ())


def _decide_place(doc: Document, a: int, b: int, name: str, cue: str | None) -> bool:
    tokens = doc.tokens
    if _match_demonym(doc, a) == b - a + 1 or (b == a and tokens[a].lower in LANGUAGES):
        return False  # "Russian", "North Korean": adjectives; "in English": a language
    places = lookup(name)
    if places and b == a and tokens[a].text.isupper():
        # an acronym is no spelling variant, nor a name written in capitals: "ETA" is not Etah (nor
        # its alias "Eta"); only a place that is itself written so ("UAE", "DRC") is
        places = tuple(p for p in places if p.name == name or name in p.aliases)
    if b == a and not places and len(name) > 1 and tokens[a].text.isupper():
        return False  # "the Communist Party of Spain (PCE)": an acronym no place is written as
    if b == a and b + 1 < len(tokens) and tokens[b + 1].text in _WEEKDAY_NAMES:
        return False  # "Bloody Friday", "Black Monday": a day's name
    if _a_thing_named_after(doc, a, b):
        return False
    hint = _hint(doc, a)
    if (
        cue is None
        and _ATTACKED_AFTER.match(doc.text, tokens[b].end)
        and not is_first_name(tokens[a])
        and (places or (b == a and _toponym_shape(tokens[a])))
    ):
        cue = "strong"  # "Bhamo came under attack by fighter jets", "Shebekyne hit by artillery": a target
    if cue == "strong" and b - a <= 3:
        doc.add("place", name, a, b, **hint, **_village_before(doc, a))
        return True
    if (
        b == a
        and a > 0
        and tokens[a - 1].lower == "the"
        and not is_big_place(called_so(name))
        and fold(name) not in gazetteer().admin1_names
        and not _cue_after(doc, b)  # "the Pokrovsk direction"
    ):
        return False  # "the Alliance", "the Peninsula", "the House of Representatives": no village
    if not places:
        if (
            cue == "weak"
            and b == a
            and not is_first_name(tokens[a])
            and (_toponym_shape(tokens[a]) or (_arabic_article(tokens[a]) and _locative_before(doc, a)))
        ):
            doc.add("place", name, a, b, **hint)  # "in Kurakhivka", "in al-Mawasi": shapes of place names
            return True
        return False
    single_first_name = b == a and is_first_name(tokens[a])
    if (
        (cue == "weak" or _cue_after(doc, b))
        and (not speech_after(doc, b) or _locative_before(doc, a))
        and (not single_first_name or is_big_place(places))
        and not (_no_place_of_this_name(doc, a, b, name) and _joined_to_no_place(doc, a))
    ):  # "in Sofia", not "to Ali"; and "Hitler and Stalin" are no list of places (Donetsk was "Stalino")
        doc.add("place", name, a, b, **hint)
        return True
    if (
        is_big_place(called_so(name))
        and not single_first_name
        and not (tokens[a].first and b == a and tokens[a].lower in NOT_NAMES)
        and not _common_word(doc, a, b)
    ):
        doc.add("place", name, a, b, **hint)
        return True
    if fold(name) in gazetteer().admin1_names and not single_first_name:
        doc.add("place", name, a, b, **hint)
        return True
    return False


# Endings of East Slavic settlement names: "Novoselivka", "Robotyne", "Plekhovo", "Kurakhove".
_TOPONYM_ENDINGS = (
    "ivka",
    "ovka",
    "evka",
    "yivka",
    "ivske",
    "ovske",
    "ove",
    "ovo",
    "evo",
    "yevo",
    "ino",
    "yne",
    "ine",
    "sk",
    "grad",
    "hrad",
    "pol",
    "pil",
    "ivtsi",
    "ovtsi",
    "ychi",
    "ichi",
    "yany",
    "any",
    "ynka",
    "inka",
    "ivka",
    "yivske",
    "ske",
    "tsi",
)


def _arabic_article(token: Token) -> bool:
    return token.text[:3].lower() in ("al-", "el-") and token.text[3:4].isupper()


def _locative_before(doc: Document, a: int) -> bool:
    j = a - 1
    if j >= 0 and doc.tokens[j].lower == "the":
        j -= 1
    return j >= 0 and doc.tokens[j].lower in ("in", "near", "at", "around", "into", "outside", "from")


def _toponym_shape(token: Token) -> bool:
    low = token.lower
    return (
        len(low) >= 6
        and low.isalpha()
        and low.endswith(_TOPONYM_ENDINGS)
        and token.text[0].isupper()
        and not token.text.isupper()
    )


def _decide_region(doc: Document, a: int, b: int, name: str, cue: str | None) -> bool:
    """First-level and conflict regions no town is named after: "Tigray", "in Borno", "Donbas"."""
    code = gazetteer().region(name)
    named_with_another = _regions_after(doc, b)  # "in Rakhine and Chin states" ("Chin" is a first name too)
    if code is None or (is_first_name(doc.tokens[a]) and not named_with_another):
        return False
    if cue == "strong" or (cue == "weak" and (b > a or named_with_another)) or fold(name) in CONFLICT_REGION_KEYS:
        doc.add("place", name, a, b, region="1", **_hint(doc, a))  # also "to Norte de Santander"
        return True
    return False


_REGIONS_PLURAL = frozenset("states regions provinces oblasts governorates".split())


def _regions_after(doc: Document, b: int) -> bool:
    """A plural region noun after the name, or after "and" and the name of another: "Kogi and Edo
    states", "Donetsk and Luhansk oblasts"."""
    tokens, j = doc.tokens, b + 1
    if j < len(tokens) and tokens[j].lower in ("and", "or"):
        j += 1
        while j < len(tokens) and j <= b + 4 and tokens[j].cap:
            j += 1
    return j < len(tokens) and doc.lowers[j] in _REGIONS_PLURAL and doc.same_sentence(b, j)


_COMPASS = frozenset({"north", "south", "east", "west", "upper", "lower"})


def _compass_name(doc: Document, a: int, b: int) -> str | None:
    """ "North Kordofan", "South Waziristan": a compass word opening a name makes it a place."""
    if b > a and doc.tokens[a].lower in _COMPASS:
        return "strong"
    return None


_LOCATIVE_BEFORE = frozenset("in inside within of across into throughout , near from".split())
_COMPASS_ADJECTIVES = frozenset(
    """
north south east west northern southern eastern western central northeast northwest southeast
southwest northeastern northwestern southeastern southwestern the
""".split()
)


def _locative(doc: Document, a: int, b: int) -> str:
    """ "1" when a country names where things are ("in Russia's Kursk region", "Tarkwa, Nigeria",
    "in northern Syria"), "" when it is an actor ("Russia attacked Sumy")."""
    tokens = doc.tokens
    if tokens[b].possessive and b + 1 < len(tokens) and tokens[b + 1].cap:
        return "1"  # "Russia's Kursk region"
    if speech_after(doc, b):
        return ""  # "..., Russia said"
    j = a - 1
    while j >= 0 and tokens[j].lower in _COMPASS_ADJECTIVES and tokens[j].sentence == tokens[a].sentence:
        j -= 1
    if j >= 0 and tokens[j].sentence == tokens[a].sentence and tokens[j].lower in _LOCATIVE_BEFORE:
        return "1"
    return ""


def _area_after(doc: Document, a: int, b: int) -> str | None:
    """ "in the Sayyida Zeinab area", "the Shujaiya neighbourhood": a place whatever the gazetteer says."""
    tokens = doc.tokens
    if (
        a > 0
        and tokens[a - 1].lower == "the"
        and b + 1 < len(tokens)
        and tokens[b + 1].lower in _AREA_WORDS
        and doc.same_sentence(b, b + 1)
    ):
        return "strong"
    return None


_AREA_WORDS = frozenset("area neighbourhood neighborhood suburb district quarter camp enclave".split())
_CUES_AFTER = frozenset("direction axis sector front border area outskirts suburbs".split())


# what is said of a place hit: "X came under attack/fire", "X was shelled", "X hit by drones"
_ATTACKED_AFTER = re.compile(
    r"\s+(?:(?:came|comes|has come|was|is|were|are) under (?:\w+ )?(?:attack|fire|shelling|bombardment)|"
    r"(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?:shelled|hit|struck|attacked|bombed|targeted|"
    r"raided|pounded)|(?:hit|struck|attacked|shelled|bombed|pounded|rocked) by)\b"
)


def _cue_after(doc: Document, b: int) -> bool:
    """ "the Kharkiv direction", "the Pokrovsk axis", "Kherson outskirts"."""
    tokens = doc.tokens
    return b + 1 < len(tokens) and tokens[b + 1].lower in _CUES_AFTER and doc.same_sentence(b, b + 1)


_HINT_NOUNS = frozenset(
    """
city town village villages region province district port capital border-town settlement
town's city's region's base airfield airport
""".split()
)


def _hint(doc: Document, a: int) -> dict[str, str]:
    """The country a demonym before a place noun says: "the Israeli city of Eilat", "the Russian
    village of Plekhovo". ("Russian-held X" says who holds X, not where it is: no hint.)"""
    tokens = doc.tokens
    seen_noun = False
    for back in range(1, 5):
        j = a - back
        if j < 0 or tokens[j].sentence != tokens[a].sentence:
            break
        low = tokens[j].lower
        if low in ("of", "the", ","):
            continue
        if low in _HINT_NOUNS:
            seen_noun = True
            continue
        code = DEMONYMS.get(low) if tokens[j].cap else None
        if code is None and j and tokens[j].cap:  # "the Sri Lankan city of Kandy"
            code = DEMONYMS.get(f"{tokens[j - 1].lower} {low}")
        if code and seen_noun:
            return {"hint": code}
        break
    return {}


_LIST_FOLLOWERS = frozenset(
    """
and or in near on at of by from to along district region oblast province governorate state
villages village towns town areas area was were had have has is are
""".split()
)


def _verb_after(doc: Document, b: int) -> bool:
    """A lower-case word after a name, other than list and place words: likely its verb."""
    tokens = doc.tokens
    if b + 1 >= len(tokens) or tokens[b + 1].sentence != tokens[b].sentence:
        return False
    nxt = tokens[b + 1]
    return nxt.word and nxt.text.islower() and nxt.lower not in _LIST_FOLLOWERS or speech_after(doc, b)


def _inherit_list(doc: Document, last: int, cue: str, inherited: dict[int, str]) -> None:
    """After a place, ", Y", " and Y", ", and Y", " or Y" make Y a place by the same cue."""
    tokens = doc.tokens
    j = last + 1
    while j < len(tokens) and tokens[j].sentence == tokens[last].sentence:
        if tokens[j].text in (",", "and", "or", "&", ";"):
            if tokens[j].text == ";":
                cue = "weak"  # "from Kursk City; Millerovo, Rostov Oblast; and ...", or a new clause
            j += 1
            continue
        break
    if j > last + 1 and j < len(tokens) and _namey(tokens[j]) and tokens[j].sentence == tokens[last].sentence:
        inherited[j] = cue
    elif j == last + 1 and j + 1 < len(tokens) and tokens[j].text == "(" and _namey(tokens[j + 1]):
        inherited[j + 1] = "strong"  # ACLED style: "near Mahaday (Jowhar, Middle Shabelle)"


def _listed_with_place(doc: Document, a: int, b: int, place_starts: set[int]) -> bool:
    """A name after a place cue and listed with a known place: "near X, Y and Kupiansk"."""
    tokens = doc.tokens
    if cue_before(doc, a) is None or b - a > 2 or is_first_name(tokens[a]):
        return False
    j = b + 1
    while j < len(tokens) and tokens[j].text in (",", "and", "or") and tokens[j].sentence == tokens[b].sentence:
        j += 1
    return j > b + 1 and j < len(tokens) and tokens[j].start in place_starts


def _listed_between_people(doc: Document, a: int, b: int, starts: set[int], ends: set[int]) -> bool:
    """Two or three words listed between two people: "Luis Guerra, Yanin Pernía and José Blanco"."""
    tokens = doc.tokens
    if not 1 <= b - a <= 2 or a < 2 or tokens[a - 1].text != "," or tokens[a - 2].end not in ends:
        return False
    j = b + 1
    while j < len(tokens) and tokens[j].text in (",", "and") and tokens[j].sentence == tokens[b].sentence:
        j += 1
    return j > b + 1 and j < len(tokens) and tokens[j].start in starts


def _link_pending(doc: Document, pending: list[tuple[int, int, bool]]) -> None:
    """Surname-only mentions ("Zelensky said") and repeated full names become people."""
    tokens = doc.tokens
    people = [c for c in doc.candidates if c.type == "person"]
    full_names = {fold(c.name): c.name for c in people}
    place_names = {
        fold(c.name): c.name for c in doc.candidates if c.type == "place" and not c.attributes.get("facility")
    }
    surnames: dict[str, str] = {}
    for c in people:
        for key in surname_keys(c.name):
            surnames.setdefault(key, c.name)
    place_starts = {c.start for c in doc.candidates if c.type == "place"}
    person_starts, person_ends = {c.start for c in people}, {c.end for c in people}
    for a, b, common_stripped in pending:
        name = doc.text[tokens[a].start : tokens[b].end]
        if _listed_with_place(doc, a, b, place_starts):
            doc.add("place", name, a, b)  # "around Maungdaw and Buthidaung": listed with a place
            continue
        if not common_stripped and _listed_between_people(doc, a, b, person_starts, person_ends):
            doc.add("person", name, a, b)
            continue
        key = fold(name)
        if key in full_names:
            doc.add("person", full_names[key], a, b)
        elif key in place_names:
            doc.add("place", place_names[key], a, b)  # a place named again: "Later Vorozhba was hit"
        elif b == a and key in surnames:
            doc.add("person", surnames[key], a, b)
        elif (
            b == a
            and not common_stripped
            and (speech_after(doc, b) or said_before(doc, a))
            and tokens[a].lower not in NOT_NAMES
            and tokens[a].lower not in DEMONYMS
            and tokens[a].lower not in NOT_SPEAKER_NAMES
            and tokens[a].lower not in _BODIES
            and tokens[a].lower not in PERSON_ROLES
            and not lookup(name)
            and not tokens[a].text.isupper()
        ):
            doc.add("person", name, a, b)
        elif b > a and _place_opens_a_name(doc, a, b):
            doc.add("place", tokens[a].text, a, a, **_hint(doc, a))  # "the Boston Marathon": Boston


def _place_opens_a_name(doc: Document, a: int, b: int) -> bool:
    """A run no one could name opened by a country or a big place, the rest words of something held
    or done there ("the annual Boston Marathon", "Boston Bomb Probe", "the Munich Security
    Conference", "the Crimea Summit"): that first word is the place."""
    tokens = doc.tokens
    word = tokens[a].text
    return (
        all(t.lower in _HELD_AT for t in tokens[a + 1 : b + 1])
        and not is_first_name(tokens[a])
        and not word.isupper()
        and (country_code(word) is not None or is_big_place(called_so(word)))
    )


# words of a name of something held or done at a place, after the place's name
_HELD_AT = frozenset(
    """
marathon bombing bombings bomb bombs attack attacks massacre siege shooting raid blast probe trial
conference forum summit security platform format agreement agreements accords accord memorandum
protocol process talks declaration games olympics festival
""".split()
)


# --- merging ----------------------------------------------------------------------------------


def _merge(doc: Document) -> list[Entity]:
    candidates = sorted(doc.candidates, key=lambda c: (c.start, -c.end))
    # Drop overlaps (a recogniser never takes taken tokens, but keep the rule explicit).
    kept: list[Candidate] = []
    last_end = -1
    for c in candidates:
        if c.start >= last_end:
            kept.append(c)
            last_end = c.end
        elif c.attributes.get("nested") and c.end <= last_end:
            kept.append(c)  # a country inside an organisation's name
    kept = [c for c in kept if not _group_word_as_person(doc.text, c)]
    _attach_surnames(kept)
    groups: dict[tuple[str, str], list[Candidate]] = {}
    order: list[tuple[str, str]] = []
    for c in kept:
        key = (c.type, _merge_key(c))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(c)

    _mark_bracketed_regions(doc.text, kept)
    sentence_context = _mention_contexts(doc, kept)
    named, pointed = _article_countries(doc, kept)
    regions = frozenset(fold(c.name) for c in kept if c.type == "place" and _is_region(c))
    article = (named, article_admin1s(regions), pointed)
    entities: list[Entity] = []
    counters: dict[str, int] = {}
    for key in order:
        entity = _build(doc, key[0], groups[key], sentence_context, article)
        if entity is not None:
            entities.append(entity)
    # Places pinned with confidence tell which countries the article is about; with those, places
    # left ambiguous ("Odesa" next to "Kyiv" and "Kharkiv") are resolved once more.
    pinned = {e.country for e in entities if e.type == "place" and e.lat is not None and e.country}
    if pinned - article[0]:
        wider = (article[0] | pinned, article[1], article[2] - pinned)
        for index, key in enumerate(order):
            entity = entities[index]
            if key[0] == "place" and entity.lat is None and entity.country is None:
                entities[index] = _build(doc, "place", groups[key], sentence_context, wider)
    entities = _merge_same_names(entities)
    _shared_regions_by_article(entities, named | pointed)
    _countries_from_admin1(entities)
    for entity in entities:
        counters[entity.type] = counters.get(entity.type, 0) + 1
        entity.key = f"{entity.type}:{counters[entity.type]}"
    return entities


_OPEN = re.compile(r"[ \t]*\(")
_COMMA = re.compile(r"[ \t]*,[ \t]*")
_CLOSE = re.compile(r"[ \t]*\)")


def _mark_bracketed_regions(text: str, kept: list[Candidate]) -> None:
    """ACLED's location brackets name the first-level region last: in "near Lafoole (Afgooye, Lower
    Shabelle)" and "Cucuta (Norte de Santander)" the last name is a region, known to the gazetteer
    or not."""
    places = [c for c in kept if c.type == "place"]
    for k, c in enumerate(places):
        opened = _OPEN.match(text, c.end)
        if opened is None:
            continue
        inside = []
        at = opened.end()
        for other in places[k + 1 : k + 3]:
            if other.start != at:
                break
            inside.append(other)
            comma = _COMMA.match(text, other.end)
            if comma is None:
                break
            at = comma.end()
        if inside and _CLOSE.match(text, inside[-1].end) and not inside[-1].attributes.get("country"):
            inside[-1].attributes["region"] = "1"


def _shared_regions_by_article(entities: list[Entity], countries: set[str]) -> None:
    """A region name several countries share takes the one of them the article names or points at:
    "Savanes" beside "the Togolese Armed Forces" is Togo's (not Côte d'Ivoire's)."""
    for e in entities:
        if e.type == "place" and e.country is None and e.attributes.get("kind") == "region":
            which = shared_region_countries(e.name) & countries
            if len(which) == 1:
                e.country = next(iter(which))


def _countries_from_admin1(entities: list[Entity]) -> None:
    """A place left without a country takes the one country of the article's places in the same
    first-level region: "Afgoye, Lower Shabelle region" puts Lower Shabelle in Somalia, and "Soum
    province, Sahel region" beside "Djibo" (Burkina Faso) puts Soum there."""
    by_admin1: dict[str, set[str]] = {}
    for e in entities:
        if e.type == "place" and e.admin1 and e.country and e.attributes.get("kind") != "country":
            by_admin1.setdefault(fold(e.admin1), set()).add(e.country)
    for e in entities:
        if e.type == "place" and e.country is None and e.admin1:
            countries = by_admin1.get(fold(e.admin1), ())
            if len(countries) == 1:
                e.country = next(iter(countries))


def _group_word_as_person(text: str, c: Candidate) -> bool:
    """A one-word "person" that names a movement ("Houthi-run TV", "Houthi leader" beside the Houthis):
    the word of a known organisation's name, or the first part of a hyphenated adjective."""
    word = text[c.start : c.end]
    if c.type != "person" or " " in word:
        return False
    return text.startswith("-", c.end) or word + "s" in ORGANIZATIONS or word in ORGANIZATIONS


def _attach_surnames(candidates: list[Candidate]) -> None:
    """A one-word person ("Mr Starmer", "Zelenskyy") is the full-named person with that surname."""
    full: dict[str, str] = {}
    for c in candidates:
        if c.type == "person":
            for key in surname_keys(c.name):
                full.setdefault(key, c.name)
    for c in candidates:
        if c.type == "person" and len(c.name.split()) == 1 and fold(c.name) in full:
            c.name = full[fold(c.name)]


def _merge_key(c: Candidate) -> str:
    if c.type == "place" and c.attributes.get("country") and fold(c.name) not in _KEEP_COUNTRY_SPELLING:
        return "country:" + c.attributes["country"]  # "US", "U.S.", "United States"
    return fold(c.name)


_COUNTRY_WINDOW = 8  # tokens: "Russia's Kursk region", "in Kherson, southern Ukraine"
_REGION_WINDOW = 14  # "near the villages of A, B, and C in the Kursk region"


def _mention_contexts(doc: Document, kept: list[Candidate]) -> dict[int, tuple[set[str], set[str]]]:
    """For each place mention (by id), the countries and regions named close to it in its sentence."""
    starts = doc.starts
    places = [c for c in kept if c.type == "place"]
    position = {id(c): (bisect_left(starts, c.start), bisect_left(starts, c.end) - 1) for c in places}
    by_sentence: dict[int, list[Candidate]] = {}
    for c in places:
        by_sentence.setdefault(c.sentence, []).append(c)
    contexts: dict[int, tuple[set[str], set[str]]] = {}
    index_in_row = {id(c): k for row in by_sentence.values() for k, c in enumerate(row)}
    window = max(_COUNTRY_WINDOW, _REGION_WINDOW)
    for c in places:
        first, last = position[id(c)]
        countries: set[str] = set()
        regions: set[str] = set()
        row = by_sentence[c.sentence]
        at = index_in_row[id(c)]
        is_region = _is_region(c)
        first_level = not c.attributes.get("country") and gazetteer().region(c.name) is not None
        neighbours = []  # places within the window on either side (the row is in text order)
        for step in (-1, 1):
            k = at + step
            while 0 <= k < len(row):
                o_first, o_last = position[id(row[k])]
                if (o_first - last if o_first > last else first - o_last) > window:
                    break
                neighbours.append(row[k])
                k += step
        for other in neighbours:
            o_first, o_last = position[id(other)]
            distance = o_first - last if o_first > last else first - o_last
            if other.attributes.get("country") and other.attributes.get("locative") and distance <= _COUNTRY_WINDOW:
                countries.add(other.attributes["country"])
            elif distance <= _REGION_WINDOW and (
                # in a region named right after it ("Sake, North Kivu", "Soum province, Sahel region");
                # a first-level region lies in none ("Florida and North Carolina")
                (
                    o_first > last
                    and not first_level
                    and _is_region(other)
                    and _apposed(doc, first, last, o_first, o_last, bool(other.attributes.get("region")))
                )
                # or in one named as a region near it ("near A, B and C in the Kursk region", "the
                # town of X in North Kivu")
                or (
                    not is_region
                    and not first_level
                    and _is_region(other)
                    and (_tight(doc, last, o_first) if o_first > last else _tight(doc, o_last, first))
                    and (other.attributes.get("region") or _locative_between(doc, last, o_first))
                )
            ):
                regions.add(fold(other.name))
        contexts[id(c)] = (countries, regions)
    return contexts


def _is_region(c: Candidate) -> bool:
    """A region mention: cued as one ("the Kursk region", "Borno state"), or a first-level region
    no town is named after, however it was found ("near Sake, North Kivu")."""
    return bool(c.attributes.get("region")) or (not c.attributes.get("country") and _uncued_region(c.name))


@lru_cache(maxsize=8192)
def _uncued_region(name: str) -> bool:
    """One country's first-level region, no town of that country is called or known so, and no
    sizeable town elsewhere is called so: "North Kivu", "Chin"; not "Kharkiv", "Kidal" (the town the
    region is named after), "Tombouctou" (Timbuktu), nor "Moskva" (the city Moscow)."""
    code, key = gazetteer().region(name), loose(fold(name))
    if not code:
        return False
    return not any(
        p.country == code or (p.population >= BARE_POPULATION and loose(fold(p.name)) == key) for p in lookup(name)
    )


# Words that may stand between a place and the region it lies in: "near the villages of A, B,
# and C in the Kursk region", "Russia's Kursk region, near Sudzha". Any other word (a verb, "while")
# means the region belongs to another clause, and only the article-wide preference applies.
_BETWEEN_PLACE_AND_REGION = frozenset(
    """
, ( ) in the of and or near outside around villages village towns town settlements settlement cities
city border western eastern northern southern central neighbouring neighboring district areas
area frontline front line part parts province region oblast state governorate county township
municipality
""".split()
)


def _apposed(doc: Document, first: int, last: int, r_first: int, r_last: int, cued: bool) -> bool:
    """Whether a region follows a place in apposition: only region words and a comma between them
    ("Soum province, Sahel region", "Sake, North Kivu"), or ACLED's brackets ("Wour (Tibesti Ouest,
    Tibesti)", "Cucuta (Norte de Santander)"). A region named without a region word must also close
    a list that the place does not continue: "Geneva, Brussels, New York, or Beijing" puts nothing
    in New York."""
    tokens = doc.tokens
    between = tokens[last + 1 : r_first]
    after = tokens[r_last + 1] if r_last + 1 < len(tokens) else None
    if after is not None and after.text == ")" and between and between[0].text == "(":
        return all(t.text in ("(", ",") or t.cap or t.lower in _REGION_HEADS for t in between)
    if not (any(t.text == "," for t in between) and all(t.text == "," or t.lower in _REGION_HEADS for t in between)):
        return False
    if cued:
        return True
    if first > 0 and tokens[first - 1].text == ",":
        return False  # a place inside a list
    # a list goes on after it with a name: "..., Zamfara and Katsina", "..., New York, or Beijing"
    # (not "based in Fort Bragg, North Carolina, and 1,000 who ...")
    k = r_last + 1
    while k < len(tokens) and (tokens[k].text == "," or tokens[k].lower in ("and", "or")):
        k += 1
    return k == r_last + 1 or k >= len(tokens) or not tokens[k].cap


def _locative_between(doc: Document, left: int, right: int) -> bool:
    """ "in" or "of" between a place and the region after it: "Kanyabayonga in North Kivu"."""
    return any(t.lower in ("in", "of") for t in doc.tokens[left + 1 : right])


_REGION_HEADS = frozenset("province region oblast state governorate county township municipality district".split())


def _tight(doc: Document, left: int, right: int) -> bool:
    """Whether tokens strictly between ``left`` and ``right`` are only place-list words and names."""
    for token in doc.tokens[left + 1 : right]:
        if not (token.lower in _BETWEEN_PLACE_AND_REGION or token.cap):
            return False
    return True


def _article_countries(doc: Document, kept: list[Candidate]) -> tuple[set[str], set[str]]:
    """Countries the article names (and demonym hints), and those it only points at with a
    demonym ("Russian forces" fight in Ukraine: weaker evidence of where things are)."""
    countries = [c for c in kept if c.type == "place" and c.attributes.get("country")]
    codes = {c.attributes["country"] for c in countries if c.attributes.get("locative")}
    codes |= {c.attributes["hint"] for c in kept if c.attributes.get("hint")}
    weak = {c.attributes["country"] for c in countries}  # "Russia said", "Russia attacked"
    for i in doc.capitals:
        size = _match_demonym(doc, i)  # "Russian", and the two-word "Sri Lankan"
        code = DEMONYMS.get(" ".join(t.lower for t in doc.tokens[i : i + size])) if size else None
        if code:
            weak.add(code)
    return codes, weak - codes


def _build(
    doc: Document,
    type_: str,
    members: list[Candidate],
    sentence_context: dict[int, tuple[set[str], set[str]]],
    article: tuple[set[str], set[str], set[str]],
) -> Entity | None:
    text = doc.text
    mentions = [Span.of(text, c.start, c.end) for c in members]
    seen_forms = []
    for m in mentions:
        if m.text not in seen_forms:
            seen_forms.append(m.text)
    name = members[0].name
    attributes: dict[str, str] = {}
    entity = Entity(key="", type=type_, name=name, mentions=mentions)
    if type_ == "person":
        # The longest name given is canonical ("Volodymyr Zelensky" over "Zelensky").
        entity.name = max((c.name for c in members), key=lambda n: (len(n.split()), len(n)))
        titles = [c.attributes["title"] for c in members if c.attributes.get("title")]
        if titles:
            attributes["title"] = titles[0]
    elif type_ == "organization":
        kinds = [c.attributes.get("kind") for c in members if c.attributes.get("kind")]
        attributes["kind"] = kinds[0] if kinds else "other"
        lower = [c.name for c in members if c.name.split()[-1].islower()]
        if lower and len({fold(c.name) for c in members}) == 1:
            entity.name = lower[0]  # "Israeli army" over the heading's "Israeli Army"
    elif type_ == "group":
        lower = [c.name for c in members if c.name.split()[-1].islower()]
        entity.name = lower[0] if lower else name
    elif type_ == "place":
        info = _resolve_place(members, sentence_context, article)
        entity.country, entity.admin1, entity.lat, entity.lon = info.country, info.admin1, info.lat, info.lon
        if info.is_country and fold(name) in _KEEP_COUNTRY_SPELLING:
            attributes["kind"] = "territory"  # "Crimea", "Gaza Strip", "West Bank": not the country
        elif info.is_country:
            entity.name = gazetteer().country_names.get(info.country or "", name)
            attributes["kind"] = "country"
        else:
            entity.name = _place_name(info, members)
            if any(c.attributes.get("continent") for c in members):
                attributes["kind"] = "continent"
            elif info.is_region:
                attributes["kind"] = "region"
            elif all(c.attributes.get("district") for c in members):
                attributes["kind"] = "district"
            elif any(c.attributes.get("facility") for c in members):
                attributes["kind"] = "facility"
            elif any(c.attributes.get("feature") for c in members):
                attributes["kind"] = "feature"
        for alias in (
            ([info.name] if info.name else []) + list(info.aliases) + list(TERRITORY_NAMES.get(fold(name), ()))
        ):
            if alias not in seen_forms:
                seen_forms.append(alias)  # the gazetteer's own name first, then its alternates
    entity.attributes = attributes
    entity.aliases = [f for f in seen_forms if f != entity.name][:_MAX_ALIASES]
    return entity


def _place_name(info: PlaceInfo, members: list[Candidate]) -> str:
    """The gazetteer's name for a well-known place written otherwise ("Kiev" -> "Kyiv"; "Kharkiv
    City", the city the gazetteer calls Kharkiv, -> "Kharkiv"), else the name as written (a
    transliteration variant, "Zaporizhzhia" for "Zaporizhzhya", stays, and so do "Gaza City" and
    "Kuwait City", whose bare names are a territory's and a country's, and "Nabatieh" for
    "Nabatiye et Tahta")."""
    written = members[0].name
    if (
        info.name
        and info.lat is not None
        and loose(fold(info.name)) != loose(fold(written))
        and info.population >= BARE_POPULATION
        and (len(info.name.split()) == len(written.split()) or _city_called(info.name, written))
    ):
        return info.name if info.name.isascii() else anyascii(info.name)
    return written


def _city_called(name: str, written: str) -> bool:
    """Whether ``written`` is "<name> City" and the bare ``name`` means that city, not a country or a
    territory ("Kharkiv City" is Kharkiv; "Gaza City" is not Gaza, nor "Kuwait City" Kuwait)."""
    head, _, last = written.rpartition(" ")
    return (
        last.lower() == "city"
        and loose(fold(head)) == loose(fold(name))
        and country_code(name) is None
        and fold(name) not in CONFLICT_REGION_KEYS
    )


def _resolve_place(
    members: list[Candidate],
    sentence_context: dict[int, tuple[set[str], set[str]]],
    article: tuple[set[str], set[str], set[str]],
) -> PlaceInfo:
    name = members[0].name
    if members[0].attributes.get("country"):
        return PlaceInfo(country=members[0].attributes["country"], is_country=True)
    if any(c.attributes.get(k) for c in members for k in ("feature", "continent", "historical")):
        return PlaceInfo()  # "Red Sea", "Middle East", "Soviet Union": no country, no pin
    is_region = all(_is_region(c) for c in members)
    if any(c.attributes.get("facility") for c in members):
        contexts = [sentence_context.get(id(c), _NO_CONTEXT) for c in members]
        info = PlaceInfo()
        countries = set().union(*(x for x, _ in contexts))
        if len(countries) == 1:
            info.country = next(iter(countries))
        return info
    contexts = set()
    hinted = False
    village = any(c.attributes.get("village") for c in members)
    own = fold(name)
    for c in members:
        countries, regions = sentence_context.get(id(c), _NO_CONTEXT)
        if c.attributes.get("hint"):
            countries, hinted = {c.attributes["hint"]}, True
        if own in regions:
            regions = regions - {own}
        if countries or regions:
            contexts.add((frozenset(countries), frozenset(regions)))
    # Of the article's countries only those of this name's gazetteer places can change how it
    # resolves (the rest only by there being some): a smaller key that other articles share.
    where = _countries_of(name)
    return _resolve_cached(
        name,
        frozenset(contexts),
        _relevant(article[0], where),
        _relevant(article[1], _admin1s_of(name)),
        _relevant(article[2], where),
        is_region,
        hinted,
        village,
    )


_NO_CONTEXT: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


@lru_cache(maxsize=8192)
def _countries_of(name: str) -> frozenset[str]:
    return frozenset(p.country for p in lookup(name))


@lru_cache(maxsize=8192)
def _admin1s_of(name: str) -> frozenset[str]:
    return frozenset(fold(p.admin1) for p in lookup(name) if p.admin1)


_OTHER = "*"  # stands for "some country (or admin1) none of the name's places is in"


def _relevant(codes: set[str] | frozenset[str], where: frozenset[str]) -> frozenset[str]:
    """Of the article's countries (or admin1 names) those the name's gazetteer places are in, and
    ``_OTHER`` for the rest: resolution reads only those, and whether there are others."""
    kept = where.intersection(codes)
    return frozenset(kept | {_OTHER}) if len(kept) < len(codes) else kept


@lru_cache(maxsize=8192)
def _resolve_cached(
    name: str,
    contexts: frozenset,
    countries: frozenset,
    admin1s: frozenset,
    pointed: frozenset,
    is_region: bool,
    hinted: bool,
    village: bool,
) -> PlaceInfo:
    """``resolve`` memoised: the same name in the same context resolves the same way (read-only)."""
    return resolve(
        name,
        [(set(c), set(r)) for c, r in contexts],
        (set(countries), set(admin1s), set(pointed)),
        is_region,
        hinted=hinted,
        village=village,
    )


def _merge_same_names(entities: list[Entity]) -> list[Entity]:
    """Two place entities that resolved to one gazetteer name ("Kiev", "Kyiv") become one."""
    out: list[Entity] = []
    index: dict[tuple[str, str, str | None], Entity] = {}
    for entity in entities:
        key = (entity.type, fold(entity.name), entity.attributes.get("kind"))
        other = index.get(key)
        if other is None:
            index[key] = entity
            out.append(entity)
            continue
        other.mentions = sorted(other.mentions + entity.mentions, key=lambda s: s.start)
        for alias in [entity.name] + entity.aliases:
            if alias != other.name and alias not in other.aliases and len(other.aliases) < _MAX_ALIASES:
                other.aliases.append(alias)
        if other.lat is None and entity.lat is not None and other.country == entity.country:
            other.lat, other.lon = entity.lat, entity.lon
        for k, v in entity.attributes.items():
            other.attributes.setdefault(k, v)
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m extract.entities FILE... [--bench N]``: print each file's entities, or with
    ``--bench N`` the CPU time per article of split_sentences + find_entities over N rounds."""
    import sys
    import time
    from pathlib import Path

    from extract.sentences import split_sentences

    args = list(sys.argv[1:] if argv is None else argv)
    rounds = 0
    if "--bench" in args:
        at = args.index("--bench")
        rounds = int(args[at + 1])
        del args[at : at + 2]
    texts = []
    for name in args:
        text = Path(name).read_text(encoding="utf-8")
        if text.lstrip().startswith("date "):
            text = text.lstrip().split(" ", 2)[2]
        texts.append(text)
    started = time.process_time()
    gazetteer()
    loaded = time.process_time() - started
    if not rounds:
        for name, text in zip(args, texts):
            print(f"== {name}")
            for e in find_entities(text, split_sentences(text)):
                where = f" {e.country or '-'}/{e.admin1 or '-'}" if e.type == "place" else ""
                pin = f" @{e.lat:.3f},{e.lon:.3f}" if e.lat is not None else ""
                print(f"{e.key:16} {e.name!r}{where}{pin} {e.attributes} x{len(e.mentions)}")
        return 0
    for text in texts:
        find_entities(text, split_sentences(text))
    started = time.process_time()
    for _ in range(rounds):
        for text in texts:
            find_entities(text, split_sentences(text))
    per_article = (time.process_time() - started) / (rounds * len(texts))
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        f"gazetteer load {loaded:.2f} s CPU; {len(texts)} articles of {words:.0f} words on average: "
        f"{per_article * 1000:.2f} ms CPU per article (split_sentences + find_entities)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
