"""Normalization of time expressions to TimeML values (no spaCy model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import ResourceError
from eventwire.resolve import dates as D
from eventwire.resolve.timex import Env, duration_value, normalize, parse_number
from eventwire.resolve.timex_grammar import Grammar, load_lexicon

THU_2020 = dt.date(2020, 1, 2)  # a Thursday at the start of January
THU_2015 = dt.date(2015, 12, 31)  # a Thursday at the end of December
SAT = dt.date(2020, 1, 4)  # the seed article's publication date


@pytest.fixture(scope="module")
def grammar() -> Grammar:
    return Grammar(load_lexicon())


@pytest.fixture(scope="module")
def resolve(grammar):
    """``resolve(text, dct, tense)`` -> [(matched text, type, value, anchor)]."""

    def _resolve(text, dct, tense="PAST", ref_quarter=None):
        env = Env(grammar.lex, dct, tense, ref_quarter)
        out = []
        for m in grammar.find(text):
            t = normalize(m, env)
            if t is not None:
                out.append((m.text, t.type, t.value, t.anchor))
        return out

    return _resolve


def value(resolve, text, dct, tense="PAST", **kw):
    found = resolve(text, dct, tense, **kw)
    assert len(found) == 1, found
    return found[0][2]


# -- weekdays: tense, same day, year boundary -------------------------------------------------
def test_past_weekday_is_latest_on_or_before_publication(resolve):
    assert value(resolve, "He was killed in Baghdad on Friday.", SAT) == "2020-01-03"


def test_same_day_weekday_counts(resolve):
    assert value(resolve, "They met on Saturday.", SAT) == "2020-01-04"
    assert value(resolve, "They will meet on Saturday.", SAT, "FUTURE") == "2020-01-04"


def test_future_weekday_is_next_one(resolve):
    assert value(resolve, "They will meet on Monday.", SAT, "FUTURE") == "2020-01-06"


def test_year_boundary_monday_in_early_january(resolve):
    assert value(resolve, "Talks ended on Monday.", THU_2020) == "2019-12-30"
    assert value(resolve, "Talks resume on Monday.", THU_2020, "FUTURE") == "2020-01-06"


def test_year_boundary_monday_in_late_december(resolve):
    assert value(resolve, "Talks ended on Monday.", THU_2015) == "2015-12-28"
    assert value(resolve, "Talks resume on Monday.", THU_2015, "FUTURE") == "2016-01-04"


def test_last_and_next_weekday_are_strict(resolve):
    assert value(resolve, "They met last Saturday.", SAT) == "2019-12-28"
    assert value(resolve, "They meet next Saturday.", SAT) == "2020-01-11"


def test_weekday_with_part_of_day_is_dated_to_the_day(resolve):
    assert resolve("killed Friday morning", SAT) == [
        ("Friday morning", "DATE", "2020-01-03", "published")
    ]


def test_weekday_without_publication_date_is_unresolved(resolve):
    assert resolve("on Friday", None) == [("Friday", "DATE", "XXXX-XX-XX", "unresolved")]


# -- deictic days ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2020-01-04"),
        ("yesterday", "2020-01-03"),
        ("tomorrow", "2020-01-05"),
        ("this morning", "2020-01-04TMO"),
        ("last night", "2020-01-03TNI"),
    ],
)
def test_deictic_days(resolve, text, expected):
    assert value(resolve, f"It happened {text}.", SAT) == expected


# -- last / this / next with weeks, months, years ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("this week", SAT, "2020-W01"),
        ("last week", SAT, "2019-W52"),
        ("next week", SAT, "2020-W02"),
        ("this week", dt.date(2021, 1, 1), "2020-W53"),  # ISO year differs from calendar year
        ("this month", SAT, "2020-01"),
        ("last month", SAT, "2019-12"),
        ("next month", dt.date(2019, 12, 20), "2020-01"),
        ("this year", SAT, "2020"),
        ("last year", SAT, "2019"),
        ("next year", SAT, "2021"),
        ("the past year", SAT, "2019"),
        ("earlier this year", SAT, "2020"),
        ("early next year", SAT, "2021"),
        ("the end of this week", SAT, "2020-W01"),
        ("the last decade", dt.date(1998, 2, 6), "198"),
    ],
)
def test_relative_units(resolve, text, dct, expected):
    assert value(resolve, f"It was said {text}.", dct) == expected


def test_relative_units_without_publication_date(resolve):
    assert resolve("last week", None) == [("last week", "DATE", "XXXX-WXX", "unresolved")]
    assert resolve("next month", None) == [("next month", "DATE", "XXXX-XX", "unresolved")]


# -- months ---------------------------------------------------------------------------------
def test_bare_month_takes_the_year_the_tense_implies(resolve):
    assert value(resolve, "Prices fell in August.", SAT) == "2019-08"
    assert value(resolve, "Talks will open in August.", SAT, "FUTURE") == "2020-08"


def test_near_month_is_the_nearest_whatever_the_tense(resolve):
    assert value(resolve, "sales in December", SAT) == "2019-12"
    assert value(resolve, "sales in February", SAT) == "2020-02"


def test_last_and_next_month_name(resolve):
    assert value(resolve, "last January", dt.date(2020, 3, 1)) == "2020-01"
    assert value(resolve, "last March", dt.date(2020, 3, 1)) == "2019-03"
    assert value(resolve, "next March", dt.date(2020, 3, 1)) == "2021-03"


def test_modal_may_is_not_a_month(resolve):
    assert resolve("He may resign.", SAT) == []
    assert value(resolve, "last May", SAT) == "2019-05"


# -- absolute dates -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 3, 2020", "2020-01-03"),
        ("Jan. 3, 2020", "2020-01-03"),
        ("3 January 2020", "2020-01-03"),
        ("Saturday, April 25, 1998", "1998-04-25"),
        ("March 2019", "2019-03"),
        ("in 1998", "1998"),
        ("fiscal 1989", "1989"),
        ("mid-1996", "1996"),
        ("the 1980s", "198"),
        ("the nineties", "199"),
        ("the 20th century", "19"),
        ("nineteen ninety-seven", "1997"),
        ("the year two thousand", "2000"),
        ("the winter of 1994", "1994-WI"),
    ],
)
def test_absolute_dates(resolve, text, expected):
    assert value(resolve, text, SAT) == expected


def test_month_day_without_year_is_the_nearest(resolve):
    assert value(resolve, "on Dec. 30", SAT) == "2019-12-30"
    assert value(resolve, "on Jan. 10", SAT) == "2020-01-10"


def test_absolute_date_is_absolute_without_publication_date(resolve):
    assert resolve("January 3, 2020", None) == [
        ("January 3, 2020", "DATE", "2020-01-03", "absolute")
    ]
    assert resolve("on March 3", None) == [("March 3", "DATE", "XXXX-03-03", "unresolved")]


# -- ago, quarters, seasons, holidays ---------------------------------------------------------
def test_ago_shifts_at_the_unit_granularity(resolve):
    assert value(resolve, "two days ago", SAT) == "2020-01-02"
    assert value(resolve, "three weeks ago", SAT) == "2019-W50"
    assert value(resolve, "six months ago", SAT) == "2019-07"
    assert value(resolve, "a year ago", SAT) == "2019"
    assert value(resolve, "several years ago", SAT) == "PAST_REF"


def test_year_earlier_follows_the_last_quarter(resolve):
    assert value(resolve, "a year earlier", SAT, ref_quarter=(2019, 3)) == "2018-Q3"
    assert value(resolve, "the year-ago quarter", SAT, ref_quarter=(2019, 3)) == "2018-Q3"


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("third-quarter profit", dt.date(1989, 10, 26), "1989-Q3"),
        ("the fourth quarter", dt.date(1998, 1, 20), "1997-Q4"),
        ("the quarter", dt.date(1989, 10, 26), "1989-Q3"),
        ("the first half of 1998", SAT, "1998-H1"),
        ("this year's second quarter", SAT, "2020-Q2"),
    ],
)
def test_quarters(resolve, text, dct, expected):
    assert value(resolve, text, dct) == expected


def test_seasons(resolve):
    assert value(resolve, "last fall", dt.date(1998, 2, 6)) == "1997-FA"
    assert value(resolve, "last summer", dt.date(1998, 11, 6)) == "1998-SU"
    assert value(resolve, "next spring", dt.date(1998, 2, 6)) == "1998-SP"
    assert resolve("prices fall sharply", SAT) == []


def test_holidays(resolve):
    assert value(resolve, "on Thanksgiving Day", dt.date(2000, 1, 7)) == "1999-11-25"
    assert value(resolve, "by Christmas", dt.date(2019, 11, 1), "FUTURE") == "2019-12-25"


# -- durations, sets, fuzzy references, clock times --------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("for three days", "P3D"),
        ("the past two months", "P2M"),
        ("the first nine months", "P9M"),
        ("a five-year plan", "P5Y"),
        ("the last twenty-four hours", "PT24H"),
        ("for 2 1/2 years", "P2Y6M"),
        ("for several weeks", "PXW"),
        ("two decades", "P20Y"),
        ("for years", "PXY"),
    ],
)
def test_durations(resolve, text, expected):
    found = resolve(text, SAT)
    assert [(f[1], f[2]) for f in found] == [("DURATION", expected)]


def test_ages_are_not_durations(resolve):
    assert resolve("a 6-year-old boy", SAT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daily", "P1D"),
        ("every Monday", "XXXX-WXX-1"),
        ("each July", "XXXX-07"),
        ("every day", "P1D"),
        ("on Tuesday nights", "XXXX-WXX-2TNI"),
        ("$5 a year", "P1Y"),
    ],
)
def test_sets(resolve, text, expected):
    found = resolve(text, SAT)
    assert [(f[1], f[2]) for f in found] == [("SET", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("in the future", "FUTURE_REF"),
        ("in recent years", "PAST_REF"),
    ],
)
def test_fuzzy_references(resolve, text, expected):
    assert value(resolve, f"It is {text}.", SAT) == expected


def test_clock_times(resolve):
    assert value(resolve, "at 5 p.m. EST Friday", SAT) == "2020-01-03T17:00"
    assert value(resolve, "at 10:30 a.m. today", SAT) == "2020-01-04T10:30"
    assert value(resolve, "at noon Friday", SAT) == "2020-01-03T12:00"
    assert value(resolve, "at 9 a.m.", None) == "XXXX-XX-XXT09:00"


# -- helpers ---------------------------------------------------------------------------------
def test_parse_number_words_and_digits():
    lex = load_lexicon()
    assert parse_number("twenty four", lex) == 24
    assert parse_number("a hundred", lex) == 100
    assert parse_number("2 1/2", lex) == 2.5
    assert parse_number("several", lex) is None


def test_duration_value_fractions():
    lex = load_lexicon()
    assert duration_value(5.5, "hour", lex) == "PT5H30M"
    assert duration_value(0.5, "hour", lex) == "PT30M"
    assert duration_value(None, "decade", lex) == "PXY"


def test_calendar_helpers():
    assert D.week_value(dt.date(2020, 1, 1)) == "2020-W01"
    assert D.week_value(dt.date(2021, 1, 3)) == "2020-W53"
    assert D.nth_weekday(2019, 11, 4, 4) == dt.date(2019, 11, 28)  # Thanksgiving 2019
    assert D.nth_weekday(2020, 5, 1, -1) == dt.date(2020, 5, 25)  # Memorial Day 2020
    assert D.weekend_value(dt.date(2020, 1, 6), "on_or_before") == "2020-W01-WE"


def test_lexicon_validation_reports_missing_sections():
    with pytest.raises(ResourceError, match="E310"):
        load_lexicon("months: {january: 1}\n")


def test_last_years_quarter_follows_the_quarter_in_view(resolve):
    q3 = (1989, 3)
    assert value(
        resolve, "Sales for last year's quarter fell.", dt.date(1989, 11, 1), ref_quarter=q3
    ) == ("1988-Q3")
    assert (
        value(
            resolve,
            "Profit was flat in the corresponding period last year.",
            THU_2015,
            ref_quarter=q3,
        )
        == "1988-Q3"
    )
    assert value(resolve, "Costs rose in the same quarter a year earlier.", THU_2015) == "2014"


def test_latest_period_is_the_quarter_in_view(resolve):
    assert value(resolve, "Sales in the latest period rose.", THU_2015, ref_quarter=(2015, 3)) == (
        "2015-Q3"
    )
    assert value(resolve, "Sales in the latest period rose.", THU_2015) == "2015-Q3"
    assert resolve("The trial period ended.", THU_2015) == []
    q3 = (2015, 3)
    assert (
        value(resolve, "It earned more than in the year-earlier period.", THU_2015, ref_quarter=q3)
        == "2014-Q3"
    )
    assert resolve("A period of calm followed.", THU_2015) == []


def test_the_year_is_the_publication_year_or_a_span_when_ended(resolve):
    assert resolve("Profit for the full year will rise.", THU_2015) == [
        ("the full year", "DATE", "2015", "published")
    ]
    assert value(resolve, "Cuts are due by the end of the year.", THU_2015) == "2015"
    found = resolve("Revenue for the year ended June 30 fell.", THU_2015)
    assert found[0] == ("the year", "DURATION", "P1Y", "absolute")
    assert resolve("He had left the year before.", THU_2015) == []
    assert value(resolve, "Sales for the year rose.", None) == "XXXX"


def test_spoken_years_after_a_month_or_season(resolve):
    assert value(resolve, "Prices fell in March nineteen ninety-eight.", THU_2015) == "1998-03"
    assert (
        value(resolve, "It was cold in the winter of nineteen eighty-two.", THU_2015) == "1982-WI"
    )
    assert value(resolve, "They met in the year two thousand and one.", THU_2015) == "2001"


def test_bare_may_only_after_a_preposition_of_time(resolve):
    assert value(resolve, "The appeal is heard in May in the capital.", THU_2015, "FUTURE") == (
        "2016-05"
    )
    assert resolve("Talks may resume.", THU_2015) == []
    assert resolve("A speech by May on Brexit.", THU_2015) == []
    assert resolve("Rebels rejoined in May's second week.", THU_2015) == []
