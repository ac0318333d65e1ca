"""The labelled sentences of real news, rebuilt from the articles' file and the labels kept in the repo.

The repo keeps labels only (``bench/labels/ukraine_war_news.jsonl``: article id, sentence offsets, a
hash of the sentence, incident yes/no, subtypes, unsure, split), never the articles' text. This module
joins them with the articles ($SITREP_ARTICLES, or a path
given) and checks each sentence's hash, so a label can never silently move to another sentence.

    python bench/incident_data.py [ARTICLES.jsonl]    # prints the labelled counts per split and subtype

The team's own texts are kept whole (written here): ACLED-style reports and near-miss texts
(``bench/labels/acled_style_train.jsonl``, read by ``reports()``) and articles labelled sentence by
sentence (``bench/labels/team_articles.jsonl``, read by ``team_articles()``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "labels" / "ukraine_war_news.jsonl"
REPORTS = ROOT / "bench" / "labels" / "acled_style_train.jsonl"
TEAM = ROOT / "bench" / "labels" / "team_articles.jsonl"
WIKIEVENTS = ROOT / "bench" / "labels" / "wikievents_dev.jsonl"  # labels of wikievents-dev.jsonl's documents
PAGES = ROOT / "bench" / "labels" / "pages_news.jsonl"  # labels of the real news pages (see docs/events.md)
ARTICLES = Path(os.environ.get("SITREP_ARTICLES", "ukraine-war-news.jsonl"))  # not part of the project


@dataclass
class Labelled:
    start: int
    end: int
    incident: bool
    subtypes: list[str]
    unsure: bool


@dataclass
class Article:
    id: str
    published: str | None
    text: str
    split: str  # "train" or "heldout": the held-out articles are never used to fit or tune anything
    sentences: list[Labelled]


def sentence_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def article_texts(path: Path = ARTICLES) -> dict[str, tuple[str, str | None]]:
    """Article id -> (text, publication date) from the articles' file (not part of the repo)."""
    if not path.exists():
        raise SystemExit(f"{path}: no such file (the real articles are not in the repo; pass their path)")
    texts = {}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        texts[row["id"]] = (row["text"], row.get("published"))
    return texts


def articles(path: Path = ARTICLES, labels: Path = LABELS) -> list[Article]:
    """Every labelled article with its text, in the labels' order; raises on a hash that does not match."""
    texts = article_texts(path)
    out: dict[str, Article] = {}
    for line in labels.open(encoding="utf-8"):
        rec = json.loads(line)
        text, published = texts[rec["article"]]
        if sentence_hash(text[rec["start"] : rec["end"]]) != rec["sha1"]:
            raise SystemExit(
                f"{labels}: sentence {rec['start']}:{rec['end']} of {rec['article']} "
                "does not match its hash (another version of the articles?)"
            )
        art = out.get(rec["article"])
        if art is None:
            art = out[rec["article"]] = Article(rec["article"], published, text, rec["split"], [])
        art.sentences.append(Labelled(rec["start"], rec["end"], rec["incident"], rec["subtypes"], rec["unsure"]))
    return list(out.values())


def team_articles(path: Path = TEAM) -> list[Article]:
    """Articles the team wrote (war coverage mixing incidents with diplomacy and opinion), labelled by
    reading like the real ones; their text is the team's, so it is kept whole. All train split."""
    out = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        out.append(
            Article(
                row["id"],
                row["published"],
                row["text"],
                "train",
                [Labelled(s["start"], s["end"], s["incident"], s["subtypes"], s["unsure"]) for s in row["sentences"]],
            )
        )
    return out


def reports(path: Path = REPORTS) -> list[dict]:
    """The team's short ACLED-style reports and near-miss texts: id, published, text, subtypes ([] = none)."""
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def main(argv: list[str]) -> int:
    arts = articles(Path(argv[0])) if argv else articles()
    for split in ("train", "heldout"):
        sents = [s for a in arts if a.split == split for s in a.sentences]
        pos = [s for s in sents if s.incident]
        print(
            f"{split}: {sum(a.split == split for a in arts)} articles, {len(sents)} sentences, "
            f"{len(pos)} incident ({sum(s.unsure for s in pos)} marked unsure)"
        )
    subtypes = Counter(t for a in arts for s in a.sentences for t in s.subtypes)
    print("incident sentences per subtype (a sentence may report several):")
    for name, n in subtypes.most_common():
        print(f"  {n:4}  {name}")
    team = team_articles()
    sents = [s for a in team for s in a.sentences]
    print(f"team's articles: {len(team)}, {len(sents)} sentences, {sum(s.incident for s in sents)} incident")
    if REPORTS.exists():
        rep = reports()
        per = Counter(r["subtypes"][0] if r["subtypes"] else "(none)" for r in rep)
        print(f"team's ACLED-style reports: {len(rep)}; " + ", ".join(f"{k} {v}" for k, v in sorted(per.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
