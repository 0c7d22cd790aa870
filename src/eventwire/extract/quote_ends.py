"""Where a statement's content ends: clauses at the end of a parsed content that are the
writer's, not the source's.

The dependency subtree of a content often runs on past the statement: an apposition, a
non-restrictive relative clause or a concessive or time clause set off by a comma (", the
party's nominee", ", who …", ", while …"), or, after an infinitive ("urged them to …"), a
finite verb or a past subordinate clause with a subject of its own. Each function takes a content extent in working-copy offsets and
returns the extent cut before such a clause (or the extent unchanged); the caller trims
spaces and punctuation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .quote_frames import Regions

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_DASHES = frozenset({"—", "–", "--"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: words opening a clause set off at the end of a content that is the writer's aside
_ASIDE_RELATIVES = frozenset({"who", "which"})
_ASIDE_MARKS = frozenset(
    {"while", "though", "although", "whereas", "after", "before", "when", "until"}
)


def _tokens(doc: Doc, content: tuple[int, int], least: int) -> Span | None:
    span = doc.char_span(content[0], content[1], alignment_mode="contract")
    return span if span is not None and len(span) >= least else None


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in tok.children)


def _past(verb: Token) -> bool:
    """A verb in the past ("left", "was pressed", "had found")."""
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    )


def cut_trailing_aside(doc: Doc, content: tuple[int, int], regs: Regions) -> tuple[int, int]:
    """End the content before a gloss or clause set off by a comma at its end: an
    apposition (", the party's nominee"), a non-restrictive relative (", who has a lead …",
    ", which …") or a concessive or time clause (", while 4 in 10 want …", ", after …");
    or before a noun phrase set off by a dash ("— a message that was not heeded")."""
    span = _tokens(doc, content, 4)
    if span is None:
        return content
    last = span[-1]
    while last.is_punct and last.i > span.start:
        last = last.nbor(-1)
    for tok in span[1:]:
        if tok.right_edge.i != last.i or tok.left_edge.i <= span.start + 1:
            continue
        comma = tok.left_edge.nbor(-1)
        if regs.inside(comma.idx) is not None:
            continue
        if comma.text in _DASHES and tok.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
            return content[0], comma.idx  # "… — a play on words with …": a gloss
        if comma.text != ",":
            continue
        if tok.dep_ == "appos" and tok.head.i < tok.i:
            return content[0], comma.idx
        if tok.dep_ == "relcl" and tok.left_edge.lower_ in _ASIDE_RELATIVES:
            return content[0], comma.idx
        mark = next((c for c in tok.children if c.dep_ == "mark"), None)
        if tok.dep_ == "advcl" and mark is not None and mark.lower_ in _ASIDE_MARKS:
            return content[0], comma.idx
    return content


def infinitive_end(doc: Doc, content: tuple[int, int], regs: Regions) -> tuple[int, int]:
    """End an infinitive content ("urged them [to attack …]") before what cannot belong to
    the infinitive: a finite verb coordinated with it ("to attack the oil [and proposed a
    zone]") or a closing subordinate clause in the past with a subject of its own, which
    tells what happened ("refused to speak [as she left the hall]"), not what is meant
    ("promised to build it before the rains come")."""
    span = _tokens(doc, content, 3)
    if span is None:
        return content
    for tok in span[1:]:
        if regs.inside(tok.idx) is not None:
            continue
        finite_conj = tok.dep_ == "conj" and tok.tag_ in _FINITE_TAGS and tok.head.tag_ == "VB"
        closing_clause = (
            tok.dep_ == "advcl"
            and any(c.dep_ == "mark" for c in tok.children)
            and _has_subject(tok)
            and _past(tok)
            and tok.right_edge.i >= span[-1].i - 1
        )
        if not (finite_conj or closing_clause):
            continue
        left = tok.left_edge
        while left.i > span.start and left.nbor(-1).dep_ in ("cc", "punct"):
            left = left.nbor(-1)
        if left.idx > content[0] + 1:
            return content[0], left.idx
    return content
