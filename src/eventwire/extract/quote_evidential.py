"""Attributions without a source, marked by an evidential word: a clause the writer gives as
appearance or hearsay ("the team appeared paralyzed", "Smith reportedly plans to run").

PolNeAR annotates such clauses as attributions with no source; the content is the whole
clause, subject included. Offsets are in the working copy; the stage converts them.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Token

from ..errors import ResourceError
from ..nlp.context import DocContext
from .quote_frames import Regions, subtree_extent, token_extent, tokens_with
from .quote_indirect import Attribution, clip_to_paragraph, trim
from .quote_lexicon import read_rows

RESOURCE_KEY = "quotes.evidentials"
KINDS = frozenset({"verb", "adverb"})
#: complements that make "appear"/"seem" evidential ("appeared to …", "seemed uneasy")
_CORE = frozenset(
    {"nsubj", "nsubjpass", "expl", "aux", "auxpass", "neg", "xcomp", "acomp", "attr", "oprd"}
    | {"ccomp", "dobj", "dative", "prep", "prt", "agent"}
)
_COMPLEMENTS = frozenset({"xcomp", "acomp", "attr", "oprd", "ccomp"})


def load_evidentials() -> dict[str, str]:
    """``evidentials.tsv`` as word -> kind (``verb`` or ``adverb``)."""
    out: dict[str, str] = {}
    for n, row in read_rows("evidentials.tsv"):
        cols = [c.strip() for c in row]
        if len(cols) != 2 or cols[1] not in KINDS:
            raise ResourceError(f"evidentials.tsv:{n}: expected word<TAB>verb|adverb, got {cols}")
        out[cols[0].lower()] = cols[1]
    return out


def _clause(ctx: DocContext, head: Token) -> tuple[int, int]:
    """The core clause of ``head``: its subject, auxiliaries, complements and objects, not
    the adverbial clauses, coordinated verbs or participle frames around it ("While …, the
    team appeared paralyzed[, telling …]")."""
    start, end = token_extent(head)
    for child in head.children:
        if child.dep_ not in _CORE:
            continue
        s, e = subtree_extent(child)
        start, end = min(start, s), max(end, e)
    return trim(ctx.work, *clip_to_paragraph(ctx.work, head.idx, (start, end)))


def _heads(ctx: DocContext, words: dict[str, str]) -> list[tuple[Token, Token]]:
    """(cue, clause head) pairs: evidential verbs with a complement, and the verbs that
    evidential adverbs modify."""
    doc = ctx.doc
    verbs = [w for w, k in words.items() if k == "verb"]
    adverbs = [w for w, k in words.items() if k == "adverb"]
    out = []
    for verb in tokens_with(doc, LEMMA, verbs):
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ in _COMPLEMENTS for c in verb.children):
            out.append((verb, verb))
    for adv in tokens_with(doc, LOWER, adverbs):
        if adv.dep_ == "advmod" and adv.head.pos_ in ("VERB", "AUX"):
            out.append((adv, adv.head))
    return out


def evidential_attributions(ctx: DocContext, regs: Regions) -> list[Attribution]:
    """Source-less attributions of clauses marked by an evidential verb or adverb."""
    doc = ctx.doc
    if not len(doc):
        return []
    words = ctx.resources.get(RESOURCE_KEY, load_evidentials)
    out = []
    for cue, head in _heads(ctx, words):
        if regs.in_full_quote(ctx, cue.idx):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
            continue
        content = _clause(ctx, head)
        if len(ctx.work[content[0] : content[1]].split()) < 3:
            continue
        out.append(
            Attribution(
                content=content,
                source=None,
                source_token=None,
                cue=token_extent(cue),
                cue_token=cue,
                cls="belief",
                rule="evidential",
                confidence=0.4,
                regions=tuple(regs.overlapping(*content)),
            )
        )
    return out
