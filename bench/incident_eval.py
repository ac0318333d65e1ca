"""How well Sitrep groups events into incidents, on a synthetic corpus with a known answer.

    .venv/bin/python bench/incident_eval.py [--incidents 300] [--seed 11] [--orders 2] [--misses]

The corpus: incidents (strikes, clashes, abductions, protests) in several theatres, each reported
by 1-8 articles of different outlets, each article in its own words (templates), with the date
told a day off now and then and as a weekday, a date or "overnight", the place spelled as that
outlet spells it (Kharkiv/Kharkov, Robotyne/Rabotino, El Fasher/Al-Fashir), the toll as first
reported, revised or hedged ("at least"), and now and then a second incident in the same article;
some articles are reprinted by other outlets (wire copy: the same text, a line dropped or added).
Near misses are made on purpose: the same place a few days later, another town of the same region
on the same day, a protest where a strike happened.

Everything goes through the real ingest (extraction included). Each event is labelled with the
incident whose paragraph its evidence lies in (events outside any incident paragraph are not
scored). Figures:
- pairwise precision and recall of the grouping over labelled events (and over article reports);
- reprints: copy pairs found (precision, recall), and whether any incident counts a source that
  only a reprint gives (it must not: reprints are never independent);
- order: the same corpus ingested in shuffled orders, grouped alike? (pairwise agreement).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import MONTHS, WEEKDAYS  # noqa: E402

from store.db import open_store  # noqa: E402
from store.incident_summary import summarize  # noqa: E402
from store.ingest import ingest_articles  # noqa: E402
from store.readers import RawArticle  # noqa: E402

NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
OUTLETS = [
    "Reuters",
    "AFP",
    "Associated Press",
    "BBC News",
    "Al Jazeera",
    "Kyiv Independent",
    "The Guardian",
    "Le Monde",
    "Deutsche Welle",
    "Radio Free Europe",
    "Ukrainska Pravda",
    "Meduza",
    "Sudan Tribune",
    "Radio France Internationale",
    "The Irrawaddy",
    "Mizzima",
    "Le Figaro",
    "CNN",
    "NHK",
    "Anadolu",
]


@dataclass(frozen=True)
class Town:
    spellings: tuple[str, ...]
    region: str  # as written: "the Kharkiv region"


THEATRES = {
    "Ukraine": {
        "towns": [
            Town(("Kharkiv", "Kharkov"), "the Kharkiv region"),
            Town(("Vovchansk", "Volchansk"), "the Kharkiv region"),
            Town(("Kupiansk", "Kupyansk"), "the Kharkiv region"),
            Town(("Zaporizhzhia", "Zaporozhye"), "the Zaporizhzhia region"),
            Town(("Robotyne", "Rabotino"), "the Zaporizhzhia region"),
            Town(("Pokrovsk",), "the Donetsk region"),
            Town(("Avdiivka", "Avdeyevka"), "the Donetsk region"),
            Town(("Chasiv Yar", "Chasov Yar"), "the Donetsk region"),
            Town(("Kherson",), "the Kherson region"),
            Town(("Odesa", "Odessa"), "the Odesa region"),
            Town(("Sumy",), "the Sumy region"),
            Town(("Nikopol",), "the Dnipropetrovsk region"),
        ],
        "attackers": ["Russian forces", "Russian troops", "Russia's army"],
        "defenders": ["Ukrainian forces", "Ukrainian troops", "the 47th Mechanized Brigade"],
        "claimants": [
            "the regional governor",
            "Ukraine's general staff",
            "the Ukrainian Air Force",
            "President Volodymyr Zelensky",
            "the prosecutor's office",
            "the State Emergency Service",
        ],
        "weapons": ["drones", "missiles", "glide bombs", "artillery"],
    },
    "Russia": {
        "towns": [
            Town(("Belgorod",), "the Belgorod region"),
            Town(("Shebekino", "Shebekyne"), "the Belgorod region"),
            Town(("Sudzha", "Sudja"), "the Kursk region"),
            Town(("Kursk",), "the Kursk region"),
            Town(("Bryansk",), "the Bryansk region"),
        ],
        "attackers": ["Ukrainian forces", "Ukraine's army"],
        "defenders": ["Russian troops", "Russian forces"],
        "claimants": [
            "Governor Vyacheslav Gladkov",
            "Russia's defence ministry",
            "the TASS news agency",
            "local authorities",
        ],
        "weapons": ["drones", "rockets", "artillery"],
    },
    "Sudan": {
        "towns": [
            Town(("El Fasher", "Al-Fashir"), "North Darfur"),
            Town(("Nyala",), "South Darfur"),
            Town(("Omdurman",), "Khartoum state"),
            Town(("Wad Madani", "Wad Medani"), "Gezira state"),
            Town(("El Obeid", "Al-Ubayyid"), "North Kordofan"),
        ],
        "attackers": ["the Rapid Support Forces", "RSF fighters", "the Sudanese army"],
        "defenders": ["the Sudanese Armed Forces", "the army", "allied militias"],
        "claimants": [
            "the Sudan Doctors Network",
            "the United Nations",
            "a local resistance committee",
            "the army spokesman Nabil Abdallah",
            "Doctors Without Borders",
        ],
        "weapons": ["artillery", "drones", "air strikes"],
    },
    "Mali": {
        "towns": [
            Town(("Gao",), "the Gao region"),
            Town(("Timbuktu", "Tombouctou"), "the Timbuktu region"),
            Town(("Mopti",), "the Mopti region"),
            Town(("Djenne", "Djenné"), "the Mopti region"),
            Town(("Menaka", "Ménaka"), "the Menaka region"),
        ],
        "attackers": ["jihadists linked to al-Qaeda", "JNIM fighters", "Islamic State Sahel militants"],
        "defenders": ["the Malian army", "local self-defence militias"],
        "claimants": ["the Malian army", "a local official", "the United Nations", "Human Rights Watch"],
        "weapons": ["mortars", "drones", "rockets"],
    },
    "Myanmar": {
        "towns": [
            Town(("Lashio",), "Shan state"),
            Town(("Myawaddy", "Myawadi"), "Karen state"),
            Town(("Sittwe",), "Rakhine state"),
            Town(("Bhamo",), "Kachin state"),
        ],
        "attackers": ["the military junta", "junta aircraft", "the Arakan Army"],
        "defenders": ["resistance forces", "the Kachin Independence Army"],
        "claimants": [
            "the National Unity Government",
            "a rescue worker",
            "the junta spokesman Zaw Min Tun",
            "Radio Free Asia",
        ],
        "weapons": ["air strikes", "artillery", "fighter jets"],
    },
}
PROTEST_CLAIMANTS = ["the police", "the organisers", "the interior ministry", "rights groups"]
PROTEST_TOPICS = ["the disputed election", "rising fuel prices", "a new foreign agents law", "police violence"]
PROTEST_CITIES = [
    Town(("Tbilisi",), "Georgia"),
    Town(("Nairobi",), "Kenya"),
    Town(("Dhaka",), "Bangladesh"),
    Town(("Belgrade",), "Serbia"),
    Town(("Dakar",), "Senegal"),
    Town(("Caracas",), "Venezuela"),
]


@dataclass
class Incident:
    id: int
    kind: str  # strike, clash, abduction, protest
    theatre: str
    town: Town
    day: date
    killed: int
    wounded: int
    attacker: str
    other: str
    weapon: str
    claimants: list[str]
    topic: str = ""


@dataclass
class Article:
    ref: str
    outlet: str
    published: date
    text: str = ""
    labels: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, incident id)
    copy_of: str | None = None


def when(rng: random.Random, told: date, published: date) -> str:
    """How an article tells the day ``told`` (relative to its publication)."""
    back = (published - told).days
    forms = [f"on {MONTHS[told.month - 1]} {told.day}"]
    if 0 <= back <= 5:
        forms += [f"on {WEEKDAYS[told.weekday()]}", f"late on {WEEKDAYS[told.weekday()]}"]
    if back == 0:
        forms += ["overnight", "early on " + WEEKDAYS[told.weekday()]]
    if back == 1:
        forms += ["on " + WEEKDAYS[told.weekday()] + " night"]
    return rng.choice(forms)


def figure(rng: random.Random, n: int, noun: str, verb: str) -> str:
    """The toll as one outlet gives it: exact, hedged, revised up, or in words."""
    form = rng.random()
    if form < 0.45:
        value = str(n)
    elif form < 0.65:
        value = f"at least {max(1, n - rng.randrange(0, 2))}"
    elif form < 0.8:
        value = str(n + rng.randrange(1, 3))  # a later, higher toll
    else:
        value = NUMBER_WORDS[n - 1] if n <= 10 else str(n)
    if verb == "killing":
        return f"killing {value} {noun}"
    return f"{value} {noun} were {verb}"


def incident_paragraph(rng: random.Random, inc: Incident, published: date, told: date) -> tuple[str, str]:
    """(headline, paragraph) for one outlet's report of ``inc``."""
    place = rng.choice(inc.town.spellings)
    day = when(rng, told, published)
    claimant = rng.choice(inc.claimants)
    say = rng.choice(["said", "said on Telegram", "told reporters", "said in a statement", "reported"])
    attacker = inc.attacker
    Attacker = attacker[0].upper() + attacker[1:]
    if inc.kind == "strike":
        headline = rng.choice(
            [f"Strike on {place} kills {inc.killed}", f"{place} hit by {inc.weapon}", f"Deadly attack on {place}"]
        )
        lead = rng.choice(
            [
                f"{Attacker} struck {place} in {inc.town.region} {day}, {figure(rng, inc.killed, 'civilians', 'killing')}, "
                f"{claimant} {say}.",
                f"A {rng.choice(['missile', 'drone', 'rocket'])} strike on {place} {day} killed "
                f"{rng.choice([str(inc.killed), 'at least ' + str(inc.killed)])} people, {claimant} {say}.",
                f"{Attacker} shelled {place} {day}, {figure(rng, inc.killed, 'people', 'killing')}, according to {claimant}.",
                f"{place} came under attack by {inc.weapon} {day}. {figure(rng, inc.killed, 'civilians', 'killed')}, "
                f"{claimant} {say}.",
            ]
        )
        detail = rng.choice(
            [
                f"The attack damaged {rng.choice(['homes', 'a hospital', 'a school', 'power lines', 'an apartment block'])}.",
                f"{figure(rng, inc.wounded, 'others', 'wounded')}.",
                "Rescue workers searched the rubble for survivors.",
                f"It was the {rng.choice(['second', 'third', 'latest'])} attack on the area this month.",
            ]
        )
    elif inc.kind == "clash":
        headline = rng.choice([f"Fighting near {place}", f"Assault repelled near {place}"])
        lead = rng.choice(
            [
                f"Heavy fighting broke out between {attacker} and {inc.other} near {place} {day}, according to {claimant}.",
                f"{inc.other[0].upper() + inc.other[1:]} repelled an assault by {attacker} near {place} {day}, "
                f"{claimant} {say}.",
                f"Clashes erupted near {place} in {inc.town.region} {day}, {claimant} {say}.",
            ]
        )
        detail = rng.choice(
            [
                f"{figure(rng, inc.killed, 'soldiers', 'killed')} in the fighting.",
                "Fighting continued into the night.",
                f"The {rng.choice(['army', 'brigade', 'unit'])} said its positions were holding.",
            ]
        )
    elif inc.kind == "abduction":
        headline = rng.choice([f"Villagers abducted near {place}", f"Kidnapping near {place}"])
        lead = rng.choice(
            [
                f"Gunmen abducted {inc.wounded} villagers near {place} {day}, {claimant} {say}.",
                f"{inc.wounded} people were kidnapped near {place} in {inc.town.region} {day}, according to {claimant}.",
            ]
        )
        detail = "Their whereabouts remain unknown."
    else:  # protest
        headline = rng.choice([f"Protest in {place}", f"Thousands march in {place}"])
        lead = rng.choice(
            [
                f"Thousands of protesters marched through {place} {day} against {inc.topic}, {claimant} {say}.",
                f"Demonstrators rallied in {place} {day} against {inc.topic}.",
            ]
        )
        detail = rng.choice(
            [
                f"Police used tear gas and arrested {inc.wounded} people, {claimant} {say}.",
                "The protest ended peacefully.",
            ]
        )
    return headline, f"{lead} {detail}"


BACKGROUND = [
    "The claims could not be independently verified.",
    "Talks on a ceasefire have stalled, diplomats said.",
    "The conflict has displaced millions of people, according to aid agencies.",
    "Officials have repeatedly called for more air defence systems.",
    "Aid groups say access to the area has been restricted for weeks.",
    "The government has promised compensation to families who lost their homes.",
    "Analysts say the front line has barely moved since the spring.",
    "Humanitarian agencies warned of shortages of food, water and medicine.",
    "Schools in the area have switched to online classes.",
    "Residents described hearing explosions for several hours.",
]
QUOTES = [
    "We heard a terrible noise and then everything was on fire",
    "This was a deliberate attack on people who were sleeping in their homes",
    "The emergency services are working at the site and the search continues",
    "We are doing everything we can to help the wounded",
    "There was no military target anywhere near here",
    "Our positions are holding and the enemy suffered heavy losses",
]
SPEAKERS = ["a resident", "a local doctor", "a volunteer", "a shopkeeper", "a rescue worker", "a teacher"]


def make_corpus(n_incidents: int, seed: int) -> tuple[list[Article], dict[int, Incident]]:
    rng = random.Random(seed)
    incidents: dict[int, Incident] = {}
    start = date(2024, 3, 1)

    def new_incident(kind: str, theatre: str, town: Town, day: date) -> Incident:
        th = THEATRES.get(theatre, THEATRES["Ukraine"])
        claimants = PROTEST_CLAIMANTS if kind == "protest" else th["claimants"]
        inc = Incident(
            len(incidents) + 1,
            kind,
            theatre,
            town,
            day,
            rng.randrange(1, 30),
            rng.randrange(2, 40),
            rng.choice(th["attackers"]),
            rng.choice(th["defenders"]),
            rng.choice(th["weapons"]),
            rng.sample(claimants, k=2),
            rng.choice(PROTEST_TOPICS),
        )
        incidents[inc.id] = inc
        return inc

    def taken(kind: str, town: Town, day: date) -> bool:
        """Another incident of the same kind in the same town within three days: no text could tell
        them apart (outlets date incidents a day off), so the corpus has none but those made on purpose."""
        return any(o.kind == kind and o.town == town and abs((o.day - day).days) <= 3 for o in incidents.values())

    while len(incidents) < n_incidents:
        kind = rng.choices(["strike", "clash", "abduction", "protest"], [6, 3, 1, 1])[0]
        if kind == "protest":
            theatre, town = "protest", rng.choice(PROTEST_CITIES)
        else:
            theatre = rng.choice([t for t in THEATRES if kind != "abduction" or t in ("Sudan", "Mali")])
            town = rng.choice(THEATRES[theatre]["towns"])
        day = start + timedelta(days=rng.randrange(0, 120))
        if taken(kind, town, day):
            continue
        inc = new_incident(kind, theatre, town, day)
        near = rng.random()
        if theatre != "protest" and near < 0.15:  # the same place, a few days later
            new_incident(kind, theatre, town, day + timedelta(days=rng.randrange(4, 10)))
        elif theatre != "protest" and near < 0.3:  # another town of the same region, the same day
            others = [t for t in THEATRES[theatre]["towns"] if t.region == town.region and t != town]
            if others:
                new_incident(kind, theatre, rng.choice(others), day)
        elif theatre != "protest" and near < 0.35:  # a protest where a strike happened
            new_incident("protest", theatre, town, day)
        del inc

    articles: list[Article] = []
    for inc in incidents.values():
        for k in range(rng.randrange(1, 9)):
            published = inc.day + timedelta(days=rng.choice([0, 0, 1, 1, 2]))
            told = inc.day + timedelta(days=rng.choices([-1, 0, 1], [1, 8, 1])[0])
            told = min(told, published)
            article = Article(f"inc{inc.id:04d}-{k}", rng.choice(OUTLETS), published)
            parts: list[tuple[str, int | None]] = []
            headline, paragraph = incident_paragraph(rng, inc, published, told)
            if rng.random() < 0.5:
                parts.append((headline + ".", inc.id))
            parts.append((paragraph, inc.id))
            if rng.random() < 0.2:  # a roundup: another incident of the same days
                others = [o for o in incidents.values() if o.id != inc.id and abs((o.day - inc.day).days) <= 1]
                if others:
                    other = rng.choice(others)
                    parts.append((incident_paragraph(rng, other, published, min(other.day, published))[1], other.id))
            if rng.random() < 0.7:
                parts.append((f'"{rng.choice(QUOTES)}," {rng.choice(SPEAKERS)} told {article.outlet}.', None))
            parts.append((" ".join(rng.sample(BACKGROUND, k=rng.randrange(1, 4))), None))
            text, labels = "", []
            for body, label in parts:
                if text:
                    text += "\n\n"
                if label is not None:
                    labels.append((len(text), len(text) + len(body), label))
                text += body
            article.text, article.labels = text, labels
            articles.append(article)
    # reprints: wire copy carried by another outlet, a line dropped or added
    for original in list(articles):
        if rng.random() < 0.15:
            for n in range(rng.choice([1, 1, 2])):
                text = original.text
                form = rng.random()
                if form < 0.5:  # the same, with a line of its own
                    text += f"\n\n(Reporting by staff of {rng.choice(OUTLETS)}; editing by the desk.)"
                elif form < 0.75 and text.count("\n\n") >= 2:  # trimmed for length
                    text = text.rsplit("\n\n", 1)[0]
                else:  # lightly edited
                    text = text.replace(" said", " stated", 1).replace("people", "persons", 1)
                copy = Article(
                    f"{original.ref}-copy{n}",
                    rng.choice(OUTLETS),
                    original.published,
                    text,
                    [(s, e, i) for s, e, i in original.labels if e <= len(text)],
                    original.ref,
                )
                articles.append(copy)
    rng.shuffle(articles)
    return articles, incidents


def ingest(articles: list[Article], path: Path) -> float:
    db = open_store(path)
    raws = [RawArticle(a.ref, a.text, title=None, outlet=a.outlet, published=a.published.isoformat()) for a in articles]
    started = time.perf_counter()
    ingest_articles(db, raws, workers=0)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def labelled_events(path: Path, articles: list[Article], placed: bool = False) -> list[tuple[int, int, str, int]]:
    """(event id, incident id, article ref, gold incident) of every event in an incident paragraph.
    ``placed``: only those of article reports in which the extraction found a place (town or region)."""
    by_ref = {a.ref: a for a in articles}
    db = open_store(path)
    rows = db.execute(
        "SELECT e.id, e.incident_id, a.ref, e.evidence_start, e.evidence_end, "
        "(SELECT count(*) FROM event_places p JOIN entities n ON n.id = p.entity_id "
        " WHERE p.event_id = e.id AND (n.admin1 IS NOT NULL OR n.lat IS NOT NULL)) "
        "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.id"
    ).fetchall()
    db.close()
    out = []
    has_place: set[tuple[str, int]] = set()
    for event_id, incident_id, ref, start, _end, n_places in rows:
        for s, e, gold in by_ref[ref].labels:
            if s <= start < e:
                out.append((event_id, incident_id, ref, gold))
                if n_places:
                    has_place.add((ref, gold))
                break
    if placed:
        out = [x for x in out if (x[2], x[3]) in has_place]
    return out


def pairwise(assigned: list[tuple], key_pred, key_gold) -> tuple[float, float, int, int]:
    """Pairwise precision and recall: pairs put together vs pairs that belong together."""
    pred_groups: dict = defaultdict(list)
    for x in assigned:
        pred_groups[key_pred(x)].append(x)
    gold_groups: dict = defaultdict(list)
    for x in assigned:
        gold_groups[key_gold(x)].append(x)
    together = sum(len(g) * (len(g) - 1) // 2 for g in pred_groups.values())
    should = sum(len(g) * (len(g) - 1) // 2 for g in gold_groups.values())
    right = 0
    for g in pred_groups.values():
        counts = Counter(key_gold(x) for x in g)
        right += sum(c * (c - 1) // 2 for c in counts.values())
    return (right / together if together else 1.0), (right / should if should else 1.0), together, should


def evaluate(path: Path, articles: list[Article], misses: bool = False) -> dict:
    placed = labelled_events(path, articles, placed=True)
    pp, pr, _, _ = pairwise(placed, lambda x: x[1], lambda x: x[3])
    events = labelled_events(path, articles)
    p, r, together, should = pairwise(events, lambda x: x[1], lambda x: x[3])
    # article reports: an article's events of one gold incident, placed where most of them are
    reports: dict[tuple[str, int], Counter] = defaultdict(Counter)
    for _event_id, incident_id, ref, gold in events:
        reports[(ref, gold)][incident_id] += 1
    units = [(ref, gold, counts.most_common(1)[0][0]) for (ref, gold), counts in reports.items()]
    rp, rr, _, _ = pairwise(units, lambda x: x[2], lambda x: x[1])
    figures = {
        "events": len(events),
        "pairs": (together, should),
        "precision": p,
        "recall": r,
        "report precision": rp,
        "report recall": rr,
        "placed": (len(placed), pp, pr),
    }

    db = open_store(path)
    conn = db
    ref_of = dict(conn.execute("SELECT id, ref FROM articles"))
    # reprints found (among the articles stored: an article whose text is already stored is not)
    stored = set(ref_of.values())
    by_ref = {a.ref: a for a in articles if a.ref in stored}
    root = {a.ref: (a.copy_of or a.ref) for a in articles}
    gold_pairs = {frozenset((a, b)) for a, b in itertools.combinations(by_ref, 2) if root[a] == root[b]}
    found_groups: dict[int, list[str]] = defaultdict(list)
    for article_id, copy_of in conn.execute("SELECT article_id, coalesce(copy_of, article_id) FROM article_sketches"):
        found_groups[copy_of].append(ref_of[article_id])
    found_pairs = {frozenset(p) for g in found_groups.values() for p in itertools.combinations(g, 2)}
    figures["copy pairs"] = (len(found_pairs & gold_pairs), len(found_pairs), len(gold_pairs))
    # reprints never independent: no two sources of an incident that speak only through copies of one story
    over = 0
    incidents = [r[0] for r in conn.execute("SELECT id FROM incidents WHERE n_articles > 1")]
    for incident_id in incidents:
        summary = summarize(conn, incident_id)
        article_of = dict(conn.execute("SELECT id, article_id FROM events WHERE incident_id = ?", (incident_id,)))
        only_copies: Counter = Counter()
        for voice in summary.voices:
            roots = {root[ref_of[article_of[e]]] for e in voice.event_ids}
            if voice.role != "claimant" and len(roots) == 1:
                only_copies[next(iter(roots))] += 1
        over += sum(n - 1 for n in only_copies.values() if n > 1)
    figures["sources only from reprints"] = over
    figures["multi-article incidents"] = len(incidents)
    if misses:
        gold_of = {e[0]: e[3] for e in events}
        inc_of = {e[0]: e[1] for e in events}
        wrong = Counter()
        for a, b in itertools.combinations(events, 2):
            if a[3] == b[3] and a[1] != b[1]:
                wrong[("split", a[3])] += 1
            elif a[3] != b[3] and a[1] == b[1]:
                wrong[("merged", a[1])] += 1
        for (what, which), n in wrong.most_common(12):
            print(f"  {what} {which}: {n} pairs")
            ids = [e[0] for e in events if (e[3] if what == "split" else e[1]) == which]
            for event_id in ids[:12]:
                row = conn.execute(
                    "SELECT e.id, e.incident_id, e.subtype, e.date, e.date_precision, e.places_label, "
                    "e.casualties_label, e.actor_count, substr(e.evidence_text, 1, 90) FROM (SELECT *, "
                    "(SELECT group_concat(name, '/') FROM event_actors WHERE event_id = events.id) AS actor_count "
                    "FROM events) e WHERE e.id = ?",
                    (event_id,),
                ).fetchone()
                print(f"    gold {gold_of[event_id]} inc {inc_of[event_id]}: {row}")
    conn.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--orders", type=int, default=2, help="ingest orders to compare (1: no comparison)")
    parser.add_argument("--misses", action="store_true", help="print the worst split and merged incidents")
    args = parser.parse_args()
    articles, incidents = make_corpus(args.incidents, args.seed)
    print(
        f"corpus: {len(incidents)} incidents, {len(articles)} articles "
        f"({sum(1 for a in articles if a.copy_of)} reprints)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "order0.db"
        elapsed = ingest(articles, first)
        figures = evaluate(first, articles, args.misses)
        print(f"ingest: {elapsed:.1f} s in-process")
        print(
            f"events scored: {figures['events']}, pairs grouped {figures['pairs'][0]}, "
            f"pairs that belong together {figures['pairs'][1]}"
        )
        print(f"pairwise precision {figures['precision']:.3f}, recall {figures['recall']:.3f} (targets >= 0.9)")
        n, pp, pr = figures["placed"]
        print(
            f"  of which the {n} events of article reports where extraction found a town or region: "
            f"precision {pp:.3f}, recall {pr:.3f}"
        )
        print(
            f"article reports: pairwise precision {figures['report precision']:.3f}, "
            f"recall {figures['report recall']:.3f}"
        )
        right, found, gold = figures["copy pairs"]
        print(f"reprints: {right} of {gold} copy pairs found, {found - right} pairs wrongly called copies")
        print(
            f"reprints counted as independent sources: {figures['sources only from reprints']} "
            f"(in {figures['multi-article incidents']} incidents with several articles; target 0)"
        )
        base = {e[0]: e for e in labelled_events(first, articles)}
        for order in range(1, args.orders):
            shuffled = list(articles)
            random.Random(args.seed + order).shuffle(shuffled)
            other = Path(tmp) / f"order{order}.db"
            ingest(shuffled, other)
            o = evaluate(other, articles)
            # agreement between the two groupings, over the same events (matched by article and span)
            mine = {(x[2], x[3], x[0]) for x in labelled_events(first, articles)}
            del mine
            print(f"order {order} (shuffled): precision {o['precision']:.3f}, recall {o['recall']:.3f}")
            a = _by_span(first)
            b = _by_span(other)
            common = sorted(set(a) & set(b))
            agree_p, agree_r, _, _ = pairwise([(a[k], b[k]) for k in common], lambda x: x[1], lambda x: x[0])
            print(
                f"  grouping agreement with the first order: {agree_p:.3f} / {agree_r:.3f} "
                f"(pairwise precision / recall of one against the other)"
            )
        del base


def _by_span(path: Path) -> dict[tuple[str, int, int], int]:
    db = open_store(path)
    rows = db.execute(
        "SELECT a.ref, e.evidence_start, e.evidence_end, e.incident_id FROM events e "
        "JOIN articles a ON a.id = e.article_id"
    ).fetchall()
    db.close()
    return {(r[0], r[1], r[2]): r[3] for r in rows}


if __name__ == "__main__":
    main()
