"""Reprint detection: MinHash sketches of articles, and copies marked in the store."""

from __future__ import annotations

import subprocess
import sys

from extract.model import Extraction
from store import sketch
from store.db import open_store
from store.readers import RawArticle
from store.writer import write_article

STORY = (
    "Russian drones struck an apartment block in Kharkiv overnight, killing five people and wounding "
    "twelve, the regional governor said on Telegram. Rescue workers pulled two survivors from the rubble "
    "early on Tuesday, and the city's mayor said power had been restored to most of the district. "
    "The attack was the third on the city this week, officials said, and schools moved classes online."
)
OTHER = (
    "Thousands of protesters marched through Tbilisi on Saturday against a new foreign agents law, "
    "the organisers said. Police used tear gas near parliament and detained several people, the "
    "interior ministry said, while opposition leaders called for another rally on Sunday evening."
)


def test_copies_are_similar_and_other_stories_are_not():
    a = sketch.sketch(STORY)
    footer = sketch.sketch(STORY + "\n\n(Reporting by the Kyiv bureau; editing by the desk.)")
    trimmed = sketch.sketch(STORY.rsplit(". ", 1)[0] + ".")
    edited = sketch.sketch(STORY.replace("five people", "5 people").replace("twelve", "12"))
    assert sketch.similarity(a, a) == 1.0
    for copy in (footer, trimmed, edited):
        assert sketch.is_copy(a, copy) and sketch.is_copy(copy, a)
    assert not sketch.is_copy(a, sketch.sketch(OTHER))
    assert sketch.similarity(a, sketch.sketch(OTHER)) < 0.2
    assert sketch.size(a) == len(set(zip(*(sketch.words(STORY)[i:] for i in range(sketch.SHINGLE)))))


def test_a_text_too_short_has_no_sketch():
    assert sketch.sketch("Kharkiv was hit again.") is None


def test_sketches_and_bands_are_the_same_in_every_process():
    # str hashes differ between Python processes; sketches must not (they are compared across runs)
    code = "from store import sketch; import sys; sys.stdout.write(sketch.sketch(sys.argv[1]).hex())"
    other = subprocess.run([sys.executable, "-c", code, STORY], capture_output=True, text=True, check=True).stdout
    assert other == sketch.sketch(STORY).hex()
    assert len(sketch.bands(sketch.sketch(STORY))) == sketch.BANDS


def test_the_store_marks_a_reprint_as_a_copy_of_the_first_stored(tmp_path):
    db = open_store(tmp_path / "s.db")
    with db:
        for ref, text in (
            ("orig", STORY),
            ("other", OTHER),
            ("copy", STORY + " (AFP)"),
            ("copy2", STORY.replace("Tuesday", "Monday")),
        ):
            write_article(db, RawArticle(ref, text), Extraction())
    rows = dict(db.execute("SELECT a.ref, k.copy_of FROM article_sketches k JOIN articles a ON a.id = k.article_id"))
    ids = dict(db.execute("SELECT ref, id FROM articles"))
    assert rows == {"orig": None, "other": None, "copy": ids["orig"], "copy2": ids["orig"]}
    assert db.execute("SELECT count(*) FROM article_bands").fetchone()[0] == 4 * sketch.BANDS
    db.close()
