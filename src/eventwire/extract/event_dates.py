"""Event dates stage: give every event a date from its own sentence, else the publication date.

A time expression anchors an event when it sits in the event's sentence and resolves to a
calendar day, ISO week, month or year (``2020-01-03``, ``2020-W01``, ``2019-12``, ``2019``).
An expression attached to the trigger in the parse ("was killed *Friday*", "a mob *this week*
laid siege") wins over others in the sentence; ties go to the nearest one. Without such an
expression the event falls back to the publication date (``date_source="published"``).
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Token

from ..nlp.context import DocContext
from ..schema import Event, TimeExpr

log = logging.getLogger(__name__)

# TimeML values an event date can take, with what to keep of them.
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4}-W\d{2})(?:-WE)?$")
_MONTH_OR_YEAR = re.compile(r"^\d{4}(?:-\d{2})?$")
_MAX_CLIMB = 6


def event_date_value(value: str) -> str | None:
    """The ISO day, week, month or year in a TimeML value (``2020-01-03TMO`` → ``2020-01-03``);
    ``None`` for durations, sets, quarters, seasons and ``*_REF`` values."""
    if m := _DAY.match(value):
        return m.group(1)
    if m := _WEEK.match(value):
        return m.group(1)
    if _MONTH_OR_YEAR.match(value):
        return value
    return None


def _token_at(ctx: DocContext, span: tuple[int, int]) -> Token | None:
    """The root token of the original-text ``span`` in the parse."""
    start, end = ctx.work_offset(span[0]), ctx.work_offset(span[1])
    sp = ctx.doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    return sp.root


def _attached(time_root: Token | None, trigger: Token | None) -> bool:
    """Whether the trigger governs the time expression: it lies on the path from the
    expression up to (and including) the first verb above it."""
    if time_root is None or trigger is None:
        return False
    t = time_root
    for _ in range(_MAX_CLIMB):
        if t == trigger:
            return True
        if t.i != time_root.i and t.pos_ in ("VERB", "AUX"):
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def date_event(ctx: DocContext, event: Event, times: list[TimeExpr]) -> None:
    """Set ``event.date``, ``date_text`` and ``date_source`` from ``times`` or the publication date."""
    cands = [
        t
        for t in times
        if t.sentence == event.sentence
        and t.type in ("DATE", "TIME")
        and event_date_value(t.value) is not None
    ]
    if cands:
        trigger = _token_at(ctx, event.trigger.span)
        best = min(
            cands,
            key=lambda t: (
                not _attached(_token_at(ctx, t.span), trigger),
                _distance(t.span, event.trigger.span),
            ),
        )
        event.date = event_date_value(best.value)
        event.date_text = best.text
        event.date_source = "text"
        return
    if ctx.published is not None:
        event.date = ctx.published.isoformat()
        event.date_text = None
        event.date_source = "published"


def run(ctx: DocContext) -> None:
    """Date every event of the document."""
    for event in ctx.events:
        date_event(ctx, event, ctx.times)
