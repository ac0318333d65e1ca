"""Synthetic but realistic names for the search benchmark.

Names are composed from lexicons of name parts: Ukrainian place names from Cyrillic morphemes
(prefix + root + suffix, sometimes with an adjective word), Slavic, Arabic, African and Latin
personal names, and military units and councils. Ukrainian names are composed in Cyrillic and
romanised with Ukraine's national system (KMU 2010), so each has a true Cyrillic form; other
romanisations are made from it by ``variant``. Everything is drawn from a seeded ``random.Random``
so that a run is reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# Ukrainian Cyrillic -> Latin, national system (KMU 2010); word-initial forms in _UA_INITIAL
_UA = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "'": "",
}
_UA_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def romanise(cyrillic: str) -> str:
    """Ukrainian Cyrillic in the national romanisation, words capitalised."""
    words = []
    for word in cyrillic.split(" "):
        out = []
        for i, ch in enumerate(word.lower()):
            if ch == "-":
                out.append("-")
                continue
            table = _UA_INITIAL if i == 0 or word[i - 1] == "-" else {}
            out.append(table.get(ch, _UA.get(ch, ch)))
        text = "".join(out)
        words.append("-".join(part[:1].upper() + part[1:] for part in text.split("-")))
    return " ".join(words)


PLACE_PREFIXES = [
    "",
    "",
    "",
    "",
    "Ново",
    "Старо",
    "Красно",
    "Біло",
    "Черво",
    "Золото",
    "Криво",
    "Сухо",
    "Високо",
    "Добро",
    "Широко",
    "Зелено",
    "Ясно",
    "Велико",
    "Мало",
    "Верхньо",
    "Нижньо",
    "Кам'яно",
    "Світло",
]
PLACE_ROOTS = [
    "петр",
    "іван",
    "микол",
    "олександр",
    "андрі",
    "михайл",
    "григор",
    "семен",
    "василь",
    "степан",
    "федор",
    "павл",
    "мартин",
    "костянтин",
    "дмитр",
    "богдан",
    "ярослав",
    "володимир",
    "покров",
    "воскресен",
    "троїц",
    "богород",
    "лип",
    "берез",
    "дуб",
    "сосн",
    "вишн",
    "яблун",
    "калин",
    "горіх",
    "жовт",
    "черв",
    "син",
    "сір",
    "лан",
    "кут",
    "гор",
    "гай",
    "луг",
    "бор",
    "став",
    "озер",
    "річ",
    "брід",
    "мост",
    "піщан",
    "глин",
    "солон",
    "вод",
    "ключ",
    "криниц",
    "колод",
    "бут",
    "хутор",
    "слобод",
    "город",
    "пол",
    "степ",
    "байрак",
    "яр",
    "балк",
    "курган",
    "могил",
    "круг",
    "довг",
    "тих",
    "харк",
    "курськ",
    "плех",
    "ворож",
    "суд",
    "маріуп",
    "бахм",
    "лисич",
    "запоріж",
    "херсон",
    "поділ",
    "волин",
    "шахт",
    "рудн",
    "млин",
    "ковал",
    "гончар",
    "рибал",
]
PLACE_SUFFIXES = [
    "івка",
    "ове",
    "івське",
    "ичі",
    "ине",
    "ське",
    "ськ",
    "ів",
    "ин",
    "ець",
    "ка",
    "ики",
    "ани",
    "одар",
    "оград",
    "опіль",
    "янка",
    "івці",
    "ище",
    "урка",
    "е",
    "ьонки",
    "анка",
    "инці",
    "івщина",
]
PLACE_WORDS = ["Нова", "Стара", "Велика", "Мала", "Верхня", "Нижня", "Червона", "Зелена"]

SLAVIC_FIRST = [
    "Олександр",
    "Андрій",
    "Сергій",
    "Володимир",
    "Юрій",
    "Дмитро",
    "Михайло",
    "Микола",
    "Іван",
    "Віктор",
    "Олег",
    "Ігор",
    "Василь",
    "Петро",
    "Євген",
    "Богдан",
    "Тарас",
    "Максим",
    "Артем",
    "Денис",
    "Роман",
    "Олексій",
    "Ярослав",
    "Григорій",
    "Степан",
    "Павло",
    "Костянтин",
    "Валерій",
    "Анатолій",
    "Геннадій",
    "Олена",
    "Ольга",
    "Наталія",
    "Тетяна",
    "Ірина",
    "Юлія",
    "Марія",
    "Анна",
    "Світлана",
    "Людмила",
    "Оксана",
    "Катерина",
    "Вікторія",
    "Галина",
    "Надія",
    "Любов",
    "Софія",
    "Дарина",
    "Єлизавета",
    "Яна",
]
SLAVIC_SURNAME_ROOTS = [
    "Шевч",
    "Коваль",
    "Бондар",
    "Ткач",
    "Кравч",
    "Мельн",
    "Олійн",
    "Лисен",
    "Марчен",
    "Рудь",
    "Савч",
    "Петр",
    "Мороз",
    "Клим",
    "Гонч",
    "Кузьм",
    "Павл",
    "Литвин",
    "Мирон",
    "Симон",
    "Остап",
    "Зінч",
    "Гриц",
    "Кос",
    "Ляш",
    "Сирот",
    "Дем",
    "Юрч",
    "Тимош",
    "Федор",
    "Гуц",
    "Білоус",
    "Черн",
    "Зелен",
    "Синєгуб",
    "Ворон",
    "Бойч",
    "Поліщ",
    "Карп",
    "Кушн",
    "Гнат",
    "Дорош",
    "Жук",
    "Лук",
    "Приход",
    "Тарас",
    "Яковл",
    "Степан",
    "Руд",
    "Гайд",
    "Луц",
    "Паш",
    "Прокоп",
    "Шуль",
    "Хмар",
    "Гордій",
    "Щерб",
    "Вовч",
    "Соловй",
    "Журавл",
]
SLAVIC_SURNAME_SUFFIXES = ["енко", "ук", "юк", "чук", "ко", "ський", "ов", "ев", "ін", "ишин", "ець", "ич", "ак"]

ARABIC_FIRST = [
    "Mohammed",
    "Ahmed",
    "Ali",
    "Hassan",
    "Hussein",
    "Omar",
    "Khalid",
    "Yousef",
    "Ibrahim",
    "Mustafa",
    "Abdullah",
    "Abdel",
    "Karim",
    "Tariq",
    "Walid",
    "Samir",
    "Nabil",
    "Fadi",
    "Rami",
    "Ziad",
    "Bashar",
    "Hamza",
    "Said",
    "Jamal",
    "Faisal",
    "Majid",
    "Nasser",
    "Adel",
    "Hisham",
    "Mahmoud",
    "Fatima",
    "Aisha",
    "Mariam",
    "Layla",
    "Nour",
    "Huda",
    "Rania",
    "Salma",
    "Yasmin",
    "Zainab",
]
ARABIC_PREFIXES = ["al-", "el-", "Abu ", "bin ", ""]
ARABIC_ROOTS = [
    "Rahman",
    "Masri",
    "Hashimi",
    "Tamimi",
    "Qureshi",
    "Sayed",
    "Najjar",
    "Haddad",
    "Khoury",
    "Saleh",
    "Amin",
    "Farouk",
    "Jaber",
    "Mansour",
    "Nasr",
    "Qasim",
    "Rashid",
    "Shami",
    "Zahra",
    "Obeid",
    "Hamdan",
    "Kassem",
    "Barghouti",
    "Darwish",
    "Ghanem",
    "Hijazi",
    "Issa",
    "Jamali",
    "Khatib",
    "Madani",
    "Nasrallah",
    "Othman",
    "Sabri",
    "Sharif",
    "Taha",
    "Yassin",
    "Zaki",
    "Awad",
    "Bakri",
    "Halabi",
]

AFRICAN_FIRST = [
    "Chinedu",
    "Ngozi",
    "Emeka",
    "Oluwaseun",
    "Adebayo",
    "Kwame",
    "Kofi",
    "Ama",
    "Abena",
    "Yaw",
    "Amara",
    "Fatou",
    "Moussa",
    "Ibrahima",
    "Awa",
    "Aminata",
    "Mamadou",
    "Ousmane",
    "Seydou",
    "Kwabena",
    "Tendai",
    "Tatenda",
    "Thabo",
    "Sipho",
    "Lerato",
    "Nomvula",
    "Zanele",
    "Juma",
    "Baraka",
    "Wanjiru",
    "Njeri",
    "Kamau",
    "Otieno",
    "Achieng",
    "Abebe",
    "Tesfaye",
    "Haile",
    "Mulugeta",
    "Selam",
    "Yohannes",
]
AFRICAN_HEADS = [
    "Oko",
    "Ade",
    "Oba",
    "Nwa",
    "Eze",
    "Olu",
    "Mba",
    "Kama",
    "Oti",
    "Wan",
    "Kip",
    "Che",
    "Mwa",
    "Ban",
    "Dia",
    "Tra",
    "Kou",
    "Nko",
    "Ase",
    "Gebre",
]
AFRICAN_TAILS = [
    "for",
    "yemi",
    "si",
    "nkwo",
    "bayo",
    "chukwu",
    "eno",
    "ru",
    "ngo",
    "rono",
    "lami",
    "tunde",
    "ke",
    "wale",
    "dou",
    "llo",
    "ore",
    "medhin",
    "sah",
    "nda",
]

LATIN_FIRST = [
    "José",
    "María",
    "Juan",
    "Carlos",
    "Luis",
    "Ana",
    "Pedro",
    "Miguel",
    "Jorge",
    "Francisco",
    "Antonio",
    "Manuel",
    "Javier",
    "Rafael",
    "Fernando",
    "Diego",
    "Alejandro",
    "Sofía",
    "Lucía",
    "Camila",
    "Valentina",
    "Isabel",
    "Marco",
    "Giuseppe",
    "Giovanni",
    "Luca",
    "Matteo",
    "Alessandro",
    "Francesca",
    "Giulia",
    "Chiara",
    "João",
    "Paulo",
    "Tiago",
    "Gonçalo",
    "Beatriz",
    "Inês",
]
LATIN_SURNAMES = [
    "García",
    "Rodríguez",
    "Martínez",
    "López",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Rivera",
    "Gómez",
    "Díaz",
    "Reyes",
    "Morales",
    "Cruz",
    "Ortiz",
    "Gutiérrez",
    "Chávez",
    "Ramos",
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Costa",
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Pereira",
    "Ferreira",
    "Almeida",
    "Carvalho",
    "Navarro",
    "Vargas",
]

UNIT_KINDS = [
    "Mechanized",
    "Assault",
    "Airborne",
    "Marine",
    "Territorial Defense",
    "Artillery",
    "Motor Rifle",
    "Tank",
    "Jaeger",
    "Special Purpose",
]
UNIT_TYPES = ["Brigade", "Battalion", "Regiment", "Division"]
COUNCIL_TYPES = ["City Council", "Military Administration", "District Court", "Police Department"]

# Real names of the issue (and a few more), with the Cyrillic alias a gazetteer would give, and
# the other spellings an analyst types. The store holds only the canonical name and the alias.
VARIANT_PAIRS: list[tuple[str, str, str, list[str]]] = [
    ("place", "Kharkiv", "Харків", ["Kharkov", "Харьков", "Harkiv"]),
    ("place", "Martynivka", "Мартинівка", ["Martynovka"]),
    (
        "person",
        "Volodymyr Zelensky",
        "Володимир Зеленський",
        ["Zelenskyy", "Zelenskiy", "Зеленский", "Zelensky Volodymyr", "Vladimir Zelenskiy"],
    ),
    ("place", "Kyiv", "Київ", ["Kiev", "Kyjiv"]),
    ("place", "Vinnytsia", "Вінниця", ["Vinnitsa", "Vinnitsya"]),
    ("person", "Oleh Synehubov", "Олег Синєгубов", ["Sinegubov", "Oleg Sinegubov"]),
    ("place", "Vorozhba", "Ворожба", ["Vorozba"]),
    ("place", "Mariupol", "", ["Маріуполь", "Мариуполь"]),
    ("place", "Kursk", "", ["Курск", "Kursk oblast", "Kursk region"]),
    ("place", "Plekhovo", "", ["Плехово", "Plehovo"]),
    ("place", "Mykolaiv", "Миколаїв", ["Nikolaev", "Nikolayev"]),
    ("place", "Odesa", "Одеса", ["Odessa"]),
    ("place", "Dnipro", "Дніпро", ["Dnepr"]),
    ("place", "Chernihiv", "Чернігів", ["Chernigov"]),
    ("place", "Lysychansk", "Лисичанськ", ["Lisichansk"]),
    ("person", "Sergei Shoigu", "Сергей Шойгу", ["Shoygu", "Sergey Shoigu"]),
    ("person", "Yevgeny Prigozhin", "Евгений Пригожин", ["Prigojin", "Evgeniy Prigozhin"]),
    ("place", "Bakhmut", "", ["Бахмут", "Bahmut"]),
    ("place", "Zaporizhzhia", "Запоріжжя", ["Zaporozhye", "Zaporizhzhya"]),
    ("person", "Ursula von der Leyen", "", ["Leyen", "von der Leyen"]),
    ("place", "Kupiansk", "Куп'янськ", ["Kupyansk"]),
    ("place", "Sievierodonetsk", "Сєвєродонецьк", ["Severodonetsk"]),
    ("place", "Horlivka", "Горлівка", ["Gorlovka"]),
    ("place", "Luhansk", "Луганськ", ["Lugansk"]),
    ("place", "Kryvyi Rih", "Кривий Ріг", ["Krivoy Rog", "Kryvyy Rih"]),
    ("place", "Avdiivka", "Авдіївка", ["Avdeevka", "Avdeyevka"]),
    ("place", "Sloviansk", "Слов'янськ", ["Slavyansk"]),
    ("place", "Kherson", "Херсон", ["Cherson"]),
    ("place", "Sudzha", "Суджа", ["Sudja", "Sudzha district"]),
    ("place", "Pokrovsk", "Покровськ", ["Pokrovs'k"]),
]


@dataclass
class Name:
    type: str  # place, person, organization
    name: str  # the canonical (romanised) name
    cyrillic: str = ""  # its Cyrillic form, when it has one
    aliases: list[str] = field(default_factory=list)


def _place(rng: random.Random) -> Name:
    root = rng.choice(PLACE_ROOTS)
    prefix = rng.choice(PLACE_PREFIXES)
    body = (prefix + root if prefix else root) + rng.choice(PLACE_SUFFIXES)
    body = body[:1].upper() + body[1:]
    if rng.random() < 0.2:
        body = rng.choice(PLACE_WORDS) + " " + body
    return Name("place", romanise(body), body)


def _slavic_person(rng: random.Random) -> Name:
    first = rng.choice(SLAVIC_FIRST)
    surname = rng.choice(SLAVIC_SURNAME_ROOTS) + rng.choice(SLAVIC_SURNAME_SUFFIXES)
    if rng.random() < 0.5:
        father = rng.choice(SLAVIC_FIRST[:30])
        father = father[:-1] if father.endswith(("й", "о")) else father
        female = SLAVIC_FIRST.index(first) >= 30
        full = f"{first} {father}{'івна' if female else 'ович'} {surname}"
    else:
        full = f"{first} {surname}"
    return Name("person", romanise(full), full)


def _arabic_person(rng: random.Random) -> Name:
    parts = [rng.choice(ARABIC_FIRST)]
    if rng.random() < 0.7:
        parts.append(rng.choice(ARABIC_FIRST[:30]))
    parts.append(rng.choice(ARABIC_PREFIXES) + rng.choice(ARABIC_ROOTS))
    return Name("person", " ".join(parts))


def _african_person(rng: random.Random) -> Name:
    parts = [rng.choice(AFRICAN_FIRST)]
    if rng.random() < 0.6:
        parts.append(rng.choice(AFRICAN_FIRST))
    parts.append(rng.choice(AFRICAN_HEADS) + rng.choice(AFRICAN_TAILS))
    return Name("person", " ".join(parts))


def _latin_person(rng: random.Random) -> Name:
    parts = [rng.choice(LATIN_FIRST), rng.choice(LATIN_SURNAMES)]
    if rng.random() < 0.8:
        parts.append(rng.choice(LATIN_SURNAMES))
    return Name("person", " ".join(parts))


def _organization(rng: random.Random) -> Name:
    if rng.random() < 0.5:
        number = rng.randint(1, 250)
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return Name("organization", f"{number}{suffix} {rng.choice(UNIT_KINDS)} {rng.choice(UNIT_TYPES)}")
    return Name("organization", f"{_place(rng).name} {rng.choice(COUNCIL_TYPES)}")


MAKERS = [  # (maker, share of the names)
    (_place, 0.40),
    (_slavic_person, 0.22),
    (_arabic_person, 0.14),
    (_african_person, 0.10),
    (_latin_person, 0.10),
    (_organization, 0.04),
]


def make_names(count: int, rng: random.Random) -> list[Name]:
    """``count`` distinct synthetic names (plus the real names of VARIANT_PAIRS)."""
    seen: set[str] = set()
    names: list[Name] = []
    for type_, name, cyrillic, _ in VARIANT_PAIRS:
        names.append(Name(type_, name, cyrillic, [cyrillic] if cyrillic else []))
        seen.add(name)
    makers = [m for m, _ in MAKERS]
    weights = [w for _, w in MAKERS]
    while len(names) < count:
        made = rng.choices(makers, weights)[0](rng)
        if made.name in seen:
            continue
        seen.add(made.name)
        if made.cyrillic and rng.random() < 0.3:  # a gazetteer gives the Cyrillic form of some
            made.aliases.append(made.cyrillic)
        names.append(made)
    return names


# One transliteration difference: (what the national system writes, what another system writes)
VARIANT_RULES = [
    ("kh", "h"),
    ("zh", "z"),
    ("y", "i"),
    ("i", "y"),
    ("iv", "ov"),
    ("ivka", "ovka"),
    ("ia", "ya"),
    ("ia", "a"),
    ("iu", "yu"),
    ("ts", "tz"),
    ("h", "g"),
    ("shch", "sch"),
    ("ie", "ye"),
    ("ie", "e"),
    ("yi", "iy"),
    ("kyi", "ky"),
    ("skyi", "sky"),
    ("ch", "tch"),
    ("ii", "iy"),
    ("o", "a"),
    ("e", "ye"),
    ("ss", "s"),
    ("ou", "u"),
    ("el-", "al-"),
    ("y", "j"),
]
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(name: str, rng: random.Random) -> str:
    """The name with one typing error: a letter dropped, doubled, swapped or replaced."""
    positions = [i for i, ch in enumerate(name) if ch.isalpha()]
    i = rng.choice(positions[1:] or positions)
    kind = rng.choice(("drop", "double", "swap", "replace"))
    if kind == "drop":
        return name[:i] + name[i + 1 :]
    if kind == "double":
        return name[:i] + name[i] + name[i:]
    if kind == "swap" and i + 1 < len(name) and name[i + 1].isalpha():
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + rng.choice(_LETTERS.replace(name[i].lower(), "")) + name[i + 1 :]


def variant(name: Name, rng: random.Random) -> str:
    """The name in another romanisation (one rule applied once), or in Cyrillic."""
    if name.cyrillic and not name.aliases and rng.random() < 0.25:
        return name.cyrillic  # Cyrillic input for a name the store only has in Latin
    lower = name.name.lower()
    places = [
        (a, b, i)
        for a, b in VARIANT_RULES
        for i in range(len(lower))
        if lower.startswith(a, i) and not (a == "h" and i and lower[i - 1] in "kzsc")  # kh is not g
    ]
    if not places:
        return typo(name.name, rng)
    a, b, i = rng.choice(places)
    return name.name[:i] + b + name.name[i + len(a) :]
