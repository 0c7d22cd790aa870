"""Times stage (filled in by its issue)."""

from __future__ import annotations

from ..nlp.context import DocContext


def run(ctx: DocContext) -> None:
    """Find times in the document (not implemented yet: finds nothing)."""
    return None
