"""RSS, Atom and JSON feeds (feedparser): every item becomes an article."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time

import feedparser

from ..errors import InputError
from .html import html_fragment_to_text, parse_date


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


def _json_feed(data: bytes | str, origin: str) -> tuple[dict, list[dict]]:
    """A JSON Feed (jsonfeed.org 1.0/1.1), which feedparser 6 does not read."""
    try:
        obj = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError("E106", f"invalid JSON feed: {exc}", stage="parse") from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("items"), list):
        raise InputError("E106", "JSON without an items list is not a JSON feed", stage="parse")
    items = []
    for n, entry in enumerate(obj.get("items") or []):
        if not isinstance(entry, dict):
            continue
        html = entry.get("content_html") or ""
        text = entry.get("content_text") or ""
        body = html_fragment_to_text(html) if len(html) > len(text) else text
        body = body or str(entry.get("summary") or "")
        authors = entry.get("authors") or ([entry["author"]] if entry.get("author") else [])
        author = authors[0].get("name") if authors and isinstance(authors[0], dict) else None
        published = parse_date(str(entry.get("date_published") or entry.get("date_modified") or ""))
        ident = entry.get("id") or entry.get("url") or f"{origin}#{n}"
        items.append(
            {
                "n": n,
                "id": str(ident),
                "url": entry.get("url"),
                "title": entry.get("title"),
                "author": author,
                "published": published,
                "text": body,
                "source": obj.get("title"),
            }
        )
    return {"title": obj.get("title")}, items


def parse_feed(data: bytes | str, origin: str) -> tuple[dict, list[dict]]:
    """Feed metadata and item dicts with ``id, url, title, published, text, author``.

    Raises :class:`InputError` (E106) when nothing feed-like can be read.
    """
    if data.lstrip()[:1] in ("{", b"{"):
        return _json_feed(data, origin)
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            raise InputError("E106", f"{type(exc).__name__}: {exc}", stage="parse")
        if not parsed.get("version"):
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
