"""``/documents``: submit an article (extracted and stored), search and read stored articles."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from sqlalchemy import Connection

from ...schema import DocumentRecord
from ...store import DocumentFilter, DocumentSummary, get_document, search_documents
from ..errors import ERROR_RESPONSES, ApiError, ErrorResponse
from ..models import DocumentIn, Page, SubmitResult
from ..security import require_read_key, require_write_key
from ..state import AppState, get_state, read_conn
from ..submit import submit_document
from .params import Limit, Offset, ShortText

router = APIRouter(prefix="/documents", tags=["documents"], responses=ERROR_RESPONSES)


@router.post(
    "",
    response_model=SubmitResult,
    status_code=201,
    summary="Submit an article",
    dependencies=[Depends(require_write_key)],
    responses={
        200: {"model": SubmitResult, "description": "already stored (same URL or text)"},
        413: {"model": ErrorResponse, "description": "request body too large"},
        503: {"model": ErrorResponse, "description": "no API key configured"},
    },
)
def post_document(
    body: DocumentIn, response: Response, state: Annotated[AppState, Depends(get_state)]
) -> SubmitResult:
    """Extract an article given as `text`, `html` or `url` (fetched; private addresses are
    refused unless allowed by the config), store it and return its record. An article whose
    URL or text is already stored is not extracted again: it is returned with status
    `duplicate` and HTTP 200."""
    result = submit_document(state, body)
    if result.status == "duplicate":
        response.status_code = 200
    return result


@router.get(
    "",
    response_model=Page[DocumentSummary],
    summary="Search articles",
    dependencies=[Depends(require_read_key)],
)
def list_documents(
    conn: Annotated[Connection, Depends(read_conn)],
    text: Annotated[str | None, Query(min_length=1, max_length=300)] = None,
    source: ShortText = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[DocumentSummary]:
    """Stored articles, newest first, with their numbers of event mentions and quotes."""
    flt = DocumentFilter(
        text=text, source=source, since=since, until=until, limit=limit, offset=offset
    )
    return Page[DocumentSummary](items=search_documents(conn, flt), limit=limit, offset=offset)


@router.get(
    "/{document_id}",
    response_model=DocumentRecord,
    summary="One stored article",
    dependencies=[Depends(require_read_key)],
    responses={404: {"model": ErrorResponse, "description": "no such document"}},
)
def one_document(
    document_id: Annotated[int, Path(ge=1, le=2**62)],
    conn: Annotated[Connection, Depends(read_conn)],
) -> DocumentRecord:
    """The stored record: text, actors, events, quotes, dates and places with their spans."""
    record = get_document(conn, document_id)
    if record is None:
        raise ApiError(404, f"no document with id {document_id}")
    return record
