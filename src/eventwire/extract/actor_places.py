"""Countries of state actors from the places around them.

The actors stage gives a state-sector actor without a country of its own ("police", "the
government", "the army"; also an opposition figure) the country of its context: country words in its sentence, then in
the two sentences before, then the document's most frequent country. The last two are weak
guesses: in "Gunmen attacked a police post in Marsabit county, police said" the sentence
names no country, but the place it names is in Kenya, whatever the rest of the article is
about. This stage runs after places are resolved and, for actors whose country came from a
weak context (or who have none), takes the country of a place inside its own name ("the
New Orleans Police Department"), else of the resolved places in the actor's sentence, else in
the sentence before, when those places agree on one country. Only places
the parser also calls a place (a GPE or LOC entity) count: a gazetteer hit on "DACA", "Drug"
(in "Drug Enforcement Administration") or a surname must not move the police abroad.

Rules are recorded as ``country=context:place`` (confidence 0.5); the actor's code is rebuilt
from the new country when it was built from country and sector.
"""

from __future__ import annotations

import re
from collections import Counter

from ..nlp.context import DocContext
from ..resolve.clusters import DOMESTIC_ROLE_SECTORS, STATE_SECTORS
from ..schema import Actor, Place

# Country rules weaker than a place in the actor's own or previous sentence.
WEAK_RULES = ("context:previous", "context:document")
PLACE_RULE = "context:place"
PLACE_CONFIDENCE = 0.5


PLACE_LABELS = frozenset({"GPE", "LOC"})


def places_by_sentence(places: list[Place]) -> dict[int, Counter]:
    """The countries of resolved places, counted per sentence."""
    out: dict[int, Counter] = {}
    for place in places:
        if place.country and place.sentence is not None:
            out.setdefault(place.sentence, Counter())[place.country] += 1
    return out


def named_as_place(ctx: DocContext, place: Place) -> bool:
    """Does the parser's entity recognizer call the place's first word a GPE or LOC?"""
    start = ctx.work_offset(place.span[0])
    end = ctx.work_offset(place.span[1])
    span = ctx.doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].ent_type_ in PLACE_LABELS


def _country_rule(actor: Actor) -> str | None:
    match = re.search(r"country=([^;]+)", actor.rule or "")
    return match.group(1).strip() if match else None


def needs_place_context(actor: Actor) -> bool:
    """A state-sector body (not a person), or an opposition figure, with no country or one
    from a weak context."""
    sector = (actor.sector or "")[:3]
    if actor.type == "PERSON":
        if sector not in DOMESTIC_ROLE_SECTORS:
            return False
    elif sector not in STATE_SECTORS:
        return False
    return actor.country is None or _country_rule(actor) in WEAK_RULES


def place_country(counts: dict[int, Counter], sentence: int) -> str | None:
    """The one country of the places in ``sentence``, else in the sentence before; None when
    neither has places or the places of the nearest one disagree."""
    for i in (sentence, sentence - 1):
        counter = counts.get(i)
        if counter:
            return next(iter(counter)) if len(counter) == 1 else None
    return None


def relocate(actor: Actor, country: str) -> None:
    """Give ``actor`` the country ``country`` from place context (in place)."""
    old = actor.country
    if actor.code is None or actor.code == (old or "") + (actor.sector or ""):
        actor.code = country + (actor.sector or "")
    actor.country = country
    rule = f"country={PLACE_RULE}"
    if actor.rule and "country=" in actor.rule:
        actor.rule = re.sub(r"country=[^;]+", rule, actor.rule)
    else:
        actor.rule = "; ".join(r for r in (rule, actor.rule) if r)
    actor.confidence = min(actor.confidence, PLACE_CONFIDENCE) if old else PLACE_CONFIDENCE


def own_place_country(actor: Actor, places: list[Place], ner_places: set[str]) -> str | None:
    """The country of a place named inside the actor's own name ("the New Orleans Police
    Department", "Kisumu county police"), if all such places agree. A one-word place counts
    only if the recognizer calls the same word a place somewhere in the document (the "Drug"
    of "Drug Enforcement Administration" is a town's name too)."""
    found = {
        p.country
        for p in places
        if p.country and (" " in p.text.strip() or p.text.lower() in ner_places)
        for m in actor.mentions
        if m.span[0] <= p.span[0] and p.span[1] <= m.span[1]
    }
    return found.pop() if len(found) == 1 else None


def run(ctx: DocContext) -> None:
    """Re-country weakly placed state actors from the resolved places around them."""
    if not ctx.places:
        return
    named = [p for p in ctx.places if p.form == "name"]
    counts = places_by_sentence([p for p in named if named_as_place(ctx, p)])
    ner_places = {e.text.lower() for e in ctx.doc.ents if e.label_ in PLACE_LABELS}
    for actor in ctx.actors:
        if not actor.mentions or not needs_place_context(actor):
            continue
        country = own_place_country(actor, named, ner_places)
        if country is None:
            country = place_country(counts, min(m.sentence for m in actor.mentions))
        if country is not None and country != actor.country:
            relocate(actor, country)
