"""Normalization of grammar matches to TimeML TIMEX3 types and values.

Relative expressions are resolved against the anchor (the publication date), tense-aware as in
HeidelTime: a bare weekday, month, month-day, season or holiday in a past or present clause is
the latest one on or before the anchor (the same day counts), in a future or modal clause the
next one on or after it. ``last``/``next`` are strict; ``this week`` is the anchor's ISO week.
Without an anchor a relative expression gets an unresolved value (``XXXX-XX-XX``,
``XXXX-WXX``, ``XXXX-03`` …), never today's date. Absolute dates go through ``dateparser``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from . import anchoring as A
from . import dates as D
from .tense import Tense
from .timex_grammar import Lexicon, Match

log = logging.getLogger(__name__)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
AbsoluteParser = Callable[[str], tuple[dt.date, str] | None]

_UNRESOLVED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
    "time": "XXXX-XX-XXTXX:XX",
}
_BACK = frozenset({"last", "past", "previous", "prior", "latest"})
_FORWARD = frozenset({"next", "coming", "following", "this coming"})
_UNIT_VALUE = {"TS": "S", "TM": "M", "TH": "H"}
_NEAR_MONTHS = 2


@dataclass(frozen=True)
class Env:
    """What a match is normalized against."""

    lex: Lexicon
    dct: dt.date | None
    tense: Tense = "PAST"
    ref_quarter: tuple[int, int] | None = None  # (year, quarter) last mentioned
    parse_absolute: AbsoluteParser | None = None
    ref: A.Reference | None = None  # dates mentioned so far, for anaphoric expressions


@dataclass(frozen=True)
class Timex:
    type: TimexType
    value: str
    anchor: Literal["absolute", "published", "narrative", "unresolved"]


class _Unanchored(Exception):
    """Raised inside a handler that needs the anchor when there is none."""

    def __init__(self, granularity: str, value: str | None = None) -> None:
        super().__init__(granularity)
        self.value = value or _UNRESOLVED[granularity]


def _dct(env: Env, granularity: str, value: str | None = None) -> dt.date:
    if env.dct is None:
        raise _Unanchored(granularity, value)
    return env.dct


def _offset(rel: str | None) -> int:
    if rel in _BACK:
        return -1
    if rel in _FORWARD:
        return 1
    return 0


def _direction(env: Env, rel: str | None = None) -> D.Direction:
    if rel in _BACK:
        return "before"
    if rel in _FORWARD:
        return "after"
    return "on_or_after" if env.tense == "FUTURE" else "on_or_before"


def _near_or_tense(anchor: dt.date, month: int, env: Env) -> D.Direction | None:
    """Direction for a month (or month-day) without year: ``None`` (the nearest one) when it
    lies within two months of the anchor either way, else the clause's tense decides.
    The parse often hangs a month on a noun ("January sales"), so near months follow distance."""
    forward, back = (month - anchor.month) % 12, (anchor.month - month) % 12
    if min(forward, back) <= _NEAR_MONTHS:
        return None
    return _direction(env)


def parse_number(text: str, lex: Lexicon) -> float | None:
    """Value of a number written in digits or words (``twenty four``, ``2 1/2``); ``None`` if vague."""
    t = text.lower().replace(",", "")
    if "couple" in t:
        return 2.0  # TimeML reads "a couple of years" as P2Y
    if t in lex.vague_numbers:
        return None
    parts = t.replace("-", " ").split()
    if parts and parts[0].replace(".", "", 1).isdigit():
        value = float(parts[0])
        if len(parts) == 2 and "/" in parts[1]:
            num, den = parts[1].split("/")
            value += int(num) / int(den)
        return value
    total = 0.0
    for w in parts:
        if w == "and":
            continue
        v = float(lex.numbers.get(w, 0))
        if v == 100:
            total = max(total, 1) * 100
        elif v == 0.5 and total:
            total += 0.5
        else:
            total += v
    return total or None


def _num_text(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str, lex: Lexicon) -> str:
    """TimeML duration (``P3D``, ``PT2H``, ``PXY``) for ``n`` ``unit``s."""
    code = lex.units[unit]
    if code in ("DE", "CE", "ML"):
        factor = {"DE": 10, "CE": 100, "ML": 1000}[code]
        return f"P{_num_text(None if n is None else n * factor)}Y"
    smaller = {"TM": ("TS", 60), "TH": ("TM", 60), "D": ("TH", 24), "Y": ("M", 12), "W": ("D", 7)}
    if n is not None and n != int(n) and code in smaller:
        small, factor = smaller[code]
        rest = (n - int(n)) * factor
        if rest == int(rest):  # 2 1/2 years -> P2Y6M, 5 1/2 hours -> PT5H30M
            head = (
                duration_value(int(n), unit, lex) if int(n) else ("PT" if small[0] == "T" else "P")
            )
            tail = f"{int(rest)}{_UNIT_VALUE.get(small, small)}"
            if small.startswith("T") and "T" not in head:
                tail = "T" + tail
            return head + tail
    if code in _UNIT_VALUE:
        return f"PT{_num_text(n)}{_UNIT_VALUE[code]}"
    return f"P{_num_text(n)}{code}"


def _shifted(env: Env, unit: str, n: int) -> tuple[str, str]:
    """Value ``n`` units from the anchor (``n`` < 0: back), at the unit's granularity."""
    code = env.lex.units[unit]
    gran = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter"}.get(code, "year")
    if code in ("TS", "TM", "TH"):
        gran = "day"
    if env.ref_quarter and code == "Y":
        year, q = env.ref_quarter
        return f"{year + n}-Q{q}", "quarter"
    d = _dct(env, gran)
    if code in ("TS", "TM", "TH", "D"):
        days = n if code == "D" else 0
        return D.day_value(D.shift_days(d, days)), gran
    if code in ("W", "WE"):
        return D.week_value(D.shift_days(d, 7 * n)), gran
    if code == "M":
        return D.month_value(*D.shift_months(d.year, d.month, n)), gran
    if code == "Q":
        y, q = D.shift_quarter(d.year, D.quarter_of(d), n)
        return f"{y}-Q{q}", gran
    factor = {"DE": 10, "CE": 100, "ML": 1000}.get(code, 1)
    return str(d.year + n * factor), gran


# -- handlers: one per grammar rule ------------------------------------------------------------


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
    d = _dct(env, "day", f"XXXX-{month:02d}-{day:02d}")
    y = D.day_year(d, month, day, _near_or_tense(d, month, env))
    return Timex("DATE", f"{y:04d}-{month:02d}-{day:02d}", "published")


def _date_my(m: Match, env: Env) -> Timex:
    month = env.lex.months[m.get("mon").rstrip(".")]
    if m.get("year"):
        return Timex("DATE", D.month_value(int(m.get("year")), month), "absolute")
    if (spelled := _spelled_year_number(m, env)) is not None:
        return Timex("DATE", D.month_value(spelled, month), "absolute")
    d = _dct(env, "month", f"XXXX-{month:02d}")
    return Timex("DATE", D.month_value(d.year + _offset(m.get("rel")), month), "published")


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
    d = _dct(env, "month", f"XXXX-{month:02d}")
    if rel in ("this", "current", "same"):
        return Timex("DATE", D.month_value(d.year, month), "published")
    direction = _direction(env, rel) if rel else _near_or_tense(d, month, env)
    year = (
        D.day_year(d, month, 15, direction)
        if direction is None
        else D.month_year(d, month, direction)
    )
    return Timex("DATE", D.month_value(year, month), "published")


def _with_pod(value: str, pod: str | None, env: Env) -> Timex:
    if pod:
        return Timex("TIME", f"{value}T{env.lex.parts_of_day[pod]}", "published")
    return Timex("DATE", value, "published")


def _weekday(m: Match, env: Env) -> Timex:
    wd = env.lex.weekdays[m.get("wd").rstrip(".")]
    rel = m.get("rel")
    if rel in A.ANAPHORIC_RELS:  # "the previous Friday": before the day the story is at
        day = A.anaphoric_weekday(env.ref, env.dct, wd, rel)
        if day is None:
            raise _Unanchored("day")
        return Timex("DATE", D.day_value(day), "narrative")
    d = _dct(env, "day")
    if rel in ("this", "current"):
        day = D.weekday_relative(d, wd, _direction(env))
        if D.week_value(day) != D.week_value(d):
            day = D.shift_days(d, wd - d.isoweekday())
    else:
        day = D.weekday_relative(d, wd, _direction(env, rel))
    # "Friday morning" stays the day: TempEval-3 annotators mostly span and value the day alone
    return Timex("DATE", D.day_value(day), "published")


def _deictic_date(word: str, env: Env) -> dt.date:
    d = _dct(env, "day")
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
    off = _offset(rel)
    if unit == "weekend":
        d = _dct(env, "week", "XXXX-WXX-WE")
        if off == 0:
            return Timex("DATE", D.weekend_value(d, _direction(env)), "published")
        return Timex("DATE", D.weekend_value(D.shift_days(d, 7 * off), "on_or_after"), "published")
    if unit == "decade":
        d = _dct(env, "decade")
        return Timex("DATE", str(d.year // 10 + off), "published")
    if unit == "century":
        d = _dct(env, "century")
        return Timex("DATE", f"{d.year // 100 + off:02d}", "published")
    if unit == "quarter" and env.ref_quarter and rel == "same":
        return Timex("DATE", "{}-Q{}".format(*env.ref_quarter), "published")
    if rel in A.ANAPHORIC_RELS and unit in ("week", "month", "year"):
        return _narrative(env, unit, 0 if rel == "same" else off)
    value, _ = _shifted(env.__class__(env.lex, env.dct, env.tense, None), unit, off)
    return Timex("DATE", value, "published")


def _narrative(env: Env, unit: str, n: int) -> Timex:
    """``n`` units from the narrative reference (``the following year``, ``that week``); a part
    of the day (``the next morning``) is dated to its day, like ``Friday morning``."""
    gran: A.Granularity = "day" if unit in env.lex.parts_of_day else unit  # type: ignore[assignment]
    value = A.shifted_value(env.ref, env.dct, gran, n)
    if value is None:
        raise _Unanchored(gran)
    return Timex("DATE", value, "narrative")


def _anaphoric(m: Match, env: Env) -> Timex:
    """``that day``, ``later that year``, ``the same week``, ``the next morning``."""
    rel = m.get("rel") or "that"
    unit = m.get("unit") or m.get("unit2")
    return _narrative(env, unit, 0 if rel in ("that", "same") else _offset(rel))


def _the_year(m: Match, env: Env) -> Timex:
    """``for the year`` is the publication year; ``the year ended June 30`` is a span (P1Y)."""
    if m.get("ended"):
        return Timex("DURATION", "P1Y", "absolute")
    d = _dct(env, "year")
    return Timex("DATE", str(d.year), "published")


def _weekend(m: Match, env: Env) -> Timex:
    d = _dct(env, "week", "XXXX-WXX-WE")
    return Timex("DATE", D.weekend_value(d, _direction(env)), "published")


def _season(m: Match, env: Env) -> Timex:
    code = env.lex.seasons[m.get("season")]
    if m.get("year"):
        return Timex("DATE", f"{int(m.get('year'))}-{code}", "absolute")
    if (spelled := _spelled_year_number(m, env)) is not None:
        return Timex("DATE", f"{spelled}-{code}", "absolute")
    d = _dct(env, "year", f"XXXX-{code}")
    return Timex("DATE", f"{D.season_year(d, code, _offset(m.get('rel')))}-{code}", "published")


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
    d = _dct(env, "quarter", f"XXXX-{letter}{n}" if n else None)
    if n:
        if rel:
            year = d.year + _offset(rel)
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
            "DATE", f"{env.ref_quarter[0] + _offset(rel)}-Q{env.ref_quarter[1]}", "published"
        )
    if env.ref_quarter and adj not in ("last", "previous"):
        return Timex("DATE", "{}-Q{}".format(*env.ref_quarter), "published")
    # "the quarter", "the latest quarter": the last completed one
    return Timex(
        "DATE", "{}-Q{}".format(*D.shift_quarter(d.year, D.quarter_of(d), -1)), "published"
    )


def _year_ago(m: Match, env: Env) -> Timex:
    if env.ref_quarter:
        return Timex("DATE", f"{env.ref_quarter[0] - 1}-Q{env.ref_quarter[1]}", "published")
    d = _dct(env, "year")
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
    value, _ = _shifted(env, unit, round(sign * n))
    return Timex("DATE", value, "published")


def _duration(m: Match, env: Env) -> Timex:
    n = parse_number(m.get("num"), env.lex)
    if n is not None and m.get("orso") and "half" in m.get("orso"):
        n += 0.5
    unit = env.lex.unit_of[m.get("unit")]
    return Timex("DURATION", duration_value(n, unit, env.lex), "absolute")


def _duration_vague(m: Match, env: Env) -> Timex:
    unit = env.lex.unit_of[m.get("unit")]
    return Timex("DURATION", duration_value(None, unit, env.lex), "absolute")


def _set_word(m: Match, env: Env) -> Timex:
    return Timex("SET", env.lex.sets[m.get("set")], "absolute")


def _set_every(m: Match, env: Env) -> Timex:
    pod = env.lex.parts_of_day.get(m.get("pod") or "")
    suffix = f"T{pod}" if pod else ""
    if m.get("wd"):
        return Timex("SET", f"XXXX-WXX-{env.lex.weekdays[m.get('wd')]}{suffix}", "absolute")
    if m.get("mon"):
        return Timex("SET", f"XXXX-{env.lex.months[m.get('mon')]:02d}", "absolute")
    n = parse_number(m.get("num"), env.lex) if m.get("num") else 1
    if "other" in m.text.lower():
        n = (n or 1) * 2
    return Timex("SET", duration_value(n, env.lex.unit_of[m.get("unit")], env.lex), "absolute")


def _set_plural_day(m: Match, env: Env) -> Timex:
    wd = env.lex.weekdays[m.get("wd1") or m.get("wd")[:-1]]
    pod = m.get("pod") or m.get("pod1")
    suffix = f"T{env.lex.parts_of_day[pod[:-1]]}" if pod else ""
    return Timex("SET", f"XXXX-WXX-{wd}{suffix}", "absolute")


def _set_rate(m: Match, env: Env) -> Timex:
    return Timex("SET", duration_value(1, env.lex.unit_of[m.get("unit")], env.lex), "absolute")


def _clock_day(m: Match, env: Env) -> tuple[str, bool]:
    """The day a clock time refers to, and whether it is anchored to the publication date."""
    if m.get("deic"):
        return D.day_value(_deictic_date(m.get("deic"), env)), True
    if m.get("wd"):
        wd = env.lex.weekdays[m.get("wd").rstrip(".")]
        return D.day_value(D.weekday_relative(_dct(env, "time"), wd, _direction(env))), True
    mon, day = m.get("mon") or m.get("mon2"), m.get("day") or m.get("day2")
    if mon and day:
        month = env.lex.months[mon.rstrip(".")]
        d = _dct(env, "time", f"XXXX-{month:02d}-{int(day):02d}TXX:XX")
        y = D.day_year(d, month, int(day), None if env.tense == "PRESENT" else _direction(env))
        return f"{y:04d}-{month:02d}-{int(day):02d}", True
    # a bare clock time is on the day the story is at ("was shot at 10 p.m.")
    day = A.reference_day(env.ref, env.dct)
    if day is None:
        raise _Unanchored("time")
    return D.day_value(day), True


def _clock(m: Match, env: Env) -> Timex:
    hour = int(m.get("h")) % 12 + (12 if m.get("ap").startswith("p") else 0)
    minute = int(m.get("m") or 0)
    try:
        day, _ = _clock_day(m, env)
    except _Unanchored:
        return Timex("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "unresolved")
    return Timex("TIME", f"{day}T{hour:02d}:{minute:02d}", "published")


def _clock_word(m: Match, env: Env) -> Timex:
    hhmm = env.lex.clock_words[m.get("cw")]
    try:
        day, _ = _clock_day(m, env)
    except _Unanchored:
        return Timex("TIME", f"XXXX-XX-XXT{hhmm}", "unresolved")
    return Timex("TIME", f"{day}T{hhmm}", "published")


def _holiday(m: Match, env: Env) -> Timex:
    rule = env.lex.holidays[" ".join(m.get("hol").replace("’", "'").split())]
    if m.get("year"):
        return Timex("DATE", D.holiday_date(rule, int(m.get("year"))).isoformat(), "absolute")
    d = _dct(env, "day")
    return Timex(
        "DATE", D.holiday_relative(d, rule, _direction(env, m.get("rel"))).isoformat(), "published"
    )


def _year_end(m: Match, env: Env) -> Timex:
    d = _dct(env, "year")
    return Timex("DATE", str(d.year), "published")


def _fuzzy(m: Match, env: Env) -> Timex:
    return Timex("DATE", env.lex.fuzzy[" ".join(m.text.lower().split())], "absolute")


_HANDLERS: dict[str, Callable[[Match, Env], Timex | None]] = {
    "date_mdy": _date_mdy,
    "date_dmy": _date_mdy,
    "date_my": _date_my,
    "date_num": _date_num,
    "month": _month,
    "weekday": _weekday,
    "deictic": _deictic,
    "pod_deictic": _deictic,
    "pod": _pod,
    "relunit": _relunit,
    "weekend": _weekend,
    "anaphoric": _anaphoric,
    "the_year": _the_year,
    "season": _season,
    "year": _year,
    "spelled_year": _spelled_year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "year_ago": _year_ago,
    "ago": _ago,
    "duration": _duration,
    "duration_bare": _duration_vague,
    "duration_span": _duration_vague,
    "set_word": _set_word,
    "set_every": _set_every,
    "set_plural_day": _set_plural_day,
    "set_rate": _set_rate,
    "clock": _clock,
    "clock_word": _clock_word,
    "holiday": _holiday,
    "year_end": _year_end,
    "fuzzy": _fuzzy,
    "fuzzy_in": _fuzzy,
}


def normalize(match: Match, env: Env) -> Timex | None:
    """TimeML type and value of ``match``; ``None`` when the match is not a valid timex."""
    handler = _HANDLERS[match.rule]
    try:
        return handler(match, env)
    except _Unanchored as un:
        kind: TimexType = "TIME" if un.value.endswith(("XX:XX",)) else "DATE"
        return Timex(kind, un.value, "unresolved")
    except (ValueError, KeyError) as exc:  # e.g. 31 February, an unknown spelling
        log.debug("cannot normalize %r (%s): %s", match.text, match.rule, exc)
        return None
