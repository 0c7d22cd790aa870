"""Speakers: tie each attribution's source to a document actor.

A source phrase is linked to the actor whose mention covers its head (or, failing that, any
actor named inside the phrase: "Carter's press secretary, Peter Cook" → Peter Cook). A
pronoun source ("he said", "it said") goes to the most recent fitting speaker of the last
few sentences, then to the nearest preceding fitting actor mention. A quotation without a
source inherits the speaker of the attribution just before it in the same passage.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Token

from ..nlp.context import DocContext
from ..schema import Actor
from .actors import actor_at
from .quote_indirect import Attribution
from .quote_indirect import np_extent as _np_extent

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
SELF_PRONOUNS = frozenset({"i", "me", "my"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
NON_PERSON_TYPES = frozenset({"ORG", "GPE", "NORP", "GROUP"})
#: how many sentences back a pronoun looks for an earlier speaker
SPEAKER_WINDOW = 4
#: how many paragraphs back a source-less quotation inherits a speaker
INHERIT_PARAGRAPHS = 2


@dataclass
class Speaker:
    """A resolved speaker: display name, in-text span (original offsets), actor, type."""

    name: str | None
    span: tuple[int, int] | None
    actor: Actor | None
    type: str  # PERSON or ORG


def _fits(pronoun: str, typ: str) -> bool:
    if pronoun in PERSON_PRONOUNS or pronoun in SELF_PRONOUNS:
        return typ == "PERSON"
    if pronoun in THING_PRONOUNS:
        return typ != "PERSON"
    return True


def _phrase_actor(ctx: DocContext, head: Token, start: int, end: int) -> Actor | None:
    """The actor covering the phrase head, else an apposition, else a person named in the
    phrase, else any actor in it (possessors excluded: "Carter's spokesman" is not Carter)."""
    actor = actor_at(ctx, head.i)
    if actor is not None:
        return actor
    for child in head.children:
        if child.dep_ in ("appos", "compound"):
            actor = actor_at(ctx, child.i)
            if actor is not None:
                return actor
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    found: list[Actor] = []
    possessor = False
    for tok in span or ():
        if tok.dep_ == "poss" or tok.tag_ == "POS":
            possessor = True
            continue
        actor = actor_at(ctx, tok.i)
        if actor is not None and not (possessor is False and tok.head.dep_ == "poss"):
            found.append(actor)
    return next((a for a in found if a.type == "PERSON"), found[0] if found else None)


def _phrase_type(head: Token, actor: Actor | None, nouns: dict[str, str]) -> str:
    if actor is not None:
        return "PERSON" if actor.type == "PERSON" else "ORG"
    if head.ent_type_ == "PERSON":
        return "PERSON"
    return nouns.get(head.lemma_.lower(), "ORG" if head.ent_type_ else "PERSON")


def _phrase_name(ctx: DocContext, start: int, end: int) -> str:
    text = ctx.work[start:end]
    for det in ("the ", "a ", "an "):
        if text.lower().startswith(det):
            text = text[len(det) :]
            break
    s, e = ctx.span(end - len(text), end)
    return ctx.text[s:e]


class _MentionIndex:
    """Actor mentions sorted by original start, for the nearest preceding fitting one."""

    def __init__(self, actors: list[Actor]) -> None:
        rows = sorted((m.span[0], a.id, a) for a in actors for m in a.mentions)
        self.starts = [r[0] for r in rows]
        self.actors = [r[2] for r in rows]

    def before(self, orig: int, pronoun: str, limit: int = 40) -> Actor | None:
        i = bisect.bisect_left(self.starts, orig)
        for j in range(i - 1, max(-1, i - 1 - limit), -1):
            actor = self.actors[j]
            if _fits(pronoun, "PERSON" if actor.type == "PERSON" else "ORG"):
                return actor
        return None


def resolve(
    ctx: DocContext, attributions: list[Attribution], nouns: dict[str, str]
) -> list[Speaker | None]:
    """One speaker (or None) per attribution, in the order given (text order expected)."""
    index = _MentionIndex(ctx.actors)
    history: list[tuple[int, int, Speaker]] = []  # (sentence, paragraph start, speaker)
    out: list[Speaker | None] = []
    for att in attributions:
        speaker = _resolve_one(ctx, att, nouns, index, history)
        out.append(speaker)
        if speaker is not None and speaker.name:
            sent = ctx.sentence_of(att.content[0])
            history.append((sent, _paragraph_start(ctx.work, att.content[0]), speaker))
    return out


def _paragraph_start(work: str, pos: int) -> int:
    return work.rfind("\n", 0, pos) + 1


def _resolve_one(
    ctx: DocContext,
    att: Attribution,
    nouns: dict[str, str],
    index: _MentionIndex,
    history: list[tuple[int, int, Speaker]],
) -> Speaker | None:
    tok = att.source_token
    if tok is None:
        return _inherit(ctx, att, history)
    assert att.source is not None
    span = ctx.span(*att.source)
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        # "commentators who suggested …": the span stays "who", the speaker is its antecedent
        antecedent = tok.head.head
        actor = _phrase_actor(ctx, antecedent, antecedent.idx, antecedent.idx + len(antecedent))
        typ = _phrase_type(antecedent, actor, nouns)
        name = actor.name if actor else _phrase_name(ctx, *_np_extent(antecedent))
        return Speaker(name, span, actor, typ)
    pronoun = tok.lower_ if tok.pos_ == "PRON" else None
    actor = actor_at(ctx, tok.i) if pronoun else _phrase_actor(ctx, tok, *att.source)
    if pronoun and actor is None:
        sent = ctx.sentence_of(tok.idx)
        for h_sent, _, earlier in reversed(history):
            if sent - h_sent > SPEAKER_WINDOW:
                break
            if _fits(pronoun, earlier.type):
                return Speaker(earlier.name, span, earlier.actor, earlier.type)
        actor = index.before(ctx.char_span(tok)[0], pronoun)
        if actor is None:
            return Speaker(ctx.text[span[0] : span[1]], span, None, "PERSON")
    if actor is not None:
        return Speaker(actor.name, span, actor, _phrase_type(tok, actor, nouns))
    name = _phrase_name(ctx, *att.source)
    return Speaker(name, span, None, _phrase_type(tok, None, nouns))


def _inherit(
    ctx: DocContext, att: Attribution, history: list[tuple[int, int, Speaker]]
) -> Speaker | None:
    """A source-less quotation speaks for the speaker of the passage just before it."""
    if not history or att.rule not in ("continued", "according"):
        return None
    _, para, earlier = history[-1]
    between = ctx.work[para : att.content[0]]
    if between.count("\n\n") + between.count("\n") // 2 > INHERIT_PARAGRAPHS:
        return None
    return Speaker(earlier.name, None, earlier.actor, earlier.type)
