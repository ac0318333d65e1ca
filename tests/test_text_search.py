"""Full-text search over the articles: ranked, the words located, a snippet, typed input inert."""

import pytest

from extract.model import Extraction
from store.db import open_store
from store.queries import ArticleFilter, articles_query, count, filter_articles
from store.readers import RawArticle
from store.text_search import locate, match_expression, search_text, sentence_around
from store.writer import write_article

TEXTS = {
    "sudan": "The war in Sudan goes on. At least 190 children have been killed in the fighting, UNICEF said.",
    "kyiv": "Children have been killed, officials said, and 190 people were hurt in Kyiv.",
    "crocus": "Gunmen attacked the Crocus City Hall near Moscow on Friday.",
    "odd": 'A "quoted" NOT OR text with (brackets) and a column: filter* in it.',
}


@pytest.fixture
def db(tmp_path):
    store = open_store(tmp_path / "s.db")
    with store:
        for ref, text in TEXTS.items():
            write_article(
                store,
                RawArticle(ref, text, title=ref.capitalize(), url=f"https://{ref}.example/a", published="2024-03-22"),
                Extraction(),
            )
    return store


def test_a_phrase_ranks_first_and_its_words_are_located(db):
    hits = search_text(db, "190 children have been killed")
    assert [h.ref for h in hits] == ["sudan", "kyiv"]  # the phrase, then all the words apart
    sudan = hits[0]
    assert TEXTS["sudan"][sudan.start : sudan.end] == "190 children have been killed"
    assert [sudan.snippet[s:e] for s, e in sudan.marks] == ["190", "children", "have", "been", "killed"]
    kyiv = hits[1]
    assert {kyiv.snippet[s:e] for s, e in kyiv.marks} >= {"Children", "been", "killed", "190"}


def test_words_being_typed_and_titles_are_found(db):
    assert [h.ref for h in search_text(db, "croc")] == ["crocus"]
    assert [h.ref for h in search_text(db, "crocus", prefix_last=False)] == ["crocus"]
    assert search_text(db, "Odd")[0].ref == "odd"  # the title


@pytest.mark.parametrize(
    "typed", ["NOT", '"', "filter*", "text:odd", "(brackets", "NEAR(a b)", "'; DROP TABLE articles; --"]
)
def test_what_is_typed_is_data(db, typed):
    hits = search_text(db, typed)  # no FTS syntax error, no injection
    assert all(h.ref in TEXTS for h in hits)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4


def test_match_expression_quotes_every_word():
    assert match_expression('NOT "x" OR y*') == '"not" "x" "or" "y"'
    assert match_expression("Київ", prefix_last=True) == '"киів"*'  # diacritics folded, as FTS5 folds them
    assert match_expression(" ,; ") is None


def test_locate_prefers_the_phrase_then_the_words_close_together():
    text = "killed far away. " + "x " * 200 + "children were killed here"
    start, end, _ = locate(text, ["children", "killed"])
    assert text[start:end] == "children were killed"


def test_articles_filter_by_dates_outlet_and_words(db):
    query = articles_query()
    assert count(db, filter_articles(query, ArticleFilter(text="children killed"))) == 2
    assert count(db, filter_articles(query, ArticleFilter(outlet="crocus.example"))) == 1
    assert count(db, filter_articles(query, ArticleFilter(date_from="2024-03", date_to="2024-03"))) == 4
    assert count(db, filter_articles(query, ArticleFilter(date_to="2024-02"))) == 0
    assert count(db, filter_articles(query, ArticleFilter(text="!!!"))) == 0


def test_the_sentence_of_a_mention():
    text = "First one. Then Kharkiv was hit by drones, officials said. Next.\nNew para."
    at = text.index("Kharkiv")
    assert sentence_around(text, at, at + 7) == "Then Kharkiv was hit by drones, officials said."
