"""Toponym resolution: pick the gazetteer place each toponym means, as a careful reader would.

Every candidate gets a score from what it is and what the document says:

- its kind: countries, continents and regions outrank divisions, which outrank towns; a
  country's name never means a same-named town unless an explicit parent says so; a town that
  gives its name to the division it lies in ("Baghdad") or a national capital named like a
  division ("Washington") outranks the division; a name met only as an alternate, abbreviation
  or shortened form weighs less than a main name;
- its size (log population) as the tie-breaker;
- the document's geography: the countries and first-level divisions that demonyms and the
  other toponyms resolve to, and the divisions the other names *could* share ("Athens" and
  "Henderson County" both have a reading in Henderson County, Texas); three rounds;
- an explicit parent, which wins: "Alexandria, La.", "Springfield, Illinois",
  "Basra in Iraq", or the parent in a dateline ("ALEXANDRIA, La. —").

Mentions of the same name share one reading (one sense per discourse) unless a mention has a
parent of its own. A toponym without candidates stays unresolved and never disturbs the others.
All weights are module constants, set on the LGL and GeoWebNews development data.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from .build import ABBR, ALT
from .gazetteer import Candidate, Gazetteer
from .names import normalize
from .toponyms import Demonym, Toponym

#: prior by feature class
FEATURE_PRIOR = {"PCL": 4.0, "CON": 4.0, "RGN": 3.0, "OCN": 3.0, "SEA": 3.0, "GUL": 3.0}
ADM1_PRIOR = 2.0
ADM2_PRIOR = 0.0
CAPITAL_PRIOR = 1.0
#: stands in for the population of regions and seas, which have none
AREA_POPULATION = 10_000_000
#: a town named like the first-level division it lies in is what the name usually means
SEAT_BONUS = 2.5
#: penalty by name kind (name, alternate, abbreviation, short form)
KIND_PENALTY = (0.0, 0.7, 1.0, 2.5)
POP_WEIGHT = 0.7
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.5
PARENT_BONUS = 8.0
NEAR_PARENT_BONUS = 4.0
#: per other name of the document with a reading in the same division (capped)
COHERE_ADMIN1 = 0.8
COHERE_ADMIN2 = 1.5
COHERE_CAP = 3.0

_COMMA = re.compile(r"^\s*,\s*$")
_IN = re.compile(r"^\s*(?:,\s*)?(?:in|near|outside|of)\s+(?:the\s+)?$", re.I)
_DATELINE_END = re.compile(
    r"^(?:\s*,\s*[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)?\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014:]"
)


_Parent = tuple[tuple[Candidate, ...], float]


@dataclass
class _Evidence:
    """What the rest of a document says: countries and divisions of its resolved places
    (weighted by confidence, demonyms count half) and divisions its names could share."""

    countries: Counter = field(default_factory=Counter)
    admins: Counter = field(default_factory=Counter)
    all1: dict = field(default_factory=dict)
    all2: dict = field(default_factory=dict)
    own1: dict = field(default_factory=dict)
    own2: dict = field(default_factory=dict)

    def near1(self, key: tuple) -> float:
        """Votes of the other names for first-level division ``key``."""
        return self.all1.get(key, 0.0) - self.own1.get(key, 0.0)

    def near2(self, key: tuple) -> float:
        """Votes of the other names for second-level division ``key``."""
        return self.all2.get(key, 0.0) - self.own2.get(key, 0.0)


@dataclass
class Resolution:
    toponym: Toponym
    place: Candidate | None
    confidence: float


def _prior(c: Candidate) -> float:
    if c.fcode[:3] in FEATURE_PRIOR:
        return FEATURE_PRIOR[c.fcode[:3]]
    if c.fcode == "ADM1":
        return ADM1_PRIOR
    if c.fcode == "ADM2":
        return ADM2_PRIOR
    if c.fcode == "PPLC":
        return CAPITAL_PRIOR
    return 0.0


def _base(c: Candidate) -> float:
    penalty = KIND_PENALTY[min(c.kind, len(KIND_PENALTY) - 1)]
    population = c.population or (AREA_POPULATION if c.fcode[:3] in FEATURE_PRIOR else 0)
    return _prior(c) + POP_WEIGHT * math.log10(population + 10) - penalty


def _seat(c: Candidate, cands: Sequence[Candidate]) -> float:
    """Bonus for a town that shares its name with a division: the division's own main town
    ("Baghdad") or the national capital ("Washington" is the capital, not the state)."""
    if not c.is_town:
        return 0.0
    for d in cands:
        if d.cc != c.cc or not d.is_admin or (d.fcode != "ADM1" and d.kind > 0):
            continue  # "Madison" is no seat of "Madison County" (a short form)
        if _contains(d, c) or (d.fcode == "ADM1" and c.fcode == "PPLC"):
            return SEAT_BONUS
    return 0.0


def _contains(parent: Candidate, child: Candidate) -> bool:
    """True if ``child`` lies inside ``parent`` (a country or first-level division)."""
    if parent.id == child.id or not parent.cc or parent.cc != child.cc:
        return False
    if parent.is_country:
        return True
    if parent.fcode == "ADM1":
        return child.admin1 == parent.admin1
    if parent.fcode == "ADM2":
        return child.admin1 == parent.admin1 and child.admin2 == parent.admin2
    return False


class Resolver:
    """Resolves the toponyms of one document against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def candidates(self, top: Toponym, after_comma: bool = False) -> tuple[Candidate, ...]:
        """Gazetteer places a toponym's text may mean (``after_comma``: in "X, Y" position).

        A country's name never means a town ("Mexico" is not Mexico City)."""
        cands = self.gazetteer.lookup(top.text)
        bare = top.text.replace(".", "").replace(" ", "")
        if top.text.endswith(".") and any(c.kind == ABBR for c in cands):
            return tuple(c for c in cands if c.kind == ABBR)  # "Ill." is Illinois only
        if top.source != "parent" and not after_comma and not bare.isupper():
            # "No." is not Norway, "Jan." no town: abbreviations count only in capitals
            cands = tuple(c for c in cands if c.kind != ABBR)
        return cands

    @staticmethod
    def _country_over_towns(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """Without an explicit parent a country's name never means a same-named town."""
        if any(c.is_country and c.kind <= ALT for c in cands):
            return tuple(c for c in cands if not c.is_town)
        return cands

    # -- explicit parents ------------------------------------------------------------------
    def _parents(
        self, work: str, tops: Sequence[Toponym], cands: list[tuple[Candidate, ...]]
    ) -> dict[int, _Parent]:
        """index of toponym -> (parent candidates, bonus) from "X, Y" and "X in Y"."""
        out: dict[int, _Parent] = {}
        for i in range(len(tops) - 1):
            gap = work[tops[i].end : tops[i + 1].start]
            parents = tuple(c for c in cands[i + 1] if c.is_country or c.fcode in {"ADM1", "ADM2"})
            if not parents:
                continue
            if _COMMA.match(gap):
                out[i] = (parents, PARENT_BONUS)
            elif _IN.match(gap):
                out[i] = (parents, NEAR_PARENT_BONUS)
        return out

    # -- scoring ---------------------------------------------------------------------------
    @staticmethod
    def _score(c: Candidate, ev: _Evidence, parent: _Parent | None, children) -> float:
        score = _base(c)
        if not c.is_country and c.cc:
            n_c = sum(ev.countries.values())
            if n_c:
                score += COUNTRY_WEIGHT * ev.countries[c.cc] / n_c
            n_a = sum(ev.admins.values())
            if n_a and c.admin1 and c.fcode != "ADM1":
                score += ADMIN1_WEIGHT * ev.admins[(c.cc, c.admin1)] / n_a
            if c.fcode != "ADM1" and not c.fcode.startswith("PCL"):
                score += COHERE_ADMIN1 * min(ev.near1((c.cc, c.admin1)), COHERE_CAP)
                if c.admin2:
                    score += COHERE_ADMIN2 * min(ev.near2((c.cc, c.admin1, c.admin2)), 1.0)
        if parent is not None and any(_contains(p, c) for p in parent[0]):
            score += parent[1]
        if children and any(_contains(c, k) for k in children):
            score += PARENT_BONUS / 2
        return score

    def _evidence(
        self,
        picks: list[Candidate | None],
        weights: list[float],
        demonyms: Sequence[Demonym],
        skip: int,
        near: tuple[dict, dict],
        same: set[int],
    ) -> _Evidence:
        """What the rest of the document says about places: all but toponym ``skip`` and the
        other mentions of its name (``same``), which would only echo its own reading."""
        ev = _Evidence()
        for d in demonyms:
            cand = self.gazetteer.country(d.country)
            if cand is not None:
                ev.countries[cand.cc] += 0.5
        for i, (pick, w) in enumerate(zip(picks, weights, strict=True)):
            if i in same or pick is None or not pick.cc:
                continue
            ev.countries[pick.cc] += w
            if pick.admin1 and not pick.is_country:
                ev.admins[(pick.cc, pick.admin1)] += w
        ev.all1, ev.all2 = near[0]["all"], near[1]["all"]
        ev.own1, ev.own2 = near[0].get(skip, {}), near[1].get(skip, {})
        return ev

    @staticmethod
    def _near(tops: Sequence[Toponym], cands: list[tuple[Candidate, ...]]) -> tuple[dict, dict]:
        """Divisions the document's names could share ("Athens" + "Henderson County" both
        have a reading in Henderson County, Texas). Each distinct name votes once per division,
        less the more divisions it could be in."""
        near1: dict = {"all": Counter()}
        near2: dict = {"all": Counter()}
        voted: dict[str, int] = {}
        for i, (t, cs) in enumerate(zip(tops, cands, strict=True)):
            key = normalize(t.text)
            if key in voted:
                near1[i], near2[i] = near1[voted[key]], near2[voted[key]]
                continue
            voted[key] = i
            a1 = {(c.cc, c.admin1) for c in cs if c.admin1 and not c.is_country}
            a2 = {(c.cc, c.admin1, c.admin2) for c in cs if c.admin2}
            mine1 = {k: 1 / math.sqrt(len(a1)) for k in a1}
            mine2 = {k: 1 / math.sqrt(len(a2)) for k in a2}
            near1[i], near2[i] = mine1, mine2
            near1["all"].update(mine1)
            near2["all"].update(mine2)
        return near1, near2

    def _pick(self, cands, ev, parent, children) -> tuple[Candidate | None, float]:
        if not cands:
            return None, 0.0
        scored = sorted(
            ((self._score(c, ev, parent, children) + _seat(c, cands), c) for c in cands),
            key=lambda sc: -sc[0],
        )
        best = scored[0]
        margin = best[0] - scored[1][0] if len(scored) > 1 else 4.0
        return best[1], round(1 / (1 + math.exp(-margin)), 3)

    def resolve(
        self, work: str, tops: Sequence[Toponym], demonyms: Sequence[Demonym] = ()
    ) -> list[Resolution]:
        """One :class:`Resolution` per toponym, in the same order."""
        if not tops:
            return []
        after_comma = [False] + [
            bool(_COMMA.match(work[a.end : b.start])) for a, b in pairwise(tops)
        ]
        cands = [self.candidates(t, c) for t, c in zip(tops, after_comma, strict=True)]
        parents = self._parents(work, tops, cands)
        cands = [c if i in parents else self._country_over_towns(c) for i, c in enumerate(cands)]
        keys = [normalize(t.text) for t in tops]
        same = {k: {i for i, key in enumerate(keys) if key == k} for k in set(keys)}
        children = {i + 1: cands[i] for i, (_, bonus) in parents.items() if bonus == PARENT_BONUS}
        near = self._near(tops, cands)
        picks: list[Candidate | None] = [None] * len(tops)
        weights = [0.0] * len(tops)
        for _round in range(3):
            new = [
                self._pick(
                    c,
                    self._evidence(picks, weights, demonyms, i, near, same[keys[i]]),
                    parents.get(i),
                    children.get(i, ()),
                )
                for i, c in enumerate(cands)
            ]
            picks = [p for p, _ in new]
            weights = [conf for _, conf in new]
        picks, weights = self._one_sense(tops, picks, weights, parents)
        return [
            Resolution(t, p, w if p is not None else 0.0)
            for t, p, w in zip(tops, picks, weights, strict=True)
        ]

    @staticmethod
    def _one_sense(tops, picks, weights, parents):
        """Mentions of the same name share the reading of the one with a parent or most trust."""
        best: dict[str, tuple[float, Candidate]] = {}
        for i, (t, p) in enumerate(zip(tops, picks, strict=True)):
            if p is None:
                continue
            key = normalize(t.text)
            trust = weights[i] + (10.0 if i in parents else 0.0)
            if key not in best or trust > best[key][0]:
                best[key] = (trust, p)
        out_p, out_w = list(picks), list(weights)
        for i, t in enumerate(tops):
            key = normalize(t.text)
            if key in best and i not in parents and out_p[i] is not None:
                out_p[i] = best[key][1]
                out_w[i] = max(out_w[i], min(best[key][0], 0.99))
        return out_p, out_w

    @staticmethod
    def dateline(work: str, tops: Sequence[Toponym]) -> int | None:
        """Index of the toponym opening a dateline ("BAGHDAD (Reuters) -"), if any."""
        if not tops or tops[0].start > 40:
            return None
        head = work[: tops[0].start].strip()
        if head and not head.endswith("\n") and len(head) > 40:
            return None
        for k in range(min(2, len(tops))):
            rest = work[tops[k].end : tops[k].end + 60]
            if _DATELINE_END.match(rest):
                return k
        return None
