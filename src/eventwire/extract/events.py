"""Events stage: who did what to whom, coded in CAMEO and PLOVER, sentence by sentence.

For each sentence: find trigger candidates (:mod:`.event_triggers`, lexicon in
``data/events/triggers.yaml``), resolve frames (:mod:`.event_frames`), recode future actions as
intents or threats, drop events without a political participant, merge duplicates, and code
the rest with the CAMEO codebook (:mod:`eventwire.resolve.cameo`) and modality flags
(:mod:`.modality`). An unrecognized trigger yields no event.
"""

from __future__ import annotations

import logging

from spacy.tokens import Span

from ..nlp.context import DocContext
from ..resolve.cameo import Codebook, load_codebook, quad_class
from ..schema import ActorRef, Event, Plover, Trigger
from . import actors, event_args, event_countries
from .event_frames import Draft, fold_purposes, lacks_source, resolve
from .event_lexicon import Lexicon, load_lexicon
from .event_triggers import sentence_candidates
from .modality import FUTURE_AUX, Modality, is_negated, modality

log = logging.getLogger(__name__)

RESOURCE_KEY = "events.lexicon"


def _load() -> tuple[Codebook, Lexicon]:
    codebook = load_codebook()
    return codebook, load_lexicon(codebook)


def resources(ctx: DocContext) -> tuple[Codebook, Lexicon]:
    """The codebook and trigger lexicon, loaded once per pipeline."""
    return ctx.resources.get(RESOURCE_KEY, _load)


def _political(refs: list[ActorRef]) -> bool:
    return any(r.country or r.sector or r.code for r in refs)


def _future_aux(draft: Draft) -> bool:
    """ "will do", or "would do" in reported speech (a stated intention)."""
    tok = draft.tok
    heads = [tok, tok.head] if tok.dep_ in ("dobj", "xcomp") else [tok]
    for h in heads:
        for c in h.children:
            if c.dep_ != "aux":
                continue
            if c.lower_ in FUTURE_AUX or (c.lower_ == "would" and h.dep_ == "ccomp"):
                return True
    return False


def _recode_modal(lex: Lexicon, draft: Draft) -> None:
    """CAMEO codes a promised action as intent (03x), a promised blow as a threat (13x) and a
    cooperative act that one "will not" do as a rejection (12x)."""
    if draft.recoded or not _future_aux(draft):
        return
    root = int(draft.cameo[:2])
    if is_negated(draft.tok):
        code = lex.recode_code("reject", draft.cameo) if 4 <= root <= 8 else None
        if code:
            draft.cameo, draft.recoded, draft.negation_absorbed = code, True, True
            draft.rule = f"refusal>{draft.rule}"
        return
    family = "intent" if 4 <= root <= 8 else "threat" if root >= 14 else None
    code = lex.recode_code(family, draft.cameo) if family else None
    if code:
        draft.cameo, draft.recoded = code, True
        draft.rule = f"future>{draft.rule}"
    draft.future = True


def _quote_speaker(ctx: DocContext, sent: Span) -> ActorRef | None:
    """The actor quoted in a direct quote covering the sentence, if any."""
    s, e = ctx.char_span(sent)
    for q in ctx.quotes:
        if q.speaker_actor_id and q.span[0] <= s and e <= q.span[1] + 1:
            actor = next((a for a in ctx.actors if a.id == q.speaker_actor_id), None)
            if actor is not None:
                return actors.actor_ref(actor, q.speaker_span)
    return None


def _fill_target(ctx: DocContext, draft: Draft) -> None:
    """A frame's clause, or the place of a material event, when the text names no target."""
    if any(r.country for r in draft.target):
        return
    if not draft.target and draft.cand.entry.frame:
        draft.target = event_args.clause_target(ctx, draft.cand.tok, draft.cand.entry.target_preps)
    if not any(r.country for r in draft.target):
        stance = event_args.stance_target(ctx, draft.tok)
        if stance:
            draft.target = draft.target + stance
            return
    if not any(r.country for r in draft.target) and draft.cameo[:2] == "13":
        draft.target = draft.target + event_args.condition_target(ctx, draft.cand.tok)
    acted = draft.cand.cameo or draft.cameo  # the act itself, before intent/threat recoding
    if not any(r.country for r in draft.target) and quad_class(acted) in (2, 4):
        draft.target = draft.target + event_args.place_targets(ctx, draft.tok)


def _type_key(codebook: Codebook, draft: Draft) -> str:
    plover = draft.cand.entry.plover
    if plover and not draft.recoded:
        return plover["type"]
    entry = codebook.lookup(draft.cameo)
    return (entry.plover_type if entry else None) or f"CAMEO-{draft.cameo[:2]}"


def _same_actors(a: list[ActorRef], b: list[ActorRef]) -> bool:
    if not a or not b:
        return True
    keys = {(r.actor_id or r.name) for r in a} | {r.country for r in a if r.country}
    return any((r.actor_id or r.name) in keys or (r.country and r.country in keys) for r in b)


def distinct_targets(source: list[ActorRef], target: list[ActorRef]) -> list[ActorRef]:
    """The targets that are not one of the sources: an actor does not act on itself ("our
    forces agreed that our forces will work together" has no target, not the forces)."""
    ids = {r.actor_id for r in source if r.actor_id}
    spans = {r.span for r in source if r.span is not None}
    return [r for r in target if r.actor_id not in ids and (r.span is None or r.span not in spans)]


def _merge(codebook: Codebook, drafts: list[Draft]) -> list[Draft]:
    """One event per type and source in a sentence (PLOVER's actor lists), the most specific."""
    ranked = sorted(drafts, key=lambda d: (-d.specificity, d.cand.pos != "verb", d.tok.i))
    kept: list[Draft] = []
    for d in ranked:
        key = _type_key(codebook, d)
        twin = next(
            (k for k in kept if _type_key(codebook, k) == key and _same_actors(k.source, d.source)),
            None,
        )
        if twin is None:
            kept.append(d)
            continue
        if not twin.source:
            twin.source = d.source
        names = {(r.actor_id, r.name) for r in twin.target}
        twin.target += [r for r in d.target if (r.actor_id, r.name) not in names]
    return sorted(kept, key=lambda d: d.tok.i)


def _confidence(draft: Draft, mod: Modality) -> float:
    c = draft.cand.entry.confidence
    if draft.source and draft.target:
        c += 0.1
    if not draft.source:
        c -= 0.15
    if draft.recoded:
        c += 0.05
    if mod.hypothetical or mod.negated:
        c -= 0.1
    return round(min(0.99, max(0.05, c)), 3)


def _event(ctx: DocContext, codebook: Codebook, draft: Draft, sent_i: int) -> Event | None:
    code = codebook.lookup(draft.cameo)
    if code is None:
        log.warning("unknown CAMEO code %s from %s", draft.cameo, draft.rule)
        return None
    mod = modality(ctx, draft.tok)
    override = draft.cand.entry.plover if not draft.recoded else None
    plover = None
    if override:
        plover = Plover(
            type=override["type"],
            mode=override.get("mode", code.plover_mode),
            context=list(override.get("context", code.plover_context)),
        )
    elif code.plover_type:
        plover = Plover(
            type=code.plover_type, mode=code.plover_mode, context=list(code.plover_context)
        )
    s, e = ctx.char_span(draft.tok)
    return Event(
        id="",
        cameo=code.code,
        cameo_name=code.name,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        plover=plover,
        source=draft.source,
        target=draft.target,
        trigger=Trigger(text=ctx.text[s:e], span=(s, e), lemma=draft.tok.lemma_),
        sentence=sent_i,
        negated=mod.negated and not draft.negation_absorbed,
        hypothetical=mod.hypothetical,
        future=mod.future or draft.future,
        historical=mod.historical,
        rule=draft.rule,
        confidence=_confidence(draft, mod),
    )


def sentence_events(
    ctx: DocContext, codebook: Codebook, lex: Lexicon, sent: Span, sent_i: int
) -> list[Event]:
    """The events of one sentence."""
    cands = sentence_candidates(ctx, lex, sent)
    if not cands:
        return []
    drafts = fold_purposes(resolve(ctx, lex, cands), lex)
    speaker = None
    out: list[Draft] = []
    for d in drafts:
        if not d.cand.entry.standalone and not d.recoded:
            continue
        if lacks_source(d) and d.cand.pos != "noun":
            if speaker is None:
                speaker = _quote_speaker(ctx, sent)
            if speaker is not None:
                d.source = [speaker]
        _recode_modal(lex, d)
        _fill_target(ctx, d)
        d.source, d.target = event_countries.fill(
            ctx, d.tok, d.cameo, d.source, d.target, acted=d.cand.cameo
        )
        d.source = event_countries.lone_country(ctx, sent, d.source, d.target)
        d.target = event_countries.lone_country(ctx, sent, d.target, d.source)
        d.target = distinct_targets(d.source, d.target)
        if not _political(d.source + d.target):
            continue
        out.append(d)
    # A bare "said" is a statement only when the sentence holds no other trigger at all.
    if any(not c.entry.weak for c in cands):
        out = [d for d in out if not d.cand.entry.weak or d.recoded]
    events = []
    for d in _merge(codebook, out):
        ev = _event(ctx, codebook, d, sent_i)
        if ev is not None:
            events.append(ev)
    return events


def run(ctx: DocContext) -> None:
    """Find the events of the document and append them to ``ctx.events``."""
    codebook, lex = resources(ctx)
    for sent_i, sent in enumerate(ctx.doc.sents):
        if not sent.text.strip():
            continue
        for ev in sentence_events(ctx, codebook, lex, sent, sent_i):
            ev.id = ctx.next_id("E")
            ctx.events.append(ev)
