"""People and attack/death sentences on WikiEvents documents annotated by someone else.

    python bench/wikievents_eval.py FILE [--misses]

FILE (or $SITREP_WIKIEVENTS): JSON Lines with ``text``,
``entities`` (type, start, end, text) and ``events`` (type, sentence offsets). Nothing of it is stored
in the project. Each document goes through ``extract_article`` (as ``sitrep ingest`` does, no date).

- **People**: the gold persons of a document are its PER mentions that are names: every word capitalised
  and no word that the documents also use in lower case ("Police", "Prosecutors", "He" are not names).
  Names of one person are grouped (a surname alone joins the full name that ends with it). A found
  person is right when it meets a gold person of its document (rapidfuzz token-set ratio >= 85 or the
  same last word); recall is over gold persons, precision over found persons.
- **Places**: each place mention found is right when it overlaps a ``GPE``, ``LOC`` or ``FAC`` mention;
  recall is over those mentions that are names, not a people's adjective ("the city", "Russian" and
  "French" are left out: Sitrep makes no place of them).
- **Organisations**: each organisation mention found is right when it overlaps an ``ORG`` mention; recall
  is over the capitalised ``ORG`` mentions, found as an organisation or a group ("the Taliban").
- **Attack and death sentences**: the sentences of ``Conflict.Attack.*`` and ``Life.Die.*`` events; one
  is found when an event's evidence overlaps it (and, second figure, when any span of an event does).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.lexicon import DEMONYMS  # noqa: E402
from extract.pipeline import extract_article  # noqa: E402

DEFAULT = os.environ.get("SITREP_WIKIEVENTS")  # the data set is not part of the project
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_GROUP_ENDINGS = ("s", "ish", "ist", "ese", "ian", "ean")
# single capitalised words the annotation marks PER that are titles, faiths or peoples, not names
_NOT_NAMES = {
    "col",
    "sir",
    "judge",
    "magistrate",
    "sergeant",
    "muslim",
    "catholic",
    "protestant",
    "chechen",
    "afghani",
    "guardsmen",
    "mummy",
    "enditem",
    "nogai",
    "agent",
    "minister",
    "president",
}
_PLACE_TYPES = ("GPE", "LOC", "FAC")
_PARTICLES = {"al", "bin", "ibn", "de", "del", "der", "van", "von", "da", "la", "le", "abu", "el", "al-"}


def lower_words(docs: list[dict]) -> set[str]:
    return {w for d in docs for w in _WORD.findall(d["text"]) if w.islower()}


def is_name(mention: str, lowered: set[str]) -> bool:
    """A proper name: every word capitalised (or a particle: "al", "bin"), one at least never written in
    lower case in the documents, no word all capitals (a dateline "LONDON"), and not a plural or adjective
    of a people ("Muslims", "Venezuelans", "Kurdish", "Islamist": ACE marks those PER too)."""
    words = [w for w in _WORD.findall(mention) if w.lower() not in _PARTICLES]
    if not words or not all(w[:1].isupper() for w in words) or any(len(w) > 1 and w.isupper() for w in words):
        return False
    if len(words) == 1 and (len(words[0]) < 2 or words[0].endswith(_GROUP_ENDINGS) or words[0].lower() in _NOT_NAMES):
        return False
    return any(w.lower() not in lowered for w in words)


def _last(name: str) -> str:
    words = _WORD.findall(name)
    last = words[-1].lower().replace("’s", "").replace("'s", "") if words else ""
    return last[3:] if last.startswith(("al-", "el-")) else last


def same_person(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(a.lower(), b.lower()) >= 85 or (_last(a) != "" and _last(a) == _last(b))


def group_names(names: list[str]) -> list[str]:
    """One name per person: the longest of the names that share a last word."""
    people: list[str] = []
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        if not any(same_person(name, p) for p in people):
            people.append(name)
    return people


def main(argv: list[str]) -> int:
    misses = "--misses" in argv
    args = [a for a in argv if not a.startswith("--")]
    if not args and not DEFAULT:
        print("usage: python bench/wikievents_eval.py FILE [--misses] (or set SITREP_WIKIEVENTS=FILE)", file=sys.stderr)
        return 2
    path = Path(args[0]) if args else Path(DEFAULT)
    if not path.exists():
        print(f"{path}: no such file (pass the WikiEvents JSON Lines file)", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    lowered = lower_words(docs)
    found_p = right_p = gold_p = matched_p = 0
    places_found = places_right = places_gold = places_hit = 0
    orgs_found = orgs_right = orgs_gold = orgs_hit = 0
    sent_total = sent_ev = sent_any = 0
    for doc in docs:
        text = doc["text"]
        result = extract_article(text, None)
        gold = group_names([e["text"] for e in doc["entities"] if e["type"] == "PER" and is_name(e["text"], lowered)])
        found = [e.name for e in result.entities if e.type == "person"]
        right = [f for f in found if any(same_person(f, g) for g in gold)]
        hit = [g for g in gold if any(same_person(f, g) for f in found)]
        found_p += len(found)
        right_p += len(right)
        gold_p += len(gold)
        matched_p += len(hit)
        # places: each mention found against the GPE, LOC and FAC mentions (names only for recall)
        gold_places = [(e["start"], e["end"], e["text"]) for e in doc["entities"] if e["type"] in _PLACE_TYPES]
        mentions = [(m.start, m.end, e.name) for e in result.entities if e.type == "place" for m in e.mentions]
        wrong_places = [n for s, t, n in mentions if not any(a < t and s < b for a, b, _ in gold_places)]
        named = [(a, b, g) for a, b, g in gold_places if is_name(g, lowered) and g.lower() not in DEMONYMS]
        missed_places = [g for a, b, g in named if not any(s < b and a < t for s, t, _ in mentions)]
        places_found += len(mentions)
        places_right += len(mentions) - len(wrong_places)
        places_gold += len(named)
        places_hit += len(named) - len(missed_places)
        # organisations: each mention found against the ORG mentions; recall over the capitalised ones,
        # found as an organisation or a group
        gold_orgs = [(e["start"], e["end"]) for e in doc["entities"] if e["type"] == "ORG"]
        named_orgs = [(e["start"], e["end"]) for e in doc["entities"] if e["type"] == "ORG" and e["text"][:1].isupper()]
        org_mentions = [(m.start, m.end) for e in result.entities if e.type == "organization" for m in e.mentions]
        bodies = [(m.start, m.end) for e in result.entities if e.type in ("organization", "group") for m in e.mentions]
        orgs_found += len(org_mentions)
        orgs_right += sum(any(a < t and s < b for a, b in gold_orgs) for s, t in org_mentions)
        orgs_gold += len(named_orgs)
        orgs_hit += sum(any(s < b and a < t for s, t in bodies) for a, b in named_orgs)
        evidence = [(e.evidence.start, e.evidence.end) for e in result.events]
        spans = (
            evidence
            + [(s.span.start, s.span.end) for e in result.events for s in e.casualties]
            + [(p.span.start, p.span.end) for e in result.events for p in e.places]
        )
        sentences = sorted(
            {
                (e["sentence"]["start"], e["sentence"]["end"])
                for e in doc["events"]
                if e["type"].startswith(("Conflict.Attack", "Life.Die"))
            }
        )
        missed_sentences = []
        for a, b in sentences:
            sent_total += 1
            by_evidence = any(s < b and a < t for s, t in evidence)
            sent_ev += by_evidence
            sent_any += any(s < b and a < t for s, t in spans)
            if not by_evidence:
                missed_sentences.append(text[a:b])
        if misses:
            print(f"{doc['id']}")
            print(f"  people missed: {[g for g in gold if g not in hit]}")
            print(f"  people wrong:  {[f for f in found if f not in right]}")
            print(f"  places missed: {missed_places}")
            print(f"  places wrong:  {wrong_places}")
            print(
                f"  organisations missed: {[text[a:b] for a, b in named_orgs if not any(s < b and a < t for s, t in bodies)]}"
            )
            print(
                f"  organisations wrong:  {[text[s:t] for s, t in org_mentions if not any(a < t and s < b for a, b in gold_orgs)]}"
            )
            for s in missed_sentences:
                print(f"  sentence missed: {s[:160]}")
    print(f"Documents: {len(docs)} ({path.name})")
    print(
        f"people: precision {right_p / found_p if found_p else 0:.2f} ({right_p}/{found_p}), "
        f"recall {matched_p / gold_p if gold_p else 0:.2f} ({matched_p}/{gold_p})"
    )
    print(
        f"place mentions: precision {places_right / places_found if places_found else 0:.2f} "
        f"({places_right}/{places_found}), recall {places_hit / places_gold if places_gold else 0:.2f} "
        f"({places_hit}/{places_gold})"
    )
    print(
        f"organisation mentions: precision {orgs_right / orgs_found if orgs_found else 0:.2f} "
        f"({orgs_right}/{orgs_found}), recall {orgs_hit / orgs_gold if orgs_gold else 0:.2f} ({orgs_hit}/{orgs_gold})"
    )
    print(
        f"attack/death sentences found: {sent_ev / sent_total:.2f} by evidence ({sent_ev}/{sent_total}), "
        f"{sent_any / sent_total:.2f} by any event span ({sent_any}/{sent_total})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
