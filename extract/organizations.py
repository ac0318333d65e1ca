"""Organisations (governments, armed forces and units, intelligence, international bodies, media)
and groups of fighters or people ("North Korean soldiers", "Russian forces", "civilians")."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from extract.lexicon import (
    DEMONYMS,
    GROUP_NOUNS,
    GROUP_WORDS_ALONE,
    ORG_HEADS,
    ORGANIZATIONS,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
)
from extract.lexicon.organizations import NOT_QUALIFIERS, PEOPLE_AFTER, PERSON_AFTER, STATE_BRANCHES, UNIT_NOUNS
from extract.mentions import Document
from extract.people import PORTFOLIO_WORDS, is_first_name, title_at
from extract.places import country_code

_UNIT = re.compile(
    r"(\d{1,4}(?:st|nd|rd|th)\s+(?:(?:Separate|Special|Independent|Guards?|Airborne|Air\s+Assault|"
    r"Mechani[sz]ed|Motori[sz]ed|Motor\s+Rifle|Tank|Marine|Naval|Infantry|Assault|Artillery|Rifle|"
    r"Territorial\s+Defen[cs]e|Presidential|Combined\s+Arms|Army|Jaeger|Mountain|Operational|"
    r"Rocket|Reconnaissance|Spetsnaz|Airmobile|Coastal|Defen[cs]e|[A-Z][a-z]+)\s+){0,4}"
    r"(?:Brigade|Division|Regiment|Battalion|Corps|Army|Fleet|Squadron|Company|Detachment|Group))\b"
)
_STATE_HEADS = frozenset({"ministry", "minister", "department", "office"})
_MINISTRY_OF = re.compile(
    r"(?:Ministry|Minister|Department|Office|University|College|School|Academy|Institute|Bank|Museum|Council|"
    r"Federation|Association|Society|Commission|Committee|Bureau|Board|League|Fund|Court|Chamber|Party)"
    r"\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+(?:and\s+)?[A-Z][\w-]+){0,3}"
)

# Neither pattern opens with "\b", so that the regex engine can skip ahead to a possible first
# character; a match must still start a word (``_word_matches``).
_WORD_CHAR = re.compile(r"\w")


def _word_matches(pattern: re.Pattern, text: str):
    """``pattern.finditer(text)`` as if the pattern opened with "\\b"."""
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        if match.start() == 0 or not _WORD_CHAR.match(text, match.start() - 1):
            yield match
            pos = max(match.end(), match.start() + 1)
        else:
            pos = match.start() + 1


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for surface, (canonical, kind) in ORGANIZATIONS.items():
        # Tokenised as articles are: "Ukraine's military" -> "Ukraine" + "military", "Hamas-run" -> "Hamas" + "-run".
        words = tuple(Document(surface, []).texts)
        if words:
            index.setdefault(words[0], []).append((words, canonical, kind))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@lru_cache(maxsize=1)
def _lexicon_by_second() -> dict[
    str, tuple[list[tuple[tuple[str, ...], str, str]], dict[str, list[tuple[tuple[str, ...], str, str]]]]
]:
    """first word -> (its one-word entries, second word -> the entries that can match with that second
    word: its own and the one-word ones), each list in ``_lexicon_index``'s order. (Speed: a word like
    "The" or "Ukraine" opens many entries, and most differ from the text at the second word.)"""
    out = {}
    for first, entries in _lexicon_index().items():
        seconds = {e[0][1] for e in entries if len(e[0]) > 1}
        out[first] = (
            [e for e in entries if len(e[0]) == 1],
            {w: [e for e in entries if len(e[0]) == 1 or e[0][1] == w] for w in seconds},
        )
    return out


_DEMONYM_INDEX: dict[str, list[tuple[str, ...]]] = {}
for _name in DEMONYMS:
    _words = (_name,) if "." in _name else tuple(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", _name))
    _DEMONYM_INDEX.setdefault(_words[0], []).append(_words)
for _entries in _DEMONYM_INDEX.values():
    _entries.sort(key=len, reverse=True)


def find_organizations(doc: Document) -> None:
    """Known names, unit numbers, ministries and a country's branches ("Ukraine's military
    intelligence"), then capitalised names ending in an organisation word ("Energy Ministry")."""
    _find_units(doc)
    _find_lexicon(doc)
    _find_state_branches(doc)
    _find_ministries(doc)
    _find_groups(doc)


# Words in capitals that name no organisation: weapons, units, titles, times, media marks, numerals
_NOT_ACRONYMS = frozenset(
    """
IED IEDS UAV UAVS MLRS ICBM ICBMS HIMARS ATACMS SAM SAMS MANPADS APC APCS IFV IFVS MBT RPG RPGS AK GPS
AI IT TV CCTV DNA HIV AIDS COVID SARS GDP CEO CFO VAT IPO LNG MP MPS MEP MEPS PM AM GMT UTC BST EST
EDT CET CEST EET EEST MSK KM KG MW GW MM OK VIP POW POWS IDP IDPS PHD BBQ FAQ ID PDF USB SMS LIVE
WATCH UPDATE NEWS FILE PHOTO VIDEO READ MORE NOTE BCE SUV SUVS RIP WWI WWII NGO NGOS LGBT LGBTQ SMO
EUR USD GBP PLN UAH RUB CNY JPY CHF TTF USSR PRC DPRK ROK GRAD FPV DIY ESG ADIZ AUMF START HERE PFC
""".split()
)
_ROMAN = re.compile(r"[IVXLC]+")


def find_acronyms(doc: Document) -> None:
    """A word in capitals (three to five letters) left over once places and people are known, in a
    sentence written in lower case: an organisation's acronym ("the Basque group ETA", "the IRA", "the
    KGB"). Not a word of a line in capitals, not a word the article also writes in lower case, not a
    country's code, a Roman numeral, a weapon, a unit or a currency (``_NOT_ACRONYMS``)."""
    tokens, sentences = doc.tokens, doc.sentences
    lowers: set[str] | None = None  # the words the article writes in lower case
    in_lower_case: dict[int, bool] = {}  # sentence -> written in lower case (counted once per sentence)
    for i in doc.capitals:
        token = tokens[i]
        word = token.text
        if (
            doc.taken[i]
            or not 3 <= len(word) <= 5
            or not word.isalpha()
            or not word.isupper()
            or word in _NOT_ACRONYMS
            or _ROMAN.fullmatch(word)
            or country_code(word)
        ):
            continue
        if lowers is None:
            lowers = {t.text for t in tokens if t.text.islower()}
        if token.lower in lowers:
            continue  # "THIS", "MILES", "START": a word the article also writes in lower case
        if any(tokens[k].text.isupper() and tokens[k].text.isalpha() for k in (i - 1, i + 1) if 0 <= k < len(tokens)):
            continue  # "BREAKING NEWS", "KYIV UKRAINE": words of a line in capitals
        lower_case = in_lower_case.get(token.sentence)
        if lower_case is None:
            sentence = sentences[token.sentence].text if sentences else doc.text
            lower_case = in_lower_case[token.sentence] = sum(map(str.islower, sentence)) >= len(sentence) // 3
        if not lower_case:
            continue
        doc.add("organization", word, i, i, kind="other")


def _find_units(doc: Document) -> None:
    text = doc.text
    if not any(noun in text for noun in UNIT_NOUNS):
        return
    for pattern in (_UNIT,):
        for match in _word_matches(pattern, text):
            first = doc.by_start.get(match.start(1))
            if first is None:
                continue
            last = first
            while last + 1 < len(doc.tokens) and doc.tokens[last + 1].end <= match.end(1):
                last += 1
            if doc.free(first, last) and doc.same_sentence(first, last):
                doc.add("organization", " ".join(match.group(1).split()), first, last, kind="military")


def _find_lexicon(doc: Document) -> None:
    index = _lexicon_by_second()
    texts = doc.texts
    count = len(texts)
    after = 0  # tokens before this one are inside a match already
    for i in list(compress(range(count), map(index.__contains__, texts))):
        if i < after:
            continue
        singles, by_second = index[texts[i]]
        # (the entries of other second words cannot match here: the test below would skip each)
        entries = by_second.get(texts[i + 1], singles) if i + 1 < count else singles
        matched = 0
        if not doc.taken[i]:
            for words, canonical, kind in entries:
                n = len(words)
                last = i + n - 1
                # (the second word is compared first: most entries differ there, no slice made)
                if (
                    last >= count
                    or (n > 1 and (texts[i + 1] != words[1] or tuple(texts[i : last + 1]) != words))
                    or not doc.free(i, last)
                ):
                    continue
                if _possessive_ok(doc, i, last, words):
                    if n == 1 and (_ambiguous_acronym(doc, i) or _surname(doc, i, kind)):
                        continue
                    if _other_qualifier(doc, i, last, canonical):
                        continue
                    doc.add("organization", canonical, i, last, kind=kind)
                    matched = n
                    break
        after = i + (matched or 1)


def _other_qualifier(doc: Document, first: int, last: int, canonical: str) -> bool:
    """A short form whose canonical name adds a qualifier ("Security Council" -> "UN Security
    Council"), here under a qualifier of its own: "the National Security Council", "Russia's
    Security Council", "the Security Council of Russia" stays with its run, not the UN's."""
    if not canonical.lower().endswith(" " + doc.span_text(first, last).lower()):
        return False
    tokens = doc.tokens
    # or after it: "the Security Council of Russia"
    of = last + 1
    if of + 1 < len(tokens) and tokens[of].lower == "of" and doc.joined(last, of + 1):
        for end in range(min(len(tokens) - 1, of + 3), of, -1):
            if doc.joined(of + 1, end) and country_code(doc.span_text(of + 1, end)):
                return True
    if first == 0:
        return False
    before = tokens[first - 1]
    return before.cap and before.word and before.lower not in NOT_QUALIFIERS and doc.joined(first - 1, first)


def _possessive_ok(doc: Document, first: int, last: int, words: tuple[str, ...]) -> bool:
    """Tokens must be adjacent; a split possessive is only allowed where the surface had one."""
    for k in range(first, last):
        gap = doc.text[doc.tokens[k].end : doc.tokens[k + 1].start]
        if doc.tokens[k].possessive:
            if gap[2:] != " ":
                return False
        elif gap not in (" ", "") or not doc.same_sentence(k, k + 1):
            return False
    return True


def _surname(doc: Document, i: int, kind: str) -> bool:
    """A company's one-word name that the article writes after a first name is a person's, there
    and alone: "Attorney General Tarek William Saab ... Saab said". The words that follow a first
    name are gathered once per article (``doc.memo``)."""
    if kind != "other":
        return False
    after_first = doc.memo.get("after_first_name")
    if after_first is None:
        tokens = doc.tokens
        after_first = doc.memo["after_first_name"] = dict.fromkeys(
            tokens[k].text for k in range(1, len(tokens)) if is_first_name(tokens[k - 1]) and doc.joined(k - 1, k)
        )
    return doc.tokens[i].text in after_first


def _ambiguous_acronym(doc: Document, i: int) -> bool:
    """Short all-caps words that are often something else: "IS" in a shouted heading, "AP" etc."""
    token = doc.tokens[i]
    if token.text in ("IS", "AU", "RIA", "NIS", "SAF", "AP", "RT", "DW", "IOM", "WHO", "CARE", "HUR", "GUR"):
        neighbours = [doc.tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(doc.tokens)]
        # In all-caps text these are ordinary words.
        if any(n.text.isupper() and len(n.text) > 1 and n.word for n in neighbours):
            return True
        if token.text == "WHO" and i + 1 < len(doc.tokens) and doc.tokens[i + 1].text.islower():
            return False
    return False


def match_demonym(doc: Document, i: int) -> int:
    """Number of tokens of a demonym/side phrase starting at token i (0 if none); memoised per doc."""
    if doc.tokens[i].lower not in _DEMONYM_INDEX:
        return 0
    memo = doc.memo.setdefault("demonym", {})
    found = memo.get(i)
    if found is None:
        found = memo[i] = _demonym_length(doc, i)
    return found


def _demonym_length(doc: Document, i: int) -> int:
    tokens = doc.tokens
    entries = _DEMONYM_INDEX.get(tokens[i].lower)
    if not entries:
        return 0
    lowers = doc.lowers
    for words in entries:
        n = len(words)
        if n == 1 or (i + n <= len(tokens) and tuple(lowers[i : i + n]) == words and doc.joined(i, i + n - 1)):
            return n
    return 0


def _find_state_branches(doc: Document) -> None:
    """ "Ukraine's military intelligence", "the Russian army", "Israel's defence ministry"."""
    from extract.gazetteer import gazetteer

    tokens = doc.tokens
    for i in doc.capitals:
        token = tokens[i]
        if doc.taken[i]:
            continue
        owner_len = 0
        if token.possessive and gazetteer().country(token.text):
            owner_len = 1
        elif (
            i + 1 < len(tokens)
            and tokens[i + 1].possessive
            and doc.joined(i, i + 1)
            and gazetteer().country(f"{token.text} {tokens[i + 1].text}")
        ):
            owner_len = 2
        elif token.lower in _DEMONYM_INDEX:
            n = match_demonym(doc, i)
            if n and DEMONYMS.get(" ".join(doc.lowers[i : i + n])):
                owner_len = n  # a nation's: "Russian army", not "National Army" or "Government forces"
        if not owner_len:
            continue
        head = i + owner_len
        for size in (3, 2, 1):
            last = head + size - 1
            if last >= len(tokens) or not doc.free(i, last):
                continue
            kind = STATE_BRANCHES.get(" ".join(doc.lowers[head : last + 1]))
            if not kind:
                continue
            following = tokens[last + 1].lower if last + 1 < len(tokens) else ""
            if following in PEOPLE_AFTER or following in PERSON_AFTER:
                continue  # "Russian military bloggers", "army chief": people, not the body
            if _adjacent(doc, i, head) and (size == 1 or doc.joined(head, last)):
                name = doc.text[tokens[i].start : tokens[last].end]
                doc.add("organization", name, i, last, kind=kind)
                break


def _adjacent(doc: Document, owner_last_plus_one_first: int, head: int) -> bool:
    prev = doc.tokens[head - 1]
    gap = doc.text[prev.end : doc.tokens[head].start]
    return (gap[2:] if prev.possessive else gap) in (" ", "") and doc.same_sentence(head - 1, head)


def _find_ministries(doc: Document) -> None:
    for match in _word_matches(_MINISTRY_OF, doc.text):
        first = doc.by_start.get(match.start())
        if first is None:
            continue
        last = first
        while last + 1 < len(doc.tokens) and doc.tokens[last + 1].end <= match.end():
            last += 1
        # a title or first name inside starts a person's name: "Department of Homeland Security Secretary
        # Alejandro Mayorkas" (not "Office of the President", "Office of the Press Secretary")
        # (a first name may end the match, its surname unread: "Ministry of Foreign Affairs Sergei Ławrow")
        for k in range(first + 3, last + 1):
            if doc.tokens[k - 1].cap and (is_first_name(doc.tokens[k]) or (k < last and title_at(doc, k, last + 1))):
                last = k - 1
                break
        head = doc.tokens[first].lower
        if head == "minister":
            end = _portfolio_end(doc, first, last)
            nxt = end + 1
            if (
                nxt + 1 < len(doc.tokens)
                and doc.tokens[nxt].lower == "of"
                and country_code(doc.tokens[nxt + 1].text)
                and doc.same_sentence(end, nxt + 1)
            ):
                nxt += 2  # "Minister of Defence of Ukraine Oleksii Reznikov"
            if nxt < len(doc.tokens) and doc.tokens[nxt].cap and doc.same_sentence(end, nxt):
                continue  # "Minister of National Defense Mariusz Błaszczak": a title and a name, no body
            last = end
        if head not in _STATE_HEADS and not _body_of_name(doc, first):
            continue
        if doc.free(first, last) and doc.same_sentence(first, last):
            name = doc.text[doc.tokens[first].start : doc.tokens[last].end]
            kind = "government" if head in _STATE_HEADS else ORG_HEADS.get(head, "other")
            doc.add("organization", name, first, last, kind=kind)


def _portfolio_end(doc: Document, first: int, last: int) -> int:
    """The last token of "Minister of <portfolio or country>" within first..last: the name of a person
    that follows is no part of it ("Minister of Foreign Affairs Serbia Ivica" ends at "Affairs")."""
    tokens = doc.tokens
    k = first + 2  # after "Minister of"
    if k <= last and tokens[k].lower == "the":
        k += 1
    end = first + 1
    while k <= last and (tokens[k].lower in PORTFOLIO_WORDS or (k == first + 2 and country_code(tokens[k].text))):
        end = k
        k += 1
    return max(end, min(first + 2, last))


def _body_of_name(doc: Document, first: int) -> bool:
    """A body named by its head word and "of": "the University of York", "the Bank of England" (not a
    head inside a longer capitalised name, "the European Court of Human Rights", which the capitalised
    run reads whole; not "of" a person, "the Council of Oleksiy Danilov")."""
    tokens = doc.tokens
    if first > 0 and doc.same_sentence(first - 1, first):
        before = tokens[first - 1]
        if before.cap and before.word and before.lower not in NOT_QUALIFIERS and before.lower not in SENTENCE_OPENERS:
            return False
    named = first + 3 if tokens[first + 2].lower == "the" else first + 2
    return named >= len(tokens) or not is_first_name(tokens[named])


_NOT_MODIFIERS = SPEECH_VERBS | frozenset(
    """
is are was were be been has have had will would could should may might can did does do and or
but nor of to in on at by for with from that which who whom the a an as than then also not
sent sends send deployed deploys deploy moved moves pulled pulls withdrew withdraws ordered orders
killed kills lost loses captured captures attacked attacks struck strikes hit hits fired fires
launched launches shelled shells used uses began begins
""".split()
)


def _find_groups(doc: Document) -> None:
    """Demonym or side + group noun ("North Korean soldiers"), and bare group words ("civilians")."""
    tokens = doc.tokens
    lowers = doc.lowers
    starts = _GROUP_STARTS
    after = 0  # tokens before this one are inside a group found already
    openers = list(compress(range(len(lowers)), map(starts.__contains__, lowers)))
    prefixed = [k for k in doc.hyphenated if lowers[k].startswith(("pro-", "anti-")) and lowers[k] not in starts]
    for i in sorted(openers + prefixed) if prefixed else openers:
        if i < after or doc.taken[i]:
            continue
        low = lowers[i]
        n = 1 if low.startswith(("pro-", "anti-")) else match_demonym(doc, i)
        found = False
        if n:
            head = i + n
            for extra in range(3):  # up to two modifiers: "Russian special forces"
                last = head + extra
                if last >= len(tokens) or not doc.free(i, last) or not doc.joined(i, last):
                    break
                if tokens[last].lower in GROUP_NOUNS:
                    after = tokens[last + 1].lower if last + 1 < len(tokens) and doc.joined(last, last + 1) else ""
                    if after in PERSON_AFTER:
                        break  # "Russian army chief Valery Gerasimov": a title, not a group
                    if after in PEOPLE_AFTER:
                        last += 1  # "Russian military bloggers"
                    doc.add("group", doc.span_text(i, last), i, last)
                    after, found = last + 1, True
                    break
                modifier = tokens[last].text.lstrip("-")  # "Russian-backed separatists"
                if not modifier.isalpha() or not modifier.islower() or modifier in _NOT_MODIFIERS:
                    break  # not "government said rebels"
        if found:
            continue
        if tokens[i].lower in GROUP_WORDS_ALONE and (not tokens[i].cap or tokens[i].first):
            doc.add("group", tokens[i].text, i, i)  # not "Refugees" inside an organisation's name
        after = i + 1


_GROUP_STARTS = frozenset(_DEMONYM_INDEX) | GROUP_WORDS_ALONE


# first words that make a longer capitalised name a broadcaster or an agency: "Radio Free Asia",
# "Radio Okapi", "Radio Dabanga", "Television Serbia", "Agence France-Presse" (its last word names no body)
MEDIA_FIRST_WORDS = frozenset({"radio", "television", "tv", "agence", "agencia", "agenzia"})


def org_head_kind(words: list[str]) -> str | None:
    """Kind of a capitalised name by its last word ("State Emergency Service" -> government), or by
    a broadcaster's or an agency's first word ("Radio Free Asia" -> media)."""
    if not words:
        return None
    if len(words) >= 2 and words[0].lower() in MEDIA_FIRST_WORDS:
        return "media"
    last = words[-1].lower()
    if len(words) >= 2 and " ".join(words[-2:]).lower() in ORG_HEADS:
        return ORG_HEADS[" ".join(words[-2:]).lower()]
    return ORG_HEADS.get(last)
