"""Detection of time expressions: exact spans, no model needed."""

from __future__ import annotations

import pytest

from eventwire.resolve.timex_grammar import Grammar, load_lexicon


@pytest.fixture(scope="module")
def grammar() -> Grammar:
    return Grammar(load_lexicon())


def spans(grammar, text):
    return [text[m.start : m.end] for m in grammar.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was killed in Baghdad on Friday.", ["Friday"]),
        ("Talks open January 3, 2020 in Doha.", ["January 3, 2020"]),
        ("A mob this week laid siege to the embassy.", ["this week"]),
        ("Prices rose last month and two days ago.", ["last month", "two days ago"]),
        ("Output fell in 2019.", ["2019"]),
        ("Strikes continued since Tuesday.", ["Tuesday"]),
        ("The ban lasted for three weeks.", ["three weeks"]),
        ("Protesters gather every Monday.", ["every Monday"]),
        ("Earlier this year, sales fell.", ["Earlier this year"]),
        ("He arrived yesterday.", ["yesterday"]),
        ("Third-quarter profit fell from a year earlier.", ["Third-quarter", "a year earlier"]),
        ("Friday's vote was delayed.", ["Friday"]),
        ("It starts at 5 p.m. EST Nov. 9 sharp.", ["5 p.m. EST Nov. 9"]),
        ("Sales in the first nine months rose.", ["the first nine months"]),
    ],
)
def test_detects_expressions_with_exact_spans(grammar, text, expected):
    assert spans(grammar, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He may resign.",
        "Prices fall when supply grows.",
        "The 6-year-old boy stayed.",
        "They won 1,990 votes and $2000.",
        "About three-quarters of voters agreed.",
        "Future plans were shelved.",
        "Use a second approach.",
    ],
)
def test_rejects_non_temporal_uses(grammar, text):
    assert spans(grammar, text) == []


def test_longest_match_wins(grammar):
    assert spans(grammar, "over the past three months") == ["the past three months"]
    assert spans(grammar, "the year-ago period") == ["the year-ago period"]


def test_lowercase_month_and_weekday_names_are_ignored(grammar):
    assert spans(grammar, "march on friday") == []
