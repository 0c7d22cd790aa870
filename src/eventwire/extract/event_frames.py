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

from ..nlp.context import DocContext
from ..schema import ActorRef
from . import event_args
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
    negation_absorbed: bool = False

    @property
    def specificity(self) -> int:
        return self.cand.pattern.specificity + (5 if self.recoded else 0)


def _other(refs: list[ActorRef], exclude: list[ActorRef]) -> list[ActorRef]:
    keys = {(r.actor_id, r.name) for r in exclude}
    return [r for r in refs if (r.actor_id, r.name) not in keys]


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


# Dependencies a governed event may hang from on its way up to the frame word; relative
# clauses, conditions and subjects below the complement describe something else.
_PATH_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "prep", "conj", "pcomp", "oprd", "acomp", "attr", "aux"}
)


def _path_depth(tok: Token, frame: Token, comps: set[int]) -> int | None:
    """Steps from ``tok`` up to ``frame`` through complement-like links, or None."""
    depth, t = 0, tok
    while t != frame:
        if t.head == t or depth > 12:
            return None
        if t.i not in comps and t.dep_ not in _PATH_DEPS:
            return None
        t, depth = t.head, depth + 1
    return depth


def _within(frame: Token, cands: list[Candidate], report: bool) -> list[tuple[int, Candidate]]:
    """Candidates under the frame's complements, with their distance to the frame."""
    comps = complements(frame)
    if report:
        comps = [c for c in comps if c.dep_ in ("ccomp", "conj")] or comps
    ids = {c.i for c in comps}
    found = []
    for cand in cands:
        if cand.tok == frame:
            continue
        depth = _path_depth(cand.tok, frame, ids)
        if depth is not None:
            found.append((depth, cand))
    found.sort(key=lambda x: x[0])
    return found


def fold_purposes(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """A protest "to demand X" or "calling for X" is one protest event against X."""
    out = list(drafts)
    for protest in drafts:
        if protest.cameo[:2] != "14" or protest not in out:
            continue
        for other in drafts:
            if other is protest or other not in out:
                continue
            if other.cand.entry.frame not in ("request", "demand", "accuse", "report"):
                continue
            t = other.tok
            if t.head == protest.tok and t.dep_ in ("advcl", "xcomp", "acl", "conj"):
                if not protest.target:
                    protest.target = list(other.target)
                out.remove(other)
    return out


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
    """No source, and no subject in the text that could give one (a pronoun may: "X said
    they would meet" is about X)."""
    return not draft.source and (
        draft.cand.entry.role == "evaluation"
        or all(t.pos_ == "PRON" for t in draft.cand.args.source_tokens)
    )


def _obligation_family(lex: Lexicon, head: Token) -> tuple[str, Token] | None:
    """ "Y must do X" / "Y needs to do X": the family (demand/request) and the clause's verb."""
    for c in head.children:
        if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in lex.obligation:
            return lex.obligation[c.lower_], head
    if head.lemma_.lower() in lex.obligation and head.pos_ in ("VERB", "AUX"):
        x = [c for c in head.children if c.dep_ == "xcomp"]
        if x and any(a.lower_ == "to" for a in x[0].children):
            return lex.obligation[head.lemma_.lower()], x[0]
    return None


def _obligation(
    ctx: DocContext,
    lex: Lexicon,
    frame: Candidate,
    inner: list[tuple[int, Candidate]],
    drafts: dict[int, Draft],
) -> Draft | None:
    """ "X said that Y must release Z" is X demanding that Y release Z (CAMEO 1053)."""
    for comp in complements(frame.tok):
        if comp.dep_ != "ccomp":
            continue
        found = _obligation_family(lex, comp)
        if found is None:
            continue
        family, verb = found
        under = [c for _, c in inner if c.tok.i in {t.i for t in verb.subtree}]
        first = drafts.get(id(under[0])) if under else None
        code = lex.recode_code(family, first.cameo) if first is not None else None
        base = "100" if family == "demand" else "020"
        for c in under:
            drafts.pop(id(c), None)
        subj = [t for t in comp.children if t.dep_ in ("nsubj", "nsubjpass")]
        target = event_args.code_tokens(ctx, subj) or (first.source if first else [])
        rule = f"obligation.{family}" + (f">{first.rule}" if first else "")
        return Draft(
            tok=frame.tok,
            cameo=code or base,
            rule=rule,
            cand=frame,
            source=list(frame.args.source),
            target=target,
            recoded=True,
        )
    return None


def resolve(ctx: DocContext, lex: Lexicon, cands: list[Candidate]) -> list[Draft]:
    """Apply the frames of one sentence; returns the events to emit (before filtering)."""

    def depth(c: Candidate) -> int:
        d, t = 0, c.tok
        while t.head != t and d < 50:
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
                if lacks_source(dr) and c.pos != "noun":
                    dr.source = list(frame.args.source)
            ob = _obligation(ctx, lex, frame, inner, drafts)
            if ob is not None:
                drafts[id(frame)] = ob
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
        own.target = list(frame.args.target)
        if not own.target and family in ("request", "demand", "reject"):
            # the one asked to act: "demanded that the DPRK forsake ..." (not the asker)
            own.target = _other(first.source, own.source)
        own.target = own.target or first.target
        own.future = family in ("intent", "threat")
    return list(drafts.values())
