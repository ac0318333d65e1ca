"""Labels of real news pages, by sentence, from labels given as the sentences' own words.

    python bench/pages_labels.py LABELLED.jsonl [...]   # writes the three files below
    python bench/pages_labels.py --second READ.jsonl [...]   # writes bench/labels/pages_second.jsonl

Each input line is one page as a labeller kept it: ``id``, ``url``, ``published`` (or null),
``genre`` ("incident" or "other": what the page mostly is), ``text`` (the page's text as stored) and
``incidents`` (every incident sentence by docs/../LABELLING.md, as an exact substring of ``text``,
with its ``subtypes`` and ``unsure``; every other sentence is not one). Writes:

- ``bench/labels/pages_news.jsonl``: one label per sentence of Sitrep's own splitter, in the format of
  ``ukraine_war_news.jsonl`` (article id, offsets, a hash of the sentence, incident, subtypes, unsure,
  split). A sentence is an incident when a labelled one covers most of it (or 15 characters, for a
  long one); a labelled sentence the page repeats (a lead under a photo) is labelled each time.
  A third of the pages (by a hash of the id) are held out.
- ``bench/labels/pages_news_articles.jsonl``: each page's url, publication date, genre and a hash of
  its text (the repo keeps no text of them).
- ``bench/labels/pages_fields.jsonl``: the date and casualty figures of each incident sentence (for
  ``fields_eval.py --fields``), when the labeller gave them with its subtypes (``date``,
  ``casualties``); the rows of pages whose labels hold none, read apart, are kept as they are.
- ``bench/out/pages_news.jsonl`` (not in the repo): id, published and text, which
  ``incident_data.articles`` joins with the labels. A stored page's header "date 2024-07-30" before
  its first line is its publication date, not its text (as the first line of a .txt input is). A page
  with no date of its own takes the one in its url ("/2024/11/19/"). A page that repeats one kept
  already (the same wire story elsewhere: a fifth of its 8-word shingles shared) is left out.

``--second``: independent second readings of pages kept already (``id`` and ``incidents``, read from
the stored text by a labeller who saw no other labels) as ``bench/labels/pages_second.jsonl``, every
sentence in the same format, for ``bench/agreement.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from incident_data import PAGES, sentence_hash  # noqa: E402

from extract.boilerplate import masked  # noqa: E402
from extract.sentences import split_sentences  # noqa: E402

TEXTS = ROOT / "bench" / "out" / "pages_news.jsonl"
ARTICLES = ROOT / "bench" / "labels" / "pages_news_articles.jsonl"
FIELDS = ROOT / "bench" / "labels" / "pages_fields.jsonl"
SECOND = ROOT / "bench" / "labels" / "pages_second.jsonl"
# a stored page's header, "date 2024-07-30" before its first line's text (the .txt inputs' convention)
_DATE_MARK = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})[ \t]+")
_URL_DAY = re.compile(r"(20[12]\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}


def sentence_labels(page: dict, text: str, split: str) -> tuple[list[dict], list[dict]]:
    """The page's label of each sentence, and the date and figures of its incident sentences (when the
    labeller gave them: ``date`` and ``casualties`` beside an incident's ``subtypes``)."""
    told = []
    for incident in page["incidents"]:
        at = text.find(incident["sentence"])
        if at < 0:
            raise SystemExit(f"{page['id']}: a labelled sentence is not in the page's text")
        while at >= 0:
            told.append((at, at + len(incident["sentence"]), incident))
            at = text.find(incident["sentence"], at + 1)
    out, fields = [], []
    for s in split_sentences(masked(text)):
        hits = [t for t in told if min(s.end, t[1]) - max(s.start, t[0]) >= min(15, (s.end - s.start) // 2 + 1)]
        if hits and "date" in hits[0][2]:
            fields.append(
                {
                    "article": page["id"],
                    "start": s.start,
                    "end": s.end,
                    "sha1": sentence_hash(text[s.start : s.end]),
                    "split": split,
                    "date": hits[0][2]["date"],
                    "casualties": [
                        {"kind": c["kind"], "min": c["min"], "max": c.get("max")} for c in hits[0][2]["casualties"]
                    ],
                }
            )
        out.append(
            {
                "article": page["id"],
                "start": s.start,
                "end": s.end,
                "sha1": sentence_hash(text[s.start : s.end]),
                "incident": bool(hits),
                "subtypes": sorted({k for t in hits for k in t[2]["subtypes"]}),
                "unsure": any(t[2].get("unsure") for t in hits),
                "split": split,
            }
        )
    return out, fields


def main(paths: list[str]) -> int:
    kept: list[set[str]] = []
    texts, articles, labels, fields = [], [], [], []
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            page = json.loads(line)
            text = page["text"].strip("\n")
            mark = _DATE_MARK.match(text)
            if mark:  # the header is no text of the page: its day is the publication date
                text = text[mark.end() :]
                page = {**page, "published": page.get("published") or mark.group(1)}
                page["incidents"] = [
                    {**i, "sentence": _DATE_MARK.sub("", i["sentence"], count=1)} for i in page["incidents"]
                ]
            own = shingles(text)
            if any(len(own & other) / max(1, min(len(own), len(other))) > 0.2 for other in kept):
                continue
            kept.append(own)
            published = page.get("published")
            day = _URL_DAY.search(page.get("url") or "")
            if not published and day:
                published = "-".join(day.groups())
            split = "heldout" if zlib.crc32(page["id"].encode()) % 3 == 0 else "train"
            texts.append({"id": page["id"], "published": published, "text": text})
            articles.append(
                {
                    "id": page["id"],
                    "url": page.get("url"),
                    "published": published,
                    "genre": page.get("genre"),
                    "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
                    "split": split,
                }
            )
            page_labels, page_fields = sentence_labels(page, text, split)
            labels.extend(page_labels)
            fields.extend(page_fields)
    # the fields of pages whose labels hold none (read apart, after labelling) are kept as they are
    read_here = {f["article"] for f in fields}
    ids = {t["id"] for t in texts}
    if FIELDS.exists():
        for line in FIELDS.open(encoding="utf-8"):
            row = json.loads(line)
            if row["article"] in ids and row["article"] not in read_here:
                fields.append(row)
    fields.sort(key=lambda r: (r["article"], r["start"]))
    TEXTS.parent.mkdir(parents=True, exist_ok=True)
    for out, rows in ((TEXTS, texts), (ARTICLES, articles), (PAGES, labels), (FIELDS, fields)):
        with out.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    incidents = sum(r["incident"] for r in labels)
    print(f"{len(texts)} pages, {len(labels)} sentences, {incidents} incident")
    return 0


def second(paths: list[str]) -> int:
    """``bench/labels/pages_second.jsonl`` from independent second readings of pages kept already: each
    line ``id`` and ``incidents`` (as above, read from the page's stored text alone), every sentence
    labelled in the first labels' format, for ``bench/agreement.py``."""
    texts = {r["id"]: r["text"] for r in map(json.loads, TEXTS.open(encoding="utf-8"))}
    splits = {r["id"]: r["split"] for r in map(json.loads, ARTICLES.open(encoding="utf-8"))}
    rows = []
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                page = json.loads(line)
                rows.extend(sentence_labels(page, texts[page["id"]], splits[page["id"]])[0])
    with SECOND.open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    print(f"{len({r['article'] for r in rows})} pages read twice, {len(rows)} sentences")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    raise SystemExit(second(args[1:]) if args[:1] == ["--second"] else main(args))
