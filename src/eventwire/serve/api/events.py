"""``/events``: deduplicated events with their actors, mentions and evidence sentences."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import Connection

from ...store import EventFilter, StoredEvent, count_events, get_event, search_events
from ..errors import ERROR_RESPONSES, ApiError, ErrorResponse
from ..models import Page
from ..security import require_read_key
from ..state import read_conn
from .params import Limit, Offset, event_filter

router = APIRouter(
    prefix="/events", tags=["events"], dependencies=[Depends(require_read_key)],
    responses=ERROR_RESPONSES,
)  # fmt: skip


@router.get("", response_model=Page[StoredEvent], summary="Search events")
def list_events(
    flt: Annotated[EventFilter, Depends(event_filter)],
    conn: Annotated[Connection, Depends(read_conn)],
    limit: Limit = 50,
    offset: Offset = 0,
    mentions: Annotated[bool, Query(description="include every mention with its sentence")] = False,
    total: Annotated[bool, Query(description="count all matches (one more query)")] = True,
) -> Page[StoredEvent]:
    """Deduplicated events matching every given filter (those of `eventwire events`), newest
    event date first, then most mentioned. Source and target carry the actors' names and
    codings."""
    page = flt.model_copy(update={"limit": limit, "offset": offset})
    found = search_events(conn, page, with_mentions=mentions)
    return Page[StoredEvent](
        items=found, limit=limit, offset=offset, total=count_events(conn, flt) if total else None
    )


@router.get(
    "/{event_id}",
    response_model=StoredEvent,
    summary="One event with its mentions",
    responses={404: {"model": ErrorResponse, "description": "no such event"}},
)
def one_event(
    event_id: Annotated[int, Path(ge=1, le=2**62)],
    conn: Annotated[Connection, Depends(read_conn)],
) -> StoredEvent:
    """The event with every mention: the article, the sentence (evidence) and the event as
    extracted there."""
    found = get_event(conn, event_id)
    if found is None:
        raise ApiError(404, f"no event with id {event_id}")
    return found
