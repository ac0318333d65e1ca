"""Events: which sentences report an incident, its ACLED subtype, and one event per incident.

``sentence_signals(...)`` reads every sentence with the rules (extract/event_rules.py: the keyword
rules' subtype, forecast and background words; casualty figures, dates, claims, places).
``find_events(...)`` asks the learned model (extract/incident_model.py) which sentences report an
incident and of which subtype, makes one event of each, dates them, attaches places, actors,
casualties and claims, and groups the sentences that report the same incident (their ``incident``).

Dating: a date stated in the sentence (not a dateline, not the "said on Monday" of the report),
else "two days later" counted from the day named before, else the date named last in the paragraph,
else the day it was reported, else the publication date (lower confidence).
Merging: same subtype and overlapping places, casualty groups or paragraph with compatible dates; a
sentence that only counts victims ("A man was killed in Bilozerka") or tells more of the incident
just reported without a date of its own joins that incident.
A sentence naming a place of its own, in another region than the incident before it, starts a new
incident (unless it only counts victims).
Speed: the rules are gated (extract/event_rules.py). Nothing scans the whole article per sentence: claims, mentions, datelines and earlier incidents are found by
bisect or by index, so time grows linearly with the article's length.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from extract import incident_model
from extract.attribution import COUNTRY_NAMES
from extract.casualties import find_casualties
from extract.dates import (
    BY_PUBLICATION,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAYS,
    DateMention,
    datelines,
    find_dates,
    parse_published,
)
from extract.event_rules import (
    AIR,
    BACKGROUND,
    CASUALTY_SHIFT,
    FIGURE_WORDS,
    HYPOTHETICAL,
    LONG_PERIOD,
    MAY_HINT,
    UNFOUGHT,
    WAR_BEGAN,
    beginnings,
    bit,
    classify,
    classify_sentence,
    gate,
    long_period_of,
    on,
    shelling_words,
    strike_kind,
    territory_kind,
)
from extract.folding import fold
from extract.gazetteer import is_capital
from extract.model import SUBTYPE_TO_TYPE, Actor, Casualty, Claim, Entity, Event, PlaceRef, Span
from extract.numbers import find_quantities

__all__ = ["SentenceSignals", "classify", "find_events", "sentence_signals"]

_B_AIR, _B_BACKGROUND, _B_HYPOTHETICAL = bit(AIR), bit(BACKGROUND), bit(HYPOTHETICAL)
_B_LONG_PERIOD, _B_WAR_BEGAN = bit(LONG_PERIOD), bit(WAR_BEGAN)


# --- events ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    subtype: str
    sentence: Span
    paragraph: int
    date: DateMention | None
    explicit_date: bool
    places: list[PlaceRef]
    place_keys: set[str]
    actors: list[Actor]
    casualties: list[Casualty]
    who: set[str]
    sentences: list[Span] = field(default_factory=list)
    date_level: int = 0  # 2 stated for this incident, 1 inherited or the report's date, 0 none
    weak: bool = False  # only casualty words made it an incident, or it tells more of the one before
    own_place_keys: set[str] = field(default_factory=set)  # places named in its own sentence
    confidence: float = 0.5
    members: list[_Candidate] = field(default_factory=list)  # a group: the sentences' candidates
    amounts: set[tuple[int, str]] = field(default_factory=set)  # "3,000 troops", "$11 billion": see _amounts
    said_as: str | None = None  # its sentence's words, when long enough to tell it again: see _said_as
    joins: _Candidate | None = None  # a detail's incident, when not the last one told (see _detail_host)


# "KYIV, May 6 (Reuters) - ...": the date of the dispatch, not of the incident
_DATELINE = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—]\s|/)")
# "killed since Wednesday": the start of a period, not the day of an incident
_SINCE = re.compile(r"\b(?:[Ss]ince|[Ss]tarting|[Bb]eginning)\s+(?:on\s+|in\s+|the\s+)?\Z")
_SINCE_LEAD = re.compile(r"[Ss]ince\b")  # a date mention that opens with its "since"
_RELATIVE = re.compile(r",\s+(?:whose|which|who)\b")


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_WEEKDAY_WORD = re.compile(rf"(?:on\s+|last\s+|this\s+)?({'|'.join(WEEKDAYS)})\b")


def _named_again(text: str, d: DateMention, after: DateMention | None) -> bool:
    """Whether the day ``d`` names is named again by the date in brackets right after it, which falls
    on the same weekday ("on Sunday (Nov 17)"; a bracket naming another weekday's date is a slip of
    one of them, and the weekday is read)."""
    if after is None or after.precision != "day" or not _OPEN_BRACKET.fullmatch(text, d.end, after.start):
        return False
    weekday = _WEEKDAY_WORD.match(text[d.start : d.end].lower())
    if weekday is None:
        return False
    return datetime.date.fromisoformat(after.date).weekday() == WEEKDAYS[weekday.group(1)]


def _dating(text: str, sentence: Span, dates: list[DateMention], pub: datetime.date | None) -> list[DateMention]:
    """The dates of a sentence that may date its incident, after the model has read them all: not a
    period started in passing ("since May" in a relative clause) or a bound ("until 2028"), not a day
    a bracket then names again, a day of a month the sentence names ("May's deadliest day came on the
    26th") in that month, and a word dating by publication only when the sentence names no other day."""
    dates = [d for d in dates if not _period_start(text, sentence.start, d) and not _UNTIL.match(text, d.start, d.end)]
    if not dates and (numeric := _numeric_date(text, sentence)) is not None:
        dates = [numeric]
    if len(dates) > 1:
        # "Rawalpindi, 18 August 2025: On the night of 17 August 2025, ...": the statement's day yields
        dates = [d for d in dates if not _COLON_DATELINE.match(text, d.end)] or dates
    if (day := _day_in_named_month(text, sentence, dates, pub)) is not None:
        dates = sorted(
            [d for d in dates if d.precision != "month" and not (d.start < day.end and day.start < d.end)] + [day],
            key=lambda d: d.start,
        )
    if len(dates) > 1:
        # "on Sunday (Nov 17)": the date in brackets says which Sunday (when it is one)
        dates = [d for d, after in zip(dates, [*dates[1:], None]) if not _named_again(text, d, after)]
        # ("Last week, a Russian drone crossed into Romanian airspace during an overnight attack")
        named = [d for d in dates if text[d.start : d.end].lower() not in BY_PUBLICATION]
        if named:
            return named
    return dates


_UNTIL = re.compile(r"(?:until|till)\b", re.I)
_COLON_DATELINE = re.compile(r"\s*:")
# "14/03/2024 – Depayin Township: ...", "as of 08.00 on 03.06.2024": a day in figures, the day first as
# most of the world writes it, unless only the second figure can be a day ("03/14/2024")
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?![\d/.])")


def _numeric_date(text: str, sentence: Span) -> DateMention | None:
    """A day written in figures in a sentence with no other date (read after the model)."""
    m = _NUMERIC_DATE.search(text, sentence.start, sentence.end)
    if m is None:
        return None
    first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day, month = (second, first) if second > 12 >= first else (first, second)
    try:
        iso = datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
    return DateMention(m.start(), m.end(), iso, iso, "day", False)


_DAY_OF_MONTH = re.compile(r"\bon the ([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b")
_MONTH_NAME = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


def _timeline_dates(text: str, sig: SentenceSignals) -> list[DateMention]:
    """A date that opens its line before a dash ("22 June 2025 — Fighters seize the town"): a
    timeline's entry, of the day it tells (the signals, as the model learnt them, read it as a wire
    dateline's day, which is when the story was filed)."""
    event_dates = set(sig.event_dates)  # (a set: a sentence without stops can hold thousands of dates)
    return [
        d
        for d in sig.dates
        if d not in event_dates
        and _DATELINE.match(text, d.end)
        and not text[text.rfind("\n", 0, d.start) + 1 : d.start].strip()
    ]


def _day_in_named_month(
    text: str, sentence: Span, dates: list[DateMention], pub: datetime.date | None
) -> DateMention | None:
    """ "September was quieter, but on the 23rd a suicide bomber ...": the day in the month named before
    it in the sentence, of that month's year (its mention's, else the latest such month by
    publication)."""
    m = _DAY_OF_MONTH.search(text, sentence.start, sentence.end)
    if m is None:
        return None
    months = list(_MONTH_NAME.finditer(text, sentence.start, m.start()))
    if not months:
        return None
    named = months[-1]
    month = MONTHS[named.group(1).lower()]
    year = next((int(d.date[:4]) for d in dates if d.start <= named.start() < d.end), None)
    if year is None:
        if pub is None:
            return None
        year = pub.year if month <= pub.month else pub.year - 1
    try:
        day = datetime.date(year, month, int(m.group(1))).isoformat()
    except ValueError:  # the 31st of a shorter month
        return None
    return DateMention(m.start(), m.end(), day, day, "day", True)


def _period_start(text: str, start: int, d: DateMention) -> bool:
    """A date that starts a period told of in passing, in a relative clause: "The group blamed the RSF,
    whose fighters have encircled El Fasher since May" (not "He has been imprisoned since April 2022":
    the day he was taken)."""
    return bool(_SINCE_LEAD.match(text, d.start)) and _RELATIVE.search(text, start, d.start) is not None


# "one of the biggest marches this year", "the deadliest attack so far this month": a superlative's
# scope, not when anything in the sentence happened
_RECORD_SCOPE = re.compile(
    r"\b(?:most|biggest|largest|deadliest|worst|heaviest|bloodiest|fiercest|highest|greatest|first)\b[^.;:]{0,80}\Z",
    re.IGNORECASE,
)
# "regained two settlements, which were previously captured by Ukrainian forces in August": a clause
# that recalls an earlier deed, whose month or year is not when the sentence's own incident happened
_RECALLED = re.compile(
    r",\s+(?:which|that|who|where|when)\b[^,;:]{0,100}?\b(?:previously|earlier|had|first)\b[^,;:]{0,80}\Z"
)
_THIS_PERIOD = frozenset(("this year", "this month", "earlier this year", "earlier this month"))
_HEADLINE_END = frozenset('.!?…:"”’)]')  # a sentence ending with none of these may be a headline


@dataclass(slots=True)
class SentenceSignals:
    """What the rules read in one sentence: the learned model's features and the events' facts come
    from these (computed once per sentence)."""

    span: Span
    index: int  # the sentence's position in the article
    paragraph: int
    low: str  # the sentence lower-cased
    words: int  # its mask (rule gates and casualty hints)
    rule: str | None  # the keyword rules' subtype
    weak: bool  # only casualty words made the rules see an incident
    casualties: list[Casualty]  # figures told in it
    dates: list[DateMention]  # dates in it (not the start of a period: "since Monday")
    event_dates: list[DateMention]  # those that may date an incident (not a dateline, not when it was said)
    claims: list[Claim]  # claims whose cue lies in it
    report_zone: list[tuple[int, int]]
    content: list[tuple[int, int]]
    places: int  # places named in it
    sites: bool  # one of them a settlement, district or facility (not a country or region)
    headline: bool  # a line without a final stop, mostly capitalised
    question: bool
    hypothetical: bool  # forecast, plan, threat, condition
    background: bool  # "since the start", "ongoing", "strategy", ...
    long_period: bool  # a tally over a long period
    evaluative: bool  # the incident words only in a quotation that names nothing concrete
    rules_keep: bool  # the rules' own verdict: an incident sentence
    aggregate: bool  # a running tally ("tanks 8,989 (+11)") or a toll over a long period: never an incident


def sentence_signals(
    text: str, sentences: list[Span], entities: list[Entity], claims: list[Claim], published: str | None
) -> list[SentenceSignals]:
    """The rules' reading of every sentence, in order (the model's input; also used to train it)."""
    pub = parse_published(published)
    return _signals(text, sentences, _context(text, entities, claims, pub))


@dataclass(slots=True)
class _Context:
    pub: datetime.date | None
    paragraphs: list[int]
    lines: list[tuple[int, int]]
    mentions: list[tuple[int, int, Entity]]
    place_mentions: list[tuple[int, int, Entity]]
    place_starts: list[int]
    all_dates: list[DateMention]
    by_cue: list[Claim]
    cue_starts: list[int]
    sites: set[str]  # keys of the places that are settlements, districts or facilities (not areas or countries)


def _context(text: str, entities: list[Entity], claims: list[Claim], pub: datetime.date | None) -> _Context:
    lines = datelines(text)
    mentions = _entity_mentions(entities)
    if lines:
        mentions = [m for m in mentions if not _inside_any(lines, m[0])]
    place_mentions = [m for m in mentions if m[2].type == "place"]
    by_cue = sorted(claims, key=lambda c: c.cue.start)
    sites = {
        e.key
        for e in entities
        if e.type == "place" and e.attributes.get("kind") not in _AREA_KINDS and not _is_country_place(e)
    }
    return _Context(
        pub,
        _paragraph_starts(text),
        lines,
        mentions,
        place_mentions,
        [m[0] for m in place_mentions],
        find_dates(text, pub),
        by_cue,
        [c.cue.start for c in by_cue],
        sites,
    )


def _figures_of_event(text: str, sig: SentenceSignals) -> list[Casualty]:
    """The toll of a sentence the model kept though the rules looked for no figure in it (no incident
    word, no word for people): "Earlier figures put the toll at 18". (Read here, not among the
    signals: the model learnt from sentences whose figures were looked for as the signals do.)"""
    if "toll" not in sig.low or sig.rule is not None or on(FIGURE_WORDS, sig.low, sig.words):
        return []
    return find_casualties(text, sig.span.start, sig.span.end, sig.low, sig.words >> CASUALTY_SHIFT)


def _signals(text: str, sentences: list[Span], ctx: _Context) -> list[SentenceSignals]:
    out = []
    all_dates = ctx.all_dates
    next_date = 0
    for index, sentence in enumerate(sentences):
        s_text = sentence.text
        while next_date < len(all_dates) and all_dates[next_date].start < sentence.start:
            next_date += 1
        dates = []
        while next_date < len(all_dates) and all_dates[next_date].end <= sentence.end:
            dates.append(all_dates[next_date])
            next_date += 1
        said = _claims_in(ctx.by_cue, ctx.cue_starts, sentence)
        report_zone, content = _report_zone(sentence, said)
        if dates:
            # "killed since Wednesday", "for the third time since Monday": the start of a period, no day of it
            dates = [
                d
                for d in dates
                if not _SINCE.search(text, max(0, d.start - 20), d.start)
                and not (
                    text[d.start : d.end].lower() in _THIS_PERIOD
                    and _RECORD_SCOPE.search(text, max(sentence.start, d.start - 90), d.start)
                )
                and not (
                    d.precision in ("month", "year")
                    and _RECALLED.search(text, max(sentence.start, d.start - 200), d.start)
                )
            ]
        event_dates = (
            [
                d
                for d in dates
                if not _DATELINE.match(text, d.end)
                and not _inside_any(ctx.lines, d.start)
                and (not any(a <= d.start < b for a, b in report_zone) or any(a <= d.start < b for a, b in content))
            ]
            if dates
            else []
        )
        low = s_text.lower()
        words = beginnings(low)
        rule, weak = classify_sentence(s_text, low, words)
        # (figures are looked for where a rule saw an incident, or a casualty word: "7 soldiers lost their lives")
        casualties = (
            find_casualties(text, sentence.start, sentence.end, low, words >> CASUALTY_SHIFT)
            if words & MAY_HINT and (rule is not None or on(FIGURE_WORDS, low, words))
            else []
        )
        inside = _mentions_in(ctx.place_mentions, sentence.start, sentence.end)
        headline, question = _headline(s_text), s_text.rstrip().endswith("?")
        hypothetical = bool(words & _B_HYPOTHETICAL and HYPOTHETICAL.search(low))
        background = bool(words & _B_BACKGROUND and BACKGROUND.search(low))
        long_period = bool(words & _B_LONG_PERIOD and long_period_of(low))
        war_began = bool(words & _B_WAR_BEGAN and WAR_BEGAN.search(low))
        tally = low.count("(+") >= 2  # a running tally with the day's additions: "tanks ‒ 8,989 (+11)"
        out.append(
            SentenceSignals(  # (positional: faster than 23 keywords, in the fields' order)
                sentence,
                index,
                _paragraph_of(ctx.paragraphs, sentence.start),
                low,
                words,
                rule,
                weak,
                casualties,
                dates,
                event_dates,
                said,
                report_zone,
                content,
                len(inside),
                any(e.key in ctx.sites for _, _, e in inside),
                headline,
                question,
                hypothetical,
                background,
                long_period or war_began,
                rule is not None and not casualties and _evaluative_quote(text, sentence, ctx.mentions, event_dates),
                rule is not None
                and _rules_keep(
                    s_text,
                    bool(casualties),
                    event_dates,
                    headline,
                    question,
                    hypothetical,
                    background,
                    long_period,
                    war_began,
                    tally,
                ),
                tally or ((bool(casualties) or "losses" in low) and _aggregate(dates, long_period, war_began)),
            )
        )
    return out


def _aggregate(dates: list[DateMention], long_period: bool, war_began: bool) -> bool:
    """Figures counted over a long period with no day of their own ("more than 40,000 people have been
    killed in the war", "820 killed since the offensive began on Nov. 27"): an aggregate, which the
    labelling guide excludes (as it does running tallies)."""
    if war_began:
        return True
    return long_period and not any(d.precision in ("day", "days") for d in dates)


def find_events(
    text: str, sentences: list[Span], entities: list[Entity], claims: list[Claim], published: str | None
) -> list[Event]:
    """One event per sentence that reports an incident; sentences that report the same incident share
    its ``incident`` key, its date and its places.

    The learned model (extract/incident_model.py) decides which sentences report an incident and
    ranks their subtypes; the rules give each event its date, places, actors, casualties and claims.
    """
    pub = parse_published(published)
    ctx = _context(text, entities, claims, pub)
    signals = _signals(text, sentences, ctx)
    model = incident_model.load()
    article = incident_model.article_features(signals)
    paragraphs, mentions = ctx.paragraphs, ctx.mentions
    place_index = (ctx.place_mentions, ctx.place_starts)
    remote_kind = None  # the last strike whose weapon was named: air/drone or shelling/missile
    named_weapon: list[bool] = []  # whether the article names aircraft, drones or artillery (asked once, if at all)

    def ground_bombs() -> bool:
        """No aircraft, drone, missile or artillery named anywhere: its bombs were set off on the ground."""
        if not named_weapon:
            named_weapon.append(any(shelling_words(s.low) or _names_aircraft(s) for s in signals))
        return not named_weapon[0]

    dates_by_paragraph: dict[int, list[DateMention]] = {}
    candidates: list[_Candidate] = []
    # the first candidate of an incident dated in its sentence, not recalled (see below); candidates
    # are only appended, so the search resumes where it stopped instead of rereading them all
    first_dated: list[DateMention | None] = []
    searched = 0
    # the model's verdict on every sentence but the aggregates, and the subtypes of those it keeps
    scored: list[tuple[float, dict[int, float]] | None] = [None] * len(signals)
    word_lists = [incident_model.words(sig.low) for sig in signals]
    meanings = model.meanings(word_lists)
    context = model.context_scores(meanings)
    for i, sig in enumerate(signals):
        if _may_report(sig):
            toks = word_lists[i]
            others = incident_model.other_features(signals, i, toks, pub, article)
            scored[i] = model.incident(toks, others, context[i])
    top = len(text) - len(text.lstrip())  # where the text's first line starts
    kept = [
        i
        for i, s in enumerate(scored)
        if s is not None
        and s[0] >= model.threshold
        and not _tells_no_incident(signals[i])
        and not _section_title(text, signals[i].span, top)
    ]
    subtypes_at = dict(
        zip(kept, model.subtypes_of([scored[i][1] for i in kept], [signals[i].rule for i in kept], meanings[kept]))
    )
    for i, sig in enumerate(signals):
        sentence, para, s_text, low, words = sig.span, sig.paragraph, sig.span.text, sig.low, sig.words
        dates, said, content = sig.dates, sig.claims, sig.content
        # (the dates the model read, less those that date no incident and with a timeline's: _dating)
        event_dates = _dating(text, sentence, sig.event_dates + _timeline_dates(text, sig), pub)
        if sig.rule in _REMOTE_KINDS and shelling_words(low) or sig.rule == "Air/drone strike":
            remote_kind = sig.rule
        if sig.aggregate:
            dates_by_paragraph.setdefault(para, []).extend(event_dates)
            continue
        subtypes = subtypes_at.get(i)
        if subtypes is None:
            dates_by_paragraph.setdefault(para, []).extend(event_dates)
            continue
        p_incident = scored[i][0]
        subtype, p_subtype = _choose_subtype(sig, subtypes, remote_kind, ground_bombs)
        previous = candidates[-1] if candidates else None
        if subtype in _EXPLOSION_MISREAD | {_IED} and _SUICIDE_MEANS.search(low):
            # "Ssali detonated explosives strapped to his body": a suicide bombing, whoever tells it
            subtype, p_subtype = _SUICIDE, subtypes.of(_SUICIDE)
        if (
            subtype == _IED
            and previous is not None
            and previous.subtype == _SUICIDE
            and para - previous.paragraph <= 1
            and not _OTHER_DEVICE.search(low)
        ):
            # "The woman detonated her explosives near the market entrance", after "A female suicide
            # bomber blew herself up at a cattle market": the same bomb
            subtype, p_subtype = _SUICIDE, subtypes.of(_SUICIDE)
        detail = (
            previous is not None
            and para - previous.paragraph <= (3 if sig.weak else 1)
            and (not event_dates or _within(previous.date, _best_date(event_dates)))
            and (
                sig.weak
                or _TOOK_PLACE.match(low)
                or sig.rule is None
                or (
                    " the " in low
                    and _REFERS_BACK.search(low)
                    and not _has_place(ctx.place_starts, sentence.start, sentence.end)
                )
                or (p_subtype < 0.5 and _same_family(previous.subtype, subtype))
            )
        )
        joins = None
        if detail:
            # "14 officers were injured", "the attack was revenge for ...", "The strike happened near X":
            # more of an incident just told, of its subtype
            host = _detail_host(candidates, para, 3 if sig.weak else 1, subtypes, _counts_harm(sig))
            joins = host if host is not candidates[-1] else None
            # (a detail that shows more of a protest than its lead did keeps it: "Police detained three men")
            if _PROTEST_RANK.get(subtype, -1) <= _PROTEST_RANK.get(host.subtype, 9):
                subtype, p_subtype = host.subtype, max(p_subtype, subtypes.of(host.subtype))
        # the date: in the sentence, else the one just before in the paragraph, else when it was
        # reported (a "said on Sunday" in the sentence), else the publication date
        later = _later(s_text, low, words) if not event_dates else None
        if event_dates:
            date, level = _best_date(event_dates), 2
        elif (
            later
            and (told := _told_before(dates_by_paragraph, para)) is not None
            and (shifted := _shifted_or_none(told, later, sentence.start)) is not None
            and (pub is None or shifted.date <= pub.isoformat())  # ("came a day after" the day told: not later)
        ):
            # "two days later", "two months later": counted from the date named before in the paragraph,
            # or just before it (before the present tense below: a timeline tells its past in the present)
            date, level = shifted, 2
            dates_by_paragraph.setdefault(para, []).append(date)
        elif pub is not None and not dates and not detail and (ongoing := _ONGOING.search(low)):
            # "troops are now 19 miles from the city", "manoeuvres are under way": happening as reported
            day = pub.isoformat()
            date, level = (
                DateMention(sentence.start + ongoing.start(), sentence.start + ongoing.end(), day, day, "day", True),
                2,
            )
        elif dates_by_paragraph.get(para):
            date, level = dates_by_paragraph[para][-1], 1
        elif len(event_dates) < len(dates):
            dating = set(event_dates)
            date, level = _best_date([d for d in dates if d not in dating]), 1
        else:
            # no day near it: the day of the first dated incident the article tells (not one it recalls,
            # over RECALLED_DAYS before publication: "troops seized the parliament in 2014"), else publication
            while not first_dated and searched < len(candidates):
                told = candidates[searched]
                searched += 1
                if told.explicit_date and not _long_before(told.date, pub):
                    first_dated.append(told.date)
            date, level = (first_dated[0] if first_dated else None), 0
        inside = _mentions_in(mentions, sentence.start, sentence.end)  # read by both
        casualties = sig.casualties or _figures_of_event(text, sig)
        places = _places(text, sentence, mentions, paragraphs, para, content, place_index, inside)
        actors = _actors(text, sentence, mentions, content, inside, said)
        if subtype == "Government regains territory" and _foreign_force(s_text, places, entities):
            subtype = "Non-state actor overtakes territory"
        candidates.append(
            _Candidate(
                subtype=subtype,
                sentence=sentence,
                paragraph=para,
                date=date,
                explicit_date=level == 2,
                places=places,
                place_keys={p.entity_key for p in places if not p.entity_key.startswith("~")},
                actors=actors,
                casualties=casualties,
                who={c.who.lower() for c in casualties if c.who and " " in c.who},
                sentences=[sentence],
                date_level=level,
                weak=sig.weak or detail,
                own_place_keys={
                    p.entity_key
                    for p in places
                    if not p.entity_key.startswith("~") and sentence.start <= p.span.start < sentence.end
                },
                confidence=round(model.confidence(p_incident, p_subtype), 3),
                amounts=_amounts(text, sentence, low) if SUBTYPE_TO_TYPE.get(subtype) == _STRATEGIC else set(),
                said_as=_said_as(low),
                joins=joins,
            )
        )
        dates_by_paragraph.setdefault(para, []).extend(event_dates)
    _unfought(candidates)
    groups = _merge(candidates, entities, pub)
    _date_headline(groups, pub)
    claims_of = _claims_by_sentence(sentences, claims)
    events = []
    for g, group in enumerate(groups, 1):
        for c in group.members:
            events.append(_to_event(len(events) + 1, f"i{g}", c, group, claims, claims_of, pub))
    return events


def _date_headline(groups: list[_Candidate], pub: datetime.date | None) -> None:
    """An undated headline that tells its incident otherwise than its lead ("M23 rebels take South Kivu
    town as Congo accuses Rwanda of breaching peace deal", then "M23 rebels seized the town of Lemera on
    Tuesday") is of the lead's day: the first day told in the next two paragraphs, not publication."""
    if not groups or groups[0].paragraph != 0 or groups[0].date_level != 0:
        return
    headline = groups[0]
    if len(headline.members) != 1 or headline.sentence.text.rstrip()[-1:] in _HEADLINE_END:
        return  # (a headline has no final stop)
    dated = [g for g in groups[1:] if g.paragraph <= 2 and g.explicit_date and not _long_before(g.date, pub)]
    # (one of its own kind first: "Ethiopia declares state of emergency" is of the decree's day, not of
    # the town taken the day before)
    lead = next((g for g in dated if g.subtype == headline.subtype), dated[0] if dated else None)
    if lead is not None:
        headline.date, headline.date_level = lead.date, 1
        headline.members[0].date, headline.members[0].date_level = lead.date, 1


_NO_FIGHT = re.compile(UNFOUGHT)  # "No fighting reported.", "took the town without a fight"
_TAKEOVERS = frozenset(("Non-state actor overtakes territory", "Government regains territory"))
_TRANSFER = "Non-violent transfer of territory"


def _unfought(candidates: list[_Candidate]) -> None:
    """A takeover told to have come without fighting, in its sentence or in the next one, is a
    non-violent transfer of territory (ACLED: territory acquired without a violent interaction), and
    so is that sentence."""
    for k, c in enumerate(candidates):
        if not _NO_FIGHT.search(c.sentence.text.lower()):
            continue
        if c.subtype in _TAKEOVERS:
            c.subtype = _TRANSFER
        host = candidates[k - 1] if k else None
        if host is not None and host.subtype in _TAKEOVERS and c.paragraph - host.paragraph <= 1:
            host.subtype = c.subtype = _TRANSFER


def _detail_host(
    candidates: list[_Candidate], para: int, reach: int, subtypes: incident_model.Subtypes, harm: bool = False
) -> _Candidate:
    """The incident a detail sentence tells more of: the last one told, unless one of the few told
    just before it (within ``reach`` paragraphs) is of a subtype the model finds far likelier for the
    sentence ("There was an explosion", said a witness, after a paragraph on troops sent to the scene).
    ``harm``: the sentence counts people killed or hurt, which only violence does: after "The police
    arrived and cordoned off the scene", "Two of the 12 killed were police officers" tells more of the
    bombing before it."""
    host = candidates[-1]
    if harm and not _harms(host.subtype):
        for c in reversed(candidates[-DETAIL_LOOKBACK:-1]):
            if para - c.paragraph > reach:
                break
            if _harms(c.subtype):
                return c
    seen = {host.subtype}
    for c in reversed(candidates[-DETAIL_LOOKBACK:-1]):
        if para - c.paragraph > reach:
            break
        if c.subtype not in seen and subtypes.of(c.subtype) >= max(DETAIL_MARGIN * subtypes.of(host.subtype), 0.3):
            return c
        seen.add(c.subtype)
    return host


def _choose_subtype(
    sig: SentenceSignals,
    subtypes: incident_model.Subtypes,
    remote_kind: str | None,
    ground_bombs: Callable[[], bool] = lambda: False,
) -> tuple[str, float]:
    """The subtype of an incident sentence and its probability: the model's first, except that a bare
    "strike" with no weapon named takes the kind of strike told before it, and a bomb or explosion
    in an article that names no aircraft, drone, missile or artillery is a bomb set off on the ground
    (the Belfast bombings, the Oklahoma City blast), not an air strike, shelling, clash or attack."""
    subtype, p = subtypes.best()
    if subtype == _GRENADE and _GRENADE_CARRIED.search(sig.low) and not _GRENADE_USED.search(sig.low):
        # "gunmen armed with pistols and hand grenades seized an airliner": carried, not thrown
        subtype, p = next((name, q) for name, q in subtypes.ranked() if name != _GRENADE)
    if sig.rule in _NAMED_KINDS and subtype in _BROAD_KINDS and (sig.rule != _GRENADE or _GRENADE_USED.search(sig.low)):
        # "the first grenade attack in Mogadishu", "the army pulled out of the village without a fight":
        # the rules read a kind the sentence names, which the model, from a war of few such, reads as a
        # clash, a strike or an attack
        return sig.rule, subtypes.of(sig.rule)
    if (
        sig.rule == _CHEMICAL
        and subtype in _CHEMICAL_CARRIERS
        and _CHEMICAL_USED.search(sig.low)
        and not _CHEMICAL_SITES.search(sig.low)
    ):
        # "a drone dropped bombs releasing a toxic gas": the weapon is the gas, whatever carried it
        return _CHEMICAL, subtypes.of(_CHEMICAL)
    if (
        subtype in _EXPLOSION_MISREAD
        and _EXPLOSION.search(sig.low)
        and (_BOMB.search(sig.low) or _counts_harm(sig))  # not "residents heard explosions for hours"
        and not (subtype in _FIGHTS and _GUNFIRE.search(sig.low))
        and ground_bombs()
    ):
        return _IED, subtypes.of(_IED)
    if subtype in _TERRITORY_MISREAD:
        # "troops had recaptured the town of Ceel Lahelay", "rebels overrun police posts": a place changed
        # hands (the model, which learnt from a war of few such changes, reads a clash)
        if (taken := _TERRITORY_TAKEN.search(sig.span.text)) is not None:
            kind = territory_kind(sig.low, taken.start(), taken.group(1).lower().startswith(_RETAKEN))
            return kind, subtypes.of(kind)
    if subtype == "Armed clash" and _STRIKE.search(sig.low) and not _FIGHTING.search(sig.low):
        # "the military said it had carried out a 'precise strike' on Hamas fighters": a strike, not a
        # fight (the kind of strike told before it, else the one its forces make)
        kind = remote_kind or (sig.rule if sig.rule in _REMOTE_KINDS else strike_kind(sig.low))
        return kind, subtypes.of(kind)
    if subtype == _AIR_STRIKE and _MISSILE_STRIKE.search(sig.low) and not _names_aircraft(sig):
        # "a ballistic missile hit an industrial facility", "a Russian missile strike on the city centre":
        # missiles, shells and rockets with no aircraft or drone named
        return _SHELLING, subtypes.of(_SHELLING)
    if (
        subtype in _REMOTE_KINDS
        and remote_kind is not None
        and remote_kind != subtype
        and not shelling_words(sig.low)
        and not (sig.words & _B_AIR and AIR.search(sig.low))
    ):
        return remote_kind, subtypes.of(remote_kind)
    return subtype, p


def _headline(s_text: str) -> bool:
    """A line with no final stop, mostly capitalised words: a headline or a section title."""
    if "\n" in s_text or s_text.rstrip()[-1:] in _HEADLINE_END:
        return False
    tokens = s_text.split()
    return len(tokens) <= 14 and sum(1 for w in tokens if w[:1].isupper()) >= len(tokens) * 0.5


_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _harms(subtype: str) -> bool:
    """A subtype whose incidents kill and wound: fighting, explosions, violence against civilians
    (not a change of who holds a place)."""
    return SUBTYPE_TO_TYPE.get(subtype) in _VIOLENT_TYPES and subtype not in _TERRITORY


_HARM_KINDS = frozenset({"killed", "wounded", "killed_or_wounded"})
_HARM = re.compile(r"\b(?:killed|injured|wounded|dead|died|victims?)\b")


def _counts_harm(sig: SentenceSignals) -> bool:
    """Whether the sentence tells of people killed or hurt ("two of the 12 killed were police officers")."""
    return any(c.kind in _HARM_KINDS for c in sig.casualties) or bool(_HARM.search(sig.low))


_IED = "Remote explosive/landmine/IED"
_AIR_STRIKE = "Air/drone strike"
_SUICIDE = "Suicide bomb"
_SUICIDE_MEANS = re.compile(
    r"\bstrapped to (?:his|her|their) (?:body|bodies|chest|waist)|\b(?:explosive|suicide) (?:vest|belt)s?\b|"
    r"\bblew (?:himself|herself|themselves) up\b"
)
# a device other than the bomber's: a mine, a roadside or planted bomb, a car bomb
_OTHER_DEVICE = re.compile(
    r"\b(?:mines?|landmines?|roadside|ieds?|improvised|car bomb|motorcycle bomb|parcel|booby|planted|remote|"
    r"second (?:blast|explosion|device))\b"
)
# a strike told by its missiles, rockets or shells
_MISSILE_STRIKE = re.compile(
    r"\b(?:(?:ballistic |cruise )?missiles?|rockets?|artillery|mortars?|shells?) (?:strikes?|attacks?|hit|hits|struck|"
    r"slammed|landed|fire|barrages?)\b|\bshell(?:ed|ing)\b|\bballistic missiles?\b"
)
_SHELLING = "Shelling/artillery/missile attack"
_CHEMICAL = "Chemical weapon"
# a chemical used, not a chemical weapons site struck ("warplanes struck chemical weapons sites")
_CHEMICAL_USED = re.compile(
    r"\btoxic (?:gas|substances?)|poison(?:ous)? gas|\bchlorine\b|\bsarin\b|mustard gas|nerve agent|chloropicrin|"
    r"chemical (?:attacks?|munitions?|agents?)"
)
_CHEMICAL_SITES = re.compile(r"\b(?:sites?|facilit\w+|stockpiles?|depots?|plants?|factor\w+|programmes?|programs?)\b")
_CHEMICAL_CARRIERS = frozenset(
    {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack", "Remote explosive/landmine/IED"}
)
_FIGHTS = frozenset({"Armed clash", "Attack"})
_TERRITORY_MISREAD = frozenset({"Armed clash", "Change to group/activity"})
_NAMED_KINDS = frozenset({"Grenade", "Non-violent transfer of territory", "Suicide bomb"})
_GRENADE = "Grenade"
_GRENADE_CARRIED = re.compile(r"\b(?:armed with|carrying|brandishing|with) [\w ,]{0,40}?grenades?\b")
# a grenade used, not carried ("gunmen armed with pistols and hand grenades seized an airliner")
_GRENADE_USED = re.compile(
    r"\bgrenade (?:attacks?|blasts?|explosions?|exploded|explodes|went off|hit|struck|killed|wounded|injured)\b|"
    r"\b(?:threw|throws|throwing|thrown|hurled|hurling|lobbed|lobbing|tossed|tossing|detonated|exploded|pulled the pin)\b"
)
_BROAD_KINDS = frozenset(
    {"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Change to group/activity"}
)
_STRIKE = re.compile(r"\b(?:air ?strikes?|airstrikes?|strikes?|struck)\b")
_FIGHTING = re.compile(
    r"\b(?:fight(?:s|ing)?|fought|clash\w*|battl\w*|gunfight|firefight|gun ?battle|assault\w*|offensive|"
    r"counter-?offensive|ambush\w*|shootout|fired|exchang\w* (?:of )?fire|trad\w* fire|storm\w*|repel\w*|advanc\w*|"
    r"raid\w*|captur\w*|seiz\w*|infantry|positions)\b"
)
_RETAKEN = ("liberated", "retook", "recaptured", "regained")
# a place taken: "overran police posts", "retook nearby Sloviansk", "liberated the community of
# Alexandrovka", "claimed the capture of Dalne" (a place named, or a settlement's noun)
_TERRITORY_TAKEN = re.compile(
    # (done, not meant: "wanted to capture", "an effort to recapture")
    r"(?<!\bto )\b(overr(?:an|uns?)|liberated|retook|recaptured|regained|captured|seized|(?:took|taken|gained) "
    r"(?:full )?control (?:of|over)|took|takes?|the capture of)\s+(?![\w-]+ by surprise)"
    r"(?:(?:the|a|nearby|two|three|several|of|strategic|key|border|frontline|front-line)\s+){0,3}"
    r"(?:(?:[a-z-]+\s+){0,2}(?:town|village|city|community|settlement|posts?|bases?|district|neighbou?rhood|"
    r"hamlet|outposts?|garrison)s?\b|[A-Z])"
)
# ("a bus terminal bombing", not the aircraft's "protect the hospital from bombing", "aerial bombing")
_A_BOMBING = r"(?<!from )(?<!aerial )(?<!air )(?<!carpet )(?<!heavy )(?<!intense )bombings?"
_EXPLOSION = re.compile(rf"\b(?:bombs?|{_A_BOMBING}|bombers?|explosions?|exploded|explodes?|blasts?|detonat\w*)\b")
_BOMB = re.compile(rf"\b(?:bombs?|{_A_BOMBING}|bombers?|devices?|explosives|detonat\w*)\b")
# what makes "bombs and guns" a fight: shots fired
_GUNFIRE = re.compile(r"\b(?:gun\w*|shot|shoot\w*|fired|firing|gunfire|rifles?|clash\w*|fighting|stormed|ambush\w*)\b")
_BOMBING = frozenset({"bombed", "bombing", "bombings"})


def _names_aircraft(sig: SentenceSignals) -> bool:
    """The rules' air words in the sentence, but "bombing" and "bombed", which bombs set off on the
    ground share."""
    return bool(sig.words & _B_AIR) and any(m.group(0) not in _BOMBING for m in AIR.finditer(sig.low))


DETAIL_LOOKBACK = 4  # incidents a detail sentence may tell more of: the last ones told
DETAIL_MARGIN = 3.0  # how much likelier an earlier one's subtype must be, for the sentence, than the last one's
_REMOTE_KINDS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_EXPLOSION_MISREAD = _REMOTE_KINDS | _FIGHTS  # what the war in Ukraine makes of a bomb set off on the ground
# an incident named as one told already: "the attack was revenge for ...", "the massacre"
_REFERS_BACK = re.compile(
    r"\bthe (?:attack|attacks|massacre|strike|strikes|raid|assault|bombing|shelling|killings?|"
    r"ambush|incident|rampage)\b(?! (?:on|in|at|near) )"
)
# a sentence that tells what is happening as it is reported (present progressive, "now", "under way"),
# not what happened on a day told before it (when the sentence names no day of its own)
_ONGOING = re.compile(
    r"\b(?:(?:is|are) (?:now |still |currently )?(?!being\b|going to\b|expected\b|set\b|due\b)[a-z]+ing\b|"
    r"(?:is|are) (?:now |still |currently )?(?:under ?way|ongoing|in progress)\b|(?:is|are) now\b|continues? to\b)"
)
# where the incident told just before took place: "The strike happened near the town of Debre Markos"
_TOOK_PLACE = re.compile(
    r"^the (?:attack|massacre|strike|raid|assault|bombing|shelling|ambush|incident|explosion|"
    r"blast) (?:happened|occurred|took place|was carried out|hit|struck)\b"
)


# the words of a line that only dates something: "April 14, 2024 at 10:10 am", "Date: Thursday, 19 September 2024"
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday am pm a m p "
    "at on of the updated published posted date by gmt utc ist edt est bst cet eet st nd rd th".split()
)
_LETTERS = re.compile(r"[^\W\d_]+")
# "By Audrey Courty, ABC News", "By Haley Britzky and Jennifer Hansler, CNN": capitalised words alone
_BYLINE = re.compile(r"\s*By\s+[A-Z][\w'’.-]*(?:(?:\s+|\s*[,&]\s*|\s+and\s+)[A-Z][\w'’.-]*){0,8}\s*$")


# "(Avshalom Sassoni/Flash90)", "( Reuters: Dinuka Liyanawatte )": a credit, wholly in brackets
_CREDIT = re.compile(r"\s*\([^()]{1,80}\)\s*$")


def says_nothing(s_text: str) -> bool:
    """A line of dates, times and marks alone ("April 14, 2024 at 10:10 am", "-"), a byline or a credit
    in brackets: page furniture, which reports no incident whatever the sentences around it tell (none
    of the labelled sentences with no other word is one)."""
    if len(s_text) > 120:
        return False
    words = _LETTERS.findall(s_text)
    return (
        _BYLINE.match(s_text) is not None
        or all(w.lower() in _DATE_WORDS for w in words)
        or (len(words) <= 6 and _CREDIT.match(s_text) is not None)
    )


def names_alone(s_text: str) -> bool:
    """One or two capitalised words alone on a line ("Abdi Guled", "Haiti": one of a list of victims, a
    section's label; of the 287 such real sentences labelled, none is an incident). Read only where no
    rule saw an incident ("Kharkiv Shelled" is a headline)."""
    if len(s_text) > 60:
        return False  # (asked of every sentence no rule reads: a long one is no name alone)
    words = _LETTERS.findall(s_text)
    return 0 < len(words) <= 2 and all(w[0].isupper() for w in words) and not any(c in s_text for c in "!?")


# "the ICC issued an arrest warrant for ...": a warrant is no arrest (the labelling guide), unless the
# sentence tells of people actually held
_WARRANT = re.compile(r"\bwarrants?\b(?! officers?\b)")  # (a "warrant officer" is a rank)
_HELD = re.compile(r"\b(?:arrested|arresting|detained|detaining|apprehended|taken into custody|captured|extradited)\b")


def warrant_only(low: str) -> bool:
    """A sentence (lower-cased) that tells of an arrest warrant and of no one held."""
    return "warrant" in low and _WARRANT.search(low) is not None and _HELD.search(low) is None


def _may_report(sig: SentenceSignals) -> bool:
    """Whether the model is asked about the sentence at all: not a tally (``aggregate``, a feature the
    model also reads), not furniture, not a warrant with no one held and no figure."""
    return (
        not sig.aggregate
        and not says_nothing(sig.span.text)
        and not (sig.rule is None and names_alone(sig.span.text))
        and (bool(sig.casualties) or not warrant_only(sig.low))
    )


# "If Russian forces were to cut the highway, ...": a condition, whatever follows it
_CONDITIONAL_OPENING = re.compile(r"[\W_]*(?:if|unless)\s")
# "militants carried out 227 attacks in the province last year": incidents counted over a long period
_COUNTED_INCIDENTS = re.compile(
    r"\b\d[\d,]*\s+(?:[a-z-]+\s+)?(?:attacks|incidents|raids|explosions|clashes|ambushes|bombings|shootings)\b"
)
_YEARS = re.compile(
    r"\b(?:last|past|this|previous) year\b|\b(?:in|since) (?:19|20)\d\d\b|"
    r"\b(?:over|in|during) the (?:past|last) (?:\w+ )?(?:years?|months|decade)\b"
)


# what happens all the time, not once: "Russian invaders shell and bomb Ukrainian cities, towns, and
# villages", "Our soldiers and civilians are being killed and wounded"
_GENERIC_PLACES = re.compile(
    r"\b(?:cities|towns|villages|settlements),? (?:towns,? )?(?:and|or) (?:villages|towns|cities|settlements)\b"
)
# a court's business told without violence or anyone held: "Matanov was brought into court on Wednesday
# handcuffed", "Elliott testified that on April 15, McVeigh came to the body shop"
_COURT = re.compile(
    r"\b(?:testif\w+|pleaded|pleads|convicted|acquitted|sentenced|jury|jurors|prosecutors?|attorneys?|magistrate|"
    r"judge|indicted|indictment|trial|(?:in|into) court|courtroom|charged with|counts? of|verdict)\b"
)
_VIOLENCE_OR_HELD = re.compile(
    r"\b(?:kill\w*|shot|shoot\w*|fired|gun\w*|rifles?|weapons?|bomb\w*|explo\w*|attack\w*|stab\w*|murder\w*|"
    r"homicide|dead|died|deaths?|wound\w*|injur\w*|detonat\w*|blast\w*|shell\w*|massacre\w*|executed|rap(?:e|ed|ing)|"
    r"assault\w*|beat\w*|abduct\w*|kidnap\w*|hostages?|disappear\w*|raid\w*|stormed|ambush\w*|tear gas|dispers\w*|"
    r"clash\w*|riot\w*|loot\w*|burn\w*|torch\w*|protest\w*|sit-in|march\w*|rall\w*|detain\w*|detention|"
    r"arrest\w*|custody|remand\w*|jailed|imprison\w*|held|handed)\b"
)
_BEING_HARMED = re.compile(r"\b(?:are|is) being (?:killed|destroyed|shelled|bombed|attacked|wounded|tortured)\b")
# a reaction to an incident told before: "condemned the attack", "did not comment on the shelling",
# "had opened an investigation", "are seeking witnesses"
_REACTION = re.compile(
    r"\b(?:condemn(?:s|ed|ing)?|denounc(?:es|ed|ing)|deplor(?:es|ed|ing)|did not (?:immediately )?(?:comment|confirm)|"
    r"declined to comment|(?:open(?:ed|s)?|launch(?:ed|es)?|order(?:ed|s)?) an? (?:investigation|inquiry|probe)|"
    r"investigating|(?:investigation|inquiry|probe) into|seeking witnesses)\b"
)
_DASHED_ASIDE = re.compile(r"\s[–—-]+\s")
_REACTION_CLAUSE = re.compile(r"(?<!said )(?<!announced )(?<!added )\b(?:that|which)\b[^,;]{0,40}\Z")
_CLAUSE_BREAK = re.compile(r";|,? but\b|\band (?:ordered|imposed|declared|deployed|sent)\b")
# habits and years: "Militants in Afghanistan have been using home-made IEDs", "a spate of attacks in
# recent years"
_HABITUAL = re.compile(r"\b(?:ha(?:ve|s) been|are|is) using\b|\bin recent years\b|\bover the years\b")


# a document's own heading: "SUDAN – North Darfur: Flash Update No. 4 (12 June 2024)", "Security Alert –
# U.S. Embassy Dhaka, Bangladesh (25 January 2024).", "Incident log – Sagaing Region, Myanmar"
_DOCUMENT_HEADING = re.compile(
    r"\b(?:flash update|press release|incident log|security (?:alert|log|brief|update)|daily (?:security )?brief|"
    r"live map|situation report|sitrep|bulletin|update no\b|weekly (?:brief|update|round-?up))"
)


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def _tells_no_incident(sig: SentenceSignals) -> bool:
    """What the model may keep but no labelled sentence of the kind is an incident (88 sentences of the
    labelled news open with a condition, none is): a document's heading; a condition; incidents counted
    over a year; with no day of its own, harm done to places named only as "cities, towns and
    villages", or told as going on ("are being killed"), or a habit ("have been using", "in recent
    years"); a court's business with no violence and no one held (41 labelled sentences of the train
    split and the WikiEvents documents, one an incident, marked unsure)."""
    low = sig.low
    if _DOCUMENT_HEADING.search(low) and len(_LOWER_WORD.findall(sig.span.text)) <= 3:
        return True  # (a heading: few words in lower case; not "A flash update from OCHA said ...")
    if sig.headline:
        return False
    if _CONDITIONAL_OPENING.match(low):
        return True
    if not sig.event_dates and (_GENERIC_PLACES.search(low) or _BEING_HARMED.search(low) or _HABITUAL.search(low)):
        return True
    if _COURT.search(low) and not sig.casualties and not _VIOLENCE_OR_HELD.search(low):
        return True
    if sig.index and not sig.casualties and _only_reacts(sig.span.text, low):
        return True
    return bool(_COUNTED_INCIDENTS.search(low) and _YEARS.search(low))


def _only_reacts(s_text: str, low: str) -> bool:
    """Whether all a sentence tells is a reaction to an incident ("The army said it had opened an
    investigation", "The Syrian government did not comment on the shelling in Idlib", "X condemned the
    attack, saying ..."): the rules see no incident in the rest of it ("did not comment on the strike,
    but said its forces had hit ...", "detained 52 people ... as part of an investigation into ...",
    "marched ... to condemn the bombing", "took over Crimea in 2014 — a maneuver that has been condemned",
    "referendums held last week that Kyiv and the West denounced as a sham"). Not asked of a text's first
    sentence ("Humanitarian Coordinator condemns deadly attack on aid convoy in Jonglei": its title)."""
    match = _REACTION.search(low)
    if match is None or _DASHED_ASIDE.search(low, 0, match.start()) or _REACTION_CLAUSE.search(low, 0, match.start()):
        return False
    end = _CLAUSE_BREAK.search(low, match.end())
    cut = (match.start(), end.start() if end else len(low))
    rest_low = low[: cut[0]] + " " * (cut[1] - cut[0]) + low[cut[1] :]
    rest = s_text[: cut[0]] + " " * (cut[1] - cut[0]) + s_text[cut[1] :]
    return classify_sentence(rest, rest_low)[0] is None


def _section_title(text: str, span: Span, top: int) -> bool:
    """A short line of its own below the text's first, with no final stop and no verb in the past:
    a document's section title ("Arrests and trial", "Attack on Ain al-Asad", "Major attacks", "15 and
    16 October"). None of the 390 such lines of the labelled texts is an incident that an event was
    made of (the eight that are incidents head an oblast digest's paragraphs with a place name).
    ``top``: where the text's first character that is not blank is (its title line starts there)."""
    s_text = span.text.rstrip()
    if s_text[-1:] in _HEADLINE_END or len(s_text.split()) > _TITLE_WORDS:
        return False
    before = span.start  # (scanned, not sliced: a long text's kept sentences stay linear)
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = span.end
    while after < len(text) and text[after] in " \t":
        after += 1
    own_line = before > top and text[before - 1] == "\n" and (after == len(text) or text[after] == "\n")
    return own_line and not _PAST_VERB.search(s_text)


_TITLE_WORDS = 5
_PAST_VERB = re.compile(r"\b[A-Za-z]{2,}ed\b")


def _has_place(place_starts: list[int], start: int, end: int) -> bool:
    """Whether a place is named in [start, end) (place mention starts, sorted)."""
    i = bisect.bisect_left(place_starts, start)
    return i < len(place_starts) and place_starts[i] < end


def _inside_any(spans: list[tuple[int, int]], pos: int) -> bool:
    """True when pos lies in one of the sorted, non-overlapping spans (bisect: linear on long texts)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _claims_by_sentence(sentences: list[Span], claims: list[Claim]) -> dict[int, set[int]]:
    """For each sentence start, the indices (in ``claims``) of the claims whose cue lies in the sentence
    or whose content overlaps it: found by bisect, so linking stays linear on long texts."""
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    out: dict[int, set[int]] = {}
    for index, claim in enumerate(claims):
        i = bisect.bisect_right(starts, claim.cue.start) - 1
        if i >= 0 and claim.cue.start < ends[i]:
            out.setdefault(starts[i], set()).add(index)
        first = bisect.bisect_right(ends, claim.content.start)  # first sentence ending after the content starts
        last = bisect.bisect_left(starts, claim.content.end)  # first sentence starting at or after its end
        for j in range(first, last):
            out.setdefault(starts[j], set()).add(index)
    return out


_NATIONS = {
    "russian": "RU",
    "russia": "RU",
    "ukrainian": "UA",
    "ukraine": "UA",
    "israeli": "IL",
    "israel": "IL",
    "sudanese": "SD",
    "syrian": "SY",
    "turkish": "TR",
    "malian": "ML",
    "burkinabe": "BF",
    "nigerien": "NE",
    "somali": "SO",
    "ethiopian": "ET",
    "congolese": "CD",
    "rwandan": "RW",
    "iraqi": "IQ",
    "iranian": "IR",
    "lebanese": "LB",
    "yemeni": "YE",
    "saudi": "SA",
    "afghan": "AF",
    "pakistani": "PK",
    "indian": "IN",
    "azerbaijani": "AZ",
    "armenian": "AM",
    "colombian": "CO",
    "venezuelan": "VE",
    "myanmar": "MM",
    "chinese": "CN",
    "american": "US",
    "eritrean": "ER",
    "chadian": "TD",
    "libyan": "LY",
}
_NATION_RE = re.compile(r"\b(" + "|".join(_NATIONS) + r")(?:'s|’s)?\b", re.IGNORECASE)


def _foreign_force(sentence: str, places: list[PlaceRef], entities: list[Entity]) -> bool:
    """True when the force that "retook" or "liberated" a place is of another country than the place:
    ACLED codes a foreign state's gains as "Non-state actor overtakes territory"."""
    m = _NATION_RE.search(sentence)
    if m is None:
        return False
    force = _NATIONS[m.group(1).lower()]
    by_key = {e.key: e for e in entities}
    countries = {
        by_key[p.entity_key].country
        for p in places
        if p.entity_key in by_key and by_key[p.entity_key].country and p.span.start > m.end()
    }
    return bool(countries) and force not in countries


def _rules_keep(
    s_text: str,
    has_figure: bool,
    dates: list[DateMention],
    headline: bool,
    question: bool,
    hypothetical: bool,
    background: bool,
    long_period: bool,
    war_began: bool,
    tally: bool,
) -> bool:
    """The rules' verdict on a sentence they gave a subtype: not a headline, question, forecast, opinion,
    background or tally (the flags: as read by ``_signals``)."""
    if len(s_text) < 15 or headline or question or war_began or tally:
        return False
    if (
        not has_figure
        and (hypothetical or background)
        and not any(d.precision in ("day", "days", "week") for d in dates)
    ):
        return False
    return not (long_period and not any(d.precision in ("day", "days") for d in dates))


_QUOTED = re.compile(r"[“\"«][^“”\"«»\n]*(?:[”\"»]|\Z)")
_HIT_VERBS = re.compile(
    r"\b(?:struck|hit|hits|shelled|bombed|fired|launched|exploded|destroyed|damaged|attacked|"
    r"killed|killing|wounded|wounding|injured|injuring|shot down|downed|intercepted|captured|"
    r"seized|arrested|detained|abducted|kidnapped)\b"
)


def _evaluative_quote(
    text: str, sentence: Span, mentions: list[tuple[int, int, Entity]], dates: list[DateMention]
) -> bool:
    """True when the words that make the sentence an incident are all inside a quotation that names no
    concrete incident: no place, no day, no weapon hitting anything ("'Like most previous strikes, this
    one was vile,' X wrote" is an opinion, not an event)."""
    s_text = sentence.text
    if "“" not in s_text and '"' not in s_text and "«" not in s_text:
        return False
    quotes = list(_QUOTED.finditer(s_text))
    if not quotes or sum(q.end() - q.start() for q in quotes) < 20:
        return False
    outside = list(s_text)
    for q in quotes:
        outside[q.start() : q.end()] = " " * (q.end() - q.start())
    if classify_sentence("".join(outside))[0] is not None:
        return False  # the narrative around the quotation reports the incident
    if any(d.precision in ("day", "days") for d in dates):
        return False
    if any(e.type == "place" for _, _, e in _mentions_in(mentions, sentence.start, sentence.end)):
        return False
    return not any(_HIT_VERBS.search(q.group(0).lower()) for q in quotes)


LATER = re.compile(
    r"\b(?:(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (?P<unit>days?|weeks?|months?|years?) "
    r"(?P<dir>later|earlier|"
    r"before|after(?:wards)?)|the (?P<next>next|following|previous) day|the day (?P<dayafter>after|before))\b",
    re.IGNORECASE,
)
_B_LATER = gate(LATER)
_LATER_LOW = re.compile(LATER.pattern)  # the same, for the lower-cased sentence (no IGNORECASE: faster)


def _later(original: str, low: str, words: int) -> re.Match[str] | None:
    """ "two days later", "the next day" in the sentence's first clause (``low``: it lower-cased;
    ``words``: its mask): in "63 people were killed; ISKP claimed responsibility the next day" the
    day after is the claim's, not the incident's."""
    if not _B_LATER & words:
        return None
    m = _LATER_LOW.search(low) if len(low) == len(original) else LATER.search(original)  # same offsets: lower-cased
    if m is not None and ";" in original[: m.start()]:
        return None
    return m


def _told_before(dates_by_paragraph: dict[int, list[DateMention]], para: int) -> DateMention | None:
    """The date named last before a sentence of paragraph ``para``: in it, else in one of the two
    paragraphs before ("Prigozhin's uprising in June ..." then, past a photo's caption, "killed two
    months later")."""
    for p in (para, para - 1, para - 2):
        if dates_by_paragraph.get(p):
            return dates_by_paragraph[p][-1]
    return None


def _shifted_or_none(anchor: DateMention, m: re.Match[str], at: int) -> DateMention | None:
    """``_shifted``, or None when the step leaves the calendar ("3000 years earlier", "999999999 days
    later" in a hostile text) or lands more than a century from its anchor."""
    try:
        shifted = _shifted(anchor, m, at)
    except (ValueError, OverflowError):
        return None
    if shifted is None or abs(int(shifted.date[:4]) - int(anchor.date[:4])) > _MAX_SHIFT_YEARS:
        return None
    return shifted


_MAX_SHIFT_YEARS = 100


def _shifted(anchor: DateMention, m: re.Match[str], at: int) -> DateMention | None:
    """The date ``m`` ("two days later", "the next day", "two months later") counts from the anchor:
    days and weeks from a day, months and years from a day or a month (to a month; a year from a
    year); None when the anchor is too vague for the step."""
    unit = (m.group("unit") or "day").lower()
    if m.group("n"):  # "two days later", "a month earlier"
        n = int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS[m.group("n").lower()]
        sign = -1 if m.group("dir").lower() in ("earlier", "before") else 1
    else:  # "the next day", "the day before"
        n = 1
        sign = -1 if (m.group("next") or m.group("dayafter") or "").lower() in ("previous", "before") else 1
    if unit.startswith(("month", "year")):
        if anchor.precision not in ("day", "month") and not (unit.startswith("year") and anchor.precision == "year"):
            return None
        first = datetime.date.fromisoformat(anchor.date)
        index = first.year * 12 + first.month - 1 + sign * n * (12 if unit.startswith("year") else 1)
        year, month = divmod(index, 12)
        if anchor.precision == "year":
            return DateMention(at + m.start(), at + m.end(), f"{year}-01-01", f"{year}-12-31", "year", True)
        start = datetime.date(year, month + 1, 1)
        end = start.replace(day=calendar.monthrange(year, month + 1)[1])
        return DateMention(at + m.start(), at + m.end(), start.isoformat(), end.isoformat(), "month", True)
    if anchor.precision != "day":
        return None
    days = n * (7 if unit.startswith("week") else 1)
    day = (datetime.date.fromisoformat(anchor.date) + datetime.timedelta(days=sign * days)).isoformat()
    return DateMention(at + m.start(), at + m.end(), day, day, "day", True)


def _best_date(dates: list[DateMention]) -> DateMention:
    rank = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4}
    return min(dates, key=lambda d: rank[d.precision])


def _claims_in(by_cue: list[Claim], cue_starts: list[int], sentence: Span) -> list[Claim]:
    """Claims whose cue lies in the sentence (claims sorted by cue start)."""
    i = bisect.bisect_left(cue_starts, sentence.start)
    j = bisect.bisect_left(cue_starts, sentence.end)
    return by_cue[i:j]


def _report_zone(sentence: Span, claims: list[Claim]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Parts of a sentence that say when something was reported, not when it happened, and the
    claims' contents (a date inside some claim's content is the incident's)."""
    zones = []
    contents = []
    for claim in claims:
        if sentence.start <= claim.cue.start < sentence.end:
            contents.append((claim.content.start, claim.content.end))
            c = claim.content
            if c.start > claim.cue.start:
                zones.append((sentence.start, c.start))  # "On Monday, X confirmed that ..."
            else:
                zones.append((c.end, sentence.end))  # "..., X said on Monday."
    return zones, contents


_NEWLINES = re.compile(r"\n\s*")


def _paragraph_starts(text: str) -> list[int]:
    """Where paragraphs start: each line of six words or more is one; shorter lines (list items,
    headings, "The following villages came under fire:") belong to the paragraph before them."""
    starts = [0]
    for m in _NEWLINES.finditer(text):
        line_end = text.find("\n", m.end())
        line = text[m.end() : line_end if line_end >= 0 else len(text)]
        if len(line.split(None, 5)) >= 6 and not line.rstrip().endswith(":"):  # six words or more
            starts.append(m.end())
    return starts


def _paragraph_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _entity_mentions(entities: list[Entity]) -> list[tuple[int, int, Entity]]:
    out = [(m.start, m.end, e) for e in entities for m in e.mentions]
    out.sort(key=itemgetter(0, 1))  # by start, then end (stable: entity order among equals)
    return out


def _mentions_in(mentions: list[tuple[int, int, Entity]], start: int, end: int) -> list[tuple[int, int, Entity]]:
    """Mentions that lie inside [start, end) (mentions sorted by start)."""
    i = bisect.bisect_left(mentions, (start,))  # (start,) sorts before every (start, end, entity)
    j = bisect.bisect_left(mentions, (end,), i)  # the first mention starting at or after end
    return [m for m in mentions[i:j] if m[1] <= end]


def _places(
    text: str,
    sentence: Span,
    mentions: list[tuple[int, int, Entity]],
    paragraphs: list[int],
    para: int,
    contents: list[tuple[int, int]] = (),
    place_index: tuple[list[tuple[int, int, Entity]], list[int]] | None = None,
    inside: list[tuple[int, int, Entity]] | None = None,
) -> list[PlaceRef]:
    """Places named in the sentence (not in its claimant: "the Britain-based Observatory said"), else
    the nearest one named before it in the paragraph."""
    places = [
        PlaceRef(e.key, e.name, Span.of(text, s, t))
        for s, t, e in (_mentions_in(mentions, sentence.start, sentence.end) if inside is None else inside)
        if e.type == "place"
        and (not contents or any(a <= s < b for a, b in contents))
        and not (
            text.find("from", max(sentence.start, s - 60), s) >= 0
            and _LAUNCHED_FROM.search(text, max(sentence.start, s - 60), s)
        )
        and not (
            text.find(" in ", max(sentence.start, s - 20), s) >= 0
            and _MADE_IN.search(text, max(sentence.start, s - 20), s)
        )
        and not _COMPOUND_AFTER.match(text, t)
        and not (_GOVERNMENT_AFTER.match(text, t) and is_capital(e.name, e.country))
        and not (_is_country_place(e) and _country_acts(text, s, t, sentence.start))
    ]
    if places:
        return _dedupe_places(places)
    # no place in the sentence: the nearest one named before it in the same paragraph
    para_start = paragraphs[para]
    if place_index is None:
        place_mentions = [m for m in mentions if m[2].type == "place"]
        place_index = (place_mentions, [m[0] for m in place_mentions])
    place_mentions, place_starts = place_index
    # walk back from the sentence start (not forward from the paragraph start: linear on long paragraphs)
    i = bisect.bisect_left(place_starts, sentence.start) - 1
    while i >= 0 and place_mentions[i][0] >= para_start:
        s, t, e = place_mentions[i]
        if t <= sentence.start:
            return [PlaceRef(e.key, e.name, Span.of(text, s, t))]
        i -= 1
    return []


# where a weapon was fired or launched from is not where the incident happened
_LAUNCHED_FROM = re.compile(
    r"\b(?:fired|launched|launching|firing|took off|shot)\b[^.;:]{0,40}?\bfrom (?:the )?"
    r"(?:(?:occupied|annexed|Russian|Russian-occupied|neighbouring|neighboring) )?\Z"
)


# nor a place that only qualifies a name: "the Britain-based Observatory", "Iran-backed Houthis"
_COMPOUND_AFTER = re.compile(r"-(?:based|backed|led|aligned|allied|funded|made|installed|linked|affiliated)\b")
# nor a capital that stands for its government: "as Moscow attempts to recover territory", "Kyiv is
# launching a counteroffensive", "Moscow's troops" (but "Kyiv was hit", "Kyiv is surrounded" are the city)
_GOVERNMENT_AFTER = re.compile(
    r"(?:’s|'s)\s+(?:war|invasion|forces|troops|army|military|aggression|offensive|government|leadership|"
    r"decision|demands|claims|position|plans|ally|allies|regime|officials|diplomats|envoy|proposal|policy)\b"
    r"|\s+(?:(?:also|now|still|again|then|already|reportedly|repeatedly|has|have|had|is|was|will|would|could|"
    r"may|might|must|can|cannot)\s+)*"
    r"(?:said|says|claim(?:s|ed)?|insist(?:s|ed)?|wants?|wanted|accus(?:es|ed)|denie[sd]|deploy(?:s|ed|ing)|"
    r"sen[dt]s?|sending|attempt(?:s|ed|ing)?|tr(?:ies|ied|ying)|continu(?:es|ed|ing)|respond(?:s|ed)|"
    r"warn(?:s|ed)|threaten(?:s|ed)|announc(?:es|ed)|agree(?:s|d)|reject(?:s|ed)|refus(?:es|ed)|"
    r"demand(?:s|ed)|hop(?:es|ed)|seeks?|seeking|sought|believ(?:es|ed)|blam(?:es|ed)|assur(?:es|ed)|"
    r"declar(?:es|ed)|maintain(?:s|ed)|recogni[sz](?:es|ed)|annex(?:es|ed)|invad(?:es|ed)|amass(?:es|ed)|"
    r"prepar(?:es|ed|ing)|plans?|planned|planning|intend(?:s|ed)|retaliat(?:es|ed)|launch(?:es|ed|ing)|"
    r"used|uses|support(?:s|ed)?|be stoking|stok(?:es|ed|ing))\b"
)
# nor a country that acts: "Russia fired 40 missiles at Ukraine", "Russia's forces shelled Kharkiv",
# "drones launched by Iran" (the attacker; "Ukraine was hit" is the place)
_STRIKES_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|again|also|reportedly|then|later|repeatedly|overnight)\s+)*"
    r"(?:fired|launched|struck|attacked|shelled|bombed|targeted|pounded|bombarded|hit|strikes|attacks|fires)\b"
)
_BY_BEFORE = re.compile(r"\bby\s+\Z")


def _country_acts(text: str, start: int, end: int, sentence_start: int) -> bool:
    return bool(
        _GOVERNMENT_AFTER.match(text, end)
        or _STRIKES_AFTER.match(text, end)
        or _BY_BEFORE.search(text, max(sentence_start, start - 4), start)
    )


# nor where its weapons were made: "a Leopard tank made in Germany"
_MADE_IN = re.compile(r"\b(?:made|manufactured|produced|built) in (?:the )?\Z")


def _dedupe_places(places: list[PlaceRef]) -> list[PlaceRef]:
    seen: set[str] = set()
    out = []
    for p in places:
        if p.entity_key not in seen:
            seen.add(p.entity_key)
            out.append(p)
    return out


_GROUP_RE = re.compile(
    r"\b(?:(?:[A-Z][\w’'-]+\s+){1,3}(?:forces|troops|soldiers|army|military|militants|rebels|fighters|police|"
    r"units|militia|gunmen)|(?:government|security|rebel|armed) forces|civilians|gunmen|protesters|"
    r"militants|rebels|insurgents|jihadists)\b"
)
# every branch of _GROUP_RE ends with one of these words: a sentence without any is not scanned (speed)
_GROUP_WORD = re.compile(
    r"forces|troops|soldiers|army|military|militants|rebels|fighters|police|units|militia|"
    r"gunmen|civilians|protesters|insurgents|jihadists"
)


def _actors(
    text: str,
    sentence: Span,
    mentions: list[tuple[int, int, Entity]],
    contents: list[tuple[int, int]] = (),
    inside: list[tuple[int, int, Entity]] | None = None,
    claims: list[Claim] = (),
) -> list[Actor]:
    """Groups, organisations and people acting or targeted in the sentence, and countries acting in it
    ("Russia fired ...", "fired by Iran"); when the sentence is a
    claim, the claimant ("..., the army said") is a source, not an actor, unless it speaks of
    itself: "Hezbollah said it fired rockets at Haifa" (an armed group or body saying "it", "its
    fighters", "they")."""
    actors: list[Actor] = []
    seen: set[str] = set()
    inside = _mentions_in(mentions, sentence.start, sentence.end) if inside is None else inside
    claimants: dict[int, tuple[Claim, Entity, int]] = {}  # mention start -> its claim, entity, end
    # (each claim's claimant is looked for only among the mentions that end where _BEFORE_CUE can
    # begin, found by bisection: a scan of every mention for every claim was quadratic in a sentence
    # of thousands of quotations)
    ends = sorted((t, k) for k, (_, t, _) in enumerate(inside)) if claims else []
    for claim in claims:
        cue = claim.cue.start
        at = bisect.bisect_left(ends, (_before_cue_start(text, cue), -1))
        for t, k in ends[at : bisect.bisect_right(ends, (cue, len(inside)))]:
            if _BEFORE_CUE.fullmatch(text, t, cue):
                s, _, e = inside[k]
                claimants[s] = (claim, e, t)
    for s, (claim, e, t) in claimants.items():
        if (
            e.type in ("group", "organization")
            and e.attributes.get("kind") != "media"
            and e.key not in seen
            and _SPEAKS_OF_ITSELF.match(text, claim.content.start, claim.content.end)
        ):
            seen.add(e.key)
            actors.append(Actor(e.name, Span.of(text, s, t), e.key))
    spans = _merged(contents) if contents else []
    starts = [a for a, _ in spans]
    for s, t, e in inside:
        if s in claimants:
            continue
        if spans:  # only mentions inside a claim's content
            i = bisect.bisect_right(starts, s) - 1
            if i < 0 or s >= spans[i][1]:
                continue
        acting_country = e.type == "place" and _is_country_place(e) and _country_acts(text, s, t, sentence.start)
        if e.type in ("group", "organization", "person") or acting_country:  # ("Russia fired 40 missiles")
            if e.type == "organization" and e.attributes.get("kind") == "media":
                continue
            if e.key in seen:
                continue
            seen.add(e.key)
            actors.append(Actor(e.name, Span.of(text, s, t), e.key))
    if not actors and _GROUP_WORD.search(text, sentence.start, sentence.end):
        for m in _GROUP_RE.finditer(text, sentence.start, sentence.end):
            name = m.group(0)
            if name.split()[0] in ("The", "These", "Those", "According", "On", "In"):
                continue
            if name.lower() not in seen:
                seen.add(name.lower())
                actors.append(Actor(name, Span.of(text, m.start(), m.end())))
    return actors


# between a claimant and its cue: nothing, or an adverb ("the army also said")
_BEFORE_CUE = re.compile(r"\s*(?:\w+ly\s+|also\s+)?")


def _before_cue_start(text: str, cue: int) -> int:
    """The first position from which _BEFORE_CUE can reach ``cue``: back over the spaces before it,
    over a word before those (an adverb), and over the spaces before that word."""
    j = cue
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == cue:
        return cue
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k


def _merged(spans) -> list[tuple[int, int]]:
    """Spans sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# a claim's content that opens with the claimant itself: "it fired", "its fighters", "they repelled"
_SPEAKS_OF_ITSELF = re.compile(r"(?:that\s+)?(?:it|its|they|their)\s", re.I)


def _is_country_place(e: Entity) -> bool:
    """Countries are too wide to say two sentences report the same incident."""
    if e.attributes.get("feature") == "country" or e.attributes.get("kind") == "country":
        return True
    return e.admin1 is None and fold(e.name, transliterate=False, joined="") in COUNTRY_NAMES


def _merge(candidates: list[_Candidate], entities: list[Entity], pub: datetime.date | None) -> list[_Candidate]:
    countries = {e.key for e in entities if e.type == "place" and _is_country_place(e)}
    # each place's name and first-level region, folded: places that share one are near each other
    # (worked out only for the places _elsewhere compares)
    areas = _Areas({e.key: e for e in entities if e.type == "place"})
    merged: list[_Candidate] = []
    # (subtype, paragraph / place key / casualty group) -> indices in ``merged`` of the incidents
    # that have it: only those can take a candidate in, so merging stays linear on long texts
    index: dict[tuple[str, object], set[int]] = {}

    def register(i: int) -> None:
        m = merged[i]
        for k in (m.paragraph, *(("p", key) for key in m.place_keys - countries), *(("w", w) for w in m.who)):
            index.setdefault((m.subtype, k), set()).add(i)
        if m.casualties:
            for f in _figures(m):
                index.setdefault((m.subtype, ("f", f)), set()).add(i)
        for amount in m.amounts:
            index.setdefault((m.subtype, ("q", amount)), set()).add(i)
        said_as = m.members[-1].said_as  # (the member it took in last: each is registered once)
        if said_as:
            index.setdefault((m.subtype, ("t", said_as)), set()).add(i)

    for c in candidates:
        c.members = [c]  # a group of one; copied before a second member changes it (``_grown``)
        target = None
        target_i = len(merged) - 1
        # the same sentence told again (a headline repeated as the lead), or an amount told before
        # ("will send 3,000 more troops" ... two other steps ... "The 3,000 troops include ..."):
        # the incident they were told of, before any nearer one
        again = set(index.get((c.subtype, ("t", c.said_as)), ())) if c.said_as else set()
        again.update(i for a in c.amounts for i in index.get((c.subtype, ("q", a)), ()))
        for i in sorted(again, reverse=True):
            m = merged[i]
            if _dates_compatible(m, c) and not _another_step(m, c, pub) and not _recalled(m, c, pub):
                target, target_i = m, i
                break
        retyped = False  # a lead saying what its headline's vague strike was: the group goes on as the lead
        if target is None and c.joins is not None:
            # a detail of an incident told before the last one: that incident, if it is still of its kind
            for i in range(len(merged) - 1, max(-1, len(merged) - 1 - DETAIL_LOOKBACK), -1):
                if any(member is c.joins for member in merged[i].members):
                    if merged[i].subtype == c.subtype and _dates_compatible(merged[i], c):
                        target, target_i = merged[i], i
                    break
        if merged and target is None:
            m = merged[-1]
            headline = len(merged) == 1 and m.paragraph == 0 and m.date_level == 0
            # "Deadly attack on Kursk." over "Ukraine's army shelled Kursk ...": a headline that names
            # no weapon is read as some strike or attack; its lead says which
            lead_names_it = (
                headline
                and c.paragraph == 1  # (the headline a paragraph of its own, the lead the next)
                and len(m.members) == 1
                and m.subtype != c.subtype
                and m.subtype in _STRIKES
                and c.subtype in _STRIKES
            )
            kin = (
                m.subtype == c.subtype
                or (_same_family(m.subtype, c.subtype) and (c.weak or m.subtype in _PROTEST_RANK or headline))
                or lead_names_it
            )
            # (an undated headline's "strike" may name no weapon: its lead's shelling is the same strike)
            if (
                kin
                and not _elsewhere(c, m, countries, areas)
                and not _recalled(m, c, pub)
                and (
                    (c.date_level == 0 and c.paragraph - m.paragraph <= 2)
                    or (c.date_level < 2 and c.paragraph == m.paragraph)
                    or (c.weak and c.paragraph - m.paragraph <= 3 and (c.date_level < 2 or _within(m.date, c.date)))
                    or (len(merged) == 1 and m.date_level == 0 and m.paragraph == 0 and c.paragraph == 1)
                )
            ):
                # an undated sentence right after an incident of the same kind tells more of it (a detail
                # that only counts victims or says what was hit, up to three paragraphs on); an
                # undated headline is told again by the lead that follows it
                target = m
                retyped = lead_names_it
        if target is None:
            near: set[int] = set(index.get((c.subtype, c.paragraph), ()))
            for key in c.place_keys - countries:
                near |= index.get((c.subtype, ("p", key)), set())
            for w in c.who:
                near |= index.get((c.subtype, ("w", w)), set())
            figures = _figures(c) if c.casualties else set()
            for f in figures:
                near |= index.get((c.subtype, ("f", f)), set())
            for i in sorted(near, reverse=True):
                m = merged[i]
                if (
                    m.subtype != c.subtype
                    or not _dates_compatible(m, c)
                    or _another_step(m, c, pub)
                    or _recalled(m, c, pub)
                ):
                    continue
                shared_places = (m.place_keys & c.place_keys) - countries
                if (
                    shared_places
                    and not any(areas.is_site(k) for k in shared_places)
                    and _elsewhere(c, m, countries, areas)
                ):
                    shared_places = set()  # only a region in common ("northern Gaza", "central Gaza")
                shared_figures = figures & _figures(m) if figures else figures
                if (
                    (m.paragraph == c.paragraph and not _elsewhere(c, m, countries, areas))
                    or shared_places
                    or (m.who & c.who)
                    or _told_again(shared_figures, c, m, countries, areas)
                ):
                    target, target_i = m, i
                    break
        if target is None:
            merged.append(c)
            register(len(merged) - 1)
            continue
        if len(target.members) == 1 and target.members[0] is target:
            target = merged[target_i] = _grown(target)
        target.sentences.extend(c.sentences)  # with the sentences it had absorbed
        target.members.extend(c.members)
        if retyped:
            target.subtype, target.paragraph = c.subtype, c.paragraph
        if target.subtype in _PROTEST_RANK and c.subtype in _PROTEST_RANK and target.subtype != "Arrests":
            if _PROTEST_RANK[c.subtype] > _PROTEST_RANK[target.subtype]:
                target.subtype = "Protest with intervention" if c.subtype == "Arrests" else c.subtype
        if c.date_level > target.date_level or (
            c.date_level == target.date_level and _more_precise(c.date, target.date)
        ):
            target.date, target.date_level = c.date, c.date_level
            target.explicit_date = c.date_level == 2
        for p in c.places:
            if p.entity_key not in {q.entity_key for q in target.places}:
                target.places.append(p)
        target.place_keys |= c.place_keys
        for a in c.actors:
            if (a.entity_key or a.name) not in {(b.entity_key or b.name) for b in target.actors}:
                target.actors.append(a)
        for cas in c.casualties:
            if not any(_same_figure(cas, old) for old in target.casualties):
                target.casualties.append(cas)
        target.who |= c.who
        target.amounts |= c.amounts
        register(target_i)
    return merged


def _grown(c: _Candidate) -> _Candidate:
    """A group of one that takes in another member: its copy (the member keeps its own facts)."""
    return _Candidate(
        c.subtype,
        c.sentence,
        c.paragraph,
        c.date,
        c.explicit_date,
        list(c.places),
        set(c.place_keys),
        list(c.actors),
        list(c.casualties),
        set(c.who),
        list(c.sentences),
        c.date_level,
        c.weak,
        c.own_place_keys,
        c.confidence,
        [c],
        set(c.amounts),
        c.said_as,
    )


_STRATEGIC = "Strategic developments"


def _said_as(low: str) -> str | None:
    """A sentence (lower-cased) as its words, spacing and final stop aside: a sentence told twice in
    an article says the same twice (None under ten words: "Two civilians were killed." may follow two
    strikes; on the synthetic corpus of bench/incident_eval.py four words cost 0.03 of precision)."""
    words = low.rstrip(" .!?\"”’'").split()
    return " ".join(words) if len(words) >= 10 else None


# the noun an amount counts: "3,000 troops", "130,000 soldiers", "$60.8 billion", "31 tanks"
_AMOUNT_NOUN = re.compile(r"\s+(?:more\s+|additional\s+|new\s+|[A-Z][\w-]*\s+){0,2}([a-z]{3,})")
_MONEY_SIGN = re.compile(r"[$€£]\s*\Z")


def _amounts(text: str, sentence: Span, low: str) -> set[tuple[int, str]]:
    """The amounts a strategic development states (100 or more: troops sent, tanks delivered, money
    pledged), each with the noun it counts (its first five letters) or "money"; two sentences that
    state one amount tell one step ("will deploy 3,000 more troops" ... "The 3,000 troops include")."""
    out = set()
    for q in find_quantities(text, sentence.start, sentence.end, low):
        if q.min is None or q.min < 100 or (1900 <= q.min <= 2100 and not q.scaled):
            continue  # small counts and years identify nothing
        if _MONEY_SIGN.search(text, max(sentence.start, q.start - 3), q.num_start):
            out.add((q.min, "money"))
            continue
        noun = _AMOUNT_NOUN.match(text, q.end, sentence.end)
        if noun:
            out.add((q.min, noun.group(1)[:5]))
    return out


def _figures(c: _Candidate) -> set[tuple[str, int]]:
    """The casualty figures of a candidate above one ("killed or wounded" counted with "killed")."""
    return {
        ("killed" if x.kind == "killed_or_wounded" else x.kind, x.min)
        for x in c.casualties
        if x.min is not None and x.min > 1
    }


def _told_again(shared: set[tuple[str, int]], c: _Candidate, m: _Candidate, countries: set[str], areas: _Areas) -> bool:
    """Whether the figures two reports share say they tell one incident twice: two figures, or one of ten
    or more (a summary headline and its paragraph), or one of three or more told of no other place
    (the headline's "kills 14" and the lead's "killed at least 14 civilians")."""
    if len(shared) >= 2 or any(n >= 10 for _, n in shared):
        return True
    return any(n >= 3 for _, n in shared) and not _elsewhere(c, m, countries, areas)


class _Areas:
    """Place key -> the folded name and first-level region of that place (empty for other keys),
    each worked out when first asked for."""

    def __init__(self, places: dict[str, Entity]) -> None:
        self._places = places
        self._known: dict[str, set[str]] = {}

    def get(self, key: str, default: set[str]) -> set[str]:
        found = self._known.get(key)
        if found is None:
            e = self._places.get(key)
            found = self._known[key] = (
                {fold(x, transliterate=False, joined="") for x in (e.name, e.admin1) if x} if e is not None else default
            )
        return found

    def is_site(self, key: str) -> bool:
        """A settlement, district or facility (not a region, country, territory or feature)."""
        e = self._places.get(key)
        return e is not None and e.attributes.get("kind") not in _AREA_KINDS


_AREA_KINDS = frozenset({"region", "country", "territory", "continent", "feature"})


def _elsewhere(c: _Candidate, m: _Candidate, countries: set[str], areas: _Areas) -> bool:
    """True when c names places of its own in its sentence and m (an incident with places) has none of
    them, nor their region: "In Nikopol, a drone hit a house" after a strike on Kherson is another
    incident; villages of the Kursk region after "Kursk region" are not. A sentence that only counts
    victims is not separated this way."""
    own = c.own_place_keys - countries
    theirs = m.place_keys - countries
    if not own or c.weak or not theirs or any(n >= 3 for _, n in _figures(c) & _figures(m)):
        return False  # (the same toll told again: the same incident, told with other places)
    if c.casualties and m.casualties and not any(_same_figure(x, y) for x in c.casualties for y in m.casualties):
        # victims counted at other sites: "a strike in Jabaliya killed 11 ... another in Gaza City killed six"
        own_sites = {k for k in own if areas.is_site(k)}
        their_sites = {k for k in theirs if areas.is_site(k)}
        if own_sites and their_sites and not own_sites & their_sites:
            return True
    if own & theirs:
        return False
    own_areas = set().union(*(areas.get(k, set()) for k in own))
    their_areas = set().union(*(areas.get(k, set()) for k in theirs))
    return not (own_areas & their_areas)


_FAMILIES = (
    frozenset({"Armed clash", "Attack"}),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Disrupted weapons use"}),
    frozenset(
        {
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
            "Violent demonstration",
            "Arrests",
        }
    ),
)
# Within a protest, the strongest subtype any of its sentences shows is the event's.
_PROTEST_RANK = {
    "Peaceful protest": 0,
    "Arrests": 1,
    "Protest with intervention": 1,
    "Violent demonstration": 2,
    "Excessive force against protesters": 3,
}


_FAMILY_PAIRS = frozenset((a, b) for f in _FAMILIES for a in f for b in f)
# strikes and attacks of any weapon, for a headline's vague word against its lead's ("Deadly attack on ...")
_STRIKES = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
        "Attack",
    }
)


def _same_family(a: str, b: str) -> bool:
    return a == b or (a, b) in _FAMILY_PAIRS


def _same_figure(a: Casualty, b: Casualty) -> bool:
    kinds = {a.kind, b.kind}
    return a.min == b.min and a.max == b.max and (a.kind == b.kind or kinds <= {"killed", "killed_or_wounded"})


def _more_precise(a: DateMention | None, b: DateMention | None) -> bool:
    rank = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4}
    if a is None:
        return False
    if b is None:
        return True
    return rank[a.precision] < rank[b.precision]


RECALLED_DAYS = 45  # an incident dated this long before publication is one the article recalls


def _long_before(date: DateMention, pub) -> bool:
    """Whether ``date`` ends over RECALLED_DAYS before publication (an incident the article recalls)."""
    return pub is not None and date.date_end < (pub - datetime.timedelta(days=RECALLED_DAYS)).isoformat()


def _recalled(m: _Candidate, c: _Candidate, pub: datetime.date | None) -> bool:
    """Whether ``c``, dated in its own words to over RECALLED_DAYS before publication ("The toll gate
    was the site of 12 killings in October last year."), is another incident than the undated ``m``
    told before it ("Police fired tear gas at the marchers."), which tells of the days reported."""
    return not m.explicit_date and c.explicit_date and c.date is not None and _long_before(c.date, pub)


def _within(inner: DateMention | None, outer: DateMention | None) -> bool:
    """Whether ``inner`` is a more precise date that lies inside ``outer`` (a day inside "this month")."""
    rank = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4}
    return (
        inner is not None
        and outer is not None
        and inner is not outer
        and rank[inner.precision] < rank[outer.precision]
        and outer.date <= inner.date
        and inner.date_end <= outer.date_end
    )


def _another_step(m: _Candidate, c: _Candidate, pub: datetime.date | None) -> bool:
    """Whether ``c``, a development dated in its own words to days that leave out the publication
    day, is another step than the undated one ``m`` (which tells of the day it is reported): "The US
    will send 3,000 troops to Poland." ... "Last week, Austin put 8,500 troops on alert." Strategic
    developments only: an undated strike told before the sentence that dates it is one strike."""
    if pub is None or m.explicit_date or not c.explicit_date or c.weak or c.date is None:
        return False
    if SUBTYPE_TO_TYPE[c.subtype] != _STRATEGIC:
        return False
    day = pub.isoformat()
    return not c.date.date <= day <= c.date.date_end


def _dates_compatible(a: _Candidate, b: _Candidate) -> bool:
    if not a.explicit_date or not b.explicit_date or a.date is None or b.date is None:
        return True
    return a.date.date <= b.date.date_end and b.date.date <= a.date.date_end


def _to_event(
    index: int,
    incident: str,
    c: _Candidate,
    group: _Candidate,
    claims: list[Claim],
    claims_of: dict[int, set[int]],
    pub,
) -> Event:
    """The event of one incident sentence: its own date, places and actors when it names them, else
    those of the incident it belongs to; its own casualty figures and claims."""
    # (a sentence's own date stands, unless it is only the month or year that holds its incident's day:
    # "It was the third attack on the area this month")
    dated = c if (c.date_level == 2 and not _within(group.date, c.date)) or group.date is None else group
    if dated.date is not None:
        date, date_end, precision = dated.date.date, dated.date.date_end, dated.date.precision
    elif pub is not None:
        date, date_end, precision = pub.isoformat(), pub.isoformat(), "day"
    else:
        date = date_end = precision = None
    claim_keys = [claims[i].key for i in sorted(claims_of.get(c.sentence.start, ()))]
    return Event(
        key=f"e{index}",
        type=SUBTYPE_TO_TYPE[c.subtype],
        subtype=c.subtype,
        evidence=c.sentence,
        date=date,
        date_end=date_end,
        date_precision=precision,
        actors=c.actors or group.actors,
        places=c.places if c.own_place_keys else group.places,
        casualties=c.casualties,
        claim_keys=claim_keys,
        confidence=c.confidence,
        incident=incident,
    )
