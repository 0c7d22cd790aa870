"""The grammar's pre-filter: pattern analysis, folding, and identity with the full scan."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.resolve.timex_analysis import (
    Unsupported,
    alphabet,
    required_clauses,
    trie_pattern,
)
from eventwire.resolve.timex_grammar import Grammar, load_lexicon
from eventwire.resolve.timex_prefilter import Prefilter


@pytest.fixture(scope="module")
def grammar() -> Grammar:
    return Grammar(load_lexicon())


def _cores(clause: frozenset[str]) -> set[str]:
    return {s.strip(" .") for s in clause}


def test_required_clause_is_the_word_list():
    clauses = required_clauses(r"(?:early\s+)?(?:January|February)\s+\d{1,2}", re.I)
    assert _cores(clauses[0]) == {"january", "february"}


def test_required_clause_spans_a_group_and_an_optional_dot():
    (first, *_) = required_clauses(r"\d{1,2}\s*(?P<ap>[ap]\.?m\.?)", re.I)
    assert {"am", "a.m", "pm", "p.m."} <= first


def test_a_digit_clause_comes_second():
    clauses = required_clauses(r"\d+\s+(?:hours|days)", re.I)
    assert len(clauses) == 2
    assert any(all(s[0].isdigit() for s in c) and len(c) == 10 for c in clauses)


def test_optional_parts_require_nothing():
    assert required_clauses(r"(?:soon)?\s*(?:later)?", re.I) == ()


def test_a_lone_letter_is_no_clause():
    assert required_clauses(r"an?\s+\w+", re.I) == ()


def test_alphabet_covers_classes_and_lookarounds():
    pieces = alphabet(r"(?<![$£])a[bc]\d(?!%)", re.I)
    cls = re.compile("[" + "".join(pieces) + "]", re.I)
    assert all(cls.fullmatch(ch) for ch in "$£aBc7%")
    assert not cls.fullmatch('"')


@pytest.mark.parametrize("pattern", [r"a.b", r"a[^b]", r"^ab", r"(a)\1"])
def test_alphabet_refuses_what_it_does_not_model(pattern):
    with pytest.raises(Unsupported):
        alphabet(pattern)


def test_trie_pattern_finds_the_longest_word():
    trie = re.compile(trie_pattern({"day", "days", "dawn", "week"}))
    assert trie.findall("days, dawn and a week") == ["days", "dawn", "week"]


def test_fold_keeps_length_and_spells_like_the_patterns(grammar):
    pre = grammar._prefilter
    assert pre.fold("Two\tDAYS\u00a0ago") == "two days ago"
    assert pre.fold("\u0661\u0669 ſeconds") == "19 seconds"  # Arabic-Indic digits, long s
    assert pre.fold("FrİDAY") == "friday"


def test_rules_without_a_trigger_search_nothing(grammar):
    text = "The committee met and talked; nobody agreed."
    names = [name for name, _ in grammar.rules]
    ranges = dict(zip(names, grammar._prefilter.ranges(text), strict=True))
    assert ranges["month"] == []
    assert ranges["weekday"] == []


def test_month_is_searched_only_in_its_clause(grammar):
    text = 'He said "no", then left in March, before the vote.'
    names = [name for name, _ in grammar.rules]
    spans = dict(zip(names, grammar._prefilter.ranges(text), strict=True))["month"]
    assert len(spans) == 1
    start, end = spans[0]
    assert "March" in text[start:end] and '"' not in text[start:end]


_TRICKY = [
    "He left in\n\nMay and came back on Friday, Jan.\u00a05, 2020 at 10 p.m.",
    "two weeKs ago (the Kelvin sign), ſix days later",  # case-folding corners
    'It fell 3% in 2019—"the worst year" since the 1990s; Q3 of last year',
    "\u0661\u0669\u0669\u0669 and 1999-2000, 12/31/1999, noon Tuesday",
    "the first half of fiscal 2021, every other Monday night, Christmas Eve",
    "For three-quarters of the year-ago period, a 6-year-old's first 100 days",
]


@pytest.mark.parametrize("text", _TRICKY)
def test_filtered_find_is_the_full_scan(grammar, text):
    assert grammar.find(text) == grammar.find(text, full_scan=True)


_WORDS = [
    "May",
    "March",
    "Friday",
    "Fri.",
    "Jan.",
    "Sept",
    "today",
    "last",
    "next",
    "this",
    "week",
    "weekend",
    "year",
    "years",
    "month",
    "quarter",
    "days",
    "day",
    "hours",
    "ago",
    "earlier",
    "from now",
    "the",
    "a",
    "an",
    "two",
    "twenty-one",
    "several",
    "about",
    "in",
    "on",
    "at",
    "since",
    "every",
    "per",
    "p.m.",
    "a.m.",
    "noon",
    "1999",
    "2020",
    "'90s",
    "1990s",
    "12",
    "3",
    "31st",
    "fiscal",
    "first",
    "third",
    "half",
    "spring",
    "fall",
    "morning",
    "night",
    "Christmas",
    "now",
    "recently",
    "future",
    "daily",
    "century",
    "nineteen",
    "ninety-four",
    "two thousand",
    "year-ago",
    "period",
    "old",
    "-old",
]
_GLUE = [
    " ",
    "  ",
    "\n",
    "\n\n",
    ", ",
    ". ",
    "-",
    "/",
    ":",
    '"',
    "(",
    ")",
    "; ",
    "—",
    "'s ",
    "’",
    "$",
    "%",
    "\u00a0",
    "\t",
    "K",
    "ſ",
    "ı",
    "İ",
    "٣",
    "x",
    "_",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.sampled_from(_GLUE), st.text(max_size=3)), max_size=40
    )
)
def test_filtered_find_is_the_full_scan_on_random_text(grammar, pieces):
    text = "".join(pieces)
    assert grammar.find(text) == grammar.find(text, full_scan=True)


def test_prefilter_scans_every_rule_it_cannot_bound():
    patterns = [re.compile(r"a.b"), re.compile(r"(?:x)?y?")]
    pre = Prefilter(patterns)
    assert pre.ranges("zz a-b zz") == [[(0, 9)], [(0, 9)]]
