"""Attributions anchored on phrases rather than reporting verbs: "according to X, …" and
nominal cues ("X's claim that …", "the senator's call for …", "criticism of Y from X").

Offsets are in the working copy; the stage converts them.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Span

from ..nlp.context import DocContext
from .quote_indirect import Attribution, Regions, np_extent, subtree_extent, trim


def according_to(ctx: DocContext, regs: Regions) -> list[Attribution]:
    """ "According to X, …" and "…, according to X": the rest of the sentence is the content."""
    out = []
    doc = ctx.doc
    lowers = doc.to_array([LOWER]) if len(doc) else np.zeros(0, dtype=np.uint64)
    for i in np.flatnonzero(lowers == doc.vocab.strings.as_int("according")):
        tok = doc[int(i)]
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
        for r in regs.overlapping(*content):
            content = (min(content[0], r.start), max(content[1], r.end))
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
