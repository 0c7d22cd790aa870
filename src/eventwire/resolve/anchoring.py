"""Narrative anchoring: anaphoric time expressions take the latest date mentioned before them.

Most relative expressions ("Friday", "last week") count from the publication date. Anaphoric
ones ("the next day", "the following year", "that week", "the previous Friday", "two days
earlier", "the day before Tuesday's hearing") count from the time the story is talking about:
the most recent date of sufficient granularity mentioned earlier in the document, as in
HeidelTime's narrative mode. :class:`Reference` remembers those dates while the times stage
walks the document in order; the functions here compute anchored values from it and fall back
to the publication date when nothing has been mentioned yet.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from . import dates as D

Granularity = Literal["day", "week", "month", "year"]

# Words that make a "rel" anaphoric: they count from the narrative reference.
ANAPHORIC_RELS = frozenset({"following", "previous", "prior", "same", "that"})
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")
# "the day before" / "the day after" right before a day expression shifts it by one day.
_DAY_SHIFT = re.compile(r"(?:\bthe\s+)?\bday\s+(before|after)\s+$", re.IGNORECASE)
# "the week of" right before a day expression names that day's ISO week.
_WEEK_OF = re.compile(r"\bthe\s+week\s+of\s+$", re.IGNORECASE)


def day_of(value: str) -> dt.date | None:
    """The calendar day a TimeML ``value`` names (``2015-03-10``, ``2015-03-10T14:00``);
    ``None`` when it names no day or an impossible one."""
    m = _DAY_VALUE.match(value)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


@dataclass(frozen=True)
class Reference:
    """The latest calendar day, ISO week, month and year mentioned so far in a document."""

    day: dt.date | None = None
    week: tuple[int, int] | None = None  # (ISO year, ISO week)
    month: tuple[int, int] | None = None  # (year, month)
    year: int | None = None

    def updated(self, value: str) -> Reference:
        """The reference after a time expression with TimeML ``value`` has been read; values
        that name no calendar date (durations, sets, ``PAST_REF``, ``XXXX``) change nothing."""
        if (day := day_of(value)) is not None:
            iso = day.isocalendar()
            return Reference(day, (iso[0], iso[1]), (day.year, day.month), day.year)
        if m := _WEEK_VALUE.match(value):
            return replace(self, week=(int(m.group(1)), int(m.group(2))), year=int(m.group(1)))
        if m := _MONTH_VALUE.match(value):
            year, month = int(m.group(1)), int(m.group(2))
            return replace(self, month=(year, month), year=year) if 1 <= month <= 12 else self
        if m := _YEAR_VALUE.match(value):
            return replace(self, year=int(m.group(1)))
        return self


def reference_day(ref: Reference | None, dct: dt.date | None) -> dt.date | None:
    """The day anaphoric day expressions count from: the latest day mentioned, else ``dct``."""
    return ref.day if ref is not None and ref.day is not None else dct


def shifted_value(
    ref: Reference | None, dct: dt.date | None, unit: Granularity, n: int
) -> str | None:
    """Value ``n`` units after (``n`` < 0: before) the reference at ``unit`` granularity:
    ``the following year`` is ``shifted_value(ref, dct, "year", 1)``. ``None`` when there is
    neither a reference nor a publication date."""
    day = reference_day(ref, dct)
    if unit == "day":
        return None if day is None else D.day_value(D.shift_days(day, n))
    if unit == "week":
        if ref is not None and ref.week is not None:
            monday = dt.date.fromisocalendar(ref.week[0], ref.week[1], 1)
            return D.week_value(D.shift_days(monday, 7 * n))
        return None if day is None else D.week_value(D.shift_days(day, 7 * n))
    if unit == "month":
        if ref is not None and ref.month is not None:
            return D.month_value(*D.shift_months(ref.month[0], ref.month[1], n))
        return None if dct is None else D.month_value(*D.shift_months(dct.year, dct.month, n))
    if ref is not None and ref.year is not None:
        return str(ref.year + n)
    return None if dct is None else str(dct.year + n)


def anaphoric_weekday(
    ref: Reference | None, dct: dt.date | None, weekday: int, rel: str
) -> dt.date | None:
    """``the previous Friday`` / ``the following Friday``: the weekday strictly before / after
    the reference day; ``that Friday`` / ``the same Friday``: the nearest one on or before."""
    day = reference_day(ref, dct)
    if day is None:
        return None
    if rel == "following":
        return D.weekday_relative(day, weekday, "after")
    if rel in ("previous", "prior"):
        return D.weekday_relative(day, weekday, "before")
    return D.weekday_relative(day, weekday, "on_or_before")


def day_shift_before(text_before: str) -> tuple[int, int] | None:
    """For the text just before a day expression: (days to add, characters the shift phrase
    takes) when it ends in "the day before " / "the day after ", else ``None``."""
    m = _DAY_SHIFT.search(text_before[-40:])
    if m is None:
        return None
    return (-1 if m.group(1).lower() == "before" else 1), len(m.group(0))


def week_of_before(text_before: str) -> int | None:
    """Length of "the week of " when ``text_before`` ends with it (before a day), else ``None``."""
    m = _WEEK_OF.search(text_before[-20:])
    return None if m is None else len(m.group(0))


def week_of_value(value: str) -> str | None:
    """The ISO week of a day ``value`` (``2000-03-06`` → ``2000-W10``); ``None`` if no day."""
    day = day_of(value)
    return None if day is None else D.week_value(day)


def shift_day_value(value: str, days: int) -> str | None:
    """``value`` (a day, possibly with a time) moved by ``days``; ``None`` if it is no day."""
    day = day_of(value)
    return None if day is None else D.day_value(D.shift_days(day, days))
