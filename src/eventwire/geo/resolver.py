"""Toponym resolution: pick the gazetteer place each toponym means, as a careful reader would.

Every candidate gets a score from what it is and what the document says:

- its kind: countries, continents and regions outrank divisions, which outrank towns, so a
  country's name never lands on a town of the same name; a name met only as an alternate,
  abbreviation or shortened form weighs less than a main name;
- its size (log population) as the tie-breaker;
- the document's geography: the countries and first-level divisions that demonyms and the
  other toponyms point to (one pass to gather, a second to decide);
- an explicit parent, which wins: "Alexandria, La.", "Springfield, Illinois",
  "Basra in Iraq", or the parent in a dateline ("ALEXANDRIA, La. —").

Mentions of the same name share one reading (one sense per discourse) unless a mention has a
parent of its own. A toponym without candidates stays unresolved and never disturbs the others.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .build import ABBR
from .gazetteer import Candidate, Gazetteer
from .names import normalize
from .toponyms import Demonym, Toponym

#: prior by feature class
FEATURE_PRIOR = {"PCL": 4.0, "CON": 4.0, "RGN": 3.0, "OCN": 3.0, "SEA": 3.0, "GUL": 3.0}
ADM1_PRIOR = 2.0
ADM2_PRIOR = 0.0
CAPITAL_PRIOR = 1.0
#: penalty by name kind (name, alternate, abbreviation, short form)
KIND_PENALTY = (0.0, 0.7, 1.0, 2.5)
POP_WEIGHT = 0.6
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.5
PARENT_BONUS = 8.0
NEAR_PARENT_BONUS = 4.0

_COMMA = re.compile(r"^\s*,\s*$")
_IN = re.compile(r"^\s*(?:,\s*)?(?:in|near|outside|of)\s+(?:the\s+)?$", re.I)
_DATELINE_END = re.compile(
    r"^(?:\s*,\s*[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)?\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014:]"
)


@dataclass
class Resolution:
    toponym: Toponym
    place: Candidate | None
    confidence: float
    parent: Candidate | None = None


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
    return _prior(c) + POP_WEIGHT * math.log10(c.population + 10) - penalty


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
        """Gazetteer places a toponym's text may mean (``after_comma``: in "X, Y" position)."""
        cands = self.gazetteer.lookup(top.text)
        bare = top.text.replace(".", "").replace(" ", "")
        if top.source != "parent" and not after_comma and not bare.isupper():
            # "No." is not Norway, "Jan." no town: abbreviations count only in capitals
            cands = tuple(c for c in cands if c.kind != ABBR)
        return cands

    # -- explicit parents ------------------------------------------------------------------
    def _parents(
        self, work: str, tops: Sequence[Toponym], cands: list[tuple[Candidate, ...]]
    ) -> dict[int, tuple[tuple[Candidate, ...], float]]:
        """index of toponym -> (parent candidates, bonus) from "X, Y" and "X in Y"."""
        out: dict[int, tuple[tuple[Candidate, ...], float]] = {}
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
    def _score(
        c: Candidate,
        countries: Counter,
        admins: Counter,
        parent: tuple[tuple[Candidate, ...], float] | None,
        children: tuple[Candidate, ...] = (),
    ) -> float:
        score = _base(c)
        n_c = sum(countries.values())
        if n_c and c.cc and not c.is_country:
            score += COUNTRY_WEIGHT * countries[c.cc] / n_c
        n_a = sum(admins.values())
        if n_a and c.admin1 and not c.is_country and c.fcode != "ADM1":
            score += ADMIN1_WEIGHT * admins[(c.cc, c.admin1)] / n_a
        if parent is not None:
            parents, bonus = parent
            if any(_contains(p, c) for p in parents):
                score += bonus
        if children and any(_contains(c, k) for k in children):
            score += PARENT_BONUS / 2
        return score

    @staticmethod
    def _evidence(
        picks: list[Candidate | None], weights: list[float], demonyms: Sequence[Demonym], gz
    ) -> tuple[Counter, Counter]:
        countries: Counter = Counter()
        admins: Counter = Counter()
        for d in demonyms:
            cand = gz.country(d.country)
            if cand is not None:
                countries[cand.cc] += 0.5
        for pick, w in zip(picks, weights, strict=True):
            if pick is None or not pick.cc:
                continue
            countries[pick.cc] += w
            if pick.admin1 and not pick.is_country:
                admins[(pick.cc, pick.admin1)] += w
        return countries, admins

    def _pick(
        self, cands, countries, admins, parent, children=()
    ) -> tuple[Candidate | None, float]:
        if not cands:
            return None, 0.0
        scored = sorted(
            ((self._score(c, countries, admins, parent, children), c) for c in cands),
            key=lambda sc: -sc[0],
        )
        best = scored[0]
        margin = best[0] - scored[1][0] if len(scored) > 1 else 4.0
        return best[1], round(1 / (1 + math.exp(-margin)), 3)

    def resolve(
        self, work: str, tops: Sequence[Toponym], demonyms: Sequence[Demonym] = ()
    ) -> list[Resolution]:
        """One :class:`Resolution` per toponym, in the same order."""
        after_comma = [False] + [
            bool(_COMMA.match(work[a.end : b.start])) for a, b in pairwise(tops)
        ]
        cands = [self.candidates(t, c) for t, c in zip(tops, after_comma, strict=True)]
        parents = self._parents(work, tops, cands)
        children = {i + 1: cands[i] for i, (_, bonus) in parents.items() if bonus == PARENT_BONUS}
        empty: Counter = Counter()
        first = [
            self._pick(c, empty, empty, parents.get(i), children.get(i, ()))
            for i, c in enumerate(cands)
        ]
        picks = [p for p, _ in first]
        weights = [conf for _, conf in first]
        for _round in range(2):
            countries, admins = self._evidence(picks, weights, demonyms, self.gazetteer)
            new = []
            for i, c in enumerate(cands):
                own_c, own_a = Counter(countries), Counter(admins)
                if picks[i] is not None and picks[i].cc:
                    own_c[picks[i].cc] -= weights[i]
                    if picks[i].admin1 and not picks[i].is_country:
                        own_a[(picks[i].cc, picks[i].admin1)] -= weights[i]
                new.append(self._pick(c, +own_c, +own_a, parents.get(i), children.get(i, ())))
            picks = [p for p, _ in new]
            weights = [conf for _, conf in new]
        picks, weights = self._one_sense(tops, picks, weights, parents)
        return [
            Resolution(t, p, w if p is not None else 0.0, None)
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
