"""Handlers for calendar names: dates, months, seasons, years, decades, quarters, holidays.

A name with its year (``March 3, 2020``, ``the 1990s``, ``third quarter of 2019``) is absolute;
``dateparser`` reads numeric and written-out dates when the caller passes it in. Without a
year the name is placed against the publication date, tense-aware as in HeidelTime: in a past
or present clause the latest one on or before the anchor, in a future clause the next one on or
after it; a month (or month-day) within two months of the anchor is the nearest one.
"""

from __future__ import annotations

import datetime as dt

from . import dates as D
from .timex_durations import parse_number
from .timex_env import (
    Env,
    Handler,
    Timex,
    direction_of,
    near_or_tense,
    rel_offset,
    require_dct,
)
from .timex_grammar import Match


def _date_mdy(m: Match, env: Env) -> Timex:
    month = env.lex.months[m.get("mon").rstrip(".")]
    day = int(m.get("day"))
    year = m.get("year")
    if year:
        if env.parse_absolute is not None:
            parsed = env.parse_absolute(m.text)
            if parsed is not None and parsed[1] == "day":
                return Timex("DATE", parsed[0].isoformat(), "absolute")
        return Timex("DATE", f"{int(year):04d}-{month:02d}-{day:02d}", "absolute")
    d = require_dct(env, "day", f"XXXX-{month:02d}-{day:02d}")
    y = D.day_year(d, month, day, near_or_tense(d, month, env))
    return Timex("DATE", f"{y:04d}-{month:02d}-{day:02d}", "published")


def _date_my(m: Match, env: Env) -> Timex:
    month = env.lex.months[m.get("mon").rstrip(".")]
    if m.get("year"):
        return Timex("DATE", D.month_value(int(m.get("year")), month), "absolute")
    if (spelled := _spelled_year_number(m, env)) is not None:
        return Timex("DATE", D.month_value(spelled, month), "absolute")
    d = require_dct(env, "month", f"XXXX-{month:02d}")
    return Timex("DATE", D.month_value(d.year + rel_offset(m.get("rel")), month), "published")


def _date_num(m: Match, env: Env) -> Timex | None:
    if env.parse_absolute is None:
        return None
    parsed = env.parse_absolute(m.text)
    if parsed is None:
        return None
    return Timex("DATE", parsed[0].isoformat(), "absolute")


def _month(m: Match, env: Env) -> Timex:
    month = env.lex.months[m.get("mon").rstrip(".")]
    rel = m.get("rel")
    d = require_dct(env, "month", f"XXXX-{month:02d}")
    if rel in ("this", "current", "same"):
        return Timex("DATE", D.month_value(d.year, month), "published")
    direction = direction_of(env, rel) if rel else near_or_tense(d, month, env)
    year = (
        D.day_year(d, month, 15, direction)
        if direction is None
        else D.month_year(d, month, direction)
    )
    return Timex("DATE", D.month_value(year, month), "published")


def _season(m: Match, env: Env) -> Timex:
    code = env.lex.seasons[m.get("season")]
    if m.get("year"):
        return Timex("DATE", f"{int(m.get('year'))}-{code}", "absolute")
    if (spelled := _spelled_year_number(m, env)) is not None:
        return Timex("DATE", f"{spelled}-{code}", "absolute")
    d = require_dct(env, "year", f"XXXX-{code}")
    return Timex("DATE", f"{D.season_year(d, code, rel_offset(m.get('rel')))}-{code}", "published")


def _year(m: Match, env: Env) -> Timex:
    year = m.get("year")
    if m.get("decade"):
        return Timex("DATE", year[:3], "absolute")
    return Timex("DATE", year, "absolute")


def _spelled_year_number(m: Match, env: Env) -> int | None:
    """The year written in words in ``m`` ("nineteen ninety-four", "two thousand and one")."""
    if m.get("mil"):
        rest = parse_number(m.get("y2k"), env.lex) if m.get("y2k") else 0
        return 2000 + int(rest or 0)
    if not m.get("cent"):
        return None
    cent = int(parse_number(m.get("cent"), env.lex) or 0)
    yy = m.get("yy")
    if yy == "hundred":
        return cent * 100
    return cent * 100 + int(parse_number(yy.replace("oh", ""), env.lex) or 0)


def _spelled_year(m: Match, env: Env) -> Timex | None:
    year = _spelled_year_number(m, env)
    return None if year is None else Timex("DATE", str(year), "absolute")


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _decade(m: Match, env: Env) -> Timex:
    if m.get("dec"):
        return Timex("DATE", m.get("dec")[:3], "absolute")
    if m.get("short"):
        return Timex("DATE", "19" + m.get("short")[0], "absolute")
    return Timex("DATE", f"19{_DECADE_WORDS[m.get('word')]}", "absolute")


def _century(m: Match, env: Env) -> Timex:
    n = env.lex.ordinals[m.get("ord")] if m.get("ord") else int(m.get("ordnum"))
    return Timex("DATE", f"{n - 1:02d}", "absolute")


def _quarter(m: Match, env: Env) -> Timex:
    half = m.get("unit") == "half"
    ordinal = m.get("ord")
    n = env.lex.ordinals[ordinal] if ordinal else None
    letter = "H" if half else "Q"
    explicit = m.get("yr") or m.get("yr2")
    if explicit and n:
        return Timex("DATE", f"{int(explicit)}-{letter}{n}", "absolute")
    rel = m.get("rel") or m.get("rel2")
    adj = m.get("adj")
    d = require_dct(env, "quarter", f"XXXX-{letter}{n}" if n else None)
    if n:
        if rel:
            year = d.year + rel_offset(rel)
        elif adj in ("year-ago", "year-earlier"):
            year = (env.ref_quarter[0] if env.ref_quarter else d.year) - 1
        elif explicit:
            year = int(explicit)
        else:
            year = d.year
            start_month = 6 * (n - 1) + 1 if half else 3 * (n - 1) + 1
            if env.tense != "FUTURE" and dt.date(year, start_month, 1) > d:
                year -= 1
        return Timex("DATE", f"{year}-{letter}{n}", "published")
    if adj in ("year-ago", "year-earlier") and env.ref_quarter:
        return Timex("DATE", f"{env.ref_quarter[0] - 1}-Q{env.ref_quarter[1]}", "published")
    if adj in ("current",):
        return Timex("DATE", f"{d.year}-Q{D.quarter_of(d)}", "published")
    if adj in ("next", "coming"):
        return Timex(
            "DATE", "{}-Q{}".format(*D.shift_quarter(d.year, D.quarter_of(d), 1)), "published"
        )
    if env.ref_quarter and rel and adj not in ("last", "previous"):
        # "last year's quarter" after "third-quarter profit": that quarter a year back
        return Timex(
            "DATE", f"{env.ref_quarter[0] + rel_offset(rel)}-Q{env.ref_quarter[1]}", "published"
        )
    if env.ref_quarter and adj not in ("last", "previous"):
        return Timex("DATE", "{}-Q{}".format(*env.ref_quarter), "published")
    # "the quarter", "the latest quarter": the last completed one
    return Timex(
        "DATE", "{}-Q{}".format(*D.shift_quarter(d.year, D.quarter_of(d), -1)), "published"
    )


def _holiday(m: Match, env: Env) -> Timex:
    rule = env.lex.holidays[" ".join(m.get("hol").replace("’", "'").split())]
    if m.get("year"):
        return Timex("DATE", D.holiday_date(rule, int(m.get("year"))).isoformat(), "absolute")
    d = require_dct(env, "day")
    return Timex(
        "DATE",
        D.holiday_relative(d, rule, direction_of(env, m.get("rel"))).isoformat(),
        "published",
    )


def _year_end(m: Match, env: Env) -> Timex:
    d = require_dct(env, "year")
    return Timex("DATE", str(d.year), "published")


def _the_year(m: Match, env: Env) -> Timex:
    """``for the year`` is the publication year; ``the year ended June 30`` is a span (P1Y)."""
    if m.get("ended"):
        return Timex("DURATION", "P1Y", "absolute")
    return _year_end(m, env)


def _fuzzy(m: Match, env: Env) -> Timex:
    return Timex("DATE", env.lex.fuzzy[" ".join(m.text.lower().split())], "absolute")


#: handlers of the calendar-name grammar rules, by rule name
CALENDAR_HANDLERS: dict[str, Handler] = {
    "date_mdy": _date_mdy,
    "date_dmy": _date_mdy,
    "date_my": _date_my,
    "date_num": _date_num,
    "month": _month,
    "the_year": _the_year,
    "season": _season,
    "year": _year,
    "spelled_year": _spelled_year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "holiday": _holiday,
    "year_end": _year_end,
    "fuzzy": _fuzzy,
    "fuzzy_in": _fuzzy,
}
