"""The learned incident model: inference reads exactly the features training wrote, its probabilities
are calibrated tables, and the labels it is trained on keep to the labelling guide's format."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from extract import incident_model
from extract.attribution import find_claims
from extract.entities import find_entities
from extract.events import sentence_signals
from extract.model import SUBTYPE_TO_TYPE
from extract.pipeline import extract_article
from extract.sentences import split_sentences

LABELS = Path(__file__).resolve().parent.parent / "bench" / "labels"

# written for this test (no article of the development corpus)
ARTICLE = """Missile strike on Dnipro apartment block kills 12

DNIPRO, March 3 (Reuters) - Russian missiles struck an apartment block in Dnipro on Saturday, killing 12
people and wounding 31, the regional governor said. Rescuers were still searching the rubble on Sunday.

Analysts said the war could last for years.
"We will never give up," the mayor said in a video address. The rules that the world agreed on decades
ago no longer work, he added.
"""


def _signals(text: str, published: str):
    sentences = split_sentences(text)
    entities = find_entities(text, sentences)
    _, claims = find_claims(text, sentences, entities)
    return sentence_signals(text, sentences, entities, claims, published)


def test_inference_finds_exactly_the_features_training_writes():
    model = incident_model.load()
    with np.load(incident_model.MODEL_PATH) as arrays:
        names = str(arrays["features"]).split("\n")
        weights = arrays["incident_weights"].tolist()
    row_of = {name: row for row, name in enumerate(names)}
    signals = _signals(ARTICLE, "2024-03-03")
    article = incident_model.article_features(signals)
    checked = 0
    for i, sig in enumerate(signals):
        toks = incident_model.words(sig.low)
        p, found = model.incident(toks, incident_model.other_features(signals, i, toks, None, article))
        trained = {row_of[f] for f in incident_model.features(signals, i, None) if f in row_of}
        assert set(found) == trained, sig.span.text
        assert found == {row: pytest.approx(weights[row]) for row in trained}
        assert 0.0 <= p <= 1.0
        checked += bool(trained)
    assert checked == len(signals)


def test_calibration_tables_are_monotone_and_bounded():
    model = incident_model.load()
    for table in (model._incident_table, model._confidence_table):
        assert table.x == sorted(table.x)
        assert table.y == sorted(table.y)
        assert 0.0 <= table.y[0] and table.y[-1] <= 1.0
        # below, above and between the breakpoints
        assert table(table.x[0] - 100) == table.y[0] and table(table.x[-1] + 100) == table.y[-1]
    assert 0.0 < model.threshold < 1.0


def test_subtype_probabilities_sum_to_one_and_name_the_taxonomy():
    model = incident_model.load()
    assert set(model.subtype_names) <= set(SUBTYPE_TO_TYPE)
    _, found = model.incident(["missiles", "struck", "an", "apartment", "block"], [])
    ranked = model.subtypes(found, None).ranked()
    assert sum(p for _, p in ranked) == pytest.approx(1.0)
    assert ranked[0][0] == "Shelling/artillery/missile attack"


def test_a_strike_with_its_toll_is_an_event_and_opinion_is_not():
    result = extract_article(ARTICLE, "2024-03-03")
    evidence = {e.evidence.text.split()[0]: e for e in result.events}
    strike = next(e for e in result.events if "Russian missiles struck" in e.evidence.text)
    assert strike.subtype == "Shelling/artillery/missile attack"
    assert 0.0 < strike.confidence <= 1.0
    for opinion in ("Analysts", '"We', "The"):
        assert opinion not in evidence, evidence[opinion].evidence.text


def _rows(name: str) -> list[dict]:
    with (LABELS / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_real_news_labels_are_well_formed_and_the_held_out_split_is_whole_articles():
    rows = _rows("ukraine_war_news.jsonl")
    assert len(rows) >= 3000
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        assert set(r) == {"article", "start", "end", "sha1", "split", "incident", "subtypes", "unsure"}
        assert r["split"] in ("train", "heldout") and 0 <= r["start"] < r["end"]
        assert len(r["sha1"]) == 12 and int(r["sha1"], 16) >= 0
        assert set(r["subtypes"]) <= set(SUBTYPE_TO_TYPE)
        assert bool(r["subtypes"]) == r["incident"]  # an incident names its subtypes; nothing else has one
        by_article[r["article"]].append(r)
    for article, sentences in by_article.items():
        assert len({r["split"] for r in sentences}) == 1, article
        spans = [(r["start"], r["end"]) for r in sentences]
        assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), article
    assert sum(r["split"] == "heldout" for r in rows) >= 1000


def test_wikievents_labels_cover_every_sentence_of_their_documents_in_order():
    rows = _rows("wikievents_dev.jsonl")
    assert len(rows) >= 400 and sum(r["incident"] for r in rows) >= 100
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for r in rows:
        assert set(r["subtypes"]) <= set(SUBTYPE_TO_TYPE) and bool(r["subtypes"]) == r["incident"]
        by_article[r["article"]].append((r["start"], r["end"]))
    assert len(by_article) == 20
    for spans in by_article.values():
        assert spans[0][0] == 0 and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_second_labelling_covers_whole_articles_of_the_first():
    first = {(r["article"], r["start"], r["end"]): r for r in _rows("ukraine_war_news.jsonl")}
    second = _rows("second_labeller.jsonl")
    assert len(second) >= 300
    for r in second:
        key = (r["article"], r["start"], r["end"])
        assert key in first and first[key]["sha1"] == r["sha1"]
    articles = {r["article"] for r in second}
    assert len(second) == sum(1 for k in first if k[0] in articles)


def test_incident_groups_partition_the_incident_sentences_of_whole_articles():
    first = _rows("ukraine_war_news.jsonl")
    incident_sentences: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    split_of = {}
    for r in first:
        split_of[r["article"]] = r["split"]
        if r["incident"]:
            incident_sentences[r["article"]].append((r["start"], r["end"], r["sha1"]))
    grouped = _rows("incident_groups.jsonl")
    assert len(grouped) >= 100 and {g["split"] for g in grouped} == {"train", "heldout"}
    for g in grouped:
        assert set(g) == {"article", "split", "sentences", "groups", "unsure"}
        assert g["split"] == split_of[g["article"]]
        # exactly the article's incident sentences by the first labels, in order
        assert [(s["start"], s["end"], s["sha1"]) for s in g["sentences"]] == incident_sentences[g["article"]]
        members = sorted(k for group in g["groups"] for k in group)
        assert members == list(range(len(g["sentences"]))) and all(g["groups"]), g["article"]
        assert set(g["unsure"]) <= set(members)
    # every article with two incident sentences or more is grouped
    assert {g["article"] for g in grouped} == {a for a, s in incident_sentences.items() if len(s) >= 2}


def test_team_texts_carry_taxonomy_subtypes():
    for r in _rows("acled_style_train.jsonl"):
        assert r["text"].strip() and set(r["subtypes"]) <= set(SUBTYPE_TO_TYPE)
    for art in _rows("team_articles.jsonl"):
        for s in art["sentences"]:
            assert set(s["subtypes"]) <= set(SUBTYPE_TO_TYPE)
            assert 0 <= s["start"] < s["end"] <= len(art["text"])


def test_subtypes_of_several_sentences_are_each_sentences_own():
    model = incident_model.load()
    founds = [
        model.incident(["missiles", "struck", "a", "school"], [])[1],
        {},
        model.incident(["protesters", "marched", "in", "the", "capital"], [])[1],
    ]
    rules = ["Shelling/artillery/missile attack", None, "Peaceful protest"]
    together = [s.ranked() for s in model.subtypes_of(founds, rules)]
    one_by_one = [model.subtypes(f, r).ranked() for f, r in zip(founds, rules)]
    for a, b in zip(together, one_by_one):
        assert [name for name, _ in a] == [name for name, _ in b]
        assert [p for _, p in a] == pytest.approx([p for _, p in b])
    assert model.subtypes_of([], []) == []
    alone = dict(model.subtypes_of([{}], [None])[0].ranked())  # no feature found: the biases alone
    after = dict(model.subtypes_of([founds[0], {}], [None, None])[1].ranked())
    assert after == pytest.approx(alone)


def test_word_vectors_are_the_mean_over_the_words_that_have_one():
    model = incident_model.load()
    one = model.meanings([["shelled", "apartment", "block"]])[0]
    rows = model.meanings(
        [
            ["shelled", "apartment", "block", "of", "a"],  # short words carry no vector
            ["shelled", "shelled", "apartment", "apartment", "block", "block"],  # a mean, not a sum
            ["xqzvw", "qqqqqq"],  # no vector: zeros
            [],
            ["shelled"],
        ]
    )
    assert rows.shape == (5, 3 + len(model.subtype_names))
    assert rows[0] == pytest.approx(one) and rows[1] == pytest.approx(one)
    assert not rows[2].any() and not rows[3].any()
    assert rows[4] != pytest.approx(one)
    assert model.meanings([]).shape == (0, 3 + len(model.subtype_names))


def test_context_scores_add_the_sentences_before_and_after():
    meanings = np.array([[1.0, 10.0, 100.0], [2.0, 20.0, 200.0], [3.0, 30.0, 300.0]])
    assert incident_model.Model.context_scores(meanings) == [1.0 + 200.0, 2.0 + 10.0 + 300.0, 3.0 + 20.0]
    assert incident_model.Model.context_scores(meanings[:1]) == [1.0]


def test_a_word_counts_by_what_it_means():
    """Word vectors carry a word the labelled sentences rarely or never hold towards the incidents of
    its meaning: a kidnapping towards an abduction, inflation away from any incident."""
    model = incident_model.load()
    kidnapped, inflation, negotiators = model.meanings([["kidnapped"], ["economy", "inflation"], ["negotiators"]])
    assert kidnapped[0] > 0 > inflation[0]
    assert kidnapped[0] > negotiators[0]
    scores = dict(zip(model.subtype_names, kidnapped[3:]))
    assert max(scores, key=scores.get) == "Abduction/forced disappearance"
    p_alone = model.subtypes({}, None).of("Abduction/forced disappearance")
    assert model.subtypes({}, None, kidnapped).of("Abduction/forced disappearance") > p_alone


def test_word_vector_rows_are_lower_case_words_long_enough_to_be_read():
    with np.load(incident_model.MODEL_PATH) as arrays:
        words = str(arrays["embed_words"]).split("\n")
        weights = arrays["embed_weights"]
        n_subtypes = len(str(arrays["subtype_names"]).split("\n"))
    assert weights.shape == (len(words), 3 + n_subtypes) and len(words) >= 10_000
    assert len(set(words)) == len(words)
    assert all(w.isascii() and w.isalpha() and w.islower() for w in words)
    assert all(len(w) >= incident_model.MEANING_MIN_LETTERS for w in words)
