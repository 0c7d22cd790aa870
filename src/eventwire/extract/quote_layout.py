"""Attributions given by layout rather than by a reporting verb.

- Dash attributions: a paragraph that ends "… — Minister X" (a quotation signed by its
  speaker, as in pull quotes and tweets copied as text).
- Headline colons: a line "Roger Smith: We will win" (the speaker before a colon at the start
  of a line, followed by what they said).

Both need a named speaker (a person or organization entity), so ordinary dashes and colons
("Update: …", "Note — …") do not fire.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..nlp.context import DocContext
from .actors import actor_at
from .quote_direct import QuoteRegion
from .quote_indirect import Attribution, trim

_DASH = re.compile(r"(?m)^(?P<content>[^\n]{20,}?)\s+[—–-]{1,2}\s*(?P<source>[^\n—–]{2,80})$")
_COLON = re.compile(
    r"(?m)^(?:[A-Z][A-Z ]+\s[—–-]\s+)?(?P<source>[^:\n]{2,60}):\s+(?P<content>[^\n]{10,})$"
)
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
MAX_SOURCE_WORDS = 8


def _speaker_span(ctx: DocContext, start: int, end: int, label: bool = False) -> Span | None:
    """The named speaker entity filling most of ``[start, end)``, or None.

    ``label``: the phrase labels what follows (a headline colon), so only a title may come
    before the name: "Dig away, Jay:" addresses Jay, it does not quote him.
    """
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > MAX_SOURCE_WORDS:
        return None
    ents = [e for e in span.ents if e.label_ in _SPEAKER_LABELS]
    if not ents or ents[0].start - span.start > 3:
        return None
    before = ctx.doc[span.start : ents[0].start]
    if label and any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in before):
        return None
    return ents[0]


def _name_like(ctx: DocContext, start: int, end: int, nouns: dict[str, str]) -> Span | None:
    """A short capitalized phrase before a headline colon that names a speaker the entity
    recognizer missed ("Cruz: …", "Clinton camp: …", "Poll: …"): headed by a proper noun, a
    known actor or a speaker noun, every word capitalized."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > MAX_SOURCE_WORDS // 2 + 2:
        return None
    words = [t for t in span if t.is_alpha]
    if not words or not all(t.text[0].isupper() for t in words):
        return None
    root = span.root
    if root.pos_ == "PROPN" or actor_at(ctx, root.i) or root.lemma_.lower() in nouns:
        return span
    if any(t.text in _actor_name_words(ctx) for t in words):
        return span  # "Sanders: …" tagged as a noun in a capitalized headline; "Clinton camp: …"
    return None


def _actor_name_words(ctx: DocContext) -> frozenset[str]:
    """The capitalized words of the document's actor names ("Bernie Sanders" → "Sanders")."""
    return frozenset(
        w for a in ctx.actors for w in a.name.split() if w[:1].isupper() and len(w) > 2
    )


def _make(
    ctx: DocContext,
    content: tuple[int, int],
    ent: Span,
    cue: tuple[int, int],
    rule: str,
    regions: list[QuoteRegion],
) -> Attribution:
    content = trim(ctx.work, *content)
    inside = tuple(r for r in regions if content[0] <= r.start and r.end <= content[1])
    return Attribution(
        content=content,
        source=(ent.start_char, ent.end_char),
        source_token=ent.root,
        cue=cue,
        cue_token=None,
        cls="speech",
        rule=rule,
        confidence=0.6,
        regions=inside,
    )


def layout_attributions(
    ctx: DocContext, regions: list[QuoteRegion], nouns: dict[str, str] | None = None
) -> list[Attribution]:
    """Dash-signed paragraphs and headline colons with a named speaker."""
    nouns = nouns or {}
    out = []
    work = ctx.work
    for m in _DASH.finditer(work):
        ent = _speaker_span(ctx, m.start("source"), m.end("source"))
        if ent is None or len(m.group("content").split()) < 4:
            continue
        gap = work[m.end("content") : m.start("source")]
        dash = m.end("content") + len(gap) - len(gap.lstrip())
        cue = (dash, dash + len(gap.strip()))
        out.append(_make(ctx, (m.start("content"), m.end("content")), ent, cue, "dash", regions))
    for m in _COLON.finditer(work):
        ent = _speaker_span(ctx, m.start("source"), m.end("source"), label=True)
        if ent is None or ent.end_char < m.end("source") - 1:
            ent = _name_like(ctx, m.start("source"), m.end("source"), nouns)
        if ent is None:
            continue
        colon = m.end("source")
        out.append(
            _make(
                ctx,
                (m.start("content"), m.end("content")),
                ent,
                (colon, colon + 1),
                "headline",
                regions,
            )
        )
    return out
