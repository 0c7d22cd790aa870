"""Frames: trigger words that govern another event and change what it means.

"X agreed to cooperate militarily" is an intent (0312), "X urged Y to de-escalate" an appeal
(0256), "X refused to release Y" a rejection (1243), "X threatened to impose sanctions" a threat
(1312), "X accused Y of killing Z" an accusation only, "X ordered the killing of Z" makes X the
attacker, and "X said that Y attacked Z" reports Y's attack. Each frame family recodes the
governed event through the lexicon's ``recode`` tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..schema import ActorRef
from .event_lexicon import Lexicon
from .event_triggers import Candidate

# Complements of a frame word: infinitives, that-clauses, objects and some prepositions.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "oprd", "advcl"})
_COMPLEMENT_PREPS = frozenset({"for", "of", "on", "to", "about"})
# Families whose governed events did not (yet) happen: they are folded into the frame.
_FOLDING = frozenset({"intent", "request", "demand", "reject", "threat", "accuse", "deny"})


@dataclass
class Draft:
    """An event being assembled from one or more candidates."""

    tok: Token
    cameo: str
    rule: str
    cand: Candidate
    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    future: bool = False
    recoded: bool = False

    @property
    def specificity(self) -> int:
        return self.cand.pattern.specificity + (5 if self.recoded else 0)


def complements(frame: Token) -> list[Token]:
    """Heads of the clauses and phrases a frame word governs (with their conjuncts)."""
    heads: list[Token] = []
    for child in frame.children:
        if child.dep_ in _COMPLEMENT_DEPS:
            if child.dep_ == "advcl" and not any(m.lower_ == "to" for m in child.children):
                continue
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS:
            heads.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    out: list[Token] = []
    for h in heads:
        out.extend((h, *h.conjuncts))
    return out


def _within(frame: Token, cands: list[Candidate], report: bool) -> list[tuple[int, Candidate]]:
    """Candidates under the frame's complements, with their distance to the frame."""
    comps = complements(frame)
    if report:
        comps = [c for c in comps if c.dep_ in ("ccomp", "conj")] or comps
    found = []
    for cand in cands:
        if cand.tok is frame:
            continue
        for comp in comps:
            if comp.left_edge.i <= cand.tok.i <= comp.right_edge.i and cand.tok in comp.subtree:
                depth = 0
                t = cand.tok
                while t is not frame and t.head is not t and depth < 20:
                    t = t.head
                    depth += 1
                found.append((depth, cand))
                break
    found.sort(key=lambda x: x[0])
    return found


def _family_code(lex: Lexicon, family: str, code: str) -> str | None:
    root = int(code[:2])
    if family == "intent":
        if 14 <= root <= 20:
            return lex.recode_code("threat", code)
        return lex.recode_code("intent", code) if 4 <= root <= 8 else None
    if family == "threat":
        if 4 <= root <= 8:
            return None
        return lex.recode_code("threat", code)
    return lex.recode_code(family, code)


def _draft(cand: Candidate) -> Draft | None:
    if cand.cameo is None:
        return None
    if cand.entry.role == "evaluation":
        # "Iran's actions are destabilizing": the subject is judged, the speaker judges.
        return Draft(
            tok=cand.tok, cameo=cand.cameo, rule=cand.rule, cand=cand, target=list(cand.args.source)
        )
    return Draft(
        tok=cand.tok,
        cameo=cand.cameo,
        rule=cand.rule,
        cand=cand,
        source=list(cand.args.source),
        target=list(cand.args.target),
    )


def lacks_source(draft: Draft) -> bool:
    """No source and no subject in the text that could have given one."""
    return not draft.source and (
        draft.cand.entry.role == "evaluation" or not draft.cand.args.source_tokens
    )


def resolve(lex: Lexicon, cands: list[Candidate]) -> list[Draft]:
    """Apply the frames of one sentence; returns the events to emit (before filtering)."""

    def depth(c: Candidate) -> int:
        d, t = 0, c.tok
        while t.head is not t and d < 50:
            t, d = t.head, d + 1
        return d

    alive = {id(c): c for c in cands}
    drafts: dict[int, Draft] = {}
    for c in cands:
        d = _draft(c)
        if d is not None:
            drafts[id(c)] = d
    # Deepest frames first, so that "said that X ordered the killing" resolves from inside out.
    for frame in sorted(cands, key=depth, reverse=True):
        family = frame.entry.frame
        if family is None or id(frame) not in alive:
            continue
        inner = [(d, c) for d, c in _within(frame.tok, list(alive.values()), family == "report")]
        inner = [(d, c) for d, c in inner if id(c) in drafts]
        if family == "report":
            for _, c in inner:
                dr = drafts[id(c)]
                if lacks_source(dr):
                    dr.source = list(frame.args.source)
            continue
        if family == "cause":
            if inner:
                dr = drafts[id(inner[0][1])]
                if frame.args.source:
                    dr.source = list(frame.args.source)
                dr.rule = f"{frame.rule}>{dr.rule}"
            drafts.pop(id(frame), None)
            alive.pop(id(frame), None)
            continue
        if family not in _FOLDING or not inner:
            continue
        first = drafts[id(inner[0][1])]
        code = _family_code(lex, family, first.cameo)
        own = drafts.get(id(frame))
        for _, c in inner:  # the governed events did not happen as such
            drafts.pop(id(c), None)
            alive.pop(id(c), None)
        if code is None and own is None:
            if family in ("intent", "threat"):
                first.future = True
                first.source = first.source or list(frame.args.source)
                drafts[id(first.cand)] = first
                alive[id(first.cand)] = first.cand
            continue
        if own is None:
            own = Draft(tok=frame.tok, cameo=code or "", rule=frame.rule, cand=frame)
            drafts[id(frame)] = own
        if code is not None:
            own.cameo = code
            own.recoded = True
            own.rule = f"{frame.rule}>{first.rule}"
        own.source = list(frame.args.source) or first.source
        if family in ("request", "demand", "reject"):
            own.target = list(frame.args.target) or first.source or first.target
        else:
            own.target = list(frame.args.target) or first.target
        own.future = family in ("intent", "threat")
    return list(drafts.values())
