"""event locations stage (filled in by its issue)."""

from __future__ import annotations

from ..nlp.context import DocContext


def run(ctx: DocContext) -> None:
    """Not implemented yet: changes nothing."""
    return None
