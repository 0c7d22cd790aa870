"""The raw document handed from ingestion to the NLP pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """An article as read: its text (already extracted from HTML or a feed) and metadata.

    ``origin`` names the document in error messages (path, ``path:line``, URL, ``feed#item``).
    """

    id: str
    text: str
    origin: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    language: str | None = None
    extras: dict = field(default_factory=dict)
