"""Narrative anchoring of anaphoric time expressions ("the next day", "the following year")."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.resolve.anchoring import (
    Reference,
    anaphoric_weekday,
    day_of,
    day_shift_before,
    shift_day_value,
    shifted_value,
    week_of_before,
    week_of_value,
)
from eventwire.resolve.timex import Env, normalize
from eventwire.resolve.timex_grammar import Grammar, load_lexicon

SAT = dt.date(2020, 1, 4)
TUE_2015 = dt.date(2015, 3, 10)


@pytest.fixture(scope="module")
def grammar() -> Grammar:
    return Grammar(load_lexicon())


def resolve_doc(grammar, text, dct):
    """Normalize every match of ``text`` in order, carrying the reference like the stage."""
    ref = Reference()
    out = []
    for m in grammar.find(text):
        t = normalize(m, Env(grammar.lex, dct, "PAST", ref=ref))
        if t is not None:
            out.append((m.text, t.value, t.anchor))
            ref = ref.updated(t.value)
    return out


def test_reference_keeps_the_latest_date_of_each_granularity():
    ref = Reference().updated("2015-03-10").updated("2017")
    assert ref.day == TUE_2015
    assert ref.month == (2015, 3)
    assert ref.year == 2017
    assert ref.updated("2016-W05").week == (2016, 5)
    assert ref.updated("2018-07").month == (2018, 7)


def test_reference_ignores_values_that_name_no_date():
    ref = Reference().updated("2015-03-10")
    for value in ("P3D", "PAST_REF", "XXXX-XX-XX", "XXXX-WXX-1", "2015-Q1", "2015-13"):
        assert ref.updated(value) == ref


def test_shifted_value_counts_from_the_reference():
    ref = Reference().updated("2015-03-10")
    assert shifted_value(ref, SAT, "day", 1) == "2015-03-11"
    assert shifted_value(ref, SAT, "week", 0) == "2015-W11"
    assert shifted_value(ref, SAT, "month", -1) == "2015-02"
    assert shifted_value(ref, SAT, "year", 1) == "2016"


def test_shifted_value_falls_back_to_the_publication_date():
    assert shifted_value(Reference(), SAT, "day", 1) == "2020-01-05"
    assert shifted_value(Reference(), SAT, "year", -1) == "2019"
    assert shifted_value(Reference(), None, "day", 1) is None


def test_anaphoric_weekday_is_strict_around_the_reference_day():
    ref = Reference().updated("2015-03-10")  # a Tuesday
    assert anaphoric_weekday(ref, SAT, 5, "previous") == dt.date(2015, 3, 6)
    assert anaphoric_weekday(ref, SAT, 2, "following") == dt.date(2015, 3, 17)
    assert anaphoric_weekday(ref, SAT, 2, "that") == TUE_2015


def test_day_of_reads_days_only():
    assert day_of("2015-03-10") == dt.date(2015, 3, 10)
    assert day_of("2015-03-10T14:00") == dt.date(2015, 3, 10)
    assert day_of("2015-02-30") is None
    assert day_of("2015-W10") is None
    assert day_of("2015-03") is None
    assert Reference().updated("2015-02-30") == Reference()


def test_day_shift_before():
    assert day_shift_before("The talks broke down the day before ") == (-1, len("the day before "))
    assert day_shift_before("He flew home the day after ") == (1, len("the day after "))
    assert day_shift_before("He flew home on ") is None
    assert shift_day_value("2020-01-03", -1) == "2020-01-02"
    assert shift_day_value("2020-W01", -1) is None


def test_following_year_counts_from_the_year_in_the_story(grammar):
    found = resolve_doc(
        grammar, "The dam opened on May 2, 1995, and the following year it cracked.", SAT
    )
    assert found[-1] == ("the following year", "1996", "narrative")


def test_later_that_year_and_that_week(grammar):
    text = "She fled in June 1998 and returned later that year."
    assert resolve_doc(grammar, text, SAT)[-1] == ("later that year", "1998", "narrative")
    # a day reference gives the week of that day
    found = resolve_doc(
        grammar, "The strike began on March 10, 2015. That week, trains stopped.", SAT
    )
    assert found[-1][1] == "2015-W11"


def test_the_next_day_and_the_previous_friday(grammar):
    text = "Voters went to the polls on March 10, 2015. The next morning, results came in."
    assert resolve_doc(grammar, text, SAT)[-1] == ("The next morning", "2015-03-11", "narrative")
    text = "Shares fell on March 10, 2015, from the previous Friday."
    assert resolve_doc(grammar, text, SAT)[-1] == ("previous Friday", "2015-03-06", "narrative")


def test_days_earlier_count_from_the_story_but_years_earlier_from_publication(grammar):
    text = "The ceasefire collapsed on March 10, 2015. Two days earlier, envoys had met."
    assert resolve_doc(grammar, text, SAT)[-1][1] == "2015-03-08"
    text = "The ceasefire collapsed on March 10, 2015. Profit rose from a year earlier."
    assert resolve_doc(grammar, text, SAT)[-1][1] == "2019"


def test_anaphora_without_any_date_fall_back_or_stay_unresolved(grammar):
    assert resolve_doc(grammar, "The next day, the army withdrew.", SAT)[-1][1] == "2020-01-05"
    assert resolve_doc(grammar, "The next day, the army withdrew.", None)[-1][1] == "XXXX-XX-XX"


def test_day_before_a_weekday_in_a_document(extract):
    record = extract(
        "Envoys met the day before Tuesday's vote in the capital.", published="2020-01-09"
    )
    (timex,) = record.times
    assert timex.value == "2020-01-06"
    assert timex.text == "the day before Tuesday"


def test_following_year_in_a_document(extract):
    record = extract(
        "Rebels took the town on May 3, 2015. The following year they lost it.",
        published="2020-01-04",
    )
    values = {t.text: (t.value, t.anchor) for t in record.times}
    assert values["The following year"] == ("2016", "narrative")


def test_bare_clock_time_is_on_the_day_the_story_is_at(grammar):
    text = "The envoy was shot on March 10, 2015. He died at 10 p.m. in hospital."
    assert resolve_doc(grammar, text, SAT)[-1][1] == "2015-03-10T22:00"
    assert resolve_doc(grammar, "He died at 10 p.m. in hospital.", SAT)[-1][1] == "2020-01-04T22:00"
    assert resolve_doc(grammar, "He died at 10 p.m.", None)[-1][1] == "XXXX-XX-XXT22:00"


def test_week_of_a_day():
    assert week_of_before("a hearing in the week of ") == len("the week of ")
    assert week_of_before("a hearing on ") is None
    assert week_of_value("2000-03-06") == "2000-W10"
    assert week_of_value("2000-03") is None


def test_week_of_a_date_in_a_document(extract):
    record = extract("The court will rule in the week of March 6.", published="2000-02-24")
    (timex,) = record.times
    assert (timex.text, timex.value) == ("the week of March 6", "2000-W10")
