"""``/actors``: actors across the stored articles."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Connection

from ...store import ActorFilter, ActorSummary, search_actors
from ..errors import ERROR_RESPONSES
from ..models import Page
from ..security import require_read_key
from ..state import read_conn
from .params import Limit, Offset, ShortText

router = APIRouter(
    prefix="/actors", tags=["actors"], dependencies=[Depends(require_read_key)],
    responses=ERROR_RESPONSES,
)  # fmt: skip


@router.get("", response_model=Page[ActorSummary], summary="Search actors")
def list_actors(
    conn: Annotated[Connection, Depends(read_conn)],
    name: ShortText = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    code: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9]{1,32}$")] = None,
    type: Literal["PERSON", "ORG", "GPE", "NORP", "GROUP"] | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ActorSummary]:
    """Actors grouped by name and coding, most documented first."""
    flt = ActorFilter(name=name, country=country, code=code, type=type, limit=limit, offset=offset)
    return Page[ActorSummary](items=search_actors(conn, flt), limit=limit, offset=offset)
