"""SSRF-safe URL fetching for the service, built on :mod:`eventwire.ingest.fetch`.

``fetch_url`` refuses a private first host; the client made here also checks every request it
sends, so a redirect to a private or loopback address is refused too. Addresses count as
private unless they are globally routable (loopback, RFC 1918, link-local, CGNAT, multicast,
reserved, unspecified, IPv4-mapped forms of those).
"""

from __future__ import annotations

import ipaddress
import socket

import httpx

from ..errors import InputError
from ..settings import Settings

MAX_REDIRECTS = 5


def host_is_public(host: str) -> bool:
    """Whether every address ``host`` resolves to is globally routable (unresolvable: False)."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError, OSError):
        return False
    if not infos:
        return False
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
            addr = addr.ipv4_mapped
        if not addr.is_global or addr.is_multicast:
            return False
    return True


def _guard(request: httpx.Request) -> None:
    host = request.url.host
    if not host_is_public(host):
        raise InputError("E109", f"refusing private, loopback or unresolvable address {host}")


def make_safe_client(settings: Settings, *, allow_private: bool) -> httpx.Client:
    """An HTTP client for fetching user-given URLs; it refuses private hosts on every hop
    unless ``allow_private``."""
    hooks = {} if allow_private else {"request": [_guard]}
    return httpx.Client(
        headers={"User-Agent": settings.user_agent},
        timeout=settings.fetch_timeout_s,
        max_redirects=MAX_REDIRECTS,
        event_hooks=hooks,
    )
