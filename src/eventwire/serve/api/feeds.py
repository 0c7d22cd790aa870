"""``/feeds``: submit an RSS, Atom or JSON feed; its new items are extracted and stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ..errors import ERROR_RESPONSES, ErrorResponse
from ..models import FeedIn, FeedResult
from ..security import require_write_key
from ..state import AppState, get_state
from ..submit import submit_feed

router = APIRouter(prefix="/feeds", tags=["feeds"], responses=ERROR_RESPONSES)


@router.post(
    "",
    response_model=FeedResult,
    summary="Submit a feed",
    dependencies=[Depends(require_write_key)],
    responses={
        413: {"model": ErrorResponse, "description": "request body too large"},
        503: {"model": ErrorResponse, "description": "no API key configured"},
    },
)
def post_feed(body: FeedIn, state: Annotated[AppState, Depends(get_state)]) -> FeedResult:
    """Read a feed (`url` to fetch, or its `content`), extract every item not yet stored and
    store it. At most `max_feed_items` items are processed per request."""
    return submit_feed(state, body)
