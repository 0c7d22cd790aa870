"""Fetching URLs (httpx): timeout, size cap, a proper user agent, private addresses refused."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..errors import InputError


@dataclass
class Fetched:
    url: str
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200


def is_private_host(host: str) -> bool:
    """Whether ``host`` resolves to a loopback, private, link-local or reserved address."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return False
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved:
            return True
    return False


def fetch_url(
    url: str,
    *,
    client: httpx.Client,
    max_bytes: int,
    allow_private: bool = False,
    headers: dict[str, str] | None = None,
) -> Fetched:
    """GET ``url`` with ``client``; raise :class:`InputError` (E109/E104) on failure."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError("E109", f"not an http(s) URL: {url}")
    if not allow_private and is_private_host(parts.hostname):
        raise InputError("E109", f"refusing private or loopback address {parts.hostname}")
    try:
        with client.stream("GET", url, headers=headers or {}, follow_redirects=True) as resp:
            if resp.status_code == 304:
                return Fetched(str(resp.url), b"", "", None, status=304)
            if resp.status_code >= 400:
                raise InputError("E109", f"HTTP {resp.status_code}")
            chunks = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError("E104", f"more than {max_bytes:,} bytes from {url}")
                chunks.append(chunk)
            ctype = resp.headers.get("content-type", "")
            return Fetched(
                url=str(resp.url),
                content=b"".join(chunks),
                content_type=ctype.split(";")[0].strip().lower(),
                charset=resp.charset_encoding,
                etag=resp.headers.get("etag"),
                last_modified=resp.headers.get("last-modified"),
                status=resp.status_code,
            )
    except httpx.HTTPError as exc:
        raise InputError("E109", f"{type(exc).__name__}: {exc}") from exc


def make_client(user_agent: str, timeout_s: float) -> httpx.Client:
    """The default HTTP client (the CLI builds it; the core takes it as a parameter)."""
    return httpx.Client(headers={"User-Agent": user_agent}, timeout=timeout_s)
