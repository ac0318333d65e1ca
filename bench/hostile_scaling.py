"""Hunt for extraction time that grows faster than the text: phrase units repeated 250 and 1,000 times.

    python bench/hostile_scaling.py [--pairs N] [--seed S]

A pattern that can match a run of words in many ways (``(?:a|a b)*``) backtracks exponentially when
what follows the run fails to match; a loop over mentions inside a loop over mentions grows with the
square. Both hide in ordinary articles and show on hostile ones. Each phrase unit below (the words
the rules look for: auxiliaries, titles, quotes, dates, figures, cues, furniture) is repeated 250 and
1,000 times, alone and inside a casualty sentence and a claim, and the whole pipeline reads each text;
then ``--pairs`` random pairs and triples of units, 120 and 480 times. Prints every text whose
time grew more than 8x for 4x the input (linear is 4x), or that took over 20 s, and the worst ratio.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.pipeline import extract_article  # noqa: E402

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
    "will |plans to "
).split("|")
TEMPLATES = ("The war: 5 people {} killed in Kyiv.", "{}", "Officials said {} on Monday.")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
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
