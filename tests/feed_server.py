"""A real HTTP server on 127.0.0.1 for the feed tests, serving feeds and pages and misbehaving on
purpose: 304s, 429s, redirects, answers that never come or never end, oversized and broken ones.

Routes map a path to a ``Reply`` or to a function of the ``Request`` that returns one. Every
request is logged, and the most requests in flight at once is kept. ``hold`` and ``drip`` replies
wait for ``release`` (set when the server stops), so a test never depends on how fast it runs.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True  # send Content-Length (else the body ends when the connection closes)
    hold: bool = False  # send nothing until the server is released: a server that never answers
    drip: bool = False  # send the headers, then a byte at a time until released: an answer that never ends


@dataclass
class Request:
    path: str
    headers: dict[str, str]  # names in lower case


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[Request], Reply]] = {}
        self.log: list[Request] = []
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._active = 0
        self.most_at_once = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def paths(self) -> list[str]:
        return [request.path for request in self.log]

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.log.append(request)
                    server._active += 1
                    server.most_at_once = max(server.most_at_once, server._active)
                self._counted = True
                try:
                    route = server.routes.get(self.path, Reply(404, b"not here"))
                    self._send(route(request) if callable(route) else route)
                except OSError:  # the client gave up (a timeout under test): fine
                    pass
                finally:
                    self._done()

            def _done(self) -> None:
                """The request no longer counts as in progress (once: before the reply's last bytes go,
                since the client may send its next request the moment it has them)."""
                if self._counted:
                    self._counted = False
                    with server._lock:
                        server._active -= 1

            def _send(self, reply: Reply) -> None:
                if reply.hold:
                    server.release.wait(60)
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.length and not reply.drip:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.send_header("Connection", "close")
                if reply.drip:
                    self.end_headers()
                    while not server.release.wait(0.02):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    return
                self._done()
                self.end_headers()
                self.wfile.write(reply.body)

        return Handler


def closed_port_url(path: str = "/feed") -> str:
    """An address on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


class FakeTime:
    """A clock that moves only when slept on, recording every sleep: pauses and waits are
    checked exactly, and no test waits for real."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def http_date(moment: datetime | None = None) -> str:
    return format_datetime(moment or datetime.now(UTC), usegmt=True)


def rss(title: str, items: list[dict], extra: str = "") -> bytes:
    """An RSS 2.0 feed; each item a dict of title, link, description, content, pubDate, guid (not a link)."""
    parts = [
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>{extra}"
    ]
    for item in items:
        parts.append("<item>")
        for key in ("title", "link", "pubDate", "description"):
            if key in item:
                parts.append(f"<{key}>{escape(item[key])}</{key}>")
        if "guid" in item:
            parts.append(f'<guid isPermaLink="false">{escape(item["guid"])}</guid>')
        if "content" in item:
            parts.append(f"<content:encoded>{escape(item['content'])}</content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>\n")
    return "".join(parts).encode("utf-8")


def page(title: str, paragraphs: list[str]) -> bytes:
    """An article page with navigation and a footer around its main text."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title>"
        f'<meta property="og:site_name" content="Page Site"></head><body>'
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        f"<footer>Copyright Page Site. All rights reserved.</footer></body></html>"
    ).encode()


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> bool:
    """Poll ``condition`` until it holds (True) or ``timeout`` passes (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def entity_feed(levels: int) -> bytes:
    """An RSS feed whose one item's description refers 4 times to an entity of its DTD: with
    ``levels`` of ten (each entity ten of the one below, the first 10 characters) that is 4 × 10^levels
    characters from a file under 1 kB, the first declaration holding markup so that feedparser's
    guard (``replace_doctype``) passes the rest over. ``levels`` 0: a plain entity of 100,000
    characters, which that guard declares again as "safe", referred to 400 times: 40 MB."""
    if levels:
        names = "abcdefghij"[: levels + 1]
        entities = [f'<!ENTITY {names[0]} "{"a" * 10}">'] + [
            f'<!ENTITY {name} "{f"&{below};" * 10}">' for below, name in zip(names, names[1:])
        ]
        top, refs = names[-1], 4
    else:
        entities, top, refs = [f'<!ENTITY big "{"x" * 100_000}">'], "big", 400
    if levels:
        entities.insert(0, '<!ENTITY markup "<i>x</i>">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
        + "\n".join(entities)
        + '\n]>\n<rss version="2.0"><channel><title>Wire</title><item><title>Kharkiv</title>'
        + "<guid isPermaLink='false'>k-1</guid>"
        + f"<description>Shelling hit Kharkiv {f'&{top};' * refs} on Monday.</description></item></channel></rss>"
    ).encode()


def entity_text(levels: int) -> str:
    """The text of ``entity_feed(levels)``'s item, its entities not expanded."""
    refs = f"&{'abcdefghij'[levels]};" * 4 if levels else "&big;" * 400
    return f"Shelling hit Kharkiv {refs} on Monday."
