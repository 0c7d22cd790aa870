"""The query API: filter objects in, Pydantic results out.

Every function takes an open SQLAlchemy :class:`~sqlalchemy.Connection` (from
``Store.read()``) and a filter; nothing here opens or closes databases, so a CLI, a FastAPI
service or a notebook can share it.

    with open_store("eventwire.db").read() as conn:
        for ev in search_events(conn, EventFilter(country="IRQ", type="ASSAULT")):
            ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ColumnElement, Connection, and_, exists, func, or_, select, true

from ..schema import Actor, DocumentRecord, Event, Place, PlaceRef, Quote, TimeExpr, Tone
from . import fulltext
from .keys import name_key
from .results import (
    ActorSummary,
    DocumentRef,
    DocumentSummary,
    Participant,
    StoredEvent,
    StoredMention,
    StoredQuote,
)
from .story import sentence_around
from .tables import actors, documents, events, mentions, places, quotes, times

MAX_LIMIT = 10_000


class _Filter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(100, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class EventFilter(_Filter):
    """Which events to return; every given field must hold."""

    actor: str | None = Field(None, description="name (substring, any mention) or code prefix")
    country: str | None = Field(None, description="ISO3 of the source, target or location")
    type: str | None = Field(None, description="PLOVER type, e.g. ASSAULT")
    cameo: str | None = Field(None, description="CAMEO code prefix, e.g. 19 or 190")
    since: dt.date | None = Field(None, description="event date on or after")
    until: dt.date | None = Field(None, description="event date on or before")
    place: str | None = Field(None, description="location name (substring)")
    text: str | None = Field(None, description="full-text query over the mentioning articles")
    min_mentions: int = Field(1, ge=1)


class ActorFilter(_Filter):
    """Which actors to return."""

    name: str | None = Field(None, description="name substring")
    country: str | None = None
    code: str | None = Field(None, description="code prefix")
    type: str | None = Field(None, description="PERSON, ORG, GPE, NORP or GROUP")


class QuoteFilter(_Filter):
    """Which quotes to return."""

    speaker: str | None = Field(None, description="speaker name substring")
    text: str | None = Field(None, description="substring of the quote")
    since: dt.date | None = Field(None, description="article published on or after")
    until: dt.date | None = Field(None, description="article published on or before")


class DocumentFilter(_Filter):
    """Which articles to return."""

    text: str | None = Field(None, description="full-text query")
    source: str | None = Field(None, description="outlet name substring")
    since: dt.date | None = None
    until: dt.date | None = None


def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _ilike(col: Any, value: str) -> ColumnElement[bool]:
    return func.lower(col).like(_like(value), escape="\\")


def _doc_ref(row: Any) -> DocumentRef:
    return DocumentRef(
        id=row.doc_pk,
        doc_id=row.doc_id,
        url=row.url,
        source=row.source,
        title=row.title,
        published=row.published,
    )


_DOC_COLS = (
    documents.c.id.label("doc_pk"),
    documents.c.doc_id,
    documents.c.url,
    documents.c.source,
    documents.c.title,
    documents.c.published,
)


# -- events -------------------------------------------------------------------------------------
def _event_conditions(conn: Connection, f: EventFilter) -> list[ColumnElement[bool]]:
    e, m = events.c, mentions.c
    conds: list[ColumnElement[bool]] = []
    if f.actor:
        code = f.actor.upper() + "%"
        conds.append(
            exists().where(
                m.event_id == e.id,
                or_(
                    _ilike(m.source_name, f.actor),
                    _ilike(m.target_name, f.actor),
                    m.source_code.like(code),
                    m.target_code.like(code),
                ),
            )
        )
    if f.country:
        c = f.country.upper()
        conds.append(or_(e.source_country == c, e.target_country == c, e.location_country == c))
    if f.type:
        conds.append(e.plover_type == f.type.upper())
    if f.cameo:
        conds.append(e.cameo.like(f.cameo + "%"))
    if f.since:
        conds.append(e.date_end >= f.since)
    if f.until:
        conds.append(e.date_start <= f.until)
    if f.place:
        conds.append(_ilike(e.location_name, f.place))
    if f.text is not None:
        docs = select(documents.c.id).where(fulltext.matches(conn.dialect.name, f.text))
        conds.append(exists().where(m.event_id == e.id, m.document_id.in_(docs)))
    if f.min_mentions > 1:
        conds.append(e.num_mentions >= f.min_mentions)
    return conds


def _stored_event(row: Any) -> StoredEvent:
    loc = None
    if row.location_name is not None or row.geonameid is not None:
        loc = PlaceRef(
            name=row.location_name or "",
            geonameid=row.geonameid,
            lat=row.lat,
            lon=row.lon,
            country=row.location_country,
        )
    return StoredEvent(
        id=row.id,
        type=row.type_key,
        plover_type=row.plover_type,
        plover_mode=row.plover_mode,
        cameo=row.cameo,
        goldstein=row.goldstein,
        quad_class=row.quad_class,
        source=Participant(
            name=row.source_name,
            country=row.source_country,
            sector=row.source_sector,
            code=row.source_code,
        ),
        target=Participant(
            name=row.target_name,
            country=row.target_country,
            sector=row.target_sector,
            code=row.target_code,
        ),
        date=row.date,
        date_precision=row.date_precision,
        location=loc,
        historical=bool(row.historical),
        negated=bool(row.negated),
        hypothetical=bool(row.hypothetical),
        future=bool(row.future),
        num_mentions=row.num_mentions,
        num_sources=row.num_sources,
        num_articles=row.num_articles,
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        is_root=bool(row.is_root),
        avg_tone=row.avg_tone,
        confidence=row.confidence,
    )


def _excerpt(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence around ``[start, end)``: from the last sentence end before it to the next."""
    snippet = sentence_around(text, start, end, limit=len(text))
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"


def event_mentions(conn: Connection, event_ids: list[int]) -> dict[int, list[StoredMention]]:
    """The mentions of these events, grouped by event id, in document then sentence order."""
    if not event_ids:
        return {}
    m = mentions.c
    q = (
        select(
            m.id,
            m.event_id,
            m.sentence,
            m.trigger_text,
            m.trigger_start,
            m.trigger_end,
            m.confidence,
            m.data,
            documents.c.text,
            *_DOC_COLS,
        )
        .join_from(mentions, documents, m.document_id == documents.c.id)
        .where(m.event_id.in_(event_ids))
        .order_by(m.event_id, documents.c.published, m.document_id, m.idx)
    )
    out: dict[int, list[StoredMention]] = {i: [] for i in event_ids}
    for row in conn.execute(q):
        out[row.event_id].append(
            StoredMention(
                id=row.id,
                document=_doc_ref(row),
                sentence=row.sentence,
                trigger=row.trigger_text,
                trigger_span=(row.trigger_start, row.trigger_end),
                excerpt=_excerpt(row.text, row.trigger_start, row.trigger_end),
                confidence=row.confidence,
                event=Event.model_validate(row.data),
            )
        )
    return out


def search_events(
    conn: Connection, f: EventFilter, *, with_mentions: bool = False
) -> list[StoredEvent]:
    """Deduplicated events matching ``f``, newest event date first (undated last)."""
    q = (
        select(events)
        .where(and_(true(), *_event_conditions(conn, f)))
        .order_by(
            events.c.date_start.desc().nulls_last(), events.c.num_mentions.desc(), events.c.id
        )
        .limit(f.limit)
        .offset(f.offset)
    )
    found = [_stored_event(r) for r in conn.execute(q)]
    if with_mentions:
        by_event = event_mentions(conn, [e.id for e in found])
        for ev in found:
            ev.mentions = by_event[ev.id]
    return found


def iter_events(conn: Connection, *, page: int = 1000) -> Iterator[StoredEvent]:
    """Every event in id order (for exports), read ``page`` rows at a time."""
    last = 0
    while True:
        q = select(events).where(events.c.id > last).order_by(events.c.id).limit(page)
        batch = [_stored_event(r) for r in conn.execute(q)]
        yield from batch
        if len(batch) < page:
            return
        last = batch[-1].id


def count_events(conn: Connection, f: EventFilter) -> int:
    """How many events match ``f`` (ignoring limit and offset)."""
    q = select(func.count()).select_from(events).where(and_(true(), *_event_conditions(conn, f)))
    return int(conn.execute(q).scalar_one())


def get_event(conn: Connection, event_id: int) -> StoredEvent | None:
    """One event with all its mentions, or ``None``."""
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        return None
    ev = _stored_event(row)
    ev.mentions = event_mentions(conn, [event_id])[event_id]
    return ev


# -- actors and quotes ---------------------------------------------------------------------------
def search_actors(conn: Connection, f: ActorFilter) -> list[ActorSummary]:
    """Actors grouped by name key and coding, most documented first."""
    a = actors.c
    conds: list[ColumnElement[bool]] = []
    if f.name:
        conds.append(a.name_key.like(_like(name_key(f.name)), escape="\\"))
    if f.country:
        conds.append(a.country == f.country.upper())
    if f.code:
        conds.append(a.code.like(f.code.upper() + "%"))
    if f.type:
        conds.append(a.type == f.type.upper())
    ndocs = func.count(func.distinct(a.document_id))
    q = (
        select(
            func.min(a.name).label("name"),
            a.type,
            a.country,
            a.sector,
            a.code,
            ndocs.label("documents"),
            func.min(documents.c.published).label("first_published"),
            func.max(documents.c.published).label("last_published"),
        )
        .join_from(actors, documents, a.document_id == documents.c.id)
        .where(and_(true(), *conds))
        .group_by(a.name_key, a.type, a.country, a.sector, a.code)
        .order_by(ndocs.desc(), func.min(a.name))
        .limit(f.limit)
        .offset(f.offset)
    )
    return [ActorSummary.model_validate(dict(r._mapping)) for r in conn.execute(q)]


def search_quotes(conn: Connection, f: QuoteFilter) -> list[StoredQuote]:
    """Quotes matching ``f``, newest article first."""
    qc = quotes.c
    conds: list[ColumnElement[bool]] = []
    if f.speaker:
        conds.append(qc.speaker_key.like(_like(name_key(f.speaker)), escape="\\"))
    if f.text:
        conds.append(_ilike(qc.text, f.text))
    if f.since:
        conds.append(documents.c.published >= f.since)
    if f.until:
        conds.append(documents.c.published <= f.until)
    q = (
        select(qc.id, qc.text, qc.speaker, qc.kind, qc.medium, qc.date, qc.confidence, *_DOC_COLS)
        .join_from(quotes, documents, qc.document_id == documents.c.id)
        .where(and_(true(), *conds))
        .order_by(documents.c.published.desc().nulls_last(), qc.document_id, qc.idx)
        .limit(f.limit)
        .offset(f.offset)
    )
    return [
        StoredQuote(
            id=r.id,
            text=r.text,
            speaker=r.speaker,
            kind=r.kind,
            medium=r.medium,
            date=r.date,
            confidence=r.confidence,
            document=_doc_ref(r),
        )
        for r in conn.execute(q)
    ]


# -- documents ------------------------------------------------------------------------------------
def search_documents(conn: Connection, f: DocumentFilter) -> list[DocumentSummary]:
    """Articles matching ``f`` (full-text, outlet, dates), newest first."""
    d = documents.c
    conds: list[ColumnElement[bool]] = []
    if f.text is not None:
        conds.append(fulltext.matches(conn.dialect.name, f.text))
    if f.source:
        conds.append(_ilike(d.source, f.source))
    if f.since:
        conds.append(d.published >= f.since)
    if f.until:
        conds.append(d.published <= f.until)
    n_events = select(func.count()).where(mentions.c.document_id == d.id).scalar_subquery()
    n_quotes = select(func.count()).where(quotes.c.document_id == d.id).scalar_subquery()
    q = (
        select(*_DOC_COLS, n_events.label("n_events"), n_quotes.label("n_quotes"))
        .where(and_(true(), *conds))
        .order_by(d.published.desc().nulls_last(), d.id)
        .limit(f.limit)
        .offset(f.offset)
    )
    return [
        DocumentSummary(document=_doc_ref(r), events=r.n_events, quotes=r.n_quotes)
        for r in conn.execute(q)
    ]


def get_document(conn: Connection, document_id: int) -> DocumentRecord | None:
    """The stored article exactly as it was written (a :class:`DocumentRecord`), or ``None``."""
    doc = conn.execute(select(documents).where(documents.c.id == document_id)).first()
    if doc is None:
        return None

    def parts(table, model):  # type: ignore[no-untyped-def]
        q = select(table.c.data).where(table.c.document_id == document_id).order_by(table.c.idx)
        return [model.model_validate(r.data) for r in conn.execute(q)]

    return DocumentRecord(
        schema_version=doc.schema_version,
        id=doc.doc_id,
        url=doc.url,
        source=doc.source,
        title=doc.title,
        author=doc.author,
        published=doc.published,
        language=doc.language,
        text=doc.text,
        actors=parts(actors, Actor),
        events=parts(mentions, Event),
        quotes=parts(quotes, Quote),
        times=parts(times, TimeExpr),
        places=parts(places, Place),
        tone=Tone.model_validate(doc.tone) if doc.tone is not None else None,
        origin=doc.origin,
        model=doc.model,
    )


def table_counts(conn: Connection) -> dict[str, int]:
    """Row count of every eventwire table."""
    tables = (documents, actors, mentions, events, quotes, places, times)
    return {
        t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables
    }
