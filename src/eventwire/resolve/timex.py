"""Normalization of grammar matches to TimeML TIMEX3 types and values.

Each grammar rule has one handler; they live by idea in
:mod:`~eventwire.resolve.timex_calendar` (calendar names: dates, months, years, quarters,
holidays), :mod:`~eventwire.resolve.timex_relative` (deictic, anaphoric and clock expressions)
and :mod:`~eventwire.resolve.timex_durations` (numbers, DURATION and SET values), sharing
:class:`Env`, :class:`Timex` and the anchor arithmetic of :mod:`~eventwire.resolve.timex_env`.

Relative expressions are resolved against the anchor (the publication date), tense-aware as in
HeidelTime: a bare weekday, month, month-day, season or holiday in a past or present clause is
the latest one on or before the anchor (the same day counts), in a future or modal clause the
next one on or after it. ``last``/``next`` are strict; ``this week`` is the anchor's ISO week.
Without an anchor a relative expression gets an unresolved value (``XXXX-XX-XX``,
``XXXX-WXX``, ``XXXX-03`` …), never today's date. Absolute dates go through ``dateparser``.
"""

from __future__ import annotations

import logging

from .timex_calendar import CALENDAR_HANDLERS
from .timex_durations import DURATION_HANDLERS, duration_value, parse_number
from .timex_env import AbsoluteParser, Env, Handler, Timex, TimexType, Unanchored
from .timex_grammar import Match
from .timex_relative import RELATIVE_HANDLERS

__all__ = [
    "AbsoluteParser",
    "Env",
    "Timex",
    "TimexType",
    "duration_value",
    "normalize",
    "parse_number",
]

log = logging.getLogger(__name__)

_HANDLERS: dict[str, Handler] = {**CALENDAR_HANDLERS, **RELATIVE_HANDLERS, **DURATION_HANDLERS}


def normalize(match: Match, env: Env) -> Timex | None:
    """TimeML type and value of ``match``; ``None`` when the match is not a valid timex."""
    handler = _HANDLERS[match.rule]
    try:
        return handler(match, env)
    except Unanchored as un:
        kind: TimexType = "TIME" if un.value.endswith(("XX:XX",)) else "DATE"
        return Timex(kind, un.value, "unresolved")
    except (ValueError, KeyError) as exc:  # e.g. 31 February, an unknown spelling
        log.debug("cannot normalize %r (%s): %s", match.text, match.rule, exc)
        return None
