"""Hunt for extraction time that grows faster than the text: phrase units repeated 250 and 1,000 times.

    python bench/hostile_scaling.py [--pairs N] [--seed S] [--store]

A pattern that can match a run of words in many ways (``(?:a|a b)*``) backtracks exponentially when
what follows the run fails to match; a loop over mentions inside a loop over mentions grows with the
square. Both hide in ordinary articles and show on hostile ones. Each phrase unit below (the words
the rules look for: auxiliaries, titles, quotes, dates, figures, cues, furniture) is repeated 250 and
1,000 times, alone, inside a casualty sentence and a claim, and before a named victim, and the whole
pipeline reads each text; then ``--pairs`` random pairs and triples of units, 120 and 480 times.
Prints every text whose time grew more than 8x for 4x the input (linear is 4x), or that took over
20 s, and the worst ratio.

--store: the same for writing one article into a fresh store (extraction, then the writer and the
grouping of its events into incidents), for articles of 2,000 and 8,000 incident sentences: one
sentence repeated, distinct incidents in paragraphs, and one paragraph of distinct incidents.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.pipeline import extract_article  # noqa: E402
from store.db import open_store  # noqa: E402
from store.ingest import ingest_articles  # noqa: E402
from store.readers import RawArticle  # noqa: E402

UNITS = (
    'have been |Mr |U.S. |said |who |, who was |killed |in 2014 |Kyiv, |(Reuters) |— |"|on Monday |the |of the |'
    "According to |5 |and |John Smith |JOHN |A. |... |were reportedly |known to have been |at least |more than |"
    "killing |wounded and |Russian |North Korean |soldiers |said that |told |claimed |- |St. |Dr. |President |"
    "Ministry of |of Defence |near |village of |region |Oblast |12 December |December 12, |2024-12-12 |last week |"
    "two days ago |on 14 and 15 |(|)|'s |’s |al-|bin |van der |O'|Mc|\u200b|é|Ж|日本 |1,000 |dozens of |hundreds of |"
    "people |civilians, including |children, |who had been |whose |which |that |was |has |is believed to |"
    "the body of |murder of |Capt. |Lt. Gen. |Col. |the so-called |«|»|“|”|\n|\n\n|* |==|image caption |"
    "Advertisement |Read more |http://x.com/a |@user |#tag |KYIV, |Aug 26 |(AP) — |drone |missile |strike |"
    "shelling |attack on |sources |officials |a spokesman for |Zelensky |Putin's |Ukraine's |forces |"
    "troops of the |Brigade |3rd |Separate |Battalion |and/or |or |either |neither |not |no |if |would |could |"
    "will |plans to |“Russian missiles hit Kharkiv,” said Zelensky and |beat to death a man and |lynched |"
    "1 fatality, |unrest |accused of stealing "
).split("|")
TEMPLATES = (
    "The war: 5 people {} killed in Kyiv.",
    "{}",
    "Officials said {} on Monday.",
    "Ivan Petrov {} X was killed.",
)
LIMIT_S = 20


class TooSlow(Exception):
    pass


def _alarm(*_):
    raise TooSlow


def seconds(text: str) -> float:
    start = time.perf_counter()
    extract_article(text, "2024-12-16")
    return time.perf_counter() - start


def growth(unit: str, template: str, small: int, large: int) -> tuple[float, float] | None:
    """How many times longer ``large`` repeats take than ``small``, and the seconds ``large`` takes
    (None: over the time limit)."""
    signal.alarm(LIMIT_S)
    try:
        a, b = seconds(template.format(unit * small)), seconds(template.format(unit * large))
    except TooSlow:
        return None
    finally:
        signal.alarm(0)
    return b / max(a, 1e-4), b


def incident_sentences(n: int, rng: random.Random, shape: str) -> str:
    """An article of ``n`` incident sentences (``shape``: "repeated", "paragraphs" or "one paragraph")."""
    if shape == "repeated":
        return "Russian shelling hit Kherson on Monday. " * n
    places = ("Kherson", "Kharkiv", "Odesa", "Sumy", "Belgorod", "Kursk", "Donetsk", "Dnipro", "Mykolaiv")
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    kinds = ("Russian shelling hit", "Ukrainian drones struck", "A missile hit", "Fighting broke out in")
    sentences = [
        f"{rng.choice(kinds)} {rng.choice(places)} on {rng.choice(days)}, killing {rng.randint(1, 50)} people."
        for _ in range(n)
    ]
    join = "\n\n" if shape == "paragraphs" else " "
    return join.join(sentences)


def store_seconds(text: str, folder: Path) -> float:
    """Seconds to write ``text`` as one article into a fresh store, extraction included (this process)."""
    path = folder / f"store-{time.perf_counter_ns()}.db"
    conn = open_store(path)
    try:
        start = time.perf_counter()
        ingest_articles(conn, [RawArticle("hostile.txt", text, published="2024-12-16")], workers=0)
        return time.perf_counter() - start
    finally:
        conn.close()


def store_main(seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        store_seconds("Russian shelling hit Kherson on Monday.", Path(folder))  # (loads the model)
        for shape in ("repeated", "paragraphs", "one paragraph"):
            a = store_seconds(incident_sentences(2000, rng, shape), Path(folder))
            b = store_seconds(incident_sentences(8000, rng, shape), Path(folder))
            print(f"{shape}: 2,000 sentences {a:.2f} s, 8,000 {b:.2f} s: {b / a:.1f}x for 4x (linear: 4x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", action="store_true", help="time writing long articles into a store instead")
    args = parser.parse_args()
    if args.store:
        store_main(args.seed)
        return
    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(args.seed)
    cases = [(u, t, 250, 1000) for u in UNITS for t in TEMPLATES]
    cases += [
        ("".join(rng.sample(UNITS, rng.choice((2, 3)))), t, 120, 480) for _ in range(args.pairs) for t in TEMPLATES[:2]
    ]
    worst, slowest = 0.0, 0.0
    for unit, template, small, large in cases:
        found = growth(unit, template, small, large)
        if found is None:
            print(f"over {LIMIT_S} s: {unit!r} in {template!r}", flush=True)
            worst = slowest = float("inf")
            continue
        ratio, took = found
        slowest = max(slowest, took)
        if took > 0.02:  # (shorter: timer noise, not growth)
            worst = max(worst, ratio)
            if ratio > 8:
                print(f"{ratio:.1f}x for 4x the input ({took:.2f} s): {unit!r} in {template!r}", flush=True)
    print(
        f"{len(cases)} texts; worst growth {worst:.1f}x for 4x the input (linear: 4x) among those over 20 ms; "
        f"slowest {slowest:.2f} s"
    )


if __name__ == "__main__":
    main()
