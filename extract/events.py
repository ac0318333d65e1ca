"""Events: which sentences report an incident, its ACLED subtype, and one event per incident.

``classify(sentence)`` decides an ACLED subtype from the whole sentence with ordered keyword rules
(the more specific weapon or form of violence wins over the general one), or None.
``find_events(...)`` keeps the sentences that report an incident (not opinion, forecast or
background), dates them, attaches places, actors, casualties and claims, and merges sentences that
report the same incident.

Dating: a date stated in the sentence (not a dateline, not the "said on Monday" of the report),
else "two days later" counted from the day named before, else the date named last in the paragraph,
else the day it was reported, else the publication date (lower confidence).
Merging: same subtype and overlapping places, casualty groups or paragraph with compatible dates; a
sentence that only counts victims ("A man was killed in Bilozerka") or tells more of the incident
just reported without a date of its own joins that incident.
A sentence naming a place of its own, in another region than the incident before it, starts a new
incident (unless it only counts victims).
Speed: every rule is matched on lower-cased text and runs only when a word of the sentence starts
like one of the words it cannot match without (its gate: one bit of a per-sentence mask). Nothing
scans the whole article per sentence: claims, mentions, datelines and earlier incidents are found by
bisect or by index, so time grows linearly with the article's length.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import itemgetter, or_

from extract.attribution import COUNTRY_NAMES
from extract.casualties import HINT, PHRASE_START, chunk_flags, find_casualties
from extract import incident_model
from extract.dates import DateMention, datelines, find_dates, parse_published
from extract.folding import fold
from extract.model import SUBTYPE_TO_TYPE, Actor, Casualty, Claim, Entity, Event, PlaceRef, Span


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
    if grouped:
        alternatives = _by_first_letter(alternatives)
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


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
            current.append(pattern[i:i + 2])
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

CHEMICAL = _rx(r"\bchemical (?:weapons?|attacks?|agents?|munitions?|substances?)|\bchlorine\b|\bsarin\b|mustard gas|"
               r"nerve agent|toxic (?:gas|substances?)|poison(?:ous)? gas|chloropicrin|\bCS gas\b")
SUICIDE = _rx(r"suicide (?:bomb|bomber|bombers|bombing|bombings|attacks?|attackers?|vests?|car|blasts?|truck)|"
              r"blew (?:himself|herself|themselves) up|self-detonat|detonated (?:his|her|their) (?:explosive )?vest")
DISRUPTED = _rx(
    rf"\b(?:intercepted|intercepting|intercept|shot down|shooting down|downed|neutrali[sz]ed|destroyed)\s+{_W}{{0,5}}?"
    r"(?:drones?|missiles?|UAVs?|rockets?|shaheds?|projectiles|aerial targets|aircraft|helicopters?|jets?|"
    r"warplanes?|glide bombs?)\b|"
    rf"\b(?:drones?|missiles?|UAVs?|rockets?|shaheds?|projectiles|aircraft|helicopters?)\s+{_W}{{0,3}}?"
    r"(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:intercepted|shot down|downed|neutrali[sz]ed|destroyed|jammed)|"
    r"\bair defen[cs]es? (?:\w+ ){0,3}(?:intercepted|shot down|downed|destroyed|repelled|repulsed|neutrali[sz]ed)|"
    r"\bdefused\b|\bdefusing\b|\bdisarmed (?:an?|the) (?:\w+ )?(?:bomb|device|mine|IED)|"
    r"\bthwarted\b|\bfoiled\b|(?:seized|confiscated|found|discovered) (?:\w+ ){0,4}(?:weapons cache|arms cache|"
    r"cache of (?:weapons|arms|explosives)|explosives)|dismantled (?:an? )?(?:IED|bomb|explosive)"
)
IED = _rx(r"\bIEDs?\b|improvised explosive|\bblew up\b|\bblown up\b|\bblowing up\b|\bdynamited\b|\blandmines?\b|\bland mines?\b|anti-(?:tank|personnel) mines?|"
          r"roadside bombs?|car bombs?|vehicle-borne|\bVBIEDs?\b|explosive devices?|booby[- ]trap|"
          r"(?:stepped on|hit|struck|ran over|triggered|detonated) an? (?:\w+ )?mine\b|mine (?:explosion|blast)|"
          r"unexploded (?:ordnance|munitions?|shell)|\bUXO\b|bombs? (?:exploded|went off|detonated)|"
          r"(?:planted|hidden) (?:an? )?(?:bomb|explosives?)|magnetic bomb|sticky bomb|remote[- ]controlled|"
          r"explosion (?:of|from) (?:a|an) (?:\w+ )?(?:device|mine|bomb)")
PROTEST = _rx(r"\bprotest|\bdemonstrators?\b|\bdemonstrations?\b|\bdemonstrated (?:against|in|outside|for|near|at|"
              r"in front)\b|\bdemonstrating\b|\bin solidarity with\b|\bencampments?\b|"
              r"\boccupied (?:a|the) (?:\w+ )?(?:building|campus|university|square|lecture hall|office)|"
              r"\brall(?:y|ies|ied)\b|\bmarchers\b|"
              r"(?<!troops )(?<!soldiers )(?<!forces )\bmarch(?:ed|ing)\b|"
              r"\bmarch(?:ed|es)? (?:through|to|in|against|on)\b|\bsit-ins?\b|\bpicket|took to the streets|"
              r"went on strike|general strike|hunger strike|\bstrik(?:e|ing) workers|workers (?:went|go) on strike|"
              r"\bvigil\b|\bstaged (?:a|an) (?:\w+ )?(?:strike|walkout)|"
              # crowd control means a crowd gathered: "police fired rubber bullets at students"
              r"\btear ?gas\b|\bwater cannons?\b|\brubber bullets\b|\bpepper spray\b|\bbaton-?charged?\b|"
              r"\bdispersed (?:a |the )?(?:crowd|gathering|sit-in|students)")
EXCESSIVE_FORCE = _rx(r"\b(?:killed|killing|shot dead|shot|opened fire|live (?:ammunition|rounds|fire|bullets)|fired live|"
                      r"fired (?:on|at|into)|firing (?:on|at|into)|"
                      r"gunned down|beaten to death|fatally|died|dead|massacre)")
VIOLENT_DEMO = _rx(r"\briot(?!\s+(?:police|gear|squad|officers|control|units?|troops))|threw (?:stones|rocks|petrol bombs|molotov|bottles|fireworks|objects|projectiles|bricks)|"
                   r"hurl(?:ed|ing) (?:stones|rocks|projectiles|bricks|bottles|petrol bombs)|molotov|petrol bombs?|"
                   r"set (?:fire|ablaze|alight)|torched|burn(?:ed|t|ing) (?:\w+ )?(?:tyres|tires|cars|vehicles|"
                   r"buildings|police|barricades)|vandali[sz]|clash(?:ed|es)? with (?:the )?(?:police|security|riot|"
                   r"officers|soldiers|troops)|looted|stormed|ransacked|smashed|attacked (?:police|officers|security)|"
                   r"injur(?:ed|ing) (?:\w+ ){0,2}(?:police|officers)|violent")
INTERVENTION = _rx(r"tear ?gas|water cannons?|rubber bullets|\bdispers(?:ed|e|ing)\b|broke up|\bdetain|\barrest|"
                   r"\bbatons?\b|pepper spray|stun grenades?|flash-?bangs?|police (?:intervened|charged)|forcibly "
                   r"(?:removed|evicted|dispersed)|\bcleared\b|\bkettled\b|\bbeat(?:en)?\b|crack(?:ed)? ?down|"
                   r"\bclashed\b|\bscuffle|\bbaton-?charged?\b|\bcharged (?:the )?(?:crowd|protesters|demonstrators)")
RIOT = _rx(r"\briot(?:s|ers|ing|ed)?\b(?!\s+(?:police|gear|squad|officers|control|units?|troops))|\bunrest\b.*\b(?:torched|burned|looted|attacked)")
MOB = _rx(r"\bmobs?\b|\blynch|(?:beat|beaten|burned|burnt|stoned|hacked)(?: \w+){0,4} to death(?=.*\b(?:accused|suspected)\b)|"
          r"(?:accused|suspected) of (?:stealing|theft|witchcraft|blasphemy|sorcery|kidnapping|robbery)(?=.*\b(?:beat|lynch|"
          r"burn|ston|hack|kill))|(?:suspected|alleged) (?:thie(?:f|ves)|witch|witches|kidnappers?|robbers?)\b(?=.*\b(?:beat|"
          r"lynch|burn|ston|hack|kill))|vigilante|angry (?:crowd|residents|villagers|youths)|crowds? (?:of \w+ )?"
          r"(?:attacked|beat|set fire|burned|stoned|killed)|mob justice|jungle justice|stoned to death")
AIR = _rx(r"\bdrones?\b|\bUAVs?\b|\bair ?strikes?\b|\bairstrikes?\b|\bair raids?\b|\bair attacks?\b|\bwarplanes?\b|"
          r"fighter jets?|\bjets\b|helicopter gunships?|\bhelicopters?\b|aerial (?:bombardment|bombing|attacks?|strikes?)|"
          r"glide bombs?|guided (?:aerial )?bombs?|\bKABs?\b|\bshaheds?\b|kamikaze|loitering munitions?|"
          r"\bFPVs?\b|barrel bombs?|dropped (?:\w+ )?(?:bombs|explosives|munitions)|\baircraft\b|"
          r"\bbombed\b|\bbombing\b|\bbombings\b|\bsorties\b|"
          # the air force striking, not speaking ("the air force said Russia fired a ballistic missile")
          r"\bair force\b(?!(?:'s|’s)? (?:(?:also|earlier|later) )?(?:said|says|reported|reports|added|spokes\w+|data|"
          r"statement|command|commander|chief))")
SHELLING = _rx(r"\bshell(?:ed|ing|s|fire)?\b|\bartillery\b|\bmissiles?\b|\brockets?\b|\bmortars?\b|\bMLRS\b|\bGrads?\b|"
               r"\bHIMARS\b|\bIskanders?\b|\bKalibrs?\b|\bKinzhals?\b|\bcruise\b|\bballistic\b|\bbombard|\bhowitzers?\b|"
               r"multiple (?:rocket )?launch|\bprojectiles?\b|\bS-300s?\b|\bTochka|\bATACMS\b|\bStorm Shadows?\b|"
               r"\bQassam|\bKatyusha|\bmunitions\b|\bstruck\b|\bstrikes?\b|\bhit\b|\bpounded\b|\bblasts?\b|\bexplosions?\b")
GRENADE = _rx(r"(?<!rocket-propelled )(?<!rocket propelled )\bgrenades?\b")
SEXUAL = _rx(r"\brap(?:e|ed|es|ing|ists?)\b|sexual(?:ly)? (?:violence|assault|abuse|exploitation|assaulted|abused|"
             r"slavery)|gang-?raped|sexual violence")
ABDUCTION = _rx(r"\babduct|\bkidnap|forcibly disappeared|enforced disappearance|forced disappearance|taken hostage|"
                r"took (?:\w+ ){0,3}hostage|seized (?:\w+ ){0,3}hostages|hostage-taking|went missing after being "
                r"(?:taken|seized)|were (?:taken|seized) by (?:gunmen|militants|fighters|armed men|bandits)")
REGAINS = _rx(r"\brecaptur|\bretook\b|\bretaken\b|\bretake\b|\bregain(?:ed|s)?\b|\bliberat(?:ed|ing)\b|"
              r"\bliberation\b(?! (?:army|front|movement|forces|organi[sz]ation|council|tigers|party)\b)|"
              r"\btook back\b|\btaken back\b|\bwon back\b|\brecover(?:ed)? control|\breclaimed\b|\bregained control", grouped=False)
OVERTAKES = _rx(r"\bcaptur(?:ed|e|ing)\b|\bseiz(?:ed|e|ing)\b(?! (?:\w+ ){0,3}(?:weapons|property|goods|cash|assets|"
                r"drugs|vehicles|livestock|cattle|equipment))|\b(?:took|taken|taking|takes|take) (?:full )?control|"
                r"\bovers?r[au]n\b|\boverran\b|\bfell to\b|\bfallen to\b|\bseized control|\bgained control|"
                r"\btook over\b|\btaken over\b|\boccupied (?:the|a|an|several|two|three|\d+)\b|\bentered and (?:took|seized)", grouped=False)
TERRITORY = _rx(r"\b(?:village|villages|town|towns|city|cities|settlement|settlements|territory|area|areas|"
                r"district|districts|region|locality|hamlet|base|bases|positions?|airport|airfield|hill|"
                r"checkpoint|outpost|camp|headquarters|garrison|stronghold|control|capital|county|province|"
                r"state|border crossing|crossing|port|bridge|neighbou?rhood|suburb|oblast|municipality|"
                r"commune|mine|oilfield|oil field|dam|island)\b")
NONSTATE = _rx(r"\brebels?\b|\bmilitants?\b|\binsurgents?\b|\bjihadists?\b|\bRSF\b|Rapid Support Forces|\bJNIM\b|"
               r"al-Shabaab|al-Shabab|Islamic State|\bISIS\b|\bISIL\b|\bISWAP\b|\bHTS\b|Hayat Tahrir|\bM23\b|"
               r"Arakan Army|\bPDF\b|People's Defen[cs]e Force|\bKIA\b|\bTNLA\b|\bMNDAA\b|\bELN\b|\bFARC\b|"
               r"Clan del Golfo|Gulf Clan|\bgangs?\b|armed groups?|militias?|militiamen|\bfighters\b|resistance|"
               r"\bWagner\b|\bHouthis?\b|\bHezbollah\b|\bHamas\b|\bTaliban\b|\bSDF\b|\bYPG\b|\bPKK\b|\bADF\b|"
               r"\bCODECO\b|\bAnsaru\b|Boko Haram|\bbandits?\b|separatists?|paramilitar")
TRANSFER = _rx(r"handed over (?:\w+ ){0,3}(?:control|town|city|positions|base|bases|territory|area|areas|village|"
               r"villages|checkpoint|camp|airport|facilit\w*|post|compound|district|barracks|garrison)|"
               r"\bhand(?:ed)?over of\b|\bhandover\b|transferred control|without (?:a fight|resistance|fighting|"
               r"a shot)|peacefully (?:took|handed|withdrew)|withdr(?:ew|awn) (?:\w+ ){0,6}(?:under|as part of|"
               r"following|in line with) (?:an? |the )?(?:\w+ )?(?:agreement|deal|accord|ceasefire)|"
               r"(?:agreed|agreement) (?:\w+ ){0,3}(?:to )?(?:withdraw|hand over|handover|pull out|transfer)")
BASE = _rx(r"(?:established|set up|setting up|build|built|building|opened|erected|constructed|installed|"
           r"establish(?:ing|es)?) (?:\w+ ){0,4}?(?:base|bases|headquarters|outpost|outposts|camp|camps|"
           r"checkpoints?|garrison|command post|command centre|command center|military post|position)\b|"
           r"new (?:military )?(?:base|headquarters|outpost)")
AGREEMENT = _rx(r"\bcease-?fire\b|\btruce\b|peace (?:deal|agreement|accord|treaty|plan|talks)|"
                r"\bsigned\b|\bagreement\b|\bagreed\b|prisoner (?:exchange|swap)s?|exchange of (?:prisoners|"
                r"bodies|POWs)|swap(?:ped)? (?:of )?(?:prisoners|POWs|detainees)|exchanged (?:\w+ ){0,3}"
                r"(?:prisoners|POWs|bodies|detainees)|\baccord\b|\bdeal\b|memorandum|\bnegotiated\b|"
                r"\breleased (?:\w+ ){0,3}(?:hostages|prisoners|detainees|POWs)\b")
ARRESTS = _rx(r"\barrest|\bdetain(?!ees)|\bdetention|taken into custody|\brounded up\b|\bapprehend|\bjailed\b|"
              r"\bremanded\b|\bhandcuffed\b|\bcustody\b")
CIVILIANS = _rx(r"\bcivilians?\b|\bvillagers?\b|\bresidents?\b|\bfarmers?\b|\bherders?\b|\bworshipp?ers\b|"
                r"\bpassengers\b|\bwomen\b|\bchildren\b|\bchild\b|\b(?:man|woman|boy|girl|teenager|baby|infant|pensioner)\b|\bfamily\b|"
                r"\bjournalists?\b|\bteachers?\b|\baid workers?\b|\bdisplaced\b|\bIDPs?\b|\btraders?\b|"
                r"\bminers?\b|\bstudents?\b|\bpupils?\b|\bchief\b|\bimam\b|\bpriest\b|\bpastor\b|\brelatives\b|"
                r"\bmarket\b|\bchurch\b|\bmosque\b|\bschool\b|\bmotorists?\b|\btravell?ers\b|\bfishermen\b|"
                r"\bpeople\b|\bmen\b|\bboys\b|\bgirls\b|\bhealth workers\b|\bdoctors?\b|\bnurses?\b|\bmedics\b|"
                r"\belders?\b|\bcouncillor\b|\bactivists?\b|\bhuman rights defenders?\b|\blocal leader\b|"
                r"\bPalestinians\b|\bRohingya\b|\bdelivery\b|\bwedding\b|\bfuneral\b|\bleaders?\b|\bpoliticians?\b|"
                r"\bcandidates?\b|\blawyers?\b|\bjudges?\b|\bbusinessm[ae]n\b|\bmayors?\b|\bshopkeepers?\b|"
                r"\bdrivers?\b|\bvendors?\b|\bmerchants?\b|\bclerics?\b|\bmonks?\b|\bnuns?\b|\bpersons?\b")
ATTACK_VERBS = _rx(r"\bkill(?:ed|ing|s)?\b|\bshot\b|\bshooting\b|\bexecut(?:ed|ion|ions)\b|\bmassacr|\bmurder|"
                   r"\bstabb|\bbeat(?:en|ing)?\b|\battack(?:ed|ing|s)?\b|gunned down|\btortur|burn(?:ed|t) alive|"
                   r"\bhacked\b|\bslaughter|\bassault(?:ed)?\b|opened fire|fired (?:on|at)|\braided\b|\btargeted\b|"
                   r"\bmachete|\bdied\b|\bdead\b|\bbodies\b|\bbeheaded\b|\bdecapitated\b|\bslain\b")
PERPETRATORS = _rx(r"\bgunmen\b|\bassailants?\b|unidentified (?:armed )?(?:men|individuals|attackers|persons)|"
                   r"armed men|\bbandits?\b|\bsettlers\b|\bkillers?\b|\battackers\b|\bhitmen\b|\bsicarios\b|"
                   r"\bextrajudicial")
LOOTING = _rx(r"\bloot|\bpillag|\barson|\btorch(?:ed|ing)\b|set (?:fire|ablaze|alight) to|\bset (?:\w+ ){1,3}(?:on fire|"
              r"ablaze|alight)|burn(?:ed|t|ing) down|\bburn(?:ed|t) (?:\w+ ){0,3}(?:homes|houses|huts|shops|"
              r"villages?|property|crops|vehicles)|\bdemolish|\bdemolition|\bbulldoz|\brazed\b|\bvandali[sz]|"
              r"destroyed (?:\w+ ){0,3}(?:homes|houses|property|shops|crops|buildings|huts|granaries)|ransacked|"
              r"plunder|confiscat|seized (?:\w+ ){0,3}(?:property|livestock|cattle|goods|land)|\bstole\b|"
              r"\bstolen\b|\brustl|\bsabotag")
CLASH = _rx(r"\bclash(?:ed|es)?\b|\bfighting\b|\bfought\b|\bbattl(?:e|es|ed|ing)\b|\bgun ?fights?\b|\bfirefights?\b|"
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
            r"\battack(?:ed|s)? \d+ times\b")
CHANGE = _rx(r"\bdeploy|\bredeploy|\breinforc|\barrived\b|\barrival\b|\bdispatched\b|\bdespatched\b|"
             r"\bsent (?:\w+ ){0,3}(?:troops|soldiers|forces|reinforcements|units|fighters)|\bmobili[sz]|"
             r"\brecruit|\bconscript|\bwithdr(?:ew|awn|awal|awing)\b|\bpulled (?:out|back)\b|\brelocat|"
             r"\bstationed\b|\bmassing\b|\bamass|\bbuild-?up\b|\btraining\b|\btrained\b|\bmerged\b|"
             r"joined forces|\bdefected\b|\bformed (?:a |an )?(?:new )?(?:militia|group|unit|brigade|alliance|"
             r"coalition)|\bdisband|troop movements?|\bmoved (?:\w+ ){0,2}(?:troops|forces|equipment|units)|"
             r"military (?:exercises?|drills?)|\bdrills\b|\bretreat(?:ed)?\b|"
             r"\bsurrender(?:ed)?\b|\bcurfew\b|\bstate of emergency\b|\bmartial law\b|\bbanned\b|\bsuspended\b")
MILITARY_VICTIMS = _rx(r"\boccupiers\b|\binvaders\b|\benemy\b|\bgunmen\b|\bsoldiers?\b|\btroops\b|\bunits?\b|\bforces\b|\bfighters\b|\bmilitants?\b|"
                       r"\bservice ?(?:men|members)\b|\binsurgents?\b|\brebels?\b|\bmilitary\b|\bpersonnel\b|"
                       r"\bjihadists?\b|\bpolice(?:men)?\b|\bofficers\b|\bmilitia|\bcombatants\b|\bgendarmes?\b|"
                       r"\bmercenaries\b|\binfantry")
CASUALTY_WORDS = _rx(r"\blost (?:up to |at least |about |more than |over |some |around )?\d|\bkilled\b|\bwounded\b|\binjured\b|\bdead\b|\bdied\b|\bbodies\b|\bcasualties\b|\blosses\b|"
                     r"\bdeaths?\b|\bfatalities\b|\beliminated\b|\bkilling\b")
# Non-violent policy steps: a law, decree or order announced, adopted or signed (not martial law, which is
# a change to activity).
POLICY = _rx(r"\b(?:announced|announces|adopted|adopts|passed|approved|approves|signed|signs|introduced|introduces|"
             r"enacted|unveiled|issued|decreed|published) (?:\w+ ){0,4}?(?<!martial )(?:law|laws|bill|decree|"
             r"legislation|policy|regulations?|ordinance|reform)\b")
# other non-violent steps by those in power (ACLED's "Other"), after troop movements in precedence
OTHER_STEPS = _rx(r"\b(?:dissolved|dissolves|banned|bans|suspended|suspends|outlawed|outlaws) (?:\w+ ){0,3}?"
             r"(?:parliament|government|parties|party|media|broadcasters?|newspapers?|ngos?|organi[sz]ations?|"
             r"activities|associations?|unions?|assembly|council|internet)\b|"
             r"\b(?:imposed|imposes|declared|declares|extended|extends|lifted|lifts) (?:\w+ ){0,2}?(?:a |the )?"
             r"(?:curfew|state of emergency|martial law|state of siege)\b|"
             r"\b(?:shut|shuts|cut|cuts) (?:down |off )?(?:the )?(?:internet|mobile networks?|telecommunications)\b|"
             r"\bexpell?(?:ed|s)? (?:\w+ ){0,2}?(?:diplomats?|ambassadors?|envoys?)\b")
# Sentences that speak of the future, a possibility, an opinion or a long past, not of one incident.
HYPOTHETICAL = _rx(r"\b(?:will|would|could|might|may|should|must|shall|plans? to|planning to|aims? to|intends? to|"
                   r"threaten(?:s|ed)? to|expected to|likely|unlikely|if|whether|possible|possibly|seems|seem|"
                   r"appears? to|risk of|fears? (?:of|that)|ready to|prepared to|vowed to|pledged to|"
                   r"called for|calls for|calling for|calling on|called on|urged|urging|would be|can|meant to|designed to|"
                   r"tried to|"
                   r"try to|seeking|seek to|sought to|hoping|hopes to|attempting|trying(?<!soldiers trying)(?<!troops trying)(?<!forces trying)(?<!fighters trying)(?<!militants trying)"
                   r"(?<!rebels trying)(?<!units trying)|prepare|prepares|preparing|"
                   r"in preparation|seeks|seeks to|permission|allowed to|wants to|want to|asked for|repeatedly|"
                   r"analysts?|experts?|assessed|assesses|believes?|intended to|aimed at)\b")
# Figures and events over a long period: background, even with a number in them.
LONG_PERIOD = _rx(r"\bsince (?<!time since )(?:then|the (?:start|beginning|outbreak)(?! of (?:the|this) (?:day|morning|night|evening))|(?:the )?(?:19|20)\d\d|the war|the invasion|"
                  r"the \w+ (?:coup|war|invasion|offensive|conflict|uprising|takeover)|"
                  r"the conflict|(?:january|february|march|april|may|june|july|august|september|october|november|"
                  r"december))|\bso far\b|\bin total\b|\bto date\b|\bthroughout the (?:war|conflict|year)|"
                  r"\bover the (?:past|last) (?:year|years|months|decade)|\bwar, which began\b|\bhas killed\b|"
                  r"\bhave been killed since\b|\bsince (?<!time since )(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                  r"sunday|last week|last month|last year|early|late)\b|\bsince the \w+ (?:began|started|erupted|broke out)\b|\bha(?:s|ve) since\b|\bsince then\b|"
                  r"\b(?:killed|died|wounded|injured|displaced) (?:in|during) the (?:war|conflict)(?![\w-]| zone)|"
                  r"\btotal (?:combat )?losses\b")
# background whatever its date: how the war began, told again ("The war began when Hamas-led militants
# ..."), and a toll counted since a campaign began ("killed since the offensive began on Nov. 27")
# (each branch opens with a literal, its word start checked behind it: `re` finds the literals quickly)
_WAR_BEGAN = re.compile(r"the(?<!\wthe) (?:war|conflict|invasion|fighting) (?:began|started|erupted|broke out) "
                        r"(?:when|with|after)\b|"
                        r"since(?<!\wsince) the (?:\w+ )?(?:war|conflict|invasion|fighting|offensive|escalation|"
                        r"operation|assault) (?:began|started|erupted|broke out|was launched)\b")
BACKGROUND = _rx(r"\bsince (?:the )?(?:start|beginning|outbreak)(?! of (?:the|this) (?:day|morning|night|evening))|\bsince (?:19|20)\d\d|\bsince (?:January|February|"
                 r"March|April|May|June|July|August|September|October|November|December)|over the past (?:year|"
                 r"months|years|decade)|throughout the war|in recent (?:months|years|weeks)|\bcontinues? to\b|"
                 r"\bongoing\b|\bstrategy\b|\bsignifican|\bescalation\b|"
                 r"\bmarks?\b|\bwar\b|\bconflict\b|\bgenerally\b|\busually\b|\boften\b|\bhistory\b|\bhistorically\b|"
                 r"\befforts? to\b|\battempts? to\b|\bpart of\b|\bkeeps? on\b|\bkeeps?\b")

# --- gates: a rule runs only when a word of the sentence starts like one of its keys (speed) ---

_WORD_RE = re.compile(r"[a-z0-9]+")
# Each gated rule has one bit; each key (a word beginning of 1 to 5 letters) the bits of the rules it opens.
# A sentence's mask is the union over the 3-, 4- and 5-letter beginnings of its words: a rule runs only
# when its bit is in the mask (one integer test instead of a set intersection per rule).
_BIT: dict[int, int] = {}
_KEY_BITS: dict[str, int] = {}


def _gate(rx: re.Pattern[str], keys: str) -> None:
    """Register the word beginnings (at most 5 letters) without which ``rx`` cannot match."""
    bit = _BIT.setdefault(id(rx), 1 << len(_BIT))
    for k in keys.split():
        _KEY_BITS[k[:5]] = _KEY_BITS.get(k[:5], 0) | bit


def _beginnings(sentence: str) -> int:
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
        bits |= chunk_flags(chunk) << _CASUALTY_SHIFT
        if len(self) > 200_000:
            self.clear()  # bounded memory on long runs
        self[chunk] = bits
        return bits


_WORD_MASKS = _WordMasks()


_gate(CHEMICAL, "chemical chlorine sarin mustard nerve toxic poison poisonous chloropicrin cs")
_gate(SUICIDE, "suicide blew self detonated")
_gate(DISRUPTED, "intercepted intercepting intercept shot shooting downed neutralised neutralized destroyed defence "
                 "defused defusing disarmed thwarted foiled seized confiscated found discovered dismantled jammed")
_gate(IED, "blew blown blowing dynamited ied ieds improvised landmine landmines land mine mines roadside vehicle "
           "vbied vbieds explosive explosives booby unexploded uxo bomb bombs magnetic sticky remote explosion")
_gate(PROTEST, "protest protests protested protesters protestors protesting demonstrators demonstrator "
               "demonstrations demonstration demonstrated demonstrating rally rallies rallied marchers march marched "
               "marching marches sit picket picketed picketing streets strike striking walkout vigil solidarity "
               "encampment encampments occupied tear teargas cannon cannons rubber pepper baton dispersed")
_gate(RIOT, "riot riots rioters rioting rioted unrest")
_gate(MOB, "mob mobs lynch lynched lynching vigilante vigilantes angry crowd crowds jungle stoned death accused "
           "suspected alleged")
_gate(AIR, "drone drones uav uavs air airstrike airstrikes warplane warplanes fighter jets helicopter "
           "helicopters aerial glide guided kab kabs shahed shaheds kamikaze loitering fpv fpvs barrel dropped "
           "aircraft bombed bombing bombings sorties")
_gate(SEXUAL, "rape raped rapes raping rapist rapists sexual sexually gang")
# ("forcibly/enforced/forced disappeared" needs "disappear...": "forced" alone would open it on "forces")
_gate(ABDUCTION, "abduct abducted abducting abduction abductions kidnap kidnapped kidnapping disappeared "
                 "disappearance hostage hostages missing taken seized")
_gate(TRANSFER, "handed handover handed without transferred peacefully withdrew withdrawn agreed agreement")
_gate(REGAINS, "recaptured recapture recapturing retook retaken retake regain regained regains liberated liberation "
               "liberating back recovered recover reclaimed")
_gate(OVERTAKES, "captured capture capturing seized seize seizing control over overran overrun fell fallen occupied "
                 "entered")
_gate(BASE, "established establish establishing establishes set setting build built building opened erected "
            "constructed installed new")
_gate(SHELLING, "shell shelled shelling shells shellfire artillery missile missiles rocket rockets mortar mortars "
                "mlrs grad grads himars iskander iskanders kalibr kalibrs kinzhal kinzhals cruise ballistic "
                "bombard bombarded bombardment howitzer howitzers multiple projectile projectiles s tochka "
                "atacms storm qassam katyusha munitions struck strike strikes hit pounded blast blasts explosion "
                "explosions")
_gate(GRENADE, "grenade grenades")
_gate(AGREEMENT, "ceasefire cease truce peace signed agreement agreed prisoner exchange swap swapped exchanged "
                 "accord deal memorandum negotiated released")
_gate(ARRESTS, "detains arrest arrested arrests arresting detain detained detaining detention taken rounded apprehend "
               "apprehended jailed remanded handcuffed custody")
_gate(CLASH, "clash clashed clashes fighting fought battle battles battled battling gun gunfight gunfights "
             "firefight firefights exchange exchanged skirmish skirmishes ambush ambushed ambushes assault "
             "assaults assaulted attack attacked attacks offensive storm stormed storming repel repelled repels "
             "repulsed counter counterattack counteroffensive combat engaged engaging engagement engagements "
             "killed raid raided raids infiltrated infiltration hostilities operation operations advance "
             "advanced advances advancing contact pushed encircled encirclement shootout shoot fought")
_gate(ATTACK_VERBS, "kill killed killing kills shot shooting execute executed execution executions massacre "
                    "massacred murder murdered stabbed stabbing beat beaten beating attack attacked attacking "
                    "attacks gunned tortured torture burned burnt hacked slaughter slaughtered assault assaulted "
                    "opened fired raided targeted machete died dead bodies beheaded decapitated slain")
_gate(LOOTING, "loot looted looting pillage pillaged arson torched set burn burned burnt burning demolish "
               "demolished demolition bulldozed bulldozer razed vandalised vandalized destroyed ransacked "
               "plunder plundered confiscated seized stole stolen rustled rustling sabotage sabotaged")
_gate(CHANGE, "deploy deployed deploying deployment redeploy redeployed reinforce reinforced reinforcement "
              "reinforcements arrived arrival dispatched despatched sent mobilise mobilised mobilize mobilized "
              "mobilisation mobilization recruit recruited recruitment conscript conscripted conscription withdrew "
              "withdrawn withdrawal withdrawing pulled relocate relocated stationed massing amass amassed buildup "
              "build training trained merged joined defected formed disband disbanded troop moved drills drill "
              "exercise exercises retreat retreated surrender surrendered curfew emergency martial banned suspended")
_gate(POLICY, "announced announces adopted adopts passed approved approves signed signs introduced introduces "
              "enacted unveiled issued decreed published")
_gate(OTHER_STEPS, "dissolved dissolves banned bans suspended suspends outlawed outlaws imposed imposes declared "
                   "declares extended extends lifted lifts shut shuts cut cuts expelled expels")
_gate(CASUALTY_WORDS, "lost killed wounded injured dead died bodies casualties losses death deaths fatalities "
                      "eliminated killing")


_ANY_KEY = sum(_BIT.values())  # the rules that classify (the gates below are not among them)
# the first word of each alternative of the rules that leave a sentence out (or one word it needs)
_gate(HYPOTHETICAL, "meant designed will would could might may should must shall plan plans planning aim aims intend intends "
                    "threaten threatens threatened expected likely unlikely if whether possible possibly seems seem "
                    "appear appears risk fear fears ready prepared vowed pledged called calls calling urged urging "
                    "can trying tried try seeking seek sought hoping hopes attempting prepare prepares preparing "
                    "preparation permission allowed wants want asked repeatedly analyst analysts expert experts "
                    "assessed assesses believe believes intended aimed")
_gate(LONG_PERIOD, "since so total date throughout over began has have war conflict")
_gate(BACKGROUND, "since over throughout recent continue continues ongoing strategy significant escalation mark "
                  "marks war conflict generally usually often history historically effort efforts attempt "
                  "attempts part keep keeps")


def _on(rx: re.Pattern[str], sentence: str, words: int) -> re.Match[str] | None:
    bit = _BIT.get(id(rx))
    if bit is not None and not bit & words:
        return None
    return rx.search(sentence)


_ATTACKING = re.compile(r"\battack|\bopened fire|\bfired\b|\braid|\bshot dead\b|\bexecut|\bmassacr|\bstorm|"
                        r"\bgunned|\bstabb|\bbeat|\btortur|\bhacked|\bslaughter|\bkilled (?:a|an|\d|two|three|four|five|six|"
                        r"seven|eight|nine|ten|at least|more than|dozens|several|scores)\b|\bkilling\b")
_TOLL = re.compile(r"\btoll\b|\bcasualty (?:figures?|count)\b")
_gate(_TOLL, "toll casualty")
_B_TOLL = _BIT[id(_TOLL)]
# the words of a casualty figure told after its incident ("More than 20 others were injured")
_FIGURE_WORDS = re.compile(r"\b(?:kill|dead|died|death|wound|injur|hurt|captur|missing|casualt|fatalit|lives\b)")
_gate(_FIGURE_WORDS, "killed dead died deaths wounded injured injuries hurt captured missing casualties fatalities "
                     "lives")
# (gates for the tests that only qualify a rule: registered after _ANY_KEY, so not among its keys)
_gate(PERPETRATORS, "gunmen assailant assailants unidentified armed bandit bandits settlers killer killers "
                    "attackers hitmen sicarios extrajudicial")
_B_PERPETRATORS = _BIT[id(PERPETRATORS)]
_LETHAL = re.compile(r"\bkill|\bshot|\bdead\b|\bdied\b|\bexecut|\bmurder|\bmassacr|\bopened fire\b|\bfired on\b")
_STRUCK = re.compile(r"\bstruck\b|\bstrikes?\b|\bhit\b|\bpounded\b")
_AIR_FORCES = re.compile(r"\bisraeli|\bidf\b|\bu\.?s\.?(?:-led)? |\bamerican|\bcoalition|\bsaudi|\bturkish|\bjunta|"
                         r"\bmyanmar military|\btatmadaw|\bsudanese (?:army|armed forces)|\bsaf\b|\bsyrian|\bregime|"
                         r"\bethiopian|\bnigerian (?:air|military)|\bpakistani|\bjordanian|\bemirati|\bnato\b")
_STRIKERS = re.compile(r"\brussian|\bisraeli|\bforces\b")
_INTERCEPTED = re.compile(r"\bintercept|\bshot down\b|\bdowned\b")
_WEAPONS = re.compile(r"\b(?:drones?|missiles?|rockets?|uavs?|shaheds?|projectiles)\b")
_gate(_INTERCEPTED, "intercept shot downed")

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
_CASUALTY_SHIFT = 64  # more than the gates' bits (asserted at the end of the module)
_B_MAY_HINT = (HINT | PHRASE_START) << _CASUALTY_SHIFT

# Ordered rules: the first that matches decides.
_REMOTE = ("Chemical weapon", "Suicide bomb", "Disrupted weapons use", "Remote explosive/landmine/IED")


def classify(sentence: str) -> str | None:
    """The ACLED subtype a sentence reports, or None when it reports no incident."""
    return _classify(sentence)[0]


def _classify(original: str, sentence: str | None = None,
              words: int | None = None) -> tuple[str | None, bool]:
    """(subtype, weak): weak when only casualty words suggest an incident. ``sentence`` and ``words``:
    the lower-cased sentence and its word beginnings, when the caller has them already."""
    if sentence is None:
        sentence = original.lower()
    if "scrambl" in sentence or "on patrol" in sentence or "took off" in sentence:
        # "Poland scrambled fighter jets": aircraft sent up on alert are no strike; read the rest
        sentence = _SCRAMBLED.sub(lambda m: " " * len(m.group(0)), sentence)
        words = None
    if words is None:
        words = _beginnings(sentence)
    if not _ANY_KEY & words:
        return None, False  # no word of any rule: no incident (the common case, decided fast)
    subtype = _strong_subtype(original, sentence, words)
    if subtype == "Attack" and not (words & _B_PERPETRATORS and PERPETRATORS.search(sentence)) \
            and not _ATTACKING.search(sentence):
        return subtype, True  # "A 64-year-old man was killed in Bilozerka": a victim of something told before
    if subtype is not None and not (subtype in ("Attack", "Armed clash") and words & _B_TOLL and _TOLL.search(sentence)
                                    and not (words & _B_CLASH and CLASH.search(sentence))):
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


def _strong_subtype(original: str, sentence: str, words: int) -> str | None:
    if words & _B_CHEMICAL and CHEMICAL.search(sentence):
        return "Chemical weapon"
    if words & _B_SUICIDE and SUICIDE.search(sentence):
        return "Suicide bomb"
    stopped = _without_failed_interception(sentence) if words & (_B_DISRUPTED | _B_INTERCEPTED) else sentence
    if ((words & _B_DISRUPTED and DISRUPTED.search(stopped)) or (words & _B_INTERCEPTED and _INTERCEPTED.search(stopped)) and _WEAPONS.search(stopped)) \
            and not _kills_on_ground(stopped):
        return "Disrupted weapons use"
    if words & _B_IED and IED.search(sentence):
        return "Remote explosive/landmine/IED"
    if words & _B_PROTEST and PROTEST.search(sentence):
        return _protest_kind(sentence)
    if words & _B_RIOT and RIOT.search(sentence):
        return "Mob violence" if (words & _B_MOB and MOB.search(sentence)) else "Violent demonstration"
    if words & _B_MOB and MOB.search(sentence):
        return "Mob violence"
    if (words & _B_AIR and AIR.search(sentence)) and not _air_is_incidental(sentence):
        return "Air/drone strike"
    if words & _B_SEXUAL and SEXUAL.search(sentence):
        return "Sexual violence"
    if words & _B_ABDUCTION and ABDUCTION.search(sentence):
        return "Abduction/forced disappearance"
    if words & _B_TRANSFER and TRANSFER.search(sentence):
        return "Non-violent transfer of territory"
    if (words & _B_REGAINS and REGAINS.search(sentence)) and _main_clause(REGAINS, sentence) \
            and (TERRITORY.search(sentence) or _place_follows(REGAINS, original)):
        return "Non-state actor overtakes territory" if _nonstate_subject(sentence) else "Government regains territory"
    if (words & _B_OVERTAKES and OVERTAKES.search(sentence)) and _main_clause(OVERTAKES, sentence) and (TERRITORY.search(sentence) or _place_follows(OVERTAKES, original)) \
            and not _people_captured(sentence):
        return "Non-state actor overtakes territory"
    if words & _B_BASE and BASE.search(sentence):
        return "Headquarters or base established"
    shelling = words & _B_SHELLING and SHELLING.search(sentence)  # read again below
    if shelling and _shelling_words(sentence):
        return "Shelling/artillery/missile attack"
    if words & _B_GRENADE and GRENADE.search(sentence):
        return "Grenade"
    if (words & _B_AGREEMENT and AGREEMENT.search(sentence)) and not (words & _B_CLASH and CLASH.search(sentence)) and not _only_proposed(sentence) \
            and not (words & _B_POLICY and POLICY.search(sentence)):
        return "Agreement"
    if words & _B_ARRESTS and (arrest := ARRESTS.search(sentence)):
        return _arrest_kind(sentence, arrest.start())
    if (words & _B_CLASH and CLASH.search(sentence)) and not (words & _B_PERPETRATORS and PERPETRATORS.search(sentence)
                                                          and CIVILIANS.search(sentence)
                                       and not _military_victims(sentence)):
        if _CIVILIANS_TARGETED.search(sentence) and not _TWO_SIDES.search(sentence):
            return "Attack"  # "fighters stormed the town, shooting residents and looting homes": one-sided
        return "Armed clash"
    if shelling and _STRUCK.search(sentence) and \
            ((words & _B_CASUALTY_WORDS and CASUALTY_WORDS.search(sentence)) or _STRIKERS.search(sentence)):
        # "Israeli strikes killed 32": a strike with no weapon named; air forces strike from the air
        return "Air/drone strike" if _AIR_FORCES.search(sentence) else "Shelling/artillery/missile attack"
    if (words & _B_ATTACK_VERBS and ATTACK_VERBS.search(sentence)) and (CIVILIANS.search(sentence) or words & _B_PERPETRATORS and PERPETRATORS.search(sentence)):
        if (MILITARY_VICTIMS.search(sentence) and not CIVILIANS.search(sentence)) or _KILLED_FIGHTERS.search(sentence):
            return "Armed clash"  # "troops shot dead two gunmen during a raid", "killed 20 militants near a school"
        if (words & _B_LOOTING and LOOTING.search(sentence)) and not _LETHAL.search(sentence):
            return "Looting/property destruction"
        return "Attack"
    if words & _B_LOOTING and LOOTING.search(sentence):
        return "Looting/property destruction"
    if shelling and _STRUCK.search(sentence) and \
            ((words & _B_CASUALTY_WORDS and CASUALTY_WORDS.search(sentence)) or _STRIKERS.search(sentence)):
        return "Shelling/artillery/missile attack"
    return None


# aircraft sent up on alert or on patrol: no strike by themselves
_SCRAMBLED = re.compile(r"\b(?:scrambl\w*|took off|on patrol)\b(?:(?:\s+[\w-]+){0,4}?\s+(?:jets?|aircraft|"
                        r"warplanes?|planes?|helicopters?|fighters|interceptors?)\b)?")
# proposals, calls and offers of talks or a truce: no agreement yet, unless one was reached or signed
_PROPOSED = re.compile(r"\b(?:call(?:ed|s|ing)? (?:for|on)|urg(?:ed|es|ing)|propos(?:ed|es|ing|als?)|push(?:ed|es|ing)? "
                       r"for|appeal(?:ed|s|ing)? for|offer(?:ed|s|ing)? to|invit(?:ed|es|ing)|demand(?:ed|s|ing)?|"
                       r"press(?:ed|es|ing)? for|hope(?:d|s)? (?:for|to)|plan(?:s|ned)? to|expected to)\b")
_CONCLUDED = re.compile(r"\b(?:signed|reached|struck|concluded|sealed|clinched|agreed (?:to|on|a)|exchanged|swapped|"
                        r"released|took effect|came into (?:effect|force)|went into effect|entered into force)\b")


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
        if re.match(r"\w*\s+(?:(?:the|control of|the town of|the city of|the village of|(?:most|much|all|the whole|"
                    r"(?:large |several )?parts?) of)\s+)?[A-Z][a-z]",
                    original[m.end():m.end() + 40]):
            return True
    return False


# The helpers below read the lower-cased sentence: their patterns are lower-case, without IGNORECASE
# (several times faster in `re`).
_RELATIVE_HEAD = re.compile(r"\b(?:which|that|where|whose)\b[^,;]*$")
_REPORTED_THAT = re.compile(
    r"\b(?:said|says|say|claimed|claims|claim|reported|reports|report|stated|states|announced|announces|"
    r"confirmed|confirms|added|adds|noted|notes|wrote|writes|alleged|alleges|acknowledged|admitted|insisted|"
    r"indicates?|indicated|shows?|showed|suggests?|suggested)\b[^,;]{0,30}?\bthat\b")
_LOST_HEAD = re.compile(r"\b(?:lost|losing)\b[^,;.]*$")
_SHELLING_WORDS = re.compile(r"\b(?:shell|artillery|missile|rocket|mortar|mlrs\b|grads?\b|himars\b|iskander|kalibr|"
                             r"kinzhal|cruise\b|ballistic|bombard|howitzer|projectiles?\b|s-300|tochka|atacms\b|"
                             r"storm shadow|qassam|katyusha)|multiple (?:rocket )?launch")
_GROUND_HIT = re.compile(r"\b(?:air ?strikes?\b|airstrikes?\b|struck\b|hit\b)|drone strikes?")
_STOPPED = re.compile(r"intercept|shot down|downed|defused|thwarted|foiled")
_GUNS = re.compile(r"\b(?:missiles?|artillery|shell(?:ed|ing|s)|mortars?)\b")
_FROM_THE_AIR = re.compile(r"\b(?:air ?strikes?|airstrikes?|warplanes?|glide bombs?|kabs?|air raids?)\b")
_SECURITY = re.compile(r"\b(?:police|security forces|soldiers|troops|officers|army\b|junta\b|forces\b|"
                       r"protesters? (?:were|was) (?:killed|shot)|killed (?:\w+ ){0,3}protest)")
_STATE_FORCE = re.compile(r"\b(?:army|government|military|troops|soldiers|saf|junta)\b")
_PEOPLE_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:soldiers?|troops|fighters|prisoners|servicemen|men|militants|"
                           r"civilians|people|members|commanders?|him|her|them|pows|weapons|vehicles|tanks|"
                           r"equipment|drugs|cash|ammunition|boats?|vessels?|ships?)\b")
_TAKEN_PRISONER = re.compile(r"\bwere captured\b|\btaken prisoner")


_FAILED_INTERCEPTION = re.compile(r"\b(?:failed to|fails to|fail to|unable to|did not|didn't|could not|couldn't|"
                                  r"without being|not) (?:\w+ )?(?:intercept\w*|shoot down|shot down|down)\b")


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
    r"(?:\w+ ){0,2}?(?:civilians|residents|villagers|worshippers|farmers|displaced|women|children|unarmed)\b")
_TWO_SIDES = re.compile(r"\b(?:clash\w*|fighting|fought|battl\w+|exchange\w* (?:of )?(?:gun)?fire|firefight\w*|gunfight\w*|"
                        r"repel\w*|repuls\w+|soldiers|troops|army|police)\b")


def _main_clause(rx: re.Pattern[str], sentence: str) -> bool:
    """True when rx matches outside a relative clause ("the region, which Ukraine has seized");
    reported speech is no relative clause ("bloggers claimed that Russian forces seized Illinka")."""
    for m in rx.finditer(sentence):
        head = sentence[max(0, m.start() - 40):m.start()]
        if "that" in head:
            # the cue may lie further back: "said in a statement on Sunday that its fighters had captured"
            head = _REPORTED_THAT.sub(" ", sentence[max(0, m.start() - 90):m.start()])[-40:]
        if not _RELATIVE_HEAD.search(head) and not _LOST_HEAD.search(head):
            return True
    return False


def _shelling_words(sentence: str) -> bool:
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


def _nonstate_subject(sentence: str) -> bool:
    m = REGAINS.search(sentence)
    head = sentence[:m.start()] if m else sentence
    return bool(NONSTATE.search(head)) and not _STATE_FORCE.search(head)


# fighters as the ones killed: "troops killed about 20 Hamas militants"
_KILLED_FIGHTERS = re.compile(
    r"\b(?:killed|killing|neutrali[sz]ed|eliminated)\s+(?:about |around |at least |more than |some |over )?"
    r"(?:\d[\d,]*|dozens|scores|several|hundreds)\s+(?:(?!and\b|or\b)[\w'-]+\s+){0,2}?(?:militants|fighters|soldiers|troops|"
    r"terrorists|rebels|insurgents|jihadists|gunmen|attackers|servicemen)\b")


def _arrest_kind(sentence: str, at: int) -> str:
    """People detained or rounded up by gunmen or an armed group are abducted; by the state, arrested."""
    head = sentence[:at]
    if (NONSTATE.search(head) or PERPETRATORS.search(head)) and not _STATE_FORCE.search(head):
        return "Abduction/forced disappearance"
    return "Arrests"


def _people_captured(sentence: str) -> bool:
    m = OVERTAKES.search(sentence)
    after = sentence[m.end():m.end() + 60] if m else ""
    return bool(_PEOPLE_AFTER.match(after)) or bool(_TAKEN_PRISONER.search(sentence)) and not TERRITORY.search(after)


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


# "KYIV, May 6 (Reuters) - ...": the date of the dispatch, not of the incident
_DATELINE = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—]\s|/)")
# "killed since Wednesday": the start of a period, not the day of an incident
_SINCE = re.compile(r"\b(?:[Ss]ince|[Ss]tarting|[Bb]eginning)\s+(?:on\s+|in\s+|the\s+)?\Z")
_HEADLINE_END = frozenset(".!?…:\"”’)]")  # a sentence ending with none of these may be a headline


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


def sentence_signals(text: str, sentences: list[Span], entities: list[Entity], claims: list[Claim],
                     published: str | None) -> list[SentenceSignals]:
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
    sites = {e.key for e in entities if e.type == "place" and e.attributes.get("kind") not in _AREA_KINDS
             and not _is_country_place(e)}
    return _Context(pub, _paragraph_starts(text), lines, mentions, place_mentions, [m[0] for m in place_mentions],
                    find_dates(text, pub), by_cue, [c.cue.start for c in by_cue], sites)


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
            dates = [d for d in dates if not _SINCE.search(text, max(0, d.start - 20), d.start)]
        event_dates = [d for d in dates if not _DATELINE.match(text, d.end)
                       and not _inside_any(ctx.lines, d.start)
                       and (not any(a <= d.start < b for a, b in report_zone)
                            or any(a <= d.start < b for a, b in content))] if dates else []
        low = s_text.lower()
        words = _beginnings(low)
        rule, weak = _classify(s_text, low, words)
        # (figures are looked for where a rule saw an incident, or a casualty word: "7 soldiers lost their lives")
        casualties = find_casualties(text, sentence.start, sentence.end, low, words >> _CASUALTY_SHIFT) \
            if words & _B_MAY_HINT and (rule is not None or _on(_FIGURE_WORDS, low, words)) else []
        inside = _mentions_in(ctx.place_mentions, sentence.start, sentence.end)
        headline, question = _headline(s_text), s_text.rstrip().endswith("?")
        hypothetical = bool(words & _B_HYPOTHETICAL and HYPOTHETICAL.search(low))
        background = bool(words & _B_BACKGROUND and BACKGROUND.search(low))
        long_period = bool(words & _B_LONG_PERIOD and LONG_PERIOD.search(low))
        war_began = bool(words & _B_LONG_PERIOD and _WAR_BEGAN.search(low))
        tally = low.count("(+") >= 2  # a running tally with the day's additions: "tanks ‒ 8,989 (+11)"
        out.append(SentenceSignals(  # (positional: faster than 23 keywords, in the fields' order)
            sentence, index, _paragraph_of(ctx.paragraphs, sentence.start), low, words, rule, weak, casualties,
            dates, event_dates, said, report_zone, content, len(inside), any(e.key in ctx.sites for _, _, e in inside),
            headline, question, hypothetical, background, long_period or war_began,
            rule is not None and not casualties and _evaluative_quote(text, sentence, ctx.mentions, event_dates),
            rule is not None and _rules_keep(s_text, bool(casualties), event_dates, headline, question, hypothetical,
                                             background, long_period, war_began, tally),
            tally or ((bool(casualties) or "losses" in low) and _aggregate(dates, long_period, war_began)),
        ))
    return out


def _aggregate(dates: list[DateMention], long_period: bool, war_began: bool) -> bool:
    """Figures counted over a long period with no day of their own ("more than 40,000 people have been
    killed in the war", "820 killed since the offensive began on Nov. 27"): an aggregate, which the
    labelling guide excludes (as it does running tallies)."""
    if war_began:
        return True
    return long_period and not any(d.precision in ("day", "days") for d in dates)


def find_events(text: str, sentences: list[Span], entities: list[Entity], claims: list[Claim],
                published: str | None) -> list[Event]:
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
    dates_by_paragraph: dict[int, list[DateMention]] = {}
    candidates: list[_Candidate] = []
    for i, sig in enumerate(signals):
        sentence, para, s_text, low, words = sig.span, sig.paragraph, sig.span.text, sig.low, sig.words
        dates, event_dates, said, content = sig.dates, sig.event_dates, sig.claims, sig.content
        if sig.rule in _REMOTE_KINDS and _shelling_words(low) or sig.rule == "Air/drone strike":
            remote_kind = sig.rule
        if sig.aggregate:
            dates_by_paragraph.setdefault(para, []).extend(event_dates)
            continue
        toks = incident_model.words(low)
        p_incident, found = model.incident(toks, incident_model.other_features(signals, i, toks, pub, article))
        if p_incident < model.threshold:
            dates_by_paragraph.setdefault(para, []).extend(event_dates)
            continue
        subtypes = model.subtypes(found, sig.rule)
        subtype, p_subtype = _choose_subtype(sig, subtypes, remote_kind)
        previous = candidates[-1] if candidates else None
        detail = previous is not None and para - previous.paragraph <= (3 if sig.weak else 1) \
            and (not event_dates or _within(previous.date, _best_date(event_dates))) \
            and (sig.weak or _TOOK_PLACE.match(low) or sig.rule is None
                 or (" the " in low and _REFERS_BACK.search(low)
                     and not _has_place(ctx.place_starts, sentence.start, sentence.end))
                 or (p_subtype < 0.5 and _same_family(previous.subtype, subtype)))
        if detail:
            # "14 officers were injured", "the attack was revenge for ...", "The strike happened near X":
            # more of the incident just told, of its subtype
            subtype, p_subtype = previous.subtype, max(p_subtype, subtypes.of(previous.subtype))
        # the date: in the sentence, else the one just before in the paragraph, else when it was
        # reported (a "said on Sunday" in the sentence), else the publication date
        later = _later(s_text, low, words) if not event_dates else None
        if event_dates:
            date, level = _best_date(event_dates), 2
        elif later and dates_by_paragraph.get(para) and dates_by_paragraph[para][-1].precision == "day":
            # "two days later": counted from the day named before in the paragraph
            date, level = _shifted(dates_by_paragraph[para][-1], later, sentence.start), 2
            dates_by_paragraph[para].append(date)
        elif dates_by_paragraph.get(para):
            date, level = dates_by_paragraph[para][-1], 1
        elif len(event_dates) < len(dates):
            date, level = _best_date([d for d in dates if d not in event_dates]), 1
        else:
            # no day near it: the day of the first dated incident the article tells, else publication
            date, level = next((c.date for c in candidates if c.explicit_date), None), 0
        inside = _mentions_in(mentions, sentence.start, sentence.end)  # read by both
        places = _places(text, sentence, mentions, paragraphs, para, content, place_index, inside)
        actors = _actors(text, sentence, mentions, content, inside, said)
        if subtype == "Government regains territory" and _foreign_force(s_text, places, entities):
            subtype = "Non-state actor overtakes territory"
        candidates.append(_Candidate(
            subtype=subtype, sentence=sentence, paragraph=para, date=date, explicit_date=level == 2,
            places=places, place_keys={p.entity_key for p in places if not p.entity_key.startswith("~")},
            actors=actors, casualties=sig.casualties,
            who={c.who.lower() for c in sig.casualties if c.who and " " in c.who},
            sentences=[sentence], date_level=level, weak=sig.weak or detail,
            own_place_keys={p.entity_key for p in places if not p.entity_key.startswith("~")
                            and sentence.start <= p.span.start < sentence.end},
            confidence=round(model.confidence(p_incident, p_subtype), 3),
        ))
        dates_by_paragraph.setdefault(para, []).extend(event_dates)
    groups = _merge(candidates, entities)
    claims_of = _claims_by_sentence(sentences, claims)
    events = []
    for g, group in enumerate(groups, 1):
        for c in group.members:
            events.append(_to_event(len(events) + 1, f"i{g}", c, group, claims, claims_of, pub))
    return events


def _choose_subtype(sig: SentenceSignals, subtypes: incident_model.Subtypes,
                    remote_kind: str | None) -> tuple[str, float]:
    """The subtype of an incident sentence and its probability: the model's first, except that a bare
    "strike" with no weapon named takes the kind of strike told before it."""
    subtype, p = subtypes.best()
    if subtype in _REMOTE_KINDS and remote_kind is not None and remote_kind != subtype \
            and not _shelling_words(sig.low) and not (sig.words & _B_AIR and AIR.search(sig.low)):
        return remote_kind, subtypes.of(remote_kind)
    return subtype, p


def _headline(s_text: str) -> bool:
    """A line with no final stop, mostly capitalised words: a headline or a section title."""
    if "\n" in s_text or s_text.rstrip()[-1:] in _HEADLINE_END:
        return False
    tokens = s_text.split()
    return len(tokens) <= 14 and sum(1 for w in tokens if w[:1].isupper()) >= len(tokens) * 0.5


_REMOTE_KINDS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
# an incident named as one told already: "the attack was revenge for ...", "the massacre"
_REFERS_BACK = re.compile(r"\bthe (?:attack|attacks|massacre|strike|strikes|raid|assault|bombing|shelling|killings?|"
                          r"ambush|incident|rampage)\b(?! (?:on|in|at|near) )")
# where the incident told just before took place: "The strike happened near the town of Debre Markos"
_TOOK_PLACE = re.compile(r"^the (?:attack|massacre|strike|raid|assault|bombing|shelling|ambush|incident|explosion|"
                         r"blast) (?:happened|occurred|took place|was carried out|hit|struck)\b")


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
    "russian": "RU", "russia": "RU", "ukrainian": "UA", "ukraine": "UA", "israeli": "IL", "israel": "IL",
    "sudanese": "SD", "syrian": "SY", "turkish": "TR", "malian": "ML", "burkinabe": "BF", "nigerien": "NE",
    "somali": "SO", "ethiopian": "ET", "congolese": "CD", "rwandan": "RW", "iraqi": "IQ", "iranian": "IR",
    "lebanese": "LB", "yemeni": "YE", "saudi": "SA", "afghan": "AF", "pakistani": "PK", "indian": "IN",
    "azerbaijani": "AZ", "armenian": "AM", "colombian": "CO", "venezuelan": "VE", "myanmar": "MM",
    "chinese": "CN", "american": "US", "eritrean": "ER", "chadian": "TD", "libyan": "LY",
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
    countries = {by_key[p.entity_key].country for p in places
                 if p.entity_key in by_key and by_key[p.entity_key].country and p.span.start > m.end()}
    return bool(countries) and force not in countries


def _rules_keep(s_text: str, has_figure: bool, dates: list[DateMention], headline: bool, question: bool,
                hypothetical: bool, background: bool, long_period: bool, war_began: bool, tally: bool) -> bool:
    """The rules' verdict on a sentence they gave a subtype: not a headline, question, forecast, opinion,
    background or tally (the flags: as read by ``_signals``)."""
    if len(s_text) < 15 or headline or question or war_began or tally:
        return False
    if not has_figure and (hypothetical or background) and not any(d.precision in ("day", "days", "week") for d in dates):
        return False
    return not (long_period and not any(d.precision in ("day", "days") for d in dates))


_QUOTED = re.compile(r"[“\"«][^“”\"«»\n]*(?:[”\"»]|\Z)")
_HIT_VERBS = re.compile(r"\b(?:struck|hit|hits|shelled|bombed|fired|launched|exploded|destroyed|damaged|attacked|"
                        r"killed|killing|wounded|wounding|injured|injuring|shot down|downed|intercepted|captured|"
                        r"seized|arrested|detained|abducted|kidnapped)\b")


def _evaluative_quote(text: str, sentence: Span, mentions: list[tuple[int, int, Entity]],
                      dates: list[DateMention]) -> bool:
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
        outside[q.start():q.end()] = " " * (q.end() - q.start())
    if _classify("".join(outside))[0] is not None:
        return False  # the narrative around the quotation reports the incident
    if any(d.precision in ("day", "days") for d in dates):
        return False
    if any(e.type == "place" for _, _, e in _mentions_in(mentions, sentence.start, sentence.end)):
        return False
    return not any(_HIT_VERBS.search(q.group(0).lower()) for q in quotes)


_LATER = re.compile(
    r"\b(?:(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (?P<unit>days?|weeks?) (?P<dir>later|earlier|"
    r"before|after(?:wards)?)|the (?P<next>next|following|previous) day|the day (?P<dayafter>after|before))\b",
    re.IGNORECASE,
)
_gate(_LATER, "later earlier before after afterwards next following previous")
_B_LATER = _BIT[id(_LATER)]
_LATER_LOW = re.compile(_LATER.pattern)  # the same, for the lower-cased sentence (no IGNORECASE: faster)


def _later(original: str, low: str, words: int) -> re.Match[str] | None:
    """"two days later", "the next day" in the sentence (``low``: it lower-cased; ``words``: its mask)."""
    if not _B_LATER & words:
        return None
    if len(low) == len(original):  # same offsets: read the lower-cased text
        return _LATER_LOW.search(low)
    return _LATER.search(original)
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10}


def _shifted(anchor: DateMention, m: re.Match[str], at: int) -> DateMention:
    """The day ``m`` ("two days later", "the next day") counts from the anchor day."""
    if m.group("n"):
        n = int(m.group("n")) if m.group("n").isdigit() else _SMALL_NUMBERS[m.group("n").lower()]
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        sign = -1 if m.group("dir").lower() in ("earlier", "before") else 1
    else:
        days = 1
        sign = -1 if (m.group("next") or m.group("dayafter") or "").lower() in ("previous", "before") else 1
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
        line = text[m.end():line_end if line_end >= 0 else len(text)]
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


def _places(text: str, sentence: Span, mentions: list[tuple[int, int, Entity]], paragraphs: list[int],
            para: int, contents: list[tuple[int, int]] = (),
            place_index: tuple[list[tuple[int, int, Entity]], list[int]] | None = None,
            inside: list[tuple[int, int, Entity]] | None = None) -> list[PlaceRef]:
    """Places named in the sentence (not in its claimant: "the Britain-based Observatory said"), else
    the nearest one named before it in the paragraph."""
    places = [PlaceRef(e.key, e.name, Span.of(text, s, t))
              for s, t, e in (_mentions_in(mentions, sentence.start, sentence.end) if inside is None else inside)
              if e.type == "place"
              and (not contents or any(a <= s < b for a, b in contents))
              and not (text.find("from", max(sentence.start, s - 60), s) >= 0
                       and _LAUNCHED_FROM.search(text, max(sentence.start, s - 60), s))
              and not (text.find(" in ", max(sentence.start, s - 20), s) >= 0
                       and _MADE_IN.search(text, max(sentence.start, s - 20), s))
              and not _COMPOUND_AFTER.match(text, t)]
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
_LAUNCHED_FROM = re.compile(r"\b(?:fired|launched|launching|firing|took off|shot)\b[^.;:]{0,40}?\bfrom (?:the )?"
                            r"(?:(?:occupied|annexed|Russian|Russian-occupied|neighbouring|neighboring) )?\Z")


# nor a place that only qualifies a name: "the Britain-based Observatory", "Iran-backed Houthis"
_COMPOUND_AFTER = re.compile(r"-(?:based|backed|led|aligned|allied|funded|made|installed|linked|affiliated)\b")
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
    r"militants|rebels|insurgents|jihadists)\b")
# every branch of _GROUP_RE ends with one of these words: a sentence without any is not scanned (speed)
_GROUP_WORD = re.compile(r"forces|troops|soldiers|army|military|militants|rebels|fighters|police|units|militia|"
                         r"gunmen|civilians|protesters|insurgents|jihadists")


def _actors(text: str, sentence: Span, mentions: list[tuple[int, int, Entity]],
            contents: list[tuple[int, int]] = (), inside: list[tuple[int, int, Entity]] | None = None,
            claims: list[Claim] = ()) -> list[Actor]:
    """Groups, organisations and people acting or targeted in the sentence; when the sentence is a
    claim, the claimant ("..., the army said") is a source, not an actor, unless it speaks of
    itself: "Hezbollah said it fired rockets at Haifa" (an armed group or body saying "it", "its
    fighters", "they")."""
    actors: list[Actor] = []
    seen: set[str] = set()
    inside = _mentions_in(mentions, sentence.start, sentence.end) if inside is None else inside
    claimants: dict[int, tuple[Claim, Entity, int]] = {}  # mention start -> its claim, entity, end
    for claim in claims:
        for s, t, e in inside:
            if t <= claim.cue.start and _BEFORE_CUE.fullmatch(text, t, claim.cue.start):
                claimants[s] = (claim, e, t)
    for s, (claim, e, t) in claimants.items():
        if e.type in ("group", "organization") and e.attributes.get("kind") != "media" and e.key not in seen \
                and _SPEAKS_OF_ITSELF.match(text, claim.content.start, claim.content.end):
            seen.add(e.key)
            actors.append(Actor(e.name, Span.of(text, s, t), e.key))
    for s, t, e in inside:
        if s in claimants or (contents and not any(a <= s < b for a, b in contents)):
            continue
        if e.type in ("group", "organization", "person"):
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
# a claim's content that opens with the claimant itself: "it fired", "its fighters", "they repelled"
_SPEAKS_OF_ITSELF = re.compile(r"(?:that\s+)?(?:it|its|they|their)\s", re.I)


def _is_country_place(e: Entity) -> bool:
    """Countries are too wide to say two sentences report the same incident."""
    if e.attributes.get("feature") == "country" or e.attributes.get("kind") == "country":
        return True
    return e.admin1 is None and fold(e.name, transliterate=False, joined="") in COUNTRY_NAMES


def _merge(candidates: list[_Candidate], entities: list[Entity]) -> list[_Candidate]:
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

    for c in candidates:
        c.members = [c]  # a group of one; copied before a second member changes it (``_grown``)
        target = None
        target_i = len(merged) - 1
        if merged:
            m = merged[-1]
            kin = m.subtype == c.subtype or (_same_family(m.subtype, c.subtype) and (
                c.weak or m.subtype in _PROTEST_RANK or (len(merged) == 1 and m.paragraph == 0 and m.date_level == 0)))
            # (an undated headline's "strike" may name no weapon: its lead's shelling is the same strike)
            if kin and not _elsewhere(c, m, countries, areas) and ((c.date_level == 0 and c.paragraph - m.paragraph <= 2)
                                          or (c.date_level < 2 and c.paragraph == m.paragraph)
                                          or (c.weak and c.paragraph - m.paragraph <= 3
                                              and (c.date_level < 2 or _within(m.date, c.date)))
                                          or (len(merged) == 1 and m.date_level == 0 and m.paragraph == 0
                                              and c.paragraph == 1)):
                # an undated sentence right after an incident of the same kind tells more of it (a detail
                # that only counts victims or says what was hit, up to three paragraphs on); an
                # undated headline is told again by the lead that follows it
                target = m
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
                if m.subtype != c.subtype or not _dates_compatible(m, c):
                    continue
                shared_places = (m.place_keys & c.place_keys) - countries
                if shared_places and not any(areas.is_site(k) for k in shared_places) \
                        and _elsewhere(c, m, countries, areas):
                    shared_places = set()  # only a region in common ("northern Gaza", "central Gaza")
                shared_figures = figures & _figures(m) if figures else figures
                if (m.paragraph == c.paragraph and not _elsewhere(c, m, countries, areas)) or shared_places \
                        or (m.who & c.who) or _told_again(shared_figures, c, m, countries, areas):
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
        if target.subtype in _PROTEST_RANK and c.subtype in _PROTEST_RANK and target.subtype != "Arrests":
            if _PROTEST_RANK[c.subtype] > _PROTEST_RANK[target.subtype]:
                target.subtype = "Protest with intervention" if c.subtype == "Arrests" else c.subtype
        if c.date_level > target.date_level or (c.date_level == target.date_level
                                                and _more_precise(c.date, target.date)):
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
        register(target_i)
    return merged


def _grown(c: _Candidate) -> _Candidate:
    """A group of one that takes in another member: its copy (the member keeps its own facts)."""
    return _Candidate(c.subtype, c.sentence, c.paragraph, c.date, c.explicit_date, list(c.places), set(c.place_keys),
                      list(c.actors), list(c.casualties), set(c.who), list(c.sentences), c.date_level, c.weak,
                      c.own_place_keys, c.confidence, [c])


def _figures(c: _Candidate) -> set[tuple[str, int]]:
    """The casualty figures of a candidate above one ("killed or wounded" counted with "killed")."""
    return {("killed" if x.kind == "killed_or_wounded" else x.kind, x.min)
            for x in c.casualties if x.min is not None and x.min > 1}


def _told_again(shared: set[tuple[str, int]], c: _Candidate, m: _Candidate, countries: set[str],
                areas: _Areas) -> bool:
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
            found = self._known[key] = {fold(x, transliterate=False, joined="") for x in (e.name, e.admin1) if x} if e is not None else default
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
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
               "Violent demonstration", "Arrests"}),
)
# Within a protest, the strongest subtype any of its sentences shows is the event's.
_PROTEST_RANK = {"Peaceful protest": 0, "Arrests": 1, "Protest with intervention": 1, "Violent demonstration": 2,
                 "Excessive force against protesters": 3}


_FAMILY_PAIRS = frozenset((a, b) for f in _FAMILIES for a in f for b in f)


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


def _within(inner: DateMention | None, outer: DateMention | None) -> bool:
    """Whether ``inner`` is a more precise date that lies inside ``outer`` (a day inside "this month")."""
    rank = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4}
    return inner is not None and outer is not None and inner is not outer and \
        rank[inner.precision] < rank[outer.precision] and outer.date <= inner.date and inner.date_end <= outer.date_end


def _dates_compatible(a: _Candidate, b: _Candidate) -> bool:
    if not a.explicit_date or not b.explicit_date or a.date is None or b.date is None:
        return True
    return a.date.date <= b.date.date_end and b.date.date <= a.date.date_end


def _to_event(index: int, incident: str, c: _Candidate, group: _Candidate, claims: list[Claim],
              claims_of: dict[int, set[int]], pub) -> Event:
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


assert len(_BIT) <= _CASUALTY_SHIFT  # the gates' bits stay below casualties' flags
