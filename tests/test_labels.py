"""How results are described in the browser's search: data, never markup, and never a list filled by one."""

from __future__ import annotations

from tui.labels import SNIPPET_CHARS, describe_hit


def test_a_snippet_of_one_enormous_word_is_cut_around_its_match():
    word = "Supercalifragilistic" * 200
    snippet = "the " + word + " and Kharkiv [b]bold[/b] after"
    at = snippet.index("Kharkiv")
    hit = {"kind": "article", "title": "T", "published": "2024-01-02", "snippet": snippet, "marks": [(at, at + 7)]}
    head, body = describe_hit(hit).plain.split("\n")
    assert len(body) <= SNIPPET_CHARS + 4 and "Kharkiv [b]bold[/b]" in body
    spans = [s for s in describe_hit(hit).spans if s.style == "bold reverse"]
    assert [describe_hit(hit).plain[s.start : s.end] for s in spans] == ["Kharkiv"]


def test_a_short_snippet_is_shown_whole():
    hit = {"kind": "article", "title": "T", "snippet": "shelling hit Kharkiv overnight", "marks": [(13, 20)]}
    assert describe_hit(hit).plain.endswith("  …shelling hit Kharkiv overnight…")
