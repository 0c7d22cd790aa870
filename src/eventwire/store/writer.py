"""Writing document records: one transaction per document, idempotent, deduplicating as it goes.

A document whose normalized URL or normalized-text hash is already stored is skipped, so a
rerun of a batch (after a crash or a kill) resumes where the last committed document left off
and stores nothing twice. Each mention is matched against the stored events with the rule of
:mod:`eventwire.store.dedup` and joins one, or starts a new event; the counts of the touched
events are recomputed in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, distinct, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from ..schema import DocumentRecord, Event
from .dedup import DedupParams, Signature, actor_keys, best_match
from .engine import Store
from .keys import content_hash, date_interval, name_key, source_key, url_key
from .story import StoryTerms, sentence_around
from .tables import actors, documents, events, mentions, places, quotes, times

log = logging.getLogger(__name__)

#: A mention in one of the first sentences makes its event a "root" event (GDELT IsRootEvent).
LEAD_SENTENCES = 3


@dataclass
class WriteResult:
    """What :meth:`StoreWriter.add` did with one record."""

    status: Literal["stored", "duplicate"]
    document_id: int
    mentions: int = 0
    new_events: int = 0
    merged: int = 0


def effective_date(event: Event, published: dt.date | None) -> tuple[str | None, str | None]:
    """``(date, precision class)`` used for deduplication and storage.

    A date from the text keeps its own precision. A date that is only the publication date
    (``date_source == "published"`` or no date at all) gets the ``"published"`` window,
    except for a historical mention, whose publication date says nothing about when the
    event happened: it stays undated.
    """
    from_text = event.date is not None and event.date_source != "published"
    if from_text:
        precision, _, _ = date_interval(event.date)
        return event.date, precision
    if event.historical:
        return None, None
    if event.date is not None:
        precision, _, _ = date_interval(event.date)
        return event.date, "published" if precision == "day" else precision
    if published is not None:
        return published.isoformat(), "published"
    return None, None


def _actor_columns(role: str, refs: list[Any]) -> dict[str, Any]:
    first = refs[0] if refs else None
    return {
        f"{role}_name": first.name if first else None,
        f"{role}_country": first.country if first else None,
        f"{role}_sector": first.sector if first else None,
        f"{role}_code": first.code if first else None,
    }


def _type_key(event: Event) -> str:
    if event.plover is not None and event.plover.type:
        return f"P:{event.plover.type.upper()}"
    if event.cameo:
        return f"C:{event.cameo[:2]}"
    return "X:" + name_key(event.trigger.lemma or event.trigger.text)[:36]


def event_columns(event: Event, published: dt.date | None) -> dict[str, Any]:
    """The columns shared by ``mentions`` and ``events`` for one coded event."""
    date, precision = effective_date(event, published)
    _, start, end = date_interval(date)
    loc = event.location
    return {
        "type_key": _type_key(event),
        "plover_type": event.plover.type if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None,
        "cameo": event.cameo,
        "cameo_root": event.cameo[:2] if event.cameo else None,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        **_actor_columns("source", event.source),
        **_actor_columns("target", event.target),
        "date": date,
        "date_precision": precision if start is not None else None,
        "date_start": start,
        "date_end": end,
        "location_name": loc.name if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "location_country": loc.country if loc else None,
        "historical": event.historical,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "future": event.future,
    }


def _rows(items: list[Any], doc_pk: int, extra) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    return [
        {
            "document_id": doc_pk,
            "local_id": it.id,
            "idx": i,
            "data": it.model_dump(mode="json"),
            **extra(it),
        }
        for i, it in enumerate(items)
    ]


class StoreWriter:
    """Writes :class:`~eventwire.schema.DocumentRecord` objects into a :class:`Store`."""

    def __init__(self, store: Store, params: DedupParams | None = None) -> None:
        self.store = store
        self.params = params or DedupParams()
        self.story = StoryTerms()

    # -- identity --------------------------------------------------------------------------------
    @staticmethod
    def find_document(conn: Connection, url: str | None, text: str) -> int | None:
        """The id of the stored document with this URL or the same normalized text, if any."""
        cond = documents.c.content_hash == content_hash(text)
        key = url_key(url)
        if key is not None:
            cond = or_(cond, documents.c.url_key == key)
        return conn.execute(select(documents.c.id).where(cond).limit(1)).scalar()

    def contains(self, url: str | None, text: str) -> bool:
        """Whether a document with this URL or text is stored (checked before extraction)."""
        with self.store.read() as conn:
            return self.find_document(conn, url, text) is not None

    # -- writing ---------------------------------------------------------------------------------
    def add(self, record: DocumentRecord) -> WriteResult:
        """Store one record (unless already stored) in one transaction."""
        try:
            with self.store.write() as conn:
                existing = self.find_document(conn, record.url, record.text)
                if existing is not None:
                    return WriteResult("duplicate", existing)
                return self._insert(conn, record)
        except IntegrityError:
            # Another writer stored the same document between our check and our insert.
            with self.store.read() as conn:
                existing = self.find_document(conn, record.url, record.text)
            if existing is None:
                raise
            return WriteResult("duplicate", existing)

    def _insert(self, conn: Connection, rec: DocumentRecord) -> WriteResult:
        doc_pk = conn.execute(
            insert(documents),
            dict(
                doc_id=rec.id[:300],
                url=rec.url,
                url_key=url_key(rec.url),
                content_hash=content_hash(rec.text),
                source=rec.source,
                source_key=source_key(rec.source, rec.url),
                title=rec.title,
                author=rec.author,
                published=rec.published,
                language=rec.language,
                text=rec.text,
                tone=rec.tone.model_dump(mode="json") if rec.tone else None,
                tone_score=rec.tone.tone if rec.tone else None,
                origin=rec.origin,
                model=rec.model,
                schema_version=rec.schema_version,
                ingested_at=dt.datetime.now(dt.UTC),
            ),
        ).inserted_primary_key[0]
        self._insert_parts(conn, rec, doc_pk)
        result = WriteResult("stored", doc_pk, mentions=len(rec.events))
        touched: set[int] = set()
        mention_rows = []
        for i, ev in enumerate(rec.events):
            cols = event_columns(ev, rec.published)
            keys = {
                "source_keys": actor_keys(ev.source),
                "target_keys": actor_keys(ev.target),
                "story_terms": self.story_terms(rec.text, ev),
            }
            event_id = self._match(
                conn, Signature.from_row({**cols, **keys, "document_id": doc_pk})
            )
            if event_id is None:
                event_id = self._new_event(conn, cols, keys, doc_pk, ev.confidence)
                result.new_events += 1
            else:
                result.merged += 1
            touched.add(event_id)
            mention_rows.append(
                {
                    **cols,
                    "document_id": doc_pk,
                    "event_id": event_id,
                    "local_id": ev.id,
                    "idx": i,
                    "sentence": ev.sentence,
                    "trigger_text": ev.trigger.text,
                    "trigger_start": ev.trigger.span[0],
                    "trigger_end": ev.trigger.span[1],
                    "date_source": ev.date_source,
                    "confidence": ev.confidence,
                    "data": ev.model_dump(mode="json"),
                }
            )
        if mention_rows:
            conn.execute(insert(mentions), mention_rows)
            refresh_events(conn, sorted(touched))
        return result

    def story_terms(self, text: str, event: Event) -> list[str]:
        """The story terms (:mod:`eventwire.store.story`) of ``event``'s sentence in ``text``."""
        sentence = sentence_around(text, *event.trigger.span)
        return self.story.terms(sentence, [r.name for r in (*event.source, *event.target)])

    @staticmethod
    def _insert_parts(conn: Connection, rec: DocumentRecord, doc_pk: int) -> None:
        parts = [
            (
                actors,
                _rows(
                    rec.actors,
                    doc_pk,
                    lambda a: {
                        "name": a.name,
                        "name_key": name_key(a.name),
                        "type": a.type,
                        "country": a.country,
                        "sector": a.sector,
                        "code": a.code,
                        "title": a.title,
                        "confidence": a.confidence,
                    },
                ),
            ),
            (
                places,
                _rows(
                    rec.places,
                    doc_pk,
                    lambda p: {
                        "text": p.text,
                        "name": p.name,
                        "name_key": name_key(p.name or p.text),
                        "geonameid": p.geonameid,
                        "lat": p.lat,
                        "lon": p.lon,
                        "country": p.country,
                        "feature": p.feature,
                    },
                ),
            ),
            (
                times,
                _rows(
                    rec.times, doc_pk, lambda t: {"text": t.text, "type": t.type, "value": t.value}
                ),
            ),
            (
                quotes,
                _rows(
                    rec.quotes,
                    doc_pk,
                    lambda q: {
                        "text": q.text,
                        "speaker": q.speaker,
                        "speaker_key": name_key(q.speaker) if q.speaker else None,
                        "kind": q.kind,
                        "medium": q.medium,
                        "date": q.date,
                        "confidence": q.confidence,
                    },
                ),
            ),
        ]
        for table, rows in parts:
            if rows:
                conn.execute(insert(table), rows)

    def _match(self, conn: Connection, sig: Signature) -> int | None:
        if not self.params.enabled:
            return None
        e = events.c
        q = select(events).where(e.type_key == sig.type_key)
        if not self.params.missing_actor_matches:
            # rule 2 needs a source on both sides: a mention without one joins nothing, and
            # events without one (no source name) are no candidates
            if not sig.source:
                return None
            q = q.where(e.source_name.is_not(None))
        if self.params.match_flags:
            neg, hyp, fut = sig.flags
            q = q.where(e.negated == neg, e.hypothetical == hyp, e.future == fut)
        if sig.start is None or sig.end is None:
            q = q.where(e.date_start.is_(None))
        else:
            pad = dt.timedelta(days=self.params.max_window)
            longest = dt.timedelta(days=self.params.max_interval_days)
            q = q.where(
                e.date_start <= sig.end + pad,
                e.date_end >= sig.start - pad,
                # an interval ending after start - pad began at most its length earlier: keeps
                # the index range from reaching back over every older event of the type
                e.date_start >= sig.start - pad - longest,
            )
        candidates = (
            (row["id"], Signature.from_row(row), row["num_mentions"])
            for row in conn.execute(q).mappings()
        )
        return best_match(sig, candidates, self.params)

    @staticmethod
    def _new_event(
        conn: Connection, cols: dict[str, Any], keys: dict[str, Any], doc_pk: int, confidence: float
    ) -> int:
        return conn.execute(
            insert(events),
            dict(
                **cols,
                **keys,
                num_mentions=1,
                num_sources=1,
                num_articles=1,
                first_document_id=doc_pk,
                is_root=False,
                confidence=confidence,
            ),
        ).inserted_primary_key[0]


def refresh_events(conn: Connection, event_ids: list[int]) -> None:
    """Recompute the counts, seen dates, root flag, tone and confidence of these events from
    their mentions."""
    if not event_ids:
        return
    m, d = mentions.c, documents.c
    joined = mentions.join(documents, m.document_id == d.id)

    def agg(expr, *where):  # type: ignore[no-untyped-def]
        return (
            select(expr)
            .select_from(joined)
            .where(m.event_id == events.c.id, *where)
            .scalar_subquery()
        )

    conn.execute(
        update(events)
        .where(events.c.id.in_(event_ids))
        .values(
            num_mentions=agg(func.count()),
            num_articles=agg(func.count(distinct(m.document_id))),
            num_sources=agg(func.count(distinct(d.source_key))),
            first_seen=agg(func.min(d.published)),
            last_seen=agg(func.max(d.published)),
            is_root=agg(func.count(), m.sentence < LEAD_SENTENCES) > 0,
            avg_tone=agg(func.avg(d.tone_score)),
            confidence=agg(func.max(m.confidence)),
        )
    )
