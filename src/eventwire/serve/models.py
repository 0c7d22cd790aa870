"""Request and response bodies of the API (the stored data uses the store's result models
and the record schema of :mod:`eventwire.schema`)."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..schema import DocumentRecord, Rejection

T = TypeVar("T")

URL_PATTERN = r"^https?://\S+$"
_Meta = Field(None, max_length=1000)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class DocumentIn(_In):
    """An article: its ``text``, its ``html`` page, or a ``url`` to fetch; plus metadata."""

    text: str | None = Field(None, min_length=1, description="plain text of the article")
    html: str | None = Field(None, min_length=1, description="HTML page of the article")
    url: str | None = Field(
        None, max_length=2000, pattern=URL_PATTERN, description="fetched when no text or html"
    )
    id: str | None = Field(None, min_length=1, max_length=300, description="your document id")
    source: str | None = _Meta
    title: str | None = _Meta
    author: str | None = _Meta
    published: dt.date | None = Field(None, description="publication date (YYYY-MM-DD)")

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        if self.text is not None and self.html is not None:
            raise ValueError("give either text or html, not both")
        if self.text is None and self.html is None and self.url is None:
            raise ValueError("give text, html or url")
        return self


class FeedIn(_In):
    """A feed to ingest: a ``url`` to fetch, or its ``content`` (RSS, Atom or JSON Feed)."""

    url: str | None = Field(None, max_length=2000, pattern=URL_PATTERN)
    content: str | None = Field(None, min_length=1, description="the feed document itself")

    @model_validator(mode="after")
    def _one_source(self) -> FeedIn:
        if (self.url is None) == (self.content is None):
            raise ValueError("give exactly one of url or content")
        return self


class SubmitResult(BaseModel):
    """What happened to one submitted article."""

    status: Literal["stored", "duplicate"]
    document_id: int = Field(description="database id (GET /documents/{document_id})")
    mentions: int = 0
    new_events: int = 0
    merged: int = 0
    record: DocumentRecord


class FeedItemResult(BaseModel):
    status: Literal["stored", "duplicate", "rejected"]
    origin: str
    document_id: int | None = None
    title: str | None = None
    new_events: int = 0
    rejection: Rejection | None = None


class FeedResult(BaseModel):
    """What happened to the items of a submitted feed."""

    items: list[FeedItemResult]
    stored: int
    duplicates: int
    rejected: int
    truncated: bool = Field(False, description="the feed had more items than max_feed_items")


class Page(BaseModel, Generic[T]):
    """One page of results."""

    items: list[T]
    limit: int
    offset: int
    total: int | None = Field(None, description="matches in all (events only)")


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    database: str
    pipeline_loaded: bool
    counts: dict[str, int]
