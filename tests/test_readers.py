"""Each input format read from small fixture files, and every kind of bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from feed_server import entity_feed, entity_text
from store import readers
from store.db import open_store
from store.ingest import ingest_paths
from store.readers import (
    MAX_ARTICLE_BYTES,
    RawArticle,
    Rejection,
    derive_title,
    normalise_text,
    parse_published,
    read_data,
    read_jsonl,
    read_path,
)
from store.utf16 import byte_order
from store_fixtures import FIXTURES, REPO, run_sitrep


def read(name: str) -> list[RawArticle | Rejection]:
    return list(read_path(FIXTURES / name, name))


def only_article(name: str) -> RawArticle:
    items = read(name)
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    return items[0]


def test_seed_style_date_line_with_leading_space_becomes_metadata():
    article = only_article("dated.txt")
    assert article.published == "2024-03-02"
    assert article.text.startswith("Russian forces shelled Vovchansk on Friday")
    assert "date" not in article.text[:10]
    assert (
        article.title
        == "Russian forces shelled Vovchansk on Friday, killing two civilians, the regional governor said."
    )


def test_bundled_seed_reads_as_the_contract_says():
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_58e71f58cf538e1b.txt"
    raw = seed.read_bytes().decode("utf-8")
    article = list(read_path(seed, "seeds/000_58e71f58cf538e1b.txt"))[0]
    assert raw.startswith(" date 2024-12-16 ")
    assert article.published == "2024-12-16"
    assert article.text == unicodedata.normalize("NFC", raw[len(" date 2024-12-16 ") :].replace("\r\n", "\n")).strip()


def test_front_matter_becomes_metadata_not_text():
    article = only_article("front.md")
    assert (article.title, article.published, article.url, article.outlet) == (
        "Drone strike near Odesa port",
        "2024-05-10",
        "https://example.org/odesa-drone",
        "Example Wire",
    )
    assert article.text == (
        "A drone strike damaged grain silos near the port of Odesa on Thursday, officials said."
        "\n\nTwo workers were wounded."
    )


def test_line_endings_are_normalised_and_the_title_is_the_first_line():
    article = only_article("crlf.txt")
    assert "\r" not in article.text
    assert (
        article.text == "Protesters gathered in Tbilisi on Sunday evening\nPolice used water cannon against the crowd."
    )
    assert article.title == "Protesters gathered in Tbilisi on Sunday evening"
    assert article.published is None


def test_text_is_nfc_and_otherwise_untouched():
    decomposed = "Kramatorsk\u0301 reported  two   spaces\tand a tab"
    article = list(read_data(decomposed.encode(), "x.txt", "text"))[0]
    assert article.text == unicodedata.normalize("NFC", decomposed)
    assert "  two   spaces\t" in article.text


def test_html_goes_through_a_main_text_extractor():
    article = only_article("page.html")
    assert "Russian artillery shelled a residential district of Kharkiv" in article.text
    assert "kindergarten in the Saltivskyi district" in article.text
    for junk in ("SCRIPT-SHOULD-NOT-APPEAR", "NAV-SHOULD-NOT-APPEAR", "FOOTER-SHOULD-NOT-APPEAR", "color: red", "<p>"):
        assert junk not in article.text
    assert article.title == "Shelling in Kharkiv kills three"
    assert article.url == "https://news.example.com/kharkiv-shelling"
    assert article.outlet == "Example News"
    assert article.published == "2024-06-01"


def test_jsonl_keeps_good_lines_and_names_bad_ones():
    items = read("lines.jsonl")
    articles = [i for i in items if isinstance(i, RawArticle)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [a.ref for a in articles] == ["wire-001", "lines.jsonl:2", "4"]
    first = articles[0]
    assert (first.title, first.url, first.outlet, first.published) == (
        "Clashes in Khartoum",
        "https://example.org/khartoum",
        "Example Wire",
        "2024-04-15",
    )
    assert articles[1].published == "2024-04-16T08:30:00+00:00"
    assert [r.where for r in rejections] == ["lines.jsonl:3", "lines.jsonl:4"]
    assert "broken JSON" in rejections[0].reason and "text" in rejections[1].reason


@pytest.mark.parametrize(
    "line, reason",
    [
        (b"[1, 2]", "not a JSON object"),
        (b'{"text": 5}', "no `text` string"),
        (b'{"text": "   "}', "empty `text`"),
        (b'{"text": "ok", "published": "last week"}', "not an ISO date"),
        (b'{"text": "ok", "title": {"a": 1}}', "`title` is not a string"),
        # one rule for every field: `id` a string or an integer, the other text fields strings
        (b'{"text": "ok", "id": 1.5}', "`id` is not a string or an integer"),
        (b'{"text": "ok", "id": true}', "`id` is not a string or an integer"),
        (b'{"text": "ok", "id": ["x"]}', "`id` is not a string or an integer"),
        (b'{"text": "ok", "url": 5}', "`url` is not a string"),
        (b'{"text": "ok", "outlet": false}', "`outlet` is not a string"),
        (b'{"text": "ok", "published": 20240101}', "`published` is not a string"),  # (it was 2024-01-01)
        (b'{"text": "ok", "published": 1704067200}', "`published` is not a string"),
        (b'{"text": "ok", "title": ["x"]}', "`title` is not a string"),
        pytest.param(
            b'{"text": "ok", "id": 1' + b"0" * 5000 + b"}",
            "broken JSON (a number of more than 4,300 digits)",
            id="an-id-of-5001-digits",
        ),
        (b"{" * 100_000, "broken JSON"),
        (b'{"text": "caf\xe9"}', "not UTF-8"),
    ],
)
def test_jsonl_bad_lines(line, reason):
    items = list(read_jsonl(io.BytesIO(line + b"\n" + b'{"text": "A good line."}\n'), "in.jsonl"))
    assert isinstance(items[0], Rejection) and reason in items[0].reason and items[0].where == "in.jsonl:1"
    assert isinstance(items[1], RawArticle) and items[1].text == "A good line."


@pytest.mark.parametrize(
    "value, ref",
    [
        ('"\\tt"', "\tt"),
        ('" wire-1 "', " wire-1 "),
        ("7", "7"),
        ("1" + "0" * 400, "1" + "0" * 400),
        ("-3", "-3"),
        ("null", "in.jsonl:1"),
        ('""', "in.jsonl:1"),
        ('"  "', "in.jsonl:1"),
    ],
)
def test_a_jsonl_id_is_kept_exactly_as_its_ref(value, ref):
    (item,) = read_jsonl(io.BytesIO(b'{"text": "ok", "id": ' + value.encode() + b"}\n"), "in.jsonl")
    assert isinstance(item, RawArticle) and item.ref == ref


def test_jsonl_oversized_line_is_rejected_in_bounded_memory():
    big = json.dumps({"text": "x" * (MAX_ARTICLE_BYTES + 10)}).encode()
    items = list(read_jsonl(io.BytesIO(big + b'\n{"text": "after"}\n'), "big.jsonl"))
    assert isinstance(items[0], Rejection) and "10 MB" in items[0].reason
    assert isinstance(items[1], RawArticle) and items[1].text == "after" and items[1].ref == "big.jsonl:2"


def test_a_file_of_one_oversized_line_is_rejected_once_not_also_as_empty():
    big = json.dumps({"text": "x" * (MAX_ARTICLE_BYTES + 10)}).encode()
    items = list(read_jsonl(io.BytesIO(big + b"\n"), "big.jsonl"))
    assert [(r.where, "10 MB" in r.reason) for r in items] == [("big.jsonl:1", True)]


def test_lone_surrogates_in_json_become_replacement_characters_and_the_article_is_kept(tmp_path):
    """JSON may escape half of a surrogate pair alone ("\\ud800"); no UTF-8 can hold it, and it made
    the whole ingest stop with an encoding error."""
    lines = [
        {"text": "Bad \ud800 here. Russian drones hit Lviv on Monday.", "title": "T \udfff", "id": "a\ud800"},
        {"text": "A pair \ud83d\ude00 is one character."},
    ]
    items = list(read_jsonl(io.BytesIO("\n".join(json.dumps(x) for x in lines).encode()), "s.jsonl"))
    assert [(a.text[:6], a.title, a.ref) for a in items[:1]] == [("Bad \ufffd ", "T \ufffd", "a\ufffd")]
    assert items[1].text == "A pair \U0001f600 is one character."
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    conn = open_store(tmp_path / "s.db")
    assert ingest_paths(conn, [str(path)], workers=0).added == 2


def test_a_feed_with_a_reference_to_half_a_surrogate_pair_keeps_its_items():
    """feedparser stopped on "&#xD800;" with an encoding error and the whole feed was lost."""
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>F &#55296;</title><item>'
        b"<title>Bad &#xD800; ref</title><description>Drones hit Kharkiv &#xdfff; on Monday.</description>"
        b"</item></channel></rss>"
    )
    (item,) = read_data(feed, "f.xml", "feed")
    assert (item.title, item.text, item.outlet) == (
        "Bad \ufffd ref",
        "Drones hit Kharkiv \ufffd on Monday.",
        "F \ufffd",
    )
    assert [n for n in range(55000, 58000) if readers._SURROGATE_REF.fullmatch(b"&#%d;" % n)] == list(
        range(0xD800, 0xE000)
    )


@pytest.mark.parametrize(
    "data, text",
    [
        (b'{"text": "Russian drones hit Kherson on Monday."}\n', "Russian drones hit Kherson on Monday."),
        (b"date 2024-05-01\nRussian drones hit Sumy on Monday.\n", "Russian drones hit Sumy on Monday."),
    ],
)
def test_a_pipe_is_read_as_a_file_is(tmp_path, data, text):
    """``sitrep ingest <(cmd)`` names a pipe, which cannot go back to its start once its head is read."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as f:
            f.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    (item,) = read_path(fifo, "pipe")
    writer.join()
    assert isinstance(item, RawArticle) and item.text == text


def test_rss_items_become_articles_with_link_and_date():
    items = read("feed.rss")
    first, second, empty = items
    assert first.ref == "feed.rss#1" and first.url == "https://feed.example.org/doha"
    assert first.text == "Negotiators met in Doha on Monday to resume ceasefire talks, mediators said."
    assert first.title == "Ceasefire talks resume in Doha" and first.published == "2024-05-14"
    assert first.outlet == "Example Conflict Feed"
    assert second.text == "Fighting continued near Chasiv Yar on Tuesday, the general staff said."
    assert isinstance(empty, Rejection) and empty.where == "feed.rss#3"


def test_atom_entry_html_content_is_extracted():
    (entry,) = read("feed.atom")
    assert entry.text == (
        "An explosion hit an ammunition depot in Dzhankoi, Crimea, overnight, local officials said."
        "\nNo casualties were reported."
    )
    assert entry.url == "https://atom.example.org/crimea" and entry.published == "2024-07-02"


# (a no-break space inside HTML markup comes out of the main-text extractor as a space)
ENTITY_TEXT = "Shelling hit Kharkiv{space}on Monday — two dead, “officials” said… &foo; stays"


@pytest.mark.parametrize(
    "body, space",
    [
        # no DTD declares them: feedparser's strict parser gives up and its loose one reads the feed
        (
            "<description>Shelling hit Kharkiv&nbsp;on Monday &mdash; two dead, "
            "&ldquo;officials&rdquo; said&hellip; &foo; stays</description>",
            "\xa0",
        ),
        (
            "<description>&lt;p&gt;Shelling hit Kharkiv&amp;nbsp;on Monday &amp;mdash; two "
            "dead, &amp;ldquo;officials&amp;rdquo; said&amp;hellip; &amp;foo; stays&lt;/p&gt;</description>",
            " ",
        ),
        (
            "<description><![CDATA[<p>Shelling hit Kharkiv&nbsp;on Monday &mdash; two dead, "
            "&ldquo;officials&rdquo; said&hellip; &foo; stays</p>]]></description>",
            " ",
        ),
    ],
    ids=["in the XML", "in escaped HTML", "in CDATA"],
)
def test_html_entities_in_a_feed_come_out_as_their_characters_unknown_ones_whole(body, space):
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>{body}</item></channel></rss>'
    (article,) = read_data(feed.encode(), "wire.rss", "feed")
    assert isinstance(article, RawArticle) and article.text == ENTITY_TEXT.format(space=space)


def test_html_titles_and_bodies_of_an_atom_feed_keep_unknown_entities_whole():
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title type="html">War &amp;amp; Peace &amp;foo; &lt;b&gt;Wire&lt;/b&gt;</title><entry>'
        '<title type="html">Kharkiv&amp;nbsp;shelled &amp;mdash; &amp;foo; &lt;script&gt;x()&lt;/script&gt;</title>'
        '<content type="html">&lt;p&gt;Shelling hit Kharkiv &amp;mdash; &amp;foo; &amp;amp;bar; stays&lt;/p&gt;</content>'
        "</entry></feed>"
    )
    (article,) = read_data(feed.encode(), "wire.atom", "feed")
    assert isinstance(article, RawArticle)
    assert article.text == "Shelling hit Kharkiv — &foo; &bar; stays"
    assert (article.title, article.outlet) == ("Kharkiv\xa0shelled — &foo;", "War & Peace &foo; Wire")


def test_xml_that_is_not_a_feed_is_rejected(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><inventory><item>bolts</item></inventory>")
    (rejection,) = read_path(path, "data.xml")
    assert isinstance(rejection, Rejection) and "not an RSS or Atom feed" in rejection.reason


@pytest.mark.parametrize(
    "content, reason",
    [
        ("<!doctype html><html><body><p>News</p></body></html>", "an HTML page, not an RSS or Atom feed"),
        ("<?xml version='1.0'?><rss version='2.0'><channel><title>x</ti", "broken XML (unclosed token, line 1)"),
        (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>",
            "not an RSS or Atom feed with items",
        ),
    ],
)
def test_a_feed_file_that_is_not_one_says_why(tmp_path, content, reason):
    path = tmp_path / "feed.rss"
    path.write_text(content)
    (rejection,) = read_path(path, "feed.rss")
    assert isinstance(rejection, Rejection) and rejection.reason == reason


@pytest.mark.parametrize("levels", [5, 6, 0], ids=["five-levels", "six-levels", "one-big-entity"])
def test_the_entities_of_a_feeds_dtd_are_not_expanded(tmp_path, levels):
    """An 800-byte .xml whose DTD nests entities five levels deep was stored as a 4,000,027-character
    article of "aaaa…"; a plain entity of 100 kB that feedparser declares again was expanded to 40 MB
    by its loose parser (the item then rejected as "no text"). Their references stay whole, as an
    unknown entity's do, and as they did in a feed fetched over HTTP (tests/test_fetch.py)."""
    data = entity_feed(levels)
    path = tmp_path / "bomb.xml"
    path.write_bytes(data)
    feed = readers.parse_feed(data)
    assert len(feed.entries[0].summary) < len(data)
    store = tmp_path / "s.db"
    result = run_sitrep("ingest", str(path), "--db", str(store))
    assert (result.returncode, result.stdout, result.stderr) == (0, "added 1, already present 0, rejected 0\n", "")
    with open_store(store) as db:
        assert db.execute("SELECT title, text FROM articles").fetchall() == [("Kharkiv", entity_text(levels))]


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/rss-0.91.dtd">',
        '<!-- a comment ]> --><?xml-stylesheet href="a.xsl"?><!DOCTYPE rss [ <!-- ] --> <!ENTITY x "y]>"> ]>',
    ],
    ids=["netscape", "subset-with-brackets"],
)
def test_a_feed_with_a_doctype_is_read(prolog):
    feed = f"<?xml version='1.0'?>{prolog}\n<rss version='0.91'><channel><title>Wire</title><item><title>T</title>"
    feed += "<description>Drones hit Odesa on Monday, officials said.</description></item></channel></rss>"
    (article,) = read_data(feed.encode(), "wire.rss", "feed")
    assert isinstance(article, RawArticle) and article.text == "Drones hit Odesa on Monday, officials said."


def test_non_utf8_text_is_detected():
    article = only_article("latin1.txt")
    assert article.text.startswith("Des manifestants se sont rassemblés à Bamako")


# short texts in the legacy encodings of their languages (one paragraph, as a pasted report is): a
# neighbouring code page decodes most of their bytes too, into the wrong letters ("prčs", "Jßrkov")
LEGACY = [
    ("Les forces ukrainiennes ont frappé un dépôt près de Kherson, a déclaré l'armée.", "cp1252"),
    ("Ataque en Járkov: murió un niño, según el alcalde.", "latin-1"),
    ("Rosyjskie wojska ostrzelały Charków w poniedziałek; zginęły trzy osoby, poinformował gubernator.", "cp1250"),
    ("Rus birlikleri pazartesi günü Harkiv'i bombaladı, üç kişi öldü.", "cp1254"),
    ("Российские войска обстреляли Харьков в понедельник, погибли три человека.", "koi8-r"),
    ("Российские войска обстреляли Харьков в понедельник, погибли три человека.", "cp1251"),
    ("Russian troops shelled Kupiansk on Monday — “two dead”, officials said.", "cp1252"),
    # a word of one accented vowel (French "à", Italian "è", Portuguese "é") is no stray byte
    ("È stato colpito un deposito a Kherson, ha detto l'esercito; il sindaco è arrivato.", "cp1252"),
    ("O ataque à cidade de Kherson é grave, disse o governador.", "latin-1"),
]


@pytest.mark.parametrize("text, codec", LEGACY)
def test_a_short_text_in_a_legacy_encoding_is_read_in_it(tmp_path, text, codec):
    path = tmp_path / "report.txt"
    path.write_bytes(f"{text}\n".encode(codec))
    (article,) = read_path(path, "report.txt")
    assert not isinstance(article, Rejection) and article.text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_is_read(tmp_path, codec):
    path = tmp_path / "notes.txt"
    text = "Russian shelling hit Kharkiv on Monday, killing two. Ukraïna, Харків."
    path.write_bytes(("\ufeff" if codec == "utf-16-be" else "").encode(codec) + text.encode(codec))
    (article,) = read_path(path, "notes.txt")
    assert not isinstance(article, Rejection) and article.text == text


def test_a_stray_byte_in_utf8_text_is_one_replacement_character(tmp_path):
    # not a reason to read the whole file in another encoding (it had come out as Mac Roman)
    path = tmp_path / "notes.txt"
    text = "Russia’s army shelled Kharkiv — the city’s mayor said. Харків."
    path.write_bytes(text.encode() + b" It wasn\x92t over.")
    (article,) = read_path(path, "notes.txt")
    assert article.text == text + " It wasn\ufffdt over."


STRAY = [
    (
        b"Russian shelling killed \xff\xfe 3 people in Kherson \xc3\x28 today.",
        "Russian shelling killed \ufffd\ufffd 3 people in Kherson \ufffd( today.",
    ),
    (b"Drones hit Odesa \xff overnight, the navy said.", "Drones hit Odesa \ufffd overnight, the navy said."),
    (
        b"A strike on Kharkiv \xe2\x80 a character cut short \xe2\x80 killed two people on Monday, officials said.",
        "A strike on Kharkiv \ufffd a character cut short \ufffd killed two people on Monday, officials said.",
    ),
]


@pytest.mark.parametrize("data, text", STRAY, ids=["two-strays", "one-stray", "cut-short"])
def test_stray_bytes_in_ascii_text_are_replacement_characters_in_a_text_file_and_a_json_line(tmp_path, data, text):
    """UTF-8 text with no character beyond ASCII but a few stray bytes was read in the code page
    chardet guessed ("killed ÿş 3 people in Kherson Ã( today."); the same bytes in a JSON line
    rejected the line ("not UTF-8"). Both are the text with U+FFFD for those bytes, one article."""
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "bad.jsonl").write_bytes(b'{"text": "' + data + b'"}\n')
    store = tmp_path / "s.db"
    result = run_sitrep("ingest", str(tmp_path / "bad.txt"), str(tmp_path / "bad.jsonl"), "--db", str(store))
    assert (result.returncode, result.stdout, result.stderr) == (0, "added 1, already present 1, rejected 0\n", "")
    with open_store(store) as db:
        assert db.execute("SELECT ref, text FROM articles").fetchall() == [(str(tmp_path / "bad.txt"), text)]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_json_lines_with_the_byte_order_mark_are_read(tmp_path, codec):
    path = tmp_path / "dump.jsonl"
    lines = [{"id": "a", "text": "Shelling hit Kharkiv on Monday."}, {"id": "b", "text": "Харків, Tuesday."}]
    body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    path.write_bytes(("\ufeff" if codec == "utf-16-be" else "").encode(codec) + body.encode(codec))
    articles = list(read_path(path, "dump.jsonl"))
    assert [a.text for a in articles] == [line["text"] for line in lines]


UTF16_TEXTS = [
    "Russian shelling hit Kharkiv on Monday, killing two. Ukraïna — “Харків”.",
    "Российские войска обстреляли Харьков в понедельник, погибли три человека.",
    "قصفت القوات الروسية مدينة خاركيف يوم الاثنين، مما أسفر عن مقتل شخصين.",
    "Харків",  # a word, no space: its high bytes (0x04) alone tell the byte order
]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", UTF16_TEXTS, ids=["latin", "cyrillic", "arabic", "one word"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec, text):
    path = tmp_path / "notes.txt"
    path.write_bytes(f"{text}\r\n".encode(codec))
    (article,) = read_path(path, "notes.txt")
    assert not isinstance(article, Rejection) and article.text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_json_lines_without_a_byte_order_mark_are_read(tmp_path, codec):
    lines = [{"id": "a", "text": "Shelling hit Kharkiv on Monday."}, {"id": "b", "text": "Харків, Tuesday."}]
    body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode(codec)
    path = tmp_path / "dump.jsonl"
    path.write_bytes(body)
    assert [a.text for a in read_path(path, "dump.jsonl")] == [line["text"] for line in lines]
    assert [a.text for a in read_data(body, "dump.jsonl", "jsonl")] == [line["text"] for line in lines]


def _binaries() -> list[tuple[str, bytes]]:
    import gzip
    import random

    text = b"Russian shelling hit Kharkiv on Monday, killing two people.\n"
    return [
        ("png", (FIXTURES / "binary.txt").read_bytes()),
        ("gzip", gzip.compress(text * 100)),
        ("elf", Path(sys.executable).resolve().read_bytes()[:16384]),
        *((f"random {seed}", random.Random(seed).randbytes(1024 + 97 * seed)) for seed in range(40)),
        ("UTF-8 with a NUL", text * 20 + b"\x00" + text),
        ("UTF-8 with NUL padding", text * 20 + b"\x00" * 200),
    ]


@pytest.mark.parametrize("name, data", _binaries(), ids=[name for name, _ in _binaries()])
@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_binary_data_is_not_taken_for_utf16(tmp_path, name, data, suffix):
    assert byte_order(data) is None
    path = tmp_path / f"data{suffix}"
    path.write_bytes(data)
    (rejection,) = read_path(path, path.name)
    assert isinstance(rejection, Rejection) and rejection.reason == "binary file (not text)"


def test_broken_utf16_says_so(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe\x00\xd8")  # a lone surrogate after the mark
    (rejection,) = read_path(path, "broken.txt")
    assert isinstance(rejection, Rejection) and "UTF-16" in rejection.reason


@pytest.mark.parametrize("name, reason", [("binary.txt", "binary"), ("empty.txt", "empty")])
def test_binary_and_empty_files_are_rejected(name, reason):
    (rejection,) = read(name)
    assert isinstance(rejection, Rejection) and rejection.where == name and reason in rejection.reason


def test_large_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.truncate(20 * 1024 * 1024)  # 20 MB, sparse
    (rejection,) = read_path(path, "huge.txt")
    assert isinstance(rejection, Rejection) and "limit" in rejection.reason and "20" in rejection.reason


@pytest.mark.parametrize("depth", [260, 100_000])
def test_deeply_nested_html_is_read(tmp_path, depth):
    """libxml2 keeps nothing below 256 levels: a paragraph inside 260 <div>s gave "no article text
    found in the HTML". The tags below HTML_DEPTH are dropped and the text read."""
    paragraph = (
        "<p>Russian forces shelled Kharkiv on Monday, killing five people and wounding twelve others, the "
        "regional governor said in a statement posted on Telegram. Rescue teams worked through the night "
        "to clear the rubble of a five-storey apartment block.</p>"
    )
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><head><title>Kharkiv</title><script>var x = '<div>';</script></head><body><!-- <div> -->"
        + "<div>" * depth
        + paragraph
        + "</div>" * depth
        + "</body></html>"
    )
    (item,) = read_path(path, "deep.html")
    assert isinstance(item, RawArticle), item
    assert "killing five people" in item.text and "Rescue teams" in item.text


def test_script_laden_html_keeps_only_the_text(tmp_path):
    path = tmp_path / "scripts.html"
    path.write_text(
        "<html><head>" + "<script>var x = 'EVIL';</script>" * 3000 + "</head><body>"
        "<p>Protesters marched through Dakar on Friday, witnesses said.</p>"
        + "<script>document.write('EVIL')</script><iframe src='x'></iframe>" * 3000
        + "</body></html>"
    )
    (article,) = read_path(path, "scripts.html")
    assert article.text == "Protesters marched through Dakar on Friday, witnesses said."


FURNITURE_ONLY = {
    "nav": "<html><head><title>x</title></head><body><nav>menu</nav></body></html>",
    "links-and-footer": (
        "<html><head><title>Example News</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World</a></li></ul></nav><footer>© 2024 Example News</footer></body></html>"
    ),
    "header-aside": "<html><body><header>Example News</header><aside>Most read</aside></body></html>",
    "roles": "<html><body><div role='navigation'>Home World</div><div role='contentinfo'>Contact</div></body></html>",
}


@pytest.mark.parametrize("page", FURNITURE_ONLY.values(), ids=FURNITURE_ONLY.keys())
def test_a_page_of_only_navigation_and_furniture_is_rejected_as_having_no_main_text(tmp_path, page):
    """trafilatura, finding no main text, fell back to the body's text: "menu" was stored as an article."""
    path = tmp_path / "nomain.html"
    path.write_text(page, encoding="utf-8")
    store = tmp_path / "s.db"
    result = run_sitrep("ingest", str(path), "--db", str(store))
    assert (result.returncode, result.stdout) == (1, "added 0, already present 0, rejected 1\n")
    assert result.stderr.splitlines() == [f"sitrep: {path}: no article text found in the HTML"]
    with open_store(store) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_a_page_of_twenty_thousand_menus_is_rejected_at_once(tmp_path):
    """Furniture found by one XPath union (".//nav | .//header | ...") took libxml2 a minute here."""
    path = tmp_path / "menus.html"
    path.write_text("<html><body>" + "<nav><header><aside>menu</aside>x</header>y</nav> " * 20_000 + "</body></html>")
    started = time.process_time()
    (rejection,) = read_path(path, "menus.html")
    assert rejection == Rejection("menus.html", "no article text found in the HTML")
    assert time.process_time() - started < 10


SHORT_PAGES = {
    "a paragraph": (
        "<html><body><p>Shelling killed two in Kherson.</p></body></html>",
        "Shelling killed two in Kherson.",
    ),
    "bare text": ("<html><body>Shelling killed two in Kherson.</body></html>", "Shelling killed two in Kherson."),
    "headline in a header": (
        "<html><body><header><h1>Kherson shelled</h1></header><p>Two killed.</p></body></html>",
        "Kherson shelled\nTwo killed.",
    ),
    "text after a menu": ("<html><body><nav>menu</nav>Two killed in Kherson.</body></html>", "Two killed in Kherson."),
    "an article between furniture": (
        "<html><head><title>Kherson shelled</title></head><body><header><a href='/'>Example News</a></header>"
        "<nav><a href='/world'>World</a></nav><main><article><header><h1>Kherson shelled</h1></header>"
        "<p>Russian shelling killed two people in Kherson on Monday, the governor said.</p></article></main>"
        "<aside>Most read</aside><footer>© 2024 Example News</footer></body></html>",
        "Russian shelling killed two people in Kherson on Monday, the governor said.",
    ),
}


@pytest.mark.parametrize("page, text", SHORT_PAGES.values(), ids=SHORT_PAGES.keys())
def test_a_short_article_page_is_still_read(tmp_path, page, text):
    path = tmp_path / "short.html"
    path.write_text(page, encoding="utf-8")
    store = tmp_path / "s.db"
    result = run_sitrep("ingest", str(path), "--db", str(store))
    assert (result.returncode, result.stderr) == (0, "")
    with open_store(store) as db:
        (stored,) = db.execute("SELECT text FROM articles").fetchone()
    assert text in stored


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_that_fails_to_read_is_a_rejection():
    (item,) = read_path(Path("/proc/self/mem"), "mem.txt")  # opens, then every read fails (EIO)
    assert isinstance(item, Rejection) and item.where == "mem.txt" and item.reason.startswith("cannot read (")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_is_a_rejection(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Some text.")
    path.chmod(0)
    try:
        (item,) = read_path(path, "secret.txt")
        assert isinstance(item, Rejection) and item.reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_missing_paths(tmp_path):
    (missing,) = read_path(tmp_path / "gone.txt", "gone.txt")
    assert isinstance(missing, Rejection) and "no such file" in missing.reason


def test_unknown_extension_is_sniffed():
    jsonl = list(read_data(b'{"text": "From stdin."}\n', "x", "jsonl"))
    assert jsonl[0].text == "From stdin."
    from store.readers import sniff_format

    assert sniff_format(b'  {"text": 1}') == "jsonl"
    assert sniff_format(b"<?xml version='1.0'?><rss>") == "feed"
    assert sniff_format(b"<!doctype html><html>") == "html"
    assert sniff_format(b"Plain words") == "text"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-12-16", "2024-12-16"),
        ("2024-12-16T10:00:00Z", "2024-12-16T10:00:00+00:00"),
        ("Tue, 14 May 2024 09:00:00 GMT", "2024-05-14T09:00:00+00:00"),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20241216, None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_titles_are_short():
    long_line = "Word " * 60
    assert len(derive_title(long_line)) <= 120
    assert derive_title("# Heading here\nBody") == "Heading here"
    assert derive_title("First sentence is here. " + "More words " * 30) == "First sentence is here."
    assert derive_title("\n\n  \n") is None


def test_a_title_passes_over_site_furniture_and_an_editors_note():
    assert (
        derive_title("NEW You can now listen to Fox News articles!\nPutin met Xi in Beijing on Thursday.")
        == "Putin met Xi in Beijing on Thursday."
    )
    note = (
        "Editor’s Note: Timothy Snyder is the Richard C. Levin Professor of History at Yale. "
        "The views expressed are his own.\nUkraine is winning the war of ideas, " + "and more " * 20
    )
    assert derive_title(note).startswith("Ukraine is winning the war of ideas")
    assert derive_title("CNN —\nRussia struck Kharkiv overnight.") == "Russia struck Kharkiv overnight."
    for widgets in ("16:14", "05.12.2024, 09:30 —", "VIEW VIDEO", "LIVE", "ОНОВЛЕНО"):
        assert derive_title(f"{widgets}\nRussia struck Kharkiv overnight.") == "Russia struck Kharkiv overnight."
    assert derive_title("16:14\nVIEW VIDEO") is None
    long = "Timothy Snyder is the Richard C. Levin Professor of History at Yale and a writer. " + "More words. " * 20
    assert derive_title(long) == "Timothy Snyder is the Richard C. Levin Professor of History at Yale and a writer."


def test_a_sections_label_over_the_headline_is_not_the_title():
    assert (
        derive_title("Chad\nChad's junta names a new prime minister\nText.")
        == "Chad's junta names a new prime minister"
    )
    assert (
        derive_title("Middle East\n\nIsraeli strikes hit Rafah overnight\n\nText.")
        == "Israeli strikes hit Rafah overnight"
    )
    # a short headline over its story stays the title
    assert derive_title("Kyiv shelled\nRussian forces shelled Kyiv overnight, officials said.") == "Kyiv shelled"
    assert derive_title("Haiti") == "Haiti"
    # a label over the story's first sentence: that sentence
    story = "Chad\nThe situation of refugees in Chad is reaching a breaking point, aid groups warned.\nMore."
    assert derive_title(story) == "The situation of refugees in Chad is reaching a breaking point, aid groups warned."


def test_normalise_text():
    assert normalise_text("\ufeff  A\r\nB\rC  \n") == "A\nB\nC"


def test_title_sentence_is_not_cut_at_an_abbreviation():
    line = "U.S. officials said on Tuesday that the strike on the depot near Dnipro killed four. " + "More. " * 30
    assert derive_title(line) == "U.S. officials said on Tuesday that the strike on the depot near Dnipro killed four."


def test_a_json_array_is_rejected_with_a_hint(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text('[\n  {"text": "An article."}\n]\n')
    (item,) = read_path(path, "dump.json")
    assert isinstance(item, Rejection) and "JSON Lines" in item.reason


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_MARKUP = st.sampled_from(
    [
        b"<html>",
        b"<body>",
        b"<p>",
        b"</p>",
        b"<script>",
        b"<rss version='2.0'>",
        b"<item>",
        b"<description>",
        b"<feed xmlns='http://www.w3.org/2005/Atom'>",
        b"<entry>",
        b"---\n",
        b"title: x\n",
        b"date 2024-01-01 ",
        b'{"text": ',
        b'"',
        b"}\n",
        b"\n",
        b"\r\n",
        b"\xff",
        b"\x00",
        "é".encode(),
        "Плехово".encode(),
        b"<![CDATA[",
        b"]]>",
        b"&amp;",
        b"&#0;",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.one_of(_MARKUP, st.binary(max_size=40)), max_size=30),
    fmt=st.sampled_from(["text", "html", "jsonl", "feed"]),
)
def test_any_bytes_give_articles_or_rejections_never_an_exception(parts, fmt):
    for item in read_data(b"".join(parts), "fuzz", fmt):
        assert isinstance(item, (RawArticle, Rejection))
        if isinstance(item, RawArticle):
            assert item.text and item.text == normalise_text(item.text)
            assert "\r" not in item.text and unicodedata.is_normalized("NFC", item.text)


@pytest.mark.parametrize(
    "data, reason",
    [
        (
            b"date 2024-13-45 Missiles struck Kharkiv.",
            "the first line's date is not a day of the calendar: '2024-13-45'",
        ),
        (
            b"date 2023-02-29 Missiles struck Kharkiv.",
            "the first line's date is not a day of the calendar: '2023-02-29'",
        ),
        (
            b"---\ndate: 2024-13-45\n---\nMissiles struck Kharkiv.",
            "`date` in the front matter is not an ISO date: '2024-13-45'",
        ),
        (
            b"---\npublished: last week\n---\nMissiles struck Kharkiv.",
            "`published` in the front matter is not an ISO date: 'last week'",
        ),
    ],
)
def test_a_date_that_is_no_day_is_rejected_with_its_reason(data, reason):
    [item] = list(read_data(data, "bad.txt", "text"))
    assert isinstance(item, Rejection) and item.where == "bad.txt" and item.reason.endswith(reason), item


def test_a_leap_day_and_a_front_matter_date_time_are_read():
    [leap] = list(read_data(b"date 2024-02-29 Missiles struck Kharkiv.", "leap.txt", "text"))
    assert (leap.published, leap.text) == ("2024-02-29", "Missiles struck Kharkiv.")
    [front] = list(read_data(b"---\ndate: 2024-12-16T08:30:00Z\n---\nMissiles struck Kharkiv.", "f.md", "text"))
    assert front.published == "2024-12-16T08:30:00+00:00"


def test_a_byte_order_mark_after_a_blank_line_is_no_text():
    # what hypothesis found: "\n" then a UTF-8 byte-order mark left an article of one invisible character
    assert normalise_text("\n\ufeff") == ""
    assert normalise_text("\ufeff \ufeff Kyiv \ufeff\n") == "Kyiv"
    (item,) = read_data(b"\n\xef\xbb\xbf", "fuzz.txt", "text")
    assert isinstance(item, Rejection)


@given(st.text(alphabet=" \n\t\ufeff\u3000\u00a0\x1c\u2028ab\u0301", max_size=20))
def test_normalised_text_has_no_blank_or_mark_at_its_edges_and_normalises_to_itself(text):
    out = normalise_text(text)
    assert out == normalise_text(out)
    assert not out or not (out[0].isspace() or out[-1].isspace() or "\ufeff" in (out[0], out[-1]))
    assert out in unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def test_a_million_blank_lines_inside_a_text_are_read_at_once(tmp_path):
    """Stripping the text's edges with a regex tried ``\\s+\\Z`` from every character of a blank run
    inside it: a million blank lines took minutes (a subprocess with a time limit, so that the old
    code fails instead of hanging)."""
    path = tmp_path / "blank.txt"
    path.write_text("date 2024-05-01\nRussian drones hit Odesa." + "\n" * 1_000_000 + "End.\n", encoding="utf-8")
    code = (
        "import sys; from store.readers import read_path; "
        "(item,) = read_path(__import__('pathlib').Path(sys.argv[1]), 'blank.txt'); "
        "assert item.text.startswith('Russian') and item.text.endswith('End.')"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60, cwd=REPO)


PAGE = (
    "<html><head><title>Strike</title>{meta}</head><body><nav>Home | World</nav><article>"
    "<h1>Strike on village kills three</h1><p>Gunmen killed three civilians on Monday in the village, "
    "officials said. The region has seen violence since 2016, residents said, and many families have fled "
    "to the city.</p><p>Officials said an investigation had been opened and that security forces were "
    "deployed to the area on Tuesday.</p></article><footer>© 2019 Example News</footer></body></html>"
)


def test_a_page_with_no_date_gets_none_not_a_year_guessed_from_its_footer(tmp_path):
    path = tmp_path / "strike.html"
    path.write_text(PAGE.format(meta=""), encoding="utf-8")
    (article,) = read_path(path, "strike.html")
    assert article.published is None  # not 2019-01-01 from "© 2019", nor 2016-01-01
    meta = '<meta property="article:published_time" content="2024-01-01T10:00:00Z">'
    path.write_text(PAGE.format(meta=meta), encoding="utf-8")
    (article,) = read_path(path, "strike.html")
    assert article.published == "2024-01-01"  # a 1 January the page states is kept


def test_a_feed_item_keeps_only_a_web_address_as_its_url(tmp_path):
    """feedparser gives an Atom entry without a <link> its id as link: the article's url was "urn:1"."""
    path = tmp_path / "front.atom"
    entries = "".join(
        f"<entry><id>{entry_id}</id><title>Odesa {n}</title>{link}<updated>2024-05-01T00:00:00Z</updated>"
        f'<content type="text">Russian drones hit Odesa on Monday, officials said ({n}).</content></entry>'
        for n, (entry_id, link) in enumerate(
            [
                ("urn:1", ""),
                ("urn:2", '<link href="javascript:alert(1)"/>'),
                ("urn:3", '<link href="https://example.org/odesa"/>'),
            ]
        )
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Front</title>'
        f"<id>urn:feed</id><updated>2024-05-01T00:00:00Z</updated>{entries}</feed>"
    )
    items = list(read_path(path, "front.atom"))
    assert [item.url for item in items] == [None, None, "https://example.org/odesa"]
    assert [item.ref for item in items] == ["front.atom#1", "front.atom#2", "front.atom#3"]
