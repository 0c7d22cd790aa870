"""Where a reporting verb's content is: the clause, infinitive, object or prepositional
object its lexicon frames allow ("said (that) …", "urged X to …", "criticized X for Y",
"called for X to …", "X was backed by Y"), and quotation regions with look-ups.

Offsets are in the working copy.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np
from spacy.tokens import Doc, Token

from ..nlp.context import DocContext
from .quote_direct import QuoteRegion, is_full_quote
from .quote_lexicon import Cue

#: entity types of a prepositional object that sets the scene rather than completing the
#: content ("supported Sanders [on Tuesday]", "praised the plan [in Iowa]")
_SCENE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
#: entity types of an object that is an amount, not a statement
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
#: objects of a speech verb that stand for a whole statement ("said so", "said the same")
PRO_FORMS = frozenset({"so", "yes", "no", "same", "otherwise"})


def subtree_extent(tok: Token) -> tuple[int, int]:
    """The character extent of ``tok``'s subtree."""
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right)


def token_extent(tok: Token) -> tuple[int, int]:
    """The character extent of ``tok`` alone."""
    return tok.idx, tok.idx + len(tok)


def tokens_with(doc: Doc, attr: int, words: Iterable[str]) -> list[Token]:
    """The tokens whose ``attr`` (``LEMMA``, ``LOWER``) is one of ``words``, in text order,
    found with one vectorized look-up (no loop over tokens)."""
    if not len(doc):
        return []
    hashes = np.fromiter((doc.vocab.strings.as_int(w) for w in words), dtype=np.uint64)
    return [doc[int(i)] for i in np.flatnonzero(np.isin(doc.to_array([attr]), hashes))]


class Regions:
    """Quote regions with overlap and adjacency look-ups."""

    def __init__(self, work: str, regions: list[QuoteRegion]) -> None:
        self.work = work
        self.items = regions

    def overlapping(self, start: int, end: int) -> list[QuoteRegion]:
        return [r for r in self.items if r.start < end and start < r.end]

    def inside(self, pos: int) -> QuoteRegion | None:
        return next((r for r in self.items if r.start < pos < r.end - 1), None)

    def in_full_quote(self, ctx: DocContext, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation of whole sentences (a cue there belongs
        to the quoted speech, not to the writer)."""
        inside = self.inside(pos)
        return inside is not None and is_full_quote(ctx, inside)

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """The extent widened to cover every quotation it overlaps."""
        for r in self.overlapping(start, end):
            start, end = min(start, r.start), max(end, r.end)
        return start, end

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
    verb: Token, cue: Cue, regions: Regions, media: Collection[str] = ()
) -> tuple[tuple[int, int], str, set[int]] | None:
    """The content extent, the frame that gave it, and the content's head tokens.

    ``media`` are the words of a medium ("interview", "op-ed"): a prepositional phrase
    on one ("in an op-ed") says where the statement was made, not what it says."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp":
            if "ccomp" not in cue.frames and not regions.overlapping(*subtree_extent(child)):
                continue
            start, end = subtree_extent(child)
            to = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if to is not None and child.i > verb.i and cue.cls == "request":
                # "urged the judge to give …": the request, not its addressee; but what is
                # wanted or expected has its subject ("want [all of them to leave]")
                start = to.idx
            return (start, end), "ccomp", {child.i}
    if "ccomp" in cue.frames:
        found = _clause_in_frame(verb)
        if found is not None:
            return found
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
    if "for" in cue.preps:
        for child in children:
            # "called for the United States to act": parsed as a for-clause
            mark = next((c for c in child.children if c.dep_ == "mark"), None)
            if child.dep_ != "advcl" or mark is None or mark.lower_ != "for":
                continue
            if mark.i > verb.i and mark.i + 1 < len(verb.doc):
                return (mark.nbor(1).idx, subtree_extent(child)[1]), "prep", {child.i}
    if cue.preps:
        for child in children:
            if child.dep_ == "prep" and child.lower_ in cue.preps and not sets_scene(child):
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    start, end = np_content(obj)
                    return (start, _right_extension(verb, obj, end, media)), "prep", {child.i}
    if "as" in cue.frames and any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
        # "sees Clinton as the stronger candidate", "Cruz is seen as a uniter by voters"
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is not None:
            end = _right_extension(verb, obj, np_content(obj)[1], media)
            return (obj.left_edge.idx, end), "dobj", {obj.i}
        passive = _passive_object(verb)
        if passive is not None:
            return passive
    if "dobj" in cue.frames or cue.particle is not None:
        passive = _passive_object(verb)
        if passive is not None:
            return passive
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is not None and obj.ent_type_ in _AMOUNTS:
            obj = None  # "reported $5,000 in income", "claimed 41 percent of the vote"
        if obj is not None and obj.lower_ not in ("it", "this", "that", "so"):
            # "criticized Clinton for accepting donations": the object and what follows it
            start, end = np_content(obj)
            quoted = next(iter(regions.overlapping(start, start + 1)), None)
            if quoted is not None and quoted.start > verb.idx and quoted.end < end:
                return (quoted.start, quoted.end), "dobj", {obj.i}  # said “no new taxes” at …
            end = _right_extension(verb, obj, end, media)
            return (obj.left_edge.idx, end), "dobj", {obj.i}
    if "ccomp" in cue.frames and cue.cls == "speech":
        pro = next((c for c in children if c.i > verb.i and c.lower_ in PRO_FORMS), None)
        if pro is not None and pro.dep_ in ("dobj", "advmod", "intj", "attr"):
            return subtree_extent(pro), "dobj", {pro.i}  # "half said so", "said the same"
    return None


def _clause_in_frame(verb: Token) -> tuple[tuple[int, int], str, set[int]] | None:
    """A clause the parser hung inside the cue's frame: "said in a statement that …",
    "said during a news conference that …" (a that-clause on the frame's noun), or "said
    legalizing it could …" (a bare clause parsed as an xcomp)."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        bare = child.dep_ == "xcomp" and not any(c.lower_ == "to" for c in child.children)
        if bare and any(c.dep_ in ("nsubj", "aux", "ccomp") for c in child.subtree):
            return subtree_extent(child), "ccomp", {child.i}
        if child.dep_ != "prep":
            continue
        for tok in child.subtree:
            if tok.dep_ not in ("acl", "ccomp") or tok.head.pos_ not in ("NOUN", "PROPN"):
                continue
            mark = next((c for c in tok.children if c.dep_ == "mark"), None)
            if mark is not None and mark.lower_ == "that" and mark.i < tok.i:
                return (mark.idx, subtree_extent(tok)[1]), "ccomp", {tok.i}
    return None


def _passive_object(verb: Token) -> tuple[tuple[int, int], str, set[int]] | None:
    """ "X was backed by Y": the passive subject is what the agent judged or backed."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or not any(c.dep_ == "agent" for c in verb.children):
        return None
    start, end = subtree_extent(subj)
    if subj.lower_ in ("who", "that", "which"):
        return None
    return (start, end), "dobj", {subj.i}


def np_content(obj: Token) -> tuple[int, int]:
    """A noun phrase as content, without a description set off after it ("Cruz, the choice
    of many insiders"; "Brexit, which …"): the writer's gloss, not the source's words."""
    start, end = subtree_extent(obj)
    if obj.pos_ not in ("NOUN", "PROPN"):
        return start, end
    for child in obj.children:
        if child.dep_ in ("appos", "relcl") and child.i > obj.i + 1:
            if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
                continue  # "Trump, Carson, and Fiorina": a list parsed as an apposition
            left = child.left_edge
            if left.i > 0 and left.nbor(-1).text == "," and left.nbor(-1).idx > start:
                end = min(end, left.nbor(-1).idx)
    return start, end


def _right_extension(verb: Token, obj: Token, end: int, media: Collection[str]) -> int:
    """Widen an object's extent over the verb's dependents after it that complete it: any
    prepositional phrase but one of time or place ("listed the qualities [in a nominee]",
    "announced a concert [in support of X]"; not "[on Tuesday]", "[in Iowa]")."""
    for child in verb.children:
        if child.idx < end or child.dep_ not in ("prep", "advcl", "xcomp", "oprd"):
            continue
        if child.dep_ == "prep" and (sets_scene(child) or _on_medium(child, media)):
            continue
        if child.dep_ == "advcl" and not any(c.lower_ == "to" for c in child.children):
            continue
        end = max(end, subtree_extent(child)[1])
    return end


def _on_medium(prep: Token, media: Collection[str]) -> bool:
    """A prepositional phrase on a medium ("in an op-ed", "on his radio show", "on Twitter")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    return any(t.lower_ in media for t in obj.lefts if t.dep_ == "compound") or obj.lower_ in media


def sets_scene(prep: Token) -> bool:
    """A prepositional phrase of time or place ("on Tuesday", "in Iowa"), not content."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in _SCENE_ENTS


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
