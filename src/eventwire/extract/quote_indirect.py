"""Attributions anchored on a reporting cue: "X said (that) …", "X told reporters …",
"X urged …", "according to X, …", "X said: …", and quotations attached to their cue.

Each reporting verb of the lexicon is read from the dependency parse: its subject is the
source; its content is the clause, infinitive, object or prepositional object its frames
allow, widened to the quotation it overlaps or sits next to ("“…,” she said, “…”").
Offsets are in the working copy; the stage converts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Token

from ..nlp.context import DocContext
from ..nlp.syntax import coordination_head
from .actors import actor_at
from .quote_direct import QuoteRegion, is_full_quote, starts_quote
from .quote_ends import cut_trailing_aside, infinitive_end
from .quote_frames import (
    Regions,
    colon_content,
    content_of,
    subtree_extent,
    token_extent,
    tokens_with,
)
from .quote_lexicon import SPEAKER_CLASSES, SUBJECT_CLASSES, Cue, QuoteLexicon

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "xcomp", "advcl", "ccomp")
_NP_DROP = ("relcl", "acl", "punct", "cc", "prep")
_NP_KEEP_PREPS = ("of", "for", "at")
_SPEAKER_PRONOUNS = frozenset(
    {"i", "we", "you", "he", "she", "they", "who", "my", "our", "your", "his", "her", "their"}
)
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: heads of a share of a group: "most (of the voters)", "a third", "55 percent"
_SHARE_HEADS = frozenset(
    {"percent", "majority", "minority", "plurality", "half", "third", "quarter", "most", "many"}
    | {"some", "all", "few", "several", "number", "share", "none", "both", "each", "two"}
)
#: at most this many words between a cue and a quoted phrase (not a full quotation) it reports
MAX_PHRASE_GAP_WORDS = 3
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z .,'-]{2,40}|[A-Z][A-Za-z0-9 .,'-]{2,60}\([A-Z]{2,10}\))"
    r"\s*(?:\([A-Za-z. ]{1,20}\))?\s*[—–-]{1,2}\s+"
)
_TRIM_CHARS = " \n,;:.-—–"


@dataclass
class Attribution:
    """Who said what, in working-copy offsets, before speaker resolution."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    source_token: Token | None
    cue: tuple[int, int] | None
    cue_token: Token | None
    cls: str
    rule: str
    confidence: float = 0.6
    regions: tuple[QuoteRegion, ...] = ()
    # The cue has a subject of its own; such a cue inside another statement's content reports
    # that statement (measured on PolNeAR dev: dropping it is better than keeping it).
    climbed: bool = False


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing through coordinated and subordinate verbs.

    A passive's agent wins over its grammatical subject ("was asked by the moderator"); a
    subject in another paragraph (a parse that ran over a dateline or timestamp) does not count.
    """
    subj = _subject(verb)
    if subj is None:
        return None
    first, last = min(subj.i, verb.i), max(subj.i, verb.i)
    if any("\n" in tok.text_with_ws for tok in verb.doc[first:last]):
        return None
    return subj


def _subject(verb: Token) -> Token | None:
    tok = verb
    for _ in range(3):
        for child in tok.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                return child
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "a group backing Bush"
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            return None
        tok = coordination_head(tok)  # "said that X condemns … and urged …": the ministry
    return None


def speaker_like(ctx: DocContext, tok: Token | None, nouns: dict[str, str]) -> bool:
    """Whether a subject can hold an attitude: a personal pronoun, a named or known actor, a
    speaker noun ("the senator", "voters"), or a share of such ("half of the voters")."""
    for _ in range(3):
        if tok is None:
            return False
        low = tok.lower_
        if tok.pos_ == "PRON":
            return low in _SPEAKER_PRONOUNS
        if tok.ent_type_ in _SPEAKER_ENTS or tok.pos_ == "PROPN" or actor_at(ctx, tok.i):
            return True
        lemma = tok.lemma_.lower()
        if lemma in nouns:
            return True
        if lemma not in _SHARE_HEADS and tok.ent_type_ not in ("PERCENT", "CARDINAL"):
            return False
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return True  # "half said so", "55 percent want …"
        tok = next((c for c in of.children if c.dep_ == "pobj"), None)
    return False


def np_extent(tok: Token) -> tuple[int, int]:
    """Character extent of the noun phrase headed by ``tok`` (no relative clauses)."""
    start, end = tok.idx, tok.idx + len(tok)
    for child in tok.children:
        if child.dep_ in _NP_DROP and child.i > tok.i and child.lower_ not in _NP_KEEP_PREPS:
            continue
        sub = list(child.subtree)
        start = min(start, sub[0].idx)
        end = max(end, sub[-1].idx + len(sub[-1]))
    return start, end


def trim(work: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and stray punctuation from both ends (a closing quotation mark stays)."""
    while start < end and work[start] in _TRIM_CHARS:
        start += 1
    dateline = _DATELINE.match(work, start, end)
    if dateline is not None:
        start = dateline.end()  # "WASHINGTON (AP) — …": the wire's dateline is no content
    while end > start and work[end - 1] in _TRIM_CHARS:
        end -= 1
    if end < len(work) and work[end : end + 1] in ".,!?" and starts_quote(work, end + 1):
        end += 3 if work[end + 1 : end + 3] == "''" else 2  # keep "…," and "…."
    return start, end


def _is_verb(tok: Token) -> bool:
    """A verb, or a clause root the tagger took for a noun ("The senator plans to …")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children)


def _in_markup(tok: Token) -> bool:
    """A word of an embedded tag ("<tweet author=…>"), not of the text."""
    return tok.i > 0 and tok.nbor(-1).text in ("<", "</")


def _as_clause(verb: Token) -> tuple[int, int] | None:
    """ "As the newspaper noted, …": the main clause the as-clause comments on."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    ):
        return None
    head = verb.head
    sub_s, sub_e = subtree_extent(verb)
    clause_s, clause_e = subtree_extent(head)
    left, right = (clause_s, sub_s), (sub_e, clause_e)
    return right if right[1] - right[0] >= left[1] - left[0] else left


def _particles(verb: Token) -> set[str]:
    """Particles of a phrasal cue; an adverb right after the verb counts ("shot back")."""
    return {
        c.lower_
        for c in verb.children
        if c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.i == verb.i + 1)
    }


def _frame_extent(verb: Token, skip: set[int], regs: Regions) -> tuple[int, int]:
    """Extent of the attribution frame: the verb and its non-content dependents."""
    start, end = token_extent(verb)
    for child in verb.children:
        if child.i in skip or child.dep_ in ("punct", "ccomp", "parataxis", "conj", "cc"):
            continue
        if regs.inside(child.idx) is not None and regs.inside(verb.idx) is None:
            continue
        if child.dep_ == "advcl" and child.i > verb.i:
            continue
        s, e = subtree_extent(child)
        for r in regs.overlapping(s, e):
            if r.start > verb.idx:
                e = min(e, r.start)  # a quotation the parser hung under the speaker
        start, end = min(start, s), max(end, e)
    return start, end


def attributions_from_cues(
    ctx: DocContext, lexicon: QuoteLexicon, regions: list[QuoteRegion]
) -> list[Attribution]:
    """Attributions anchored on reporting verbs, in text order."""
    regs = Regions(ctx.work, regions)
    out: list[Attribution] = []
    doc = ctx.doc
    if not len(doc):
        return out
    for verb in tokens_with(doc, LEMMA, lexicon.cues):
        if verb.dep_ in ("amod", "compound") or not _is_verb(verb) or _in_markup(verb):
            continue
        cue = lexicon.cue_for(verb.lemma_.lower(), _particles(verb))
        if cue is None:
            continue
        if regs.in_full_quote(ctx, verb.idx):
            continue
        att = _attribution(ctx, verb, cue, regs, lexicon)
        if att is not None:
            out.append(att)
    out.extend(_that_clause_verbs(ctx, lexicon, regs))
    return out


#: a verb outside the lexicon that a speaker uses to introduce a that-clause
_GENERIC_CUE = Cue("", None, "belief", frozenset({"ccomp"}))
_NOT_ATTITUDE = frozenset({"be", "make", "mean", "ensure", "require", "so", "find"})


def _that_clause_verbs(ctx: DocContext, lexicon: QuoteLexicon, regs: Regions) -> list[Attribution]:
    """ "X reasoned that …", "X figured that …": a verb the lexicon lacks, with a speaker
    subject and a that-clause, reports what the speaker said or thinks."""
    doc = ctx.doc
    out: list[Attribution] = []
    for mark in tokens_with(doc, LOWER, ("that",)):
        clause = mark.head
        if mark.dep_ != "mark" or clause.dep_ != "ccomp" or clause.i < mark.i:
            continue
        verb = clause.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() in lexicon.cues or verb.i > mark.i:
            continue
        if verb.lemma_.lower() in _NOT_ATTITUDE or _in_markup(verb):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or not speaker_like(ctx, subj, lexicon.speaker_nouns):
            continue
        if regs.in_full_quote(ctx, verb.idx):
            continue
        att = _attribution(ctx, verb, _GENERIC_CUE, regs, lexicon)
        if att is not None:
            att.confidence -= 0.1
            out.append(att)
    return out


def _coordinated_content(verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """Widen over a verb the parser coordinated with the cue but that goes with the content
    ("says Obama is acting unlawfully [and showing disregard …]"): a subjectless conjunct
    right after the content whose form differs from the cue's."""
    for child in verb.children:
        if child.dep_ != "conj" or child.idx < content[1] or child.pos_ != "VERB":
            continue
        if child.tag_ == verb.tag_ or any(c.dep_ in _SUBJECTS for c in child.children):
            continue
        between = verb.doc.char_span(content[1], child.idx, alignment_mode="expand")
        if between is not None and all(t.dep_ in ("cc", "punct") for t in between):
            return content[0], subtree_extent(child)[1]
    return content


def _cut_at_next_cue(
    ctx: DocContext, verb: Token, content: tuple[int, int], regs: Regions, lexicon: QuoteLexicon
) -> tuple[int, int]:
    """End the content before a coordinated or adverbial reporting verb inside it
    ("that he would pray for the nominee [but did not suggest …]", "[, telling reporters …]")."""
    start, end = content
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    for tok in span or ():
        if tok is verb or tok.dep_ not in ("conj", "advcl") or tok.idx <= start:
            continue
        if regs.inside(tok.idx) is not None:
            continue
        own_subject = any(c.dep_ in _SUBJECTS for c in tok.children)
        # a reporting verb parallel to the cue ("said that … [but did not suggest …]")
        cue_verb = (
            tok.pos_ == "VERB"
            and (
                tok.tag_ == verb.tag_
                or any(c.dep_ == "aux" and c.tag_ == verb.tag_ for c in tok.children)
            )
            and bool(lexicon.cues.get(tok.lemma_.lower()))
            and not own_subject
        )
        # ", referring to the convention": a participle tacked on after the statement
        participle = tok.tag_ == "VBG" and tok.dep_ == "advcl" and _after_comma(tok)
        if not (cue_verb or participle):
            continue
        left = tok.left_edge
        while (
            left.i > 0
            and left.nbor(-1).dep_ in ("cc", "punct")
            and left.nbor(-1).text not in ('"', "''")
            and left.nbor(-1).idx > start
        ):
            left = left.nbor(-1)
        if left.idx > start + 1:
            return start, left.idx
    return content


def _after_comma(tok: Token) -> bool:
    """Whether a comma stands right before ``tok``, or closes the quotation before it
    ("“… by Cleveland,” referring to …")."""
    prev = tok.nbor(-1)
    if prev.text == ",":
        return True
    return prev.is_quote and prev.i > 0 and prev.nbor(-1).text == ","


def _attribution(
    ctx: DocContext, verb: Token, cue: Cue, regs: Regions, lexicon: QuoteLexicon
) -> Attribution | None:
    if any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in verb.children):
        return None  # "what she calls “real solutions”": a label inside another statement
    found = content_of(verb, cue, regs, lexicon.media)
    content: tuple[int, int] | None = None
    rule = "none"
    skip: set[int] = set()
    if found is not None:
        content, rule, skip = found
        content = clip_to_paragraph(ctx.work, verb.idx, content)  # parses leak across
        if content[1] - content[0] < 2:
            content, rule = None, "none"
    frame_s, frame_e = _frame_extent(verb, skip, regs)
    if "quote" in cue.frames:
        before, after = regs.before(frame_s), regs.after(frame_e)
        if content is not None and content[1] <= verb.idx and before is not None:
            content = (min(content[0], before.start), max(content[1], before.end))
            rule = "quote"
        elif content is None and before is not None and _is_sentence_start(ctx, before.start):
            content, rule = (before.start, before.end), "quote"
        elif content is None and after is not None and _quotes_after(ctx, verb, after):
            content, rule = (after.start, after.end), "quote"
    if content is None and "colon" in cue.frames:
        content, rule = colon_content(ctx, verb), "colon"
    if content is None and verb.dep_ == "parataxis":
        content, rule = _inserted(ctx, verb, (frame_s, frame_e)), "ccomp"
    if content is None and "ccomp" in cue.frames and cue.particle is None:
        content, rule = _as_clause(verb), "as"  # "As the paper noted, …" (not "as it went on")
    if content is None:
        return None
    # Widen to every quotation the content overlaps ("“A. B,” he said" parses only "B").
    for r in regs.overlapping(*content):
        if not (r.start >= content[0] and r.end <= content[1]) and not (
            r.start <= verb.idx < r.end
        ):
            content = (min(content[0], r.start), max(content[1], r.end))
    # “A,” she said, “B.”: the quotation right after the frame continues the statement,
    # whichever of the two the parse gave as the content.
    if rule in ("quote", "ccomp") and content[1] <= frame_s:
        nxt = regs.after(frame_e)
        if nxt is not None and nxt.start > verb.idx:
            content = (content[0], nxt.end)
    elif rule in ("quote", "ccomp") and content[0] >= frame_e:
        prev = regs.before(frame_s)
        if prev is not None and prev.end <= verb.idx and _is_sentence_start(ctx, prev.start):
            content = (prev.start, content[1])
    if rule == "ccomp":
        content = _coordinated_content(verb, content)
    content = _cut_at_next_cue(ctx, verb, content, regs, lexicon)
    content = trim(ctx.work, *cut_trailing_aside(ctx.doc, content, regs))
    if rule == "xcomp":
        content = trim(ctx.work, *infinitive_end(ctx.doc, content, regs))
    if rule == "ccomp" and regs.inside(verb.idx) is None:
        content = _parenthetical(ctx, verb, (frame_s, frame_e), content)
    content = trim(ctx.work, *content)
    if content[1] - content[0] < 2 or not any(
        ch.isalnum() for ch in ctx.work[content[0] : content[1]]
    ):
        return None
    subj = subject_of(verb)
    if subj is not None and regs.inside(subj.idx) is not None:
        subj = None  # the parser took a word of the quotation for the speaker
    if cue.cls in SUBJECT_CLASSES and subj is None:
        return None
    if cue.cls in SPEAKER_CLASSES and not speaker_like(ctx, subj, lexicon.speaker_nouns):
        return None
    source = np_extent(subj) if subj is not None else None
    if source is not None and content[0] < source[0] < content[1] <= verb.idx:
        content = _cut_before_source(ctx.work, content, source, regs)
        if content is None:
            return None
    cue_end = verb.idx + len(verb)
    prt = next(
        (
            c
            for c in verb.children
            if c.i == verb.i + 1 and (c.dep_ == "prt" or c.lower_ == cue.particle)
        ),
        None,
    )
    if prt is not None:
        cue_end = prt.idx + len(prt)
    conf = {"quote": 0.85, "ccomp": 0.75, "colon": 0.7}.get(rule, 0.6)
    return Attribution(
        content=content,
        source=source,
        source_token=subj,
        cue=(verb.idx, cue_end),
        cue_token=verb,
        cls=cue.cls,
        rule=rule,
        confidence=conf if subj is not None else conf - 0.15,
        regions=tuple(regs.overlapping(*content)),
        climbed=subj is not None,
    )


def _parenthetical(
    ctx: DocContext, verb: Token, frame: tuple[int, int], content: tuple[int, int]
) -> tuple[int, int]:
    """A frame set off by commas inside the statement ("The emails, the paper said, were
    routine"): the statement is the whole sentence around it, as in PolNeAR's envelopes."""
    work = ctx.work
    sent = verb.sent
    s, e = clip_to_paragraph(work, verb.idx, (sent.start_char, sent.end_char))
    left, right = work[s : frame[0]].rstrip(), work[frame[1] : e].lstrip()
    if not (left.endswith(",") and right.startswith(",")):
        return content
    if len(left.split()) < 2 or len(right.split()) < 2:
        return content
    if not any(c.dep_ in _SUBJECTS for c in verb.children):
        return content  # ", saying, “…”": a participle frame, not an inserted one
    nxt = ctx.doc.char_span(frame[1], e, alignment_mode="expand")
    words = [t for t in nxt or () if not t.is_punct and not t.is_space]
    if not words or words[0].tag_ in ("IN", "WRB", "TO", "WDT"):
        return content  # ", he said after the meeting, because …": the frame goes on
    if content[1] <= frame[0] or content[0] >= frame[1]:
        return min(content[0], s), max(content[1], e)
    return content


def _inserted(ctx: DocContext, verb: Token, frame: tuple[int, int]) -> tuple[int, int] | None:
    """The statement around a frame the parser set aside ("The bridge will open, the
    ministry said." / "The bridge, it said, will open"): the rest of the sentence."""
    if not any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    work = ctx.work
    s, e = clip_to_paragraph(work, verb.idx, (verb.sent.start_char, verb.sent.end_char))
    left, right = trim(work, s, frame[0]), trim(work, frame[1], e)
    sides = [side for side in (left, right) if len(work[side[0] : side[1]].split()) >= 2]
    if not sides:
        return None
    return sides[0][0], sides[-1][1]


def _quotes_after(ctx: DocContext, verb: Token, region: QuoteRegion) -> bool:
    """Whether a quotation after the cue's frame is what the cue reports: a full quotation
    (“said on Tuesday in an interview, “…”"), or a phrase close to the cue ("said “…”").
    A phrase quoted far inside the clause ("says the movement appeals to the “bad angels”")
    is a label within the statement, not the statement."""
    if is_full_quote(ctx, region):
        return True
    gap = ctx.work[verb.idx + len(verb) : region.start]
    return len(gap.split()) <= MAX_PHRASE_GAP_WORDS


def _cut_before_source(
    work: str, content: tuple[int, int], source: tuple[int, int], regs: Regions
) -> tuple[int, int] | None:
    """A content that swallowed its own speaker ("“A,” Jo Roe, a founder of X, tells …" parsed
    as one clause) ends before the speaker: at the last quotation closed before it."""
    closed = [r.end for r in regs.overlapping(*content) if r.end <= source[0]]
    end = max(closed) if closed else source[0]
    start, end = trim(work, content[0], end)
    return (start, end) if end - start >= 2 else None


def clip_to_paragraph(work: str, pos: int, content: tuple[int, int]) -> tuple[int, int]:
    """Keep a parsed content inside the paragraph of the cue (parses can leak across)."""
    para_s = work.rfind("\n", 0, pos) + 1
    para_e = work.find("\n", pos)
    para_e = len(work) if para_e == -1 else para_e
    return max(content[0], para_s), min(content[1], para_e)


def _is_sentence_start(ctx: DocContext, pos: int) -> bool:
    before = ctx.work[:pos].rstrip(" ")
    return not before or before[-1] in ".!?:\n\"'"
