"""Keyword rules for events: an ordered table of (subtype, pattern, test), each rule gated by words.

``classify(sentence)`` gives the ACLED subtype the keyword rules see in a sentence, or None: the
first rule of ``RULES`` whose pattern matches (and whose test, where it has one, holds) decides, so
the more specific weapon or form of violence wins over the general one. The rules are one signal
among others for the learned model (extract/incident_model.py), which decides whether a sentence
reports an incident and ranks its subtypes; the rules also tell a forecast, background or a tally.

Gates (speed): a rule runs only when a word of the sentence begins like one of the words it cannot
match without. Those words are worked out from the rule's own pattern (``gate_words``: the literal
beginnings of its alternatives, or a word every match must hold), so a pattern and its gate can never
drift apart. A sentence's mask (``beginnings``) is the union of the gates its words open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from re import _constants as sre
from re import _parser as sre_parse

from extract.casualties import HINT, PEOPLE_WHOLE_WORDS, PEOPLE_WORDS, PHRASE_START, chunk_flags


def _rx(pattern: str, grouped: bool = True) -> re.Pattern[str]:
    """Compile a rule for lower-cased text, every match starting at a word start.

    Speed: `re` tries each top-level alternative at each position; one leading ``\\b`` in front of
    the group (instead of one per alternative) and no IGNORECASE make the rules several times faster.
    ``grouped``: alternatives that begin with the same letter are tried under that letter ("shell|
    shot" as "s(?:hell|hot)"). A rule so compiled matches at the same places, but where two
    alternatives match at one place it may end elsewhere: rules whose match ends are read keep
    their alternatives as written (grouped=False).
    """
    alternatives = [a[2:] if a.startswith("\\b") else a for a in _top_level_split(pattern.lower())]
    as_written = r"\b(?:" + "|".join(alternatives) + ")"
    if grouped:
        alternatives = _by_first_letter(alternatives)
    compiled = re.compile(r"\b(?:" + "|".join(alternatives) + ")")
    _AS_WRITTEN[id(compiled)] = as_written  # (its gate is read off the alternatives as written: gate_words)
    return compiled


_AS_WRITTEN: dict[int, str] = {}


def _by_first_letter(alternatives: list[str]) -> list[str]:
    """Alternatives that begin with the same plain character, under one branch for it (in first-seen
    order; each keeps its place among those of its letter)."""
    groups: dict[str, list[str]] = {}
    order: list[tuple[str | None, list[str]]] = []
    for alt in alternatives:
        plain = alt[:1].isalnum() or alt[:1] in (" ", "-", "'", "’")
        if not plain or alt[1:2] in ("?", "*", "+", "{"):
            order.append((None, [alt]))  # a group, a class or an escape first: as written
            continue
        if alt[0] not in groups:
            groups[alt[0]] = []
            order.append((alt[0], groups[alt[0]]))
        groups[alt[0]].append(alt[1:])
    out = []
    for first, rests in order:
        if first is None:
            out.append(rests[0])
        elif len(rests) == 1:
            out.append(re.escape(first) + rests[0])
        else:
            out.append(re.escape(first) + "(?:" + "|".join(rests) + ")")
    return out


def _top_level_split(pattern: str) -> list[str]:
    parts, depth, current, i = [], 0, [], 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


_W = r"(?:[\w’'-]+\s+)"  # any one word and its space

CHEMICAL = _rx(
    r"\bchemical (?:weapons?|attacks?|agents?|munitions?|substances?)|\bchlorine\b|\bsarin\b|mustard gas|"
    r"nerve agent|toxic (?:gas|substances?)|poison(?:ous)? gas|chloropicrin|\bCS gas\b"
)
SUICIDE = _rx(
    r"suicide (?:bomb|bomber|bombers|bombing|bombings|attacks?|attackers?|vests?|car|blasts?|truck)|"
    r"blew (?:himself|herself|themselves) up|self-detonat|detonated (?:his|her|their) (?:explosive )?vest"
)
DISRUPTED = _rx(
    rf"\b(?:intercepted|intercepting|intercept|shot down|shooting down|downed|neutrali[sz]ed|destroyed)\s+{_W}{{0,5}}?"
    r"(?:drones?|missiles?|UAVs?|rockets?|shaheds?|projectiles|aerial targets|aircraft|helicopters?|jets?|"
    r"warplanes?|glide bombs?)\b|"
    rf"\b(?:drones?|missiles?|UAVs?|rockets?|shaheds?|projectiles|aircraft|helicopters?)\s+{_W}{{0,3}}?"
    r"(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:intercepted|shot down|downed|neutrali[sz]ed|destroyed|jammed)|"
    r"\bair defen[cs]es? (?:\w+ ){0,3}(?:intercepted|shot down|downed|destroyed|repelled|repulsed|neutrali[sz]ed)|"
    r"\bdefused\b|\bdefusing\b|\bdisarmed (?:an?|the) (?:\w+ )?(?:bomb|device|mine|IED)|"
    r"\bthwarted\b|\bfoiled\b|(?:seized|confiscated|found|discovered) (?:\w+ ){0,4}(?:weapons cache|arms cache|"
    r"cache of (?:weapons|arms|explosives)|explosives)|dismantled (?:an? )?(?:IED|bomb|explosive)|"
    # "recovered 3 AK-47 rifles, ammunition and grenades", "police seized 40 firearms"
    r"\b(?:seized|seizing|confiscated|confiscating|recovered|recovering) (?:[\w,-]+ ){0,5}?(?:rifles|guns|firearms|"
    r"ammunition|grenades|weapons|arms)\b|"
    # "discovered and safely detonated an IED", "carried out a controlled explosion", "cleared the road of mines"
    r"\bsafely (?:detonated|destroyed|removed|defused)\b|\bcontrolled (?:explosion|detonation)s?\b|"
    r"\b(?:found|discovered|located|uncovered|recovered|spotted) and (?:safely )?(?:destroyed|detonated|"
    r"neutrali[sz]ed|defused|disarmed|removed|deactivated)\b|"
    r"\b(?:neutrali[sz]ed|deactivated|disarmed) (?:an? |the |two |three |several )?(?:\w+ ){0,2}?"
    r"(?:IEDs?|bombs?|landmines?|mines|explosive devices?|explosives)\b|"
    r"\b(?:cleared|demined) (?:\w+ ){0,3}?(?:of )?(?:mines|landmines|IEDs|explosives)\b"
)
IED = _rx(
    r"\bIEDs?\b|improvised explosive|\bblew up\b|\bblown up\b|\bblowing up\b|\bdynamited\b|\blandmines?\b|\bland mines?\b|anti-(?:tank|personnel) mines?|"
    r"roadside bombs?|car bombs?|vehicle-borne|\bVBIEDs?\b|explosive devices?|booby[- ]trap|"
    r"(?:stepped on|hit|struck|ran over|triggered|detonated) an? (?:\w+ )?mine\b|mine (?:explosion|blast)|"
    r"unexploded (?:ordnance|munitions?|shell)|\bUXO\b|"
    # "bombs went off", "the device detonated accidentally", "the bombs began to explode", "had gone off"
    r"(?:bombs?|devices?) (?:\w+ ){0,2}?(?:exploded|explode|went off|gone off|go off|detonated|detonate)|"
    r"(?:planted|hidden|placed) (?:an? |the )?(?:\w+ )?(?:bomb|explosives?)|magnetic bomb|sticky bomb|remote[- ]controlled|"
    r"\bdetonated (?:\w+ ){0,4}?(?:bombs|explosives|devices)\b|(?:pipe|nail|parcel|letter) bombs?|bomb blasts?|"
    r"explosion (?:of|from) (?:a|an) (?:\w+ )?(?:device|mine|bomb)"
)
PROTEST = _rx(
    r"\bprotest|\bdemonstrators?\b|\bdemonstrations?\b|\bdemonstrated (?:against|in|outside|for|near|at|"
    r"in front)\b|\bdemonstrating\b|\bin solidarity with\b|\bencampments?\b|"
    r"\boccupied (?:a|the) (?:\w+ )?(?:building|campus|university|square|lecture hall|office)|"
    r"\brall(?:y|ies|ied)\b|\bmarchers\b|"
    r"(?<!troops )(?<!soldiers )(?<!forces )\bmarch(?:ed|ing)\b|"
    r"\bmarch(?:ed|es)? (?:through|to|in|against|on)\b|\bsit-ins?\b|\bpicket|took to the streets|"
    r"went on strike|general strike|hunger strike|\bstrik(?:e|ing) workers|workers (?:went|go) on strike|"
    r"\bvigil\b|\bstaged (?:a|an) (?:\w+ )?(?:strike|walkout)|"
    # crowd control means a crowd gathered: "police fired rubber bullets at students"
    r"\btear ?gas\b|\bwater cannons?\b|\brubber bullets\b|\bpepper spray\b|\bbaton-?charged?\b|"
    r"\bdispersed (?:a |the )?(?:crowd|gathering|sit-in|students)"
)
EXCESSIVE_FORCE = _rx(
    r"\b(?:killed|killing|shot dead|shot|opened fire|live (?:ammunition|rounds|fire|bullets)|fired live|"
    r"fired (?:on|at|into)|firing (?:on|at|into)|"
    r"gunned down|beaten to death|fatally|died|dead|massacre)"
)
VIOLENT_DEMO = _rx(
    r"\briot(?!\s+(?:police|gear|squad|officers|control|units?|troops))|threw (?:stones|rocks|petrol bombs|molotov|bottles|fireworks|objects|projectiles|bricks)|"
    r"hurl(?:ed|ing) (?:stones|rocks|projectiles|bricks|bottles|petrol bombs)|molotov|petrol bombs?|"
    r"set (?:fire|ablaze|alight)|torched|burn(?:ed|t|ing) (?:\w+ )?(?:tyres|tires|cars|vehicles|"
    r"buildings|police|barricades)|vandali[sz]|clash(?:ed|es)? with (?:the )?(?:police|security|riot|"
    r"officers|soldiers|troops)|looted|stormed|ransacked|smashed|attacked (?:police|officers|security)|"
    r"injur(?:ed|ing) (?:\w+ ){0,2}(?:police|officers)|violent"
)
INTERVENTION = _rx(
    r"tear ?gas|water cannons?|rubber bullets|\bdispers(?:ed|e|ing)\b|broke up|\bdetain|\barrest|"
    r"\bbatons?\b|pepper spray|stun grenades?|flash-?bangs?|police (?:intervened|charged)|forcibly "
    r"(?:removed|evicted|dispersed)|\bcleared\b|\bkettled\b|\bbeat(?:en)?\b|crack(?:ed)? ?down|"
    r"\bclashed\b|\bscuffle|\bbaton-?charged?\b|\bcharged (?:the )?(?:crowd|protesters|demonstrators)"
)
RIOT = _rx(
    r"\briot(?:s|ers|ing|ed)?\b(?!\s+(?:police|gear|squad|officers|control|units?|troops))|\bunrest\b.{0,300}?\b(?:torched|burned|looted|attacked)|"
    # "youths set fire to cars and threw fireworks at police", "PTI supporters stormed the residence"
    r"\b(?:threw|throwing|hurled|hurling) (?:\w+ ){0,3}?(?:stones|rocks|fireworks|molotov cocktails|petrol bombs|"
    r"bottles|bricks|projectiles) at (?:the )?(?:police|security forces|officers|troops|soldiers)\b|"
    r"\b(?:youths|supporters|crowds?|students) (?:\w+ ){0,2}?(?:stormed|ransacked|torched|vandali[sz]ed|pelted|"
    r"set fire to)\b"
)
MOB = _rx(
    r"\bmobs?\b|\blynch|(?:beat|beaten|burned|burnt|stoned|hacked)(?: \w+){0,4} to death(?=.{0,300}?\b(?:accused|suspected)\b)|"
    r"(?:accused|suspected) of (?:stealing|theft|witchcraft|blasphemy|sorcery|kidnapping|robbery)(?=.{0,300}?\b(?:beat|lynch|"
    r"burn|ston|hack|kill))|(?:suspected|alleged) (?:thie(?:f|ves)|witch|witches|kidnappers?|robbers?)\b(?=.{0,300}?\b(?:beat|"
    r"lynch|burn|ston|hack|kill))|vigilante|angry (?:crowd|residents|villagers|youths)|crowds? (?:of (?:[\w-]+ ){1,5})?"
    r"(?:attacked|beat|set fire|burned|stoned|killed)|mob justice|jungle justice|stoned to death|"
    # "villagers attacked homes of Coptic Christians": neighbours against neighbours' property
    r"\b(?:villagers|residents|locals|neighbours|neighbors) (?:\w+ ){0,2}?attacked (?:\w+ ){0,3}?(?:homes|houses|"
    r"shops|hostels|churches|mosques|property)\b"
)
AIR = _rx(
    r"\bdrones?\b|\bUAVs?\b|\bair ?strikes?\b|\bairstrikes?\b|\bair raids?\b|\bair attacks?\b|\bwarplanes?\b|"
    r"fighter jets?|\bjets\b|helicopter gunships?|\bhelicopters?\b|aerial (?:bombardment|bombing|attacks?|strikes?)|"
    r"glide bombs?|guided (?:aerial )?bombs?|\bKABs?\b|\bshaheds?\b|kamikaze|loitering munitions?|"
    r"\bFPVs?\b|barrel bombs?|dropped (?:\w+ )?(?:bombs|explosives|munitions)|\baircraft\b|"
    r"\bbombed\b|\bbombing\b|\bbombings\b|\bsorties\b|"
    # the air force striking, not speaking ("the air force said Russia fired a ballistic missile")
    r"\bair force\b(?!(?:'s|’s)? (?:(?:also|earlier|later) )?(?:said|says|reported|reports|added|spokes\w+|data|"
    r"statement|command|commander|chief))"
)
SHELLING = _rx(
    r"\bshell(?:ed|ing|s|fire)?\b|\bartillery\b|\bmissiles?\b|\brockets?\b|\bmortars?\b|\bMLRS?\b|\bGrads?\b|"
    r"\bUragans?\b|\bSmerch\b|"
    r"\bHIMARS\b|\bIskanders?\b|\bKalibrs?\b|\bKinzhals?\b|\bcruise\b|\bballistic\b|\bbombard|\bhowitzers?\b|"
    r"multiple (?:rocket )?launch|\bprojectiles?\b|\bS-300s?\b|\bTochka|\bATACMS\b|\bStorm Shadows?\b|"
    r"\bQassam|\bKatyusha|\bmunitions\b|\bstruck\b|\bstrikes?\b|\bhit\b|\bpounded\b|\bblasts?\b|\bexplosions?\b"
)
GRENADE = _rx(r"(?<!rocket-propelled )(?<!rocket propelled )\bgrenades?\b")
SEXUAL = _rx(
    r"\brap(?:e|ed|es|ing|ists?)\b|sexual(?:ly)? (?:violence|assault|abuse|exploitation|assaulted|abused|"
    r"slavery)|gang-?raped|sexual violence"
)
ABDUCTION = _rx(
    r"\babduct|\bkidnap|forcibly disappeared|enforced disappearance|forced disappearance|taken hostage|"
    r"took (?:\w+ ){0,3}hostage|seized (?:\w+ ){0,3}hostages|hostage-taking|went missing after being "
    r"(?:taken|seized)|were (?:taken|seized) by (?:gunmen|militants|fighters|armed men|bandits)|"
    # "detained a civilian and took him to an unknown location", "his whereabouts remain unknown"
    r"to an unknown (?:location|destination|place)|whereabouts (?:remain|remained|are|is|were|was) unknown|"
    r"held incommunicado"
)
REGAINS = _rx(
    r"\brecaptur|\bretook\b|\bretaken\b|\bretake\b|\bregain(?:ed|s)?\b|\bliberat(?:ed|ing)\b|"
    r"\bliberation\b(?! (?:army|front|movement|forces|organi[sz]ation|council|tigers|party)\b)|"
    r"\btook back\b|\btaken back\b|\bwon back\b|\brecover(?:ed)? control|\breclaimed\b|\bregained control",
    grouped=False,
)
OVERTAKES = _rx(
    r"\bcaptur(?:ed|e|ing)\b|\bseiz(?:ed|e|ing)\b(?! (?:\w+ ){0,3}(?:weapons|property|goods|cash|assets|"
    r"drugs|vehicles|livestock|cattle|equipment))|\b(?:took|taken|taking|takes|take) (?:full )?control|"
    r"\bovers?r[au]n\b|\boverran\b|\bfell to\b|\bfallen to\b|\bseized control|\bgained control|"
    r"\btook over\b|\btaken over\b|\boccupied (?:the|a|an|several|two|three|\d+)\b|\bentered and (?:took|seized)",
    grouped=False,
)
TERRITORY = _rx(
    r"\b(?:village|villages|town|towns|city|cities|settlement|settlements|territory|area|areas|"
    r"district|districts|region|locality|hamlet|base|bases|positions?|airport|airfield|hill|"
    r"checkpoint|outpost|camp|headquarters|garrison|stronghold|control|capital|county|province|"
    r"state|border crossing|crossing|port|bridge|neighbou?rhood|suburb|oblast|municipality|"
    r"commune|mine|oilfield|oil field|dam|island|square (?:kilometres|kilometers|km|miles))\b"
)
NONSTATE = _rx(
    r"\brebels?\b|\bmilitants?\b|\binsurgents?\b|\bjihadists?\b|\bRSF\b|Rapid Support Forces|\bJNIM\b|"
    r"al-Shabaab|al-Shabab|Islamic State|\bISIS\b|\bISIL\b|\bISWAP\b|\bHTS\b|Hayat Tahrir|\bM23\b|"
    r"Arakan Army|\bPDF\b|People's Defen[cs]e Force|\bKIA\b|\bTNLA\b|\bMNDAA\b|\bELN\b|\bFARC\b|"
    r"Clan del Golfo|Gulf Clan|\bgangs?\b|armed groups?|militias?|militiamen|\bfighters\b|resistance|"
    r"\bWagner\b|\bHouthis?\b|\bHezbollah\b|\bHamas\b|\bTaliban\b|\bSDF\b|\bYPG\b|\bPKK\b|\bADF\b|"
    r"\bCODECO\b|\bAnsaru\b|Boko Haram|\bbandits?\b|separatists?|paramilitar"
)
# ground taken with no fight told: "No fighting reported.", "without a shot" (also read across sentences:
# events._unfought)
UNFOUGHT = r"\bno fighting (?:was )?reported|without (?:a fight|resistance|fighting|a shot)"
TRANSFER = _rx(
    r"hand(?:ed|ing) over (?:\w+ ){0,3}(?:control|town|city|positions|base|bases|territory|area|areas|village|"
    r"villages|checkpoint|camp|airport|facilit\w*|post|compound|district|barracks|garrison)|"
    r"\b(?:control|town|city|positions|base|bases|territory|area|village|checkpoint|camp|airport|post|compound|"
    r"barracks|garrison) (?:(?:was|were|had been|being|recently|formally) )*handed over\b|"
    r"\bhand(?:ed)?over of\b|\bhandover\b|transferred control|"
    rf"{UNFOUGHT}|peacefully (?:took|handed|withdrew)|withdr(?:ew|awn) (?:\w+ ){{0,6}}(?:under|as part of|"
    r"following|in line with) (?:an? |the )?(?:\w+ )?(?:agreement|deal|accord|ceasefire)|"
    r"(?:agreed|agreement) (?:\w+ ){0,3}(?:to )?(?:withdraw|hand over|handover|pull out|transfer)"
)
BASE = _rx(
    r"(?:established|set up|setting up|build|built|building|opened|erected|constructed|installed|"
    r"establish(?:ing|es)?) (?:\w+ ){0,4}?(?:base|bases|headquarters|outpost|outposts|camp|camps|"
    r"checkpoints?|garrison|command post|command centre|command center|military post|position)\b|"
    r"new (?:military )?(?:base|headquarters|outpost)"
)
AGREEMENT = _rx(
    r"\bcease-?fire\b|\btruce\b|peace (?:deal|agreement|accord|treaty|plan|talks)|"
    r"\bsigned\b|\bagreement\b|\bagreed\b|prisoner (?:exchange|swap)s?|exchange of (?:prisoners|"
    r"bodies|POWs)|swap(?:ped)? (?:of )?(?:prisoners|POWs|detainees)|exchanged (?:\w+ ){0,3}"
    r"(?:prisoners|POWs|bodies|detainees)|\baccord\b|\bdeal\b|memorandum|\bnegotiated\b|"
    r"\breleased (?:\w+ ){0,3}(?:hostages|prisoners|detainees|POWs)\b"
)
ARRESTS = _rx(
    r"\barrest|\bdetain(?!ees)|\bdetention|taken into custody|\brounded up\b|\bapprehend|\bjailed\b|"
    r"\bremanded\b|\bhandcuffed\b|\bcustody\b|\bcaught by (?:the )?police\b"
)
CIVILIANS = _rx(
    r"\bcivilians?\b|\bvillagers?\b|\bresidents?\b|\bfarmers?\b|\bherders?\b|\bworshipp?ers\b|"
    r"\bpassengers\b|\bwomen\b|\bchildren\b|\bchild\b|\b(?:man|woman|boy|girl|teenager|baby|infant|pensioner)\b|\bfamily\b|"
    r"\bjournalists?\b|\bmedia (?:workers|professionals)\b|\bteachers?\b|\baid workers?\b|\bdisplaced\b|\bIDPs?\b|\btraders?\b|"
    r"\bminers?\b|\blabou?rers?\b|\bstudents?\b|\bpupils?\b|\bchief\b|\bimam\b|\bpriest\b|\bpastor\b|\brelatives\b|"
    r"\bmarket\b|\bchurch\b|\bmosque\b|\bschool\b|\bmotorists?\b|\btravell?ers\b|\bfishermen\b|"
    r"\bpeople\b|\bmen\b|\bboys\b|\bgirls\b|\bhealth workers\b|\bdoctors?\b|\bnurses?\b|\bmedics\b|"
    r"\belders?\b|\bcouncillor\b|\bactivists?\b|\bhuman rights defenders?\b|\blocal leader\b|"
    r"\bPalestinians\b|\bRohingya\b|\bdelivery\b|\bwedding\b|\bfuneral\b|\bleaders?\b|\bpoliticians?\b|"
    r"\bcandidates?\b|\blawyers?\b|\bjudges?\b|\bbusinessm[ae]n\b|\bmayors?\b|\bshopkeepers?\b|"
    r"\bdrivers?\b|\bvendors?\b|\bmerchants?\b|\bclerics?\b|\bmonks?\b|\bnuns?\b|\bpersons?\b"
)
ATTACK_VERBS = _rx(
    r"\bkill(?:ed|ing|s)?\b|\bshot\b|\bshooting\b|\bexecut(?:ed|ion|ions)\b|\bmassacr|\bmurder|"
    r"\bstabb|\bbeat(?:en|ing)?\b|\battack(?:ed|ing|s)?\b|gunned down|\btortur|burn(?:ed|t) alive|"
    r"\bhacked\b|\bslaughter|\bassault(?:ed)?\b|opened fire|fired (?:on|at)|\braided\b|\btargeted\b|"
    r"\bmachete|\bdied\b|\bdead\b|\bbodies\b|\bbeheaded\b|\bdecapitated\b|\bslain\b"
)
PERPETRATORS = _rx(
    r"\bgunmen\b|\bassailants?\b|unidentified (?:armed )?(?:men|individuals|attackers|persons)|"
    r"armed men|\bbandits?\b|\bsettlers\b|\bkillers?\b|\battackers\b|\bhitmen\b|\bsicarios\b|"
    r"\bextrajudicial"
)
LOOTING = _rx(
    r"\bloot|\bpillag|\barson|\btorch(?:ed|ing)\b|set (?:fire|ablaze|alight) to|\bset (?:\w+ ){1,3}(?:on fire|"
    r"ablaze|alight)|burn(?:ed|t|ing) down|\bburn(?:ed|t) (?:\w+ ){0,3}(?:homes|houses|huts|shops|"
    r"villages?|property|crops|vehicles|cars|trucks|lorries|buses|tractors|excavators|machinery|equipment|"
    r"offices|schools|churches|mosques|markets|warehouses|granaries|tents|shelters)|\bdemolish|\bdemolition|\bbulldoz|\brazed\b|\bvandali[sz]|"
    r"destroyed (?:\w+ ){0,3}(?:homes|houses|property|shops|crops|buildings|huts|granaries)|ransacked|"
    r"plunder|confiscat|seized (?:\w+ ){0,3}(?:property|livestock|cattle|goods|land)|\bstole\b|"
    r"\bstolen\b|\brustl|\bsabotag"
)
CLASH = _rx(
    r"\bclash(?:ed|es)?\b|\bfighting\b|\bfought\b|\bbattl(?:e|es|ed|ing)\b|\bgun ?fights?\b|\bfirefights?\b|"
    r"exchange(?:d)? (?:of )?(?:gun)?fire|\bskirmish|\bambush|\bassaults?\b|\bassaulted\b|"
    r"attack(?:ed|s)? (?:on )?(?:\w+ ){0,3}(?:positions?|base|bases|checkpoints?|convoys?|outposts?|"
    r"(?<!idp )(?<!refugee )(?<!displacement )(?<!displaced )camps?|"
    r"patrols?|troops|soldiers|forces|military|army|police station|barracks|post|units?)|\boffensive\b|"
    r"\bstorm(?:ed|ing)?\b(?! of\b)|\brepel(?:led|s)?\b|\brepulsed\b|counter-?attack|counter-?offensive|\bcombat\b|"
    r"\bengag(?:ed|ing) (?:in )?(?:combat|fighting|battle|clashes)|\bengagements?\b|killed in action|\binfiltrat|\bhostilities\b|"
    r"\boperations? (?:near|in|around|against|on)\b|\badvanc(?:e|ed|es|ing)\b|"
    r"\bcontact\b|\bpushed back\b|\bencircl|\bshootout\b|\bshoot-out\b|attacked (?:the )?(?:\w+ )?"
    r"(?:forces|troops|army|military|soldiers)|\bfought off\b|\bassault operations\b|"
    # daily staff reports: "the invaders attacked 36 times near X", "the enemy attacked our positions"
    r"\b(?:invaders|occupiers|enemy|aggressor) (?:\w+ ){0,2}?attack(?:ed|s)? (?:near|around|towards?|in the)\b|"
    r"\battack(?:ed|s)? \d+ times\b"
)
# Weapons moved, not used: "helicopters being moved close to the border", "a submarine armed with cruise
# missiles sailed through the Bosphorus", "Iskanders have been transferred into positions for the drills"
WEAPONS_MOVED = _rx(
    r"\bmoved\b|\btransferred\b|\bsailed\b|\brelocated\b|\bredeployed\b|\bdeployed\b|\bstationed\b|"
    r"\barrived\b|\bpositioned\b|\bshipped\b"
)
_MOVABLE_WEAPONS = re.compile(
    r"\b(?:helicopters?|aircraft|fighter jets?|jets|warplanes|bombers|missiles?|rockets?|launchers?|iskanders?|"
    r"submarines?|warships?|frigates?|destroyers|tanks|artillery|howitzers?|"
    r"drones|s-[34]00s?|su-\d+s?|mig-\d+s?)\b"
)
# what weapons do: fired, hit, shot down, killed
_WEAPONS_USED = re.compile(
    r"\b(?:struck|strikes?|striking|hit|hits|fired|firing|launch(?:ed|es|ing)|attack(?:ed|ing)|shell(?:ed|ing)|"
    r"attacks?(?! (?:and [\w-]+ )?(?:helicopters|aircraft|jets|drones|submarines))|detonat\w*|"
    r"bomb(?:ed|ing)|kill(?:ed|ing)|destroy(?:ed|ing)|damag(?:ed|ing)|explo(?:ded|sions?)|shot down|downed|"
    r"intercept(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|target(?:ed|ing)|raids?|clash(?:es|ed)?|fight(?:ing)?|"
    r"battles?|dead|died)\b"
)


def _weapons_moved(original: str, low: str, words: int) -> bool:
    return bool(_MOVABLE_WEAPONS.search(low)) and not _WEAPONS_USED.search(low)


CHANGE = _rx(
    r"\bdeploy|\bredeploy|\breinforc|\barrived\b|\barrival\b|\bdispatched\b|\bdespatched\b|"
    r"\bsent (?:\w+ ){0,3}(?:troops|soldiers|forces|reinforcements|units|fighters)|\bmobili[sz]|"
    r"\brecruit|\bconscript|\bwithdr(?:ew|awn|awal|awing)\b|\bpulled (?:out|back)\b|\brelocat|"
    r"\bstationed\b|\bmassing\b|\bamass|\bbuild-?up\b|\btraining\b|\btrained\b|\bmerged\b|"
    r"joined forces|\bdefected\b|\bformed (?:a |an )?(?:new )?(?:militia|group|unit|brigade|alliance|"
    r"coalition)|\bdisband|troop movements?|\bmoved (?:\w+ ){0,2}(?:troops|forces|equipment|units)|"
    r"military (?:exercises?|drills?)|\bdrills\b|\bretreat(?:ed)?\b|"
    r"\bsurrender(?:ed)?\b|\bcurfew\b|\bstate of emergency\b|\bmartial law\b|\bbanned\b|\bsuspended\b"
)
MILITARY_VICTIMS = _rx(
    r"\boccupiers\b|\binvaders\b|\benemy\b|\bgunmen\b|\bsoldiers?\b|\btroops\b|\bunits?\b|\bforces\b|\bfighters\b|\bmilitants?\b|"
    r"\bservice ?(?:men|members)\b|\binsurgents?\b|\brebels?\b|\bmilitary\b|\bpersonnel\b|"
    r"\bjihadists?\b|\bpolice(?:men)?\b|\bofficers\b|\bmilitia|\bcombatants\b|\bgendarmes?\b|"
    r"\bmercenaries\b|\binfantry"
)
CASUALTY_WORDS = _rx(
    r"\blost (?:up to |at least |about |more than |over |some |around )?\d|\bkilled\b|\bwounded\b|\binjured\b|\bdead\b|\bdied\b|\bbodies\b|\bcasualties\b|\blosses\b|"
    r"\bdeaths?\b|\bfatalities\b|\beliminated\b|\bkilling\b"
)
# Non-violent policy steps: a law, decree or order announced, adopted or signed (not martial law, which is
# a change to activity).
POLICY = _rx(
    r"\b(?:announced|announces|adopted|adopts|passed|approved|approves|signed|signs|introduced|introduces|"
    r"enacted|unveiled|issued|decreed|published) (?:\w+ ){0,4}?(?<!martial )(?:law|laws|bill|decree|"
    r"legislation|policy|regulations?|ordinance|reform)\b"
)
# other non-violent steps by those in power (ACLED's "Other"), after troop movements in precedence
OTHER_STEPS = _rx(
    r"\bdissolution of (?:[\w-]+ ){0,5}?(?:parliament|government|party|parties|assembly|council)\b|"
    r"\b(?:dissolved|dissolves|banned|bans|suspended|suspends|outlawed|outlaws) (?:\w+ ){0,3}?"
    r"(?:parliament|government|parties|party|media|broadcasters?|newspapers?|ngos?|organi[sz]ations?|"
    r"activities|associations?|unions?|assembly|council|internet)\b|"
    r"\b(?:imposed|imposes|declared|declares|extended|extends|lifted|lifts) (?:\w+ ){0,2}?(?:a |the )?"
    r"(?:curfew|state of emergency|martial law|state of siege)\b|"
    r"\b(?:shut|shuts|cut|cuts) (?:down |off )?(?:the )?(?:internet|mobile networks?|telecommunications)\b|"
    r"\bexpell?(?:ed|s)? (?:\w+ ){0,2}?(?:diplomats?|ambassadors?|envoys?)\b"
)
# Sentences that speak of the future, a possibility, an opinion or a long past, not of one incident.
HYPOTHETICAL = _rx(
    r"\b(?:will|would|could|might|may|should|must|shall|plans? to|planning to|planned to|aims? to|intends? to|"
    r"threaten(?:s|ed)? to|expected to|likely|unlikely|if|whether|possible|possibly|seems|seem|"
    r"appears? to|risk of|fears? (?:of|that)|ready to|prepared to|vowed to|pledged to|"
    r"called for|calls for|calling for|calling on|called on|urged|urging|would be|can|meant to|designed to|"
    r"tried to|"
    r"try to|seeking|seek to|sought to|hoping|hopes to|attempting|trying(?<!soldiers trying)(?<!troops trying)(?<!forces trying)(?<!fighters trying)(?<!militants trying)"
    r"(?<!rebels trying)(?<!units trying)|prepare|prepares|preparing|"
    r"in preparation|seeks|seeks to|permission|allowed to|wants to|want to|asked for|repeatedly|"
    r"analysts?|experts?|assessed|assesses|believes?|intended to|aimed at)\b"
)
# Figures and events over a long period: background, even with a number in them.
LONG_PERIOD = _rx(
    r"\bsince (?<!time since )(?:then|the (?:start|beginning|outbreak)(?! of (?:the|this) (?:day|morning|night|evening))|(?:the )?(?:19|20)\d\d|the war|the invasion|"
    r"the \w+ (?:coup|war|invasion|offensive|conflict|uprising|takeover)|"
    r"the conflict|(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december))|\bso far\b|\bin total\b|\bto date\b|\bthroughout the (?:war|conflict|year)|"
    r"\bover the (?:past|last) (?:year|years|months|decade)|\bwar, which began\b|\bhas killed\b|"
    r"\bhave been killed since\b|\bsince (?<!time since )(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|last week|last month|last year|early|late)\b|\bsince the \w+ (?:began|started|erupted|broke out)\b|\bha(?:s|ve) since\b|\bsince then\b|"
    r"\b(?:killed|died|wounded|injured|displaced) (?:in|during) the (?:war|conflict)(?![\w-]| zone)|"
    r"\btotal (?:combat )?losses\b|"
    r"\bby the end of (?:the year|(?:19|20)\d\d|(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b)"
)
# "A suicide car bomber has killed at least nine people": a news lead's present perfect, an incident; not
# the toll of a war, an epidemic or a group ("The conflict has killed more than 500,000 people")
_INCIDENT_SUBJECT = re.compile(
    r"\b(?:bombers?|bombs?|bombings?|blasts?|explosions?|(?:air ?)?strikes?|airstrikes?|attacks?|attackers?|raids?|"
    r"shelling|missiles?|rockets?|drones?|gunm[ae]n|shootings?|ambush|landmines?|mines?|ieds?|grenades?)\b[^,;:()]*\Z"
)


def long_period_of(low: str) -> bool:
    """Whether a lower-cased sentence counts over a long period (``LONG_PERIOD``), "has killed" after an
    attack of its own clause aside."""
    for m in LONG_PERIOD.finditer(low):
        if m.group() != "has killed" or not _INCIDENT_SUBJECT.search(low, max(0, m.start() - 60), m.start()):
            return True
    return False


# background whatever its date: how the war began, told again ("The war began when Hamas-led militants
# ..."), and a toll counted since a campaign began ("killed since the offensive began on Nov. 27")
# (each branch opens with a literal, its word start checked behind it: `re` finds the literals quickly)
WAR_BEGAN = re.compile(
    r"the(?<!\wthe) (?:war|conflict|invasion|fighting) (?:began|started|erupted|broke out) "
    r"(?:when|with|after)\b|"
    r"since(?<!\wsince) the (?:\w+ )?(?:war|conflict|invasion|fighting|offensive|escalation|"
    r"operation|assault) (?:began|started|erupted|broke out|was launched)\b"
)
BACKGROUND = _rx(
    r"\bsince (?:the )?(?:start|beginning|outbreak)(?! of (?:the|this) (?:day|morning|night|evening))|\bsince (?:19|20)\d\d|\bsince (?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December)|over the past (?:year|"
    r"months|years|decade)|throughout the war|in recent (?:months|years|weeks)|\bcontinues? to\b|"
    r"\bongoing\b|\bstrategy\b|\bsignifican|\bescalation\b|"
    r"\bmarks?\b|\bwar\b|\bconflict\b|\bgenerally\b|\busually\b|\boften\b|\bhistory\b|\bhistorically\b|"
    r"\befforts? to\b|\battempts? to\b|\bpart of\b|\bkeeps? on\b|\bkeeps?\b|\banniversar"
)

# --- gates: a rule runs only when a word of the sentence starts like one of its keys (speed) ---

_WORD_RE = re.compile(r"[a-z0-9]+")
# Each gated rule has one bit; each key (a word beginning of 1 to 5 letters) the bits of the rules it opens.
# A sentence's mask is the union over the 3-, 4- and 5-letter beginnings of its words: a rule runs only
# when its bit is in the mask (one integer test instead of a set intersection per rule).
_BIT: dict[int, int] = {}
_KEY_BITS: dict[str, int] = {}


def gate(rx: re.Pattern[str]) -> int:
    """Give ``rx`` a bit and open it to the word beginnings it cannot match without (``gate_words``);
    returns the bit."""
    bit = _BIT.setdefault(id(rx), 1 << len(_BIT))
    words = gate_words(rx)
    if words is None:
        raise ValueError(f"no word every match of this rule holds: {rx.pattern[:80]!r}")
    for k in words:
        _KEY_BITS[k] = _KEY_BITS.get(k, 0) | bit
    return bit


def bit(rx: re.Pattern[str]) -> int:
    """The gate bit of a rule (``gate`` gave it one)."""
    return _BIT[id(rx)]


def gate_words(rx: re.Pattern[str]) -> set[str] | None:
    """Word beginnings, one of which every match of ``rx`` holds: at most five letters of a word, or a
    whole shorter word ("cs" of "cs gas"); None when the pattern shows none. Read off the parsed pattern:
    the literal beginnings of the alternatives at a word start (through groups, alternatives and
    optional parts), or a word that a mandatory part of the match must begin with, whichever opens
    the gate least often. A rule compiled by ``_rx`` is read as written (its alternatives not yet
    grouped under their first letters: the same matches start at the same places)."""
    return _required(list(sre_parse.parse(_AS_WRITTEN.get(id(rx), rx.pattern), rx.flags)))


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _starts(items: list, prefix: str = "") -> set[str] | None:
    """The beginnings (<= 5 letters) of the word a match of ``items`` opens with, ``prefix`` read already."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1 :]
        if op is sre.LITERAL:
            ch = chr(av)
            if not ch.isalnum():
                return {prefix} if prefix else None  # the word ends: a whole word
            prefix += ch
            if len(prefix) == 5:
                return {prefix}
            continue
        if op is sre.AT and av is sre.AT_BOUNDARY and prefix:
            return {prefix}  # the word ends here
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width
        if op is sre.SUBPATTERN:
            return _starts(list(av[3]) + rest, prefix)
        if op is sre.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                got = _starts(list(branch) + rest, prefix)
                if got is None:
                    return None
                found |= got
            return found
        if op in _REPEATS:
            low, high, sub = av
            again = [(op, (max(0, low - 1), high if high == sre.MAXREPEAT else high - 1, sub))] if high != 1 else []
            got = _starts(list(sub) + again + rest, prefix)
            if low == 0:
                skipped = _starts(rest, prefix)
                if got is None or skipped is None:
                    return None
                got |= skipped
            return got
        return {prefix} if len(prefix) >= 3 else None  # a character class: the word goes on unknown
    return {prefix} if len(prefix) >= 3 else None


def _required(items: list, word_start: bool = False) -> set[str] | None:
    """Beginnings one of which every match of ``items`` holds: of all the mandatory parts that give
    some, the most telling (``_cost``: "in preparation" is gated on "prepa", not "in")."""
    found: list[set[str]] = []
    i = 0
    while i < len(items):
        if word_start and (starts := _starts(items[i:])) is not None:
            found.append(starts)
        op, av = items[i]
        if op is sre.SUBPATTERN:
            items[i : i + 1] = list(av[3])
            continue
        if op is sre.AT:
            word_start = word_start or av is sre.AT_BOUNDARY
        elif op is sre.LITERAL:
            word_start = not chr(av).isalnum()
        elif op is sre.BRANCH:
            each = [_required(list(branch) + items[i + 1 :], word_start) for branch in av[1]]  # (then what follows)
            if all(words is not None for words in each):
                found.append(set().union(*each))
            word_start = False
        elif op in _REPEATS and av[0] >= 1:
            if (words := _required(list(av[2]), word_start)) is not None:
                found.append(words)
            word_start = False
        elif op not in (sre.ASSERT, sre.ASSERT_NOT):
            word_start = False
        i += 1
    return min(found, key=_cost) if found else None


# words so common that a gate on them opens for nearly every sentence
_COMMON = frozenset(
    "a an the in on at to of so as is it by or and for has have had was were be been this that with from".split()
)


def _cost(words: set[str]) -> tuple[int, int]:
    """How often a gate on ``words`` opens, roughly: a common word is worst, a short beginning bad."""
    return max(100 if w in _COMMON else 5 - len(w) for w in words), len(words)


def beginnings(sentence: str) -> int:
    """The mask of the rules whose keys begin a word of the (lower-cased) sentence."""
    # (words never span whitespace, so the sentence's mask is the union of its chunks' masks:
    # str.split and a lookup per chunk instead of a regex scan of the sentence)
    return reduce(or_, map(_WORD_MASKS.__getitem__, sentence.split()), 0)


class _WordMasks(dict[str, int]):
    """chunk (a whitespace-separated piece of a sentence) -> the mask of its words, remembered for
    chunks seen before (a pure function: a cache). A chunk not seen yet is worked out by
    ``__missing__``, so a sentence's mask is one pass in C over its chunks."""

    def __missing__(self, chunk: str) -> int:
        get = _KEY_BITS.get
        bits = 0
        for word in _WORD_RE.findall(chunk):
            bits |= get(word[:3], 0) | get(word[:4], 0) | get(word[:5], 0)
        bits |= chunk_flags(chunk) << CASUALTY_SHIFT
        if len(self) > 200_000:
            self.clear()  # bounded memory on long runs
        self[chunk] = bits
        return bits


_WORD_MASKS = _WordMasks()


gate(CHEMICAL)
gate(SUICIDE)
gate(DISRUPTED)
gate(IED)
gate(PROTEST)
gate(RIOT)
gate(MOB)
gate(WEAPONS_MOVED)
gate(AIR)
gate(SEXUAL)
# ("forcibly/enforced/forced disappeared" needs "disappear...": "forced" alone would open it on "forces")
gate(ABDUCTION)
gate(TRANSFER)
gate(REGAINS)
gate(OVERTAKES)
gate(BASE)
gate(SHELLING)
gate(GRENADE)
gate(AGREEMENT)
gate(ARRESTS)
gate(CLASH)
gate(ATTACK_VERBS)
gate(LOOTING)
gate(CHANGE)
gate(POLICY)
gate(OTHER_STEPS)
gate(CASUALTY_WORDS)


_ANY_KEY = sum(_BIT.values())  # the rules that classify (the gates below are not among them)
# the first word of each alternative of the rules that leave a sentence out (or one word it needs)
gate(HYPOTHETICAL)
gate(LONG_PERIOD)
gate(BACKGROUND)


def on(rx: re.Pattern[str], sentence: str, words: int) -> re.Match[str] | None:
    bit = _BIT.get(id(rx))
    if bit is not None and not bit & words:
        return None
    return rx.search(sentence)


_ATTACKING = re.compile(
    r"\battack|\bopened fire|\bfired\b|\braid|\bshot dead\b|\bexecut|\bmassacr|\bstorm|"
    r"\bgunned|\bstabb|\bbeat|\btortur|\bhacked|\bslaughter|\bkilled (?:a|an|\d|two|three|four|five|six|"
    r"seven|eight|nine|ten|at least|more than|dozens|several|scores)\b|\bkilling\b"
)
_TOLL = re.compile(r"\btoll\b|\bcasualty (?:figures?|count)\b")
gate(_TOLL)
_B_TOLL = _BIT[id(_TOLL)]
# the words of a casualty figure told after its incident ("More than 20 others were injured")
FIGURE_WORDS = re.compile(r"\b(?:" + "|".join([*PEOPLE_WORDS, *(rf"{w}\b" for w in PEOPLE_WHOLE_WORDS)]) + ")")
gate(FIGURE_WORDS)
# (gates for the tests that only qualify a rule: registered after _ANY_KEY, so not among its keys)
gate(PERPETRATORS)
_B_PERPETRATORS = _BIT[id(PERPETRATORS)]
_LETHAL = re.compile(
    r"\bkill|\bshot|\bdead\b|\bdied\b|\bexecut|\bmurder|\bmassacr|\bopened fire\b|\bfired on\b|"
    r"\bbehead|\bdecapitat|\bstabb|\bhacked\b|\blynch|burn(?:ed|t) alive|\bslain\b|\bslaughter"
)
_STRUCK = re.compile(r"\bstruck\b|\bstrikes?\b|\bhit\b|\bpounded\b")
_AIR_FORCES = re.compile(
    r"\bisraeli|\bidf\b|\bu\.?s\.?(?:-led)? |\bamerican|\bcoalition|\bsaudi|\bturkish|\bjunta|"
    r"\bmyanmar military|\btatmadaw|\bsudanese (?:army|armed forces)|\bsaf\b|\bsyrian|\bregime|"
    r"\bethiopian|\bnigerian (?:air|military)|\bpakistani|\bjordanian|\bemirati|\bnato\b"
)
_STRIKERS = re.compile(r"\brussian|\bisraeli|\bforces\b")
_INTERCEPTED = re.compile(r"\bintercept|\bshot down\b|\bdowned\b")
_WEAPONS = re.compile(r"\b(?:drones?|missiles?|rockets?|uavs?|shaheds?|projectiles)\b")
gate(_INTERCEPTED)

# each gated rule's bit, named, for the inline tests ``words & _B_X and X.search(sentence)`` (as _on)
_B_ABDUCTION = _BIT[id(ABDUCTION)]
_B_AGREEMENT = _BIT[id(AGREEMENT)]
_B_AIR = _BIT[id(AIR)]
_B_ARRESTS = _BIT[id(ARRESTS)]
_B_ATTACK_VERBS = _BIT[id(ATTACK_VERBS)]
_B_BACKGROUND = _BIT[id(BACKGROUND)]
_B_BASE = _BIT[id(BASE)]
_B_CASUALTY_WORDS = _BIT[id(CASUALTY_WORDS)]
_B_CHANGE = _BIT[id(CHANGE)]
_B_CHEMICAL = _BIT[id(CHEMICAL)]
_B_CLASH = _BIT[id(CLASH)]
_B_DISRUPTED = _BIT[id(DISRUPTED)]
_B_GRENADE = _BIT[id(GRENADE)]
_B_HYPOTHETICAL = _BIT[id(HYPOTHETICAL)]
_B_IED = _BIT[id(IED)]
_B_LONG_PERIOD = _BIT[id(LONG_PERIOD)]
_B_LOOTING = _BIT[id(LOOTING)]
_B_MOB = _BIT[id(MOB)]
_B_OVERTAKES = _BIT[id(OVERTAKES)]
_B_POLICY = _BIT[id(POLICY)]
_B_OTHER_STEPS = _BIT[id(OTHER_STEPS)]
_B_PROTEST = _BIT[id(PROTEST)]
_B_REGAINS = _BIT[id(REGAINS)]
_B_RIOT = _BIT[id(RIOT)]
_B_SEXUAL = _BIT[id(SEXUAL)]
_B_SHELLING = _BIT[id(SHELLING)]
_B_SUICIDE = _BIT[id(SUICIDE)]
_B_TRANSFER = _BIT[id(TRANSFER)]
_B_INTERCEPTED = _BIT[id(_INTERCEPTED)]
# A sentence's mask also holds, above the gates' bits, casualties' chunk flags (substrings, not word
# beginnings): without a hint find_casualties finds nothing and is not called; the flags are passed on.
CASUALTY_SHIFT = 64  # more than the gates' bits (asserted at the end of the module)
MAY_HINT = (HINT | PHRASE_START) << CASUALTY_SHIFT

# Ordered rules: the first that matches decides.
_REMOTE = ("Chemical weapon", "Suicide bomb", "Disrupted weapons use", "Remote explosive/landmine/IED")


def classify(sentence: str) -> str | None:
    """The ACLED subtype a sentence reports, or None when it reports no incident."""
    return classify_sentence(sentence)[0]


def classify_sentence(original: str, sentence: str | None = None, words: int | None = None) -> tuple[str | None, bool]:
    """(subtype, weak): weak when only casualty words suggest an incident. ``sentence`` and ``words``:
    the lower-cased sentence and its word beginnings, when the caller has them already."""
    if sentence is None:
        sentence = original.lower()
    if "scrambl" in sentence or "on patrol" in sentence or "took off" in sentence:
        # "Poland scrambled fighter jets": aircraft sent up on alert are no strike; read the rest
        sentence = _SCRAMBLED.sub(lambda m: " " * len(m.group(0)), sentence)
        words = None
    if words is None:
        words = beginnings(sentence)
    if not _ANY_KEY & words:
        return None, False  # no word of any rule: no incident (the common case, decided fast)
    subtype = _strong_subtype(original, sentence, words)
    if (
        subtype == "Attack"
        and not (words & _B_PERPETRATORS and PERPETRATORS.search(sentence))
        and not _ATTACKING.search(sentence)
    ):
        return subtype, True  # "A 64-year-old man was killed in Bilozerka": a victim of something told before
    if subtype is not None and not (
        subtype in ("Attack", "Armed clash")
        and words & _B_TOLL
        and _TOLL.search(sentence)
        and not (words & _B_CLASH and CLASH.search(sentence))
    ):
        return subtype, False
    if subtype is not None:
        # "The army put the toll at eight dead": a count of an incident told before
        return subtype, True
    if words & _B_CASUALTY_WORDS and CASUALTY_WORDS.search(sentence):
        if MILITARY_VICTIMS.search(sentence):
            return "Armed clash", True
        if CIVILIANS.search(sentence):
            return "Attack", True
    if words & _B_POLICY and POLICY.search(sentence):
        # "the government announced a nationwide conscription law": a non-violent policy step
        return "Other", False
    if words & _B_CHANGE and CHANGE.search(sentence):
        return "Change to group/activity", False
    if words & _B_OTHER_STEPS and OTHER_STEPS.search(sentence):
        return "Other", False
    return None, False


@dataclass(frozen=True)
class Rule:
    """When ``pattern`` matches the lower-cased sentence (read as ``text`` makes it, when given) and
    ``test`` holds (when given), the sentence reports ``subtype``: a subtype, or a function of
    (original, lower-cased sentence, mask, match) that picks one. A rule runs only when the sentence's
    mask holds its pattern's gate."""

    subtype: str | Callable[[str, str, int, re.Match[str]], str]
    pattern: re.Pattern[str]
    test: Callable[[str, str, int], bool] | None = None
    text: Callable[[str, int], str] | None = None

    def decide(self, original: str, low: str, words: int) -> str | None:
        if not words & bit(self.pattern):
            return None
        read = self.text(low, words) if self.text is not None else low
        match = self.pattern.search(read)
        if match is None or (self.test is not None and not self.test(original, read, words)):
            return None
        return self.subtype if isinstance(self.subtype, str) else self.subtype(original, read, words, match)


def _stopped(low: str, words: int) -> str:
    return _without_failed_interception(low) if words & (_B_DISRUPTED | _B_INTERCEPTED) else low


def _riot_kind(original: str, low: str, words: int, match: re.Match[str]) -> str:
    return "Mob violence" if on(MOB, low, words) else "Violent demonstration"


def _regained_by(original: str, low: str, words: int, match: re.Match[str]) -> str:
    verb = REGAINS.search(low)
    return territory_kind(low, verb.start() if verb else len(low), retaken=True)


def _took_territory(rx: re.Pattern[str]) -> Callable[[str, str, int], bool]:
    """The place taken is named: "retook the village", "rebels seized Damascus" (not in a relative clause)."""
    return lambda original, low, words: (
        _main_clause(rx, low) and bool(TERRITORY.search(low) or _place_follows(rx, original))
    )


def _clash_kind(original: str, low: str, words: int, match: re.Match[str]) -> str:
    if _CIVILIANS_TARGETED.search(low) and not _TWO_SIDES.search(low):
        return "Attack"  # "fighters stormed the town, shooting residents and looting homes": one-sided
    return "Armed clash"


def _strike_kind(original: str, low: str, words: int, match: re.Match[str]) -> str:
    return strike_kind(low)


def strike_kind(low: str) -> str:
    """The kind of a strike with no weapon named ("Israeli strikes killed 32"): air forces strike from
    the air, others with artillery or missiles."""
    return "Air/drone strike" if _AIR_FORCES.search(low) else "Shelling/artillery/missile attack"


def _attack_kind(original: str, low: str, words: int, match: re.Match[str]) -> str:
    if (MILITARY_VICTIMS.search(low) and not CIVILIANS.search(low)) or _KILLED_FIGHTERS.search(low):
        return "Armed clash"  # "troops shot dead two gunmen during a raid", "killed 20 militants near a school"
    if on(LOOTING, low, words) and not _LETHAL.search(low):
        return "Looting/property destruction"
    return "Attack"


# The rules, in order: the first that decides gives the subtype.
RULES: tuple[Rule, ...] = (
    Rule("Chemical weapon", CHEMICAL),
    Rule("Suicide bomb", SUICIDE),
    # a failed interception ("failed to intercept it") is blanked first; debris that still killed on the
    # ground makes it a strike
    Rule("Disrupted weapons use", DISRUPTED, lambda o, low, w: not _kills_on_ground(low), _stopped),
    Rule(
        "Disrupted weapons use",
        _INTERCEPTED,
        lambda o, low, w: bool(_WEAPONS.search(low)) and not _kills_on_ground(low),
        _stopped,
    ),
    Rule("Remote explosive/landmine/IED", IED),
    Rule(lambda o, low, w, m: _protest_kind(low), PROTEST),
    Rule(_riot_kind, RIOT),
    Rule("Mob violence", MOB),
    Rule("Change to group/activity", WEAPONS_MOVED, _weapons_moved),
    Rule("Air/drone strike", AIR, lambda o, low, w: not _air_is_incidental(low)),
    Rule("Sexual violence", SEXUAL),
    Rule("Abduction/forced disappearance", ABDUCTION),
    Rule("Non-violent transfer of territory", TRANSFER),
    Rule(_regained_by, REGAINS, _took_territory(REGAINS)),
    Rule(
        "Non-state actor overtakes territory",
        OVERTAKES,
        lambda o, low, w: _took_territory(OVERTAKES)(o, low, w) and not _people_captured(low),
    ),
    Rule("Headquarters or base established", BASE),
    Rule("Shelling/artillery/missile attack", SHELLING, lambda o, low, w: shelling_words(low)),
    Rule("Grenade", GRENADE),
    # a truce called for or proposed is no agreement; nor a policy adopted, nor fighting
    Rule(
        "Agreement",
        AGREEMENT,
        lambda o, low, w: not on(CLASH, low, w) and not _only_proposed(low) and not on(POLICY, low, w),
    ),
    Rule(lambda o, low, w, m: _arrest_kind(low, m.start()), ARRESTS),
    # gunmen killing civilians are no side of a clash
    Rule(
        _clash_kind,
        CLASH,
        lambda o, low, w: not (on(PERPETRATORS, low, w) and CIVILIANS.search(low) and not _military_victims(low)),
    ),
    Rule(
        _strike_kind,
        SHELLING,
        lambda o, low, w: bool(_STRUCK.search(low)) and bool(on(CASUALTY_WORDS, low, w) or _STRIKERS.search(low)),
    ),
    Rule(_attack_kind, ATTACK_VERBS, lambda o, low, w: bool(CIVILIANS.search(low) or on(PERPETRATORS, low, w))),
    Rule("Looting/property destruction", LOOTING),
)


# each rule with its gate bit, read once (a sentence opens few gates: the others cost one "&")
_GATED = tuple((bit(rule.pattern), rule) for rule in RULES)


def _strong_subtype(original: str, sentence: str, words: int) -> str | None:
    for gate, rule in _GATED:
        if words & gate:
            subtype = rule.decide(original, sentence, words)
            if subtype is not None:
                return subtype
    return None


# aircraft sent up on alert or on patrol: no strike by themselves
_SCRAMBLED = re.compile(
    r"\b(?:scrambl\w*|took off|on patrol)\b(?:(?:\s+[\w-]+){0,4}?\s+(?:jets?|aircraft|"
    r"warplanes?|planes?|helicopters?|fighters|interceptors?)\b)?"
)
# proposals, calls and offers of talks or a truce: no agreement yet, unless one was reached or signed
_PROPOSED = re.compile(
    r"\b(?:call(?:ed|s|ing)? (?:for|on)|urg(?:ed|es|ing)|propos(?:ed|es|ing|als?)|push(?:ed|es|ing)? "
    r"for|appeal(?:ed|s|ing)? for|offer(?:ed|s|ing)? to|invit(?:ed|es|ing)|demand(?:ed|s|ing)?|"
    r"press(?:ed|es|ing)? for|hope(?:d|s)? (?:for|to)|plan(?:s|ned)? to|expected to)\b"
)
_CONCLUDED = re.compile(
    r"\b(?:signed|reached|struck|concluded|sealed|clinched|agreed (?:to|on|a)|exchanged|swapped|"
    r"released|took effect|came into (?:effect|force)|went into effect|entered into force)\b"
)


def _only_proposed(sentence: str) -> bool:
    """True when a truce or talks are only called for, proposed or planned ("mediators have called for
    new ceasefire talks to begin on Thursday"), not agreed."""
    return bool(_PROPOSED.search(sentence)) and not _CONCLUDED.search(sentence)


def _place_follows(rx: re.Pattern[str], original: str) -> bool:
    """True when a capitalised name follows the verb: "rebels seized Damascus"."""
    low = original.lower()
    if len(low) != len(original):
        return False
    for m in rx.finditer(low):
        if re.match(
            r"\w*\s+(?:(?:the|control of|the town of|the city of|the village of|(?:most|much|all|the whole|"
            r"(?:large |several )?parts?) of)\s+)?[A-Z][a-z]",
            original[m.end() : m.end() + 40],
        ):
            return True
    return False


# The helpers below read the lower-cased sentence: their patterns are lower-case, without IGNORECASE
# (several times faster in `re`).
_RELATIVE_HEAD = re.compile(r"\b(?:which|that|where|whose)\b[^,;]*$")
_REPORTED_THAT = re.compile(
    r"\b(?:said|says|say|claimed|claims|claim|reported|reports|report|stated|states|announced|announces|"
    r"confirmed|confirms|added|adds|noted|notes|wrote|writes|alleged|alleges|acknowledged|admitted|insisted|"
    r"indicates?|indicated|shows?|showed|suggests?|suggested)\b[^,;]{0,30}?\bthat\b"
)
_LOST_HEAD = re.compile(r"\b(?:lost|losing)\b[^,;.]*$")
_SHELLING_WORDS = re.compile(
    r"\b(?:shell|artillery|missile|rocket|mortar|mlrs?\b|grads?\b|uragan|smerch\b|himars\b|iskander|kalibr|"
    r"kinzhal|cruise\b|ballistic|bombard|howitzer|projectiles?\b|s-300|tochka|atacms\b|"
    r"storm shadow|qassam|katyusha)|multiple (?:rocket )?launch"
)
_GROUND_HIT = re.compile(r"\b(?:air ?strikes?\b|airstrikes?\b|struck\b|hit\b)|drone strikes?")
_STOPPED = re.compile(r"intercept|shot down|downed|defused|thwarted|foiled")
_GUNS = re.compile(r"\b(?:missiles?|artillery|shell(?:ed|ing|s)|mortars?)\b")
_FROM_THE_AIR = re.compile(r"\b(?:air ?strikes?|airstrikes?|warplanes?|glide bombs?|kabs?|air raids?)\b")
_SECURITY = re.compile(
    r"\b(?:police|security forces|soldiers|troops|officers|army\b|junta\b|forces\b|"
    r"protesters? (?:were|was) (?:killed|shot)|killed (?:\w+ ){0,3}protest)"
)
# (national armies by their acronyms too: "FACA and Wagner forces recaptured ..." is the state's)
_STATE_FORCE = re.compile(
    r"\b(?:army|government|military|troops|soldiers|saf|junta|faca|fardc|fama|tatmadaw|idf|sna|endf|anp)\b"
)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:soldiers?|troops|fighters|prisoners|servicemen|men|militants|"
    r"civilians|people|members|commanders?|him|her|them|pows|weapons|vehicles|tanks|"
    r"equipment|drugs|cash|ammunition|boats?|vessels?|ships?)\b"
)
_TAKEN_PRISONER = re.compile(r"\bwere captured\b|\btaken prisoner")


_FAILED_INTERCEPTION = re.compile(
    r"\b(?:failed to|fails to|fail to|unable to|did not|didn't|could not|couldn't|"
    r"without being|not) (?:\w+ )?(?:intercept\w*|shoot down|shot down|down)\b"
)


def _without_failed_interception(sentence: str) -> str:
    """The sentence with "failed to intercept it", "could not shoot down" blanked out (same length)."""
    if "intercept" not in sentence and "down" not in sentence:
        return sentence
    return _FAILED_INTERCEPTION.sub(lambda m: " " * len(m.group(0)), sentence)


def _military_victims(sentence: str) -> bool:
    """MILITARY_VICTIMS other than "gunmen" (who are the perpetrators when civilians die)."""
    return any(m.group(0) != "gunmen" for m in MILITARY_VICTIMS.finditer(sentence))


# civilians shot or killed by those who stormed or raided (no fighting between two sides told)
_CIVILIANS_TARGETED = re.compile(
    r"\b(?:shooting|shot|killing|killed|executing|executed|massacring|massacred|slaughtering|gunning down) "
    r"(?:\w+ ){0,2}?(?:civilians|residents|villagers|worshippers|farmers|displaced|women|children|unarmed)\b"
)
_TWO_SIDES = re.compile(
    r"\b(?:clash\w*|fighting|fought|battl\w+|exchange\w* (?:of )?(?:gun)?fire|firefight\w*|gunfight\w*|"
    r"repel\w*|repuls\w+|soldiers|troops|army|police)\b"
)


def _main_clause(rx: re.Pattern[str], sentence: str) -> bool:
    """True when rx matches outside a relative clause ("the region, which Ukraine has seized");
    reported speech is no relative clause ("bloggers claimed that Russian forces seized Illinka")."""
    for m in rx.finditer(sentence):
        head = sentence[max(0, m.start() - 40) : m.start()]
        if "that" in head:
            # the cue may lie further back: "said in a statement on Sunday that its fighters had captured"
            head = _REPORTED_THAT.sub(" ", sentence[max(0, m.start() - 90) : m.start()])[-40:]
        if not _RELATIVE_HEAD.search(head) and not _LOST_HEAD.search(head):
            return True
    return False


def shelling_words(sentence: str) -> bool:
    """True when a real artillery/missile word is present (not only "struck" or "hit")."""
    return bool(_SHELLING_WORDS.search(sentence))


def _kills_on_ground(sentence: str) -> bool:
    # "air defences shot down 20 drones, but debris killed two" is still a disrupted attack;
    # "a drone strike killed two despite air defence" is a strike.
    return bool(_GROUND_HIT.search(sentence)) and not _STOPPED.search(sentence)


def _air_is_incidental(sentence: str) -> bool:
    # missiles and drones together: ACLED codes the combined strike by its missiles
    guns = _GUNS.search(sentence)
    return guns is not None and not _FROM_THE_AIR.search(sentence) and guns.start() < AIR.search(sentence).start()


def _protest_kind(sentence: str) -> str:
    force = EXCESSIVE_FORCE.search(sentence)
    if force and _SECURITY.search(sentence):
        return "Excessive force against protesters"
    if VIOLENT_DEMO.search(sentence):
        return "Violent demonstration"
    if INTERVENTION.search(sentence):
        return "Protest with intervention"
    return "Peaceful protest"


def territory_kind(low: str, at: int, retaken: bool) -> str:
    """Who took the territory told at ``at`` of the lower-cased sentence, as ACLED counts it: a state's
    forces retaking it ("retook", "liberated") regain it, unless a non-state group is named before the
    verb; a place captured is overtaken, unless a state's force (and no non-state group) is named
    before the verb. (A foreign state's forces overtake: ``events._foreign_force`` reads their places.)"""
    head = low[:at]
    nonstate, state = bool(NONSTATE.search(head)), bool(_STATE_FORCE.search(head))
    if retaken:
        return "Non-state actor overtakes territory" if nonstate and not state else "Government regains territory"
    return "Government regains territory" if state and not nonstate else "Non-state actor overtakes territory"


# fighters as the ones killed: "troops killed about 20 Hamas militants"
_KILLED_FIGHTERS = re.compile(
    r"\b(?:killed|killing|neutrali[sz]ed|eliminated)\s+(?:about |around |at least |more than |some |over )?"
    r"(?:\d[\d,]*|dozens|scores|several|hundreds)\s+(?:(?!and\b|or\b)[\w'-]+\s+){0,2}?(?:militants|fighters|soldiers|troops|"
    r"terrorists|rebels|insurgents|jihadists|gunmen|attackers|servicemen)\b"
)


def _arrest_kind(sentence: str, at: int) -> str:
    """People detained or rounded up by gunmen or an armed group are abducted; by the state, arrested."""
    head = sentence[:at]
    if (NONSTATE.search(head) or PERPETRATORS.search(head)) and not _STATE_FORCE.search(head):
        return "Abduction/forced disappearance"
    return "Arrests"


def _people_captured(sentence: str) -> bool:
    m = OVERTAKES.search(sentence)
    after = sentence[m.end() : m.end() + 60] if m else ""
    return bool(_PEOPLE_AFTER.match(after)) or bool(_TAKEN_PRISONER.search(sentence)) and not TERRITORY.search(after)


gate(WAR_BEGAN)  # (not among the classifying rules: after _ANY_KEY)
assert len(_BIT) <= CASUALTY_SHIFT  # the gates' bits stay below casualties' flags
