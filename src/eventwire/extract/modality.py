"""Modality of an event from its clause: negated, hypothetical, future, historical.

Events keep their flags rather than being dropped, so users can filter them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..nlp.context import DocContext

FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})
FUTURE_IN_PAST_AUX = frozenset({"would"})
POSSIBILITY_AUX = frozenset({"might", "may", "could"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# "talks are expected to", "due to meet", "set to visit", "scheduled to"
FUTURE_GOVERNORS = frozenset(
    {"expect", "schedule", "set", "due", "plan", "prepare", "intend", "go", "vow", "pledge"}
)
FUTURE_MODIFIERS = frozenset(
    {"upcoming", "planned", "proposed", "scheduled", "expected", "future", "forthcoming", "next"}
)
YEAR = re.compile(r"^(\d{4})")


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False


def _clause_chain(tok: Token, limit: int = 4) -> list[Token]:
    """The trigger and the verbs it hangs from through infinitives and light verbs."""
    chain = [tok]
    cur = tok
    for _ in range(limit):
        if cur.dep_ in ("xcomp", "dobj", "pobj", "prep", "aux", "acomp") and cur.head != cur:
            cur = cur.head
            chain.append(cur)
        else:
            break
    return chain


def is_negated(tok: Token) -> bool:
    """A negation on the trigger or on the verbs it depends on ("did not agree to meet")."""
    for t in _clause_chain(tok):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in t.children):
            return True
    return False


def _clause_root(tok: Token) -> Token:
    cur = tok
    while cur.dep_ not in ("ROOT", "advcl", "ccomp", "relcl", "conj") and cur.head != cur:
        cur = cur.head
    return cur


def is_hypothetical(tok: Token) -> bool:
    """Inside a conditional clause, or in the main clause of one, or under might/may/could."""
    root = _clause_root(tok)
    if root.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in root.children
    ):
        return True
    for t in _clause_chain(tok):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX:
                return True
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
            ):
                return True
    return False


def is_future(tok: Token) -> bool:
    """Future tense, future-in-the-past, or a governing "expected/set/due/going to"."""
    for t in _clause_chain(tok):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX | FUTURE_IN_PAST_AUX:
                return True
            if t.pos_ == "NOUN" and c.dep_ == "amod" and c.lower_ in FUTURE_MODIFIERS:
                return True
        if t != tok and t.lemma_.lower() in FUTURE_GOVERNORS:
            return True
    return False


def _attached_times(ctx: DocContext, tok: Token) -> list[str]:
    """TimeML values of the time expressions of the sentence that hang from the trigger."""
    sent = tok.sent
    values = []
    for t in ctx.times:
        w = ctx.work_offset(t.span[0])
        if not sent.start_char <= w < sent.end_char:
            continue
        span = ctx.doc.char_span(w, ctx.work_offset(t.span[1]), alignment_mode="expand")
        if span is None:
            continue
        cur = span.root
        for _ in range(6):
            if cur == tok or cur.head == cur:
                break
            if cur.pos_ in ("VERB", "AUX") and cur != tok:
                break
            cur = cur.head
        if cur == tok:
            values.append(t.value)
    return values


def is_historical(ctx: DocContext, tok: Token, years: int = 2) -> bool:
    """A date attached to the trigger lies ``years`` or more before the publication year."""
    published: dt.date | None = ctx.published
    if published is None:
        return False
    for value in _attached_times(ctx, tok):
        m = YEAR.match(value or "")
        if m and int(m.group(1)) <= published.year - years:
            return True
    return False


def modality(ctx: DocContext, tok: Token) -> Modality:
    """All four flags for the trigger token ``tok``."""
    return Modality(
        negated=is_negated(tok),
        hypothetical=is_hypothetical(tok),
        future=is_future(tok),
        historical=is_historical(ctx, tok),
    )
