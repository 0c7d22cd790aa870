"""Where a reporting verb's content is: the clause, infinitive, object or prepositional
object its lexicon frames allow ("said (that) …", "urged X to …", "criticized X for Y",
"called for X to …", "X was backed by Y"), and quotation regions with look-ups.

Offsets are in the working copy.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp.context import DocContext
from .quote_direct import QuoteRegion
from .quote_lexicon import Cue

_OBJECT_PREPS = ("for", "against", "over", "as", "of", "to", "on")
#: entity types of a prepositional object that sets the scene rather than completing the
#: content ("supported Sanders [on Tuesday]", "praised the plan [in Iowa]")
_SCENE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
#: objects of a speech verb that stand for a whole statement ("said so", "said the same")
PRO_FORMS = frozenset({"so", "yes", "no", "same", "otherwise"})


def subtree_extent(tok: Token) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right)


class Regions:
    """Quote regions with overlap and adjacency look-ups."""

    def __init__(self, work: str, regions: list[QuoteRegion]) -> None:
        self.work = work
        self.items = regions

    def overlapping(self, start: int, end: int) -> list[QuoteRegion]:
        return [r for r in self.items if r.start < end and start < r.end]

    def inside(self, pos: int) -> QuoteRegion | None:
        return next((r for r in self.items if r.start < pos < r.end - 1), None)

    def before(self, pos: int) -> QuoteRegion | None:
        """A region ending right before ``pos`` (only spaces and commas between)."""
        for r in reversed(self.items):
            if r.end <= pos:
                gap = self.work[r.end : pos]
                return r if not gap.strip(" ,—–-\n") and "\n\n" not in gap else None
        return None

    def after(self, pos: int) -> QuoteRegion | None:
        """A region starting right after ``pos`` (spaces, a comma or a colon between)."""
        for r in self.items:
            if r.start >= pos:
                gap = self.work[pos : r.start]
                return r if not gap.strip(" ,:\n") and gap.count("\n") <= 2 else None
        return None


def content_of(
    verb: Token, cue: Cue, regions: Regions
) -> tuple[tuple[int, int], str, set[int]] | None:
    """The content extent, the frame that gave it, and the content's head tokens."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp":
            if "ccomp" not in cue.frames and not regions.overlapping(*subtree_extent(child)):
                continue
            start, end = subtree_extent(child)
            to = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if to is not None and child.i > verb.i:
                start = to.idx  # "urged the judge to give …": the request, not its addressee
            return (start, end), "ccomp", {child.i}
    if "if" in cue.frames:
        for child in children:
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            if child.dep_ == "advcl" and child.i > verb.i and marks & {"if", "whether"}:
                return subtree_extent(child), "if", {child.i}
    if "xcomp" in cue.frames:
        for child in children:
            to = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            if child.dep_ == "xcomp" and child.i > verb.i and to:
                return subtree_extent(child), "xcomp", {child.i}
    if "oprd" in cue.frames:
        oprd = next((c for c in children if c.dep_ == "oprd" and c.i > verb.i), None)
        if oprd is not None:
            # "called the plan “a disaster”": what was called, and what it was called
            start = verb.nbor(1).idx if verb.i + 1 < len(verb.doc) else oprd.left_edge.idx
            return (start, subtree_extent(oprd)[1]), "oprd", {oprd.i}
    if cue.preps:
        for child in children:
            if child.dep_ == "prep" and child.lower_ in cue.preps:
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    start, end = subtree_extent(obj)
                    return (start, _right_extension(verb, obj, end)), "prep", {child.i}
    if "dobj" in cue.frames or cue.particle is not None:
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ not in ("it", "this", "that", "so"):
            # "criticized Clinton for accepting donations": the object and what follows it
            end = _right_extension(verb, obj, subtree_extent(obj)[1])
            return (obj.left_edge.idx, end), "dobj", {obj.i}
    return None


def _right_extension(verb: Token, obj: Token, end: int) -> int:
    """Widen an object's extent over the verb's dependents after it that complete it."""
    for child in verb.children:
        if child.idx < end or child.dep_ not in ("prep", "advcl", "xcomp", "oprd"):
            continue
        if child.dep_ == "prep" and child.lower_ not in _OBJECT_PREPS:
            continue
        if child.dep_ == "advcl" and not any(c.lower_ == "to" for c in child.children):
            continue
        end = max(end, subtree_extent(child)[1])
    return end


def colon_content(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """Content introduced by a colon right after the cue: the rest of the paragraph or the next."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.text != ":":
        return None
    work = ctx.work
    start = nxt.idx + 1
    end = work.find("\n", start)
    end = len(work) if end == -1 else end
    if not work[start:end].strip():
        nxt_para = start + len(work[start:]) - len(work[start:].lstrip())
        end = work.find("\n", nxt_para)
        end = len(work) if end == -1 else end
        start = nxt_para
    return (start, end) if work[start:end].strip() else None
