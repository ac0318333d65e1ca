"""Rebuild the real news pages' texts (``bench/out/pages_news.jsonl``, not in the repo) from transcripts.

    python bench/pages_recover.py TRANSCRIPT.jsonl [...]

The repo keeps the pages' labels and, per page, its url and the sha1 of its text
(``bench/labels/pages_news_articles.jsonl``), never the text. The texts came from the workplace's
stored copies of public web pages, whose search tool gives a page's first screen as one excerpt:
find the page by its url (the title words of its slug, or words of its lead) and copy the excerpt
exactly, as the tool's JSON gives it, into a transcript line ``{"id": "pg1-01", "excerpt": "..."}``.
This script reads the excerpt as ``bench/pages_labels.py`` read the page (the header "date
2024-07-08" before the first line is no text), keeps it only when its sha1 is the one recorded,
and adds it to ``bench/out/pages_news.jsonl`` (id, published, text), once. It prints OK or MISMATCH
per id, and how many pages the file holds of how many labelled. While some are missing, the labels
of those it holds are written beside it (``bench/out/pages_news_labels.jsonl``,
``bench/out/pages_fields.jsonl``), for ``events_eval.py --labels`` and ``fields_eval.py --fields``
(which stop at a labelled page they have no text of).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from incident_data import PAGES  # noqa: E402
from pages_labels import _DATE_MARK, ARTICLES, FIELDS, TEXTS  # noqa: E402

HELD_LABELS, HELD_FIELDS = TEXTS.with_name("pages_news_labels.jsonl"), TEXTS.with_name("pages_fields.jsonl")


def page_text(excerpt: str) -> str:
    """The page's text as labelled: the excerpt without its leading header line's date."""
    text = excerpt.strip("\n")
    mark = _DATE_MARK.match(text)
    return text[mark.end() :] if mark else text


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__)
        return 2
    pages = {r["id"]: r for r in map(json.loads, ARTICLES.open(encoding="utf-8"))}
    have = {json.loads(line)["id"] for line in TEXTS.open(encoding="utf-8")} if TEXTS.exists() else set()
    TEXTS.parent.mkdir(parents=True, exist_ok=True)
    with TEXTS.open("a", encoding="utf-8") as out:
        for path in paths:
            for n, line in enumerate(Path(path).open(encoding="utf-8"), 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    page, text = pages.get(row["id"]), page_text(row["excerpt"])
                except (ValueError, KeyError, TypeError) as err:
                    print(f"{path}:{n}: not a transcript line ({err})")
                    continue
                if page is None:
                    print(f"{row['id']}: no such page")
                    continue
                ok = hashlib.sha1(text.encode("utf-8")).hexdigest() == page["sha1"]
                print(f"{row['id']}: {'OK' if ok else f'MISMATCH (length {len(text)})'}")
                if ok and row["id"] not in have:
                    out.write(json.dumps({"id": row["id"], "published": page["published"], "text": text}) + "\n")
                    have.add(row["id"])
    print(f"{TEXTS.relative_to(ROOT)}: {len(have)} of {len(pages)} pages")
    if len(have) < len(pages):
        for source, target in ((PAGES, HELD_LABELS), (FIELDS, HELD_FIELDS)):
            with source.open(encoding="utf-8") as rows, target.open("w", encoding="utf-8") as out:
                out.writelines(row for row in rows if json.loads(row)["article"] in have)
        print(f"the labels of those: {HELD_LABELS.relative_to(ROOT)}, {HELD_FIELDS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
