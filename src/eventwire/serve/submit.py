"""Submissions: an article or a feed in, extracted and stored records out.

Reading reuses :class:`eventwire.ingest.readers.Reader` (with the SSRF-safe HTTP client of
:mod:`.fetching`), extraction the app's single :class:`~eventwire.nlp.Pipeline`, storage the
store's :class:`~eventwire.store.StoreWriter` (which deduplicates by URL and text).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice

import httpx

from ..ingest import RawDocument
from ..ingest.readers import Reader
from ..schema import DocumentRecord, Rejection
from ..store import get_document
from .errors import ApiError
from .models import DocumentIn, FeedIn, FeedItemResult, FeedResult, SubmitResult
from .state import AppState

log = logging.getLogger(__name__)

Item = RawDocument | Rejection


def _reader(state: AppState, client) -> Reader:  # type: ignore[no-untyped-def]
    settings = state.settings.replace(allow_private_urls=state.config.allow_private_urls)
    return Reader(settings, client=client)


def _reject(rej: Rejection) -> ApiError:
    return ApiError(422, rej.reason, rej.code, details=[{"document": rej.document}])


@contextmanager
def _url_errors() -> Iterator[None]:
    """httpx refuses some URLs (control characters, invalid IDNA host) before any request."""
    try:
        yield
    except httpx.InvalidURL as exc:
        raise ApiError(422, f"[E109] invalid URL: {exc}", "E109") from exc


def _stored(state: AppState, document_id: int) -> DocumentRecord:
    with state.store.read() as conn:
        record = get_document(conn, document_id)
    if record is None:  # deleted between the check and the read
        raise ApiError(409, f"document {document_id} vanished while reading it")
    return record


def _read_document(state: AppState, body: DocumentIn) -> RawDocument:
    with state.client_factory() as client, _url_errors():
        reader = _reader(state, client)
        if body.text is not None or body.html is not None:
            obj = body.model_dump(mode="json", exclude_none=True)
            basis = body.text or body.html or ""
            ident = body.id or "api-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]
            items = list(islice(reader.read_object(obj, "POST /documents", ident), 2))
        else:
            items = list(islice(reader.read_url(str(body.url)), 2))
    if not items:
        raise ApiError(422, "nothing to extract", "E101")
    if len(items) > 1:
        raise ApiError(422, "the URL is a feed with several items: submit it to POST /feeds")
    item = items[0]
    if isinstance(item, Rejection):
        raise _reject(item)
    if body.url is not None and body.text is None and body.html is None:
        for name in ("id", "source", "title", "author", "published"):
            value = getattr(body, name)
            if value is not None:
                setattr(item, name, value)
    return item


def submit_document(state: AppState, body: DocumentIn) -> SubmitResult:
    """Read, extract and store one article; an article already stored is returned as is."""
    raw = _read_document(state, body)
    with state.store.read() as conn:
        existing = state.writer.find_document(conn, raw.url, raw.text)
    if existing is not None:
        return SubmitResult(
            status="duplicate", document_id=existing, record=_stored(state, existing)
        )
    with state.pipelines.use() as pipeline:
        result = pipeline.process_one(raw)
    if isinstance(result, Rejection):
        raise _reject(result)
    done = state.writer.add(result)
    record = result if done.status == "stored" else _stored(state, done.document_id)
    return SubmitResult(
        status=done.status,
        document_id=done.document_id,
        mentions=done.mentions,
        new_events=done.new_events,
        merged=done.merged,
        record=record,
    )


def _feed_items(state: AppState, body: FeedIn) -> tuple[list[Item], bool]:
    limit = state.config.max_feed_items
    with state.client_factory() as client, _url_errors():
        reader = _reader(state, client)
        if body.content is not None:
            stream = reader.read_feed(body.content, "POST /feeds")
        else:
            stream = reader.read_url(str(body.url))
        items = list(islice(stream, limit + 1))
    return items[:limit], len(items) > limit


def submit_feed(state: AppState, body: FeedIn) -> FeedResult:
    """Read a feed, then extract and store each of its new items."""
    items, truncated = _feed_items(state, body)
    if len(items) == 1 and isinstance(items[0], Rejection) and items[0].code in ("E106", "E109"):
        raise _reject(items[0])
    out: list[FeedItemResult] = []
    fresh: list[RawDocument] = []
    for item in items:
        if isinstance(item, Rejection):
            out.append(FeedItemResult(status="rejected", origin=item.document, rejection=item))
            continue
        with state.store.read() as conn:
            existing = state.writer.find_document(conn, item.url, item.text)
        if existing is not None:
            out.append(
                FeedItemResult(
                    status="duplicate", origin=item.origin, document_id=existing, title=item.title
                )
            )
        else:
            fresh.append(item)
    if fresh:
        with state.pipelines.use() as pipeline:
            results = list(pipeline.process(fresh))
        for raw, result in zip(fresh, results, strict=True):
            if isinstance(result, Rejection):
                out.append(FeedItemResult(status="rejected", origin=raw.origin, rejection=result))
                continue
            done = state.writer.add(result)
            out.append(
                FeedItemResult(
                    status=done.status,
                    origin=raw.origin,
                    document_id=done.document_id,
                    title=raw.title,
                    new_events=done.new_events,
                )
            )
    return FeedResult(
        items=out,
        stored=sum(r.status == "stored" for r in out),
        duplicates=sum(r.status == "duplicate" for r in out),
        rejected=sum(r.status == "rejected" for r in out),
        truncated=truncated,
    )
