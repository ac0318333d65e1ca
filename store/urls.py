"""Feed addresses as they are shown. A password in an address (``http://user:secret@host/feed``)
is used to fetch but never shown: ``masked`` writes it ``***``.
"""

from __future__ import annotations

from urllib.parse import urlsplit


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
