"""Extraction seconds of one very large article, by size: linear growth keeps 10 MB within the limit.

    .venv/bin/python bench/huge_article.py [--sizes 0.25,0.5,1,2,4,8] [--shapes news,...] [--jsonl FILE]

``sitrep ingest`` gives one article's extraction EXTRACTION_SECONDS (store/ingest.py, 120 s) and
rejects it after. For each shape and size (in MB of text) this builds one article, runs
``extract_article`` on it in this process and prints its CPU seconds, seconds per MB and how many
times longer it took than the size before (linear: as many times as the size grew). A run over
``--limit`` CPU seconds is stopped and printed as such.

Shapes (all built here, from text in the repository or the ``--jsonl`` file's ``text`` fields):
  news           articles concatenated, paragraphs kept (the default)
  one-paragraph  the same with every line break and run of spaces made one space
  no-stops       one paragraph with every full stop made a comma: no sentence ends
  short-lines    one word a line
  one-sentence   one casualty report with a claim, repeated
  people         paragraphs of invented people who speak ("X said", "He said", "the ministry said")
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.pipeline import extract_article  # noqa: E402
from store.ingest import EXTRACTION_SECONDS  # noqa: E402

SHAPES = ("news", "one-paragraph", "no-stops", "short-lines", "one-sentence", "people")
SENTENCE = (
    "Russian forces shelled the village of Plekhovo near Kursk on Monday, killing at least five civilians, "
    "regional officials said. "
)
SYLLABLES = "ko va len dro mir pet sha nov chen ba ri sto lo gu tin mar zek ol an ye".split()


def articles(jsonl: Path | None) -> list[str]:
    """Article texts: the ``--jsonl`` file's, else the seeds' and the evaluation articles'."""
    if jsonl is not None:
        with open(jsonl, encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f if line.strip()]
    texts = [
        re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "eval" / "articles").glob("*.txt"))]
    with open(ROOT / "tests" / "eval" / "news.jsonl", encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def people(size: int) -> str:
    """Paragraphs of different invented people who speak, until ``size`` characters."""
    paragraphs, total, i = [], 0, 0
    while total < size:
        surname = "".join(SYLLABLES[i // 20**k % 20] for k in range(4)).capitalize()
        paragraph = (
            f"Ivan {surname}, a spokesman for the regional administration, said Russian forces shelled the "
            f"village on Monday, killing {i % 40 + 2} civilians. He said troops had retreated from the town. "
            f"{surname} said the attack destroyed houses. The ministry said drones struck the port. "
            f'"We will not give up the town," {surname} said. She said soldiers were wounded near the river.'
        )
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
        i += 1
    return "\n\n".join(paragraphs)[:size]


def article(shape: str, size: int, texts: list[str]) -> str:
    """One article of ``size`` characters of that shape."""
    if shape == "one-sentence":
        return (SENTENCE * (size // len(SENTENCE) + 1))[:size]
    if shape == "people":
        return people(size)
    news = "\n\n".join(texts)
    news = "\n\n".join([news] * (size // len(news) + 1))[:size]
    if shape == "one-paragraph":
        return " ".join(news.split())
    if shape == "no-stops":
        return " ".join(news.replace(".", ",").split())
    if shape == "short-lines":
        return "\n".join(news.split())
    return news


class _TooLong(Exception):
    pass


def _stop(*_):
    raise _TooLong


def cpu_seconds(text: str, limit: float) -> float | None:
    """CPU seconds of extract_article on ``text`` (None: over ``limit``)."""
    signal.signal(signal.SIGVTALRM, _stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, limit)
    started = time.process_time()
    try:
        extract_article(text, "2024-12-16")
    except _TooLong:
        return None
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.25,0.5,1,2,4,8", help="sizes in MB (10^6 characters)")
    parser.add_argument("--shapes", default="news", help=f"comma-separated, of: {', '.join(SHAPES)}; or all")
    parser.add_argument("--jsonl", type=Path, help="build the articles from this JSON Lines file's texts")
    parser.add_argument("--limit", type=float, default=300.0, help="CPU seconds before a run is stopped")
    args = parser.parse_args()
    shapes = SHAPES if args.shapes == "all" else tuple(args.shapes.split(","))
    unknown = set(shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shape: {', '.join(sorted(unknown))}")
    sizes = [float(s) for s in args.sizes.split(",")]
    texts = articles(args.jsonl)
    extract_article("Russian shelling hit Kherson on Monday.", "2024-12-16")  # (loads the model)
    print(f"extract_article, CPU seconds (ingest's limit: {EXTRACTION_SECONDS:g} s of CPU time)")
    for shape in shapes:
        before: tuple[float, float] | None = None
        for mb in sizes:
            text = article(shape, int(mb * 1e6), texts)
            took = cpu_seconds(text, args.limit)
            if took is None:
                print(f"{shape:14s} {mb:5g} MB: over {args.limit:g} s", flush=True)
                break
            growth = f", {took / before[1]:.1f}x for {mb / before[0]:g}x the text" if before else ""
            print(f"{shape:14s} {mb:5g} MB: {took:6.1f} s ({took / mb:.1f} s/MB{growth})", flush=True)
            before = (mb, took)


if __name__ == "__main__":
    main()
