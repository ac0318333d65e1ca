"""Extraction speed: articles of about 700 words per second on one core.

    .venv/bin/python bench/extract_speed.py [--articles N] [--long]

Builds N different articles of ~700 words from war-news sentences (the seed article, the evaluation
paragraphs, the articles in tests/eval/articles/ and the short reports in tests/eval/, shuffled with
a fixed seed so every article differs), runs ``extract_article`` on each in this one process, and prints articles per second
(CPU time of this process, and wall time, which other processes on the machine slow down) and the
time per stage. Two mixes: "news" (paragraphs of news prose, a few event reports among them, like a
wire story) and "dense" (every sentence reports a dated incident: a worst case).

--long also times one article of 200 KB and one of 800 KB (the news mix repeated) and prints how
many times longer the larger takes: about 4 when extraction is linear in the article's length.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.attribution import find_claims  # noqa: E402
from extract.entities import find_entities  # noqa: E402
from extract.events import find_events  # noqa: E402
from extract.pipeline import extract_article  # noqa: E402
from extract.sentences import split_sentences  # noqa: E402

TARGET_WORDS = 700


def sentence_pool() -> list[str]:
    texts = []
    seed = (ROOT / "seeds" / "000_58e71f58cf538e1b.txt").read_text(encoding="utf-8")
    texts.append(re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", seed))
    for name in ("news.jsonl", "acled_reports.jsonl"):
        with open(ROOT / "tests" / "eval" / name, encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in f if line.strip())
    pool = []
    for text in texts:
        pool.extend(s.text for s in split_sentences(text) if len(s.text.split()) >= 6)
    return pool


def paragraph_pool() -> list[str]:
    seed = (ROOT / "seeds" / "000_58e71f58cf538e1b.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", seed).split("\n") if p.strip()]
    with open(ROOT / "tests" / "eval" / "news.jsonl", encoding="utf-8") as f:
        paragraphs.extend(json.loads(line)["text"] for line in f if line.strip())
    for path in sorted((ROOT / "tests" / "eval" / "articles").glob("*.txt")):
        paragraphs.extend(p for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) > 8)
    return paragraphs


def make_articles(n: int, mix: str = "dense") -> list[str]:
    pool = sentence_pool()
    paragraphs_pool = paragraph_pool()
    rng = random.Random(20241216)
    articles = []
    for _ in range(n):
        paragraphs, words = [], 0
        while words < TARGET_WORDS:
            if mix == "dense":
                para = " ".join(rng.sample(pool, 3))
            else:
                para = rng.choice(paragraphs_pool)
                if rng.random() < 0.3:
                    para += " " + rng.choice(pool)
            paragraphs.append(para)
            words += len(para.split())
        articles.append("\n\n".join(paragraphs))
    return articles


def measure(articles: list[str], label: str) -> None:
    n = len(articles)
    words = sum(len(a.split()) for a in articles) / n
    wall, cpu = time.perf_counter(), time.process_time()
    for text in articles:
        extract_article(text, "2024-12-16")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"[{label}] {n} articles, {words:.0f} words on average: "
        f"{n / cpu:.0f} articles/s (CPU time), {n / wall:.0f} articles/s (wall time)"
    )
    stages = {"sentences": 0.0, "entities": 0.0, "claims": 0.0, "events": 0.0}
    k = min(n, 50)
    for text in articles[:k]:
        t = time.process_time()
        sentences = split_sentences(text)
        stages["sentences"] += time.process_time() - t
        t = time.process_time()
        entities = find_entities(text, sentences)
        stages["entities"] += time.process_time() - t
        t = time.process_time()
        _, claims = find_claims(text, sentences, entities)
        stages["claims"] += time.process_time() - t
        t = time.process_time()
        find_events(text, sentences, entities, claims, "2024-12-16")
        stages["events"] += time.process_time() - t
    print(f"[{label}] per article (ms, CPU): " + ", ".join(f"{name} {1000 * v / k:.2f}" for name, v in stages.items()))


def measure_long() -> None:
    base = "\n\n".join(make_articles(40, "news"))
    times = {}
    for size in (200_000, 800_000):
        text = (base * (size // len(base) + 1))[:size]
        t = time.process_time()
        extract_article(text, "2024-12-16")
        times[size] = time.process_time() - t
        print(f"[long] {size // 1000} KB: {times[size]:.2f} s (CPU)")
    print(f"[long] 800 KB / 200 KB: {times[800_000] / times[200_000]:.1f} times (linear: about 4)")


def main() -> None:
    n = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 150
    extract_article(make_articles(1)[0], "2024-12-16")  # load lexicons and gazetteer once
    measure(make_articles(n, "news"), "news")
    measure(make_articles(n, "dense"), "dense")
    print("target: >= 150 articles/s of 700 words on one core")
    if "--long" in sys.argv:
        measure_long()


if __name__ == "__main__":
    main()
