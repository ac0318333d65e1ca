"""Out of fold on whole articles and on real news pages at once: should the pages train the incident model?

    python bench/oof_both.py --articles FILE --pages bench/out/pages_news.jsonl [--incident] [--mark]

The train splits of the 350 articles and of the pages (with the team's texts) are cut into five folds
grouped by article; each fold's models are fitted on the other four, and the whole pipeline
(``extract_article``) reads the fold's articles and pages with them. Prints ``events_eval.py``'s
figures for the articles, for the pages, and for the WikiEvents documents (read by a model fitted on
all of it, never trained on them; give ``--wikievents FILE``). As shipped, the pages train the
subtype model only; ``--incident`` lets them train the incident model too; ``--mark`` adds a feature
that marks a page's sentences in training (never present when reading), so that the leads' higher
share of incidents need not be learnt as a bias of all text. Calibration and threshold: as
``train_incidents.py`` fits them, on the real articles' out-of-fold scores. Needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import train_incidents as ti  # noqa: E402
from events_eval import report, tally  # noqa: E402
from incident_data import PAGES, WIKIEVENTS, articles  # noqa: E402
from oof_events import fitted_model  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from extract import incident_model  # noqa: E402


def model_of(fit: list[dict], cal, threshold: float, conf, vectors) -> incident_model.Model:
    """The incident and subtype models fitted on ``fit``, as the pipeline loads them."""
    return fitted_model(ti.incident_rows(fit), fit, cal, threshold, conf, vectors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--pages", type=Path, required=True)
    parser.add_argument("--wikievents", type=Path)
    parser.add_argument("--incident", action="store_true", help="the pages train the incident model too")
    parser.add_argument("--mark", action="store_true", help="a feature marks the pages' sentences in training")
    args = parser.parse_args()
    if args.incident:
        ti.SUBTYPES_ONLY = frozenset()
    train, _ = ti.load_rows(args.articles, pages=args.pages)
    if args.mark:
        for r in train:
            if r["source"] == "pages":
                r["f"] = [*r["f"], "src:pages"]
    vectors = ti.load_vectors()
    ti.add_meanings(train, vectors)
    cal, threshold, conf, _ = ti.calibrate(train)
    fold_of: dict[str, int] = {}
    models = []
    groups = [r["group"] for r in train]
    for k, (fit_idx, test_idx) in enumerate(GroupKFold(n_splits=5).split(train, groups=groups)):
        fold_of.update((train[i]["group"], k) for i in test_idx)
        models.append(model_of([train[i] for i in fit_idx], cal, threshold, conf, vectors))
    what = f"pages in the {'incident and subtype models' if args.incident else 'subtype model'}"
    for name, arts in (
        ("articles' train split out of fold", [a for a in articles(args.articles) if a.split == "train"]),
        ("pages' train split out of fold", [a for a in articles(args.pages, PAGES) if a.split == "train"]),
    ):
        total = None
        for k, model in enumerate(models):
            incident_model.load = lambda model=model: model  # what find_events reads
            counts = tally([a for a in arts if fold_of.get(a.id) == k])
            total = counts if total is None else total + counts
        report(total, f"{what}{', marked' if args.mark else ''}: {name}")
    if args.wikievents:
        full = model_of(train, cal, threshold, conf, vectors)
        incident_model.load = lambda: full
        report(tally(articles(args.wikievents, WIKIEVENTS)), f"{what}: WikiEvents documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
