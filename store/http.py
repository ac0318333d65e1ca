"""Polite HTTP GET for feeds and the pages they link to (httpx).

- One request at a time per origin (scheme, host and port: ``store.urls.origin_of``; servers on
  two ports of one host are two servers), with ``Politeness.pause`` seconds between two requests
  to it; ``by_origin`` runs work for many URLs, one origin's after another and different ones side
  by side.
- Conditional GET: the stored ETag and Last-Modified go out as If-None-Match and
  If-Modified-Since, so an unchanged feed costs a 304 and no body (one that is no printable ASCII
  is not sent: the whole answer then brings new ones).
- Redirects are followed by hand: at most ``max_redirects``, a loop caught at its first repeat
  (and a Location that is no address a failure); a chain of permanent ones (301, 308) names the
  URL to remember.
- 429 and 503 honour Retry-After (seconds or a date): a short wait is waited and the request
  tried again (doubling from ``backoff`` when the server named no time); a long one fails at once,
  holds its origin for the rest of the run and tells the caller how long it asked for
  (``FetchError.retry_after``, also of the requests to that origin not made meanwhile).
- Timeouts to connect and for each read, a limit on a whole answer's time and on its size (the
  size after decompression), and a User-Agent that says who is asking.
- The page of an item is fetched from the addresses its host has when looked up once, and with
  ``only_public`` only when every one of them is public (``store.addresses``): the connection
  goes to an address that was checked, so a name that answers differently a moment later (DNS
  rebinding) gains nothing. Through a proxy the proxy connects by name; the check stands.

Every failure is a ``FetchError`` whose text is one line for the user.
"""

from __future__ import annotations

import email.utils
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from importlib import metadata
from typing import TYPE_CHECKING, NamedTuple, TypeVar
from urllib.parse import urljoin, urlsplit
from urllib.request import getproxies, proxy_bypass

from store import addresses
from store.readers import MAX_ARTICLE_BYTES, MAX_FEED_BYTES
from store.urls import masked, origin_of

try:
    _VERSION = metadata.version("sitrep")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    _VERSION = "dev"
if TYPE_CHECKING:
    import httpx

USER_AGENT = f"Sitrep/{_VERSION} (terminal situation browser; feed reader)"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}


@dataclass(frozen=True)
class Politeness:
    pause: float = 1.0  # seconds between two requests to one origin
    timeout: float = 20.0  # to connect, and for each read
    total: float = 60.0  # for a whole answer, however slowly it trickles in
    max_redirects: int = 5
    retries: int = 2  # tries again after a 429 or 503, within one run
    max_wait: float = 30.0  # the longest Retry-After waited for within one run
    backoff: float = 2.0  # the first wait after a 429 or 503 without Retry-After
    feed_bytes: int = MAX_FEED_BYTES  # the largest feed read
    page_bytes: int = MAX_ARTICLE_BYTES  # the largest linked page read for its full text


@dataclass
class Answer:
    url: str  # where the answer came from, after redirects
    status: int  # 2xx or 304
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None  # where a chain of permanent redirects from the asked URL ends


class FetchError(Exception):
    """A request that brought no usable answer; ``str(error)`` is one line for the user."""

    def __init__(
        self, reason: str, *, status: int | None = None, retry_after: float | None = None, deferred: bool = False
    ):
        super().__init__(reason)
        self.status = status
        self.retry_after = retry_after
        self.deferred = deferred  # no request was made: the origin had asked to be left alone


class NotPublic(FetchError):
    """An item's page on an address that is not on the public internet; nothing was asked."""


class _Busy(Exception):
    """A 429 or 503: the origin asks us to come back later."""

    def __init__(self, status: int, origin: str, retry_after: float | None):
        self.status, self.origin, self.retry_after = status, origin, retry_after


class _Redirect(NamedTuple):
    location: str
    status: int


@dataclass
class _Gate:
    lock: threading.Lock
    ready_at: float = float("-inf")  # no request to this origin starts before this clock time


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def duration(seconds: float) -> str:
    """A wait as a person reads it: "45 s", "12 min", "3 h", "2 days", "more than a year"."""
    for limit, unit, name in ((120, 1, "s"), (7200, 60, "min"), (172800, 3600, "h"), (2 * 31536000, 86400, "days")):
        if seconds < limit:
            return f"{seconds / unit:.0f} {name}"
    return "more than a year"


def _size(n: float) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date; None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _sendable(validator: object) -> bool:
    """Whether a stored ETag or Last-Modified can go out as a header: one that is no printable
    ASCII (a server sent it in other bytes, or it was written by hand) is not sent, and the answer,
    a whole one, brings new validators."""
    return isinstance(validator, str) and validator.isascii() and validator.isprintable() and validator != ""


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return re.sub(r"^\[Errno -?\d+\] ", "", text)


class Fetcher:
    """GETs that keep to ``Politeness``; safe to share between threads. ``clock`` and ``sleep``
    time the pauses and waits, ``resolve`` looks up a host's addresses (tests pass their own, so
    no test waits for real or needs a public host)."""

    def __init__(
        self,
        politeness: Politeness = Politeness(),
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        resolve: Callable[[str, int], list[str]] = addresses.resolve,
    ):
        # httpx is imported here, not with this module: `import httpx` also loads its command-line
        # client's packages (rich, click, pygments) when they are installed, and importing the
        # store must not pull in rich (tests/test_import_hygiene.py)
        import httpx

        self.politeness = politeness
        self._clock, self._sleep, self._resolve = clock, sleep, resolve
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=False, timeout=httpx.Timeout(politeness.timeout)
        )
        self._gates: dict[str, _Gate] = {}
        self._gates_lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        max_bytes: int,
        accept: str = FEED_ACCEPT,
        etag: str | None = None,
        last_modified: str | None = None,
        only_public: bool | None = None,
    ) -> Answer:
        """The answer at ``url`` (200 or 304), or FetchError. A feed (``only_public`` None) is
        asked by name; a page is asked at the addresses its host was looked up to have, and with
        ``only_public`` (at every redirect too) only when they are all public, else NotPublic."""
        headers = {"Accept": accept}
        for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
            if _sendable(value):
                headers[name] = value
        manners, attempt = self.politeness, 0
        while True:
            try:
                return self._follow(url, headers, max_bytes, only_public)
            except _Busy as busy:
                wait = busy.retry_after if busy.retry_after is not None else manners.backoff * 2**attempt
                gate = self._gate(busy.origin)
                with gate.lock:  # for every request to that origin
                    gate.ready_at = max(gate.ready_at, self._clock() + wait)
                if attempt == manners.retries or wait > manners.max_wait:
                    phrase = HTTPStatus(busy.status).phrase
                    asked = f" (asked to come back in {duration(wait)})" if busy.retry_after is not None else ""
                    raise FetchError(
                        f"HTTP {busy.status} {phrase}{asked}", status=busy.status, retry_after=busy.retry_after
                    ) from None
                attempt += 1

    def hold(self, url: str, seconds: float) -> None:
        """No request to ``url``'s origin for ``seconds`` (a wait its server asked for before this
        Fetcher was made): one that would wait longer than ``max_wait`` is not made (deferred)."""
        if seconds > 0:
            gate = self._gate(origin_of(url))
            with gate.lock:
                gate.ready_at = max(gate.ready_at, self._clock() + seconds)

    def _gate(self, origin: str) -> _Gate:
        with self._gates_lock:
            return self._gates.setdefault(origin, _Gate(threading.Lock()))

    @contextmanager
    def _turn(self, origin: str) -> Iterator[None]:
        """This origin to ourselves, once its pause (or the wait it asked for) is over."""
        gate = self._gate(origin)
        with gate.lock:
            wait = gate.ready_at - self._clock()
            if wait > self.politeness.max_wait:
                raise FetchError(
                    f"not asked: {origin} asked to be left alone",  # (for how long: retry_after)
                    retry_after=wait,
                    deferred=True,
                )
            if wait > 0:
                self._sleep(wait)
            try:
                yield
            finally:
                gate.ready_at = max(gate.ready_at, self._clock() + self.politeness.pause)

    def _follow(self, url: str, headers: dict[str, str], max_bytes: int, only_public: bool | None) -> Answer:
        seen = {url}
        current, moved_to, still_moving = url, None, True
        for _ in range(self.politeness.max_redirects + 1):
            origin = origin_of(current)
            # looked up (and refused) before the origin's turn: a page not asked costs it no pause
            targets = [None] if only_public is None else self._addresses(current, only_public)
            with self._turn(origin):
                answer = self._one(current, origin, headers, max_bytes, targets)
            if isinstance(answer, Answer):
                answer.moved_to = moved_to
                return answer
            try:
                target = urljoin(current, answer.location)
                scheme = urlsplit(target).scheme.lower()
            except ValueError:  # "http://[x/": no address
                raise FetchError(f"redirected to an invalid address ({masked(answer.location)[:200]})") from None
            if scheme not in ("http", "https"):
                raise FetchError(f"redirected to a non-HTTP address ({masked(target)[:200]})")
            if target in seen:
                raise FetchError(f"redirect loop (back to {masked(target)[:200]})")
            seen.add(target)
            still_moving = still_moving and answer.status in _PERMANENT
            if still_moving:
                moved_to = target
            current = target
        raise FetchError(f"more than {self.politeness.max_redirects} redirects")

    def _one(
        self, url: str, origin: str, headers: dict[str, str], max_bytes: int, targets: list[str | None]
    ) -> Answer | _Redirect:
        """One request and its answer, at each of ``targets`` in turn while the connection is
        refused (None: by name)."""
        import httpx

        try:
            for tried, address in enumerate(targets, start=1):
                try:
                    with self._stream(url, address, headers) as response:
                        return self._answer(url, origin, response, max_bytes)
                except httpx.ConnectError:
                    if tried == len(targets):
                        raise
        except httpx.TimeoutException:
            raise FetchError(f"no answer within {self.politeness.timeout:g} s") from None
        except httpx.ConnectError as error:
            raise FetchError(f"cannot connect ({_reason(error)})") from None
        except httpx.HTTPError as error:
            raise FetchError(f"broken answer ({_reason(error)})") from None
        except httpx.InvalidURL as error:
            raise FetchError(f"invalid address ({_reason(error)})") from None

    def _addresses(self, url: str, only_public: bool) -> list[str | None]:
        """Where to connect for ``url``: its host's addresses, looked up once (and with
        ``only_public`` all of them public); by name (None) through a proxy, which connects itself."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            found = self._resolve(host, parts.port or (443 if parts.scheme.lower() == "https" else 80))
        except ValueError as error:  # a port that is no number
            raise FetchError(f"invalid address ({_reason(error)})") from None
        except (OSError, UnicodeError) as error:
            raise FetchError(f"cannot connect ({_reason(error)})") from None
        if not found:
            raise FetchError(f"cannot connect ({host} has no address)")
        for address in found if only_public else ():
            what = addresses.kind(address)
            if what:
                named = "" if address == host else f" ({address})"
                raise NotPublic(f"{host} is {what}{named}, and item pages are fetched from one only for a feed on one")
        proxies = getproxies()
        if (proxies.get(parts.scheme.lower()) or proxies.get("all")) and not proxy_bypass(host):
            return [None]
        return found

    def _stream(self, url: str, address: str | None, headers: dict[str, str]):
        """A streamed GET of ``url`` by name, or at ``address`` (the Host header and the name the
        TLS certificate must carry stay the URL's; the connection is not kept for another request,
        which could be for another name at the same address, whose certificate was never checked)."""
        if address is None:
            return self._client.stream("GET", url, headers=headers)
        import httpx

        target = httpx.URL(url)
        return self._client.stream(
            "GET",
            target.copy_with(host=address),
            headers={**headers, "Host": target.netloc.decode("ascii"), "Connection": "close"},
            extensions={"sni_hostname": target.raw_host.decode("ascii")},
        )

    def _answer(self, url: str, origin: str, response: httpx.Response, max_bytes: int) -> Answer | _Redirect:
        status = response.status_code
        if status in _REDIRECTS and "location" in response.headers:
            return _Redirect(response.headers["location"], status)
        if status in (429, 503):
            raise _Busy(status, origin, _retry_after(response.headers.get("retry-after")))
        if status != 304 and not 200 <= status < 300:
            raise FetchError(f"HTTP {status} {response.reason_phrase}".rstrip(), status=status)
        return Answer(
            url=url,
            status=status,
            body=b"" if status == 304 else self._read(response, max_bytes),
            content_type=response.headers.get("content-type", ""),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def on_public_address(self, url: str) -> bool:
        """Whether every address of ``url``'s host is public (a name that cannot be looked up
        counts as public: it gives its items' pages no leave to be local)."""
        parts = urlsplit(url)
        try:
            found = self._resolve(parts.hostname or "", parts.port or 80)
        except (OSError, UnicodeError, ValueError):
            return True
        return not any(addresses.kind(address) for address in found)

    def _read(self, response: httpx.Response, max_bytes: int) -> bytes:
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"answer of {_size(int(length))} is over the {_size(max_bytes)} limit")
        deadline = time.monotonic() + self.politeness.total
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"answer larger than the {_size(max_bytes)} limit")
            if time.monotonic() > deadline:
                raise FetchError(f"answer not complete after {self.politeness.total:g} s")
            chunks.append(chunk)
        return b"".join(chunks)


T = TypeVar("T")
R = TypeVar("R")


def by_origin(
    work: Callable[[T], R], items: list[T], url_of: Callable[[T], str], threads: int = 8
) -> Iterator[tuple[T, R]]:
    """``(item, work(item))`` for every item as each is done: the items of one origin one after
    another, different origins side by side in up to ``threads`` threads. The threads are daemons,
    so an interrupt never waits for a slow server; they never touch the store."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(origin_of(url_of(item)), []).append(item)
    todo: queue.SimpleQueue[list[T]] = queue.SimpleQueue()
    for group in groups.values():
        todo.put(group)
    done: queue.SimpleQueue = queue.SimpleQueue()

    def run() -> None:
        while True:
            try:
                group = todo.get_nowait()
            except queue.Empty:
                return
            for item in group:
                try:
                    done.put((item, work(item), None))
                except Exception as error:  # handed to the caller, never lost with the thread
                    done.put((item, None, error))

    for _ in range(min(threads, len(groups))):
        threading.Thread(target=run, daemon=True, name="sitrep-fetch").start()
    for _ in range(len(items)):
        item, result, error = done.get()
        if error is not None:
            raise error
        yield item, result
