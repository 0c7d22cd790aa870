"""An exact pre-filter for the TIMEX3 grammar: search each rule only where it can match.

Scanning an article with every compiled rule of :mod:`eventwire.resolve.timex_grammar` costs
one regex pass per rule over the whole text. :class:`Prefilter` hands each rule only the
stretches of text where it can match, from two facts read off the rule's parsed pattern
(:mod:`eventwire.resolve.timex_analysis`), so they follow the rules and the lexicon:

* **required strings**: every match of ``duration`` holds a unit word, every match of
  ``clock`` holds ``am``, ``p.m`` … and a digit (a rule's *clauses*);
* **barriers**: characters the rule can neither match nor look at (for ``month``: ``.`` and
  ``,``, quotes, brackets, dashes …). No match crosses one, and the rule's lookarounds answer
  at a barrier as at the end of the string, so the rule searched between two of its barriers
  (``pattern.finditer(text, start, end)``) finds exactly what the whole-text scan finds there.

One pass of a trie-shaped regex over a case-folded copy of the text (:meth:`Prefilter.fold`)
finds every occurrence of every required string, overlapping ones too; a rule is searched only
in its barrier-delimited segments that hold a string of each of its clauses. The matches are
those of the full scan (tested against it on random text). A rule the analysis can't bound
(no useful clause, or ``.``, negated classes, anchors in its pattern) is searched in full.
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
from collections import defaultdict

from .timex_analysis import (
    Clause,
    Unsupported,
    alphabet,
    required_clauses,
    trie_pattern,
)

Span = tuple[int, int]


# characters str.lower() already spells as the patterns' items do ("\n" becomes " " apart)
_PLAIN = frozenset(string.ascii_letters + string.digits + string.punctuation + " \n")
_SPACE = re.compile(r"\s")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile("[a-z]", re.IGNORECASE)


def fold_char(ch: str) -> str | None:
    """How :meth:`Prefilter.fold` spells a character beyond ``str.lower`` (``None``: as
    ``lower()`` does): a space as " ", a digit as its ASCII digit, and a letter that a
    case-insensitive pattern matches to an ASCII letter though its ``lower()`` is not that
    letter (dotless i, long s, dotted capital I) as that letter."""
    if _SPACE.fullmatch(ch):
        return " "
    if _DIGIT.fullmatch(ch):
        return str(int(ch))
    lower = ch.lower()
    if _LETTER.fullmatch(ch) and (len(lower) != 1 or not lower.isascii()):
        return next(x for x in string.ascii_lowercase if re.fullmatch(x, ch, re.IGNORECASE))
    return None


class Prefilter:
    """Where each rule of a grammar can match (build once, with the grammar)."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        gates: list[tuple[Clause, ...]] = []
        alphabets: list[frozenset[str] | None] = []
        for pattern in patterns:
            try:
                pieces: frozenset[str] | None = alphabet(pattern.pattern, pattern.flags)
            except Unsupported:
                pieces = None
            clauses = required_clauses(pattern.pattern, pattern.flags) if pieces else ()
            gates.append(clauses)
            alphabets.append(pieces if clauses else None)
        self.gates: tuple[tuple[Clause, ...], ...] = tuple(gates)
        # rules that look at the same characters share their barriers
        groups = sorted({a for a in alphabets if a is not None}, key=sorted)
        self._group_of = [groups.index(a) if a is not None else -1 for a in alphabets]
        self._group_class = [re.compile("[" + "".join(sorted(g)) + "]", re.I) for g in groups]
        common = frozenset.intersection(*groups) if groups else frozenset()
        # a character inside every group's alphabet is nobody's barrier: skip those at once
        self._candidates = re.compile("[^" + "".join(sorted(common | {r"\w", r"\s"})) + "]")
        clauses = sorted({c for g in gates for c in g}, key=sorted)
        self._clause_ids = [tuple(clauses.index(c) for c in g) for g in gates]
        fragments = {f for c in clauses for f in c}
        # at each position the trigger reports the longest string found there; the shorter
        # ones found there are its prefixes
        owners: dict[str, set[int]] = defaultdict(set)
        for i, clause in enumerate(clauses):
            for fragment in clause:
                owners[fragment].add(i)
        self._clauses_of = {
            found: tuple(
                sorted(set().union(*(owners.get(found[:k], ()) for k in range(1, len(found) + 1))))
            )
            for found in fragments
        }
        trigger = f"(?=({trie_pattern(fragments)}))" if fragments else "(?!)"
        self._trigger = re.compile(trigger)

    def fold(self, text: str) -> str | None:
        """``text`` with each character spelled as the patterns' items do (lower case, ASCII
        digits, " " for every space), its length kept; ``None`` if that can't be."""
        table = {}
        for ch in set(text) - _PLAIN:
            folded_ch = fold_char(ch)
            if folded_ch is not None and folded_ch != ch:
                table[ord(ch)] = folded_ch
        if table:
            table[ord("\n")] = " "
            folded = text.translate(table).lower()
        else:
            folded = text.lower().replace("\n", " ")
        return folded if len(folded) == len(text) else None

    def _barriers(self, text: str) -> list[list[int]]:
        """For each rule group, the sorted offsets of its barrier characters in ``text``."""
        at: dict[str, list[int]] = defaultdict(list)
        for m in self._candidates.finditer(text):
            at[m.group()].append(m.start())
        out = []
        for cls in self._group_class:
            mine = [at[ch] for ch in at if not cls.fullmatch(ch)]
            out.append(sorted(itertools.chain.from_iterable(mine)))
        return out

    def ranges(self, text: str) -> list[list[Span]]:
        """For each rule, the ``[start, end)`` stretches of ``text`` to search, in order."""
        whole = [(0, len(text))]
        folded = self.fold(text)
        if folded is None:
            return [whole for _ in self.gates]
        hits: dict[int, list[int]] = defaultdict(list)
        for m in self._trigger.finditer(folded):
            for clause in self._clauses_of[m.group(1)]:
                hits[clause].append(m.start())
        barriers = self._barriers(text)
        segments_of: dict[tuple[int, int], set[int]] = {}
        out: list[list[Span]] = []
        for rule, group in enumerate(self._group_of):
            if group < 0:
                out.append(whole)
                continue
            bars = barriers[group]
            segs: set[int] | None = None
            for clause in self._clause_ids[rule]:
                key = (group, clause)
                if key not in segments_of:
                    segments_of[key] = {bisect.bisect_left(bars, p) for p in hits.get(clause, ())}
                segs = segments_of[key] if segs is None else segs & segments_of[key]
            out.append(_spans(sorted(segs or ()), bars, len(text)))
        return out


def _spans(segs: list[int], bars: list[int], length: int) -> list[Span]:
    """The text stretches of segments ``segs`` (segment k lies between barriers k-1 and k);
    adjacent segments are joined into one stretch."""
    spans: list[Span] = []
    previous = -2
    for seg in segs:
        start = bars[seg - 1] + 1 if seg > 0 else 0
        end = bars[seg] if seg < len(bars) else length
        if seg == previous + 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        previous = seg
    return spans
