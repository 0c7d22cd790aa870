"""Text clean-up before NLP, on a working copy with an offset map back to the given text.

The record keeps ``text`` exactly as given; the NLP pipeline reads the normalized working copy.
Every span found in the working copy is mapped back with :class:`OffsetMap`, so spans in the
output index the given text exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# One-to-one replacements (keep the offsets): typographic quotes, odd spaces.
_ONE_TO_ONE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2039": "'",
    "\u203a": "'",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\t": " ",
    "\r": " ",
    "\f": " ",
    "\v": " ",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
}
# Characters removed from the working copy (zero-width marks, soft hyphen, BOM).
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the working copy back to the original text."""

    to_orig: tuple[int, ...]  # len(work) + 1 entries

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` for a working-copy span."""
        if end <= start:
            o = self.to_orig[start]
            return o, o
        return self.to_orig[start], self.to_orig[end - 1] + 1

    def offset(self, pos: int) -> int:
        return self.to_orig[pos]


def normalize(text: str) -> tuple[str, OffsetMap]:
    """The working copy of ``text`` (normalized quotes, spaces; zero-width marks removed)."""
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        out.append(_ONE_TO_ONE.get(ch, ch))
        idx.append(i)
    idx.append(len(text))
    return "".join(out), OffsetMap(tuple(idx))


@lru_cache(maxsize=1)
def _promo_patterns() -> tuple[re.Pattern[str], ...]:
    raw = resources.files("eventwire.data").joinpath("boilerplate.txt").read_text("utf-8")
    lines = [ln.strip() for ln in raw.splitlines()]
    return tuple(re.compile(ln, re.IGNORECASE) for ln in lines if ln and not ln.startswith("#"))


def promo_line_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of whole lines that are promotional boilerplate."""
    ranges = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and any(p.match(stripped) for p in _promo_patterns()):
            lead = len(line) - len(line.lstrip())
            ranges.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line)
    return ranges


@lru_cache(maxsize=1)
def _inline_patterns() -> tuple[re.Pattern[str], ...]:
    raw = resources.files("eventwire.data").joinpath("inline_boilerplate.txt").read_text("utf-8")
    lines = [ln.strip() for ln in raw.splitlines()]
    return tuple(re.compile(ln) for ln in lines if ln and not ln.startswith("#"))


def inline_boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of boilerplate inside lines (related-links widgets glued into
    article text): the ``junk`` group of each pattern's match, else the whole match."""
    ranges = []
    for pattern in _inline_patterns():
        group = "junk" if "junk" in pattern.groupindex else 0
        ranges.extend(m.span(group) for m in pattern.finditer(text))
    return sorted(ranges)


def blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with each range replaced by spaces (offsets unchanged)."""
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def drop_promo_lines(text: str) -> str:
    """``text`` without promotional lines (for extracted HTML/feed text, where no offsets exist yet)."""
    ranges = promo_line_ranges(text)
    if not ranges:
        return text
    kept = []
    last = 0
    for start, end in ranges:
        kept.append(text[last:start])
        last = end
    kept.append(text[last:])
    return re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip()


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# "<tweet text> — Display Name (@handle) January 3, 2020" as left by an embedded tweet.
_TWEET_EMBED = re.compile(
    r"(?P<body>[^\n]*?\S)\s*(?:pic\.twitter\.com/\w+\s*)?"
    r"(?:[\u2014\u2013]|--?|&mdash;)\s*(?P<name>[^\n()\u2014]{0,80}?)\s*"
    r"\((?P<handle>@\w{1,15})\)\s*(?P<date>(?:" + _MONTHS + r")\.?\s+\d{1,2},\s+\d{4})"
)


@dataclass(frozen=True)
class TweetEmbed:
    """An embedded tweet found in the text: its body, author and date (spans into the text)."""

    body_span: tuple[int, int]
    name: str
    name_span: tuple[int, int]
    handle: str
    handle_span: tuple[int, int]
    date_text: str
    date_span: tuple[int, int]


def _tweet_body(text: str, start: int, end: int) -> tuple[int, int]:
    """The tweet's own words: the body line without leading space and without the embed tags
    some pages wrap it in ("<tweet id=… author=…>…</tweet>")."""
    while start < end and text[start].isspace():
        start += 1
    if text.startswith("<", start):
        close = text.find(">", start, end)
        if close != -1:
            start = close + 1
    tag = text.rfind("</", start, end)
    if tag != -1:
        end = tag
    return start, end


def find_tweet_embeds(text: str) -> list[TweetEmbed]:
    """Embedded tweets (``… — Name (@handle) Month D, YYYY``) in ``text``."""
    found = []
    if "(@" not in text:  # the pattern needs "(@handle)"; skip its slow scan of every line
        return found
    for m in _TWEET_EMBED.finditer(text):
        found.append(
            TweetEmbed(
                body_span=_tweet_body(text, *m.span("body")),
                name=m.group("name").strip(),
                name_span=m.span("name"),
                handle=m.group("handle"),
                handle_span=m.span("handle"),
                date_text=m.group("date"),
                date_span=m.span("date"),
            )
        )
    return found
