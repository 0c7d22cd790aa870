"""Actors: people, organizations, countries and groups named in the text, with their mentions.

Mentions come from named entities (PERSON, ORG, GPE, NORP used as a group) and from known
terms the entity recognizer misses: organizations and abbreviations from the actor data,
and common-noun actor phrases headed by a role word ("the foreign office", "a pro-Iran mob",
"the Pakistani military"). Each mention is coded (:mod:`eventwire.resolve.actors`); mentions
of one actor are clustered: full name and surname, known aliases and abbreviations, country
aliases, title-only references ("the army chief" -> the person given that title), handles of
embedded tweets and pronouns. Actors still without a country that belong to a state sector
take the country of their context.

Later stages use :func:`actor_at`, :func:`code_phrase` and :func:`actor_ref`.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..nlp.context import DocContext
from ..resolve.actors import Coding, Term, code_tokens, find_terms, modifiers
from ..resolve.clusters import Cluster, MentionCand, build_clusters
from ..resolve.knowledge import (
    ADJECTIVE,
    CAPITAL,
    COUNTRY,
    ORG,
    PEOPLE,
    ROLE,
    ActorKnowledge,
    load_knowledge,
    load_non_actor_heads,
)
from ..schema import Actor, ActorRef

ENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_INDEX_KEY = "actors.token_index"
_TERMS_KEY = "actors.terms"
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def _knowledge(ctx: DocContext) -> ActorKnowledge:
    return ctx.resources.get("actors.knowledge", load_knowledge)


def _terms(ctx: DocContext) -> dict[int, Term]:
    terms = ctx.scratch.get(_TERMS_KEY)
    if terms is None:
        kb = _knowledge(ctx)
        matchers = ctx.resources.get("actors.matchers", lambda: kb.matchers(ctx.doc.vocab))
        terms = find_terms(ctx.doc, kb, matchers)
        ctx.scratch[_TERMS_KEY] = terms
    return terms


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners/punctuation and trailing possessives/punctuation."""
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return start, end


# -- mention candidates ---------------------------------------------------------------------------
def _person(ctx: DocContext, ent: Span, terms: dict[int, Term], taken: set[int]) -> MentionCand:
    doc = ctx.doc
    start, end = _trim(doc, ent.start, ent.end)
    # Title words the recognizer put inside the name ("General Bajwa").
    while start < end - 1 and start in terms and terms[start].best.kind == ROLE:
        start = terms[start].end
    name_tokens = set(range(start, end))
    root = doc[start:end].root
    around = [t for t in modifiers(root, stop=taken - name_tokens) if t.i not in name_tokens]
    coding = code_tokens(around, terms, head=around[-1]) if around else Coding()
    # Appositions teach the document who is who: "Mike Pompeo, the secretary of state".
    appos = [c for c in root.children if c.dep_ == "appos" and c.i not in taken]
    if root.dep_ == "appos" and root.head.i not in taken:
        appos.append(root.head)
    for a in appos:
        extra = code_tokens(modifiers(a), terms, head=a)
        _fill(coding, extra)
    coding.type = "PERSON"
    coding.code = coding.cameo()
    cand = MentionCand(start, end, root.i, "name", "PERSON", coding)
    # A one-word title before a one-word name is part of how the name is written
    # ("General Bajwa", "President Trump"); a longer title phrase is only an attribute.
    title = terms.get(start - 1)
    if (
        end - start == 1
        and title is not None
        and title.end - title.start == 1
        and title.best.role_kind == "person"
        and (title.start == 0 or doc[title.start - 1].i not in terms)
    ):
        cand.start, cand.core_start = title.start, start
    return cand


def _fill(coding: Coding, extra: Coding) -> None:
    """Take the attributes ``coding`` lacks from ``extra``."""
    for attr in ("country", "sector", "title", "role", "role_kind", "country_rule", "sector_rule"):
        if getattr(coding, attr) is None and getattr(extra, attr) is not None:
            setattr(coding, attr, getattr(extra, attr))
    if extra.rules:
        coding.rules.extend(r for r in extra.rules if r not in coding.rules)
        coding.confidence = max(coding.confidence, extra.confidence)


def _entity(ctx: DocContext, ent: Span, terms: dict[int, Term]) -> MentionCand | None:
    doc = ctx.doc
    start, end = _trim(doc, ent.start, ent.end)
    if start >= end or not any(c.isalpha() for c in doc[start:end].text):
        return None
    span = doc[start:end]
    root = span.root
    if _inside_title(span, terms):
        return None
    kb = _knowledge(ctx)
    entries = kb.lookup(span.text)
    kind = "name"
    if entries:
        tokens = list(span)
        coding = code_tokens(tokens, {t.i: Term(start, end, entries) for t in tokens}, head=root)
        if entries[0].kind == ORG and span.text in kb.by_exact:
            kind = "abbreviation"
        elif entries[0].kind == ROLE:
            kind = "abbreviation" if span.text.isupper() else "phrase"
    else:
        if root.lemma_.lower() in _non_actors(ctx):
            return None
        coding = code_tokens(list(span), terms, head=root)
        if coding.country is None:
            # a nationality just before the name: "Iraqi Kurds", "the Nigerian Union of ..."
            before = [t for t in modifiers(root) if t.i < start and t.dep_ in ("amod", "compound")]
            _fill(coding, code_tokens(before, terms, head=root) if before else Coding())
    label = ent.label_
    if entries and entries[0].kind in (COUNTRY, CAPITAL):
        label = "GPE"  # the recognizer sometimes calls a country a person or organization
    elif entries and entries[0].kind in (ADJECTIVE, PEOPLE):
        label = "NORP"
    if label == "NORP":
        # A nationality word is an actor only when it is the head noun ("Iranians said").
        if root.dep_ in ("amod", "compound", "nmod") or root.pos_ == "ADJ":
            return None
        coding.type = "GROUP" if coding.entry is None else coding.entry.type
    elif label == "GPE":
        coding.type = "GPE"
        if "capital-metonym" in coding.rules and root.dep_ not in ("nsubj", "agent"):
            coding.sector = coding.sector_rule = None  # a place, not a government
            coding.rules.remove("capital-metonym")
    else:
        coding.type = coding.type or "ORG"
        if coding.type == "NORP":
            coding.type = "GROUP"
    coding.code = coding.cameo()
    if kind != "name" and start > 0 and doc[start - 1].lower_ in DETERMINERS:
        start -= 1  # a reference by title keeps its article: "the COAS"
    return MentionCand(start, end, root.i, kind, coding.type, coding)


def _inside_title(span: Span, terms: dict[int, Term]) -> bool:
    """Is this entity part of a longer role phrase ("Secretary of [State]", "[Army] Chief")
    or a modifier of a person's name?"""
    for i in range(span.start, span.end):
        term = terms.get(i)
        if (
            term is not None
            and term.best.kind == ROLE
            and (term.start < span.start or term.end > span.end)
        ):
            return True
    root = span.root
    return root.dep_ in ("compound", "nmod") and root.head.ent_type_ == "PERSON"


def _non_actors(ctx: DocContext) -> frozenset[str]:
    """Head words of names that are not actors ("the UN Charter", "the Paris Agreement")."""
    return ctx.resources.get("actors.non_actor_heads", load_non_actor_heads)


def _role_phrase(ctx: DocContext, term: Term, taken: set[int]) -> MentionCand | None:
    """A common-noun actor phrase headed by a role word or a known organization."""
    doc = ctx.doc
    root = doc[term.start : term.end].root
    if root.dep_ in ("compound", "nmod", "amod") and root.head.i != root.i:
        return None  # a modifier: part of a title ("Army Chief General X") or a thing
    tokens = [t for t in modifiers(root, stop=taken) if not t.is_punct]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    start, end = min(start, term.start), max(end, term.end)
    coding = code_tokens(tokens, _terms(ctx), head=root)
    if coding.empty:
        return None
    best = term.best
    exact = doc[term.start : term.end].text in _knowledge(ctx).by_exact
    if exact:
        kind = "abbreviation"
    elif best.kind == ORG:
        kind = "name"
    elif best.role_kind == "person":
        kind = "title"
    else:
        kind = "phrase"
    coding.type = coding.type or ("GROUP" if best.role_kind == "group" else "ORG")
    if coding.type in ("NORP", "GPE") and best.kind == ROLE:
        coding.type = "GROUP"
    coding.code = coding.cameo()
    indefinite = doc[start].lower_ in ("a", "an")
    cand = MentionCand(start, end, root.i, kind, coding.type, coding)
    cand.indefinite = indefinite
    return cand


def _candidates(ctx: DocContext) -> list[MentionCand]:
    doc = ctx.doc
    terms = _terms(ctx)
    kb = _knowledge(ctx)
    persons = [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and not any(x.kind != ROLE for x in kb.lookup(_bare(e)))
    ]
    person_spans = {(e.start, e.end) for e in persons}
    taken = {i for e in persons for i in range(e.start, e.end)}
    out: list[MentionCand] = [_person(ctx, e, terms, taken) for e in persons if _named(e)]
    covered = set(taken)
    for ent in doc.ents:
        if ent.label_ in ENT_TYPES and (ent.start, ent.end) not in person_spans:
            cand = _entity(ctx, ent, terms)
            if cand is not None:
                out.append(cand)
                covered.update(range(ent.start, ent.end))
    seen_terms: set[int] = set()
    for term in terms.values():
        if id(term) in seen_terms or any(i in covered for i in range(term.start, term.end)):
            continue
        seen_terms.add(id(term))
        if term.best.kind not in (ROLE, ORG):
            continue
        cand = _role_phrase(ctx, term, taken)
        if cand is not None:
            out.append(cand)
    for cand in out:
        cand.sentence = ctx.sentence_of(doc[cand.start].idx)
    out.sort(key=lambda c: c.start)
    return out


def _bare(ent: Span) -> str:
    """The entity's text without a leading article or trailing possessive."""
    start, end = _trim(ent.doc, ent.start, ent.end)
    return ent.doc[start:end].text


def _named(ent: Span) -> bool:
    return any(t.is_alpha and t.text[:1].isupper() for t in ent)


# -- the stage ------------------------------------------------------------------------------------
def run(ctx: DocContext) -> None:
    """Find, code and cluster the document's actors into ``ctx.actors``."""
    cands = _candidates(ctx)
    clusters = build_clusters(ctx, cands, _knowledge(ctx), _terms(ctx))
    actors: list[Actor] = []
    index: dict[int, Actor] = {}
    for cluster in sorted(clusters, key=Cluster.first_span):
        actor = cluster.to_actor(ctx, ctx.next_id("A"))
        actors.append(actor)
        for m in cluster.mentions:
            for i in range(m.start, m.end):
                index.setdefault(i, actor)
    ctx.actors = actors
    ctx.scratch[_INDEX_KEY] = index


# -- public interface for later stages (events, quotes) ------------------------------------------
def actor_at(ctx: DocContext, token_i: int) -> Actor | None:
    """The document actor with a mention covering doc token ``token_i``, or None.

    Pronoun mentions count: the "he" of "he told General Bajwa" gives the actor "he" refers
    to. The index is built by :func:`run`; before it ran, nothing is found.
    """
    return ctx.scratch.get(_INDEX_KEY, {}).get(token_i)


def actor_ref(actor: Actor, span: tuple[int, int] | None = None) -> ActorRef:
    """An event participant for ``actor``; ``span`` is the original-text span of the mention
    (use ``ctx.char_span(token_or_span)`` to get it)."""
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

    Preference: the document actor whose mention covers the phrase's head; then the actor
    among the head's noun-phrase modifiers ("a US attack" -> the USA actor, "Soleimani's
    killing" -> Soleimani); otherwise the head and modifiers are coded from the actor
    knowledge ("Iranian commander" -> IRN/MIL, "police" -> COP, "Washington" -> USA/GOV).
    The returned span is the phrase's original-text span.
    """
    head = span.root
    where = ctx.char_span(span)
    actor = actor_at(ctx, head.i)
    mods = [t for t in modifiers(head) if span.start <= t.i < span.end]
    if actor is None:
        for tok in sorted(mods, key=lambda t: abs(t.i - head.i)):
            actor = actor_at(ctx, tok.i)
            if actor is not None:
                break
    if actor is not None:
        return actor_ref(actor, where)
    coding = code_tokens(mods, _terms(ctx), head=head)
    if coding.empty:
        return None
    name = re.sub(r"^(the|a|an)\s+", "", ctx.original(span), flags=re.I)
    return ActorRef(
        name=name, country=coding.country, sector=coding.sector, code=coding.cameo(), span=where
    )


def names_person_role(ctx: DocContext, token_i: int) -> bool:
    """Does doc token ``token_i`` belong to a role a single person holds ("minister",
    "envoy", "general"), as opposed to a body ("government", "army")?"""
    term = _terms(ctx).get(token_i)
    return term is not None and term.best.role_kind == "person"
