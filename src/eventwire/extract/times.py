"""Times stage: find TIMEX3 expressions and normalize them against the publication date.

Detection is the data-driven grammar of :mod:`eventwire.resolve.timex_grammar`, run over the
working copy; each match is normalized by :mod:`eventwire.resolve.timex` with the tense of its
clause (:mod:`eventwire.resolve.tense`). Expressions inside an embedded tweet are anchored to
the tweet's own date. Spans are stored in original-text offsets.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable

from ..nlp.context import DocContext
from ..resolve.anchoring import (
    Reference,
    day_shift_before,
    shift_day_value,
    week_of_before,
    week_of_value,
)
from ..resolve.tense import (
    Tense,
    VerbLists,
    clause_tense,
    has_future_cue,
    has_past_cue,
    load_verb_lists,
    scheduled_present,
)
from ..resolve.timex import AbsoluteParser, Env, Timex, normalize
from ..resolve.timex_grammar import Grammar, Match, load_lexicon
from ..schema import TimeExpr

log = logging.getLogger(__name__)

# Rules whose value depends on the tense of the clause.
_TENSE_RULES = frozenset(
    {"weekday", "month", "date_mdy", "date_dmy", "season", "holiday", "weekend", "quarter", "clock"}
)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_CONFIDENCE = {"absolute": 0.9, "published": 0.75, "narrative": 0.6, "unresolved": 0.5}


def make_absolute_parser() -> AbsoluteParser:
    """A cached ``dateparser`` wrapper: full dates with a year -> (date, period) or ``None``."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "DATE_ORDER": "MDY"},
    )
    cache: dict[str, tuple[dt.date, str] | None] = {}

    def parse(text: str) -> tuple[dt.date, str] | None:
        if text not in cache:
            data = parser.get_date_data(text)
            cache[text] = (data.date_obj.date(), data.period) if data.date_obj else None
        return cache[text]

    return parse


def _grammar(ctx: DocContext) -> Grammar:
    return ctx.resources.get("times.grammar", lambda: Grammar(load_lexicon()))


def _tense_at(ctx: DocContext, match: Match) -> Tense:
    span = ctx.doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "PAST"
    before = ctx.work[max(0, match.start - 20) : match.start]
    if has_past_cue(before, match.text):
        return "PAST"  # "down 78% since May"
    cue = has_future_cue(before, match.text)
    tense = clause_tense(span.root, future_cue=cue)
    bare_weekday = match.rule == "weekday" and not match.get("rel") and not match.get("mod")
    if tense == "PRESENT" and bare_weekday and scheduled_present(span.root, _verb_lists(ctx)):
        return "FUTURE"  # "the two leaders meet Monday": a scheduled event
    return tense


def _verb_lists(ctx: DocContext) -> VerbLists:
    return ctx.resources.get("times.verb_lists", load_verb_lists)


def _is_noun(ctx: DocContext, match: Match) -> bool:
    span = ctx.doc.char_span(match.start, match.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in ("NOUN", "PROPN")


def _tweet_anchor(ctx: DocContext, start: int) -> dt.date | None:
    """The date of the embedded tweet whose body holds original offset ``start``, if any."""
    parse = _absolute(ctx)
    for tweet in ctx.tweets:
        if tweet.body_span[0] <= start < tweet.body_span[1]:
            parsed = parse(tweet.date_text)
            return parsed[0] if parsed else None
    return None


def _absolute(ctx: DocContext) -> AbsoluteParser:
    return ctx.resources.get("times.dateparser", make_absolute_parser)


def find_times(
    ctx: DocContext, tense_of: Callable[[DocContext, Match], Tense] = _tense_at
) -> list[TimeExpr]:
    """All time expressions of the document, normalized, in text order."""
    grammar = _grammar(ctx)
    parse = _absolute(ctx)
    out: list[TimeExpr] = []
    ref_quarter: tuple[int, int] | None = None
    ref = Reference()
    for match in grammar.find(ctx.work):
        if match.rule == "set_word" and _is_noun(ctx, match):
            continue  # "the Communist Party daily Granma" is a newspaper
        start, end = ctx.span(match.start, match.end)
        tense = tense_of(ctx, match) if match.rule in _TENSE_RULES else "PAST"
        anchor = _tweet_anchor(ctx, start) if ctx.tweets else None
        env = Env(
            lex=grammar.lex,
            dct=anchor or ctx.published,
            tense=tense,
            ref_quarter=ref_quarter,
            parse_absolute=parse,
            ref=ref,
        )
        timex: Timex | None = normalize(match, env)
        if timex is None:
            continue
        timex, start = _compose(ctx, match, timex, start)
        ref = ref.updated(timex.value)
        q = _QUARTER.match(timex.value)
        if q and match.rule == "quarter" and match.get("ord"):
            ref_quarter = (int(q.group(1)), int(q.group(2)))
        out.append(
            TimeExpr(
                id=ctx.next_id("T"),
                text=ctx.text[start:end],
                span=(start, end),
                type=timex.type,
                value=timex.value,
                sentence=ctx.sentence_of(match.start),
                anchor=timex.anchor,
                confidence=_CONFIDENCE[timex.anchor],
            )
        )
    return out


def _compose(ctx: DocContext, match: Match, timex: Timex, start: int) -> tuple[Timex, int]:
    """A day expression after "the day before/after" ("the day before last Tuesday's
    hearing") moves by one day; after "the week of" ("the week of March 6") it becomes that
    day's ISO week. The span widens to take the phrase (``start`` is an original offset)."""
    before = ctx.work[max(0, match.start - 40) : match.start]
    value, length = None, 0
    if (shift := day_shift_before(before)) is not None:
        value, length = shift_day_value(timex.value, shift[0]), shift[1]
    elif (week_of := week_of_before(before)) is not None:
        value, length = week_of_value(timex.value), week_of
    if value is None:
        return timex, start
    new_start, _ = ctx.span(match.start - length, match.start)
    return Timex("DATE", value, timex.anchor), new_start


def run(ctx: DocContext) -> None:
    """Find, normalize and store the document's time expressions in ``ctx.times``."""
    ctx.times.extend(find_times(ctx))
