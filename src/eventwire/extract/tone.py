"""Document tone in the spirit of GDELT's AvgTone, from the VADER sentiment lexicon.

Positive and negative are the percentages of word tokens that carry a positive or negative
valence in VADER's lexicon; tone is their difference and polarity their sum.
"""

from __future__ import annotations

from ..nlp.context import DocContext
from ..schema import Tone


def _lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def score(words: list[str], lexicon: dict[str, float]) -> Tone:
    """Tone of a list of lower-cased words."""
    n = len(words)
    if n == 0:
        return Tone(tone=0.0, positive=0.0, negative=0.0, polarity=0.0, words=0)
    pos = sum(1 for w in words if lexicon.get(w, 0.0) > 0)
    neg = sum(1 for w in words if lexicon.get(w, 0.0) < 0)
    p, q = 100.0 * pos / n, 100.0 * neg / n
    return Tone(
        tone=round(p - q, 3),
        positive=round(p, 3),
        negative=round(q, 3),
        polarity=round(p + q, 3),
        words=n,
    )


def run(ctx: DocContext) -> None:
    lexicon = ctx.resources.get("vader_lexicon", _lexicon)
    words = [t.lower_ for t in ctx.doc if t.is_alpha]
    ctx.tone = score(words, lexicon)
