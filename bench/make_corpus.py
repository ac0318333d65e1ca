"""Generate a corpus of realistic, varied conflict-news articles for ingest benchmarks.

    python bench/make_corpus.py 10000 bench/out/corpus.jsonl     # one JSON Lines file
    python bench/make_corpus.py 2000 bench/out/articles/         # a folder of .txt/.md/.html files

Articles are assembled from templates and lexicons (several theatres, their places, forces and
sources; attacks, clashes, strikes, protests, abductions, arrests, agreements; casualty figures
exact, bounded and vague; dates absolute and relative; attributions, quotes and background), so
that the extraction pipeline meets the variety real wire copy has. Deterministic for a --seed.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

THEATRES = [
    {
        "country": "Ukraine",
        "places": [
            "Pokrovsk",
            "Avdiivka",
            "Kupiansk",
            "Vovchansk",
            "Chasiv Yar",
            "Toretsk",
            "Kherson",
            "Zaporizhzhia",
            "Kharkiv",
            "Sumy",
            "Kramatorsk",
            "Sloviansk",
            "Huliaipole",
            "Velyka Novosilka",
            "Odesa",
            "Dnipro",
            "Nikopol",
            "Bakhmut",
            "Siversk",
            "Lyman",
        ],
        "regions": ["Donetsk region", "Kharkiv region", "Zaporizhzhia region", "Kherson region", "Sumy region"],
        "attackers": ["Russian forces", "Russian troops", "Russian artillery", "Russia's army"],
        "defenders": [
            "Ukrainian forces",
            "Ukraine's armed forces",
            "the 47th Mechanized Brigade",
            "Ukrainian troops",
            "the National Guard",
        ],
        "sources": [
            ("the regional governor", "government"),
            ("Ukraine's general staff", "military"),
            ("President Volodymyr Zelensky", "person"),
            ("the Ukrainian Air Force", "military"),
            ("Ukraine's military intelligence", "intelligence"),
            ("the prosecutor's office", "government"),
        ],
        "other_side": [("Russia's defence ministry", "military"), ("the Kremlin spokesman Dmitry Peskov", "person")],
        "weapons": [
            "Shahed drones",
            "glide bombs",
            "Iskander missiles",
            "artillery shells",
            "multiple rocket launchers",
        ],
    },
    {
        "country": "Russia",
        "places": ["Belgorod", "Kursk", "Sudzha", "Bryansk", "Shebekino", "Lgov", "Rylsk", "Plekhovo"],
        "regions": ["Belgorod region", "Kursk region", "Bryansk region"],
        "attackers": ["Ukrainian drones", "Ukrainian forces", "Ukraine's army"],
        "defenders": ["Russian air defences", "Russian troops", "North Korean soldiers"],
        "sources": [
            ("Governor Vyacheslav Gladkov", "person"),
            ("Russia's defence ministry", "military"),
            ("the TASS news agency", "media"),
            ("local authorities", "government"),
        ],
        "other_side": [("Ukraine's general staff", "military"), ("a Ukrainian security source", "anonymous")],
        "weapons": ["drones", "HIMARS rockets", "ATACMS missiles", "artillery"],
    },
    {
        "country": "Sudan",
        "places": [
            "El Fasher",
            "Khartoum",
            "Omdurman",
            "Wad Madani",
            "Nyala",
            "El Obeid",
            "Sennar",
            "Kadugli",
            "Al-Jazira",
            "Geneina",
        ],
        "regions": ["North Darfur", "Khartoum state", "Gezira state", "South Kordofan"],
        "attackers": ["the Rapid Support Forces", "RSF fighters", "the Sudanese army", "army warplanes"],
        "defenders": ["the Sudanese Armed Forces", "the army", "allied militias", "the RSF"],
        "sources": [
            ("the Sudan Doctors Network", "other"),
            ("the United Nations", "international"),
            ("a local resistance committee", "other"),
            ("the army spokesman Nabil Abdallah", "person"),
            ("Doctors Without Borders", "international"),
        ],
        "other_side": [("the RSF in a statement", "military"), ("residents", "anonymous")],
        "weapons": ["artillery", "drones", "airstrikes", "heavy weapons"],
    },
    {
        "country": "Mali",
        "places": ["Gao", "Timbuktu", "Kidal", "Mopti", "Menaka", "Segou", "Bamako", "Djenne", "Tessalit"],
        "regions": ["Mopti region", "Gao region", "the Menaka region"],
        "attackers": [
            "jihadists linked to al-Qaeda",
            "JNIM fighters",
            "Islamic State Sahel militants",
            "gunmen on motorbikes",
        ],
        "defenders": [
            "the Malian army",
            "the army and its Russian allies",
            "Wagner Group mercenaries",
            "local self-defence militias",
        ],
        "sources": [
            ("the Malian army", "military"),
            ("a local official", "anonymous"),
            ("the United Nations", "international"),
            ("Human Rights Watch", "international"),
            ("AFP", "media"),
        ],
        "other_side": [("JNIM in a statement", "other"), ("witnesses", "anonymous")],
        "weapons": ["improvised explosive devices", "rockets", "mortars", "drones"],
    },
    {
        "country": "Myanmar",
        "places": ["Lashio", "Myawaddy", "Sittwe", "Mandalay", "Bhamo", "Hpakant", "Loikaw", "Kyaukphyu"],
        "regions": ["Shan state", "Rakhine state", "Kachin state", "Sagaing region"],
        "attackers": ["the military junta", "junta aircraft", "the Arakan Army", "resistance forces"],
        "defenders": [
            "the Myanmar National Democratic Alliance Army",
            "the Kachin Independence Army",
            "People's Defence Forces",
            "junta troops",
        ],
        "sources": [
            ("the National Unity Government", "government"),
            ("a rescue worker", "anonymous"),
            ("the junta spokesman Zaw Min Tun", "person"),
            ("Radio Free Asia", "media"),
        ],
        "other_side": [("state media", "media"), ("residents", "anonymous")],
        "weapons": ["airstrikes", "artillery", "drones", "fighter jets"],
    },
    {
        "country": "Democratic Republic of Congo",
        "places": ["Goma", "Bukavu", "Sake", "Rutshuru", "Beni", "Butembo", "Masisi", "Minova", "Uvira"],
        "regions": ["North Kivu", "South Kivu", "Ituri province"],
        "attackers": ["M23 rebels", "the Allied Democratic Forces", "CODECO militiamen", "Rwandan-backed rebels"],
        "defenders": ["the Congolese army", "FARDC soldiers", "Wazalendo militias", "UN peacekeepers"],
        "sources": [
            ("the provincial governor", "government"),
            ("MONUSCO", "international"),
            ("a civil society leader", "person"),
            ("the Congolese government", "government"),
        ],
        "other_side": [("M23 spokesman Lawrence Kanyuka", "person"), ("Rwanda's government", "government")],
        "weapons": ["mortar bombs", "heavy artillery", "machetes", "drones"],
    },
]

PROTEST_CITIES = [
    ("Tbilisi", "Georgia"),
    ("Nairobi", "Kenya"),
    ("Dhaka", "Bangladesh"),
    ("Lagos", "Nigeria"),
    ("Belgrade", "Serbia"),
    ("Dakar", "Senegal"),
    ("Caracas", "Venezuela"),
    ("Islamabad", "Pakistan"),
]
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
    "Radio France Internationale",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SAY = ["said", "said on Telegram", "told reporters", "said in a statement", "reported", "claimed", "wrote on X"]
VAGUE = ["dozens of", "scores of", "several", "hundreds of", "at least a dozen"]


def casualty_phrase(rng: random.Random) -> str:
    n = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 21, 25, 30, 42, 56, 80, 120])
    who = rng.choice(["civilians", "people", "soldiers", "fighters", "residents", "children"])
    form = rng.randrange(9)
    if form == 0:
        return f"killing {n} {who}"
    if form == 1:
        return f"killing at least {n} {who} and wounding {n + rng.randrange(2, 30)} others"
    if form == 2:
        return f"leaving {n} {who} dead"
    if form == 3:
        return f"killing between {n} and {n + rng.randrange(3, 15)} {who}"
    if form == 4:
        return f"killing {rng.choice(VAGUE)} {who}"
    if form == 5:
        return f"wounding {n} {who}"
    if form == 6:
        return f"killing more than {n} {who}"
    if form == 7:
        words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return f"killing {words[min(n, 10) - 1]} {who}"
    return "causing casualties"


def when(rng: random.Random, published: date) -> str:
    form = rng.randrange(6)
    day = published - timedelta(days=rng.randrange(0, 4))
    if form == 0:
        return f"on {WEEKDAYS[day.weekday()]}"
    if form == 1:
        return f"on {MONTHS[day.month - 1]} {day.day}"
    if form == 2:
        end = day + timedelta(days=1)
        return f"on {MONTHS[day.month - 1]} {day.day} and {end.day}" if end <= published else "overnight"
    if form == 3:
        return "overnight"
    if form == 4:
        return "late on " + WEEKDAYS[day.weekday()]
    return "earlier this week"


def attack_paragraph(rng, theatre, published) -> str:
    place, attacker = rng.choice(theatre["places"]), rng.choice(theatre["attackers"])
    source, _ = rng.choice(theatre["sources"])
    verb = rng.choice(["shelled", "struck", "attacked", "bombed", "launched a drone attack on", "hit"])
    weapon = rng.choice(theatre["weapons"])
    region = rng.choice(theatre["regions"])
    return (
        f"{attacker[0].upper() + attacker[1:]} {verb} {place} in the {region} {when(rng, published)}, "
        f"{casualty_phrase(rng)}, {source} {rng.choice(SAY)}. The attack involved {weapon} and damaged "
        f"{rng.choice(['homes', 'a hospital', 'a school', 'power lines', 'a market', 'an apartment block'])}."
    )


def clash_paragraph(rng, theatre, published) -> str:
    place = rng.choice(theatre["places"])
    a, b = rng.choice(theatre["attackers"]), rng.choice(theatre["defenders"])
    source, _ = rng.choice(theatre["sources"] + theatre["other_side"])
    outcome = rng.choice(
        [
            f"{b} said they had repelled {rng.randrange(2, 40)} assaults",
            f"{a} claimed to have captured the village of {rng.choice(theatre['places'])}",
            f"{b} regained control of positions near {place}",
            "fighting continued into the night",
        ]
    )
    return (
        f"Heavy fighting broke out between {a} and {b} near {place} {when(rng, published)}, "
        f"according to {source}. {outcome[0].upper() + outcome[1:]}."
    )


def abduction_paragraph(rng, theatre, published) -> str:
    place = rng.choice(theatre["places"])
    return (
        f"Gunmen abducted {rng.randrange(3, 60)} villagers near {place} {when(rng, published)}, "
        f"{rng.choice(theatre['sources'])[0]} {rng.choice(SAY)}. Their whereabouts remain unknown."
    )


def protest_paragraph(rng, published) -> str:
    city, country = rng.choice(PROTEST_CITIES)
    crowd = rng.choice(["Thousands of protesters", "Hundreds of demonstrators", "Students", "Opposition supporters"])
    topic = rng.choice(["the disputed election", "rising fuel prices", "a new foreign agents law", "police violence"])
    ending = rng.choice(
        [
            "The protest ended peacefully.",
            f"Police used tear gas and water cannon, and {rng.randrange(2, 90)} people were arrested, the interior ministry said.",
            f"Security forces opened fire, killing {rng.randrange(1, 9)} protesters, rights groups said.",
            "Some protesters set cars on fire and looted shops.",
        ]
    )
    return f"{crowd} marched through {city}, {country}, {when(rng, published)} against {topic}. {ending}"


def quote_paragraph(rng, theatre) -> str:
    speaker, _ = rng.choice(theatre["sources"])
    line = rng.choice(
        [
            "The situation remains extremely difficult, but our positions are holding",
            "This was a deliberate strike on civilians",
            "We are doing everything we can to evacuate the wounded",
            "The enemy suffered heavy losses",
        ]
    )
    return f'"{line}," {speaker} {rng.choice(["said", "told reporters", "added"])}.'


def background_paragraph(rng, theatre) -> str:
    return rng.choice(
        [
            f"The conflict in {theatre['country']} has displaced millions of people, according to the United Nations.",
            f"{rng.choice(theatre['places'])} has been a frequent target in recent months.",
            "The claims could not be independently verified.",
            f"{rng.choice(OUTLETS)} was unable to confirm the figures.",
            "Talks on a ceasefire have stalled, diplomats said.",
        ]
    )


def make_article(rng: random.Random, index: int, start: date) -> dict:
    published = start + timedelta(days=rng.randrange(0, 540))
    theatre = rng.choice(THEATRES)
    builders = [
        lambda: attack_paragraph(rng, theatre, published),
        lambda: clash_paragraph(rng, theatre, published),
        lambda: abduction_paragraph(rng, theatre, published),
        lambda: protest_paragraph(rng, published),
    ]
    weights = [5, 4, 1, 1]
    paragraphs = [rng.choices(builders, weights)[0]()]
    for _ in range(rng.randrange(4, 10)):
        kind = rng.randrange(5)
        if kind < 2:
            paragraphs.append(rng.choices(builders, weights)[0]())
        elif kind == 2:
            paragraphs.append(quote_paragraph(rng, theatre))
        else:
            paragraphs.append(background_paragraph(rng, theatre))
    text = "\n\n".join(paragraphs) + f"\n\n(Report {index})"
    title = paragraphs[0].split(",")[0][:90]
    return {
        "id": f"bench-{index:06d}",
        "title": title,
        "outlet": rng.choice(OUTLETS),
        "url": f"https://news.example.org/{published:%Y/%m/%d}/{index}",
        "published": published.isoformat(),
        "text": text,
    }


def write_folder(articles, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, article in enumerate(articles):
        sub = folder / f"{number // 1000:03d}"
        sub.mkdir(exist_ok=True)
        form = number % 3
        if form == 0:
            (sub / f"{article['id']}.txt").write_text(
                f"date {article['published']} {article['text']}\n", encoding="utf-8"
            )
        elif form == 1:
            (sub / f"{article['id']}.md").write_text(
                f"---\ntitle: {article['title']}\ndate: {article['published']}\nurl: {article['url']}\n"
                f"outlet: {article['outlet']}\n---\n{article['text']}\n",
                encoding="utf-8",
            )
        else:
            body = "".join(f"<p>{p}</p>\n" for p in article["text"].split("\n\n"))
            (sub / f"{article['id']}.html").write_text(
                f"<!doctype html><html><head><title>{article['title']}</title>"
                f'<meta name="date" content="{article["published"]}"></head><body>'
                f"<nav>Home | World | Sport</nav><article><h1>{article['title']}</h1>\n{body}</article>"
                f"<footer>Copyright {article['outlet']}</footer><script>track()</script></body></html>",
                encoding="utf-8",
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("output", help="a .jsonl file, or a folder for one file per article")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = date(2023, 6, 1)
    articles = (make_article(rng, i, start) for i in range(args.count))
    output = Path(args.output)
    if output.suffix in (".jsonl", ".ndjson"):
        output.parent.mkdir(parents=True, exist_ok=True)
        with open(output, "w", encoding="utf-8") as out:
            for article in articles:
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
    else:
        write_folder(articles, output)
    print(f"wrote {args.count} articles to {output}")


if __name__ == "__main__":
    main()
