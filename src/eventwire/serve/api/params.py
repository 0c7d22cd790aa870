"""Query parameters shared by several routers (the filters of ``eventwire events``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from ...store import EventFilter

#: Largest page the API returns.
MAX_PAGE = 500

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="results per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="results to skip")]
ShortText = Annotated[str | None, Query(min_length=1, max_length=200)]


def event_filter(
    actor: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="actor name (substring) or code prefix"),
    ] = None,
    country: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country of source, target or location"),
    ] = None,
    type: Annotated[
        str | None, Query(pattern=r"^[A-Za-z_]{1,32}$", description="PLOVER type, e.g. ASSAULT")
    ] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix, e.g. 19")
    ] = None,
    since: Annotated[dt.date | None, Query(description="event date on or after")] = None,
    until: Annotated[dt.date | None, Query(description="event date on or before")] = None,
    place: Annotated[
        str | None, Query(min_length=1, max_length=200, description="location name (substring)")
    ] = None,
    text: Annotated[
        str | None,
        Query(min_length=1, max_length=300, description="full-text search of the articles"),
    ] = None,
    min_mentions: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> EventFilter:
    """The event filters as an :class:`EventFilter` (limit and offset set by each endpoint)."""
    return EventFilter(
        actor=actor,
        country=country,
        type=type,
        cameo=cameo,
        since=since,
        until=until,
        place=place,
        text=text,
        min_mentions=min_mentions,
    )
