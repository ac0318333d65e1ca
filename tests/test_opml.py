"""OPML in and out (store/opml.py)."""

from __future__ import annotations

import pytest

from store.feeds import Feed
from store.opml import NotOpml, Outline, read_opml, write_opml

EXPORTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Agencies" title="Agencies">
      <outline type="rss" text="Example Wire" title="Example Wire" xmlUrl="https://wire.example/rss" category="/ua,/Europe/East"/>
      <outline text="Deeper">
        <outline type="rss" text="Kyiv Desk" xmlurl="https://kyiv.example/atom.xml"/>
      </outline>
    </outline>
    <outline type="rss" text="Loose" xmlUrl=" http://loose.example/feed "/>
    <outline text="Just a note, no feed"/>
  </body>
</opml>
"""


def test_feeds_tags_from_folders_and_categories():
    assert read_opml(EXPORTED) == [
        Outline("https://wire.example/rss", "Example Wire", ["Agencies", "ua", "Europe/East"]),
        Outline("https://kyiv.example/atom.xml", "Kyiv Desk", ["Agencies", "Deeper"]),
        Outline("http://loose.example/feed", "Loose", []),
    ]


def _feed(id, url, title, tags):
    return Feed(id, url, title, 1800, True, None, None, None, None, 0, None, "2024-01-01T00:00:00+00:00", None, tags)


def test_what_is_written_reads_back_the_same_and_stays_data():
    feeds = [
        _feed(1, "https://wire.example/rss?a=1&b=2", 'Wire <b>"quoted"</b> & [bold]co[/]', ["ua", "Europe/East"]),
        _feed(2, "https://kyiv.example/atom.xml", None, []),
        _feed(3, "https://bell.example/rss", "Bell\x07 and\x1b[31m escape", ["x"]),
    ]
    document = write_opml(feeds)
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert read_opml(document.encode("utf-8")) == [
        Outline("https://wire.example/rss?a=1&b=2", 'Wire <b>"quoted"</b> & [bold]co[/]', ["ua", "Europe/East"]),
        Outline("https://kyiv.example/atom.xml", "https://kyiv.example/atom.xml", []),
        Outline("https://bell.example/rss", "Bell and[31m escape", ["x"]),  # XML cannot hold control characters
    ]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<opml><body><outline", "broken XML"),
        (b"", "broken XML"),
        (b"<rss version='2.0'><channel/></rss>", "its root is <rss>"),
        (b"<opml version='2.0'><head/></opml>", "not <opml> with a <body>"),
    ],
)
def test_what_is_not_opml_is_refused_with_its_reason(data, reason):
    with pytest.raises(NotOpml, match=reason):
        read_opml(data)


def test_no_external_entity_is_ever_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<opml><body><outline text="&x;" xmlUrl="https://a.example/rss"/></body></opml>'
    ).encode()
    try:
        outlines = read_opml(data)
    except NotOpml:
        return
    assert all("SECRET" not in (o.title or "") for o in outlines)


def test_a_feed_password_stays_in_its_address_but_not_in_its_name():
    """The export is the feeds to follow elsewhere (so the address keeps what fetching needs);
    the name a reader shows for a feed without a title never carries the password."""
    document = write_opml([_feed(1, "https://analyst:s3cret@wire.example/rss", None, [])])
    assert read_opml(document.encode("utf-8")) == [
        Outline("https://analyst:s3cret@wire.example/rss", "https://analyst:***@wire.example/rss", [])
    ]
