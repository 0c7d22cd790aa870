"""The normalization handlers' layout and the anchor arithmetic they share (no spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.resolve import timex
from eventwire.resolve.timex_calendar import CALENDAR_HANDLERS
from eventwire.resolve.timex_durations import DURATION_HANDLERS
from eventwire.resolve.timex_env import (
    Env,
    Unanchored,
    direction_of,
    near_or_tense,
    rel_offset,
    require_dct,
)
from eventwire.resolve.timex_grammar import Grammar, load_lexicon
from eventwire.resolve.timex_relative import RELATIVE_HANDLERS

MID_MARCH = dt.date(2021, 3, 15)


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_every_grammar_rule_has_exactly_one_handler(lex) -> None:
    rules = {name for name, _ in Grammar(lex).rules}
    groups = [CALENDAR_HANDLERS, RELATIVE_HANDLERS, DURATION_HANDLERS]
    assert sum(len(g) for g in groups) == len({k for g in groups for k in g})  # no overlap
    assert {k for g in groups for k in g} == rules


def test_timex_keeps_its_public_names() -> None:
    for name in timex.__all__:
        assert hasattr(timex, name), name


def test_require_dct_without_anchor_raises_the_unresolved_value(lex) -> None:
    env = Env(lex, None)
    with pytest.raises(Unanchored) as week:
        require_dct(env, "week")
    assert week.value.value == "XXXX-WXX"
    with pytest.raises(Unanchored) as given:
        require_dct(env, "month", "XXXX-07")
    assert given.value.value == "XXXX-07"
    assert require_dct(Env(lex, MID_MARCH), "day") == MID_MARCH


def test_rel_words_set_offset_and_strict_direction(lex) -> None:
    past, future = Env(lex, MID_MARCH, "PAST"), Env(lex, MID_MARCH, "FUTURE")
    assert [rel_offset(r) for r in ("previous", "coming", "this", None)] == [-1, 1, 0, 0]
    assert direction_of(future, "last") == "before"
    assert direction_of(past, "next") == "after"
    assert direction_of(past) == "on_or_before"
    assert direction_of(future) == "on_or_after"


def test_near_month_is_nearest_and_far_month_follows_tense(lex) -> None:
    future = Env(lex, MID_MARCH, "FUTURE")
    assert near_or_tense(MID_MARCH, 1, future) is None  # two months back
    assert near_or_tense(MID_MARCH, 5, future) is None  # two months ahead
    assert near_or_tense(MID_MARCH, 9, future) == "on_or_after"
    assert near_or_tense(MID_MARCH, 9, Env(lex, MID_MARCH, "PAST")) == "on_or_before"
    # a present clause ("the deadline is in September") says neither: the nearest one
    assert near_or_tense(MID_MARCH, 9, Env(lex, MID_MARCH, "PRESENT")) is None
