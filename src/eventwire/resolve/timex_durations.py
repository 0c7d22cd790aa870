"""Amounts of time: numbers in digits or words, TimeML DURATION values, and the SET handlers.

``for three weeks`` is ``P3W``, ``2 1/2 years`` is ``P2Y6M``, ``a few days`` is ``PXD``;
``every other week`` is the SET ``P2W``, ``Sunday mornings`` is ``XXXX-WXX-7TMO``. None of these
depend on the anchor, so every value here is ``absolute``.
"""

from __future__ import annotations

from .timex_env import Env, Handler, Timex
from .timex_grammar import Lexicon, Match

_UNIT_VALUE = {"TS": "S", "TM": "M", "TH": "H"}


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


#: handlers of the DURATION and SET grammar rules, by rule name
DURATION_HANDLERS: dict[str, Handler] = {
    "duration": _duration,
    "duration_bare": _duration_vague,
    "duration_span": _duration_vague,
    "set_word": _set_word,
    "set_every": _set_every,
    "set_plural_day": _set_plural_day,
    "set_rate": _set_rate,
}
