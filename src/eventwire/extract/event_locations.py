"""Event locations: where each event happened, from the resolved places of the document.

An event takes the place of its own sentence that the text puts it in: a place under a locative
preposition that hangs from the trigger, directly or through a short noun phrase ("killed ... in
a strike on Baghdad's airport", "talks in Doha"); the closest such link wins. A place that only
modifies a noun ("a US strike", "the Iraqi parliament") or sits in another clause is not where
the event happened. Without one, the
dateline place (``ctx.scratch["places.dateline"]``, set by the places stage) stands in; else the
event keeps no location.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.context import DocContext
from ..schema import Event, Place, PlaceRef
from .places import DATELINE_KEY

LOCATIVE_PREPS = {
    "in",
    "at",
    "on",
    "near",
    "outside",
    "inside",
    "into",
    "across",
    "throughout",
    "around",
    "within",
    "to",
    "toward",
    "towards",
    "from",
    "over",
    "off",
}
#: dependency labels climbed from a place to the preposition that governs it
_CLIMB = {"compound", "poss", "amod", "nmod", "appos", "conj", "pobj", "case", "cc", "npadvmod"}
_MAX_CLIMB = 4
_MODIFIER = {"compound", "amod", "nmod"}


def place_ref(place: Place) -> PlaceRef:
    """The compact reference an event carries."""
    return PlaceRef(
        place_id=place.id,
        name=place.name or place.text,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        span=place.span,
    )


def _work_span(ctx: DocContext, span: tuple[int, int]) -> Span | None:
    start, end = ctx.work_offset(span[0]), ctx.work_offset(span[1])
    return ctx.doc.char_span(start, max(end, start + 1), alignment_mode="expand")


def governing_prep(token: Token) -> Token | None:
    """The locative preposition a place token hangs from ("in" of "in the city of Basra")."""
    if token.dep_ in _MODIFIER and token.head.pos_ == "NOUN":
        return None  # "a US strike", "the Iraqi parliament": a modifier, not a location
    cur = token
    for _ in range(_MAX_CLIMB + 2):
        if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.dep_ == "prep" or cur.pos_ == "ADP":
            if cur.lower_ == "of" and cur.head.pos_ in {"NOUN", "PROPN"}:
                cur = cur.head  # "in the city of Basra": on to the noun's own preposition
                continue
            return cur if cur.lower_ in LOCATIVE_PREPS else None
    return None


def linked(prep: Token, trigger: Token, max_steps: int = 3) -> int | None:
    """Steps from a locative preposition up to the trigger through noun-phrase material only
    ("killed ... in a strike on Baghdad's airport"), or None when another verb or a long way
    lies between ("telephoned to discuss the death ... in an attack in Baghdad")."""
    cur = prep.head
    for step in range(max_steps + 1):
        if cur.i == trigger.i:
            return step
        if cur.pos_ in {"VERB", "AUX"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def sentence_place(ctx: DocContext, event: Event, places: list[Place]) -> Place | None:
    """The place of ``event``'s sentence the text locates it in, if any."""
    trig = _work_span(ctx, event.trigger.span)
    if trig is None:
        return None
    head = trig.root
    best: tuple[tuple[int, int], Place] | None = None
    for place in places:
        span = _work_span(ctx, place.span)
        if span is None:
            continue
        prep = governing_prep(span.root)
        steps = linked(prep, head) if prep is not None else None
        if steps is None:
            continue
        rank = (steps, abs(span.root.i - head.i))
        if best is None or rank < best[0]:
            best = (rank, place)
    return best[1] if best else None


def run(ctx: DocContext) -> None:
    """Give every event without a location the place of its sentence, else the dateline."""
    if not ctx.events:
        return
    by_sentence: dict[int, list[Place]] = {}
    for place in ctx.places:
        # a demonym ("Russian officials") says whose, not where
        if place.sentence is not None and place.lat is not None and place.form == "name":
            by_sentence.setdefault(place.sentence, []).append(place)
    dateline: Place | None = ctx.scratch.get(DATELINE_KEY)
    for event in ctx.events:
        if event.location is not None:
            continue
        place = sentence_place(ctx, event, by_sentence.get(event.sentence, []))
        if place is not None:
            event.location, event.location_source = place_ref(place), "sentence"
        elif dateline is not None:
            event.location, event.location_source = place_ref(dateline), "dateline"
