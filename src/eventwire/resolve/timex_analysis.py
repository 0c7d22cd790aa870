"""What a compiled grammar rule can match, read off its parsed pattern (for the pre-filter).

Two questions about a regular expression, answered by walking the tree Python's own regex
parser builds (``re._parser``), so they follow every rule and lexicon change by themselves:

* :func:`required_clauses`: literal strings a match must contain. A clause is a set of
  strings; every match holds one string of each clause, compared on the folded text of
  :meth:`eventwire.resolve.timex_prefilter.Prefilter.fold` (lower case, every digit as an
  ASCII digit, every space as " "). ``duration`` yields its unit words; ``clock`` yields
  ``am``, ``p.m`` … and a digit.
* :func:`alphabet`: every character the pattern can look at, lookarounds included, as
  character-class syntax. A character outside it can neither be part of a match nor change a
  lookaround's answer, so it bounds the stretch a match can lie in.

Both are sound approximations: a clause is only ever a weaker requirement than the pattern's,
an alphabet only a larger set; constructs not modelled raise :class:`Unsupported` (alphabet)
or give no clause.
"""

from __future__ import annotations

import re
import string
from re import _constants as sre_c  # the regex parser's opcodes (Python 3.11+)
from re import _parser as sre_parse

Clause = frozenset[str]

MAX_STRINGS = 64  # literal strings one item or run of items may expand to
_SMALL_CLASS = 12  # a character class of at most this many (folded) characters is expanded
_CLAUSES_PER_RULE = 2
_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT)
_CLASS_SYNTAX = {
    sre_c.CATEGORY_DIGIT: r"\d",
    sre_c.CATEGORY_SPACE: r"\s",
    sre_c.CATEGORY_WORD: r"\w",
}
# what a category folds to: every digit to its ASCII digit, every space to " "
_CATEGORY_CHARS = {sre_c.CATEGORY_DIGIT: string.digits, sre_c.CATEGORY_SPACE: " "}


class Unsupported(ValueError):
    """The pattern uses a construct the alphabet analysis does not model."""


def _fold_char(ch: str) -> str | None:
    """How the folded text spells ``ch`` (``None`` for a cased non-ASCII letter)."""
    if ch.isspace():
        return " "
    if not ch.isascii() and ch.lower() != ch.upper():
        return None
    return ch.lower()


def _class_chars(av: list) -> frozenset[str] | None:
    chars: set[str] = set()
    for item_op, item_av in av:
        if item_op is sre_c.LITERAL:
            chars.add(chr(item_av))
        elif item_op is sre_c.RANGE and item_av[1] - item_av[0] < _SMALL_CLASS:
            chars.update(chr(i) for i in range(item_av[0], item_av[1] + 1))
        elif item_op is sre_c.CATEGORY and item_av in _CATEGORY_CHARS:
            chars.update(_CATEGORY_CHARS[item_av])
        else:
            return None
    folded = {_fold_char(c) for c in chars}
    if None in folded or len(folded) > _SMALL_CLASS:
        return None
    return frozenset(folded)  # type: ignore[arg-type]


def _concat(parts: list[frozenset[str]]) -> frozenset[str] | None:
    out: set[str] = {""}
    for part in parts:
        out = {a + b for a in out for b in part}
        if len(out) > MAX_STRINGS:
            return None
    return frozenset(out)


def _options(op: object, av: object) -> frozenset[str] | None:
    """Every (folded) string the item matches, if they are at most :data:`MAX_STRINGS`."""
    if op is sre_c.LITERAL:
        ch = _fold_char(chr(av))  # type: ignore[arg-type]
        return None if ch is None else frozenset({ch})
    if op is sre_c.IN:
        return _class_chars(av)  # type: ignore[arg-type]
    if op is sre_c.SUBPATTERN:
        return _seq_options(av[-1])  # type: ignore[index]
    if op is sre_c.BRANCH:
        alts = [_seq_options(alt) for alt in av[1]]  # type: ignore[index]
        if any(a is None for a in alts):
            return None
        union = frozenset().union(*alts)  # type: ignore[arg-type]
        return union if len(union) <= MAX_STRINGS else None
    if op in _REPEATS:
        low, high, sub = av  # type: ignore[misc]
        once = _seq_options(sub)
        if once is None or high - low > 3:
            return None
        union: set[str] = set()
        for n in range(low, high + 1):
            strings = _concat([once] * n)
            if strings is None:
                return None
            union |= strings
        return frozenset(union) if len(union) <= MAX_STRINGS else None
    return None


def _seq_options(items: list) -> frozenset[str] | None:
    parts = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        options = _options(op, av)
        if options is None:
            return None
        parts.append(options)
    return _concat(parts)


def _flatten(items: list) -> list:
    """The items with groups spliced in (a group matches its items in sequence)."""
    out = []
    for op, av in items:
        if op is sre_c.SUBPATTERN and _options(op, av) is None:
            out.extend(_flatten(av[-1]))
        else:
            out.append((op, av))
    return out


def _windows(run: list[frozenset[str]]) -> list[Clause]:
    """Clauses spelled by windows of adjacent items of ``run``: a match holds one string of
    each window's concatenation."""
    out = []
    for i in range(len(run)):
        best = None
        for j in range(i + 1, len(run) + 1):
            strings = _concat(run[i:j])
            if strings is None:
                break
            best = strings
        if best and "" not in best:
            out.append(best)
    return out


def _required(items: list) -> list[Clause]:
    """Clauses every match of the item sequence satisfies."""
    clauses: list[Clause] = []
    run: list[frozenset[str]] = []
    for op, av in _flatten(items):
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: its neighbours stay adjacent
        options = _options(op, av)
        if options is not None:
            run.append(options)
            continue
        if op in _REPEATS and av[0] >= 1 and (once := _seq_options(av[2])) is not None:
            # a repetition of a small item: its first copy follows the run, its last one
            # precedes what comes next
            clauses.extend(_windows([*run, once]))
            run = [once]
            continue
        clauses.extend(_windows(run))
        run = []
        if op is sre_c.BRANCH:
            best = [max(_required(alt), key=_score, default=None) for alt in av[1]]
            if all(b is not None for b in best):
                clauses.append(frozenset().union(*best))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            clauses.extend(_required(av[2]))
        # optional parts, lookarounds and wide classes require nothing
    clauses.extend(_windows(run))
    return clauses


def _alnum(s: str) -> int:
    return sum(c.isalnum() for c in s)


def _score(clause: Clause) -> tuple[int, int, int]:
    """Higher is more selective: fewest letters and digits in a string, shortest string,
    then fewer strings."""
    return (min(map(_alnum, clause)), min(map(len, clause)), -len(clause))


def _useful(clause: Clause) -> bool:
    """Every string has two letters or digits, or a digit: a lone letter or punctuation
    mark occurs everywhere and would tell nothing."""
    return all(_alnum(s) >= 2 or any(c.isdigit() for c in s) for s in clause)


def _implied(clause: Clause, by: Clause) -> bool:
    """Whether every string of ``clause`` lies inside a string of ``by`` (it adds nothing)."""
    return all(any(f in g for g in by) for f in clause)


def required_clauses(pattern: str, flags: int = 0) -> tuple[Clause, ...]:
    """Up to two selective clauses every match of ``pattern`` satisfies (empty if none)."""
    found = {c for c in _required(sre_parse.parse(pattern, flags).data) if _useful(c)}
    chosen: list[Clause] = []
    for clause in sorted(found, key=_score, reverse=True):
        if len(chosen) < _CLAUSES_PER_RULE and not any(_implied(clause, c) for c in chosen):
            chosen.append(clause)
    return tuple(chosen)


def _alphabet(items: list, out: set[str]) -> None:
    for op, av in items:
        if op is sre_c.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is sre_c.IN:
            for item_op, item_av in av:
                if item_op is sre_c.LITERAL:
                    out.add(re.escape(chr(item_av)))
                elif item_op is sre_c.RANGE:
                    out.add(f"{re.escape(chr(item_av[0]))}-{re.escape(chr(item_av[1]))}")
                elif item_op is sre_c.CATEGORY and item_av in _CLASS_SYNTAX:
                    out.add(_CLASS_SYNTAX[item_av])
                else:
                    raise Unsupported(f"class item {item_op}")
        elif op is sre_c.AT and av in (sre_c.AT_BOUNDARY, sre_c.AT_NON_BOUNDARY):
            out.add(r"\w")
        elif op is sre_c.SUBPATTERN:
            _alphabet(av[-1], out)
        elif op is sre_c.BRANCH:
            for alt in av[1]:
                _alphabet(alt, out)
        elif op in _REPEATS:
            _alphabet(av[2], out)
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            _alphabet(av[1], out)
        else:
            raise Unsupported(str(op))


def alphabet(pattern: str, flags: int = 0) -> frozenset[str]:
    """Character-class pieces (``a``, ``0-9``, ``\\w`` …) covering every character
    ``pattern`` can match or look at; :class:`Unsupported` for ``.``, negated classes,
    anchors other than ``\\b`` and back-references."""
    out: set[str] = set()
    _alphabet(sre_parse.parse(pattern, flags).data, out)
    return frozenset(out)


def trie_pattern(words: list[str] | set[str] | frozenset[str]) -> str:
    """One regex alternation of ``words`` shaped as a trie (each prefix is tried once; the
    longest word that matches wins)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
