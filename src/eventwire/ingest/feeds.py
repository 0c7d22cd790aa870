"""RSS, Atom and JSON feeds (feedparser): every item becomes an article."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterator

import feedparser

from ..errors import InputError
from .html import html_fragment_to_text


def looks_like_feed(head: str) -> bool:
    """Whether the first characters of a document look like an RSS/Atom/RDF/JSON feed."""
    h = head.lstrip()[:2000].lower()
    if h.startswith("{"):
        return "jsonfeed.org" in h
    return any(tag in h for tag in ("<rss", "<feed", "<rdf:rdf", "<channel"))


def _date(entry: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _content(entry: dict) -> str:
    """Item text: full content when present, else the summary (HTML converted to text)."""
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    raw = best if len(best) >= len(summary) else summary
    return html_fragment_to_text(raw)


def parse_feed(data: bytes | str, origin: str) -> tuple[dict, list[dict]]:
    """Feed metadata and item dicts with ``id, url, title, published, text, author``.

    Raises :class:`InputError` (E106) when nothing feed-like can be read.
    """
    if (isinstance(data, bytes) and data.lstrip()[:1] == b"{") or (
        isinstance(data, str) and data.lstrip()[:1] == "{"
    ):
        try:
            json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError("E106", f"invalid JSON feed: {exc}", stage="parse") from exc
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            raise InputError("E106", f"{type(exc).__name__}: {exc}", stage="parse")
        if not parsed.get("version") and not parsed.get("feed"):
            raise InputError("E106", "not an RSS, Atom or JSON feed", stage="parse")
    meta = parsed.get("feed") or {}
    items = []
    for n, entry in enumerate(entries):
        link = entry.get("link")
        ident = (
            entry.get("id")
            or link
            or hashlib.sha1(f"{origin}#{n}:{entry.get('title')}".encode()).hexdigest()[:16]
        )
        items.append(
            {
                "n": n,
                "id": str(ident),
                "url": link,
                "title": entry.get("title"),
                "author": entry.get("author"),
                "published": _date(entry),
                "text": _content(entry),
                "source": meta.get("title"),
            }
        )
    return meta, items


def iter_feed_items(data: bytes | str, origin: str) -> Iterator[dict]:
    _, items = parse_feed(data, origin)
    yield from items
