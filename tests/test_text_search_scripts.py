"""Full-text search in scripts written without spaces (Chinese, Japanese, Thai) or with particles
joined to words (Korean): words inside a run of characters are found, located and highlighted,
in a new store, in a store from before the index, in the article filter and in the browser."""

from __future__ import annotations

import sqlite3

import pytest

from app_fixtures import settle
from extract.model import Extraction
from store.db import open_store
from store.queries import ArticleFilter, articles_query, count, filter_articles
from store.readers import RawArticle
from store.schema import MIGRATIONS, SCHEMA_VERSION
from store.text_search import query_words, search_text
from store.writer import write_article
from store_fixtures import BEFORE_GRAMS
from tui.app import make_app
from tui.screens.search import SearchScreen

# short texts written for these tests (no article of the corpus)
TEXTS = {
    "zh": "俄罗斯军队周二炮击了哈尔科夫市中心，造成三名平民死亡。泽连斯基谴责了这次袭击。",
    "ja": "ロシア軍は火曜日、ハルキウの中心部を砲撃し、市民三人が死亡した。",
    "ko": "러시아군이 화요일 하르키우를 포격했고 민간인 세 명이 숨졌다.",
    "th": "กองทัพรัสเซียโจมตีเมืองคาร์คิฟเมื่อวันอังคาร",
    "en": "Russian forces shelled Kharkiv on Tuesday, killing three civilians.",
    "mixed": "Kharkiv (哈尔科夫) was shelled again; 基辅 was quiet.",
}
TITLES = {"zh": None, "ja": "ハルキウ砲撃", "ko": None, "th": None, "en": "Kharkiv shelled", "mixed": None}

WORDS = [  # (query, an article it is in, where it is located in that article's text)
    ("哈尔科夫", "zh", "哈尔科夫"),  # inside the run "炮击了哈尔科夫市中心"
    ("平民", "zh", "平民"),
    ("泽连斯基 袭击", "zh", "泽连斯基谴责了这次袭击"),  # two words close together
    ("袭", "zh", "袭"),  # one character
    ("市民", "ja", "市民"),
    ("하르키우", "ko", "하르키우"),  # the particle 를 joined to it
    ("민간인", "ko", "민간인"),
    ("คาร์คิฟ", "th", "คาร์คิฟ"),  # Thai has no spaces at all
    ("รัสเซีย", "th", "รัสเซีย"),
]


def _fill(store) -> None:
    with store:
        for ref, text in TEXTS.items():
            write_article(store, RawArticle(ref, text, title=TITLES[ref], published="2024-03-22"), Extraction())


@pytest.fixture
def db(tmp_path):
    store = open_store(tmp_path / "s.db")
    _fill(store)
    return store


@pytest.mark.parametrize("query,ref,where", WORDS, ids=[w[0] for w in WORDS])
def test_a_word_inside_a_run_is_found_located_and_marked(db, query, ref, where):
    hits = search_text(db, query)
    holding = {r for r, t in TEXTS.items() if all(w in t + (TITLES[r] or "") for w in query.split())}
    assert {h.ref for h in hits} == holding and len(hits) == len(holding)
    hit = next(h for h in hits if h.ref == ref)
    assert TEXTS[ref][hit.start : hit.end] == where
    assert set(query.split()) <= {hit.snippet[s:e] for s, e in hit.marks}


def test_pairs_of_characters_that_are_not_together_do_not_match(db):
    assert search_text(db, "哈尔斯") == []  # 哈尔 is there, 尔斯 is not
    assert search_text(db, "科夫哈") == []
    assert search_text(db, "死亡 基辅") == []  # both in the store, never in one article
    assert [h.ref for h in search_text(db, "基辅")] == ["mixed"]


def test_runs_and_other_words_together_and_titles(db):
    assert [h.ref for h in search_text(db, "Kharkiv 哈尔科夫")] == ["mixed"]
    assert {h.ref for h in search_text(db, "kharkiv")} == {"en", "mixed"}  # other words as before
    hits = search_text(db, "砲撃")  # in the title and in the text of "ja"
    assert [h.ref for h in hits] == ["ja"]
    assert TEXTS["ja"][hits[0].start : hits[0].end] == "砲撃"


def test_the_article_filter_finds_words_inside_runs(db):
    query = articles_query()
    assert count(db, filter_articles(query, ArticleFilter(text="哈尔科夫"))) == 2
    assert count(db, filter_articles(query, ArticleFilter(text="哈尔科夫 quiet"))) == 1
    assert count(db, filter_articles(query, ArticleFilter(text="하르키우"))) == 1


def test_query_words_keep_runs_as_typed():
    from store.grams import grams, run_phrase

    # folding as unicode61 does would take Hangul syllables apart and drop kana's and Thai's marks
    assert query_words("서울에서 Kyiv ガザ") == ["서울에서", "kyiv", "ガザ"]
    assert query_words("กรุงเทพ") == ["กรุงเทพ"]
    assert grams("炮击了哈尔 x 科夫") == "炮击 击了 了哈 哈尔 尔 科夫 夫"
    assert run_phrase("哈尔科夫") == '"哈尔 尔科 科夫"' and run_phrase("袭") == '"袭"*'


def test_a_store_from_before_the_index_is_indexed_when_opened(tmp_path):
    path = tmp_path / "old.db"
    db = open_store(path)
    _fill(db)
    db.close()
    # the same store as the version before the index: its tables dropped, its version set back
    before = next(n for n, sql in enumerate(MIGRATIONS, start=1) if "articles_grams" in sql) - 1
    assert before == SCHEMA_VERSION - 4  # (BEFORE_GRAMS undoes the three later migrations too)
    conn = sqlite3.connect(path)
    conn.executescript(BEFORE_GRAMS + f"PRAGMA user_version = {before};")
    conn.close()
    db = open_store(path)
    assert db.execute("SELECT count(*) FROM grams_pending").fetchone()[0] == 0
    assert {h.ref for h in search_text(db, "哈尔科夫")} == {"zh", "mixed"}
    assert [h.ref for h in search_text(db, "하르키우")] == ["ko"]


def test_articles_written_around_the_writer_are_indexed_at_the_next_open(tmp_path):
    path = tmp_path / "s.db"
    open_store(path).close()
    conn = sqlite3.connect(path)  # no Sitrep code: a plain insert
    with conn:
        conn.execute(
            "INSERT INTO articles (ref, text, hash, ingested_at) VALUES ('raw', ?, 'h', 'now')", (TEXTS["zh"],)
        )
    conn.close()
    db = open_store(path)
    assert [h.ref for h in search_text(db, "平民")] == ["raw"]
    with db:
        db.execute("DELETE FROM articles")
    assert search_text(db, "平民") == []
    db.close()
    db = open_store(path)  # the deleted article leaves the index (the next article may get its id)
    assert db.execute("SELECT count(*) FROM grams_gone").fetchone()[0] == 0
    assert db.execute("SELECT rowid FROM articles_grams WHERE articles_grams MATCH ?", ('"平民"',)).fetchall() == []
    with db:
        write_article(db, RawArticle("next", TEXTS["ja"]), Extraction())
    assert [h.ref for h in search_text(db, "市民")] == ["next"] and search_text(db, "平民") == []


async def test_the_browser_finds_a_word_inside_a_run_and_opens_it_at_the_match(tmp_path):
    path = tmp_path / "b.db"
    db = open_store(path)
    _fill(db)
    db.close()
    app = make_app(str(path))
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one("#search-input").value = "平民"
        await settle(pilot)
        hits = [r for r in app.screen.results if r["kind"] == "article"]
        assert [h["ref"] for h in hits] == ["zh"]
        assert [hits[0]["snippet"][s:e] for s, e in hits[0]["marks"]] == ["平民"]
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.reader
        start, end = reader.highlighted
        assert reader.article.text[start:end] == "平民"
