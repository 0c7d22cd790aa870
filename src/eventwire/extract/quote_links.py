"""Quote links: tie events that are statements in themselves to the quote that carries them.

An appeal, a criticism, a threat or a plain statement is often coded as an event *and*
found as a quote ("The ministry urged both sides to show restraint": an APPEAL event and
an indirect quote with the cue "urged"). The event gets the quote's id in ``quote_id``:

1. the event's trigger is the quote's cue (or lies inside the cue span): the event *is* the
   statement;
2. otherwise, a verbal event (CAMEO roots 01–03 and 10–13: statements, appeals, intents,
   demands, disapproval, rejections, threats) whose trigger lies
   in the frame of a quote — the sentence of its cue, outside its content — and whose
   source is the quote's speaker.

3. otherwise, a verbal event reported inside the content of an indirect or mixed quote
   ("The army chief urged restraint, the military said": the appeal is known through the
   military's statement), linked to the narrowest such quote.

Material events inside a quote's content (what the speaker says happened) are not linked.
"""

from __future__ import annotations

from ..nlp.context import DocContext
from ..schema import Event, Quote

#: CAMEO roots of events that consist in saying something
VERBAL_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


def _inside(span: tuple[int, int], outer: tuple[int, int] | None) -> bool:
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _is_verbal(event: Event) -> bool:
    return bool(event.cameo) and event.cameo[:2] in VERBAL_ROOTS


def _same_speaker(event: Event, quote: Quote) -> bool:
    if quote.speaker_actor_id is None:
        return False
    return any(ref.actor_id == quote.speaker_actor_id for ref in event.source)


def link_event(event: Event, quotes: list[tuple[Quote, int | None]]) -> Quote | None:
    """The quote an event is the statement of, or None.

    ``quotes`` pairs each quote with the sentence of its cue (None when it has no cue).
    """
    trigger = event.trigger.span
    for quote, _ in quotes:
        if _inside(trigger, quote.cue_span):
            return quote
    if not _is_verbal(event):
        return None
    for quote, cue_sentence in quotes:
        if cue_sentence != event.sentence or _inside(trigger, quote.span):
            continue
        if _same_speaker(event, quote):
            return quote
    reporting = [
        q for q, _ in quotes if q.kind != "direct" and _inside(trigger, q.span) and q.cue_span
    ]
    return min(reporting, key=lambda q: q.span[1] - q.span[0], default=None)


def run(ctx: DocContext) -> None:
    """Set ``quote_id`` on events that are the statement a quote reports."""
    if not ctx.quotes:
        return
    framed = [
        (q, ctx.sentence_of_original(q.cue_span[0]) if q.cue_span else None) for q in ctx.quotes
    ]
    for event in ctx.events:
        if event.quote_id is not None:
            continue
        quote = link_event(event, framed)
        if quote is not None:
            event.quote_id = quote.id
