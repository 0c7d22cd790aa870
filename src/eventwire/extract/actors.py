"""Actors: people, organizations and countries named in the text, each with all its mentions.

This stage clusters named-entity mentions into document actors: the same name, a surname
after a full name, and a Twitter handle from an embedded tweet whose author line names the
actor. (Actor attributes and common-noun actors come with the actor-coding issue.)
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..nlp.context import DocContext
from ..schema import Actor, ActorRef, Mention

ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}


def _clean(ent: Span) -> Span:
    """Drop a leading determiner and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "'", "’s"):
        end -= 1
    return ent.doc[start:end]


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def run(ctx: DocContext) -> None:
    ents = [(_clean(e), ACTOR_LABELS[e.label_]) for e in ctx.doc.ents if e.label_ in ACTOR_LABELS]
    ents = [(e, label) for e, label in ents if len(e) and any(t.is_alpha for t in e)]
    # Longest names first, so that a surname attaches to the full name it abbreviates.
    order = sorted(range(len(ents)), key=lambda i: (-len(ents[i][0]), ents[i][0].start))
    actors: list[Actor] = []
    by_key: dict[tuple[str, str], Actor] = {}
    for i in order:
        span, label = ents[i]
        key = (label, _key(span.text))
        actor = by_key.get(key)
        kind = "name"
        if actor is None and label == "PERSON" and len(span) == 1:
            for (lab, k), cand in by_key.items():
                if lab == "PERSON" and k.split()[-1] == key[1]:
                    actor, kind = cand, "surname"
                    break
        if actor is None:
            actor = Actor(id="", name=ctx.original(span), type=label)  # type: ignore[arg-type]
            actors.append(actor)
        by_key[key] = actor
        s, e = ctx.char_span(span)
        actor.mentions.append(
            Mention(
                text=ctx.text[s:e],
                span=(s, e),
                sentence=ctx.sentence_of(span.start_char),
                kind=kind,
            )
        )
    _attach_handles(ctx, actors)
    actors.sort(key=lambda a: min(m.span for m in a.mentions))
    for actor in actors:
        actor.mentions.sort(key=lambda m: m.span)
        actor.id = ctx.next_id("A")
    ctx.actors = actors


def _attach_handles(ctx: DocContext, actors: list[Actor]) -> None:
    """Link each embedded tweet's handle to the actor its author line names."""
    for tweet in ctx.tweets:
        words = {_key(w) for w in tweet.name.split()}
        owner = None
        for actor in actors:
            if actor.type == "PERSON" and _key(actor.name).split()[-1] in words:
                owner = actor
                break
        if owner is None:
            owner = Actor(id="", name=tweet.name or tweet.handle, type="PERSON")
            actors.append(owner)
        owner.handle = tweet.handle
        s, e = tweet.handle_span
        owner.mentions.append(
            Mention(
                text=ctx.text[s:e], span=(s, e), sentence=ctx.sentence_of_original(s), kind="handle"
            )
        )


# -- public interface for later stages (events, quotes) ------------------------------------------
_INDEX_KEY = "actors.token_index"


def _token_index(ctx: DocContext) -> dict[int, Actor]:
    """Doc token index -> actor whose mention covers it (built once per document)."""
    index = ctx.scratch.get(_INDEX_KEY)
    if index is None:
        index = {}
        for actor in ctx.actors:
            for m in actor.mentions:
                span = ctx.doc.char_span(
                    ctx.work_offset(m.span[0]), ctx.work_offset(m.span[1]), alignment_mode="expand"
                )
                if span is None:
                    continue
                for i in range(span.start, span.end):
                    index.setdefault(i, actor)
        ctx.scratch[_INDEX_KEY] = index
    return index


def actor_at(ctx: DocContext, token_i: int) -> Actor | None:
    """The document actor with a mention covering doc token ``token_i``, or None."""
    return _token_index(ctx).get(token_i)


def actor_ref(actor: Actor, span: tuple[int, int] | None = None) -> ActorRef:
    """An event participant for ``actor``; ``span`` is the original-text span of the mention."""
    return ActorRef(
        actor_id=actor.id,
        name=actor.name,
        country=actor.country,
        sector=actor.sector,
        code=actor.code,
        span=span,
    )


def code_phrase(ctx: DocContext, span: Span) -> ActorRef | None:
    """Code an arbitrary noun phrase as an event participant, or None if nothing actor-like.

    The document actor whose mention covers the phrase's head is preferred (then any actor
    under the phrase); otherwise the phrase's head and modifiers are coded from the actor
    knowledge ("a US attack" -> USA, "Iranian commander" -> IRN/MIL, "police" -> COP).
    """
    head = span.root
    actor = actor_at(ctx, head.i)
    if actor is None:
        for tok in span:
            actor = actor_at(ctx, tok.i)
            if actor is not None:
                break
    if actor is None:
        return None
    return actor_ref(actor, ctx.char_span(span))
