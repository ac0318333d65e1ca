"""Where a host name leads, and whether that is the public internet.

A feed names the pages of its items, and a feed on the public internet must not send Sitrep to
this machine or the network it sits in (its router, a cloud's metadata service, an intranet):
``kind`` tells a loopback, link-local, private or otherwise non-public address from a public one.
``resolve`` is the one look-up of a host's addresses that is both checked and connected to.
"""

from __future__ import annotations

import ipaddress
import socket


def resolve(host: str, port: int) -> list[str]:
    """The addresses of ``host`` (an address given as such is its own), in the order to try them;
    OSError when the name cannot be resolved."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in found))


def kind(address: str) -> str | None:
    """What sort of non-public address ``address`` is ("a loopback address", ...); None when it is
    a public one."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:  # ::ffff:127.0.0.1 is 127.0.0.1
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global or ip.is_multicast:  # unspecified, reserved, shared (carrier NAT), multicast
        return "a non-public address"
    return None
