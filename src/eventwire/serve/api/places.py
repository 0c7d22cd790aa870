"""``/places``: places named in the stored articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Connection

from ...store.aggregates import PlaceFilter, PlaceSummary, search_places
from ..errors import ERROR_RESPONSES
from ..models import Page
from ..security import require_read_key
from ..state import read_conn
from .params import Limit, Offset, ShortText

router = APIRouter(
    prefix="/places", tags=["places"], dependencies=[Depends(require_read_key)],
    responses=ERROR_RESPONSES,
)  # fmt: skip


@router.get("", response_model=Page[PlaceSummary], summary="Search places")
def list_places(
    conn: Annotated[Connection, Depends(read_conn)],
    name: ShortText = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[PlaceSummary]:
    """Places grouped by name and GeoNames id, most documented first, with coordinates."""
    flt = PlaceFilter(name=name, country=country, limit=limit, offset=offset)
    return Page[PlaceSummary](items=search_places(conn, flt), limit=limit, offset=offset)
