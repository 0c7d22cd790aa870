"""Quotes stage: who said what, with the speaker tied to a document actor.

Sources of quotes, merged in this order:

1. embedded tweets (``ctx.tweets``): direct quotes with medium ``tweet`` and the handle;
2. attributions anchored on reporting cues (:mod:`.quote_indirect`): "X said (that) …",
   "according to X, …", "X said: …", quotations next to their cue, interrupted quotations;
3. layout attributions (:mod:`.quote_layout`): dash attributions and headline colons;
4. quotations no cue claimed (:mod:`.quote_direct`): continue the statement before them
   in the same paragraph, or stand alone with the speaker of the passage before them.

Speakers are resolved by :mod:`.speakers`. Offsets are found in the working copy and
stored in original offsets.
"""

from __future__ import annotations

import datetime as dt

from ..nlp.context import DocContext
from ..schema import Quote
from .quote_direct import (
    QuoteRegion,
    find_regions,
    is_full_quote,
    starts_quote,
    starts_sentence,
)
from .quote_evidential import evidential_attributions
from .quote_frames import token_extent
from .quote_indirect import (
    Attribution,
    Regions,
    attributions_from_cues,
    np_extent,
    subject_of,
    trim,
)
from .quote_layout import layout_attributions
from .quote_lexicon import RESOURCE_KEY, QuoteLexicon, load_lexicon
from .quote_nominal import according_to, adjective_attributions, nominal_attributions
from .speakers import Speaker, resolve

#: at most this many characters of speaker and cue between two parts of one statement
MAX_CONTINUATION_GAP = 300
_SUBORDINATE_DEPS = frozenset({"advcl", "acl", "relcl", "amod", "pcomp", "xcomp"})
_CONNECTIVES = frozenset({"but", "and", "so", "yet", "still", "then", "or"})
_WRITTEN_MEDIUM = {"tweet": "tweet", "retweet": "tweet", "write": "written", "post": "social"}


def _tweet_date(date_text: str) -> str | None:
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y"):
        try:
            return dt.datetime.strptime(date_text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _tweet_quotes(ctx: DocContext) -> list[Quote]:
    quotes = []
    for tweet in ctx.tweets:
        s, e = tweet.body_span
        owner = next((a for a in ctx.actors if a.handle == tweet.handle), None)
        quotes.append(
            Quote(
                id="",
                text=ctx.text[s:e],
                span=(s, e),
                speaker=owner.name if owner else tweet.handle,
                speaker_span=tweet.handle_span,
                speaker_actor_id=owner.id if owner else None,
                cue=None,
                kind="direct",
                medium="tweet",
                date=_tweet_date(tweet.date_text),
                sentence=ctx.sentence_of_original(s),
                confidence=0.95,
            )
        )
    return quotes


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose content mostly repeats a more confident one."""
    kept: list[Attribution] = []
    for att in sorted(atts, key=lambda a: -a.confidence):
        if all(_overlap(att.content, k.content) < 0.6 for k in kept):
            kept.append(att)
    return sorted(kept, key=lambda a: a.content)


def _drop_nested(atts: list[Attribution]) -> list[Attribution]:
    """Drop a cue that only borrows its subject from inside another statement's content
    ("says Obama is acting unlawfully and [showing] disregard …": not Obama's statement)."""
    return [
        a
        for a in atts
        if not (
            a.climbed
            and a.cue
            and any(
                b is not a and b.rule != "evidential" and b.content[0] <= a.cue[0] < b.content[1]
                for b in atts
            )
        )
    ]


def _reports_anew(att: Attribution) -> bool:
    """Whether a cue starts a statement of its own, so a quotation after it does not go on
    with the statement before it. Cues subordinate to another clause ("when asked if …",
    ", referring to …", "a group called …") do not."""
    tok = att.cue_token
    return tok is None or tok.dep_ not in _SUBORDINATE_DEPS


def _after_connective(work: str, pos: int) -> bool:
    """Whether only a sentence-initial connective stands between a sentence start and
    ``pos`` ("… he said. But “…”")."""
    before = work[:pos].rstrip(" ,")
    word_start = max(before.rfind(" "), before.rfind("\n")) + 1
    word = before[word_start:]
    return word.lower() in _CONNECTIVES and (
        not before[:word_start].strip() or before[:word_start].rstrip()[-1] in '.!?\n"'
    )


def _continues(ctx: DocContext, prev: Attribution, region: QuoteRegion, cues: list[int]) -> bool:
    """Whether ``region`` goes on with the statement of ``prev`` ("“A,” he said. “B.”").

    True when nothing but ``prev``'s own frame (speaker and cue) lies between them, in the
    same paragraph or with ``region`` opening the next one.
    """
    work = ctx.work
    gap_start, gap_end = prev.content[1], region.start
    if gap_end - gap_start > MAX_CONTINUATION_GAP:
        return False
    own = prev.cue[0] if prev.cue else -1
    if any(gap_start <= c < gap_end and c != own for c in cues):
        return False
    gap = work[gap_start:gap_end]
    if gap.count("\n") > 2 or gap.strip("\n ").count("\n"):
        return False
    if "\n" in gap and gap[gap.rfind("\n") + 1 :].strip():
        return False
    return not gap.strip() or (prev.cue is not None and prev.cue[0] >= gap_start)


def _colon_introduced(ctx: DocContext, region: QuoteRegion) -> Attribution | None:
    """A quotation introduced by a colon after a clause with a subject and no reporting
    verb ("She turned to the crowd: “…”", "Smith was blunt:¶“…”"): the clause's subject
    said it, and the clause's verb is the cue."""
    work = ctx.work
    colon = work[: region.start].rstrip(" \n")
    pos = len(colon) - 1
    if "\n\n\n" in work[pos : region.start] or work[pos : region.start].count("\n") > 2:
        return None
    span = ctx.doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    root = span[0].sent.root if span[0].text == ":" else None
    if root is None or root.i >= span.start or root.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(root)
    if subj is None or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    return Attribution(
        content=trim(work, region.start, region.end),
        source=np_extent(subj),
        source_token=subj,
        cue=token_extent(root),
        cue_token=root,
        cls="speech",
        rule="colon",
        confidence=0.6,
        regions=(region,),
        climbed=True,
    )


def _continue_quotes(
    ctx: DocContext, atts: list[Attribution], regions: list[QuoteRegion]
) -> list[Attribution]:
    """Attach quotations no attribution claimed: widen the statement they continue, or
    stand alone (speaker inherited) when they open a paragraph."""
    work = ctx.work
    cues = sorted(a.cue[0] for a in atts if a.cue and _reports_anew(a))
    extra: list[Attribution] = []
    for region in regions:
        if any(a.content[0] <= region.start and region.end <= a.content[1] for a in atts):
            continue
        prev = max(
            (a for a in atts if a.content[1] <= region.start and _reports_anew(a)),
            key=lambda a: a.content[1],
            default=None,
        )
        after_comma = work[: region.start].rstrip(" ").endswith(",")
        direct_before = prev is not None and starts_quote(work, prev.content[0])
        opens = starts_sentence(ctx, region) or _after_connective(work, region.start)
        if not opens and not (after_comma and direct_before):
            continue
        if not is_full_quote(ctx, region) and not (after_comma and direct_before):
            continue
        if prev is not None and _continues(ctx, prev, region, cues):
            prev.content = (prev.content[0], region.end)
            continue
        if work[: region.start].rstrip(" \n").endswith(":"):
            colon = _colon_introduced(ctx, region)
            if colon is not None:
                extra.append(colon)
            continue
        if work[: region.start].rstrip(" ")[-1:] not in ("", "\n"):
            continue
        s, e = trim(work, region.start, region.end)
        extra.append(
            Attribution(
                content=(s, e),
                source=None,
                source_token=None,
                cue=None,
                cue_token=None,
                cls="speech",
                rule="continued",
                confidence=0.45,
                regions=(region,),
            )
        )
    return atts + extra


def _inside_tweet(ctx: DocContext, att: Attribution, tweet: tuple[int, int]) -> bool:
    """Whether an attribution repeats an embedded tweet or is quoted from inside one."""
    if att.cue is not None:
        cue = ctx.span(*att.cue)[0]
        if tweet[0] <= cue < tweet[1]:
            return True
    return _overlap(ctx.span(*att.content), tweet) > 0.5


def _kind(ctx: DocContext, att: Attribution) -> str:
    if starts_quote(ctx.work, att.content[0]) or any(
        r.start == att.content[0] for r in att.regions
    ):
        return "direct"
    s, e = att.content
    return "mixed" if any(s <= r.start and r.end <= e for r in att.regions) else "indirect"


def _medium(ctx: DocContext, att: Attribution, lexicon: QuoteLexicon) -> str | None:
    if att.cue_token is None:
        return None
    lemma = att.cue_token.lemma_.lower()
    if lemma in _WRITTEN_MEDIUM:
        return _WRITTEN_MEDIUM[lemma]
    s, e = att.content
    for tok in att.cue_token.sent:
        if not (s <= tok.idx < e):
            medium = lexicon.media.get(tok.lower_)
            if medium is not None:
                return medium
    return None


def _quote(ctx: DocContext, att: Attribution, speaker: Speaker | None, lex: QuoteLexicon) -> Quote:
    s, e = ctx.span(*att.content)
    cue_span = ctx.span(*att.cue) if att.cue else None
    return Quote(
        id="",
        text=ctx.text[s:e],
        span=(s, e),
        speaker=speaker.name if speaker else None,
        speaker_span=speaker.span if speaker else None,
        speaker_actor_id=speaker.actor.id if speaker and speaker.actor else None,
        cue=ctx.text[cue_span[0] : cue_span[1]] if cue_span else None,
        cue_span=cue_span,
        kind=_kind(ctx, att),  # type: ignore[arg-type]
        medium=_medium(ctx, att, lex),
        sentence=ctx.sentence_of(att.content[0]),
        confidence=round(att.confidence, 2),
    )


def run(ctx: DocContext) -> None:
    """Find the document's quotes and append them to ``ctx.quotes``."""
    lexicon = ctx.resources.get(RESOURCE_KEY, load_lexicon)
    quotes = _tweet_quotes(ctx)
    tweet_spans = [q.span for q in quotes]
    regions = find_regions(ctx)
    regs = Regions(ctx.work, regions)
    atts = (
        attributions_from_cues(ctx, lexicon, regions)
        + according_to(ctx, regs)
        + nominal_attributions(ctx, lexicon, regs)
        + adjective_attributions(ctx, lexicon, regs)
        + evidential_attributions(ctx, regs)
        + layout_attributions(ctx, regions, lexicon.speaker_nouns)
    )
    atts = _continue_quotes(ctx, _drop_nested(_dedupe(atts)), regions)
    atts = [
        a
        for a in sorted(atts, key=lambda a: a.content)
        if not any(_inside_tweet(ctx, a, t) for t in tweet_spans)
    ]
    speakers = resolve(ctx, atts, lexicon.speaker_nouns)
    quotes += [_quote(ctx, a, sp, lexicon) for a, sp in zip(atts, speakers, strict=True)]
    for q in sorted(quotes, key=lambda q: q.span):
        q.id = ctx.next_id("Q")
        ctx.quotes.append(q)
