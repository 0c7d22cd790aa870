"""Calendar arithmetic for TimeML values: ISO weeks, quarters, seasons, relative weekdays.

Everything here is pure and works on :class:`datetime.date`. ``direction`` names how an
underspecified date is placed relative to the anchor (the publication date):

- ``"on_or_before"``: the latest such date on or before the anchor (same day counts);
- ``"on_or_after"``: the earliest such date on or after the anchor;
- ``"before"`` / ``"after"``: strictly before / after (``last Friday``, ``next Friday``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Direction = Literal["on_or_before", "on_or_after", "before", "after"]

# Month ending each season (winter ends in February of the following year).
_SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: dt.date) -> str:
    return d.isoformat()


def week_value(d: dt.date) -> str:
    """ISO week of ``d`` (``2020-W01``); the ISO year may differ from the calendar year."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months after ``year-month``."""
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    idx = year * 4 + (quarter - 1) + delta
    return idx // 4, idx % 4 + 1


def shift_days(d: dt.date, days: int) -> dt.date:
    return d + dt.timedelta(days=days)


def weekday_relative(anchor: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The date with ISO ``weekday`` (Monday=1) placed relative to ``anchor``."""
    today = anchor.isoweekday()
    if direction == "on_or_before":
        return anchor - dt.timedelta(days=(today - weekday) % 7)
    if direction == "before":
        return anchor - dt.timedelta(days=(today - weekday - 1) % 7 + 1)
    if direction == "on_or_after":
        return anchor + dt.timedelta(days=(weekday - today) % 7)
    return anchor + dt.timedelta(days=(weekday - today - 1) % 7 + 1)


def month_year(anchor: dt.date, month: int, direction: Direction) -> int:
    """The year of a bare ``month`` placed relative to ``anchor``'s month."""
    if direction == "on_or_before":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction == "before":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "on_or_after":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month > anchor.month else anchor.year + 1


def day_year(anchor: dt.date, month: int, day: int, direction: Direction | None) -> int:
    """The year of a month-day without year: by direction, or the nearest one when ``None``."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    dates = []
    for y in years:
        try:
            dates.append(dt.date(y, month, day))
        except ValueError:  # 29 February
            dates.append(dt.date(y, month, 28))
    if direction in ("on_or_before", "before"):
        past = [d for d in dates if d <= anchor]
        return max(past).year
    if direction in ("on_or_after", "after"):
        future = [d for d in dates if d >= anchor]
        return min(future).year
    return min(dates, key=lambda d: abs((d - anchor).days)).year


def season_year(anchor: dt.date, season: str, offset: int) -> int:
    """Year of ``last`` (-1), ``this`` (0) or ``next`` (+1) ``season`` relative to ``anchor``."""
    if offset < 0:
        end = _SEASON_END[season]
        year = anchor.year if end < anchor.month and season != "WI" else anchor.year - 1
        return year
    if offset > 0:
        start = _SEASON_START[season]
        return anchor.year if start > anchor.month else anchor.year + 1
    return anchor.year


def weekend_value(anchor: dt.date, direction: Direction) -> str:
    """The weekend (``2020-W01-WE``) nearest ``anchor`` in ``direction``."""
    if direction in ("on_or_before", "before"):
        saturday = weekday_relative(anchor, 6, "on_or_before")
        if anchor.isoweekday() == 7:
            saturday = anchor - dt.timedelta(days=1)
    else:
        saturday = weekday_relative(anchor, 6, "on_or_after")
    return week_value(saturday) + "-WE"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of ``month`` (``n = -1``: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(rule: str, year: int) -> dt.date:
    """Date of a holiday given as ``"MM-DD"`` or ``"N:WD:MM"`` (see the lexicon) in ``year``."""
    if ":" in rule:
        n, weekday, month = (int(p) for p in rule.split(":"))
        return nth_weekday(year, month, weekday, n)
    month, day = (int(p) for p in rule.split("-"))
    return dt.date(year, month, day)


def holiday_relative(anchor: dt.date, rule: str, direction: Direction) -> dt.date:
    """The holiday's date placed relative to ``anchor``."""
    cands = [holiday_date(rule, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "on_or_before":
        return max(d for d in cands if d <= anchor)
    if direction == "before":
        return max(d for d in cands if d < anchor)
    if direction == "on_or_after":
        return min(d for d in cands if d >= anchor)
    return min(d for d in cands if d > anchor)
