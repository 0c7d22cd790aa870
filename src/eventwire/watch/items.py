"""Reading a watched feed (conditional GET, or a local file) and turning its items into
raw documents: the article page when it can be fetched, else the item's own content.

Fetching, HTML extraction and feed parsing are the ingestion layer's
(:func:`~eventwire.ingest.fetch.fetch_url`, :class:`~eventwire.ingest.readers.Reader`,
:func:`~eventwire.ingest.feeds.parse_feed`); this module only decides what to fetch, which
failures are worth a retry, and how an item is identified across polls.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from ..errors import InputError
from ..ingest.decode import decode_bytes
from ..ingest.document import RawDocument
from ..ingest.feeds import parse_feed
from ..ingest.fetch import fetch_url
from ..ingest.readers import Reader
from ..schema import Rejection
from ..settings import Settings
from .state import FeedState, NewItem, new_item

#: HTTP statuses worth retrying: the server may answer later.
_TRANSIENT_HTTP = re.compile(r"HTTP (408|425|429|5\d\d)\b")


@dataclass
class FeedFetch:
    """The answer to one poll: ``content`` is ``None`` when the feed has not changed."""

    content: bytes | None
    etag: str | None = None
    last_modified: str | None = None


def is_url(location: str) -> bool:
    """Whether a feed or link is an http(s) URL (else a feed is a local file)."""
    return location.lower().startswith(("http://", "https://"))


def fetch_feed(
    feed: FeedState, *, client: httpx.Client, settings: Settings, fetch_from_files: bool = True
) -> FeedFetch:
    """Fetch ``feed`` unless it has not changed since the last good poll.

    A URL is fetched with ``If-None-Match`` / ``If-Modified-Since`` from the stored
    validators (a 304 answer means unchanged). A local file's modification time and size play
    the part of the ETag. Raises :class:`InputError` on failure.
    """
    if is_url(feed.location):
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        got = fetch_url(
            feed.location,
            client=client,
            max_bytes=settings.fetch_max_bytes,
            allow_private=settings.allow_private_urls,
            headers=headers,
        )
        if got.status == 304:
            return FeedFetch(None, feed.etag, feed.last_modified)
        return FeedFetch(got.content, got.etag, got.last_modified)
    if not fetch_from_files:
        raise InputError("E112", feed.location)
    path = Path(feed.location)
    try:
        stat = path.stat()
        validator = f"file:{stat.st_mtime_ns}:{stat.st_size}"
        if validator == feed.etag:
            return FeedFetch(None, feed.etag)
        if stat.st_size > settings.max_bytes:
            raise InputError("E104", f"{stat.st_size:,} bytes > max_bytes {settings.max_bytes:,}")
        return FeedFetch(path.read_bytes(), validator)
    except FileNotFoundError as exc:
        raise InputError("E112", feed.location) from exc
    except OSError as exc:
        raise InputError("E108", f"{type(exc).__name__}: {exc.strerror or exc}") from exc


def _positional_id(item: dict[str, Any], origin: str) -> bool:
    """Whether :func:`parse_feed` made the item's id up from its position in the feed (no guid
    and no link): such an id changes as soon as a newer item is prepended."""
    n = item.get("n")
    made = hashlib.sha1(f"{origin}#{n}:{item.get('title')}".encode()).hexdigest()[:16]
    return item["id"] in (made, f"{origin}#{n}")


def item_key(item: dict[str, Any], origin: str) -> str:
    """Identity of a feed item across polls: its guid, else its link, else its content."""
    if item.get("url") or not _positional_id(item, origin):
        basis = "id:" + str(item["id"])
    else:
        basis = "content:" + (item.get("title") or "") + "\n" + (item.get("text") or "")
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def read_items(content: bytes, origin: str) -> list[NewItem]:
    """The items of a feed document, oldest first (feeds list the newest first).

    Raises :class:`InputError` (E106) when the content is not a feed.
    """
    try:
        _, items = parse_feed(content, origin)
    except InputError:
        raise
    except Exception as exc:  # feedparser can raise odd errors on hostile input
        raise InputError("E106", f"{type(exc).__name__}: {exc}", stage="parse") from exc
    out = []
    for item in reversed(items):
        data = dict(item)
        published = data.get("published")
        data["published"] = published.isoformat() if isinstance(published, dt.date) else None
        out.append(new_item(item_key(item, origin), item.get("url"), data))
    return out


def is_transient(err: InputError) -> bool:
    """Whether a fetch failure may go away: timeouts, connection errors, HTTP 5xx/429/408."""
    if isinstance(err.__cause__, httpx.TransportError):
        return True
    return err.code == "E109" and bool(_TRANSIENT_HTTP.match(err.detail))


def _meta(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "url": data.get("url"),
        "title": data.get("title"),
        "author": data.get("author"),
        "source": data.get("source"),
        "published": data.get("published"),
    }


def _first(results: Any) -> RawDocument | Rejection:
    for result in results:
        return result  # one JSON object gives exactly one document or rejection
    raise InputError("E101")


def page_document(
    link: str,
    data: dict[str, Any],
    origin: str,
    *,
    reader: Reader,
    client: httpx.Client,
    settings: Settings,
) -> RawDocument | Rejection:
    """The article at ``link``, with the feed item's metadata taking precedence.

    Raises :class:`InputError` when the page cannot be fetched; a page without article text
    (or of a type other than HTML or plain text) comes back as a :class:`Rejection`.
    """
    got = fetch_url(
        link,
        client=client,
        max_bytes=settings.fetch_max_bytes,
        allow_private=settings.allow_private_urls,
    )
    ctype = got.content_type
    if ctype and "html" not in ctype and "xml" not in ctype and ctype != "text/plain":
        return Rejection(document=origin, reason=f"page is {ctype}", code="E113")
    try:
        body = decode_bytes(got.content, got.charset)
    except InputError as err:
        return Rejection(document=origin, reason=str(err), code=err.code, stage="decode")
    field = "text" if ctype == "text/plain" else "html"
    obj = {field: body, **_meta(data), "url": got.url}
    return _first(reader.read_object(obj, origin, str(data["id"])))


def item_document(data: dict[str, Any], origin: str, *, reader: Reader) -> RawDocument | Rejection:
    """The feed item's own content (its title when it has no text) as a document."""
    text = data.get("text") or ""
    if not text.strip():
        text = data.get("title") or ""
    obj = {"text": text, **_meta(data)}
    return _first(reader.read_object(obj, origin, str(data["id"])))
