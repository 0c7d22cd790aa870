"""What the query API returns: Pydantic models (JSON-ready for the CLI and a web API)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..schema import Event, PlaceRef


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Participant(_Result):
    """The first source or target actor of an event, as stored."""

    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None


class DocumentRef(_Result):
    """The article a mention or a quote comes from."""

    id: int = Field(description="database id (use with get_document)")
    doc_id: str = Field(description="the record's own id")
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None


class StoredMention(_Result):
    """One coded event as reported in one sentence of one article."""

    id: int
    document: DocumentRef
    sentence: int
    trigger: str
    trigger_span: tuple[int, int]
    excerpt: str = Field(description="the sentence around the trigger (approximate bounds)")
    confidence: float
    event: Event = Field(description="the event exactly as extracted from this article")


class StoredEvent(_Result):
    """A deduplicated event with its GDELT-style counts."""

    id: int
    type: str = Field(description="dedup type key: P:<PLOVER type> or C:<CAMEO root>")
    plover_type: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: Participant
    target: Participant
    date: str | None = None
    date_precision: str | None = None
    location: PlaceRef | None = None
    historical: bool = False
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    num_mentions: int
    num_sources: int
    num_articles: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    is_root: bool = False
    avg_tone: float | None = None
    confidence: float
    mentions: list[StoredMention] | None = Field(
        None, description="filled by get_event, or search_events(with_mentions=True)"
    )

    def flat(self) -> dict[str, Any]:
        """One flat row (for tables, CSV and Parquet)."""
        loc = self.location
        return {
            "id": self.id,
            "date": self.date,
            "date_precision": self.date_precision,
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source_name": self.source.name,
            "source_country": self.source.country,
            "source_sector": self.source.sector,
            "source_code": self.source.code,
            "target_name": self.target.name,
            "target_country": self.target.country,
            "target_sector": self.target.sector,
            "target_code": self.target.code,
            "location": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None,
            "geonameid": loc.geonameid if loc else None,
            "historical": self.historical,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "num_mentions": self.num_mentions,
            "num_sources": self.num_sources,
            "num_articles": self.num_articles,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "avg_tone": self.avg_tone,
            "confidence": self.confidence,
        }


class ActorSummary(_Result):
    """An actor across the database: every stored actor with the same name key and coding."""

    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    documents: int = Field(description="articles naming the actor")
    first_published: dt.date | None = None
    last_published: dt.date | None = None


class StoredQuote(_Result):
    """A quote with its article."""

    id: int
    text: str
    speaker: str | None = None
    kind: str
    medium: str | None = None
    date: str | None = None
    confidence: float
    document: DocumentRef


class DocumentSummary(_Result):
    """An article without its text and extractions (see get_document for those)."""

    document: DocumentRef
    events: int
    quotes: int
