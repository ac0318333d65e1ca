"""A store filled for the search tests, as the writer would fill it.

One entities or sources row per thing, one names row (with its search_key) per name and alias,
Cyrillic aliases as a gazetteer gives them, and a few hundred look-alike names as competition.
"""

from __future__ import annotations

import itertools
import sqlite3

from store.keys import merge_key, search_key

# (type, name, aliases, mentions, events)
ENTITIES = [
    ("place", "Kharkiv", ["Харків", "Харьков"], 40, 12),
    ("place", "Kursk", ["Курск"], 60, 20),
    ("place", "Kursk Oblast", ["Курская область"], 8, 2),
    ("place", "Kupiansk", ["Куп'янськ"], 15, 4),
    ("place", "Plekhovo", ["Плехово"], 4, 2),
    ("place", "Martynivka", ["Мартинівка"], 3, 1),
    ("place", "Kyiv", ["Київ"], 90, 30),
    ("place", "Vinnytsia", ["Вінниця"], 9, 3),
    ("place", "Vorozhba", ["Ворожба"], 5, 2),
    ("place", "Mariupol", ["Маріуполь"], 30, 9),
    ("place", "Mykolaiv", ["Миколаїв"], 12, 3),
    ("place", "Odesa", ["Одеса"], 25, 6),
    ("place", "Dnipro", ["Дніпро"], 20, 5),
    ("place", "Chernihiv", ["Чернігів"], 10, 3),
    ("place", "Lysychansk", ["Лисичанськ"], 7, 2),
    ("place", "Bakhmut", ["Бахмут"], 35, 15),
    ("place", "Zaporizhzhia", ["Запоріжжя"], 22, 8),
    ("place", "Kryvyi Rih", ["Кривий Ріг"], 6, 2),
    ("place", "Sievierodonetsk", ["Сєвєродонецьк"], 6, 2),
    ("place", "São Paulo", [], 1, 0),
    ("person", "Volodymyr Zelensky", ["Володимир Зеленський"], 80, 10),
    ("person", "Oleh Synehubov", ["Олег Синєгубов"], 14, 5),
    ("person", "Sergei Shoigu", ["Сергей Шойгу"], 11, 2),
    ("person", "Yevgeny Prigozhin", ["Евгений Пригожин"], 9, 1),
    ("person", "Ursula von der Leyen", [], 5, 0),
    ("person", "Oleksandr Zelenko", [], 1, 0),  # a look-alike of Zelensky
    ("organization", "Kharkiv Regional Military Administration", [], 3, 1),
    ("group", "North Korean soldiers", [], 12, 4),
    ("group", "Russian forces", [], 50, 20),
]
# (type, name, claims)
SOURCES = [
    ("military", "Ukraine's General Staff", 9),
    ("intelligence", "Ukraine's military intelligence", 4),
    ("person", "Volodymyr Zelensky", 3),
]
# look-alikes: places and people built from the same parts as the names above
PLACE_PARTS = (
    ["", "Novo", "Staro", "Velyka ", "Mala "],
    ["petr", "ivan", "kharkiv", "kurs", "pleh", "martyn", "vor"],
    ["ivka", "ove", "ske", "ytsia", "ohrad", "ets"],
)
PERSON_PARTS = (
    ["Ivan", "Oleh", "Olena", "Serhii", "Mohammed", "Amara"],
    ["Zelen", "Shevch", "Synehub", "Kovalen", "Petr", "Bondar"],
    ["ko", "enko", "skyi", "ov", "uk"],
)


def add_names(conn, owner: str, owner_id: int, names: list[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO names (owner, owner_id, name, key) VALUES (?, ?, ?, ?)",
        [(owner, owner_id, n, search_key(n)) for n in names],
    )


def add_entity(
    conn, type_: str, name: str, aliases=(), mentions: int = 0, events: int = 0, merge_key_: str | None = None
) -> int:
    """An entities row and its names, as the writer leaves them; returns its id."""
    entity_id = conn.execute(
        "INSERT INTO entities (type, name, merge_key, n_mentions, n_events) VALUES (?, ?, ?, ?, ?)",
        (type_, name, merge_key_ or merge_key(name), mentions, events),
    ).lastrowid
    add_names(conn, "entity", entity_id, [name, *aliases])
    return entity_id


def fill(conn: sqlite3.Connection) -> dict[str, int]:
    """Entities, sources, claims and events as the writer would leave them; returns name -> id."""
    ids: dict[str, int] = {}
    for type_, name, aliases, mentions, events in ENTITIES:
        ids[name] = add_entity(conn, type_, name, aliases, mentions, events)
    seen = {(t, merge_key(n)) for t, n, *_ in ENTITIES}
    fillers = [("place", "".join(p).strip().title().replace(" ", " ")) for p in itertools.product(*PLACE_PARTS)]
    fillers += [("person", f"{a} {b}{c}") for a, b, c in itertools.product(*PERSON_PARTS)]
    for number, (type_, name) in enumerate(fillers):
        if (type_, merge_key(name)) in seen or not name:
            continue
        seen.add((type_, merge_key(name)))
        add_entity(conn, type_, name, mentions=number % 7, events=number % 3)
    article = conn.execute(
        "INSERT INTO articles (ref, text, hash, ingested_at) VALUES ('a.txt', 'text', 'h', '2024-12-16')"
    ).lastrowid
    for type_, name, claims in SOURCES:
        source_id = conn.execute(
            "INSERT INTO sources (name, merge_key, type, n_claims) VALUES (?, ?, ?, ?)",
            (name, merge_key(name), type_, claims),
        ).lastrowid
        ids[f"source:{name}"] = source_id
        add_names(conn, "source", source_id, [name])
    staff = ids["source:Ukraine's General Staff"]
    event = None
    for i in range(3):  # three claims of the General Staff, two of them about one event
        claim = conn.execute(
            "INSERT INTO claims (article_id, source_id, cue_start, cue_end, cue_text, content_start,"
            " content_end, content_text) VALUES (?, ?, 0, 1, 't', 0, 1, 't')",
            (article, staff),
        ).lastrowid
        event = (
            conn.execute(
                "INSERT INTO events (article_id, type, subtype, confidence, evidence_start, evidence_end,"
                " evidence_text) VALUES (?, 'Battles', 'Armed clash', 0.8, 0, 1, 't')",
                (article,),
            ).lastrowid
            if i < 2
            else event
        )
        conn.execute("INSERT INTO claim_events (claim_id, event_id) VALUES (?, ?)", (claim, event))
    conn.commit()
    for table in ("names", "entities"):
        ids[f"#{table}"] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return ids
