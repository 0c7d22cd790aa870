"""Extraction stages, run in this order on every parsed document.

Each stage is a plain function ``run(ctx: DocContext) -> None`` that reads the parse and what
earlier stages found, and appends its own findings to the context. Later stages may rely on
earlier ones: actor places use places to re-country weakly placed actors; quotes use actors; events use actors and quotes; event dates and locations use
events, times and places; quote links use quotes and events.
"""

from __future__ import annotations

from . import (
    actor_places,
    actors,
    event_dates,
    event_locations,
    events,
    places,
    quote_links,
    quotes,
    times,
    tone,
)

STAGES = (
    actors.run,
    times.run,
    places.run,
    actor_places.run,
    quotes.run,
    events.run,
    event_dates.run,
    event_locations.run,
    quote_links.run,
    tone.run,
)

__all__ = ["STAGES"]
