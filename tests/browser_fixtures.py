"""A store for the browser's tests of issue 14: the small fixture store, plus articles as a real
corpus has them: no title, outlet or URL (a JSON Lines dump), events of a year, a month and long
ago (history), a plan for later. Written through the store's writer with facts by hand."""

from __future__ import annotations

from pathlib import Path

from app_fixtures import build_small_store, span
from extract.model import Casualty, Entity, Event, Extraction, PlaceRef
from store.db import open_store
from store.readers import RawArticle, derive_title
from store.writer import write_article

MUSEUM = (
    "NEW You can now listen to Fox News articles!\n"
    "Kyiv museum marks the liberation of 1944\n"
    "In 1944 Soviet troops recaptured Kyiv after weeks of fighting, the museum said. "
    "Last month shelling damaged a school in Kyiv, and a drone struck Kyiv on Monday.\n"
    "Officials plan to rebuild the school by January 2025."
)
DUMP_REF = "20240507T014500Z_GB_en_23f9f2eb7.txt"


def _museum() -> tuple[RawArticle, Extraction]:
    t = MUSEUM
    kyiv = Entity("kyiv", "place", "Kyiv", [span(t, "Kyiv", n) for n in range(4)], country="UA", admin1="Kyiv")
    places = [PlaceRef("kyiv", "Kyiv", span(t, "Kyiv", 1))]

    def event(key, subtype, sentence, date, end, precision, **more):
        return Event(
            key,
            {
                "Armed clash": "Battles",
                "Air/drone strike": "Explosions/Remote violence",
                "Shelling/artillery/missile attack": "Explosions/Remote violence",
                "Other": "Strategic developments",
            }[subtype],
            subtype,
            span(t, sentence),
            date=date,
            date_end=end,
            date_precision=precision,
            places=places,
            confidence=0.7,
            **more,
        )

    events = [
        event(
            "e1",
            "Armed clash",
            "In 1944 Soviet troops recaptured Kyiv after weeks of fighting",
            "1944-01-01",
            "1944-12-31",
            "year",
        ),
        event(
            "e2",
            "Shelling/artillery/missile attack",
            "Last month shelling damaged a school in Kyiv",
            "2024-04-01",
            "2024-04-30",
            "month",
        ),
        event(
            "e3",
            "Air/drone strike",
            "a drone struck Kyiv on Monday",
            "2024-05-06",
            None,
            "day",
            casualties=[Casualty("killed", None, None, "vague", None, span(t, "struck"))],
        ),
        event(
            "e4", "Other", "Officials plan to rebuild the school by January 2025", "2025-01-01", "2025-01-31", "month"
        ),
    ]
    # a JSON Lines article: an id, a date, the text; no title, outlet or URL
    article = RawArticle(DUMP_REF, t, title=derive_title(t), published="2024-05-07")
    return article, Extraction([kyiv], [], [], events)


def build_browser_store(path: Path) -> Path:
    build_small_store(path)
    db = open_store(path)
    with db:
        write_article(db, *_museum())
    db.close()
    return path
