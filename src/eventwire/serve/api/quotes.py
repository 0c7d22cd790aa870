"""``/quotes``: quotes with their speakers and articles."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import Connection

from ...store import QuoteFilter, StoredQuote, search_quotes
from ..errors import ERROR_RESPONSES
from ..models import Page
from ..security import require_read_key
from ..state import read_conn
from .params import Limit, Offset, ShortText

router = APIRouter(
    prefix="/quotes", tags=["quotes"], dependencies=[Depends(require_read_key)],
    responses=ERROR_RESPONSES,
)  # fmt: skip


@router.get("", response_model=Page[StoredQuote], summary="Search quotes")
def list_quotes(
    conn: Annotated[Connection, Depends(read_conn)],
    speaker: ShortText = None,
    text: ShortText = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[StoredQuote]:
    """Quotes, newest article first; `speaker` and `text` match substrings."""
    flt = QuoteFilter(
        speaker=speaker, text=text, since=since, until=until, limit=limit, offset=offset
    )
    return Page[StoredQuote](items=search_quotes(conn, flt), limit=limit, offset=offset)
