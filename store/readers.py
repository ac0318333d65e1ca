"""Reading article files into ``RawArticle``s: text, Markdown, HTML, JSON Lines, RSS/Atom.

Each reader yields ``RawArticle`` (an article ready to store) or ``Rejection`` (where, and why it
was not read). Readers never raise for bad input: whatever a file holds, the run goes on.

Stored text follows docs/contract.md ("Spans"): the body as read, metadata removed (a leading
``date YYYY-MM-DD`` or a ``---`` front-matter block), line endings ``\\n``, Unicode NFC, and the
whitespace around the body trimmed; nothing else is rewritten.
"""

from __future__ import annotations

import email.utils
import itertools
import json
import re
import sys
import unicodedata
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import AnyStr, BinaryIO
from urllib.parse import urlsplit

from extract.model import FIRST_YEAR, LAST_YEAR
from store import utf16
from store.furniture import without_furniture
from store.stray_bytes import utf8_with_strays

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # one article: a text/HTML file, or one JSON line
MAX_FEED_BYTES = 50 * 1024 * 1024  # one RSS/Atom file
MAX_TITLE_CHARS = 120

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


@dataclass(slots=True)
class RawArticle:
    ref: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    def __post_init__(self) -> None:
        # a lone surrogate ("\ud800" in JSON, a broken character reference in a feed) is no Unicode
        # text and cannot be stored as UTF-8: it becomes U+FFFD, as undecodable bytes do
        for name in ("ref", "text", "title", "url", "outlet", "published"):
            value = getattr(self, name)
            if value is not None and _LONE_SURROGATE.search(value):
                setattr(self, name, _LONE_SURROGATE.sub("\ufffd", value))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class Rejection:
    where: str  # "path" or "path:line" or "path#item"
    reason: str
    file: str | None = None  # for a line or an item: the file it is in ("path")

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class Unreadable(Exception):
    """Raised inside a reader; becomes a Rejection with ``str(error)`` as the reason."""


# --- text ---------------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, NFC, the surrounding whitespace and byte-order marks removed (a mark
    after a blank line as well: what is left normalises to itself)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip(_EDGES)


# whitespace (what ``str.isspace`` and ``\s`` take: all of it lies below U+3001) and byte-order marks;
# stripped with str.strip, linear (a regex for them at the end, ``[\s\ufeff]+\Z``, was tried from every
# character of a long blank run inside the text: a million blank lines took minutes)
_EDGES = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\ufeff"


def _text_bytes(data: bytes) -> bytes:
    """The bytes of a text file, UTF-16 (with its byte-order mark, as Windows editors write it, or
    without, store/utf16.py) turned into UTF-8; an empty or binary file is refused."""
    if not data.strip():
        raise Unreadable("empty file")
    codec = utf16_codec(data[:8192])
    if codec == "utf-16":  # (with its byte-order mark)
        try:
            data = data.decode(codec).encode("utf-8")
        except UnicodeDecodeError:
            raise Unreadable("not valid UTF-16 though it begins with UTF-16's byte-order mark") from None
    elif codec is not None:
        data = data.decode(codec, errors="replace").encode("utf-8")
    if _binary(data):
        raise Unreadable("binary file (not text)")
    return data


def utf16_codec(head: bytes) -> str | None:
    """The codec of a file that begins with ``head`` when it is UTF-16 (``"utf-16"`` with its
    byte-order mark, else the byte order found); None for any other."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    return utf16.byte_order(head) if _controls(head) else None


_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\f")


def _controls(head: bytes) -> int:
    """How many control bytes (NUL among them) ``head`` holds beyond tab, newline, carriage return
    and form feed; counted by ``bytes.translate`` (0.01 ms for 8 kB, a Python loop 0.2 ms)."""
    return len(head) - len(head.translate(None, _CONTROL_BYTES))


def _binary(data: bytes) -> bool:
    """True when the first 8 kB hold a NUL byte or more control characters than text has (at most
    one in twenty, or 8). Asked of every text file."""
    head = data[:8192]
    return b"\x00" in head or _controls(head) > max(8, len(head) // 20)


def _detected(data: bytes) -> str:
    """A text in a legacy encoding, decoded as chardet detects it (from its first 200 kB). Chardet
    (7+) rather than charset-normalizer: on short texts (a paragraph of French in Latin-1, Polish in
    Windows-1250, Turkish in Windows-1254, Russian in KOI8-R) and on English articles with Windows
    typographic quotes, charset-normalizer picked a neighbouring code page (Windows-1250's "prčs"
    for "près", "Jßrkov"), chardet the right one (bench/encodings.py)."""
    import chardet

    # the encodings text files are written in today and ISO 8859's; not DOS, EBCDIC or Mac code pages,
    # which a headline in capitals with one dash fitted best ("CNN —" as Hebrew DOS)
    eras = chardet.EncodingEra.MODERN_WEB | chardet.EncodingEra.LEGACY_ISO
    name = chardet.detect(data, encoding_era=eras)["encoding"]
    if name is None:
        raise Unreadable("not UTF-8 and its encoding could not be detected")
    try:
        return data.decode(name, errors="replace")
    except LookupError:
        raise Unreadable(f"not UTF-8, and Python cannot decode the encoding detected ({name})") from None


def decode(data: bytes) -> str:
    """Bytes to str: UTF-8 when it is (a few stray bytes in it U+FFFD), else the detected encoding;
    binary data is refused."""
    data = _text_bytes(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = utf8_with_strays(data)  # a few stray bytes are U+FFFD (store/stray_bytes.py)
    if text is None:
        text = _detected(data)
    return text


def parse_published(value: object) -> str | None:
    """An ISO date or date-time (or an RFC 2822 date, as feeds write them) as ISO, of a year from
    FIRST_YEAR to LAST_YEAR; else None."""
    published = _as_iso(value)
    return published if published is not None and _in_years(published) else None


def given_published(value: str, what: str) -> str | None:
    """A date a file gives for its article, as ISO; Unreadable naming ``what`` when it is no date (a
    date dropped would leave the article undated and its relative dates unresolved). A real day of a
    year no report has ("0001-01-01", "9999-12-31") is no publication date: the article is stored
    undated, as extraction reads it (extract/dates.py's parse_published)."""
    published = _as_iso(value)
    if published is None:
        raise Unreadable(f"{what} is not an ISO date: {value[:40]!r}")
    return published if _in_years(published) else None


def _in_years(published: str) -> bool:
    return FIRST_YEAR <= int(published[:4]) <= LAST_YEAR


def _as_iso(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


_DATELINE_ONLY = re.compile(r"^.{1,40}\s[—–-]$")  # "CNN —", "KYIV, Ukraine (AP) —": a dateline alone on its line


def _not_a_headline(line: str) -> bool:
    """A line with no letter ("16:14", "05.12.2024"), or a caption of at most three words in
    capitals ("VIEW VIDEO", "LIVE", "ОНОВЛЕНО"): a page's timestamps and widgets."""
    return not any(ch.isalpha() for ch in line) or (line.isupper() and len(line.split()) <= 3)


# one or two words alone: a section's label ("Chad", "Middle East", "Ministry matters")
_KICKER = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?\Z")


def derive_title(text: str) -> str | None:
    """A title for an article that has none: its first line when that is a headline (short), else
    that line's first sentence, shortened. Site furniture before the story ("NEW You can now
    listen to Fox News articles!", "ADVERTISEMENT", an editor's note; extract/boilerplate.py), a
    dateline alone on its line ("CNN —"), a timestamp ("16:14") and a widget's caption in capitals
    ("VIEW VIDEO") are passed over."""
    from extract.boilerplate import is_boilerplate
    from extract.sentences import split_sentences

    lines = (line.strip().lstrip("#").strip() for line in text.split("\n"))
    candidates = (
        line
        for line in lines
        if line and not is_boilerplate(line) and not _DATELINE_ONLY.match(line) and not _not_a_headline(line)
    )
    first = next(candidates, "")
    if not first:
        return None
    if _KICKER.match(first):
        # a section's label over the headline ("Chad", "Ministry matters"): the line after it, when that
        # reads as a headline (no full stop) or when each word of the label is capitalised ("Chad",
        # "Middle East" over the story's first sentence); "Kyiv shelled" over its story is the headline
        after = next(candidates, "")
        if len(after.split()) >= 4 and (
            (len(after) <= MAX_TITLE_CHARS and after[-1] not in ".!?") or first.title() == first
        ):
            first = after
    if len(first) > MAX_TITLE_CHARS:
        sentences = [s.text for s in split_sentences(first)]
        if sentences and len(sentences[0]) >= 20:  # ("U.S." or "Richard C. Levin" end no sentence)
            first = sentences[0]
    if len(first) > MAX_TITLE_CHARS:
        cut = first[: MAX_TITLE_CHARS - 1]
        if " " in cut[MAX_TITLE_CHARS // 2 :]:
            cut = cut[: cut.rindex(" ")]
        first = cut.rstrip(" ,;:") + "…"
    return first


_DATE_LINE = re.compile(r"\A[ \t]*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)[ \t]*", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _front_matter_fields(block: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        match = _FRONT_KEY.match(line)
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields[key] = value
    return fields


def read_text(data: bytes, ref: str) -> RawArticle:
    """A .txt or .md article: optional ``date YYYY-MM-DD`` first line or front matter."""
    raw = decode(data).lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    title = url = outlet = published = None
    front = _FRONT_MATTER.match(raw)
    dated = _DATE_LINE.match(raw)
    if front:
        fields = _front_matter_fields(front.group(1))
        title = fields.get("title") or None
        url = fields.get("url") or fields.get("link") or None
        outlet = fields.get("outlet") or fields.get("source") or None
        key = "date" if fields.get("date") else "published"
        given = fields.get(key)
        published = given_published(given, f"`{key}` in the front matter") if given else None
        raw = raw[front.end() :]
    elif dated:
        if _as_iso(dated.group(1)) is None:
            raise Unreadable(f"the first line's date is not a day of the calendar: {dated.group(1)!r}")
        published = given_published(dated.group(1), "the first line's date")
        raw = raw[dated.end() :]
    text = normalise_text(raw)
    if not text:
        raise Unreadable("no article text (only metadata)")
    return RawArticle(
        ref=ref, text=text, title=title or derive_title(text), url=url, outlet=outlet, published=published
    )


# --- HTML -----------------------------------------------------------------------------------


def _trafilatura_config(small: bool):
    from trafilatura.settings import use_config

    config = use_config()
    if small:  # feed summaries and short pages: accept short main text
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
        config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


_CONFIGS: dict[bool, object] = {}

# libxml2's HTML parser keeps nothing nested deeper than 256 elements (a paragraph inside 260 <div>s
# came out empty): a page nested deeper than HTML_DEPTH has its tags below that depth dropped, their
# text kept. Counted are the elements a page closes itself, not the void ones or those HTML closes
# implicitly (p, li, td ...), which an ordinary page leaves open by the hundred.
HTML_DEPTH = 128
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen command "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp rtc html head body".split()
)
_TAG = {
    str: re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>"),
    bytes: re.compile(rb"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>"),
}
_RAW_END = {  # where a script's or a style's content ends
    str: {name: re.compile(f"</{name}", re.IGNORECASE) for name in ("script", "style")},
    bytes: {name: re.compile(f"</{name}".encode(), re.IGNORECASE) for name in ("script", "style")},
}


def _shallow(html: AnyStr) -> AnyStr:
    """The page with the start and end tags nested deeper than HTML_DEPTH left out (a linear scan;
    comments, scripts and styles are skipped whole); the page itself when it is not that deep."""
    text = isinstance(html, str)
    tag, raw_end = _TAG[type(html)], _RAW_END[type(html)]
    stack: list[tuple[str, bool]] = []  # open elements: (name, dropped)
    drops: list[tuple[int, int]] = []
    pos = 0
    while (m := tag.search(html, pos)) is not None:
        pos = m.end()
        if m.group(2) is None:  # a comment: to its end
            end = html.find("-->" if text else b"-->", pos)
            pos = end + 3 if end >= 0 else len(html)
            continue
        name = m.group(2).lower() if text else m.group(2).decode("ascii").lower()
        if name in _NOT_NESTING:
            continue
        if m.group(1):  # an end tag closes the element it names when that is the innermost open one
            if stack and stack[-1][0] == name:
                if stack.pop()[1]:
                    drops.append(m.span())
            continue
        if m.group(0).endswith("/>" if text else b"/>"):
            continue
        if name in raw_end:  # their content is no markup
            end = raw_end[name].search(html, pos)
            pos = end.start() if end is not None else len(html)
            continue
        dropped = len(stack) >= HTML_DEPTH
        stack.append((name, dropped))
        if dropped:
            drops.append(m.span())
    if not drops:
        return html
    parts, last = [], 0
    for start, end in drops:
        parts.append(html[last:start])
        last = end
    parts.append(html[last:])
    return html[:0].join(parts)


def extract_html(html: bytes | str, *, metadata: bool = True) -> object | None:
    """trafilatura's main-text extraction (with the page's metadata unless ``metadata`` is False:
    the same text, in half the time); None when it finds no text. A page whose only text is its
    navigation, header, footer and asides is read without them (store/furniture.py)."""
    import trafilatura

    html = _shallow(html)
    html = without_furniture(html) or html
    for small in (False, True):
        if small not in _CONFIGS:
            _CONFIGS[small] = _trafilatura_config(small)
        try:
            document = trafilatura.bare_extraction(
                html,
                with_metadata=metadata,
                include_comments=False,
                include_tables=True,
                config=_CONFIGS[small],
            )
        except RecursionError:
            raise Unreadable("HTML nested too deeply to read") from None
        except Exception as error:  # lxml and trafilatura raise many kinds on hostile markup
            raise Unreadable(f"unreadable HTML ({type(error).__name__})") from None
        if document is not None and (document.text or "").strip():
            return document
    return None


def read_html(data: bytes, ref: str) -> RawArticle:
    page = decode(data)  # refuse binary and undecodable files with the same reasons as text
    document = extract_html(data)
    if document is None:
        raise Unreadable("no article text found in the HTML")
    text = normalise_text(document.text)
    return RawArticle(
        ref=ref,
        text=text,
        title=(document.title or "").strip() or derive_title(text),
        url=document.url or None,
        outlet=document.sitename or None,
        published=_page_date(document.date, page),
    )


def _page_date(found: str | None, page: str) -> str | None:
    """The page's date as trafilatura (htmldate) found it, but not a year it guessed from a
    copyright line or a year in the text ("© 2019" comes back as 2019-01-01): a 1 January the page
    never writes as a day is no date."""
    published = parse_published(found)
    if published is None or not published.endswith("-01-01"):
        return published
    year = published[:4]
    days = (
        f"{year}-01-01",
        f"{year}/01/01",
        f"01/01/{year}",
        f"1 January {year}",
        f"January 1, {year}",
        f"Jan 1, {year}",
    )
    return published if any(day in page for day in days) else None


# --- JSON Lines -------------------------------------------------------------------------------


def _optional_str(obj: dict, key: str) -> str | None:
    """A text field (``title``, ``url``, ``outlet``): a string, the whitespace around it trimmed;
    null or blank is absent; anything else rejects the line."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Unreadable(f"`{key}` is not a string")
    return value.strip() or None


def _json_ref(obj: dict) -> str | None:
    """``id``: a string, kept exactly as written, or an integer (its digits); null or blank is
    absent; anything else (a fraction, true, a list) rejects the line."""
    value = obj.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise Unreadable("`id` is not a string or an integer")
    return value


def _json_loads(line: bytes) -> object:
    """A JSON line's value. JSON is UTF-8: a line with a few stray bytes that are not is read with
    U+FFFD for them, as a text file is; a line in another encoding is refused."""
    try:
        return json.loads(line)
    except UnicodeDecodeError:
        text = utf8_with_strays(line)
        if text is None:
            raise Unreadable("not UTF-8") from None
        return json.loads(text)


def parse_json_line(line: bytes, ref: str, number: int) -> RawArticle:
    try:
        obj = _json_loads(line)
    except (ValueError, RecursionError) as error:
        if isinstance(error, json.JSONDecodeError):
            where = f"column {error.colno}" if error.lineno == 1 else "the end of the line"
            reason = f"{error.msg.removesuffix(' at')} at {where}"
        elif isinstance(error, RecursionError):
            reason = "nested too deeply"
        else:  # Python reads no integer of more than sys.get_int_max_str_digits() digits
            reason = f"a number of more than {sys.get_int_max_str_digits():,} digits"
        raise Unreadable(f"broken JSON ({reason})") from None
    if not isinstance(obj, dict):
        raise Unreadable("not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise Unreadable("no `text` string")
    text = normalise_text(text)
    if not text:
        raise Unreadable("empty `text`")
    published_raw = obj.get("published")
    if published_raw is not None and not isinstance(published_raw, str):
        # an ISO date is a string: 20240101 was read as 2024-01-01, a Unix time as nothing it is
        raise Unreadable('`published` is not a string (an ISO date, "2024-12-16")')
    published = given_published(published_raw, "`published`") if published_raw else None
    return RawArticle(
        ref=_json_ref(obj) or f"{ref}:{number}",
        text=text,
        title=_optional_str(obj, "title") or derive_title(text),
        url=_optional_str(obj, "url"),
        outlet=_optional_str(obj, "outlet"),
        published=published,
    )


def _jsonl_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a stream, each read in bounded memory; None for one over the limit (skipped)."""
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = stream.readline(1024 * 1024)
            yield None
            continue
        yield line


def _json_object(line: bytes | None) -> bool:
    """Whether ``line`` is a JSON object: a file with one is JSON Lines with some bad lines, not a
    binary file, whatever bytes those lines hold."""
    if not line or not line.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def read_jsonl(stream: BinaryIO, ref: str) -> Iterator[RawArticle | Rejection]:
    """One article per line, in bounded memory; a bad line is rejected and the rest kept. A binary
    file (no JSON object among its first lines) is refused whole, as a binary text file is (not one
    "not UTF-8" for each of its lines)."""
    lines = _jsonl_lines(stream)
    head: list[bytes | None] = []
    size = 0
    for line in lines:  # the lines of the first 8 kB, to tell a binary file
        head.append(line)
        size += len(line) if line is not None else MAX_ARTICLE_BYTES
        if size >= 8192:
            break
    if _binary(b"".join(h for h in head if h is not None)) and not any(_json_object(h) for h in head):
        yield Rejection(ref, "binary file (not text)")
        return
    seen_any = False
    for number, line in enumerate(itertools.chain(head, lines), start=1):
        if line is None:
            seen_any = True
            yield Rejection(f"{ref}:{number}", "line longer than the 10 MB limit per article", file=ref)
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            yield parse_json_line(line, ref, number)
        except Unreadable as error:
            yield Rejection(f"{ref}:{number}", str(error), file=ref)
    if not seen_any:
        yield Rejection(ref, "empty file")


# --- RSS / Atom --------------------------------------------------------------------------------


def _looks_like_html(text: str) -> bool:
    return bool(re.search(r"<[a-zA-Z][^>]*>", text))


# a character reference to half of a surrogate pair ("&#xD800;", "&#55296;"): no character, and
# feedparser stops on it with an encoding error, losing the whole feed
_SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9]\d\d|56\d{3}|57[0-2]\d\d|573[0-3]\d|5734[0-3]));"
)


def parse_feed(data: bytes, *, url: str | None = None, content_type: str | None = None):
    """feedparser's reading of an RSS or Atom feed; for one fetched from ``url``, relative links
    are resolved against it and the charset of its ``content_type`` is heeded.
    Raises Unreadable for anything that is not a feed; a feed whose XML is broken counts only when
    items could still be read from it."""
    import feedparser

    from store import feed_dtd

    feed_dtd.install()  # no entity of the feed's DTD is expanded, whichever parser reads it
    data = _SURROGATE_REF.sub(b"&#xFFFD;", _text_bytes(data))
    try:
        headers = {"content-location": url, "content-type": content_type}
        # feedparser's HTML sanitizer and relative-link resolver rewrite an unknown entity ("&foo;",
        # and each "&nbsp;" of a feed with no DTD read by its loose parser) as "&amp;foo", its
        # semicolon lost: the bodies are left as the feed has them, their text read by body_text
        # (scripts and styles are no text there) and HTML titles by plain_title
        feed = feedparser.parse(
            data,
            response_headers={k: v for k, v in headers.items() if v} or None,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as error:  # feedparser wraps most errors, but not all
        raise Unreadable(f"unreadable feed ({type(error).__name__})") from None
    if not feed.get("version"):
        if b"<html" in data[:4096].lower():
            raise Unreadable("an HTML page, not an RSS or Atom feed")
        raise Unreadable("not an RSS or Atom feed")
    problem = feed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXParseException) and not feed.entries:
        raise Unreadable(f"broken XML ({problem.getMessage()}, line {problem.getLineNumber()})")
    return feed


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # what HTML collapses (not a no-break space)
_NOT_TEXT_HTML = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)


def plain_title(node) -> str | None:
    """A feed's or an item's title as text: an HTML one (Atom's ``type="html"``) without its tags
    and with its character references read as ``html.unescape`` does (an unknown "&foo;" kept)."""
    title = node.get("title") or ""
    if "html" in (node.get("title_detail") or {}).get("type", ""):
        import html

        title = _HTML_SPACE.sub(" ", html.unescape(_NOT_TEXT_HTML.sub(" ", title)))
    return title.strip() or None


def feed_title(feed) -> str | None:
    return plain_title(feed.feed)


def entry_body(entry) -> tuple[str, str, bool]:
    """An item's body, its type, and whether it is the whole content (not only a summary)."""
    if entry.get("content"):
        body, kind = entry.content[0].get("value", ""), entry.content[0].get("type", "")
        if body.strip():
            return body, kind, True
    return entry.get("summary", ""), (entry.get("summary_detail") or {}).get("type", ""), False


def body_text(body: str, kind: str) -> str:
    """An item's body as stored text: HTML read through the main-text extractor, else as it is."""
    if "html" in kind or _looks_like_html(body):
        document = extract_html(f"<html><body>{body}</body></html>", metadata=False)  # only its text is used
        return normalise_text(document.text) if document is not None else ""
    return normalise_text(body)


def entry_link(entry) -> str | None:
    """The item's link when it is a web address; None for none, or for "urn:1" (feedparser gives an
    Atom entry without a <link> its id), "javascript:", "file:", "data:": no address of an article."""
    link = (entry.get("link") or "").strip()
    try:
        scheme = urlsplit(link).scheme.lower()
    except ValueError:  # "http://[::1": no address either
        return None
    return link if scheme in ("http", "https") else None


def entry_published(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return parse_published(datetime(*parsed[:6], tzinfo=UTC).date().isoformat()) if parsed else None


def read_feed(data: bytes, ref: str) -> Iterator[RawArticle | Rejection]:
    try:
        feed = parse_feed(data)
    except Unreadable as error:
        yield Rejection(ref, str(error))
        return
    if not feed.entries:
        yield Rejection(ref, "not an RSS or Atom feed with items")
        return
    outlet = feed_title(feed)
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{ref}#{number}"
        body, kind, _ = entry_body(entry)
        if not body.strip():
            yield Rejection(where, "item has no content or summary", file=ref)
            continue
        try:
            text = body_text(body, kind)
        except Unreadable as error:
            yield Rejection(where, str(error), file=ref)
            continue
        if not text:
            yield Rejection(where, "item has no text", file=ref)
            continue
        yield RawArticle(
            ref=where,
            text=text,
            title=plain_title(entry) or derive_title(text),
            url=entry_link(entry),
            outlet=outlet,
            published=entry_published(entry),
        )


# --- dispatch -----------------------------------------------------------------------------------


def sniff_format(head: bytes) -> str:
    """The format of a file whose extension says nothing, from its first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"[") and start[1:].lstrip().startswith((b"{", b"]")):
        return "json-array"
    if start.startswith(b"<"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "feed"
        return "html"
    return "text"


def format_of(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return sniff_format(head)


def read_data(data: bytes, ref: str, fmt: str) -> Iterator[RawArticle | Rejection]:
    """Articles from a file's whole content, read as ``fmt`` ('text', 'html', 'jsonl', 'feed')."""
    if fmt == "feed":
        yield from read_feed(data, ref)
        return
    if fmt == "json-array":
        yield Rejection(ref, "a JSON array, not JSON Lines: write one object a line (e.g. jq -c '.[]')")
        return
    if fmt == "jsonl":
        import io

        if (codec := utf16_codec(data[:4096])) is not None:
            data = data.decode(codec, errors="replace").encode("utf-8")
        yield from read_jsonl(io.BytesIO(data), ref)
        return
    try:
        yield read_html(data, ref) if fmt == "html" else read_text(data, ref)
    except Unreadable as error:
        yield Rejection(ref, str(error))


def read_path(path: Path, ref: str) -> Iterator[RawArticle | Rejection]:
    """Articles from one file on disk; every failure becomes a Rejection naming ``ref``."""
    try:
        with open(path, "rb") as stream:
            # (peeked, not read: a pipe, "sitrep ingest <(cmd)", cannot go back to its start)
            head = stream.peek(4096)[:4096]
            fmt = format_of(path, head)
            if fmt == "jsonl":
                if (codec := utf16_codec(head)) is not None:  # UTF-16, read as UTF-8
                    import codecs

                    stream = codecs.EncodedFile(stream, "utf-8", codec, errors="replace")
                yield from read_jsonl(stream, ref)
                return
            limit = MAX_FEED_BYTES if fmt == "feed" else MAX_ARTICLE_BYTES
            size = path.stat().st_size
            data = b"" if size > limit else stream.read(limit + 1)
            if size > limit or len(data) > limit:
                what = f"file of {size / (1024 * 1024):.1f} MB" if size > limit else "input"
                yield Rejection(ref, f"{what} is over the {limit // (1024 * 1024)} MB limit")
                return
    except IsADirectoryError:
        yield Rejection(ref, "is a directory")
        return
    except PermissionError:
        yield Rejection(ref, "permission denied")
        return
    except FileNotFoundError:
        yield Rejection(ref, "no such file")
        return
    except OSError as error:
        yield Rejection(ref, f"cannot read ({error.strerror or error})")
        return
    yield from read_data(data, ref, fmt)
