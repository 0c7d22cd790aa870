"""Countries of event participants from where things happen and who faces whom.

The actors stage codes what a phrase says about itself ("Iranian commander"). Some
participants name no country of their own, and CAMEO then codes them by where they are:

- a participant's own place: "security forces in Guinea", "the government of Sindh
  province", "rebels in the north of Chad" (places resolved by the places stage, else
  country and capital names);
- the event's place, for a target the text leaves without a country ("killed 23 people in
  Tel Aviv", "opened an embassy in Tehran", "withdrew inspectors from Iraq"), for a target
  that is only the source's own means ("strengthened its forces in Lebanon") and for a
  non-state source without a country ("thousands blocked streets in Hong Kong");
- the state it faces, for a domestic group without a place ("the Sudanese government
  accused Darfur rebels" -> SDN rebels).

People are never placed by where they are: a president visiting Bosnia is not Bosnian.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..nlp.context import DocContext
from ..resolve.clusters import STATE_SECTORS
from ..schema import ActorRef
from . import actors

_PLACES_KEY = "events.place_countries"
LOCATIVE_PREPS = frozenset(
    {"in", "at", "into", "on", "near", "outside", "across", "throughout", "inside", "from", "to"}
)
OWN_PLACE_PREPS = frozenset({"in", "from", "of", "at", "inside"})
# where a phrase is, as opposed to whose it is ("embassy in Iraq", not "embassy of Iraq")
_SETTING_PREPS = OWN_PLACE_PREPS - {"of"}
# Sectors that act abroad as a matter of course: their place says nothing of their country.
MOBILE_SECTORS = frozenset({"GOV", "MIL", "SPY", "IGO", "NGO", "JRN", "MED"})
_PART_DEPS = frozenset({"compound", "appos", "poss", "nmod", "npadvmod"})
_CLAUSE_DEPS = frozenset({"dobj", "xcomp", "advcl", "acl", "pobj", "conj"})
# Statements and appeals are not located acts.
_UNPLACED_ROOTS = frozenset({"01", "02"})
# Meetings, talks and calls are done together, somewhere: the place is not whom they concern
# ("Kenya and Ethiopia will hold talks in Nairobi" has no target Nairobi).
JOINT_ROOTS = frozenset({"04"})


def _place_index(ctx: DocContext) -> dict[int, str]:
    """Doc token -> country of the resolved place it belongs to (built once per document)."""
    index = ctx.scratch.get(_PLACES_KEY)
    if index is None:
        index = {}
        for place in ctx.places:
            if not place.country or place.form != "name":
                continue
            span = ctx.doc.char_span(
                ctx.work_offset(place.span[0]),
                ctx.work_offset(place.span[1]),
                alignment_mode="expand",
            )
            for tok in span or ():
                index[tok.i] = place.country
        ctx.scratch[_PLACES_KEY] = index
    return index


def token_country(ctx: DocContext, tok: Token) -> str | None:
    """The country of the place named at ``tok``: a resolved place, else a country or
    capital the actors stage knows."""
    country = _place_index(ctx).get(tok.i)
    if country:
        return country
    actor = actors.actor_at(ctx, tok.i)
    if actor is not None and actor.type == "GPE":
        return actor.country
    return None


def phrase_place(ctx: DocContext, tok: Token) -> str | None:
    """The country of the place a noun phrase names: "the northern city of Kirkuk",
    "East Timor's capital Dili", "Sindh province"."""
    parts = [tok] + [c for c in tok.children if c.dep_ in _PART_DEPS]
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            parts.extend(p for p in child.children if p.dep_ == "pobj")
    for t in parts:
        country = token_country(ctx, t)
        if country:
            return country
    return None


def own_place(ctx: DocContext, tok: Token) -> str | None:
    """The country of a participant's own place: "forces in Guinea", "government of Sindh"."""
    found = own_place_at(ctx, tok)
    return found[0] if found else None


def own_place_at(
    ctx: DocContext,
    tok: Token,
    preps: frozenset[str] = OWN_PLACE_PREPS,
    pos: tuple[str, ...] = ("PROPN", "NOUN"),
) -> tuple[str, Token] | None:
    """The country and the word of the place the phrase of ``tok`` is in or of."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in pos:
                    country = phrase_place(ctx, pobj)
                    if country:
                        return country, pobj
    return None


def event_place(ctx: DocContext, trigger: Token, depth: int = 3) -> tuple[str, Token] | None:
    """The country where the trigger's act happens, from locative phrases of the trigger,
    its object, its subordinate and coordinated clauses ("killed 23 people when they blew
    themselves up in Tel Aviv") and the clause it completes ("sent experts to Bosnia to
    investigate", "the deployment of troops arrived in Bosnia")."""
    frontier = [trigger] + [c for c in trigger.children if c.dep_ in _CLAUSE_DEPS]
    if trigger.dep_ in ("xcomp", "advcl", "nsubj", "nsubjpass", "dobj") and trigger.head != trigger:
        frontier.append(trigger.head)
    for level in locative_levels(frontier, LOCATIVE_PREPS, depth):
        for pobj in level:
            # "the US embassy in Iraq": the phrase's own place before its nationality word
            found = own_place_at(ctx, pobj, _SETTING_PREPS, ("PROPN",))
            if found is not None:
                return found
            country = phrase_place(ctx, pobj)
            if country:
                return country, pobj
    return None


def locative_levels(
    frontier: list[Token], preps: frozenset[str], depth: int
) -> Iterator[list[Token]]:
    """Objects of the prepositions ``preps`` under ``frontier``, one list per level: the
    objects of the frontier's own prepositions, then those under these objects, ``depth``
    levels at most ("fighting in the north of Mali": north, then Mali)."""
    for _ in range(depth):
        frontier = [
            pobj
            for t in frontier
            for child in t.children
            if child.dep_ == "prep" and child.lower_ in preps
            for pobj in child.children
            if pobj.dep_ == "pobj"
        ]
        if not frontier:
            return
        yield frontier


def _actor_type(ctx: DocContext, ref: ActorRef) -> str | None:
    if ref.actor_id is None:
        return None
    return next((a.type for a in ctx.actors if a.id == ref.actor_id), None)


def placeable(ctx: DocContext, ref: ActorRef, own: bool = False) -> bool:
    """Can this participant take the country of where it is? Not people, and not
    governments and armies where they act (they act abroad); ``own``: the place is part of
    the participant's own phrase, which places a government ("the government in Kabul")
    but still not an army ("troops in Iraq")."""
    if ref.country or _actor_type(ctx, ref) == "PERSON":
        return False
    sector = (ref.sector or "")[:3]
    if own:
        return sector not in ("MIL", "IGO", "NGO", "JRN", "MED")
    return sector not in MOBILE_SECTORS


def _with_country(ref: ActorRef, country: str) -> ActorRef:
    return ref.model_copy(update={"country": country})


def _place_ref(ctx: DocContext, country: str, tok: Token) -> ActorRef:
    """The place named at ``tok`` as a participant: the whole resolved place ("Tel Aviv",
    "Marsabit county"), else the token."""
    start, end = ctx.char_span(tok)
    for place in ctx.places:
        if place.span[0] <= start and end <= place.span[1]:
            return ActorRef(name=place.text, country=country, span=place.span)
    return ActorRef(name=ctx.original(tok), country=country, span=(start, end))


def _state_countries(refs: list[ActorRef]) -> set[str]:
    """Countries of the state actors (governments, forces, countries themselves) in refs."""
    return {
        r.country for r in refs if r.country and (not r.sector or r.sector[:3] in STATE_SECTORS)
    }


def fill(
    ctx: DocContext,
    trigger: Token,
    cameo: str,
    source: list[ActorRef],
    target: list[ActorRef],
    acted: str | None = None,
) -> tuple[list[ActorRef], list[ActorRef]]:
    """Source and target with countries from places and from the state faced (see module).

    ``acted`` is the code of the act itself when ``cameo`` was recoded (an intent to meet
    is a meeting's code recoded).
    """
    if cameo[:2] in _UNPLACED_ROOTS:
        return source, target
    found = event_place(ctx, trigger)
    source_countries = {r.country for r in source if r.country}
    if found is not None:
        country, tok = found
        source = [_with_country(r, country) if placeable(ctx, r) else r for r in source]
        source_countries = {r.country for r in source if r.country}
        target_countries = {r.country for r in target if r.country}
        if (acted or cameo)[:2] not in JOINT_ROOTS and (
            not target_countries
            or (target_countries <= source_countries and country not in source_countries)
        ):
            target = [r for r in target if r.country not in source_countries or not r.country]
            if not any(r.country == country for r in target):
                target = [*target, _place_ref(ctx, country, tok)]
        return source, target
    # A domestic group facing one state: "the Sudanese government accused Darfur rebels".
    facing_target = _state_countries(target)
    if len(facing_target) == 1:
        (c,) = facing_target
        source = [_with_country(r, c) if placeable(ctx, r) and r.sector else r for r in source]
    facing_source = _state_countries(source)
    if len(facing_source) == 1:
        (c,) = facing_source
        target = [_with_country(r, c) if placeable(ctx, r) and r.sector else r for r in target]
    return source, target


# Sectors that stand for no one country even where only one is named.
_STATELESS_SECTORS = frozenset({"IGO", "NGO", "MNC"})


def _sentence_countries(ctx: DocContext, sent: Span) -> frozenset[str] | None:
    found: set[str] = {c for i, c in _place_index(ctx).items() if sent.start <= i < sent.end}
    for tok in sent:
        actor = actors.actor_at(ctx, tok.i)
        if actor is not None and actor.country:
            found.add(actor.country)
            continue
        if tok.pos_ in ("ADJ", "PROPN") and tok.dep_ in ("amod", "compound"):
            ref = actors.code_phrase(ctx, sent.doc[tok.i : tok.i + 1])
            if ref is not None and ref.country:
                found.add(ref.country)
                continue
        if tok.ent_type_ == "NORP" and tok.i not in _place_index(ctx):
            return None  # a nationality of no known country ("Congolese"): anyone's guess
    return frozenset(found)


def sentence_countries(ctx: DocContext, sent: Span) -> frozenset[str] | None:
    """Every country the sentence names: its actors' countries (nationality words
    included, "Nigerian elders") and its resolved places; None when it also holds a
    nationality that names no single country (cached per sentence)."""
    key = f"{_PLACES_KEY}.sent.{sent.start}"
    if key not in ctx.scratch:
        ctx.scratch[key] = _sentence_countries(ctx, sent)
    return ctx.scratch[key]


def lone_country(
    ctx: DocContext, sent: Span, refs: list[ActorRef], others: list[ActorRef]
) -> list[ActorRef]:
    """A participant without a country in a sentence that names a single country takes it:
    "Ibo elders demanded that the next government ..." in a Nigerian story, "refugees
    fleeing the war in Liberia". Not people, and not international bodies."""
    if all(r.country for r in refs):
        return refs
    named = sentence_countries(ctx, sent)
    if named is None:
        return refs
    countries = named | {r.country for r in refs + others if r.country}
    if len(countries) != 1:
        return refs
    (country,) = countries
    return [_with_country(r, country) if _unplaced_body(ctx, r) else r for r in refs]


def _unplaced_body(ctx: DocContext, ref: ActorRef) -> bool:
    """A group or body without a country that may take the sentence's: not a person (by
    name or by a one-person role: "the minister"), not an international body."""
    if ref.country or _actor_type(ctx, ref) == "PERSON":
        return False
    if (ref.sector or "")[:3] in _STATELESS_SECTORS:
        return False
    if ref.span is None:
        return True
    span = ctx.doc.char_span(
        ctx.work_offset(ref.span[0]), ctx.work_offset(ref.span[1]), alignment_mode="expand"
    )
    return span is None or not actors.names_person_role(ctx, span.root.i)
