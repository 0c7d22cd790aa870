"""``/stats``: aggregates over the events (timeline, network, countries, map points, totals).

Every aggregate takes the same filters as ``GET /events``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Connection

from ...store import EventFilter, table_counts
from ...store.aggregates import (
    CountryCount,
    EventLocation,
    Network,
    TimelineBucket,
    event_locations,
    events_by_country,
    network,
    timeline,
)
from ..errors import ERROR_RESPONSES
from ..security import require_read_key
from ..state import read_conn
from .params import event_filter

router = APIRouter(
    prefix="/stats", tags=["stats"], dependencies=[Depends(require_read_key)],
    responses=ERROR_RESPONSES,
)  # fmt: skip

Filter = Annotated[EventFilter, Depends(event_filter)]
Conn = Annotated[Connection, Depends(read_conn)]


@router.get("/timeline", response_model=list[TimelineBucket], summary="Events per day")
def get_timeline(flt: Filter, conn: Conn) -> list[TimelineBucket]:
    """Events per day by quad class and PLOVER type (events dated to a day only)."""
    return timeline(conn, flt)


@router.get("/network", response_model=Network, summary="Actor network")
def get_network(
    flt: Filter, conn: Conn, limit: Annotated[int, Query(ge=1, le=2000)] = 150
) -> Network:
    """The heaviest actor-to-actor edges: number of events and mean Goldstein score."""
    return network(conn, flt, limit=limit)


@router.get("/countries", response_model=list[CountryCount], summary="Events by country")
def get_countries(
    flt: Filter, conn: Conn, role: Literal["location", "source", "target"] = "location"
) -> list[CountryCount]:
    """Events per country of the location, or of the source or target actor."""
    return events_by_country(conn, flt, role=role)


@router.get("/locations", response_model=list[EventLocation], summary="Event locations")
def get_locations(
    flt: Filter, conn: Conn, limit: Annotated[int, Query(ge=1, le=10_000)] = 2000
) -> list[EventLocation]:
    """Located events grouped by place, for a map."""
    return event_locations(conn, flt, limit=limit)


@router.get("/counts", response_model=dict[str, int], summary="Table sizes")
def get_counts(conn: Conn) -> dict[str, int]:
    """Rows in each table of the database."""
    return table_counts(conn)
