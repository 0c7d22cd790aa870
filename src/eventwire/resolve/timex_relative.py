"""Handlers for deictic, anaphoric and clock expressions.

Deictic expressions (``Friday``, ``yesterday``, ``last week``, ``three years ago``, ``this
weekend``) count from the publication date; ``this week`` is its ISO week, ``last``/``next``
are strict. Anaphoric ones (``the following day``, ``that year``, ``the previous Friday``,
``two days earlier``) count from the latest date the story has mentioned
(:mod:`eventwire.resolve.anchoring`). A clock time is dated to the day it names, else to the
day the story is at.
"""

from __future__ import annotations

import datetime as dt

from . import anchoring as A
from . import dates as D
from .timex_durations import parse_number
from .timex_env import (
    Env,
    Handler,
    Timex,
    Unanchored,
    direction_of,
    rel_offset,
    require_dct,
    shifted,
)
from .timex_grammar import Match


def _weekday(m: Match, env: Env) -> Timex:
    wd = env.lex.weekdays[m.get("wd").rstrip(".")]
    rel = m.get("rel")
    if rel in A.ANAPHORIC_RELS:  # "the previous Friday": before the day the story is at
        day = A.anaphoric_weekday(env.ref, env.dct, wd, rel)
        if day is None:
            raise Unanchored("day")
        return Timex("DATE", D.day_value(day), "narrative")
    d = require_dct(env, "day")
    if rel in ("this", "current"):
        day = D.weekday_relative(d, wd, direction_of(env))
        if D.week_value(day) != D.week_value(d):
            day = D.shift_days(d, wd - d.isoweekday())
    else:
        day = D.weekday_relative(d, wd, direction_of(env, rel))
    # "Friday morning" stays the day: TempEval-3 annotators mostly span and value the day alone
    return Timex("DATE", D.day_value(day), "published")


def _with_pod(value: str, pod: str | None, env: Env) -> Timex:
    if pod:
        return Timex("TIME", f"{value}T{env.lex.parts_of_day[pod]}", "published")
    return Timex("DATE", value, "published")


def _deictic_date(word: str, env: Env) -> dt.date:
    d = require_dct(env, "day")
    return D.shift_days(d, {"yesterday": -1, "tomorrow": 1}.get(word, 0))


def _deictic(m: Match, env: Env) -> Timex:
    word = m.get("deic")
    day = D.day_value(_deictic_date(word, env))
    pod = m.get("pod") or ("night" if word == "tonight" else None)
    return _with_pod(day, pod, env)


def _pod(m: Match, env: Env) -> Timex:
    rel = m.get("rel")
    day = _deictic_date({"this": "today", "last": "yesterday"}.get(rel, rel), env)
    return _with_pod(D.day_value(day), m.get("pod"), env)


def _relunit(m: Match, env: Env) -> Timex:
    unit = m.get("unit")
    rel = m.get("rel")
    off = rel_offset(rel)
    if unit == "weekend":
        d = require_dct(env, "week", "XXXX-WXX-WE")
        if off == 0:
            return Timex("DATE", D.weekend_value(d, direction_of(env)), "published")
        return Timex("DATE", D.weekend_value(D.shift_days(d, 7 * off), "on_or_after"), "published")
    if unit == "decade":
        d = require_dct(env, "decade")
        return Timex("DATE", str(d.year // 10 + off), "published")
    if unit == "century":
        d = require_dct(env, "century")
        return Timex("DATE", f"{d.year // 100 + off:02d}", "published")
    if unit == "quarter" and env.ref_quarter and rel == "same":
        return Timex("DATE", "{}-Q{}".format(*env.ref_quarter), "published")
    if rel in A.ANAPHORIC_RELS and unit in ("week", "month", "year"):
        return _narrative(env, unit, 0 if rel == "same" else off)
    value, _ = shifted(env.__class__(env.lex, env.dct, env.tense, None), unit, off)
    return Timex("DATE", value, "published")


def _weekend(m: Match, env: Env) -> Timex:
    d = require_dct(env, "week", "XXXX-WXX-WE")
    return Timex("DATE", D.weekend_value(d, direction_of(env)), "published")


def _narrative(env: Env, unit: str, n: int) -> Timex:
    """``n`` units from the narrative reference (``the following year``, ``that week``); a part
    of the day (``the next morning``) is dated to its day, like ``Friday morning``."""
    gran: A.Granularity = "day" if unit in env.lex.parts_of_day else unit  # type: ignore[assignment]
    value = A.shifted_value(env.ref, env.dct, gran, n)
    if value is None:
        raise Unanchored(gran)
    return Timex("DATE", value, "narrative")


def _anaphoric(m: Match, env: Env) -> Timex:
    """``that day``, ``later that year``, ``the same week``, ``the next morning``."""
    rel = m.get("rel") or "that"
    unit = m.get("unit") or m.get("unit2")
    return _narrative(env, unit, 0 if rel in ("that", "same") else rel_offset(rel))


def _year_ago(m: Match, env: Env) -> Timex:
    if env.ref_quarter:
        return Timex("DATE", f"{env.ref_quarter[0] - 1}-Q{env.ref_quarter[1]}", "published")
    d = require_dct(env, "year")
    return Timex("DATE", str(d.year - 1), "published")


def _ago(m: Match, env: Env) -> Timex:
    n = parse_number(m.get("num"), env.lex)
    unit = env.lex.unit_of[m.get("unit")]
    if n is None:
        value = "FUTURE_REF" if m.get("dir") in ("from now", "hence") else "PAST_REF"
        return Timex("DATE", value, "published")
    if m.get("dir") == "earlier" and unit in ("day", "week") and n == int(n):
        # "two days earlier" counts back from the day the story is at; "a year earlier" keeps
        # the publication date (or the quarter in view): business news compares periods so
        return _narrative(env, unit, -int(n))
    sign = 1 if (m.get("dir") or "").startswith(("from", "hence")) else -1
    value, _ = shifted(env, unit, round(sign * n))
    return Timex("DATE", value, "published")


def _clock_day(m: Match, env: Env) -> tuple[str, bool]:
    """The day a clock time refers to, and whether it is anchored to the publication date."""
    if m.get("deic"):
        return D.day_value(_deictic_date(m.get("deic"), env)), True
    if m.get("wd"):
        wd = env.lex.weekdays[m.get("wd").rstrip(".")]
        return D.day_value(
            D.weekday_relative(require_dct(env, "time"), wd, direction_of(env))
        ), True
    mon, day = m.get("mon") or m.get("mon2"), m.get("day") or m.get("day2")
    if mon and day:
        month = env.lex.months[mon.rstrip(".")]
        d = require_dct(env, "time", f"XXXX-{month:02d}-{int(day):02d}TXX:XX")
        y = D.day_year(d, month, int(day), None if env.tense == "PRESENT" else direction_of(env))
        return f"{y:04d}-{month:02d}-{int(day):02d}", True
    # a bare clock time is on the day the story is at ("was shot at 10 p.m.")
    day = A.reference_day(env.ref, env.dct)
    if day is None:
        raise Unanchored("time")
    return D.day_value(day), True


def _clock(m: Match, env: Env) -> Timex:
    hour = int(m.get("h")) % 12 + (12 if m.get("ap").startswith("p") else 0)
    minute = int(m.get("m") or 0)
    try:
        day, _ = _clock_day(m, env)
    except Unanchored:
        return Timex("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "unresolved")
    return Timex("TIME", f"{day}T{hour:02d}:{minute:02d}", "published")


def _clock_word(m: Match, env: Env) -> Timex:
    hhmm = env.lex.clock_words[m.get("cw")]
    try:
        day, _ = _clock_day(m, env)
    except Unanchored:
        return Timex("TIME", f"XXXX-XX-XXT{hhmm}", "unresolved")
    return Timex("TIME", f"{day}T{hhmm}", "published")


#: handlers of the deictic, anaphoric and clock grammar rules, by rule name
RELATIVE_HANDLERS: dict[str, Handler] = {
    "weekday": _weekday,
    "deictic": _deictic,
    "pod_deictic": _deictic,
    "pod": _pod,
    "relunit": _relunit,
    "weekend": _weekend,
    "anaphoric": _anaphoric,
    "year_ago": _year_ago,
    "ago": _ago,
    "clock": _clock,
    "clock_word": _clock_word,
}
