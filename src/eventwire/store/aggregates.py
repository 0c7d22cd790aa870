"""Aggregates over the deduplicated events, for dashboards and the web API.

Like :mod:`eventwire.store.queries`, every function takes an open connection and an
:class:`~eventwire.store.queries.EventFilter` (limit and offset are ignored unless said
otherwise) and returns Pydantic models; all SQL is built with SQLAlchemy Core.

    with store.read() as conn:
        timeline(conn, EventFilter(country="KEN"))        # events per day, quad class, type
        network(conn, EventFilter(), limit=100)           # actor -> actor edges
        events_by_country(conn, EventFilter(), role="location")
        event_locations(conn, EventFilter())              # points for a map
        search_places(conn, PlaceFilter(name="nair"))     # places named in articles
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ColumnElement, Connection, and_, case, func, select, true

from .keys import name_key
from .queries import MAX_LIMIT, EventFilter, _event_conditions, _like
from .tables import documents, events, places

#: Date precisions that place an event on one day (a text date or the publication day).
DAY_PRECISIONS = ("day", "published")
QUADS = (1, 2, 3, 4)


class _Agg(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TimelineBucket(_Agg):
    """Events of one day, quad class and type."""

    date: dt.date
    quad_class: int | None = None
    type: str | None = Field(None, description="PLOVER type (None when only CAMEO-coded)")
    events: int


class NetworkEdge(_Agg):
    """Events from one actor to another."""

    source: str
    source_country: str | None = None
    target: str
    target_country: str | None = None
    events: int
    mean_goldstein: float | None = None


class NetworkNode(_Agg):
    """An actor of the network, with its number of events as source or target."""

    id: str = Field(description="name|country, unique in the network")
    name: str
    country: str | None = None
    events: int


class Network(_Agg):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class CountryCount(_Agg):
    """Events involving one country in one role, split by quad class."""

    country: str
    events: int
    mean_goldstein: float | None = None
    quad_counts: dict[int, int] = Field(description="quad class (1-4) -> events")


class EventLocation(_Agg):
    """One event location for a map, with its events split by quad class."""

    name: str
    country: str | None = None
    lat: float
    lon: float
    events: int
    quad_counts: dict[int, int]


class PlaceSummary(_Agg):
    """A place named in the stored articles (grouped by name key, GeoNames id and country)."""

    name: str
    country: str | None = None
    geonameid: int | None = None
    feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    documents: int = Field(description="articles naming the place")
    mentions: int


class PlaceFilter(_Agg):
    """Which places to return."""

    name: str | None = Field(None, description="name substring")
    country: str | None = Field(None, description="ISO3 country")
    limit: int = Field(100, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


def _where(conn: Connection, f: EventFilter) -> ColumnElement[bool]:
    return and_(true(), *_event_conditions(conn, f))


def _quad_sums() -> list:  # type: ignore[type-arg]
    e = events.c
    return [func.sum(case((e.quad_class == q, 1), else_=0)).label(f"q{q}") for q in QUADS]


def timeline(conn: Connection, f: EventFilter) -> list[TimelineBucket]:
    """Events per day, quad class and PLOVER type (day-dated events only), oldest day first."""
    e = events.c
    q = (
        select(e.date_start, e.quad_class, e.plover_type, func.count().label("n"))
        .where(_where(conn, f), e.date_precision.in_(DAY_PRECISIONS), e.date_start.is_not(None))
        .group_by(e.date_start, e.quad_class, e.plover_type)
        .order_by(e.date_start, e.quad_class, e.plover_type)
    )
    return [
        TimelineBucket(date=r.date_start, quad_class=r.quad_class, type=r.plover_type, events=r.n)
        for r in conn.execute(q)
    ]


def network(conn: Connection, f: EventFilter, *, limit: int = 200) -> Network:
    """The ``limit`` heaviest actor-to-actor edges (events with a named source and target)."""
    e = events.c
    n = func.count().label("n")
    q = (
        select(
            e.source_name,
            e.source_country,
            e.target_name,
            e.target_country,
            n,
            func.avg(e.goldstein).label("gs"),
        )
        .where(_where(conn, f), e.source_name.is_not(None), e.target_name.is_not(None))
        .group_by(e.source_name, e.source_country, e.target_name, e.target_country)
        .order_by(n.desc(), e.source_name, e.target_name)
        .limit(limit)
    )
    edges: list[NetworkEdge] = []
    nodes: dict[str, NetworkNode] = {}
    for r in conn.execute(q):
        edges.append(
            NetworkEdge(
                source=r.source_name,
                source_country=r.source_country,
                target=r.target_name,
                target_country=r.target_country,
                events=r.n,
                mean_goldstein=round(r.gs, 3) if r.gs is not None else None,
            )
        )
        for name, country in ((r.source_name, r.source_country), (r.target_name, r.target_country)):
            key = f"{name}|{country or ''}"
            node = nodes.setdefault(key, NetworkNode(id=key, name=name, country=country, events=0))
            node.events += r.n
    return Network(nodes=sorted(nodes.values(), key=lambda x: -x.events), edges=edges)


def events_by_country(
    conn: Connection, f: EventFilter, *, role: Literal["location", "source", "target"] = "location"
) -> list[CountryCount]:
    """Events per country of the location (or of the source or target actor), most first."""
    col = {
        "location": events.c.location_country,
        "source": events.c.source_country,
        "target": events.c.target_country,
    }[role]
    n = func.count().label("n")
    q = (
        select(col.label("country"), n, func.avg(events.c.goldstein).label("gs"), *_quad_sums())
        .where(_where(conn, f), col.is_not(None))
        .group_by(col)
        .order_by(n.desc(), col)
    )
    return [
        CountryCount(
            country=r.country,
            events=r.n,
            mean_goldstein=round(r.gs, 3) if r.gs is not None else None,
            quad_counts={qd: int(getattr(r, f"q{qd}") or 0) for qd in QUADS},
        )
        for r in conn.execute(q)
    ]


def event_locations(conn: Connection, f: EventFilter, *, limit: int = 2000) -> list[EventLocation]:
    """Located events grouped by place (name and coordinates), most events first."""
    e = events.c
    n = func.count().label("n")
    q = (
        select(e.location_name, e.location_country, e.lat, e.lon, n, *_quad_sums())
        .where(_where(conn, f), e.lat.is_not(None), e.lon.is_not(None))
        .group_by(e.location_name, e.location_country, e.lat, e.lon)
        .order_by(n.desc(), e.location_name)
        .limit(limit)
    )
    return [
        EventLocation(
            name=r.location_name or "",
            country=r.location_country,
            lat=r.lat,
            lon=r.lon,
            events=r.n,
            quad_counts={qd: int(getattr(r, f"q{qd}") or 0) for qd in QUADS},
        )
        for r in conn.execute(q)
    ]


def search_places(conn: Connection, f: PlaceFilter) -> list[PlaceSummary]:
    """Places named in the articles, grouped by name key, GeoNames id and country, most
    documented first."""
    p = places.c
    conds: list[ColumnElement[bool]] = []
    if f.name:
        conds.append(p.name_key.like(_like(name_key(f.name)), escape="\\"))
    if f.country:
        conds.append(p.country == f.country.upper())
    ndocs = func.count(func.distinct(p.document_id))
    q = (
        select(
            func.min(func.coalesce(p.name, p.text)).label("name"),
            p.country,
            p.geonameid,
            func.min(p.feature).label("feature"),
            func.avg(p.lat).label("lat"),
            func.avg(p.lon).label("lon"),
            ndocs.label("documents"),
            func.count().label("mentions"),
        )
        .join_from(places, documents, p.document_id == documents.c.id)
        .where(and_(true(), *conds))
        .group_by(p.name_key, p.geonameid, p.country)
        .order_by(ndocs.desc(), func.min(func.coalesce(p.name, p.text)))
        .limit(f.limit)
        .offset(f.offset)
    )
    return [PlaceSummary.model_validate(dict(r._mapping)) for r in conn.execute(q)]
