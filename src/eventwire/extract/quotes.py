"""Quotes stage. For now: embedded tweets as direct quotes with medium ``tweet``."""

from __future__ import annotations

from ..nlp.context import DocContext
from ..schema import Quote


def _tweet_date(date_text: str) -> str | None:
    import datetime as dt

    for fmt in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y"):
        try:
            return dt.datetime.strptime(date_text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def run(ctx: DocContext) -> None:
    for tweet in ctx.tweets:
        s, e = tweet.body_span
        owner = next((a for a in ctx.actors if a.handle == tweet.handle), None)
        ctx.quotes.append(
            Quote(
                id=ctx.next_id("Q"),
                text=ctx.text[s:e],
                span=(s, e),
                speaker=owner.name if owner else tweet.handle,
                speaker_span=tweet.handle_span,
                speaker_actor_id=owner.id if owner else None,
                cue=None,
                kind="direct",
                medium="tweet",
                date=_tweet_date(tweet.date_text),
                confidence=0.95,
            )
        )
