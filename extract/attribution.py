"""Claims and their sources: who said what, with the cue and the content spans.

``find_claims(text, sentences, entities)`` reads each sentence for reporting cues ("X said (that)
...", "..., X said", "said X", "according to X", "X told AFP", "X reported/confirmed/estimates/
claims/assumes/announced/stated/warned/denied") and direct quotations (curly or straight quotes,
speaker before or after), and returns typed :class:`Source` records and :class:`Claim` records.
A claim relayed by a medium ("an army source told AFP") keeps the medium in ``via_source_key``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from extract.dates import DATELINE_RE
from extract.folding import fold
from extract.lexicon import ORG_HEADS, SURNAME_PREFIXES
from extract.lexicon.sentences import TITLE_ABBREVIATIONS
from extract.model import Claim, Entity, Source, Span
from extract.numbers import word_trie
from extract.organizations import org_head_kind

_CUES = (
    "said|says|say|saying|told|tells|tell|reported|reports|report|reporting|confirmed|confirms|confirm|"
    "confirming|estimated|estimates|estimate|estimating|claimed|claims|claim|claiming|assumed|assumes|"
    "assume|announced|announces|announce|announcing|stated|states|state|stating|warned|warns|warn|"
    "warning|denied|denies|deny|denying|added|adds|adding|noted|notes|noting|wrote|writes|insisted|"
    "insists|alleged|alleges|believes|believe|acknowledged|acknowledges|admitted|admits|declared|"
    "declares|asserted|asserts|explained|explains|revealed|reveals|posted|tweeted|assessed|assesses|"
    "accused|accuses|suggested|suggests|indicated|indicates|disclosed|informed|informs|specified|specifies|"
    "stressed|stresses|emphasised|emphasized|emphasises|emphasizes|clarified|clarifies"
)


_CUES_TRIE = word_trie(_CUES.split("|"))
_CUE_RE = re.compile(rf"\b{_CUES_TRIE}\b")
_QUOTED_AS = re.compile(
    r"\b(?:was|were|is|are|has been|have been)\s+(?:quoted|cited)(?:\s+by\s+(?:the\s+)?(?P<via>[A-Z][^,.;]{1,40}?))?"
    r"\s+as\s+(?P<cue>saying|telling|stating|claiming)\b"
)
_CUE_BEFORE_QUOTE = re.compile(rf"\b(?P<cue>{_CUES_TRIE})\b(?P<gap>[^“”\"]{{0,60}}?)[,:]?\s*(?:that\s+)?$")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\b")
# the verb right after a sentence's subject, past an appositive: "X, the foreign minister, called"
_VERB_AFTER_SUBJECT = re.compile(r"(?:,[^,.;]{1,80},)?\s+(?P<verb>[a-z]+)\b")
# "the Britain-based Syrian Observatory": where it sits is no part of its name
_BASED_IN = re.compile(r"^[A-Z][\w.'’]*(?:-[A-Z][\w.'’]*)*-based\s+(?=[A-Z])")
# "This was reported by the head of the regional administration": the claimant after "by"
_REPORTED_BY = re.compile(
    r"\b(?:was|were|is|has been|have been)\s+(?:reported|announced|stated|confirmed|"
    r"informed|communicated)\s+by\s+"
)
_THIS_ONLY = re.compile(r"\s*(?:this|it|that|so)\s*[.!]?\s*$")
_THIS = frozenset({"This", "That", "It", "This information", "That information", "The information"})
# what may end the words before "X said." when they are the statement (a dash in translated reports)
_STATEMENT_END = (",", "”", '"', ",”", ',"', "-", "–", "—")
_STATE_AS_VERB = re.compile(r"\s*(?:that\b|:)")
_COLLECTIVE_HEADS = frozenset(
    {"group", "groups", "movement", "militia", "organisation", "organization", "paramilitary"}
)
_COMPANY_BEFORE = re.compile(
    r"\b(?:company|companies|operator|agency|firm|provider|utility|corporation|concern|"
    r"producer|manufacturer|supplier|developer|giant|group)\s*,?\s*[\"“«']?\s*\Z",
    re.IGNORECASE,
)
# "according to a statement from the Ministry of Defence": the claimant is the ministry
_DOCUMENT_OF = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:statement|report|tally|tallies|figures|data|estimates?|"
    r"count|assessment|post|update|bulletin|communiqu[ée])\s+(?:from|by|of|issued by)\b"
)
_CITING = re.compile(r"(?:\s+on\s+\w+)?\s*,?\s*(?:citing|quoting)\b")
_TOLD_AUDIENCE = re.compile(
    r"\s+(?:reporters|journalists|the press|a (?:news|press) conference|a briefing|"
    r"lawmakers|parliament|the (?:nation|country)|state (?:media|television|TV))\b"
)
_ANONYMITY = re.compile(
    r",?\s*(?:speaking\s+)?on (?:the )?condition of anonymity\b|,?\s*who (?:asked|declined) not to be"
)
_POSTMODIFIER = re.compile(
    r",?\s*(?:who (?:was|were|is|are) )?(?:briefed on|familiar with|close to|with (?:direct )?knowledge of|"
    r"involved in|speaking on (?:the )?condition of anonymity|who (?:asked|declined) not to be (?:named|identified)|"
    r"who spoke on condition of anonymity)[^,.;“”\"]{0,50}?,?\s*$"
)
# a word every post-modifier holds (a fast first test: a literal scan)
_POSTMODIFIER_HINT = re.compile(r"briefed|familiar|close to|knowledge|involved|anonymity|not to be")
# "..., officials said, in one of the deadliest attacks": the cue closes the statement
_AFTER_SAID_CLAUSE = re.compile(r"(?:\s+(?:on|late|early|last)?\s*\w+day\b(?:\s+\w+)?)?\s*[,;—–]\s*(?!that\b)")
_QUOTE_RE = re.compile(r"“([^“”\n]{3,}?)”|\"([^\"\n]{3,}?)\"|«([^«»\n]{3,}?)»")
_SPACE = re.compile(r"\s")
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&-]{1,9}")  # "WHO", "UNRWA", "M23", "MoH"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[\w’'&-]+(?:\.[\w’'&-]+)*|[^\w\s]")
_PARTICIPLES = {
    "saying",
    "confirming",
    "claiming",
    "announcing",
    "stating",
    "warning",
    "denying",
    "adding",
    "noting",
    "reporting",
    "estimating",
}
# Words that may appear in a claimant's name besides capitalised words.
_NP_WORDS = frozenset(
    """
the a an of for from at in 's ’s and
official officials source sources military intelligence army spokesman spokeswoman spokesperson
ministry minister government authorities authority police forces force president governor commander
western senior local regional defense defence foreign general staff media agency office representative
representatives analysts analyst experts expert witnesses witness observers monitors group war
institute medics doctors hospital rescuers emergency services service council committee mission team
head chief deputy aide adviser advisor envoy ambassador diplomat diplomats lawmaker lawmakers leader
leaders groups organisations organizations agencies ministries mayor officer officers navy air command brigade battalion unit units border guard guards press
secretary prosecutor prosecutors spokespeople investigators correspondent correspondents reporter
reporters journalist journalists residents resident activist activists people person insider insiders
administration department security top high-ranking unnamed anonymous familiar matter the military's
army's ministry's health rescue civil protection statement channel newspaper outlet broadcaster
agency's daily weekly radio television tv network news operator operators staff's intelligence's
authorities' russian-installed kremlin-installed pro-russian occupation occupying rebel rebels militia
militants fighters movement party state regime junta coalition alliance organisation organization
monitor watchdog body reports report city region province town village area district capital country
oblast territory north south east west northern southern eastern western central
blogger bloggers milblogger milbloggers commentator commentators channel channels commission commissions
observatory ombudsman paramilitary paramilitaries
worker workers volunteer volunteers administrator administrators elder elders survivor survivors
relative relatives nurse nurses paramedic paramedics doctor surgeon surgeons villager villagers presidency
teacher teachers farmer farmers driver drivers imam priest
""".split()
)
_SKIP_BEFORE_CUE = frozenset(
    """
also has have had further later earlier then previously repeatedly reportedly recently again first
separately publicly already initially subsequently meanwhile since now once officially
""".split()
)
_PASSIVE = frozenset({"been", "be", "is", "was", "were", "being", "are"})
_PRONOUNS = {"he": "person", "she": "person", "He": "person", "She": "person"}
_PRONOUN_WORDS = frozenset(("he", "she", "He", "She", "him", "her"))
_DETERMINERS = ("the ", "The ", "a ", "A ", "an ", "An ", "this ", "This ", "that ", "That ", "these ", "These ")
_WEEKDAY_OR_TIME = re.compile(
    r"(?:\s*(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|"
    r"evening|night))?|yesterday|today|"
    r"last\s+\w+|earlier|late|this\s+\w+|overnight|"
    # "in a statement", "in a video posted on Telegram", "in a televised address", "in its daily update"
    r"in\s+(?:an?|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|post|interview|briefing|address|update|"
    r"report|speech|remarks|message|broadcast|video|audio\s+message)s?\b(?:\s+(?:posted|published|shared|released|"
    r"aired))?(?:\s+(?:on|to)\s+(?:social\s+media|Telegram|X|Twitter|Facebook|YouTube|state\s+television|"
    r"television|reporters))?|"
    r"on\s+(?:Telegram|X|Twitter|Facebook|"
    r"social\s+media|state\s+television|television)|"
    r"(?:to\s+)?reporters|to\s+journalists|at\s+a\s+(?:news\s+conference|press\s+conference|briefing)|"
    r"on\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)"
    r"[,]?)*\s*(?:that\b|:)?\s*",
)

INTELLIGENCE = re.compile(
    r"\bintelligence\b|\bGUR\b|\bHUR\b|\bSBU\b|\bFSB\b|\bCIA\b|\bMI6\b|\bMossad\b|\bspy\b|"
    r"\bspies\b|\bNIS\b",
    re.I,
)
MEDIA = re.compile(
    r"^(?:AFP|Reuters|AP|Associated Press|BBC|CNN|Al Jazeera|TASS|Tass|RIA(?: Novosti)?|Interfax(?:-Ukraine)?|"
    r"Ukrinform|Ukrainska Pravda|Kyiv Independent|Kyiv Post|New York Times|Washington Post|Guardian|"
    r"Bloomberg|Financial Times|Wall Street Journal|Le Monde|Der Spiegel|Spiegel|NHK|Yonhap|Xinhua|"
    r"Anadolu(?: Agency)?|Sky News|Fox News|NBC(?: News)?|ABC(?: News)?|CBS(?: News)?|Politico|Axios|"
    r"Newsweek|Meduza|Novaya Gazeta|RBC|Kommersant|Suspilne|Hromadske|dpa|DPA|EFE|ANSA|Kyodo|"
    r"Times of Israel|Haaretz|Al Arabiya|France 24|Deutsche Welle|DW|Radio Free Europe|RFE/RL|"
    r"Voice of America|VOA|The Times|Telegraph|Independent|Times|Economist|Ria|Sputnik|RT|Izvestia)$"
    r"|\b(?:news agency|press agency|newspaper|outlet|broadcaster|television|TV|radio|media|channel|daily|"
    r"news|magazine|correspondent|reporter|journalist)s?\b",
    re.I,
)
CIVIL = re.compile(
    r"\bcivil (?:defen[cs]e|protection)|\bemergency (?:services|ministry|service)|\brescue|"
    r"\bhealth (?:ministry|authorities|officials|ministry's)|\bministry of health|\bfire (?:service|brigade)",
    re.I,
)
INTERNATIONAL = re.compile(
    r"\b(?:UN|U\.N\.|United Nations|NATO|OSCE|EU|European Union|European Commission|ICRC|Red Cross|"
    r"Red Crescent|WHO|World Health Organi[sz]ation|IAEA|UNHCR|OCHA|UNICEF|WFP|World Food Programme|"
    r"African Union|ECOWAS|IOM|Security Council|World Bank|IMF|Amnesty(?: International)?|"
    r"Human Rights Watch|MSF|Doctors Without Borders|International Criminal Court|ICC|"
    r"Arab League|ASEAN|G7|UNRWA|MONUSCO|MINUSMA|UNMISS|Interpol)\b"
)
ANONYMOUS = re.compile(
    r"\b(?:source|sources|official|officials|diplomat|diplomats|insider|insiders|reports|witness|"
    r"witnesses|residents|resident|analysts?|experts?|observers?|people familiar|person familiar|"
    r"someone|spokespeople|activists?|medics?|doctors?|investigators?|bloggers?|monitors|locals|member|members|"
    r"lawmakers?|legislators?|MPs?)\b",
    re.I,
)
MILITARY = re.compile(
    r"\b(?:army|military|armed forces|forces|general staff|defen[cs]e ministry|ministry of defen[cs]e|"
    r"defen[cs]e|MoD|Pentagon|command|commander|brigade|battalion|regiment|navy|air force|troops|IDF|"
    r"Wagner|militia|national guard|border guard|marines|paratroopers|RSF|Rapid Support Forces|SAF|"
    r"Tatmadaw|junta|rebels|rebel|militants|fighters|Hamas|Hezbollah|Houthis?|al-Shabaab|JNIM|M23|"
    r"Islamic State|ISIS|Taliban)\b",
    re.I,
)
GOVERNMENT = re.compile(
    r"\b(?:government|ministry|minister|president|presidency|Kremlin|White House|prime minister|"
    r"office|spokesman|spokeswoman|spokesperson|governor|mayor|authorities|administration|parliament|"
    r"council|State Department|Foreign Office|police|prosecutor|prosecutors|embassy|ambassador|"
    r"cabinet|secretary|chancellor|treasury|senate|congress|duma|rada|consulate|tribunal|Downing Street|"
    r"Elysee|Élysée|Pentagon|regime|state|OVA|ODA|MVA)\b",
    re.I,
)
_SOURCE_KIND_FROM_ORG = {
    "government": "government",
    "military": "military",
    "intelligence": "intelligence",
    "media": "media",
    "international": "international",
    "other": "other",
}


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    entity: Entity


def _lower_pattern(pattern: str) -> str:
    """The pattern with its letters lower-cased (escapes and group names kept), for lower-cased text."""
    return re.sub(r"\\.|\(\?P[<=]|[A-Z]", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(), pattern)


# The case-blind claimant-type patterns, for lower-cased names without IGNORECASE (faster in `re`).
_LOWER: dict[re.Pattern[str], re.Pattern[str]] = {
    rx: re.compile(_lower_pattern(rx.pattern), rx.flags & ~re.IGNORECASE)
    for rx in (INTELLIGENCE, MEDIA, CIVIL, ANONYMOUS, MILITARY, GOVERNMENT)
}


# small patterns of the claim rules, compiled once (not looked up in re's cache on each call)
_GAP_AFTER_QUOTE = re.compile(r"\s*[,:]?\s*")
_ADVERBS_AFTER_NAME = re.compile(r"\s+(?:(?:also|then|later|has|had|further)\s+)*")
_SENTENCE_MARK = re.compile(r"[.;!?]")
_ONLY_MARKS = re.compile(r"[\s.!?”\"]*")
_ENDS_HERE = re.compile(r"\s*[.!?”\"]*\s*$")
_ONE_WORD_LEFT = re.compile(r"\s*,?\s*(?:on|in|last|this)?\s*\w*\s*[.!?]\s*$")
_THAT_NEXT = re.compile(r"\s*(?:that\b|:|,)")
_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|at least|more than|about|\d)")
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s[^,;.]{3,120},")
_TO_HAVE = re.compile(r"\s+to\s+have\s+\w")
_PREPOSITION_NEXT = re.compile(r"\s+(?:to|for|about|with|by|in|on)\b")
# "stated on Sunday that", "reported on November 24, 2024, that", "wrote in a Telegram post that"
_DAY_THEN_THAT = re.compile(
    r"\s+(?:on|in)\s+\w+\s*(?:,|:|that\b)|\s+(?:on|in)\s+(?:\w+\s+){1,2}?"
    r"(?:\w+|\d{1,2},\s+\d{4},?)\s*(?::|that\b)"
)
# after "..., said X": the end, a time, or an appositive ("said Fares Abu Hamza, an official with ...")
_NAME_ENDS_CLAUSE = re.compile(r"\s*[.,;!?]?\s*(?:$|on\b|in\b|\w+day\b)|\s*,\s*(?:an?|the|who|whose|\d+)\b")
# How far from its cue a claim is read, and the most characters its content holds: news sentences
# are shorter (the longest of the 17,177 in bench/labels and the development dumps: 742 characters)
CLAIM_REACH = 1000
_GROUP_NOUN_END = re.compile(r"(?:ers|ors|ists|ents|ants|ies|ians|ites)$")
_DEMONYM_END = re.compile(r"(?:ian|ese|ish|ans)$")


def find_claims(text: str, sentences: list[Span], entities: list[Entity]) -> tuple[list[Source], list[Claim]]:
    """Sources and claims in the article, claims in text order."""
    finder = _ClaimFinder(text, entities)
    starts = [s.start for s in sentences]
    long_quotes: dict[int, list[tuple[re.Match[str], int, int]]] = {}
    for q in _QUOTE_RE.finditer(text):
        first = bisect.bisect_right(starts, q.start()) - 1
        last = bisect.bisect_right(starts, q.end() - 1) - 1
        if first >= 0 and last > first:
            # a quotation of several sentences: read it whole, before the sentences it covers
            long_quotes.setdefault(first, []).append((q, sentences[first].start, sentences[last].end))
            finder.long_quotes.append((q.start(), q.end()))
    for i, sentence in enumerate(sentences):
        for q, q_start, q_end in long_quotes.get(i, ()):
            finder.quote(q, q_start, q_end)
        finder.sentence(sentence.start, sentence.end)
    claims = sorted(finder.claims, key=lambda c: c.content.start)
    return finder.sources, claims


class _ClaimFinder:
    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.text = text
        self.sources: list[Source] = []
        self.claims: list[Claim] = []
        self._source_keys: dict[tuple[str, str], str] = {}
        self._used_cues: set[int] = set()  # starts of cue words already read as a claim
        self.long_quotes: list[tuple[int, int]] = []  # quotations over several sentences
        self._cue_index: list[tuple[int, int]] = []  # (cue start, index in self.claims), sorted
        self._people: list[_Mention] = []
        self._mentions: list[_Mention] = []
        for entity in entities:
            for span in entity.mentions:
                mention = _Mention(span.start, span.end, entity)
                self._mentions.append(mention)
                if entity.type == "person":
                    self._people.append(mention)
        self._people.sort(key=lambda m: m.start)
        self._people_starts = [m.start for m in self._people]
        self._mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self._mentions]
        self._last_person: Entity | None = None
        self._overlaps: dict[tuple[int, int], list[_Mention]] = {}  # see _overlapping
        # Indexes that answer "the last one before" in a bisection instead of a scan of every source or
        # mention before (a scan per pronoun or "the ministry said" was quadratic on long articles)
        self._source_by_key: dict[str, Source] = {}
        self._last_source: dict[tuple[str, str], int] = {}  # see _register
        self._named_people: dict[str, list[int]] = {}  # surname -> indices in _people of full names
        for i, m in enumerate(self._people):
            if " " in m.entity.name:
                self._named_people.setdefault(m.entity.name.split()[-1], []).append(i)
        # start of the last person mention up to each one in _people that is no pronoun (-1: none)
        self._name_starts: list[int] = []
        for m in self._people:
            named = text[m.start : m.end] not in _PRONOUN_WORDS
            self._name_starts.append(m.start if named else self._name_starts[-1] if self._name_starts else -1)
        self._bodies: dict[tuple[str, str], list[int]] | None = None  # see _body_mentions
        self._previous: tuple[int, int] | None = None  # the sentence read before

    # --- sentences -------------------------------------------------------------------------
    def sentence(self, start: int, end: int) -> None:
        text = self.text
        found_any = False
        # (most sentences hold no quotation mark: three str.find calls instead of a regex scan)
        quoted = text.find('"', start, end) >= 0 or text.find("“", start, end) >= 0 or text.find("«", start, end) >= 0
        quotes = list(_QUOTE_RE.finditer(text, start, end)) if quoted else []
        quote_starts = [q.start() for q in quotes]
        for q in quotes:
            if self._quote_claim(q, *self._reach(q.start(), q.end(), start, end)):
                found_any = True
        # the rarer patterns run only when the sentence holds the word they need (str.find: no copy)
        if text.find("ccording", start, end) >= 0:
            for m in _ACCORDING_RE.finditer(text, start, end):
                if self._according(m, *self._reach(m.start(), m.end(), start, end)):
                    found_any = True
        if text.find("ed by ", start, end) >= 0:
            for m in _REPORTED_BY.finditer(text, start, end):
                if self._reported_by(m, *self._reach(m.start(), m.end(), start, end)):
                    found_any = True
        if text.find("quoted", start, end) >= 0 or text.find("cited", start, end) >= 0:
            for m in _QUOTED_AS.finditer(text, start, end):
                if self._quoted_as(m, *self._reach(m.start(), m.end(), start, end)):
                    found_any = True
        for m in _CUE_RE.finditer(text, start, end):
            if m.start() in self._used_cues:
                continue
            i = bisect.bisect_right(quote_starts, m.start()) - 1
            if i >= 0 and quote_starts[i] < m.start() < quotes[i].end():
                continue  # a cue word inside a quotation
            if self._in_long_quote(m.start()):
                continue
            if self._cue_claim(m, *self._reach(m.start(), m.end(), start, end)):
                found_any = True
        if not found_any:
            self._remember_people(start, end)
        self._previous = (start, end)

    def _reach(self, a: int, b: int, start: int, end: int) -> tuple[int, int]:
        """The part of the sentence [start, end) a claim found at [a, b) is read in: the sentence, or
        in a sentence longer than news has (a hostile run of "officials said" without a full stop)
        the words from CLAIM_REACH characters before to CLAIM_REACH after. Each cue rereads its part
        of the sentence: over the whole sentence that took time, and gave contents, in the square of
        its length (a 150 KB file: 10,000 claims of 50,000 characters each)."""
        text = self.text
        if a - start > CLAIM_REACH:
            space = text.find(" ", a - CLAIM_REACH, a)
            start = space + 1 if space >= 0 else a - CLAIM_REACH
        if end - b > CLAIM_REACH:
            space = text.rfind(" ", b, b + CLAIM_REACH)
            end = space if space >= 0 else b + CLAIM_REACH
        return start, end

    def _claims_with_cue_in(self, start: int, end: int) -> list[Claim]:
        """Claims so far whose cue starts in [start, end), in the order they were found."""
        i = bisect.bisect_left(self._cue_index, (start, -1))
        j = bisect.bisect_left(self._cue_index, (end, -1))
        return [self.claims[n] for n in sorted(n for _, n in self._cue_index[i:j])]

    def _in_long_quote(self, pos: int) -> bool:
        """True when pos lies strictly inside a quotation over several sentences (sorted, disjoint)."""
        i = bisect.bisect_left(self.long_quotes, (pos, pos)) - 1
        return i >= 0 and self.long_quotes[i][0] < pos < self.long_quotes[i][1]

    def quote(self, q: re.Match[str], start: int, end: int) -> None:
        """A quotation that runs over several sentences, read within [start, end)."""
        self._quote_claim(q, *self._reach(q.start(), q.end(), start, end))

    def _remember_people(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._people_starts, end) - 1
        if i >= 0 and self._people[i].start >= start:
            self._last_person = self._people[i].entity

    # --- direct quotations -----------------------------------------------------------------
    def _quote_claim(self, q: re.Match[str], start: int, end: int) -> bool:
        text = self.text
        group = next(i for i in (1, 2, 3) if q.group(i) is not None)
        c_start, c_end = _trim_content(text, q.start(group), q.end(group))
        if c_end - c_start < 3 or len(text[c_start:c_end].split()) < 3:
            return False
        # speaker after: “...,” Zelensky said / “...,” said Zelensky
        after = _GAP_AFTER_QUOTE.match(text[q.end() : end])
        pos = q.end() + after.end()
        cue = _CUE_RE.match(text, pos, end)
        if cue:
            np = self._np_after(cue.end(), end)
            if np:
                return self._add(np, cue.start(), cue.end(), c_start, c_end, quote=True)
        np = self._np_forward(pos, end)
        if np:
            tail = _ADVERBS_AFTER_NAME.match(text[np[1] : end])
            cue = _CUE_RE.match(text, np[1] + (tail.end() if tail else 0), end)
            if cue:
                return self._add(np, cue.start(), cue.end(), c_start, c_end, quote=True)
        # speaker before: Zelensky said: “...”
        window = max(start, q.start() - 120)  # the cue sits just before the quotation
        before = text[window : q.start()]
        m = _CUE_BEFORE_QUOTE.search(before)
        if m and not _SENTENCE_MARK.search(m.group("gap")):
            cue_start = window + m.start("cue")
            cue_end = window + m.end("cue")
            np = self._subject(cue_start, start)
            if np:
                return self._add(np, cue_start, cue_end, c_start, c_end, quote=True)
        return False

    # --- according to ----------------------------------------------------------------------
    def _according(self, m: re.Match[str], start: int, end: int) -> bool:
        text = self.text
        doc = _DOCUMENT_OF.match(text, m.end(), end)
        np = self._np_after(doc.end() if doc else m.end(), end)
        if not np:
            return False
        before = text[start : m.start()].rstrip()
        if before.endswith(",") or before.endswith("—") or before.endswith("("):
            c_start, c_end = _trim_content(text, start, m.start())
        else:
            # "According to X, a rights group that tracks killings, security forces have ...": past the appositive
            appositive = _APPOSITIVE.match(text, np[1], end)
            c_start, c_end = _trim_content(text, appositive.end() if appositive else np[1], end)
        if c_end - c_start < 3:
            return False
        return self._add(np, m.start(), m.end(), c_start, c_end)

    # --- "This was reported by X" ----------------------------------------------------------
    def _reported_by(self, m: re.Match[str], start: int, end: int) -> bool:
        """The claimant after "was reported by"; what was reported is the words before, or the sentence
        before when they are only "This" ("This was reported by the head of the administration")."""
        np = self._np_after(m.end(), end)
        if np is None:
            return False
        subject = self.text[start : m.start()].strip()
        if subject in _THIS and self._previous is not None:
            c_start, c_end = _trim_content(self.text, *self._previous)
        else:
            c_start, c_end = _trim_content(self.text, start, m.start())
        if c_end - c_start < 3:
            return False
        cue = re.search(r"\S+(?=\s+by\s+$)", m.group(0))
        return self._add(np, m.start() + cue.start(), m.start() + cue.end(), c_start, c_end)

    # --- "was quoted (by TASS) as saying" ---------------------------------------------------
    def _quoted_as(self, m: re.Match[str], start: int, end: int) -> bool:
        np = self._subject(m.start(), start)
        if np is None:
            return False
        via = (m.start("via"), m.end("via")) if m.group("via") else None
        if via is not None and self._type_of(self.text[via[0] : via[1]], via[0], via[1])[0] != "media":
            via = None
        c_start, c_end = self._content_after(m.end("cue"), end)
        if c_end - c_start < 3:
            return False
        return self._add(np, m.start("cue"), m.end("cue"), c_start, c_end, via=via)

    # --- cue verbs -------------------------------------------------------------------------
    def _cue_claim(self, m: re.Match[str], start: int, end: int) -> bool:
        text = self.text
        cue = m.group(0)
        cue_start, cue_end = m.start(), m.end()
        if cue in ("state", "states") and not _STATE_AS_VERB.match(text, cue_end):
            return False  # "in Rakhine state after weeks", "Sudan's North Darfur state,": a noun
        if cue in _PARTICIPLES:
            # "X addressed the matter on Saturday, confirming that ..."
            if not text[start:cue_start].rstrip().endswith(","):
                return False
            earlier = self._claims_with_cue_in(start, cue_start)
            if earlier:
                # "..., the military said, adding that ...": the same claimant goes on
                c_start, c_end = self._content_after(cue_end, end)
                if c_end - c_start <= 3:
                    return False
                return self._add_for(earlier[-1].source_key, cue_start, cue_end, c_start, c_end)
            np = self._np_forward(start, cue_start)
            if not np:
                return False
            c_start, c_end = self._content_after(cue_end, end)
            return self._add(np, cue_start, cue_end, c_start, c_end) if c_end - c_start > 3 else False
        np = self._subject(cue_start, start)
        if np is not None:
            via = None
            content_from = cue_end
            if cue in ("told", "tells", "tell", "informed", "informs"):
                obj = self._np_after(cue_end, end)
                if obj is None:
                    # "told reporters that ...", "told a news conference": no medium to keep
                    if not _TOLD_AUDIENCE.match(text, cue_end, end):
                        return False
                else:
                    via_type = self._type_of(text[obj[0] : obj[1]], obj[0], obj[1])[0]
                    if via_type == "media":
                        # "told the BBC the alliance never comments": the outlet's name ends where its
                        # capitalised words do; what follows is the content
                        obj = _outlet_name(text, *obj)
                        via = obj
                    content_from = obj[1]
                    lead = _LEAD_TO_THAT.match(text, content_from, end)
                    if lead:  # "told CNN in an interview on Friday that ...": the content follows "that"
                        content_from = lead.end()
            rest = text[content_from:end]
            ends_clause = text[start : np[0]].rstrip().endswith(_STATEMENT_END)
            tail = _WEEKDAY_OR_TIME.match(rest)
            only_time = (
                tail is not None
                and (
                    _ONLY_MARKS.fullmatch(rest[tail.end() :]) is not None
                    or _ANONYMITY.match(rest, tail.end()) is not None
                )
                and "that" not in rest[: tail.end()]
            )
            if _THIS_ONLY.match(rest) and self._previous is not None and not text[start : np[0]].strip():
                # "Head of the Kherson OVA Oleksandr Prokudin reported this.": what the sentence before says
                c_start, c_end = _trim_content(self.text, *self._previous)
                if c_end - c_start < 3:
                    return False
                return self._add(np, cue_start, cue_end, c_start, c_end, via=via)
            if (
                _ENDS_HERE.match(rest)
                or only_time
                or _ONE_WORD_LEFT.match(rest)
                or (ends_clause and _AFTER_SAID_CLAUSE.match(rest))
            ):
                # "..., X said." — the content is what came before
                before = text[start : np[0]].rstrip()
                if not before.endswith(_STATEMENT_END):
                    return False
                c_start, c_end = _trim_content(text, start, start + len(before))
            else:
                if cue in (
                    "report",
                    "reports",
                    "claims",
                    "claim",
                    "estimate",
                    "estimates",
                    "state",
                    "states",
                    "notes",
                ) and not _THAT_NEXT.match(rest):
                    # a noun more often than a verb, unless followed by "that" (or "to have")
                    if not _OBJECT_NEXT.match(rest) and not (cue.startswith("claim") and _TO_HAVE.match(rest)):
                        return False
                if _PREPOSITION_NEXT.match(rest) and cue not in ("said", "says"):
                    if not _DAY_THEN_THAT.match(rest) and not (cue.startswith("claim") and _TO_HAVE.match(rest)):
                        return False  # "reported to the police"; but "claimed to have downed a drone"
                c_start, c_end = self._content_after(content_from, end)
            if c_end - c_start < 3:
                return False
            quote = text[c_start - 1 : c_start] in ("“", '"') and text[c_end : c_end + 1] in ("”", '"')
            citing = _CITING.match(text, cue_end, end)
            cited = self._np_after(citing.end(), end) if citing else None
            if cited is not None:
                # "TASS reported, citing the defence ministry": the ministry said it, TASS relayed it
                if self._type_of(text[np[0] : np[1]], np[0], np[1])[0] == "media":
                    via = np
                np = cited
            return self._add(np, cue_start, cue_end, c_start, c_end, via=via, quote=quote)
        # "..., said X." / "..., said the ministry"
        before = text[start:cue_start].rstrip()
        if before.endswith((",", "”", '"', ",”", ',"')) and cue in (
            "said",
            "says",
            "added",
            "told",
            "wrote",
            "reported",
            "stated",
            "noted",
            "warned",
            "informed",
            "specified",
            "stressed",
            "emphasised",
            "emphasized",
            "clarified",
            "announced",
            "confirmed",
        ):
            np = self._np_after(cue_end, end)
            if np and _NAME_ENDS_CLAUSE.match(text[np[1] : end]):
                c_start, c_end = _trim_content(text, start, start + len(before))
                if c_end - c_start >= 3:
                    quote = text[c_start - 1 : c_start] in ("“", '"')
                    return self._add(np, cue_start, cue_end, c_start, c_end, quote=quote)
        return False

    def _content_after(self, pos: int, end: int) -> tuple[int, int]:
        m = _WEEKDAY_OR_TIME.match(self.text, pos, end)
        return _trim_content(self.text, m.end() if m else pos, end)

    # --- noun phrases ----------------------------------------------------------------------
    def _subject(self, cue_start: int, start: int) -> tuple[int, int] | None:
        """The claimant just before a cue: "Ukraine's military intelligence (also) reported"."""
        text = self.text
        post = (
            _POSTMODIFIER.search(text, max(start, cue_start - 80), cue_start)
            if _POSTMODIFIER_HINT.search(text, max(start, cue_start - 80), cue_start)
            else None
        )
        if post is not None:
            cue_start = post.start()  # "two officials briefed on the negotiations told Reuters"
        tokens = self._tokens_before(cue_start, start)
        if len(tokens) >= 3 and tokens[-1][2] == ",":
            # "the head of the regional administration, Ivan Fedorov, reported": the name between commas
            k = len(tokens) - 2
            while k > 0 and tokens[k - 1][2] != "," and len(tokens) - k < 11:
                k -= 1
            if k > 0 and tokens[k - 1][2] == ",":
                return self._appositive(tokens, k, start)
        i = _before_time_words(tokens, len(tokens))  # skip adverbs and time words right before the cue
        if (
            i >= 5
            and tokens[i - 2][2] == ")"
            and tokens[i - 4][2] == "("
            and _ACRONYM.fullmatch(tokens[i - 3][2])
            and tokens[i - 1][2].lower() in _NP_HEADS
        ):
            i -= 1  # "the United Kingdom Maritime Trade Operations (UKMTO) agency said": the name, not "agency"
        if i >= 4 and tokens[i - 1][2] == ")" and tokens[i - 3][2] == "(" and _ACRONYM.fullmatch(tokens[i - 2][2]):
            # "the World Health Organization (WHO) said": the name before its acronym, else the acronym
            return self._subject(tokens[i - 3][0], start) or (tokens[i - 2][0], tokens[i - 2][1])
        if i == 0:
            return None
        if tokens[i - 1][2] in ('"', "”", "»") and i >= 3:
            # 'energy company "Ukrenergo" announced': a name in quotation marks (one to four capitalised
            # words), not a quotation
            k = i - 2
            while k > 0 and i - 1 - k < 4 and tokens[k][2][:1].isupper():
                k -= 1
            if k < i - 2 and tokens[k][2] in ('"', "“", "«") and all(t[2][:1].isupper() for t in tokens[k + 1 : i - 1]):
                return tokens[k + 1][0], tokens[i - 2][1]
            return None
        if tokens[i - 1][2].lower() in _PASSIVE:
            return None
        if tokens[i - 1][2] in _PRONOUNS or tokens[i - 1][2].lower() in ("he", "she", "they"):
            return tokens[i - 1][0], tokens[i - 1][1]
        if tokens[i - 1][2] == "It" and (i == 1 or tokens[i - 2][2] in (",", ";", "\u201d", '"')):
            return tokens[i - 1][0], tokens[i - 1][1]  # "It said ...": the organisation quoted just before
        if tokens[i - 1][2] in ("but", "and") and i >= 2:
            # "The foreign minister condemned the attack and said ...", "Russia's defence ministry did not
            # comment but said ...": the subject both verbs share, unless the first verb was a cue already
            # ("The RSF denied X and said Y" is one claim)
            if self._claims_with_cue_in(start, cue_start):
                return None
            return self._shared_subject(start, cue_start) or self._opening_entity(start, tokens[i - 2][1])
        if tokens[i - 1][2] in ("which", "who") and i >= 3 and tokens[i - 2][2] == ",":
            # "..., the al-Qaida-linked JNIM group, which said its fighters ...": the group before the comma
            return self._subject(tokens[i - 2][0], start)
        j = i
        modifiers = 0
        while j > 0 and i - j < 10:
            word = tokens[j - 1][2]
            if _np_word(word) or (word == "." and j >= 2 and tokens[j - 2][2].lower() in TITLE_ABBREVIATIONS):
                j -= 1  # "spokesman Lt. Col. Guillaume Ndjike Kaiko": the dots of titles belong to the name
                continue
            if j < i and modifiers < 2 and _modifier(word):
                # "medical sources", "humanitarian office": a lower-case word before the head
                j -= 1
                modifiers += 1
                continue
            break
        while j < i and tokens[j][2].lower() in (
            "the",
            "a",
            "an",
            "of",
            "for",
            "from",
            "at",
            "and",
            "'s",
            "’s",
            "this",
            "that",
        ):
            if tokens[j][2].lower() in ("the", "a", "an") and j + 1 < i:
                break
            j += 1
        if j >= i:
            return None
        words = [t[2] for t in tokens[j:i]]
        if tokens[i - 1][2].lower() in ("of", "for", "from", "at", "and", "the", "a", "an"):
            return None
        if not any(w[:1].isupper() or w.lower() in _NP_HEADS for w in words):
            return None
        if j > 0 and tokens[j - 1][2] in ("which", "who", "that", "what", "It", "it"):
            return None
        return self._whole_name(tokens[j][0], tokens[i - 1][1], start, cue_start)

    def _whole_name(self, np_start: int, np_end: int, lo: int, hi: int) -> tuple[int, int]:
        """The claimant widened to the organisation's name it cuts, within [lo, hi): "the Committee to
        Protect Journalists said", "according to the Kenya National Commission on Human Rights"."""
        for m in self._overlapping(np_start, np_end):
            if m.entity.type == "organization" and lo <= m.start and m.end <= hi:
                np_start, np_end = min(np_start, m.start), max(np_end, m.end)
        return np_start, np_end

    def _shared_subject(self, start: int, cue_start: int) -> tuple[int, int] | None:
        """The claimant that opens the sentence when its own verb follows it ("The ministry condemned the
        attack and said", "Congo's foreign minister, X, called ... and said"): read as before that verb."""
        np = self._np_forward(start, cue_start)
        if np is None or np[0] != start:
            return None
        verb = _VERB_AFTER_SUBJECT.match(self.text, np[1], cue_start)
        return self._subject(verb.start("verb"), start) if verb else None

    def _appositive(self, tokens: list[tuple[int, int, str]], k: int, start: int) -> tuple[int, int] | None:
        """The claimant of "X, <appositive>, said" (the words from ``k`` to the last comma): a person or
        name between the commas ("..., Ivan Fedorov, reported", "The UN agency for refugees, UNRWA, says",
        "..., known as MONUSCO, said"), else the phrase before them ("Mahmoud Basal, a spokesman for the
        civil defence agency, told")."""
        text = self.text
        inner = (tokens[k][0], tokens[-2][1])
        words = [t[2] for t in tokens[k:-1]]
        if words[:2] == ["known", "as"] or words[:3] == ["also", "known", "as"]:
            inner = (tokens[k + words.index("as") + 1][0], inner[1])
            words = words[words.index("as") + 1 :]
        if not words:
            return None
        if words[0][:1].isupper() and (
            self._person_at(*inner) is not None
            or _looks_like_person(text[inner[0] : inner[1]])
            or all(w[:1].isupper() or w in ("’s", "'s") for w in words)
        ):
            return inner
        if words[0].lower() in ("a", "an", "the") or any(w[:1].isupper() for w in words):
            # "Mahmoud Basal, a spokesman for ...,", "Sudan's army, led by Gen. X,": the phrase before
            return self._subject(tokens[k - 1][0], start)
        return None

    def _opening_entity(self, start: int, before: int) -> tuple[int, int] | None:
        """The person, organisation or group whose mention opens the sentence at ``start`` (after
        "The"), ending before ``before``: the subject of a verb joined by "and"/"but"."""
        at = start + 4 if self.text.startswith(("The ", "the "), start) else start
        for mention in self._overlapping(at, at + 1):
            if (
                mention.start == at
                and mention.end < before
                and mention.entity.type in ("person", "organization", "group")
            ):
                return mention.start, mention.end
        return None

    def _tokens_before(self, cue_start: int, start: int) -> list[tuple[int, int, str]]:
        """The words of the 160 characters before a cue (from the sentence's start at most), as _subject reads
        them. _subject looks at most 11 words before the adverbs and time words it skips, and 7 words before a
        final comma; so the words of the last 100 characters, from a whitespace on, serve when they hold 8
        words or more and 12 or more before the skipped ones. Otherwise the whole window is read."""
        text = self.text
        full_from = max(start, cue_start - 160)
        short_from = max(start, cue_start - 100)
        if short_from > full_from:
            space = _SPACE.search(text, short_from, cue_start)
            if space is not None:
                # after a whitespace the words are the same as in the whole window: a suffix of its list
                tokens = [(t.start(), t.end(), t[0]) for t in _TOKEN_RE.finditer(text, space.end(), cue_start)]
                if len(tokens) >= 12 and _before_time_words(tokens, len(tokens)) >= 12:
                    return tokens
        return [(t.start(), t.end(), t[0]) for t in _TOKEN_RE.finditer(text, full_from, cue_start)]

    def _np_after(self, pos: int, end: int) -> tuple[int, int] | None:
        """A claimant right after a position: "according to Ukrainian officials,", "said Zelensky"."""
        # at most the first 14 words are read (j < 12, then up to two modifiers): 16 is enough
        tokens = [
            (t.start(), t.end(), t[0]) for t in islice(_TOKEN_RE.finditer(self.text, pos, min(end, pos + 160)), 16)
        ]
        j = 0
        while j < len(tokens) and j < 12:
            if _np_word(tokens[j][2]) or (
                tokens[j][2] == "."
                and j >= 1
                and tokens[j - 1][2].lower() in TITLE_ABBREVIATIONS
                and j + 1 < len(tokens)
                and _np_word(tokens[j + 1][2])
            ):
                j += 1  # "according to spokesperson Maj. Gen. Patrick Ryder": the dots of titles belong to the name
                continue
            # "local resistance groups": lower-case modifiers count when a name word follows them
            k = j
            while k < len(tokens) and k - j < 2 and _modifier(tokens[k][2]) and not _np_word(tokens[k][2]):
                k += 1
            if (
                k > j
                and k < len(tokens)
                and _np_word(tokens[k][2])
                and tokens[k][2].lower() not in ("of", "for", "from", "at", "and", "the", "a", "an", "'s", "’s")
            ):
                j = k
                continue
            break
        while j > 0 and tokens[j - 1][2].lower() in ("of", "for", "from", "at", "and", "the", "a", "an"):
            j -= 1
        if j == 0:
            if tokens and tokens[0][2] in ("him", "her", "he", "she"):
                return tokens[0][0], tokens[0][1]
            return None
        words = [t[2] for t in tokens[:j]]
        if not any(w[:1].isupper() or w.lower() in _NP_HEADS for w in words):
            return None
        return self._whole_name(tokens[0][0], tokens[j - 1][1], pos, end)

    def _np_forward(self, pos: int, end: int) -> tuple[int, int] | None:
        """A claimant at a position: the subject at a sentence's start, or the speaker after a quotation."""
        first = _TOKEN_RE.search(self.text, pos, min(end, pos + 160))
        if first is None:
            return None
        if first.group(0) in ("He", "She", "he", "she"):
            return first.start(), first.end()
        return self._np_after(pos, end)

    # --- sources ---------------------------------------------------------------------------
    def _add(
        self,
        np: tuple[int, int],
        cue_start: int,
        cue_end: int,
        c_start: int,
        c_end: int,
        quote: bool = False,
        via: tuple[int, int] | None = None,
    ) -> bool:
        text = self.text
        if c_end <= c_start:
            return False
        both = _split_claimants(text, np[0], np[1])
        if both is not None:
            # "the Palestinian health ministry and the Israeli army said": one claim each
            first = self._add(both[0], cue_start, cue_end, c_start, c_end, quote, via)
            second = self._add(both[1], cue_start, cue_end, c_start, c_end, quote, via)
            return first or second
        source_key = self._source_for(np[0], np[1])
        if source_key is None:
            return False
        via_key = self._source_for(via[0], via[1]) if via else None
        c_start, c_end = _bound_content(text, c_start, c_end, cue_start)
        self.claims.append(
            Claim(
                key=f"c{len(self.claims) + 1}",
                source_key=source_key,
                cue=Span.of(text, cue_start, cue_end),
                content=Span.of(text, c_start, c_end),
                quote=quote,
                via_source_key=via_key,
            )
        )
        bisect.insort(self._cue_index, (cue_start, len(self.claims) - 1))
        self._used_cues.add(cue_start)
        return True

    def _add_for(self, source_key: str, cue_start: int, cue_end: int, c_start: int, c_end: int) -> bool:
        c_start, c_end = _bound_content(self.text, c_start, c_end, cue_start)
        self.claims.append(
            Claim(
                key=f"c{len(self.claims) + 1}",
                source_key=source_key,
                cue=Span.of(self.text, cue_start, cue_end),
                content=Span.of(self.text, c_start, c_end),
            )
        )
        bisect.insort(self._cue_index, (cue_start, len(self.claims) - 1))
        self._used_cues.add(cue_start)
        return True

    def _overlapping(self, start: int, end: int) -> list[_Mention]:
        """Mentions overlapping [start, end) (mentions sorted by start; none is longer than 200).
        Remembered per span: a claimant's span is looked up for a person, an organisation and a place."""
        out = self._overlaps.get((start, end))
        if out is not None:
            return out
        i = bisect.bisect_left(self._starts, start - 200)
        out = []
        while i < len(self._mentions) and self._mentions[i].start < end:
            if self._mentions[i].end > start:
                out.append(self._mentions[i])
            i += 1
        self._overlaps[(start, end)] = out
        return out

    def _person_at(self, start: int, end: int) -> Entity | None:
        for m in self._overlapping(start, end):
            if m.entity.type == "person":
                return m.entity
        return None

    def _entity_at(self, start: int, end: int) -> Entity | None:
        best = None
        for m in self._overlapping(start, end):
            if m.entity.type in ("organization", "group"):
                best = m.entity
        return best

    def _source_for(self, start: int, end: int) -> str | None:
        text = self.text
        raw = text[start:end]
        if raw == "It":
            last_claim = self.claims[-1] if self.claims else None
            if last_claim is None:
                return None
            source = self._source_by_key[last_claim.source_key]
            return source.key if source.type not in ("person", "anonymous") else None
        if raw in ("They", "they"):
            # "Local officials said ... They said ...": the claimant quoted last, when it is no one person
            last_claim = self.claims[-1] if self.claims else None
            if last_claim is None:
                return None
            source = self._source_by_key[last_claim.source_key]
            return source.key if source.type != "person" else None
        if raw in ("he", "she", "He", "She", "him", "her"):
            person = self._person_before(start)
            last_claim = self.claims[-1] if self.claims else None
            person_at = self._name_before(start)
            if last_claim is not None and last_claim.cue.start > person_at:
                # "a member of the local militia told AFP. He said ...": the source quoted just before
                source = self._source_by_key[last_claim.source_key]
                if source.type in (
                    "person",
                    "anonymous",
                    "other",
                    "military",
                    "government",
                ) and not source.name.lower().endswith(("s", "forces", "authorities")):
                    return source.key
            if person is None:
                return None
            return self._register(person.name, "person", person.key)
        person = self._person_at(start, end)
        if person is not None and not (
            " " not in person.name
            and "title" not in person.attributes
            and self._named_as_company(person.name, start, end)
        ):
            self._last_person = person
            return self._register(person.name, "person", person.key)
        opened = _claimant_opening(raw)
        if opened is None:
            return None  # "move NATO officials", "in joint military drills": no claimant
        start += opened
        raw = text[start:end]
        name = _BASED_IN.sub("", _strip_determiners(raw))
        if not name:
            return None
        head = name.split()[-1].lower()
        if head in _PERSON_ROLES and raw[:4].lower() == "the " and name.islower():
            # "the president warned", "the foreign minister said": the person of that title named before
            titled = self._titled_person_before(start, name.split())
            if titled is not None:
                return self._register(titled.name, "person", titled.key)
        if (
            head in _ANAPHORIC
            and raw[:4].lower() in ("the ", "this")
            and (
                " " not in name
                or (head in _COLLECTIVE_HEADS and all(w.isalpha() and w.islower() for w in name.split()))
            )
        ):
            # "the group said", "the ethnic armed group said": the one of that kind named just before
            heads = (head, head + "s", head.rstrip("s"))
            if head in _COLLECTIVE_HEADS:
                # "the Arakan Army said ... the group said": the armed group that spoke just before
                last = self.claims[-1] if self.claims else None
                if last is not None and start - last.cue.start < 400:
                    source = self._source_by_key[last.source_key]
                    if source.type in ("military", "other") and source.entity_key is not None:
                        return source.key
            # the source registered last whose name ends in that head, or (no person) begins with it or
            # (a body: "Ministry of Defense of the Russian Federation" ... "the ministry") holds it
            found = [self._last_source.get(("last", h), -1) for h in heads]
            found += [self._last_source.get(("first", h), -1) for h in heads]
            if heads[0] in _BODY_HEADS:
                found.append(self._last_source.get(("word", heads[0]), -1))
            if max(found) >= 0:
                return self.sources[max(found)].key
            # "the ministry said" after "Russia's Defence Ministry did not comment"
            lists = [("last", h) for h in heads] + ([("word", heads[0])] if heads[0] in _BODY_HEADS else [])
            m = self._body_before(start, lists)
            if m is None and head in _COLLECTIVE_HEADS:
                m = self._body_before(start, [("military or other", "")])  # else the organisation named last
            if m is not None:
                kind, _ = self._type_of(m.entity.name, m.start, m.end)
                return self._register(m.entity.name, kind, m.entity.key)
        if self._entity_at(start, end) is None:
            person_name = _looks_like_person(name)
        else:
            person_name = None  # an organisation or group ("Ukraine's General Staff")
        if person_name is not None and " " not in person_name and self._named_as_company(person_name, start, end):
            person_name = None  # "energy company Ukrenergo": a one-word name introduced as a company
        if person_name is not None:
            if " " not in person_name:
                # a surname alone: the person named in full earlier in the article
                last = self._last_source.get(("person", person_name))
                if last is not None:
                    return self.sources[last].key
                # or a person named in full before, who had not spoken yet ("Clifford May, founder of
                # ... May said")
                named = self._named_people.get(person_name, ())
                i = bisect.bisect_left(named, bisect.bisect_left(self._people_starts, start)) - 1
                if i >= 0:
                    entity = self._people[named[i]].entity
                    return self._register(entity.name, "person", entity.key)
            return self._register(person_name, "person", None)
        kind, entity_key = self._type_of(name, start, end)
        return self._register(name, kind, entity_key)

    def _titled_person_before(self, pos: int, words: list[str]) -> Entity | None:
        """The person last named before ``pos`` (within TITLE_REACH characters) whose title holds
        every word of ``words`` ("president", "foreign minister"): a role that refers back."""
        i = bisect.bisect_left(self._people_starts, pos) - 1
        while i >= 0 and pos - self._people[i].start <= TITLE_REACH:
            entity = self._people[i].entity
            title = entity.attributes.get("title", "").lower().split()
            if title and all(w in title for w in words):
                return entity
            i -= 1
        return None

    def _named_as_company(self, name: str, start: int, end: int) -> bool:
        """True when ``name`` is introduced as a company, operator or agency ("grid operator X",
        'energy company "X"'): a one-word name so introduced is no person."""
        at = self.text.find(name, start, end)
        at = start if at < 0 else at
        return bool(_COMPANY_BEFORE.search(self.text, max(0, at - 40), at))

    def _person_before(self, pos: int) -> Entity | None:
        i = bisect.bisect_left(self._people_starts, pos) - 1
        # a name or a pronoun already linked to its person
        return self._people[i].entity if i >= 0 else self._last_person

    def _name_before(self, pos: int) -> int:
        """Start of the last person mention before ``pos`` that is no pronoun (-1: none)."""
        i = bisect.bisect_left(self._people_starts, pos) - 1
        return self._name_starts[i] if i >= 0 else -1

    def _body_mentions(self) -> dict[tuple[str, str], list[int]]:
        """Indices in _mentions of organisations and groups by the last word of their lower-cased name
        (("last", word)), by each word that names a body (("word", word)), and of military or other
        organisations (("military or other", "")). Built on first use."""
        if self._bodies is None:
            self._bodies = {}
            for i, m in enumerate(self._mentions):
                if m.entity.type not in ("organization", "group"):
                    continue
                words = m.entity.name.lower().split()
                if not words:
                    continue
                keys = {("last", words[-1])} | {("word", w) for w in words if w in _BODY_HEADS}
                if m.entity.type == "organization" and m.entity.attributes.get("kind") in ("military", "other"):
                    keys.add(("military or other", ""))
                for key in keys:
                    self._bodies.setdefault(key, []).append(i)
        return self._bodies

    def _body_before(self, pos: int, keys: list[tuple[str, str]]) -> _Mention | None:
        """The mention that ends by ``pos``, listed last in _mentions among those under ``keys``."""
        bodies = self._body_mentions()
        limit = bisect.bisect_right(self._starts, pos)  # (a mention that ends by pos starts before it)
        best = -1
        for key in keys:
            found = bodies.get(key, ())
            i = bisect.bisect_left(found, limit) - 1
            while i >= 0 and found[i] > best and self._mentions[found[i]].end > pos:
                i -= 1  # (mentions across pos: no longer than 200 characters, so few)
            if i >= 0:
                best = max(best, found[i])
        return self._mentions[best] if best >= 0 else None

    def _type_of(self, name: str, start: int, end: int) -> tuple[str, str | None]:
        entity = self._entity_at(start, end)
        first, anonymous, later, national = _kinds_by_words(name)
        if first == "intelligence":
            return "intelligence", None
        if first == "media":
            return "media", entity.key if entity and entity.attributes.get("kind") == "media" else None
        if entity is not None and not anonymous:
            kind = _SOURCE_KIND_FROM_ORG.get(entity.attributes.get("kind"))
            if kind is not None and kind != "other":
                return kind, entity.key
        if later == "anonymous":
            return "anonymous", None
        if later is not None:
            return later, entity.key if entity else None
        place = self._place_at(start, end)
        if place is not None and place.attributes.get("feature") in (None, "country") and _is_country(place, name):
            return "government", None
        if national:
            return "government", None
        if entity is not None:
            return "other", entity.key
        return "other", None

    def _place_at(self, start: int, end: int) -> Entity | None:
        for m in self._overlapping(start, end):
            if m.entity.type == "place" and m.start <= start and m.end >= end:
                return m.entity
        return None

    def _register(self, name: str, kind: str, entity_key: str | None) -> str | None:
        if not is_claimant(name):
            return None  # "Against", "reports", a headline: no one to attribute the claim to
        ident = (kind, fold(name, transliterate=False, joined=""))
        key = self._source_keys.get(ident)
        if key is None:
            key = f"s{len(self.sources) + 1}"
            self._source_keys[ident] = key
            source = Source(key=key, name=name, type=kind, entity_key=entity_key)
            self._source_by_key[key] = source
            # the last source by the words of its name (see _source_for)
            at = len(self.sources)
            words = name.lower().split()
            self._last_source[("last", words[-1])] = at
            if kind != "person":
                self._last_source[("first", words[0])] = at
                for word in words:
                    self._last_source[("word", word)] = at
            else:
                self._last_source[("person", name.split()[-1])] = at
            self.sources.append(source)
        return key


@lru_cache(maxsize=16384)
def _kinds_by_words(name: str) -> tuple[str | None, bool, str | None, bool]:
    """What a claimant's words alone say of its type (a pure function of the name: remembered).

    (the kind that wins over the entity's own kind: intelligence or media; whether the name reads
    as anonymous; the kind the words give when the entity's kind does not decide; whether the name
    is a country's or a nation's)."""
    low = name.lower()  # the case-blind type patterns run on it (see _LOWER)
    # (a body's name is not a description of someone: "Sudan Doctors Network", "Syrian Network for
    # Human Rights" name an organisation, "doctors" or "network" alone do not)
    anonymous = _LOWER[ANONYMOUS].search(low) is not None and not _body_name(name)
    first = None
    if _LOWER[INTELLIGENCE].search(low):
        first = "intelligence"
    elif _LOWER[MEDIA].search(low) and not _LOWER[ANONYMOUS].search(low.split()[-1] if low.split() else low):
        first = "media"
    if INTERNATIONAL.search(name):
        later = "international"
    elif _LOWER[CIVIL].search(low):
        later = "government"
    elif anonymous:
        later = "anonymous"
    elif _LOWER[MILITARY].search(low):
        later = "military"
    elif _LOWER[GOVERNMENT].search(low):
        later = "government"
    else:
        later = None
    national = bool(COUNTRY_NAMES) and low in COUNTRY_NAMES or low in _DEMONYMS
    return first, anonymous, later, national


def _body_name(name: str) -> bool:
    """A capitalised name of two words or more ending in a body's head word ("Sudan Doctors Network")
    or opening with it and "of"/"for" ("Network of Journalists of ...")."""
    words = name.split()
    capitalised = [w for w in words if w.lower() not in ("of", "for", "the", "and", "in", "on")]
    if len(words) < 2 or not all(w[:1].isupper() for w in capitalised):
        return False
    return org_head_kind(words) is not None or (words[0].lower() in ORG_HEADS and words[1] in ("of", "for"))


_ANAPHORIC = frozenset(
    """
source sources official officials spokesman spokeswoman spokesperson ministry army military agency
witness witnesses group militants rebels government minister president governor commander
commission committee council office mission observatory organisation organization paramilitary treasury
institute
""".split()
)
# heads that may stand anywhere in a body's name: "the commission" is the "Kenya National Commission
# on Human Rights", "the observatory" the "Syrian Observatory for Human Rights"
_BODY_HEADS = frozenset("commission committee council office mission observatory ministry agency institute".split())
_NP_HEADS = frozenset(
    """
official officials source sources spokesman spokeswoman spokesperson ministry minister government
authorities police military army intelligence president governor commander analysts experts witnesses
residents diplomats diplomat reports agency office observers monitors investigators prosecutors
groups group organisation organization members member witness resident doctor medic activist
journalist correspondent commander soldier survivor villager spokesperson analyst expert
worker workers volunteer volunteers administrator administrators elder elders survivors relative relatives
doctors surgeon surgeons nurse nurses paramedic paramedics presidency villagers teacher farmer driver imam priest
force forces navy command brigade battalion regiment unit guard fleet militia council committee mission service
administration department
""".split()
)


_STOP = frozenset(
    """
was were is are has have had be been being said says told tells that which who whom whose in on at by with
to for after before over under during while as when and but or nor if then than also not no so into onto
upon about against between among through across near since until killed wounded injured attacked reported
confirmed there here it its their his her our your my we they he she you i this these those what where
why how all any some many much more most other such own same only just very still even again too already
yet ago later earlier day night week month year people though although whereas because unless whether
""".split()
)


# A claimant is named ("Volodymyr Zelensky", "the Kremlin") or described ("an army source", "western
# officials", "the head of the regional administration"). Described ones open with a word of this
# list (after a determiner): a number or quantifier, a qualifier of a role, or a role itself.
_OPENERS = (
    frozenset(_NP_WORDS)
    | _NP_HEADS
    | frozenset(
        """
one two three four five six seven eight nine ten dozens several some many multiple various few both other
senior top former ex local permanent independent unnamed high high-ranking deputy vice acting chief prime special
interior defense defence foreign head chairman chairwoman director archbishop founder owner leader
secretary chancellor ambassador diplomat mayor governor speaker pro-russian pro-kremlin ukrainian-installed
""".split()
    )
) - frozenset(
    """
the a an of for from at in and 's ’s statement channel report reports city region province town village area
district capital country oblast territory war matter familiar north south east west northern southern eastern
central people this that these those
""".split()
) | frozenset({"people"})
# nouns a described claimant has at least one of (who speaks, not what was said or where)
_CLAIMANT_NOUNS = (
    (_NP_HEADS - frozenset({"reports"}))
    | frozenset(
        """
head chairman chairwoman director archbishop founder owner leader secretary chancellor ambassador mayor
governor speaker spokesperson spokespeople official officials source sources insider insiders people person
representative representatives minister ministers commander commanders analyst analysts expert experts
diplomat diplomats lawmaker lawmakers activist activists correspondent correspondents reporter reporters
journalist journalists blogger bloggers milblogger milbloggers institute observatory presidency cabinet
embassy prosecutor prosecutors investigator investigators staff general officer officers president
""".split()
    )
    | (
        _OPENERS
        - frozenset(
            """
one two three four five six seven eight nine ten dozens several some many multiple various few both other
senior top former ex local permanent independent unnamed high high-ranking deputy vice acting chief prime
special interior foreign western senior regional russian-installed kremlin-installed pro-russian occupation
occupying anonymous familiar
""".split()
        )
    )
)
# capitalised words that open a clause, never a claimant's name ("Against overwhelming odds ...")
_NOT_CLAIMANT_FIRST = (
    _STOP
    | frozenset(
        """
speaking see perhaps shouldn't should would could will can must might please let asked despite however
meanwhile also yet still indeed instead moreover furthermore nevertheless otherwise yes why how what where
""".split()
    )
) - _OPENERS  # "Some sources", "Many analysts", "Other officials" are claimants
# title-case function words inside a name make a headline ("... Won't Trigger War With Russia Kallas")
_HEADLINE_WORDS = frozenset(
    {
        "With",
        "In",
        "To",
        "For",
        "Of",
        "And",
        "The",
        "On",
        "At",
        "From",
        "By",
        "As",
        "Is",
        "Are",
        "Will",
        "Over",
        "After",
        "Amid",
        "Says",
        "Said",
    }
)
_MAX_CLAIMANT_WORDS = 12
# roles a person holds: "the president said" is the president named before, when there is one
_PERSON_ROLES = frozenset(
    """
president minister spokesman spokeswoman spokesperson governor commander mayor chancellor ambassador
secretary premier chairman chairwoman envoy prosecutor
""".split()
)
TITLE_REACH = 3000  # characters back where the person a role refers to may be named
# what introduces a name after lower-case words ("grid operator Voltaris", "psychiatrist Viktor Frankl")
_NAME_INTRODUCERS = _CLAIMANT_NOUNS | frozenset(
    """
operator company companies firm provider utility corporation producer manufacturer supplier developer giant
group broadcaster outlet newspaper channel magazine website portal platform bank agency network daily
psychiatrist economist historian professor researcher scientist lawyer author writer politician
""".split()
)
_OWNED = re.compile(
    r"\w-(?:owned|run|backed|based|controlled|affiliated|linked|installed|appointed|funded|led|"
    r"aligned)$"
)
_DETERMINER_NEXT = re.compile(r"\s(?:the|a|an)\s+(?=\S)")


def _claimant_opening(raw: str) -> int | None:
    """Where the claimant starts in a noun phrase read before or after a cue: 0, or past words that
    are no part of it ("tweet the Russian Ministry ..." -> "the Russian Ministry ...", "talks a
    former Indian diplomat"), or None when it opens with a lower-case word no claimant opens with
    ("move NATO officials", "in Kiev", "influence Russia")."""
    words = _strip_determiners(raw).split()
    if not words or not words[0][:1].islower():
        return 0
    first = words[0].lower().split("-")[0] if words[0].lower().startswith("ex-") else words[0].lower()
    if first in _OPENERS or words[0].lower() in _OPENERS or words[0].startswith(SURNAME_PREFIXES):
        return 0
    if _OWNED.search(words[0]):
        return 0  # "state-owned Ukrinform agency", "Kremlin-backed media"
    lower = list(itertools.takewhile(lambda w: w[:1].islower(), words))
    if len(lower) < len(words) and lower[-1].lower() in _NAME_INTRODUCERS:
        return 0  # "grid operator Voltaris", "Telegram channel Rybar": a name introduced by what it is
    if (
        len(lower) == len(words) <= 4
        and words[-1].lower() in _CLAIMANT_NOUNS
        and not any(w.lower() in _STOP or w.lower() in ("of", "the", "a", "an") for w in words)
    ):
        return 0  # "aid workers", "the ethnic armed group", "state-owned media": described by their role
    m = _DETERMINER_NEXT.match(raw, len(raw) - len(raw.lstrip()) + len(words[0]))
    if m is None:
        return None
    return m.start() + 1 if _claimant_opening(raw[m.start() + 1 :]) == 0 else None


@lru_cache(maxsize=16384)
def is_claimant(name: str) -> bool:
    """A named or described claimant, not a stray word, a document or a headline: "Against",
    "reports", "joint statement", "advice of Basta", "port city", "Russia's", "Troop Training in
    Ukraine Won't Trigger War With Russia Kallas" are none."""
    words = name.split()
    if not words or len(words) > _MAX_CLAIMANT_WORDS:
        return False
    if words[0].lower() in _NOT_CLAIMANT_FIRST and words[0][:1].isupper():
        return False
    if any("n't" in w or "n’t" in w for w in words) or any(w in _HEADLINE_WORDS for w in words[1:]):
        return False
    if len(words) == 1 and words[0].endswith(("'s", "’s")):
        return False  # "Russia's": the claimant's name is missing
    if words[0][:1].islower() and not words[0].startswith(SURNAME_PREFIXES):
        if _claimant_opening(name) != 0:
            return False
        return any(w.lower().strip(",.") in _CLAIMANT_NOUNS for w in words) or any(w[:1].isupper() for w in words)
    return True


def _modifier(word: str) -> bool:
    """A lower-case word that may qualify a claimant's head noun ("medical", "humanitarian")."""
    return (
        (word.isalpha() or ("-" in word and word.replace("-", "").isalpha()))
        and word.islower()
        and word not in _STOP
        and not word.endswith("ly")
        and len(word) > 2
    )


# capitalised words that start a sentence or clause rather than name a claimant
_NOT_NAME_WORDS = frozenset(
    (
        "I",
        "It",
        "It’s",
        "It's",
        "In",
        "On",
        "At",
        "But",
        "And",
        "As",
        "When",
        "While",
        "After",
        "Before",
        "If",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Their",
        "They",
        "We",
        "He",
        "She",
        "His",
        "Her",
        "Its",
        "Our",
        "You",
        "Last",
        "Both",
        "However",
        "Meanwhile",
        "Earlier",
        "Later",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    )
)


def _before_time_words(tokens: list[tuple[int, int, str]], i: int) -> int:
    """Where the words before index ``i`` stop being adverbs and time words ("also", "on Monday")."""
    while i > 0:
        word = tokens[i - 1][2]
        if word.lower() in _SKIP_BEFORE_CUE or word in _WEEKDAYS or word.lower() in ("on", "last", "week"):
            i -= 1
            continue
        break
    return i


def _np_word(word: str) -> bool:
    if word[:1].isupper():
        return word not in _NOT_NAME_WORDS
    if word.startswith(SURNAME_PREFIXES):
        rest = word.split("-", 1)[1]
        return rest[:1].isupper() and "-" not in rest  # "al-Golani", "el-Sisi"; not "al-Qaida-linked"
    return word.lower() in _NP_WORDS or word in ("’s", "'s")


_TITLES = re.compile(
    r"^(?:(?:[A-Z][\w-]*(?:’s|'s)\s+)?(?:(?:Deputy|Vice|Prime|Foreign|Defen[cs]e|Interior|Chief|Acting|Former|"
    r"Senior|Lieutenant|Major|Brigadier|Colonel|General|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|President|"
    r"Minister|Secretary|Spokesman|Spokeswoman|Spokesperson|Governor|Mayor|Commander|Ambassador|"
    r"Chancellor|King|Queen|Prince|Sheikh|Pope|Senator|Sen\.|Rep\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|"
    r"Admiral|Adm\.|Marshal|Envoy|Chairman|Speaker|Leader|Head|Director|Premier)\s+)+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})$"
)


_ORG_WORDS = re.compile(
    r"\b(?:Staff|Command|Office|Service|Services|Guard|Army|Forces|Force|Ministry|Agency|Committee|Council|"
    r"Department|Administration|Police|Directorate|Bureau|Center|Centre|Institute|Group|Brigade|Battalion|"
    r"Regiment|Corps|Division|Fleet|Navy|Authority|Authorities|Commission|Court|Parliament|Assembly|Party|"
    r"Front|Movement|Union|Organi[sz]ation|Foundation|Network|Media|News|Times|Post|Press|Radio|TV|"
    r"Television|Agency|Company|Group|Bank|University|Hospital|Headquarters|Cabinet|Government|State|"
    r"Republic|Kingdom|Region|Province|Oblast|District|City|Town|Village)\b"
)


_OUTLET_JOINS = frozenset("of de du al and &".split())
# words that open what follows an outlet's name, not a reporter's role
_NOT_IN_A_NAME = frozenset("the a an in on at during last this that it he she they we his her its their".split())
# what may stand between "told CNN" and "that": "in an interview on Friday", "in May, when she was ..."
_LEAD_TO_THAT = re.compile(r"\s*,?\s*(?:in|on|during|at|for|last|earlier|this)\b[^.;:\"“”]{0,80}?\bthat\s+")


def _outlet_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The outlet's name at the start of [start, end): its capitalised words ("Fox News Digital", "the
    BBC", "Voice of America"), without what a function word opens after them ("the BBC the alliance",
    "CNN in an interview")."""
    words = list(_TOKEN_RE.finditer(text, start, end))
    last = None
    for i, w in enumerate(words):
        word = w.group(0)
        if word[:1].isupper() or word[:1].isdigit():
            last = w
        elif i == 0 and word.lower() in ("the", "a"):
            continue
        elif word in _OUTLET_JOINS and last is not None and i + 1 < len(words) and words[i + 1].group(0)[:1].isupper():
            continue
        elif last is not None and word in _NOT_IN_A_NAME:
            return start, last.end()
        else:
            break  # "BBC defence correspondent Jonathan Beale": the reporter it was told to, kept whole
    return start, end


def _looks_like_person(name: str) -> str | None:
    """The personal name in "President Volodymyr Zelensky" or "Zelensky"; None for organisations."""
    m = _TITLES.match(name)
    if not m:
        return None
    person = m.group("name")
    if "’s" in person or "'s" in person or "." in person:
        return None
    for rx in (INTELLIGENCE, MEDIA, INTERNATIONAL, ANONYMOUS, MILITARY, GOVERNMENT):
        if rx.search(person):
            return None
    if person.lower() in COUNTRY_NAMES or person.split()[0].lower() in COUNTRY_NAMES:
        return None
    if person.split()[0].lower() in _DEMONYMS:
        return None
    if _DEMONYM_END.search(person.split()[0]) or person.isupper():
        return None  # "Ukrainian", "Chinese", "Russians", an acronym: not a personal name
    if " " not in person and _GROUP_NOUN_END.search(person):
        return None  # "Organisers", "Protesters", "Residents": people, not a person
    if _ORG_WORDS.search(person):
        return None  # "General Staff", "Southern Command"
    return person


def _split_claimants(text: str, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Two claimants joined by "and", each a claimant of its own, or None."""
    at = text.rfind(" and ", start, end)
    if at < 0:
        return None
    second = _strip_determiners(text[at + 5 : end])
    first = _strip_determiners(text[start:at])
    if not first or not second:
        return None

    def named(part: str) -> bool:
        return (
            any(rx.search(part) for rx in (ANONYMOUS, MILITARY, GOVERNMENT, INTERNATIONAL, INTELLIGENCE))
            or MEDIA.fullmatch(part) is not None
            or part.lower() in COUNTRY_NAMES
            or part.split()[-1].lower() in _NP_HEADS
            or _looks_like_person(part) is not None
        )

    if not (named(first) and named(second)):
        return None
    return (start, at), (at + 5, end)


def _strip_determiners(name: str) -> str:
    name = name.strip()
    # at most one determiner fits at a time ("the " is no prefix of "these "): strip while one does
    while name.startswith(_DETERMINERS):
        for d in _DETERMINERS:
            if name.startswith(d):
                name = name[len(d) :].lstrip()
                break
    return name


def _is_country(place: Entity, name: str) -> bool:
    return place.admin1 is None and fold(place.name, transliterate=False, joined="") == fold(
        name, transliterate=False, joined=""
    )


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    if (start == 0 or text[start - 1] == "\n") and (dateline := DATELINE_RE.match(text, start, end)):
        start = dateline.end()  # "KYIV, Nov 18 (Reuters) - " is not part of what was said
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–-"):
        end -= 1
    # balance a quote mark that opens or closes the content on one side only
    if (
        start < end
        and text[start] in '“"'
        and text.count(text[start] if text[start] == '"' else "”", start + 1, end) == 0
    ):
        start += 1
    if start < end and text[end - 1] in '”"' and text.count("“" if text[end - 1] == "”" else '"', start, end - 1) == 0:
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return start, end


def _bound_content(text: str, start: int, end: int, cue_start: int) -> tuple[int, int]:
    """The content [start, end) cut to at most CLAIM_REACH characters at a word boundary, keeping
    the side next to the cue (a quotation or the sentence before can be a whole hostile paragraph)."""
    if end - start <= CLAIM_REACH:
        return start, end
    if end <= cue_start:  # what was said comes before the cue: keep its end
        space = text.find(" ", end - CLAIM_REACH, end)
        start = space + 1 if space >= 0 else end - CLAIM_REACH
    else:
        space = text.rfind(" ", start, start + CLAIM_REACH)
        end = space if space > start else start + CLAIM_REACH
    trimmed = _trim_content(text, start, end)
    return trimmed if trimmed[0] < trimmed[1] else (start, end)


def _country_names() -> frozenset[str]:
    try:
        import pycountry
    except ImportError:  # the dependency is declared; stay usable without it
        return frozenset()
    names = set()
    for c in pycountry.countries:
        names.add(c.name.lower())
        for attr in ("common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value.lower())
    names.update(
        {
            "russia",
            "iran",
            "syria",
            "south korea",
            "north korea",
            "moscow",
            "kyiv",
            "kiev",
            "washington",
            "beijing",
            "tehran",
            "pyongyang",
            "seoul",
            "jerusalem",
            "damascus",
            "ankara",
            "london",
            "paris",
            "berlin",
            "khartoum",
            "the kremlin",
            "us",
            "u.s.",
            "the united states",
            "united states",
            "britain",
            "uk",
            "the uk",
            "israel",
            "ukraine",
            "taiwan",
            "venezuela",
            "bolivia",
            "the us",
        }
    )
    return frozenset(names)


COUNTRY_NAMES = _country_names()
_DEMONYMS = frozenset(
    """
israeli israelis iraqi iraqis pakistani pakistanis yemeni yemenis somali somalis saudi saudis kuwaiti qatari
emirati omani bahraini afghan afghans thai thais nepali bangladeshi azerbaijani uzbek kazakh tajik kyrgyz
turkish turk turks french dutch swiss polish danish swedish finnish greek czech slovak croat croatian serb
serbian bosnian malian burkinabe nigerien chadian congolese sudanese ethiopian eritrean kenyan ugandan
rwandan burundian tanzanian mozambican libyan tunisian algerian moroccan egyptian lebanese syrian jordanian
palestinian palestinians iranian iranians russian ukrainian belarusian georgian armenian american british
german italian spanish chinese japanese korean indian myanmar burmese colombian venezuelan mexican haitian
western european nato
""".split()
)
