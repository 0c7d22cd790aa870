"""Detection of TimeML temporal expressions (TIMEX3) with a regular grammar built from data.

The word lists live in ``eventwire/data/times/lexicon.yaml``; this module turns them into one
compiled pattern per rule (HeidelTime style). :meth:`Grammar.find` returns every match as a
:class:`Match` (rule name, span, named parts) and keeps the longest non-overlapping ones.
Normalization of a match to a TimeML value is :mod:`eventwire.resolve.timex`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from ..errors import ResourceError
from .timex_prefilter import Prefilter

_LIST_KEYS = ("vague_numbers",)
_MAP_KEYS = (
    "months",
    "weekdays",
    "numbers",
    "ordinals",
    "units",
    "seasons",
    "parts_of_day",
    "clock_words",
    "fuzzy",
    "sets",
    "holidays",
)
_PLURALS = {"century": "centuries", "millennium": "millennia"}


@dataclass(frozen=True)
class Lexicon:
    """The temporal word lists (all keys lower-case)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    clock_words: dict[str, str]
    fuzzy: dict[str, str]
    sets: dict[str, str]
    holidays: dict[str, str]
    unit_of: dict[str, str] = field(default_factory=dict)  # any unit form -> singular

    def __post_init__(self) -> None:
        for singular in self.units:
            self.unit_of[singular] = singular
            self.unit_of[_PLURALS.get(singular, singular + "s")] = singular


def load_lexicon(text: str | None = None) -> Lexicon:
    """Load and validate the lexicon (the shipped file unless ``text`` is given)."""
    if text is None:
        text = resources.files("eventwire.data").joinpath("times/lexicon.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text) or {}
    missing = [k for k in (*_MAP_KEYS, *_LIST_KEYS) if k not in data]
    if missing:
        raise ResourceError(f"[E310] times lexicon lacks section(s): {', '.join(missing)}")
    for key in _MAP_KEYS:
        if not isinstance(data[key], dict) or not data[key]:
            raise ResourceError(f"[E310] times lexicon section '{key}' must be a non-empty map")
    bad_months = [k for k, v in data["months"].items() if not 1 <= int(v) <= 12]
    bad_days = [k for k, v in data["weekdays"].items() if not 1 <= int(v) <= 7]
    if bad_months or bad_days:
        raise ResourceError(
            f"[E310] times lexicon: bad month/weekday entries {bad_months + bad_days}"
        )
    return Lexicon(
        **{k: {str(w).lower(): v for w, v in data[k].items()} for k in _MAP_KEYS},
        vague_numbers=tuple(str(w).lower() for w in data["vague_numbers"]),
    )


@dataclass(frozen=True)
class Match:
    """One grammar match: ``[start, end)`` in the searched text, the rule and its named parts."""

    start: int
    end: int
    rule: str
    parts: dict[str, str]
    text: str

    def get(self, name: str) -> str | None:
        value = self.parts.get(name)
        return value.lower() if value else None


def _alt(words: list[str] | tuple[str, ...] | set[str], dotted: bool = False) -> str:
    """Regex alternation of ``words`` (longest first; spaces match any whitespace)."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        pat = re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        out.append(pat + (r"\.?" if dotted else ""))
    return "(?:" + "|".join(out) + ")"


_MAY_PREP = re.compile(r"\b(?:in|until|till|since|through|during|before|after)\s+$", re.I)
_NAME_NEXT = re.compile(r"['’]s\b|\s+[A-Z]")
_MODS = (
    r"(?:early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|end\s+of|"
    r"beginning\s+of|middle\s+of|the\s+rest\s+of|the\s+latter\s+part\s+of)"
)
_APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|"
    r"fewer\s+than|over|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|"
    r"only|just|another|an\s+additional|an\s+extra|barely|well\s+over|under)"
)


class Grammar:
    """The compiled TIMEX3 patterns for one lexicon (build once per pipeline)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        full_months = [m for m in lex.months if len(m) > 3 or m == "may"]
        full_days = [d for d in lex.weekdays if len(d) > 4 or d.endswith("day")]
        mon = _alt(lex.months, dotted=True)
        mon_full = _alt(full_months)
        wd = _alt(full_days)
        wd_any = _alt(lex.weekdays, dotted=True)
        num_words = _alt([w for w in lex.numbers if w not in ("a", "an", "half")])
        num = (
            rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|(?:a|an|one)\s+and\s+a\s+half|{num_words}"
            rf"(?:[\s-]+(?:and\s+)?{num_words}){{0,3}}|a\s+half|an?)"
        )
        vague = _alt(lex.vague_numbers)
        units = _alt(list(lex.unit_of))
        pod = _alt(lex.parts_of_day)
        season = _alt(lex.seasons)
        ordinal = _alt([o for o in lex.ordinals if lex.ordinals[o] > 0])
        year = r"(?<![\d$£€#.,])(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
        rel = r"(?:this\s+coming|this|last|next|past|coming|current|previous|following|latest|prior|same)"
        deictic = r"(?:today|tomorrow|yesterday|tonight)"
        tens = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        ones = r"(?:one|two|three|four|five|six|seven|eight|nine)"
        teens = (
            r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
        )
        clock = (
            r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>[ap]\.?\s?m\.?(?![a-z]))"
            r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|local\s+time))?"
        )
        clock_word = _alt(lex.clock_words)
        # a year in words, as spoken in broadcast transcripts ("nineteen ninety-four")
        spelled = (
            rf"(?:(?P<cent>nineteen|eighteen)\s+(?P<yy>{tens}(?:[\s-]+{ones})?|{teens}|hundred|"
            rf"oh[\s-]+{ones})|(?P<mil>two\s+thousand)(?:\s+and)?(?:[\s-]+(?P<y2k>{ones}|{teens}))?)"
        )
        day_ref = (
            rf"(?:,?\s+(?:on\s+)?(?:(?P<deic>{deictic})|(?P<wd>{wd_any})"
            rf"(?:,?\s+(?P<mon>{mon})\s+(?P<day>\d{{1,2}}))?|(?P<mon2>{mon})\s+(?P<day2>\d{{1,2}})))?"
        )
        rules: list[tuple[str, str]] = [
            (
                "date_mdy",
                rf"(?:(?P<wd>{wd_any}),?\s+)?(?:the\s+)?(?P<mon>{mon})\s+(?P<day>\d{{1,2}})"
                rf"(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s+(?P<year>{year}))?",
            ),
            (
                "date_dmy",
                rf"(?:(?P<wd>{wd_any}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                rf"(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<year>{year}))?",
            ),
            (
                "date_my",
                rf"(?:(?P<mod>{_MODS})[\s-]+)?(?P<mon>{mon})\.?,?\s+(?:of\s+)?"
                rf"(?:(?P<year>{year})|(?P<rel>this|last|next)\s+year|{spelled})",
            ),
            (
                "date_num",
                r"(?<![\d/.-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/])",
            ),
            (
                "month",
                rf"(?:(?P<mod>{_MODS})[\s-]+)?(?:(?P<rel>{rel})\s+)?(?P<mon>{mon_full})",
            ),
            (
                "weekday",
                rf"(?:(?P<mod>early|late|earlier|later)\s+(?:on\s+)?)?(?:(?P<rel>{rel})\s+)?"
                rf"(?P<wd>{wd})(?:\s+(?P<pod>{pod}))?",
            ),
            (
                "deictic",
                rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<deic>{deictic})"
                rf"(?:\s+(?P<pod>{pod}))?",
            ),
            ("pod_deictic", rf"(?P<pod>{pod})\s+(?P<deic>{deictic})"),
            (
                "pod",
                rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow|yesterday)"
                rf"\s+(?P<pod>{pod})",
            ),
            (
                "relunit",
                rf"(?:(?P<mod>{_MODS})\s+(?:in\s+)?)?(?:the\s+)?(?P<rel>{rel})\s+"
                r"(?P<fiscal>fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)"
                r"(?!-)",
            ),
            ("weekend", r"(?:(?P<mod>over|during)\s+)?the\s+(?P<unit>weekend)"),
            (
                # "for the year": the publication year; "the year ended June 30": a year's span
                "the_year",
                rf"(?:(?P<mod>{_MODS})\s+(?:in\s+)?)?the\s+(?:(?P<adj>full|fiscal|calendar)\s+)?"
                r"year(?:(?=\s+(?P<ended>ended|ending)\b)|(?!\s+(?:before|after|earlier|ago|later|"
                r"to|or)\b|\s+\d|-|['’]))",
            ),
            (
                # anaphoric: counts from the date the story is at ("later that day")
                "anaphoric",
                r"(?:(?P<mod>early|late|earlier|later)\s+(?:on\s+|in\s+)?)?(?:that(?:\s+same)?\s+"
                rf"(?P<unit>day|week|month|year|{pod})|the\s+(?P<rel>same|next|following|previous|"
                rf"prior)\s+(?P<unit2>day|{pod}))",
            ),
            (
                "season",
                r"(?:(?P<prep>in|over|during|into|through|until|by|since|for)\s+)?"
                rf"(?P<body>(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<rel>{rel}|the)\s+)?"
                rf"(?P<season>{season})(?:\s+(?:of\s+)?(?:(?P<year>{year})|{spelled}))?)",
            ),
            (
                "quarter",
                rf"(?:the\s+)?(?:(?P<yr>{year})\s+|(?P<rel>this|last|next)\s+year['’]s\s+)?"
                r"(?:(?P<adj>fiscal|calendar|year-ago|year-earlier|latest|current|last|previous|"
                r"recent|same|next|coming|flat|comparable|final|strong|weak)\s+)?(?:fiscal\s+)?"
                rf"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?P<unit>quarter|half|period)"
                rf"(?!ly)(?:\s+of\s+(?:fiscal\s+)?(?:(?P<yr2>{year})|(?P<rel2>this|last|next)\s+year))?",
            ),
            (
                "year",
                rf"(?:(?P<mod>{_MODS})[\s-]+)?(?:(?P<fiscal>fiscal(?:\s+year)?)\s+)?(?P<year>{year})"
                r"(?P<decade>'?s)?",
            ),
            (
                "spelled_year",
                rf"(?:the\s+year\s+)?{spelled}",
            ),
            (
                "decade",
                r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<dec>(?:1[5-9]|20)\d0)'?s"
                r"|'(?P<short>\d0)s|(?P<word>twenties|thirties|forties|fifties|"
                r"sixties|seventies|eighties|nineties))(?![\w'])",
            ),
            (
                "century",
                rf"(?:the\s+)?(?:(?P<ord>{ordinal})|(?P<ordnum>\d{{1,2}})(?:st|nd|rd|th))[\s-]+"
                r"(?P<unit>century)",
            ),
            (
                "year_ago",
                r"(?:the\s+)?(?:(?P<yago>year-ago|year-earlier|year-before|prior-year)"
                r"(?:\s+(?P<what>period|quarter|level|month|week))?|(?:same|corresponding|"
                r"comparable)\s+(?P<what2>period|quarter)\s+(?:of\s+)?(?P<yago2>last\s+year|a\s+year"
                r"\s+(?:ago|earlier)))",
            ),
            ("set_word", rf"(?P<set>{_alt(lex.sets)})"),
            (
                "set_every",
                rf"(?P<q>every|each|per)\s+(?:other\s+)?(?:(?P<num>{num})\s+)?"
                rf"(?:(?P<unit>{units})|(?P<wd>{wd})|(?P<mon>{mon_full}))(?:\s+(?P<pod>{pod}))?",
            ),
            (
                "set_plural_day",
                rf"(?:(?P<wd>{_alt([d + 's' for d in full_days if d.endswith('day')])})"
                rf"(?:\s+(?P<pod>nights|mornings|evenings|afternoons))?|(?P<wd1>{wd})\s+"
                r"(?P<pod1>nights|mornings|evenings|afternoons))",
            ),
            (
                "set_rate",
                r"(?:\d|dollars|cents|percent|times|once|twice|million|billion|thousand)\s+(?P<body>(?:a|an|per)\s+"
                r"(?P<unit>year|month|week|day|hour|minute))",
            ),
            (
                "ago",
                rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{num}|{vague})[\s-]+(?P<unit>{units})"
                r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence|back)",
            ),
            (
                "duration",
                rf"(?:(?P<approx>{_APPROX})\s+(?!the\b))?(?:the\s+)?(?:(?P<span>first|last|past|next|previous|"
                r"coming|following|final|ensuing|remaining|full|entire|whole|additional|other|"
                rf"latest|recent)\s+)?(?P<num>{num}|{vague})(?:[\s-]+(?:more|additional|full|"
                rf"straight|consecutive))?[\s-]+(?P<unit>{units})(?P<old>-old)?"
                r"(?:\s+(?P<orso>or\s+so|and\s+a\s+half))?",
            ),
            (
                "duration_bare",
                r"(?:for|over|within|in|after|during|spanning|lasting)\s+(?P<body>(?P<unit>years|"
                r"months|weeks|days|decades|centuries|hours|minutes))(?!\s+(?:of|ago|earlier))",
            ),
            (
                "duration_span",
                rf"(?:the\s+)?(?P<span>first|last|past|next|previous|following|recent)\s+"
                rf"(?P<vague>{vague}\s+)?(?P<unit>years|months|weeks|days|decades|hours)",
            ),
            (
                "clock",
                rf"(?:(?P<approx>about|around|approximately|shortly\s+before|shortly\s+after|"
                rf"just\s+before|just\s+after|until|by|before|after)\s+)?{clock}{day_ref}",
            ),
            (
                "clock_word",
                rf"(?P<cw>{clock_word})(?:\s+(?:on\s+)?(?:(?P<deic>{deictic})|(?P<wd>{wd})))?",
            ),
            (
                "holiday",
                rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>{_alt(lex.holidays)})(?:\s+(?P<year>{year}))?",
            ),
            ("year_end", r"(?:the\s+)?(?:year-end|year['’]s\s+end|year\s+end)"),
            ("fuzzy", rf"(?P<fuzzy>{_alt(lex.fuzzy)})"),
            ("fuzzy_in", r"in\s+(?P<body>future)"),
        ]
        self.rules: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
            (name, re.compile(r"(?<![\w'’-])" + pat + r"(?!\w|-\w|['’](?!s\b))", re.IGNORECASE))
            for name, pat in rules
        )
        self._priority = {name: i for i, (name, _) in enumerate(rules)}
        self._prefilter = Prefilter([pattern for _, pattern in self.rules])

    def _valid(self, rule: str, m: re.Match[str]) -> bool:
        """Structural checks a regex cannot express (capitalized names, day ranges)."""
        for name in ("mon", "wd", "mon2", "wd1"):
            group = m.groupdict().get(name)
            if group and not group[0].isupper():
                return False
        for name in ("day", "day2"):
            group = m.groupdict().get(name)
            if group and not 1 <= int(group) <= 31:
                return False
        if rule == "month" and m.group("mon").lower() == "may" and not m.group("mod"):
            # "May" alone is usually the modal verb (or Theresa May): take it after a preposition
            # of time ("heard in May") unless a name or possessive follows ("in May's cabinet")
            after_prep = _MAY_PREP.search(m.string, max(0, m.start() - 8), m.start()) is not None
            return bool(m.group("rel")) or (after_prep and not _NAME_NEXT.match(m.string, m.end()))
        if rule == "clock" and not 0 <= int(m.group("h")) <= 12:
            return False
        if rule == "quarter":
            qualified = any(m.group(g) for g in ("ord", "adj", "yr", "rel", "yr2", "rel2"))
            if m.group("unit").lower() == "half":
                return bool(m.group("ord"))
            if m.group("unit").lower() == "period":  # "the latest period" of an earnings report
                return (m.group("adj") or "").lower() == "latest" and not m.group("ord")
            return qualified or m.group(0).lower().startswith("the")
        if rule == "season":
            rel = (m.group("rel") or "").lower()
            dated = any(m.group(g) for g in ("year", "cent", "mil"))
            return dated or (bool(rel) and (rel != "the" or bool(m.group("prep"))))
        if rule == "duration_span" and m.group("span").lower() == "recent":
            return m.group("unit").lower() != "years"  # "recent years" is PAST_REF
        if rule == "fuzzy" and m.group(0).lower() == "future":
            return False  # bare "future" only after "in" (rule fuzzy_in): not "future plans"
        quarter = rule == "duration" and m.group("unit").lower().startswith("quarter")
        if quarter and m.string.startswith(" of", m.end()):
            return False  # "three-quarters of the vote" is a fraction
        if rule == "duration" and m.group("old"):
            return False  # ages ("a 6-year-old") are not TIMEX3s in TempEval-3
        if rule in ("duration", "ago") and m.group("unit").lower() == "second":
            return m.group("num").lower() not in ("a", "an")
        return True

    def find(self, text: str, full_scan: bool = False) -> list[Match]:
        """Longest non-overlapping matches of all rules in ``text``, in text order.

        Each rule is searched only where the pre-filter says it can match
        (:mod:`eventwire.resolve.timex_prefilter`); ``full_scan`` searches the whole text
        with every rule instead (same result, slower)."""
        whole = [(0, len(text))]
        stretches = [whole] * len(self.rules) if full_scan else self._prefilter.ranges(text)
        cands: list[Match] = []
        for (rule, pattern), spans in zip(self.rules, stretches, strict=True):
            for span_start, span_end in spans:
                for m in pattern.finditer(text, span_start, span_end):
                    if not self._valid(rule, m):
                        continue
                    parts = {k: v for k, v in m.groupdict().items() if v}
                    start, end = m.span("body") if "body" in parts else m.span()
                    cands.append(Match(start, end, rule, parts, text[start:end]))
        cands.sort(key=lambda c: (-(c.end - c.start), self._priority[c.rule], c.start))
        taken: list[Match] = []
        occupied: list[tuple[int, int]] = []
        for c in cands:
            if any(c.start < e and s < c.end for s, e in occupied):
                continue
            taken.append(c)
            occupied.append((c.start, c.end))
        return sorted(taken, key=lambda c: c.start)
