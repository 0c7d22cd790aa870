"""Extraction stages, run in this order on every parsed document.

Each stage is a plain function ``run(ctx: DocContext) -> None`` that reads the parse and what
earlier stages found, and appends its own findings to the context. Later stages may rely on
earlier ones: events use actors, times and places; quotes use actors.
"""

from __future__ import annotations

from . import actors, events, places, quotes, times, tone

STAGES = (actors.run, times.run, places.run, quotes.run, events.run, tone.run)

__all__ = ["STAGES"]
