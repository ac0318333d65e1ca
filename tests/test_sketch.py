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


# A short wire story and the same story trimmed of its last paragraph: 64 values estimate the trimmed
# one as about 0.75 contained in the other (it is wholly), below the bar; the texts settle it.
WIRE = (
    "Deadly attack on Sudzha.\n\nSudzha came under attack by rockets late on Friday. six civilians were killed, "
    "the TASS news agency said on Telegram. Rescue workers searched the rubble for survivors.\n\n"
    "The conflict has displaced millions of people, according to aid agencies. Humanitarian agencies warned "
    "of shortages of food, water and medicine. The claims could not be independently verified."
)
WIRE_TRIMMED = WIRE.rsplit("\n\n", 1)[0]
# Two stories sharing a lead sentence's words and a stock closing line, each with its own news: the
# estimate says copies, the texts say not.
PROTEST = (
    "Thousands of protesters marched through Belgrade early on Friday against the disputed election, the "
    "organisers told reporters. The protest ended peacefully.\n\n"
    "Officials have repeatedly called for more air defence systems. Schools in the area have switched to "
    "online classes."
)
ROUNDUP = (
    "Deadly attack on Belgorod.\n\nA drone strike on Belgorod on June 8 killed at least 2 people, the TASS "
    "news agency said on Telegram. The attack damaged a school.\n\n"
    "Thousands of protesters marched through Belgrade on Friday night against the disputed election, the "
    "organisers said on Telegram. The protest ended peacefully.\n\n"
    '"This was a deliberate attack on people who were sleeping in their homes," a local doctor told Kyiv '
    "Independent.\n\n"
    "Officials have repeatedly called for more air defence systems. Schools in the area have switched to "
    "online classes."
)


def test_the_texts_decide_where_the_sketches_estimate_too_roughly():
    wire, trimmed = sketch.sketch(WIRE), sketch.sketch(WIRE_TRIMMED)
    assert not sketch.is_copy(wire, trimmed)  # the estimate alone misses it ...
    assert sketch.may_be_copy(wire, trimmed) and sketch.texts_are_copies(WIRE, WIRE_TRIMMED)
    protest, roundup = sketch.sketch(PROTEST), sketch.sketch(ROUNDUP)
    assert sketch.is_copy(protest, roundup)  # ... and wrongly finds this one
    assert not sketch.texts_are_copies(PROTEST, ROUNDUP) and not sketch.texts_are_copies(ROUNDUP, PROTEST)
    assert not sketch.may_be_copy(sketch.sketch(STORY), sketch.sketch(OTHER))
    assert not sketch.texts_are_copies("", STORY)


def _store_copies(db, articles) -> tuple[dict, dict]:
    """Write the (ref, text) articles; (ref -> the id of the article it is a copy of, ref -> id)."""
    with db:
        for ref, text in articles:
            write_article(db, RawArticle(ref, text), Extraction())
    rows = dict(db.execute("SELECT a.ref, k.copy_of FROM article_sketches k JOIN articles a ON a.id = k.article_id"))
    return rows, dict(db.execute("SELECT ref, id FROM articles"))


def test_the_store_confirms_copies_on_the_texts(tmp_path):
    db = open_store(tmp_path / "s.db")
    rows, ids = _store_copies(
        db, (("wire", WIRE), ("protest", PROTEST), ("trimmed", WIRE_TRIMMED), ("roundup", ROUNDUP))
    )
    assert rows == {"wire": None, "protest": None, "trimmed": ids["wire"], "roundup": None}
    db.close()


def test_texts_too_long_to_compare_are_left_to_their_sketches(tmp_path, monkeypatch):
    from store import reprints

    monkeypatch.setattr(reprints, "MAX_COMPARED_CHARS", 100)  # every text here is longer
    db = open_store(tmp_path / "s.db")
    rows, ids = _store_copies(
        db, (("wire", WIRE), ("trimmed", WIRE_TRIMMED), ("protest", PROTEST), ("roundup", ROUNDUP))
    )
    # what the sketches alone say: the trimmed copy is missed (its text would have been found a copy)
    assert rows == {"wire": None, "trimmed": None, "protest": None, "roundup": None}
    monkeypatch.setattr(reprints, "MAX_COMPARED_CHARS", 100_000)
    rows, _ = _store_copies(db, (("trimmed again", WIRE_TRIMMED + " (AFP)"),))
    assert rows["trimmed again"] in (ids["wire"], ids["trimmed"])
    db.close()
