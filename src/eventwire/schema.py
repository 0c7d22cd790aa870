"""The eventwire document record: one versioned Pydantic schema shared by CLI, storage and API.

Every span is ``[start, end)`` in Python character offsets (code points) into the record's
``text`` exactly as it is carried in the record. Field names follow the evaluation format in
``shared/eval/README.md`` (``events[].plover.type``, ``events[].cameo``, ``quotes[].span`` …).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"  # 1.1: Place.form

Span = Annotated[tuple[int, int], Field(description="[start, end) character offsets into `text`")]
Confidence = Annotated[float, Field(ge=0.0, le=1.0, description="confidence in [0, 1]")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Mention(_Model):
    """One place in the text where an actor is named or referred to."""

    text: str
    span: Span
    sentence: int = Field(description="index of the sentence (0-based) holding the mention")
    kind: Literal["name", "surname", "title", "abbreviation", "handle", "pronoun", "phrase"] = (
        "name"
    )


class Actor(_Model):
    """A person, organization, country or group, with all its mentions in the document."""

    id: str = Field(description="document-local id, e.g. 'A1'")
    name: str = Field(description="canonical (longest proper) name")
    type: Literal["PERSON", "ORG", "GPE", "NORP", "GROUP"] = "PERSON"
    country: str | None = Field(None, description="ISO 3166-1 alpha-3, e.g. USA")
    sector: str | None = Field(None, description="PLOVER sector code, e.g. GOV, MIL")
    code: str | None = Field(None, description="CAMEO-style code, e.g. USAGOV")
    title: str | None = Field(None, description="title or role given by the text")
    handle: str | None = Field(None, description="social-media handle, e.g. @SecPompeo")
    mentions: list[Mention] = Field(default_factory=list)
    confidence: Confidence = 1.0
    rule: str | None = Field(None, description="which source or rule set the attributes")


class ActorRef(_Model):
    """An actor as a participant of an event (a source or a target)."""

    actor_id: str | None = None
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    span: Span | None = None


class Trigger(_Model):
    text: str
    span: Span
    lemma: str | None = None


class Plover(_Model):
    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)


class PlaceRef(_Model):
    """A compact reference to a resolved place (used as an event's location)."""

    place_id: str | None = None
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    span: Span | None = None


class Event(_Model):
    """A coded event as reported in one sentence of the document."""

    id: str
    cameo: str | None = Field(None, description="CAMEO code, e.g. '042'")
    cameo_name: str | None = None
    goldstein: float | None = None
    quad_class: int | None = Field(None, ge=1, le=4)
    plover: Plover | None = None
    source: list[ActorRef] = Field(default_factory=list)
    target: list[ActorRef] = Field(default_factory=list)
    trigger: Trigger
    sentence: int
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    date: str | None = Field(None, description="ISO day, week (2020-W01), month or year")
    date_text: str | None = None
    date_source: Literal["text", "published"] | None = None
    location: PlaceRef | None = None
    location_source: Literal["sentence", "dateline", "document"] | None = None
    quote_id: str | None = None
    rule: str | None = Field(None, description="lexicon entry or rule that fired")
    confidence: Confidence = 0.5


class Quote(_Model):
    id: str
    text: str
    span: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_actor_id: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    kind: Literal["direct", "indirect", "mixed"] = "direct"
    medium: str | None = Field(None, description="tweet, statement, speech, interview …")
    date: str | None = Field(None, description="date given with the quote (e.g. a tweet's)")
    sentence: int | None = None
    confidence: Confidence = 0.5


class TimeExpr(_Model):
    id: str
    text: str
    span: Span
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str = Field(description="TimeML value, e.g. 2020-01-03, 2020-W01, P3D, XXXX-WXX-1")
    sentence: int | None = None
    anchor: Literal["absolute", "published", "narrative", "unresolved"] = "absolute"
    confidence: Confidence = 0.5


class Place(_Model):
    id: str
    text: str
    span: Span
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    admin1: str | None = None
    feature: str | None = Field(None, description="GeoNames feature code, e.g. PPLC, PCLI, ADM1")
    sentence: int | None = None
    confidence: Confidence = 0.5
    form: Literal["name", "demonym"] = Field(
        "name",
        description="how the text refers to the place: its name, or a demonym standing for "
        "its country ('Russian officials')",
    )


class Tone(_Model):
    """Document tone in GDELT's AvgTone spirit (percentages of words)."""

    tone: float = Field(description="positive minus negative")
    positive: float
    negative: float
    polarity: float = Field(description="positive plus negative")
    words: int


class DocumentRecord(_Model):
    """One article and everything eventwire found in it."""

    schema_version: str = SCHEMA_VERSION
    id: str
    url: str | None = None
    source: str | None = Field(None, description="outlet or site name")
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    language: str | None = None
    text: str
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    tone: Tone | None = None
    origin: str | None = Field(None, description="where the input came from (path, URL, item)")
    model: str | None = Field(None, description="spaCy pipeline used")


class Rejection(_Model):
    """A document that could not be processed, with a reason (written to --errors)."""

    document: str = Field(description="name of the document: path, URL, path:line or feed item")
    reason: str
    code: str = Field(description="stable error code, e.g. E101")
    stage: Literal["read", "decode", "parse", "language", "nlp", "extract"] = "read"
    language: str | None = None


def json_schema() -> dict:
    """The JSON Schema of :class:`DocumentRecord`."""
    return DocumentRecord.model_json_schema()
