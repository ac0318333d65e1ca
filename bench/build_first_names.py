"""Build extract/lexicon/first_names.txt: first names of many countries, for finding people in no list.

    pip install faker && python bench/build_first_names.py [WORDS_FILE]

A development-time script (its output is committed; Sitrep does not need Faker). The names come
from Faker's person providers (MIT licence; about 80 locales: English, Spanish, Portuguese,
French, German, Slavic, Turkish, Arabic in Latin letters, ...), kept when they are single words
in Latin letters. Left out, because as a first word of a capitalised run they mislead more than
they help:
- common English words in lower case ("Mark", "Will", "Grant", "May", "Rose"), by a word list
  (WORDS_FILE, default /usr/share/dict/words: Debian's wamerican);
- names of countries, first-level regions and big places in the gazetteer ("Jordan", "Georgia",
  "Victoria", "Paris", "Chad");
- peoples and continents ("German", "Asia"); names of two letters or fewer.
The core list (extract/lexicon/names.py) stays the strong signal; this one needs a second word.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.folding import fold  # noqa: E402
from extract.gazetteer import gazetteer, lookup  # noqa: E402
from extract.lexicon import CONTINENTS, DEMONYMS, FIRST_NAMES  # noqa: E402
from extract.places import country_code, is_big_place  # noqa: E402

OUT = ROOT / "extract" / "lexicon" / "first_names.txt"


def faker_first_names() -> set[str]:
    import faker.providers.person as providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        try:
            provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = provider.__dict__.get(attr)
            if isinstance(value, dict):
                value = list(value)
            if not isinstance(value, (list, tuple)):
                continue
            names.update(n for n in value if isinstance(n, str) and n[:1].isupper() and n.isalpha())
    return names


def main(argv: list[str]) -> int:
    words_file = Path(argv[0]) if argv else Path("/usr/share/dict/words")
    common = {w.strip() for w in words_file.open(encoding="utf-8", errors="ignore") if w.strip().islower()}
    admin1 = gazetteer().admin1_names
    kept = []
    for name in sorted(faker_first_names()):
        low = name.lower()
        if len(name) <= 2 or not all(ord(c) < 0x250 for c in name) or low in FIRST_NAMES:
            continue
        if (
            low in common
            or low in DEMONYMS
            or fold(name) in CONTINENTS
            or country_code(name)
            or fold(name) in admin1
            or is_big_place(lookup(name))
        ):
            continue
        kept.append(low)
    OUT.write_text(
        "# first names of many countries (bench/build_first_names.py, from Faker's MIT-licensed "
        "lists)\n" + "\n".join(kept) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT.relative_to(ROOT)}: {len(kept)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
