"""How often a text in a legacy encoding is read back as it was written: Sitrep's reader against
charset-normalizer (the detector it used before; installed with trafilatura).

    python bench/encodings.py [--articles ukraine-war-news.jsonl] [--n 100]

Texts: short reports in the legacy encodings of their languages (tests/test_readers.py's ``LEGACY``:
French, Spanish, Polish, Turkish, Russian in two encodings, English with typographic quotes, Italian
and Portuguese with their one-letter words), and, with
``--articles``, the first paragraph and the whole text of the first ``--n`` articles that Windows-1252
can encode (English news with its quotes and dashes), encoded in it. Prints, for each detector, how
many came back exactly, and the CPU time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_readers import LEGACY  # noqa: E402

from store.readers import Unreadable, decode  # noqa: E402


def normalizer(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return "" if best is None else str(best)


def sitrep(data: bytes) -> str:
    try:
        return decode(data)
    except Unreadable:
        return ""


def samples(articles: Path | None, n: int) -> list[tuple[str, str, str]]:
    out = [("short report", text, codec) for text, codec in LEGACY]
    if articles is None:
        return out
    taken = 0
    for line in articles.open(encoding="utf-8"):
        text = json.loads(line).get("text") or ""
        try:
            text.encode("cp1252")
        except UnicodeEncodeError:
            continue
        if not any(ch > "\x7f" for ch in text):
            continue  # ASCII: read as UTF-8 before any detection
        first = next((p for p in text.split("\n") if any(ch > "\x7f" for ch in p)), "")
        out += [("article's paragraph", first, "cp1252"), ("whole article", text, "cp1252")]
        taken += 1
        if taken == n:
            break
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path)
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args()
    texts = samples(args.articles, args.n)
    kinds = sorted({k for k, _, _ in texts})
    for name, detect in (("sitrep (chardet)", sitrep), ("charset-normalizer", normalizer)):
        started = time.process_time()
        right = {k: 0 for k in kinds}
        for kind, text, codec in texts:
            right[kind] += detect(text.encode(codec)) == text
        spent = time.process_time() - started
        figures = ", ".join(f"{k}: {right[k]} of {sum(1 for t in texts if t[0] == k)}" for k in kinds)
        print(f"{name:20s} {figures} ({spent:.2f} s CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
