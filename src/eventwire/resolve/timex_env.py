"""What a grammar match is normalized against (:class:`Env`), what comes out (:class:`Timex`),
and the anchor arithmetic shared by the normalization handlers.

A handler that needs the publication date calls :func:`require_dct`; without one it raises
:class:`Unanchored`, which :func:`eventwire.resolve.timex.normalize` turns into an unresolved
value (``XXXX-XX-XX``, ``XXXX-WXX`` …) rather than guessing today's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from . import anchoring as A
from . import dates as D
from .tense import Tense
from .timex_grammar import Lexicon, Match

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
AbsoluteParser = Callable[[str], tuple[dt.date, str] | None]

# The unresolved value of each granularity, used when there is no anchor.
UNRESOLVED = {
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
    """A normalized time expression: TimeML type and value, and what the value rests on."""

    type: TimexType
    value: str
    anchor: Literal["absolute", "published", "narrative", "unresolved"]


class Unanchored(Exception):
    """Raised inside a handler that needs the anchor when there is none."""

    def __init__(self, granularity: str, value: str | None = None) -> None:
        super().__init__(granularity)
        self.value = value or UNRESOLVED[granularity]


Handler = Callable[[Match, Env], Timex | None]


def require_dct(env: Env, granularity: str, value: str | None = None) -> dt.date:
    """The publication date; raises :class:`Unanchored` (with ``value``, else the unresolved
    value of ``granularity``) when there is none."""
    if env.dct is None:
        raise Unanchored(granularity, value)
    return env.dct


def rel_offset(rel: str | None) -> int:
    """-1 for a backward word (``last``, ``past`` …), 1 for a forward one (``next`` …), else 0."""
    if rel in _BACK:
        return -1
    if rel in _FORWARD:
        return 1
    return 0


def direction_of(env: Env, rel: str | None = None) -> D.Direction:
    """How an underspecified date is placed: strictly by ``last``/``next``, else by tense."""
    if rel in _BACK:
        return "before"
    if rel in _FORWARD:
        return "after"
    return "on_or_after" if env.tense == "FUTURE" else "on_or_before"


def near_or_tense(anchor: dt.date, month: int, env: Env) -> D.Direction | None:
    """Direction for a month (or month-day) without year: ``None`` (the nearest one) when it
    lies within two months of the anchor either way, else the clause's tense decides.
    The parse often hangs a month on a noun ("January sales"), so near months follow distance."""
    forward, back = (month - anchor.month) % 12, (anchor.month - month) % 12
    if min(forward, back) <= _NEAR_MONTHS or env.tense == "PRESENT":
        return None
    return direction_of(env)


def shifted(env: Env, unit: str, n: int) -> tuple[str, str]:
    """Value ``n`` units from the anchor (``n`` < 0: back), at the unit's granularity."""
    code = env.lex.units[unit]
    gran = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter"}.get(code, "year")
    if code in ("TS", "TM", "TH"):
        gran = "day"
    if env.ref_quarter and code == "Y":
        year, q = env.ref_quarter
        return f"{year + n}-Q{q}", "quarter"
    d = require_dct(env, gran)
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
