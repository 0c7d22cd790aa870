"""Attributions anchored on phrases rather than reporting verbs: "according to X, …",
nominal cues ("X's claim that …", "the senator's call for …", "criticism of Y from X") and
predicate adjectives ("X is critical of …", "X is confident that …", "X made clear that …").

Offsets are in the working copy; the stage converts them.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span, Token

from ..nlp.context import DocContext
from .quote_frames import np_content, sets_scene, token_extent, tokens_with
from .quote_indirect import (
    Attribution,
    Regions,
    np_extent,
    speaker_like,
    subject_of,
    subtree_extent,
    trim,
)
from .quote_lexicon import NominalCue, QuoteLexicon

#: prepositions whose object names who holds the attitude ("praise from X", "a call by X")
_SOURCE_PREPS = frozenset({"from", "by"})
#: verbs whose subject receives a judgment or backing ("Rubio won support from X",
#: "the plan drew criticism from X", "Clinton has the support of X")
_RECEIVE_VERBS = frozenset(
    {"win", "receive", "draw", "get", "earn", "enjoy", "have", "gain", "garner", "attract"}
    | {"land", "secure", "collect", "rack", "come", "face"}
)
_RECEIVED_CLASSES = frozenset({"stance", "evaluation"})


def according_to(ctx: DocContext, regs: Regions) -> list[Attribution]:
    """ "According to X, …" and "…, according to X": the rest of the sentence is the content."""
    out = []
    doc = ctx.doc
    for tok in tokens_with(doc, LOWER, ("according",)):
        if tok.i + 1 >= len(doc) or tok.nbor(1).lower_ != "to":
            continue
        to = tok.nbor(1)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        sent: Span = tok.sent
        phrase_s = tok.idx
        phrase_e = max(subtree_extent(pobj)[1], subtree_extent(tok)[1])
        left = trim(ctx.work, sent.start_char, phrase_s)
        right = trim(ctx.work, phrase_e, sent.end_char)
        content = right if right[1] - right[0] >= left[1] - left[0] else left
        if content[1] - content[0] < 3:
            continue
        content = regs.widen(*content)
        out.append(
            Attribution(
                content=content,
                source=np_extent(pobj),
                source_token=pobj,
                cue=(tok.idx, to.idx + len(to)),
                cue_token=tok,
                cls="speech",
                rule="according",
                confidence=0.8,
                regions=tuple(regs.overlapping(*content)),
            )
        )
    return out


def _clause(noun: Token, cue: NominalCue) -> Token | None:
    """The that-clause or infinitive the noun governs ("the claim that …", "a vow to …")."""
    for child in noun.children:
        if child.i < noun.i or child.dep_ not in ("acl", "ccomp", "relcl"):
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
        if "that" in cue.frames and "that" in marks and child.dep_ != "relcl":
            return child
        if "to" in cue.frames and "to" in marks and child.dep_ == "acl":
            return child
    return None


def _prep_object(noun: Token, cue: NominalCue) -> Token | None:
    """The object of one of the cue's prepositions, on the noun or (for an object of a light
    verb, "took a swipe at X") on the verb right after the noun."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i]
    if noun.dep_ == "dobj":
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]
    for prep in preps:
        if prep.lower_ in cue.preps and not sets_scene(prep):
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj
    return None


def _governor(noun: Token) -> Token | None:
    """The verb the noun is the object of, directly or through a preposition ("came out in
    support of"), if any."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "attr"):
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != noun.i else None


def _source(ctx: DocContext, noun: Token, lexicon: QuoteLexicon) -> Token | None:
    """Who holds the attitude: the possessor, the object of "from"/"by", or the subject of
    the verb the noun depends on (when that verb is not itself a cue, which reports it)."""
    nouns = lexicon.speaker_nouns
    for child in noun.children:
        if child.dep_ == "poss":
            return child if speaker_like(ctx, child, nouns) else None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and speaker_like(ctx, obj, nouns):
                return obj
    verb = _governor(noun)
    if verb is None or verb.lemma_.lower() in lexicon.cues:
        return None
    subj = subject_of(verb)
    return subj if speaker_like(ctx, subj, nouns) else None


def _received(ctx: DocContext, noun: Token, lexicon: QuoteLexicon) -> tuple[Token, Token] | None:
    """(source, content head) of a judgment someone received: "Rubio has won support from
    X" (X backs Rubio), "Clinton has the support of X", "the plan drew criticism from X"."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _RECEIVE_VERBS:
        return None
    verb = noun.head
    preps = [c for c in noun.children if c.dep_ == "prep"]
    preps += [c for c in verb.children if c.dep_ == "prep" and c.i > noun.i]
    for prep in preps:
        if prep.lower_ not in ("from", "of", "among"):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or not speaker_like(ctx, obj, lexicon.speaker_nouns):
            continue
        subj = subject_of(verb)
        if subj is not None and subj.i < verb.i:
            return obj, subj
    return None


def _source_extent(source: Token) -> tuple[int, int]:
    """The source phrase without its possessive ending ("Ana Ruiz's" -> "Ana Ruiz")."""
    start, end = np_extent(source)
    case = next((c for c in source.children if c.dep_ == "case" and c.i > source.i), None)
    return (start, case.idx) if case is not None else (start, end)


def _cued_by(
    ctx: DocContext,
    regs: Regions,
    cue: Token,
    source: Token,
    content: tuple[int, int],
    cls: str,
    rule: str,
) -> Attribution | None:
    """The attribution a noun or adjective cue gives ``source`` over ``content``: None when
    the trimmed content is under two characters or runs over a line break; otherwise the
    content widened to the quotations it overlaps."""
    content = trim(ctx.work, *content)
    if content[1] - content[0] < 2 or "\n" in ctx.work[content[0] : content[1]]:
        return None
    content = regs.widen(*content)
    return Attribution(
        content=content,
        source=_source_extent(source),
        source_token=source,
        cue=token_extent(cue),
        cue_token=cue,
        cls=cls,
        rule=rule,
        confidence=0.5,
        regions=tuple(regs.overlapping(*content)),
    )


def nominal_attributions(
    ctx: DocContext, lexicon: QuoteLexicon, regs: Regions
) -> list[Attribution]:
    """Attributions anchored on reporting nouns with a source and a content complement."""
    out: list[Attribution] = []
    if not lexicon.nominal:
        return out
    for noun in tokens_with(ctx.doc, LEMMA, lexicon.nominal):
        if noun.pos_ != "NOUN" or noun.dep_ == "compound" or regs.in_full_quote(ctx, noun.idx):
            continue
        cue = lexicon.nominal[noun.lemma_.lower()]
        received = _received(ctx, noun, lexicon) if cue.cls in _RECEIVED_CLASSES else None
        if received is not None:
            source, head = received
            content = np_extent(head)
        else:
            head = _clause(noun, cue) or _prep_object(noun, cue)
            if head is None:
                continue
            source = _source(ctx, noun, lexicon)
            if source is None or source.i == head.i:
                continue
            content = np_content(head) if head.pos_ in ("NOUN", "PROPN") else subtree_extent(head)
        att = _cued_by(ctx, regs, noun, source, content, cue.cls, "nominal")
        if att is not None:
            out.append(att)
    return out


def _adjective_content(adj: Token, cue: NominalCue) -> Token | None:
    """The that-clause, infinitive or prepositional object an adjective cue governs."""
    for child in adj.children:
        if child.i < adj.i:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
        if "that" in cue.frames and "that" in marks and child.dep_ != "relcl":
            return child
        if "to" in cue.frames and child.dep_ == "xcomp" and "to" in marks:
            return child
        if child.dep_ == "prep" and child.lower_ in cue.preps:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj
    return None


def adjective_attributions(
    ctx: DocContext, lexicon: QuoteLexicon, regs: Regions
) -> list[Attribution]:
    """Attributions anchored on predicate adjectives whose subject can speak."""
    out: list[Attribution] = []
    if not lexicon.adjectives:
        return out
    for adj in tokens_with(ctx.doc, LOWER, lexicon.adjectives):
        if adj.dep_ not in ("acomp", "ccomp", "oprd") or adj.pos_ not in ("ADJ", "VERB"):
            continue
        if regs.in_full_quote(ctx, adj.idx):
            continue
        cue = lexicon.adjectives[adj.lower_]
        head = _adjective_content(adj, cue)
        source = subject_of(adj.head)
        if head is None or not speaker_like(ctx, source, lexicon.speaker_nouns):
            continue
        att = _cued_by(ctx, regs, adj, source, subtree_extent(head), cue.cls, "adjective")
        if att is not None:
            out.append(att)
    return out
