"""Helpers and fixtures for the store tests: hand-built records, SQLite and PostgreSQL stores,
and a content snapshot of a database (independent of surrogate ids and ingest times)."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError

from eventwire.schema import (
    Actor,
    ActorRef,
    DocumentRecord,
    Event,
    Mention,
    PlaceRef,
    Plover,
    Trigger,
)
from eventwire.store import Store, open_store
from eventwire.store.tables import actors, documents, events, mentions, places, quotes, times

PG_ENV = "EVENTWIRE_TEST_PG_URL"
PG_DEFAULT = "postgresql+psycopg:///eventwire_test"


def test_support_builds_valid_records() -> None:
    rec = record("d", "Police arrested a man.", [event("E1", "ARREST", ("police", "USA", "COP"))])
    assert rec.events[0].plover.type == "ARREST"


def actor_ref(name: str, country: str | None = None, sector: str | None = None) -> ActorRef:
    return ActorRef(name=name, country=country, sector=sector)


def event(
    eid: str,
    plover: str | None,
    source: tuple[str, str | None, str | None] | None = None,
    target: tuple[str, str | None, str | None] | None = None,
    *,
    cameo: str | None = None,
    date: str | None = None,
    date_source: str | None = "text",
    place: PlaceRef | None = None,
    historical: bool = False,
    negated: bool = False,
    sentence: int = 0,
    trigger: str = "did",
) -> Event:
    return Event(
        id=eid,
        cameo=cameo,
        plover=Plover(type=plover) if plover else None,
        source=[actor_ref(*source)] if source else [],
        target=[actor_ref(*target)] if target else [],
        trigger=Trigger(text=trigger, span=(0, len(trigger))),
        sentence=sentence,
        date=date,
        date_source=date_source if date else None,
        location=place,
        historical=historical,
        negated=negated,
        confidence=0.7,
    )


def record(
    doc_id: str,
    body: str,
    evs: list[Event] | None = None,
    *,
    source: str | None = "Outlet",
    url: str | None = None,
    published: str | None = "2021-03-04",
) -> DocumentRecord:
    coded = {(r.name, r.country, r.sector) for e in evs or [] for r in [*e.source, *e.target]}
    acts = [
        Actor(
            id=f"A{i}",
            name=n,
            type="GROUP",
            country=c,
            sector=sec,
            mentions=[Mention(text=n, span=(0, len(n)), sentence=0)],
        )
        for i, (n, c, sec) in enumerate(sorted(coded, key=str), 1)
    ]
    return DocumentRecord(
        id=doc_id,
        url=url,
        source=source,
        text=body,
        published=dt.date.fromisoformat(published) if published else None,
        events=evs or [],
        actors=acts,
    )


# -- stores ----------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def pg_server_url() -> str:
    url = os.environ.get(PG_ENV, PG_DEFAULT)
    try:
        eng = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        with eng.connect() as conn:
            conn.execute(text("SELECT 1"))
        eng.dispose()
    except OperationalError as exc:
        pytest.skip(f"no PostgreSQL server reachable at {url} (set {PG_ENV}): {exc.orig}")
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture()
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    name = f"eventwire_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = pg_server_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """A database URL of each kind (PostgreSQL skips when no server is reachable)."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    st = open_store(db_url)
    try:
        yield st
    finally:
        st.close()


# -- snapshots ------------------------------------------------------------------------------------
def snapshot(st: Store) -> dict[str, object]:
    """The content of a store, keyed by document content hash and local ids (no surrogate ids,
    no ingest times), so that two databases built differently can be compared."""
    with st.read() as conn:
        dh = {
            r.id: r.content_hash
            for r in conn.execute(select(documents.c.id, documents.c.content_hash))
        }
        docs = sorted(
            tuple(str(v) for k, v in r._mapping.items() if k not in ("id", "ingested_at"))
            for r in conn.execute(select(documents))
        )
        parts = {}
        for table in (actors, places, times, quotes):
            parts[table.name] = sorted(
                (dh[r.document_id], r.local_id, str(r.data)) for r in conn.execute(select(table))
            )
        members: dict[int, set] = {}
        mention_rows = []
        for r in conn.execute(select(mentions)):
            members.setdefault(r.event_id, set()).add((dh[r.document_id], r.local_id))
            mention_rows.append((dh[r.document_id], r.local_id, str(r.data)))
        ev = sorted(
            (
                tuple(sorted(members.get(r.id, ()))),
                r.num_mentions,
                r.num_sources,
                r.num_articles,
                str(r.first_seen),
                str(r.last_seen),
                r.type_key,
            )
            for r in conn.execute(select(events))
        )
    return {"documents": docs, **parts, "mentions": sorted(mention_rows), "events": ev}
