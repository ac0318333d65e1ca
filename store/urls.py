"""Feed addresses: the one form a feed is kept under, and the form it is shown in.

Two addresses that differ only in the case of their scheme or host, in a default port (``:80``
for http, ``:443`` for https), in a ``#fragment`` (never sent to a server) or in an empty path
against ``/`` name the same feed; ``normalise`` gives them one form. A password in an address
(``http://user:secret@host/feed``) is used to fetch but never shown: ``masked`` writes it ``***``.
``origin_of`` names the server an address is on (its scheme, host and port), to which Sitrep is polite.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise(url: str) -> str:
    """``url`` with its scheme and host in lower case, without a default port or a fragment, and
    with ``/`` for an empty path; the user, path and query as given. ValueError for a bad port."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    port = parts.port
    userinfo, at, _ = parts.netloc.rpartition("@")
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host += f":{port}"
    return urlunsplit((scheme, f"{userinfo}{at}{host}", parts.path or "/", parts.query, ""))


def same_form(url: str) -> str:
    """``normalise(url)``, or ``url`` as it is when it cannot be read (a store written before
    addresses were checked for their port may hold one)."""
    try:
        return normalise(url)
    except ValueError:
        return url


def origin_of(url: str) -> str:
    """Who is asked, for politeness: the scheme, host and port of ``url`` in ``normalise``'s form
    (``https://wire.example``, ``http://127.0.0.1:8001``). Two ports of one host are two servers:
    one asking to be left alone puts off no other. An address that cannot be read (a port that is
    no number, a broken [IPv6] host) is its own: no request goes out to it."""
    try:
        parts = urlsplit(normalise(url))
    except ValueError:
        return url
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def masked(url: str) -> str:
    """``url`` with the password it carries, if any, shown as ``***`` (``http://user:***@host/``)."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url
    if password is None:
        return url
    userinfo, _, hostport = parts.netloc.rpartition("@")
    return url.replace(parts.netloc, f"{userinfo.partition(':')[0]}:***@{hostport}", 1)
