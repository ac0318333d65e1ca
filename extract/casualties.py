"""Casualty figures: "at least 30 soldiers were killed or wounded", "killing one and wounding six".

``find_casualties(text, start, end)`` reads one sentence (``text[start:end]``) and returns
:class:`~extract.model.Casualty` records whose spans cover the figure and its verb.
Figures that are not casualties (areas, years, ages, unit numbers, money, deployments) are left out
because a casualty needs a casualty word right next to its number.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace

from extract.dates import MONTHS, WEEKDAYS
from extract.lexicon import PLACE_HEADS
from extract.lexicon.sentences import SENTENCE_STARTERS
from extract.model import Casualty, Span
from extract.numbers import Quantity, find_quantities, word_trie, words_value

# Nouns naming the people a figure counts.
WHO_NOUNS = (
    "soldiers",
    "soldier",
    "troops",
    "servicemen",
    "servicewomen",
    "service members",
    "servicemembers",
    "fighters",
    "militants",
    "militiamen",
    "civilians",
    "civilian",
    "people",
    "persons",
    "person",
    "children",
    "child",
    "kids",
    "women",
    "men",
    "man",
    "woman",
    "residents",
    "villagers",
    "protesters",
    "protestors",
    "demonstrators",
    "police",
    "policemen",
    "police officers",
    "officers",
    "personnel",
    "military",
    "rebels",
    "insurgents",
    "combatants",
    "workers",
    "students",
    "members",
    "occupiers",
    "invaders",
    "enemy soldiers",
    "enemy",
    "others",
    "migrants",
    "refugees",
    "farmers",
    "miners",
    "worshippers",
    "passengers",
    "journalists",
    "hostages",
    "prisoners",
    "jihadists",
    "terrorists",
    "khwarij",  # Pakistan's military's word for the TTP's fighters
    "khawarij",
    "attackers",
    "gunmen",
    "guards",
    "staff",
    "individuals",
    "family members",
    "relatives",
    "medics",
    "doctors",
    "aid workers",
    "volunteers",
    "Palestinians",
    "Israelis",
    "Ukrainians",
    "Russians",
    "Syrians",
    "Sudanese",
    "Afghans",
    "Iraqis",
    "Yemenis",
    "Lebanese",
    "pilgrims",
    "teenagers",
    "infants",
    "babies",
    "pupils",
    "boys",
    "girls",
    "infantrymen",
    "paratroopers",
    "marines",
    "mercenaries",
    "recruits",
    "conscripts",
    "gendarmes",
    "peacekeepers",
    "security forces",
    "forces",
    "officials",
    "victims",
    "bystanders",
    "shepherds",
    "herders",
    "traders",
    "patients",
    "detainees",
    "inmates",
    "crew",
    "crew members",
    "sailors",
    "nurses",
    "doctors",
    "rescuers",
    "firefighters",
    "volunteers",
    "citizens",
    "nationals",
    "pilots",
    "contractors",
    "aid workers",
    "adults",
    "teenagers",
    "reporters",
    "photographers",
    "professionals",
    "employees",
)
_ONE_VERBS = (
    r"(?:shot|run over|beaten|stabbed|tortured|abducted|kidnapped) and killed|found dead|"
    # "a council staff member was beaten to death by a crowd", "a police officer was beaten unconscious"
    r"(?:beaten|burned|burnt|hacked|stabbed|stoned) to death|lynched|beheaded|beaten unconscious|"
    r"killed or wounded|killed|martyred|wounded|injured|hurt|shot dead|shot|died|captured|taken prisoner|missing|"
    r"abducted|kidnapped"
)
_SINGULAR = (
    "soldier|civilian|child|boy|girl|man|woman|teenager|resident|villager|farmer|policeman|"
    "police officer|officer|journalist|medic|doctor|nurse|worker|volunteer|fighter|militant|person|"
    "serviceman|student|pupil|driver|passenger|baby|infant|pensioner|protester|demonstrator|member|"
    "sergeant|lieutenant|captain|colonel|commander|corporal|private|peacekeeper|gendarme|paramedic|"
    "rescuer|firefighter|citizen|national|contractor|guard|aid worker|mercenary|pilot|sniper|general|"
    "official|mayor|activist|photographer|reporter|blogger|diplomat|priest|tourist|teacher|gunman|attacker|"
    "assailant|insurgent|rebel|jihadist|hostage|prisoner|detainee|defector|critic|dissident|lawmaker|"
    "politician|judge|prosecutor|mother|father|son|daughter|husband|wife|brother|sister|grandmother|"
    "grandfather|youth|shepherd|fisherman|miner|engineer|employee|shopkeeper|cleric|imam|monk|nun|pastor|elder|"
    "chairman|chief|trader|herder|vendor|councillor|councilor|rider|owner|pedestrian|bystander|motorcyclist|"
    "cyclist|labourer|laborer|cameraman|photojournalist|constable|policewoman|trooper|ranger|militiaman|jawan|"
    # "a security personnel was killed" (South Asian English), "wounding a flight attendant"
    "personnel|suspect|leader|boss|agent|inspector|attendant|breeder|commuter|customer|staffer"
)


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return {"child": "children", "wife": "wives"}.get(noun, noun + "s")


# the nouns after a figure, plural or (for "one student") singular: "two commanders", "one commander"
_WHO = "|".join(
    re.escape(w)
    for w in sorted(
        set(WHO_NOUNS) | set(_SINGULAR.split("|")) | {_plural(w) for w in _SINGULAR.split("|")},
        key=len,
        reverse=True,
    )
)
# a word that may qualify the noun ("North", "Korean", "unarmed"), not a verb or a linking word
_MOD = (
    r"(?!(?:and|or|but|in|on|at|by|with|while|as|were|was|are|is|including|from|to|after|during|"
    r"of|the|\w+ing)\b)[\w’'\-]+(?:\.[\w’'\-]+)*\.?\s+"  # "U.S. service members"
)

# Words after the figure that say what happened to them, with the kind they give.
_KILLED = (
    r"killed|dead|died|deaths|fatalities|slain|perished|eliminated|neutrali[sz]ed|executed|shot and killed|"
    r"massacred|murdered|shot dead|lost their lives|were killed|burned to death|burnt to death|liquidated|fatality|"
    r"beaten to death|beat to death|hacked to death|stabbed to death|stoned to death|lynched|beheaded|"
    r"martyred|embraced (?:martyrdom|shahadat)|sacrificed their lives|laid down their lives|"
    # (Pakistan's military: "three terrorists were sent to hell")
    r"sent to hell|"
    # "two gallant soldiers paid the supreme price"
    r"paid the (?:supreme|ultimate) (?:price|sacrifice)|made the (?:supreme|ultimate) sacrifice"
)
_WOUNDED = (
    r"wounded|injured|hurt|injuries|wounds|maimed|hospitali[sz]ed|taken to hospital|in hospital|beaten up|beaten|"
    r"treated for (?:their\s+)?(?:gunshot\s+|bullet\s+|stab\s+|burn\s+|serious\s+|minor\s+)?(?:wounds|injuries)|"
    # "23 people were treated for breathing difficulties", "eight more people were being treated for burns"
    r"(?:being )?treated for|being treated|"
    # "Two staff members sustained gunshot wounds" ("sustained" is among the words between, _AUX)
    r"(?:gunshot|bullet|shrapnel|stab|burn|serious|severe|critical|minor|light|multiple) (?:wounds|injuries)|"
    r"shot and (?:wounded|injured)"
)
# "Two children were among the dead": the people counted are some of those killed (or hurt)
_AMONG_DEAD, _AMONG_HURT = (
    r"among (?:the|those) (?:dead|killed|fatalities)",
    r"among (?:the|those) (?:injured|wounded|hurt)",
)
_PASSIVE_KINDS = [
    (re.compile(_AMONG_HURT, re.I), "wounded"),
    (re.compile(_AMONG_DEAD, re.I), "killed"),
    (re.compile(rf"(?:{_KILLED})\s+(?:or|and|and/or)\s+(?:were\s+)?(?:{_WOUNDED})", re.I), "killed_or_wounded"),
    (re.compile(rf"(?:{_WOUNDED})\s+(?:or|and)\s+(?:were\s+)?(?:killed|dead)", re.I), "killed_or_wounded"),
    (re.compile(r"casualties|killed or injured|dead or wounded", re.I), "killed_or_wounded"),
    (re.compile(rf"(?:{_KILLED})", re.I), "killed"),
    (re.compile(rf"(?:{_WOUNDED})", re.I), "wounded"),
    (
        re.compile(
            r"captured|taken prisoner|taken captive|surrendered|held captive|prisoners of war|POWs|abducted|kidnapped|"
            r"taken hostage|held hostage|taken from (?:their|his|her) homes?",
            re.I,
        ),
        "captured",
    ),
    (re.compile(r"missing|unaccounted for|went missing|disappeared", re.I), "missing"),
    # "at least two people were shot": hit, dead or alive
    (re.compile(r"shot", re.I), "killed_or_wounded"),
    (re.compile(r"losses|lost", re.I), "losses"),
]
# Words between a figure (or its noun) and the casualty word. Longest first: the patterns repeat them
# possessively (``*+``, see _AFTER), so an alternative that matched is never tried again shorter or
# longer, and "believed" before "believed to have" would leave "to have died" unread.
_AUX_WORDS = "|".join(
    sorted(
        (
            "were was have has had are is being been got reportedly also all either allegedly later confirmed "
            "now each both subsequently eventually already apparently believed thought feared said reported "
            "known remain remains remained still lightly slightly seriously critically badly severely fatally "
            "gravely moderately mortally received sustained suffered initially"
        ).split()
        + ["have been", "has been", "had been", "so far", "in total", "in all", "to be", "to have", "to have been"],
        key=lambda w: (-len(w), w),
    )
)
_AUX = f"(?:{_AUX_WORDS})"
_CAS_WORD = (
    rf"(?:{_KILLED})\s+(?:or|and|and/or)\s+(?:were\s+)?(?:{_WOUNDED})|"
    rf"(?:{_WOUNDED})\s+(?:or|and)\s+(?:were\s+)?(?:killed|dead)|killed or injured|dead or wounded|"
    rf"casualties|{_KILLED}|{_WOUNDED}|captured|taken prisoner|taken captive|surrendered|held captive|abducted|"
    rf"kidnapped|taken hostage|held hostage|taken from (?:their|his|her) homes?|"
    rf"prisoners of war|POWs|missing|unaccounted for|went missing|disappeared|losses|{_AMONG_DEAD}|{_AMONG_HURT}|"
    r"shot(?!\s+(?:down|at|up)\b)"
)
# who they were or where from, after the noun: "peacekeepers from Malawi", "members of the family"
_FROM = r"(?:\s+(?:from|of)\s+(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,4}?(?:\s+\([A-Za-z]{2,8}\))?)?"
# an aside between the people counted and the casualty word
_ASIDE = (
    # "Hundreds of civilians, including women, children and the elderly, were killed"
    r"(?:,\s+(?:including|among them|mostly|many of them|most of them|\w+ of them|\w+ of whom)\s+[^,;.]{1,40}(?:,\s+[^,;.]{1,40}){0,3},"
    # "five soldiers, having fought gallantly, sacrificed their lives"
    r"|,\s+having\s+[^,;.]{1,40},"
    # "two children, ages 3 and 9, were among the dead"
    r"|,\s+(?:aged|ages)\s+(?:between\s+)?\d{1,3}(?:(?:\s*,|\s+and|\s+to|\s*[-–])\s*\d{1,3})*(?:\s+years?(?:\s+old)?)?,"
    # "At least eight civilians including children were killed"
    rf"|\s+including(?:\s+[\w’'\-]+){{1,8}}?(?=(?:\s+{_AUX}\b)*+\s+(?:{_CAS_WORD})(?![\w-])))"
)
# figure [of] [who [from ...]] [aux...] casualty-word ("dozens of wounded": "of" and the word alone)
_AFTER = re.compile(
    rf"(?:\s+(?:of\s+(?:the\s+|their\s+|our\s+|its\s+)?)?(?P<who>(?:{_MOD}){{0,3}}?(?:{_WHO})){_FROM}"
    rf"|\s+of(?=\s+(?:wounded|injured|dead)\b))?"
    rf"(?:\s+(?:more|others|other people))?"
    rf"{_ASIDE}?"
    # "Two foreign nationals and three volunteers were killed": a second group shares the verb (and an
    # aside may follow it: "Five soldiers and four civilians, including a driver, were among the dead")
    rf"(?:\s+and\s+(?:(?:an?\s+)?(?:unknown|undisclosed|unspecified)\s+number\s+of|an?|one|two|three|four|five|six|"
    rf"seven|eight|nine|ten|\d[\d,]*)\s+(?:{_MOD}){{0,3}}?(?:{_WHO}){_ASIDE}?)?"
    rf"(?:,?\s+(?:who|that)\b)?"
    # possessive (*+): "have been" is one auxiliary or two, and trying both ways at every one made a
    # run of them take time exponential in its length when no casualty word follows
    rf"(?:\s+{_AUX}\b)*+"
    rf"\s+[\"“]?(?P<verb>{_CAS_WORD})(?![\w-])",
    re.I,
)
# "others" alone after an active verb: "wounding six others"
_WHO_AFTER = re.compile(
    rf"[\"”]?\s+(?:of\s+(?:the|its|their)\s+)?(?:other\s+)?(?P<who>(?:{_MOD}){{0,3}}?(?:{_WHO}))(?![\w-])", re.I
)
_ACTIVE_BEFORE = re.compile(
    # "killed or wounded 300 soldiers", "killed, injured or captured 5,000 troops"
    r"\b(?P<verb>(?:killed|killing),?\s+(?:(?:or|and|and/or)\s+)?(?:wounded|wounding|injured|injuring)"
    r"(?:,?\s+(?:or|and)\s+(?:captured|capturing))?|shot dead|shooting dead|shoots? dead|gunned down|executed|executing|massacred|killing|killed|kills|kill|"
    r"neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|wounding|wounded|wounds|wound|injuring|injured|injures|injure|"
    r"(?:claimed|claiming|took|taking|cost|costing) the lives of|capturing|captured|captures|capture|took|taken|taking|"
    r"abducted|abducting|abducts|kidnapped|kidnapping|kidnaps|seized|seizing|took away|taking away|"
    # "beat and burned to death 2 men", "beheaded 2 civilians"
    r"(?:(?:beat|beaten|stabbed|hacked|stoned|burned|burnt) and )?(?:beat|beating|hacked|hacking|stabbed|stabbing|"
    r"stoned|stoning|burned|burnt|burning) to death|lynched|lynching|beheaded|beheading|"
    r"lost|losing|(?:(?:resulted|resulting|led|leading) (?:in|to) )?the (?:deaths?|loss) of|"
    r"bodies of|remains of|left|leaving|death toll(?:\s+\w+){0,3}?\s+(?:to|at|of|is|was|reached|hit|stands at|stood at)|"
    r"toll(?:\s+\w+){0,2}?\s+(?:to|at|of|reached|hit)|"
    # "put the number of wounded at 23", "the number of dead rose to 15"
    r"number of (?:the )?(?:dead|killed|deaths|fatalities|wounded|injured|casualties)(?:\s+\w+){0,2}?\s+(?:at|to|reached|hit)|"
    r"losses(?:\s+[\w,]+){0,5}?\s+(?:amounted to|stood at|totall?ed|reached|rose to|were|was|of|at)|"
    # "Among the dead were two government officials"
    r"among (?:the|those) (?:dead|killed|fatalities|injured|wounded|hurt) (?:were|was|are|is|included|include)|"
    # "The dead included three children"
    r"the (?:dead|fatalities|injured|wounded) (?:included|include))[\"”]?"
    # "blew himself up, killing himself and two guards": the bomber, then those he killed
    r"(?:\s+(?:himself|herself|themselves)\s+and)?"
    # "killing all 12 passengers", "killing the three on the spot", "killed all of the 66 people"
    # "seized its 25 crew members"
    r"(?:\s+(?:all\s+of\s+the|all\s+the|all|the|its|their))?\s+[\"“]?$",
    re.I,
)
# a death toll told with a longer phrase between it and its verb than _ACTIVE_BEFORE allows
_TOLL_ROSE = re.compile(
    r"\b(?:death|casualty|fatality) toll\b[^.;:!?]{0,120}?\b(?:rose|risen|rises|climbed|climbs|increased|increases|"
    r"jumped|jumps|grew|grows|reached|reaches|stood|stands|hit|hits|is|was|has risen|had risen|now stands)"
    r"\s+(?:to\s+|at\s+)?\Z",
    re.I,
)
# the words _ACTIVE_BEFORE can end with (its verbs' last words)
_ACTIVE_LAST = frozenset(
    "dead down executed executing massacred killing killed kills kill neutralised neutralized neutralising "
    "neutralizing eliminated eliminating wounding wounded wounds wound injuring "
    "injured injures injure capturing captured captures capture took taken taking lost losing of left leaving "
    "to at is was reached hit totalled totaled were all the death lynched lynching beheaded beheading "
    "are included include and abducted abducting abducts kidnapped kidnapping kidnaps seized seizing its their "
    "away".split()
)
_ACTIVE_KIND = {
    "bodies": "killed",
    "remains": "killed",
    "shot": "killed",
    "shooting": "killed",
    "shoot": "killed",
    "gunned": "killed",
    "execut": "killed",
    "massacr": "killed",
    "kill": "killed",
    "neutral": "killed",
    "elimin": "killed",
    "wound": "wounded",
    "injur": "wounded",
    "captur": "captured",
    "abduct": "captured",
    "kidnap": "captured",
    "seiz": "captured",
    "took": "captured",
    "losses": "losses",
    "taken": "captured",
    "taking": "captured",
    "lost": "losses",
    "losing": "losses",
    "death": "killed",
    "toll": "killed",
    "beat": "killed",
    "hack": "killed",
    "stab": "killed",
    "ston": "killed",
    "lynch": "killed",
    "behead": "killed",
    "burn": "killed",
}
_NOT_CASUALTY_AFTER = re.compile(
    r"\s*(?:-?\s*(?:year|month|week|day|hour|minute)s?\b|%|percent|per cent|square|sq\b|km|kilomet|"
    r"mile|meter|metre|hectare|acre|tons?\b|tonnes?\b|dollars|euros|pounds|hryvnia|rubles|roubles|"
    r"\$|usd|st\b|nd\b|rd\b|th\b|times\b|a\.m\.|p\.m\.|am\b|pm\b|o'clock)",
    re.I,
)
_MONEY_BEFORE = re.compile(r"[$€£]\s*$|\b(?:USD|EUR|GBP|aged|age|No\.|number)\s*$", re.I)
_GENERIC_WHO = {"soldiers", "troops", "forces", "servicemen", "fighters", "military", "personnel"}
# "North Korean soldiers", "Russian troops": capitalised words (no possessive) before a group noun
# (the first word written out of the repeat, "X(?:X){0,2}" for "(?:X){1,3}": the pattern then opens with
# a character class, and `re` skips to the next capital instead of trying every character)
_CAPITALISED = r"[A-Z][\w\-]*(?<![’'])\s+"
_GROUP_BEFORE = re.compile(
    rf"({_CAPITALISED}(?:{_CAPITALISED}){{0,2}})(soldiers|troops|forces|servicemen|fighters|units|reinforcements)\b"
)

_GROUP_NOUN = re.compile(r"soldiers|troops|forces|servicemen|fighters|units|reinforcements")


_WHO_NEXT = re.compile(rf"\s+(?:{_WHO})\b", re.I)
# "59 bodies have been exhumed", "found 12 bodies": the noun alone says they are dead
_BODIES = re.compile(r"\s+(?:dead\s+)?(?:bodies|corpses|martyrs)\b(?!\s+of\s+water)", re.I)
# "More than 200 Ukrainian athletes and coaches have been killed": people named by a plural noun
# outside WHO_NOUNS, told of with a verb only people suffer (a passive one: "5 attacks killed" is not read)
_ANY_PEOPLE = re.compile(
    rf"\s+(?P<who>(?:{_MOD}){{0,3}}?[a-z][\w’'\-]*s)(?:\s+and\s+(?:{_MOD}){{0,2}}?[a-z][\w’'\-]*s)?"
    rf"(?P<aux>(?:\s+{_AUX}\b)*+)\s+(?P<verb>killed|died|wounded|injured)(?![\w-])",  # (*+: see _AFTER)
    re.I,
)
# "nine unexplained deaths", "five further casualties": a noun that only counts the dead or hurt, after
# words no list holds
_COUNTED_DEATHS = re.compile(
    r"(?:\s+(?!(?:of|in|and|or|from|to|at|on|by|per|a|an|the|were|was|are|is)\b)[a-z][a-z\-]*){1,2}"
    r"\s+(?P<verb>deaths|fatalities|casualties)\b",
    re.I,
)
# "claiming no fewer than 14 lives", "the blast cost 30 lives": lives a verb says were taken
_LIVES = re.compile(r"\s+(?:(?:innocent|civilian|human|more|other|precious)\s+)?lives\b", re.I)
_LIVES_VERB = re.compile(r"\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking|takes|taken)\s+\Z", re.I)
_PASSIVE_AUX = re.compile(r"\b(?:were|been|are|was|is|being)\b", re.I)
_PRISONER_NEXT = re.compile(r"(?:\s+\w+){0,3}?\s+(?:prisoner|captive|hostage)", re.I)

# what others say of them: "Scott Sibley is believed to have been killed", "He was said to have died"
_RAISED = r"(?:is|was|(?:is|was)\s+(?:now\s+)?(?:believed|reported|said|thought|feared|known|presumed)\s+to\s+have)"
# "A seven-year-old girl was seriously injured": one person
_VERB_FIRST = (
    "killed|killing|shot dead|shooting dead|executed|executing|murdered|murdering|wounded|wounding|injured|injuring|"
    "captured|capturing|beat to death|beaten to death|hacked to death|stabbed to death|stoned to death|lynched|beheaded|"
    # "the attack took the life of a 10-year-old boy"
    "took the life of|taken the life of|claimed the life of|cost the life of"
)
_FATALLY = re.compile(r"\b(?:fatally|mortally)\b", re.I)
_DEATH_WORD = re.compile(r"\b(?:dead|killed|died|deaths?)\b", re.I)


def _one_kind(verb: str, told: str) -> str | None:
    """The kind of casualty of one person ``told`` ("a man was fatally shot") with ``verb`` ("shot"),
    or None for a verb that counts no casualty ("kidnapped")."""
    if verb == "found dead" or verb.endswith((" and killed", " life of")):  # "shot and killed": killed, not hurt too
        return "killed"
    if " or " in verb or " and " in verb:
        return "killed_or_wounded"
    if verb in ("shot", "wounded") and _FATALLY.search(told):
        return "killed"
    if verb == "shot":  # "a soldier was shot": hit, not said to be dead
        return "wounded"
    if verb == "beaten unconscious":
        return "wounded"
    return next((k for rx, k in _PASSIVE_KINDS if rx.fullmatch(verb)), None)


_ONE = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:{_MOD}){{0,3}}?(?P<who>{_SINGULAR}){_FROM}"
    # "A teenager, aged 16, was killed"
    r"(?:,\s+(?:aged\s+)?\d{1,3}(?:\s+years?\s+old)?,)?"
    # "a man suspected of stealing a motorcycle was beaten to death"
    rf"(?:,?\s+(?:suspected|accused)\s+of\s+(?:[\w’'-]+\s+){{0,6}}?[\w’'-]+,?)?"
    rf"\s+(?:(?:{_RAISED}|has been|had been|been|reportedly|"
    rf"also|later|seriously|critically|badly|severely|fatally|mortally|slightly|lightly)\s+)+(?P<verb>{_ONE_VERBS})\b"
    # "gunmen killed a policeman": the verb first
    rf"|\b(?P<verb2>{_VERB_FIRST})"
    rf"\s+(?:an?|one|the)\s+(?:{_MOD}){{0,3}}?(?P<who2>{_SINGULAR})\b"
)

# Headlines drop the article and the auxiliary: "Russian general killed in car bomb", "Journalist
# shot dead in Kherson", "Woman killed, two injured in strike", "Ivan Petrenko killed by a sniper":
# one person, at the start of the sentence, the verb followed by what a passive is followed by (so
# "Soldier killed three" is not read)
# a capitalised word, and one with a lower-case letter ("Ivan", "McCain", not "NATO"), each taken whole
# and only one way: "[A-Z]\w*[a-z]\w*" split a long word at every letter, quadratic in its length
_CAP = r"[A-Z][\w’'\-]*+"
_CAP_LOWER = r"[A-Z](?=[\w’'\-]*?[a-z])[\w’'\-]*+"
_HEADLINE_VERBS = "killed|shot dead|dies|died|wounded|injured"
_HEADLINE_ONE = re.compile(
    rf"(?:(?:[Aa]n?|[Oo]ne)\s+)?(?P<who>(?:{_MOD}){{0,3}}?(?:(?P<noun>(?i:{_SINGULAR}))"
    rf"|(?P<name>(?:{_CAP_LOWER}\s+){{1,2}}{_CAP_LOWER})))"
    rf"\s+(?P<verb>(?i:{_HEADLINE_VERBS}))"
    r"(?=\s+(?i:by|in|at|near|on|during|after|while|outside|as|when|amid)\b|\s*[,;:–—]|\s*\Z)"
)

# "Captain Anton Sydorov was killed", "Kamenev was shot dead", "He was fatally wounded": one named person
# (or one told of by "he" or "she"); capitalised words right before the verb, so "the soldier" is _ONE's
_NAMED_ADVERBS = r"reportedly|allegedly|also|later|fatally|seriously|critically|badly|severely|mortally"
# ("beaten" with how: "beaten by her rival" is a sport's)
_NAMED_VERBS = (
    r"killed|shot dead|assassinated|executed|murdered|wounded|injured|"
    r"(?:brutally|badly|severely|savagely|violently) beaten|beaten up"
)
# its verb, found first in the lower-cased sentence (fast): "was/been [adverbs] killed"
_NAMED_VERB = re.compile(rf"\b(?:was|been)\s+(?:(?:{_NAMED_ADVERBS})\s+)*(?:{_NAMED_VERBS})\b(?! (?:or|and) )")
# then the capitalised words right before it (searched up to the verb's end: \Z)
_NAME = rf"(?:{_CAP}\.?\s+){{0,3}}{_CAP_LOWER}"
# a relative clause between the name and its verb: "Oleksandr Pielieshenko, who finished fourth at the
# Rio Olympic Games in 2016, has been killed"
# or an age: "Tamerlan, 26, died", "Mr Zakrzewski, 55, who worked for Fox News, was killed"
_WHO_CLAUSE = r"(?:(?:,\s+\d{1,3})?(?:,\s+(?:who|whose)\s[^,;:()\"“”]{1,160})?,)?"
_NAMED_ONE = re.compile(
    rf"(?<![\w’'\-])(?P<who>{_NAME}|[Hh]e|[Ss]he){_WHO_CLAUSE}"
    # (each word one way: "was" twice, alone and in _RAISED, made a run of them fail in exponential time)
    rf"\s+(?:(?:has|had|been|{_RAISED}|{_NAMED_ADVERBS})\s+)+(?P<verb>{_NAMED_VERBS})\Z"
)
_NAMED_VERB_ANYCASE = re.compile(_NAMED_VERB.pattern, re.IGNORECASE)
# "Pielieshenko died during combat operations", "He died on the front", "Captain Anton Sydorov, died in
# the artillery fire", "Maks Levin disappeared on March 13": one named person, the verb active
_NAMED_DIED_VERB = re.compile(r"\b(?:died|disappeared|went missing)\b")
_NAMED_DIED = re.compile(
    rf"(?<![\w’'\-])(?P<who>{_NAME}|[Hh]e|[Ss]he){_WHO_CLAUSE},?"
    rf"\s+(?:(?:{_RAISED}|{_NAMED_ADVERBS}|then|tragically|suddenly)\s+)*(?P<verb>died|disappeared|went missing)\Z"
)

# "the brutal murder of Oleksandr Matsievskyi", "It took the life of our reporter Oleh Zadoianchuk",
# "Russian soldiers killed journalist Maks Levin": one named person (two capitalised words at least, a
# role before them), killed
_ROLE = (
    rf"{_SINGULAR}|reporter|photographer|cameraman|activist|commander|general|colonel|major|captain|"
    r"lieutenant|sergeant|priest|lawyer|politician|mayor|governor|leader|blogger|writer|poet|artist|"
    r"athlete|musician|director|official|businessman|businesswoman|opposition leader|human rights defender"
)
_KILLING_OF = re.compile(
    r"\b(?:(?:murder|killing|assassination|execution|slaying)\s+of|(?:took|taken|claimed|cost)\s+the\s+life\s+of|"
    r"killed|executed|murdered|assassinated|shot dead|shot and killed)"
    rf"\s+(?:(?P<det>the|a|an|our|their|his|her|its|[A-Z][\w’'\-]*[’']s)\s+)?(?:(?:{_MOD}){{0,2}}?(?P<role>{_ROLE})\s+)?"
    rf"(?P<who>(?:{_CAP}\.?\s+){{1,3}}{_CAP_LOWER})(?![\w’'\-]|\s+[A-Z])"
    rf"(?!\s+(?i:{_WHO})\b)"  # "the killing of North Korean soldiers": many, not one named
)
_KILLED_NAMED_VERBS = ("killed ", "executed ", "murdered ", "assassinated ", "shot dead ")
# "his body was found with traces of torture", "the body of Maks Levin was found": one person, killed
_BODY_FOUND = re.compile(
    rf"\b(?:(?:[Hh]is|[Hh]er)\s+(?:dead\s+)?body|[Tt]he\s+body\s+of\s+(?:(?:an?|one)\s+(?:{_MOD}){{0,2}}?"
    rf"(?P<noun>{_SINGULAR})|(?P<who>{_NAME})))\s+(?:was|has\s+been|had\s+been|is)\s+"
    r"(?:(?:later|subsequently|finally|also|reportedly)\s+)?(?:found|discovered|recovered|exhumed|identified|retrieved)\b"
)
# "One soldier was killed and a second wounded", "a citizen has been killed and a second is missing":
# one more person, told by an ordinal
_ANOTHER_ONE = re.compile(
    rf"\band\s+(?:(?:a|the)\s+(?:second|third|fourth|fifth)|another)\s+(?:(?P<who>{_SINGULAR})\s+)?"
    r"(?:(?:is|was|has been|had been|remains|remained|also|reportedly|later|seriously|badly)\s+)*"
    r"(?P<verb>killed|died|dead|wounded|injured|hurt|missing|captured|taken prisoner|abducted|kidnapped|"
    r"taken hostage)\b"
)
_ORDINAL_KIND = {
    "killed": "killed",
    "died": "killed",
    "dead": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "hurt": "wounded",
    "missing": "missing",
    "captured": "captured",
    "taken prisoner": "captured",
    "abducted": "captured",
    "kidnapped": "captured",
    "taken hostage": "captured",
}
# "Russia has lost, according to the General Staff, 1,380 personnel": an aside between the verb and the
# figure (the text before the figure ends with a comma)
_ACTIVE_ASIDE = re.compile(
    r"\b(?P<verb>lost|killed|wounded|injured|captured|eliminated|neutrali[sz]ed),\s+[^,.;:!?\d]{2,40},\s+\Z", re.I
)
# the last word of a name that is a place's, not a person's ("Kyiv Oblast")
_PLACE_LAST = PLACE_HEADS | frozenset("square street airport station".split())

# Without one of these, a sentence holds no casualty figure (a fast first test).
# (a letter trie: one branch per letter instead of every word at every position; "_" stands for a space)
# Beginnings of the words that tell of people killed, hurt, taken or gone, and three whole words: a
# figure near one may count people. The keyword rules read them too (event_rules.FIGURE_WORDS: whether
# to look for figures in a sentence no rule calls an incident).
PEOPLE_WORDS = (
    "kill dead died death wound injur hurt captur missing casualt fatalit hospital bodies corpses "
    "disappear murder assassinat execut lynch behead martyr"
).split()
PEOPLE_WHOLE_WORDS = ("lives", "body", "life")
# all the words whose absence lets find_casualties skip a sentence ("_": a space)
_HINT_WORDS = [
    *PEOPLE_WORDS,
    *PEOPLE_WHOLE_WORDS,
    *(
        "dies loss lost prisoner captive surrender unaccounted toll eliminat neutrali massacr slain perish pow "
        "maim liquidat burned_to burnt_to shot remains beaten abduct kidnap hostage taken_from sent_to_hell shahadat "
        "seiz took_away taking_away treated supreme_price supreme_sacrifice ultimate_sacrifice khwarij"
    ).split(),
]
_HINT = re.compile(word_trie([w.replace("_", " ") for w in _HINT_WORDS]))
# What a chunk (a whitespace-free piece of the lower-cased sentence) holds, as flags that callers can
# cache per chunk and pass for a sentence (their union over its chunks) to find_casualties, which then
# skips the scans that cannot match (speed). A hint word lies inside one chunk, and so does the first
# word of a hint phrase ("burned" of "burned to"); _ONE needs one of its nouns and one of its verbs
# (in lower case), each of which (or its first word: "police" of "police officer") lies inside a chunk.
HINT, PHRASE_START, ONE_NOUN, ONE_VERB = 1, 2, 4, 8  # HINT: a hint word, sure; PHRASE_START: maybe
_HINT_IN_CHUNK = re.compile(word_trie([w for w in _HINT_WORDS if "_" not in w]))
_PHRASE_START_IN_CHUNK = re.compile(word_trie([w.split("_")[0] for w in _HINT_WORDS if "_" in w]))
_ONE_NOUN_IN_CHUNK = re.compile(word_trie({w.split()[0] for w in _SINGULAR.split("|")}))
_ONE_VERB_IN_CHUNK = re.compile(
    word_trie({w.split()[0] for w in f"{_ONE_VERBS}|{_VERB_FIRST}|{_HEADLINE_VERBS}".split("|")})
)


def chunk_flags(chunk: str) -> int:
    """The flags (HINT, PHRASE_START, ONE_NOUN, ONE_VERB) of a chunk of a lower-cased sentence."""
    flags = HINT if _HINT_IN_CHUNK.search(chunk) else PHRASE_START if _PHRASE_START_IN_CHUNK.search(chunk) else 0
    if _ONE_NOUN_IN_CHUNK.search(chunk):
        flags |= ONE_NOUN
    if _ONE_VERB_IN_CHUNK.search(chunk):
        flags |= ONE_VERB
    return flags


class FoundCasualties(list[Casualty]):
    """The records found so far, and the union of their spans (sorted, disjoint intervals), so that
    whether a new match overlaps any of them is a bisection: a scan over every record found made a
    sentence of thousands of figures take time quadratic in them."""

    def __init__(self) -> None:
        super().__init__()
        self._starts: list[int] = []
        self._ends: list[int] = []

    def append(self, record: Casualty) -> None:
        super().append(record)
        a, b = record.span.start, record.span.end
        starts, ends = self._starts, self._ends
        i, j = bisect_left(ends, a), bisect_right(starts, b)  # the intervals it meets or touches: i..j-1
        if i < j:
            a, b = min(a, starts[i]), max(b, ends[j - 1])
        starts[i:j], ends[i:j] = [a], [b]

    def overlaps(self, a: int, b: int) -> bool:
        """Whether text[a:b] overlaps the span of a record found."""
        j = bisect_right(self._starts, b - 1) - 1  # the last interval starting before b ends furthest
        return j >= 0 and self._ends[j] > a


def find_casualties(
    text: str, start: int = 0, end: int | None = None, low: str | None = None, flags: int | None = None
) -> list[Casualty]:
    """Casualty records in ``text[start:end]`` (one sentence, usually). ``low``: ``text[start:end].lower()``
    when the caller has it already; ``flags``: the union of ``chunk_flags`` over the chunks of ``low``,
    when the caller has it."""
    end = len(text) if end is None else end
    found = FoundCasualties()
    if low is None:
        low = text[start:end].lower()
    if flags is None:
        if not _HINT.search(low):
            return []
        flags = HINT | ONE_NOUN | ONE_VERB  # not known: _ONE and _NAMED_ONE are tried
    elif not flags & HINT and not (flags & PHRASE_START and _HINT.search(low)):
        return []
    passive: list[bool] = []  # each figure's record: its words open with the figure, not a verb before it
    for q in find_quantities(text, start, end, low):
        rec = _casualty_at(text, q, start, end, low)
        if rec is not None:
            found.append(rec)
            passive.append(rec.span.start == q.start)
    if found and " and " in low:
        _add_coordinated_ones(found, passive, text, start, end)
    for m in _ONE.finditer(text, start, end) if flags & ONE_NOUN and flags & ONE_VERB else ():
        if found.overlaps(m.start(), m.start() + 1):
            continue
        verb = (m.group("verb") or m.group("verb2")).lower()
        if verb.endswith("ing"):
            verb = {
                "killing": "killed",
                "shooting dead": "shot dead",
                "executing": "executed",
                "murdering": "murdered",
                "wounding": "wounded",
                "injuring": "injured",
                "capturing": "captured",
            }.get(verb, verb)  # ("missing" is no gerund)
        kind = _one_kind(verb, m.group(0))
        if kind is None:  # "a man was kidnapped": no casualty figure (as for "12 were kidnapped")
            continue
        who = m.group("who") or m.group("who2")
        n, stop = 1, m.end()
        if m.group("verb2") and (second := _AND_ONE.match(text, m.end(), end)) is not None:
            # "killing a 34-year-old farmer and a 19-year-old student": two, one verb
            n, stop = 2, second.end()
        found.append(Casualty(kind, n, n, "exact", who, Span.of(text, m.start(), stop)))
    m = _HEADLINE_ONE.match(text, start, end) if flags & ONE_VERB else None
    if m is not None and _headline_who(m) and not any(c.span.start < m.end() for c in found):
        kind = "wounded" if m["verb"] in ("wounded", "injured") else "killed"
        found.append(Casualty(kind, 1, 1, "exact", m["who"], Span.of(text, m.start(), m.end())))
    if flags & HINT and ("was " in low or " been " in low):
        same = len(low) == end - start  # (else offsets in ``low`` are not the text's)
        verbs, shift = (
            (_NAMED_VERB.finditer(low), start) if same else (_NAMED_VERB_ANYCASE.finditer(text, start, end), 0)
        )
        _add_named(found, text, start, ((shift + v.start(), shift + v.end()) for v in verbs), _NAMED_ONE)
    if flags & HINT and ("died" in low or "disappeared" in low or "went missing" in low):
        verbs = _NAMED_DIED_VERB.finditer(text, start, end)
        _add_named(found, text, start, (v.span() for v in verbs), _NAMED_DIED)
    if flags & HINT and (" of " in low or any(v in low for v in _KILLED_NAMED_VERBS)):
        for m in _KILLING_OF.finditer(text, start, end):
            # "killed a Boko Haram defector": after "a" and no role, capitalised words qualify the
            # noun after them (one person killed, not named)
            qualifier = m["det"] in ("a", "an") and not m["role"]
            named = _a_name(m["who"]) and not qualifier
            _add_one(found, text, m, m["who"] if named else None, needs_who=not qualifier)
    if flags & HINT and "body " in low:
        for m in _BODY_FOUND.finditer(text, start, end):
            _add_one(
                found, text, m, m["who"] if m["who"] and _a_name(m["who"]) else m["noun"], needs_who=bool(m["who"])
            )
    if flags & HINT and any(f" {w} " in low for w in ("second", "third", "fourth", "fifth", "another")):
        for m in _ANOTHER_ONE.finditer(text, start, end):
            if not found.overlaps(m.start(), m.end()):
                kind = _ORDINAL_KIND[m["verb"]]
                found.append(Casualty(kind, 1, 1, "exact", m["who"], Span.of(text, m.start(), m.end())))
    return sorted(found, key=lambda c: c.span.start)  # (a plain list)


# one more person coordinated with a counted group, sharing its verb: "Two policemen and a civilian
# were killed", "killed two soldiers and a civilian", "A soldier and two civilians were killed"
_AND_ONE = re.compile(rf"\s+and\s+(?P<det>an?|one)\s+(?P<who>(?:{_MOD}){{0,3}}?(?:{_SINGULAR}))(?![\w-])", re.I)
_ONE_AND = re.compile(rf"\b(?:an?|one|another)\s+(?P<who>(?:{_MOD}){{0,3}}?(?:{_SINGULAR}))\s+and\s+\Z", re.I)


def _add_coordinated_ones(found: FoundCasualties, passive: list[bool], text: str, start: int, end: int) -> None:
    """A record of one for a person named beside a counted group: inside a passive record's words
    ("Two policemen and a civilian were killed"), after an active one's ("killed two soldiers and a
    civilian"), or before a passive record's figure ("A soldier and two civilians were killed"; not
    "killing a police officer and wounding six people", whose first is the first verb's)."""
    for rec, figure_first in zip(list(found), passive):
        if rec.min is None:
            continue
        a, b = rec.span.start, rec.span.end
        # a passive record's words run from its figure to its verb ("two soldiers were killed"), an
        # active one's from its verb to its people ("killed two soldiers")
        m = _AND_ONE.search(text, a, b) if figure_first else _AND_ONE.match(text, b, end)
        if m is not None and not any(c.span.start == m.start("det") for c in found):
            found.append(Casualty(rec.kind, 1, 1, "exact", m["who"], Span.of(text, m.start("det"), m.end("who"))))
        before = _ONE_AND.search(text, max(start, a - 60), a) if figure_first else None
        if before is not None and not found.overlaps(before.start(), before.end("who")):
            found.append(
                Casualty(rec.kind, 1, 1, "exact", before["who"], Span.of(text, before.start(), before.end("who")))
            )


def _a_name(who: str) -> bool:
    """Whether capitalised words name a person: not a sentence's opening words, a place or a group."""
    words = who.split()
    last = words[-1].lower()
    return not (
        _opens_sentences(words[0].lower()) or last in _NOT_A_PERSON or last in _PLACE_LAST or words[-1][:-1].isupper()
    )


def _add_one(found: FoundCasualties, text: str, m: re.Match[str], who: str | None, *, needs_who: bool) -> None:
    """One person killed, told by ``m``, unless it names no one where it must or a figure covers it."""
    if (needs_who and who is None) or found.overlaps(m.start(), m.end()):
        return
    found.append(Casualty("killed", 1, 1, "exact", who, Span.of(text, m.start(), m.end())))


_NAMED_KIND = {"wounded": "wounded", "injured": "wounded", "disappeared": "missing", "went missing": "missing"}
_NAMED_KIND.update({f"{how} beaten": "wounded" for how in ("brutally", "badly", "severely", "savagely", "violently")})
_NAMED_KIND["beaten up"] = "wounded"


def _add_named(
    found: FoundCasualties, text: str, start: int, verbs: Iterable[tuple[int, int]], pattern: re.Pattern[str]
) -> None:
    """One person each (``_NAMED_ONE``, ``_NAMED_DIED``) at the verbs found (their start and end in
    ``text``), unless a figure found already covers them."""
    for verb_start, verb_end in verbs:
        # (\Z: the match ends where the verb does; the names before it lie within 100 characters, or
        # 160 more with a relative clause)
        m = pattern.search(text, max(start, verb_start - 270), verb_end)
        if m is None:
            continue
        who, at = _name_of(m)
        if who is None or found.overlaps(at, m.end()):
            continue
        found.append(Casualty(_NAMED_KIND.get(m["verb"], "killed"), 1, 1, "exact", who, Span.of(text, at, m.end())))


def _name_of(m: re.Match[str]) -> tuple[str | None, int]:
    """The person a _NAMED_ONE match names and where that starts: without the capitalised words that
    open sentences ("So", "But", "Meanwhile", "On Monday"); None when nothing of a name is left
    ("It was killed")."""
    who, at = m["who"], m.start("who")
    while " " in who and _opens_sentences(who.split(" ", 1)[0].lower()):
        who = who.split(" ", 1)[1].lstrip()
        at = m.end("who") - len(who)
    if (who.lower() in SENTENCE_STARTERS and who.lower() not in ("he", "she")) or who in _NOT_ONE:
        return None, at
    return who, at


def _headline_who(m: re.Match[str]) -> bool:
    """Whether a _HEADLINE_ONE subject is one person: not words that open sentences ("Meanwhile
    Zelensky"), not a figure ("Two Ukrainian Soldiers"), and a name that is no plural, country or
    force ("Russian Forces", "Ukraine's Army")."""
    first = m["who"].split(" ", 1)[0].lower()
    if _opens_sentences(first) or words_value(first) is not None or m["who"] in _NOT_ONE:
        return False
    last = m["who"].rsplit(" ", 1)[-1].lower()
    return m["name"] is None or last in _ONE_PERSON or last not in _NOT_A_PERSON


def _opens_sentences(word: str) -> bool:
    return word in SENTENCE_STARTERS or word in WEEKDAYS or word in MONTHS


# the last word of a headline's subject: one person, or many or a force
_ONE_PERSON = frozenset(_SINGULAR.split("|"))
_NOT_A_PERSON = frozenset(
    {w.lower() for w in WHO_NOUNS}
    | {"army", "forces", "military", "police", "government", "ukraine", "russia", "israel", "gaza", "people"}
)
# capitalised words before "was killed" that name no one person
_NOT_ONE = frozenset(("Nobody", "Everyone", "Everybody", "Somebody", "Someone", "Who", "What", "Which"))


def _casualty_at(text: str, q: Quantity, start: int, end: int, low: str | None = None) -> Casualty | None:
    """The casualty record the quantity ``q`` gives, or None. ``low``: the sentence ``text[start:end]``
    lower-cased with the same length; the patterns then run on it without IGNORECASE (faster in `re`)
    and names keep their case from ``text``."""
    if low is not None and len(low) == end - start:
        lt, off, rx = low, start, _LOWER
    else:
        lt, off, rx = text, 0, _ANYCASE
    if rx["not_after"].match(lt, q.end - off, end - off) or rx["money"].search(
        lt, max(start, q.start - 6) - off, q.start - off
    ):
        return None
    if q.qualifier == "exact" and q.min is not None and 1900 <= q.min <= 2100 and not q.scaled:
        # a year, unless a casualty word follows at once ("2000 people were killed" stays)
        if not rx["who_next"].match(lt, q.end - off, end - off):
            return None
    m = rx["bodies"].match(lt, q.end - off, end - off)
    if m:
        return _record(text, q, m.end() + off, "killed", None)
    m = rx["after"].match(lt, q.end - off, end - off)
    if m:
        verb = m.group("verb")
        kind = next(k for pattern, k in _PASSIVE_KINDS if pattern.fullmatch(verb))
        who = text[m.start("who") + off : m.end("who") + off] if m.group("who") else None
        if kind == "losses" and verb.lower() == "lost":
            return None
        if verb.lower() == "shot":
            if _DEATH_WORD.search(lt, start - off, end - off):
                # "the dead were a mother and three children, who were all shot": how, not whether, they died
                return None
            if q.max == 1:
                kind = "wounded"  # "one protester was shot", as "a protester was shot" (_one_kind)
        return _record(text, q, m.end() + off, kind, _clean_who(text, who, m.start("who") + off if who else q.start))
    m = rx["any_people"].match(lt, q.end - off, end - off)
    if m and (m["verb"].lower() == "died" or _PASSIVE_AUX.search(m["aux"])):
        kind = "killed" if m["verb"].lower() in ("killed", "died") else "wounded"
        who = text[m.start("who") + off : m.end("who") + off]
        return _record(text, q, m.end() + off, kind, _clean_who(text, who, m.start("who") + off))
    m = rx["counted_deaths"].match(lt, q.end - off, end - off)
    if m:
        kind = "killed_or_wounded" if m["verb"].lower() == "casualties" else "killed"
        return _record(text, q, m.end() + off, kind, None)
    m = rx["lives"].match(lt, q.end - off, end - off)
    if m and rx["lives_verb"].search(lt, max(start, q.start - 24) - off, q.start - off):
        return _record(text, q, m.end() + off, "killed", None)
    before = (
        rx["active_before"].search(lt, max(start, q.start - 60) - off, q.start - off)
        if _may_end_active(text, q.start, start)
        else None
    )
    if before:
        verb = before.group("verb").lower()
        if verb in ("left", "leaving"):
            return None  # "left 5 dead" is read from the words after the figure
        kind = _active_kind(verb)
        if (
            kind == "captured"
            and verb in ("took", "taken", "taking")
            and not rx["prisoner_next"].match(lt, q.end - off, end - off)
        ):
            return None
        record = _active_record(text, q, end, lt, off, rx, kind, before.start("verb") + off)
        # "captured 12 villages", "lost 5 tanks": places and things, not people
        # ("the loss of 5 tanks"; "among the dead were 2" counts no one)
        needs_who = (
            verb in _NEEDS_WHO
            or verb.endswith(("death of", "deaths of", "loss of"))
            or verb.startswith(("among", "the "))
        )
        if (
            record.who is None
            and needs_who
            and not (verb.startswith(("abduct", "kidnap")) and _OTHERS_NEXT.match(lt, q.end - off, end - off))
        ):
            return None  # (one abducts only people: "abducting 251 others")
        if verb.startswith("seiz") and record.who and record.who.lower() in _ADJECTIVAL_WHO:
            return None  # "seized 100 military posts"
        return record
    if text.endswith("and ", start, q.start):
        # "killing five soldiers and four civilians": the verb before the first group counts the second
        prior = _PRIOR_GROUP.search(text, max(start, q.start - 80), q.start)
        at = prior.start() if prior else q.start
        if prior and _may_end_active(text, at, start):
            before = rx["active_before"].search(lt, max(start, at - 60) - off, at - off)
            if before and before.group("verb").lower() not in ("left", "leaving"):
                verb = before.group("verb").lower()
                record = _active_record(text, q, end, lt, off, rx, _active_kind(verb), q.start)
                return record if record.who is not None else None
    if text.endswith(", ", start, q.start):
        aside = _ACTIVE_ASIDE.search(text, max(start, q.start - 70), q.start)
        if aside:
            return _active_record(text, q, end, lt, off, rx, _active_kind(aside["verb"].lower()), aside.start("verb"))
    w_start, w_end = max(start, q.start - 160) - off, q.start - off
    has_toll = lt.find("toll", w_start, w_end) >= 0 if lt is low else "toll" in lt[w_start:w_end].lower()
    toll = rx["toll"].search(lt, w_start, w_end) if has_toll else None
    if toll:
        # "the death toll from a week of protests over fuel prices rose to at least 105"
        if q.qualifier == "range" and text.startswith("from", q.start):
            q = replace(q, min=q.max, qualifier="exact")  # "has risen from 16 to 25": the toll is now 25
        return _active_record(text, q, end, lt, off, rx, "killed", toll.start() + off)
    return None


# a counted group and "and" just before a figure: "five soldiers and " (four civilians)
_PRIOR_GROUP = re.compile(
    rf"(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d[\d,]*)\s+"
    rf"(?:{_MOD}){{0,3}}?(?:{_WHO}),?\s+and\s+\Z",
    re.I,
)

_OTHERS_NEXT = re.compile(r"\s+others\b")
_ADJECTIVAL_WHO = frozenset({"military", "police", "army", "security", "government", "rebel", "militia"})
# active verbs that tell of people only when people follow the figure
_NEEDS_WHO = frozenset(
    "captured capturing captures capture lost losing abducted abducting abducts kidnapped kidnapping kidnaps seized "
    "seizing".split()
    + ["took away", "taking away"]
)


def _active_kind(verb: str) -> str:
    """The kind of casualty a verb before the figure tells (``_ACTIVE_BEFORE``'s, lower-cased)."""
    if verb.endswith(("lives of", "death of", "deaths of", "loss of")):
        return "killed"
    if verb.startswith("number of"):  # "the number of wounded at 23"
        return "wounded" if any(w in verb for w in ("wounded", "injured")) else "killed"
    if verb.startswith("among"):
        return "wounded" if verb.split()[2] in ("injured", "wounded", "hurt") else "killed"
    if verb.startswith("the "):  # "the dead included", "the injured included"
        return "wounded" if verb.split()[1] in ("injured", "wounded") else "killed"
    if verb.startswith("kill") and ("wound" in verb or "injur" in verb):
        return "killed_or_wounded"
    return next(v for k, v in _ACTIVE_KIND.items() if verb.startswith(k))


def _active_record(
    text: str, q: Quantity, end: int, lt: str, off: int, rx: dict[str, re.Pattern[str]], kind: str, span_start: int
) -> Casualty:
    """A record read from the words before the figure ("killing 5 civilians"): who follows the figure."""
    w = rx["who_after"].match(lt, q.end - off, end - off)
    who = text[w.start("who") + off : w.end("who") + off] if w else None
    span_end = w.end() + off if w else q.end
    return Casualty(
        kind,
        q.min,
        q.max,
        q.qualifier,
        _clean_who(text, who, w.start("who") + off if w else q.start),
        Span.of(text, span_start, span_end),
    )


def _may_end_active(text: str, at: int, start: int) -> bool:
    """A fast test: can _ACTIVE_BEFORE end at ``at``? Its last word must be one of _ACTIVE_LAST, then space."""
    head = text[max(start, at - 24) : at]
    if head[-1:] in ('"', "“"):  # a quoted figure: killed "hundreds"
        head = head[:-1]
    if not head or not head[-1].isspace():
        return False
    # the run of word characters (as \w in `re`) that ends where the trailing spaces (and a closing quote) start
    word_end = len(head.rstrip())
    if word_end and head[word_end - 1] in '"”':
        word_end -= 1  # had "neutralised" 50
    i = word_end
    while i > 0 and (head[i - 1].isalnum() or head[i - 1] == "_"):
        i -= 1
    return i < word_end and head[i:word_end].lower() in _ACTIVE_LAST


def _record(text: str, q: Quantity, end: int, kind: str, who: str | None) -> Casualty:
    return Casualty(kind, q.min, q.max, q.qualifier, who, Span.of(text, q.start, end))


def _clean_who(text: str, who: str | None, at: int) -> str | None:
    if not who:
        return None
    who = who.strip()
    words = who.split()
    # drop leading words that are not part of the noun phrase
    while words and words[0].lower() in (
        "the",
        "of",
        "their",
        "our",
        "its",
        "his",
        "her",
        "other",
        "more",
        "were",
        "and",
        "those",
    ):
        words = words[1:]
    who = " ".join(words)
    if who.lower() in ("others", "other", ""):
        return None  # "12 others": who they were is told elsewhere
    if who.lower() in _GENERIC_WHO:
        # a bare "soldiers": take the group named just before ("North Korean soldiers")
        window = text[max(0, at - 800) : at]
        best = None
        if _GROUP_NOUN.search(window):  # without a group noun _GROUP_BEFORE cannot match (a fast first test)
            for g in _GROUP_BEFORE.finditer(window):
                best = g
        if best is not None:
            qualifier = best.group(1).strip()
            first = qualifier.split()[0]
            if first.lower() not in ("the", "these", "those", "their", "according", "on", "in", "as", "a"):
                return f"{qualifier} {who}"
    return who


def _lower_pattern(pattern: str) -> str:
    """The pattern with its letters lower-cased (escapes such as \\Z kept), for lower-cased text."""
    return re.sub(r"\\.|\(\?P[<=]|[A-Z]", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(), pattern)


_ANYCASE: dict[str, re.Pattern[str]] = {
    "not_after": _NOT_CASUALTY_AFTER,
    "money": _MONEY_BEFORE,
    "who_next": _WHO_NEXT,
    "after": _AFTER,
    "active_before": _ACTIVE_BEFORE,
    "prisoner_next": _PRISONER_NEXT,
    "who_after": _WHO_AFTER,
    "toll": _TOLL_ROSE,
    "bodies": _BODIES,
    "any_people": _ANY_PEOPLE,
    "counted_deaths": _COUNTED_DEATHS,
    "lives": _LIVES,
    "lives_verb": _LIVES_VERB,
}
# the same patterns for lower-cased sentences, without IGNORECASE
_LOWER: dict[str, re.Pattern[str]] = {
    name: re.compile(_lower_pattern(rx.pattern), rx.flags & ~re.IGNORECASE) for name, rx in _ANYCASE.items()
}
