"""Events end to end on the train split, out of fold: each article read by a model that never saw it.

    python bench/oof_events.py [--articles FILE] [--pages FILE] [--misses] [--thresholds 0.28,0.33,...]

``bench/events_eval.py --split train`` scores the shipped model on the sentences it was fitted on, so
its figures say nothing. Here the train split's articles are cut into the five folds (grouped by
article) of ``bench/train_incidents.py --cv``; for each fold the incident and subtype models are fitted
on the other four (and the team's texts), and the whole pipeline (``extract_article``) reads the fold's
articles with them. The calibration and threshold are the ones ``--cv`` fits on all out-of-fold
scores (monotone maps, a small leak). Prints what ``events_eval.py`` prints, over about 290 articles
instead of the held-out split's 60, at the model's own threshold and at others, so that decisions
made after the model (which sentences become events, how events join) can be measured without
touching the held-out split. ``--pages bench/out/pages_news.jsonl``: the subtype models learn from the
real news pages too, as the shipped one does (bench/train_incidents.py). Needs the ``train`` extra.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
import train_incidents as ti  # noqa: E402
from events_eval import report, tally  # noqa: E402
from incident_data import ARTICLES, articles  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from extract import incident_model  # noqa: E402


def fold_models(path: Path, pages: Path | None = None) -> tuple[dict[str, int], list[incident_model.Model]]:
    """Article id -> its fold, and each fold's model (fitted without that fold's articles)."""
    train, _ = ti.load_rows(path, pages=pages)
    vectors = ti.load_vectors()
    ti.add_meanings(train, vectors)
    cal, threshold, conf, _ = ti.calibrate(train)
    fold_of: dict[str, int] = {}
    models = []
    # folds of the incident model's own rows; rows kept for the subtypes join every fit, and move no fold
    own = ti.incident_rows(train)
    subtypes_only = [r for r in train if r["source"] in ti.SUBTYPES_ONLY]
    groups = [r["group"] for r in own]
    for k, (fit_idx, test_idx) in enumerate(GroupKFold(n_splits=5).split(own, groups=groups)):
        fold_of.update((own[i]["group"], k) for i in test_idx)
        fit = [own[i] for i in fit_idx]
        models.append(fitted_model(fit, fit + subtypes_only, cal, threshold, conf, vectors))
    return fold_of, models


def fitted_model(
    incident_rows: list[dict], subtype_rows: list[dict], cal, threshold: float, conf, vectors
) -> incident_model.Model:
    """The incident model fitted on ``incident_rows`` and the subtype model on ``subtype_rows``, with the
    given calibration and threshold, as the pipeline loads them (through the exported arrays)."""
    vec = ti.vectorizer(incident_rows)
    model = ti.fit_incident(incident_rows, vec, ti.C_INCIDENT)
    svec, smodel = ti.fit_subtypes(subtype_rows, ti.C_SUBTYPE)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "model.npz"
        np.savez(out, **ti.export(vec, model, cal, threshold, svec, smodel, conf, vectors))
        with np.load(out) as arrays:
            return incident_model.Model(arrays)


def main(argv: list[str]) -> int:
    path = Path(argv[argv.index("--articles") + 1]) if "--articles" in argv else ARTICLES
    pages = Path(argv[argv.index("--pages") + 1]) if "--pages" in argv else None
    fold_of, models = fold_models(path, pages)
    arts = [a for a in articles(path) if a.split == "train"]
    shipped = models[0].threshold
    thresholds = (
        [float(t) for t in argv[argv.index("--thresholds") + 1].split(",")]
        if "--thresholds" in argv
        else [shipped, shipped - 0.1, shipped + 0.1, shipped + 0.2]
    )
    for threshold in thresholds:
        total = None
        for k, model in enumerate(models):
            model.threshold = threshold
            incident_model.load = lambda model=model: model  # what find_events reads
            counts = tally([a for a in arts if fold_of.get(a.id) == k], "--misses" in argv and threshold == shipped)
            total = counts if total is None else total + counts
        print(f"\nincident threshold {threshold:.2f}{' (as shipped)' if threshold == shipped else ''}")
        report(total, "train split out of fold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
