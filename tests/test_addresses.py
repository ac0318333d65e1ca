"""Which addresses are the public internet (store/addresses.py)."""

from __future__ import annotations

import pytest

from store.addresses import kind, resolve


@pytest.mark.parametrize(
    "address, what",
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("10.1.2.3", "a private address"),
        ("192.168.1.1", "a private address"),
        ("fd00::1", "a private address"),
        ("0.0.0.0", "a private address"),
        ("100.64.0.1", "a non-public address"),
        ("224.0.0.251", "a non-public address"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_kinds_of_address(address, what):
    assert kind(address) == what


def test_an_address_in_any_spelling_resolves_to_itself():
    assert resolve("127.0.0.1", 80) == ["127.0.0.1"]
    assert resolve("2130706433", 80) == ["127.0.0.1"]  # the system's reading of a number as an address
