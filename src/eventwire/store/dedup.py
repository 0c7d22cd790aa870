"""Deduplication: which mentions (one coded event in one sentence of one article) are reports of
the same real-world event.

A mention joins an existing event when ALL of these hold (the rule is documented in
``docs/store.md``; its parameters are :class:`DedupParams`):

1. **type**: the same PLOVER type, or, for events without one, the same CAMEO root
   (``type_key``);
2. **flags**: the same negated / hypothetical / future flags (a denial or a plan is not the
   deed);
3. **actors**: the source lists are compatible and so are the target lists. Two actor lists
   are compatible when some pair of actors is: the same named actor (name key, or one proper
   name's words within the other's), or, unless both are proper names, the same country and
   sector; actors of different known countries never are. For statement-like
   types (``named_actor_types``: CAMEO roots 01 and 02 by default) only the same named source
   counts, since two officials of one government make different statements. Two empty target
   lists are compatible; an event without a known source never merges (an unknown actor is
   no evidence);
4. **date**: the two date intervals (a day, an ISO week, a month, a year) are at most *w* days
   apart, *w* being the larger of the two precisions' windows; a date coarser than
   ``coarsest_precision`` (a bare year, by default) never merges. A date taken from the
   publication date (no date in the text) has its own, wider window. A historical mention
   without a date in the text has no date at all: it only joins other undated historical
   mentions, never a dated (new) event;
5. **location**: either location is unknown, or they are the same place (GeoNames id or name),
   or within ``location_km`` of each other, or one is the country the other lies in; places in
   different known countries never are;
6. **same story**: the two sentences share what happened: at least ``min_shared_terms``
   story terms (content words, stemmed, without stop words, date words and the actors' own
   names; :mod:`eventwire.store.story`), making at least ``min_term_overlap`` of the shorter
   sentence's terms. A mention in the same article as the event's anchor is exempt
   (``same_document_exempt``): one article telling one story repeats it in other words.

Among several compatible events the closest in time wins, then the one with more mentions,
then the oldest. The comparison is against the event's first mention (its anchor), so an
event cannot drift through a chain of near matches.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pycountry

from ..errors import ConfigError
from ..settings import Settings
from .keys import name_key
from .story import same_story

_PRECISION_RANK = {"day": 0, "published": 0, "week": 1, "month": 2, "year": 3}
#: the longest interval of each precision, in days
_INTERVAL_DAYS = {"day": 1, "published": 1, "week": 7, "month": 31, "year": 366}

#: precision -> default window (days) of rule 4; "published" is for publication-date fallbacks.
DEFAULT_WINDOWS: dict[str, int] = {"day": 1, "week": 0, "month": 0, "year": 0, "published": 2}


@dataclass(frozen=True)
class DedupParams:
    """The parameters of the deduplication rule (TOML table ``[eventwire.dedup]``)."""

    enabled: bool = True
    windows: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_WINDOWS))
    location_km: float = 100.0
    match_flags: bool = True
    missing_actor_matches: bool = False
    named_actor_types: tuple[str, ...] = ("C:01", "C:02")
    coarsest_precision: str = "month"
    min_shared_terms: int = 2
    min_term_overlap: float = 0.25
    same_document_exempt: bool = True

    @property
    def max_window(self) -> int:
        """The widest window, used to pre-select candidate events in SQL."""
        return max(self.windows.values(), default=0)

    @property
    def max_interval_days(self) -> int:
        """The longest date interval an event the rule may match can have (that of the
        coarsest precision it accepts), used to bound the candidate query from below."""
        rank = _PRECISION_RANK[self.coarsest_precision]
        return max(days for p, days in _INTERVAL_DAYS.items() if _PRECISION_RANK[p] <= rank)

    @classmethod
    def from_settings(cls, settings: Settings | None) -> DedupParams:
        """Defaults overridden by ``settings.extras["dedup"]`` (a ``[eventwire.dedup]`` table)."""
        table = dict((settings.extras if settings else {}).get("dedup", {}) or {})
        windows = dict(DEFAULT_WINDOWS)
        extra_windows = table.pop("windows", {}) or {}
        for key, days in extra_windows.items():
            if key not in DEFAULT_WINDOWS:
                raise ConfigError(
                    f"dedup.windows: unknown precision {key!r} (use {sorted(DEFAULT_WINDOWS)})"
                )
            if int(days) < 0:
                raise ConfigError(f"dedup.windows.{key} must be >= 0 days, got {days!r}")
            windows[key] = int(days)
        known = {
            "enabled",
            "location_km",
            "match_flags",
            "missing_actor_matches",
            "named_actor_types",
            "coarsest_precision",
            "min_shared_terms",
            "min_term_overlap",
            "same_document_exempt",
        }
        unknown = set(table) - known
        if unknown:
            raise ConfigError(f"unknown dedup setting(s): {', '.join(sorted(unknown))}")
        if "named_actor_types" in table:
            table["named_actor_types"] = tuple(table["named_actor_types"])
        return cls(windows=windows, **table)

    def __post_init__(self) -> None:
        if self.coarsest_precision not in _PRECISION_RANK:
            raise ConfigError(
                f"dedup.coarsest_precision: unknown precision {self.coarsest_precision!r}"
            )
        if self.location_km < 0:
            raise ConfigError(f"dedup.location_km must be >= 0, got {self.location_km!r}")
        if self.min_shared_terms < 0:
            raise ConfigError(f"dedup.min_shared_terms must be >= 0, got {self.min_shared_terms!r}")
        if not 0.0 <= self.min_term_overlap <= 1.0:
            raise ConfigError(
                f"dedup.min_term_overlap must be between 0 and 1, got {self.min_term_overlap!r}"
            )


@dataclass(frozen=True)
class ActorKey:
    """What the rule compares of an actor: name key, country, sector, and whether the name is a
    proper name (capitalized, e.g. "Mitt Romney") rather than a description ("police")."""

    name: str
    country: str | None
    sector: str | None
    proper: bool = False

    def compatible(self, other: ActorKey) -> bool:
        if self.country and other.country and self.country != other.country:
            return False
        if self.name and self.name == other.name:
            return True
        if self.proper and other.proper:
            # two named actors: the same one only when one name contains the other's words
            # ("Obama" / "Barack Obama"); country and sector alone do not make them one
            mine, theirs = set(self.name.split()), set(other.name.split())
            return bool(mine and theirs) and (mine <= theirs or theirs <= mine)
        return bool(self.country) and self.country == other.country and self.sector == other.sector


def actor_keys(refs: Iterable[Any]) -> list[list[Any]]:
    """JSON-ready ``[name_key, country, sector, proper]`` of event participants (ActorRefs)."""
    return [
        [name_key(r.name or ""), r.country, r.sector, (r.name or "")[:1].isupper()] for r in refs
    ]


def _keys(raw: Iterable[Iterable[str | None]]) -> tuple[ActorKey, ...]:
    return tuple(ActorKey(*[*k, None, None, False][:4]) for k in raw)  # type: ignore[misc]


@dataclass(frozen=True)
class Signature:
    """What the rule compares of a mention or an event (built from either table's row)."""

    type_key: str
    source: tuple[ActorKey, ...]
    target: tuple[ActorKey, ...]
    precision: str | None
    start: dt.date | None
    end: dt.date | None
    place_name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    flags: tuple[bool, bool, bool]
    historical: bool
    #: story terms of the (anchor) sentence; ``None`` when unknown (rule 6 is then not applied)
    terms: frozenset[str] | None = None
    #: the article of the mention, or of the event's anchor mention
    document_id: int | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Signature:
        """From a mapping with the ``events``/``mentions`` columns (plus the actor keys, and
        ``story_terms`` and ``document_id`` or ``first_document_id`` when known)."""
        name = row.get("location_name")
        terms = row.get("story_terms")
        return cls(
            type_key=row["type_key"],
            source=_keys(row.get("source_keys") or ()),
            target=_keys(row.get("target_keys") or ()),
            precision=row.get("date_precision"),
            start=row.get("date_start"),
            end=row.get("date_end"),
            place_name=name_key(name) if name else None,
            geonameid=row.get("geonameid"),
            lat=row.get("lat"),
            lon=row.get("lon"),
            country=row.get("location_country"),
            flags=(bool(row["negated"]), bool(row["hypothetical"]), bool(row["future"])),
            historical=bool(row["historical"]),
            terms=frozenset(terms) if terms is not None else None,
            document_id=row.get("document_id", row.get("first_document_id")),
        )


def _actors_compatible(
    a: tuple[ActorKey, ...],
    b: tuple[ActorKey, ...],
    params: DedupParams,
    *,
    empty_ok: bool,
    by_name: bool = False,
) -> bool:
    if not a or not b:
        return params.missing_actor_matches or (empty_ok and not a and not b)
    if by_name:
        return any(x.name and x.name == y.name and x.compatible(y) for x in a for y in b)
    return any(x.compatible(y) for x in a for y in b)


def date_gap(a: Signature, b: Signature) -> int | None:
    """Days between the two date intervals (0 when they overlap); ``None`` if either is unknown."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return None
    return max(0, (b.start - a.end).days, (a.start - b.end).days)


def _dates_compatible(a: Signature, b: Signature, params: DedupParams) -> bool:
    gap = date_gap(a, b)
    if gap is None:
        # Undated: only undated historical mentions go together (rule 4).
        return a.start is None and b.start is None and a.historical and b.historical
    coarsest = _PRECISION_RANK[params.coarsest_precision]
    if (
        max(_PRECISION_RANK.get(a.precision or "", 9), _PRECISION_RANK.get(b.precision or "", 9))
        > coarsest
    ):
        return False  # "in 2012" is too vague to say two reports tell one event
    window = max(params.windows.get(a.precision or "", 0), params.windows.get(b.precision or "", 0))
    return gap <= window


@lru_cache(maxsize=512)
def _country_names(iso3: str) -> frozenset[str]:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return frozenset()
    names = {getattr(country, a, None) for a in ("name", "common_name", "official_name")}
    return frozenset(name_key(n) for n in names if n)


def _is_country(place_name: str | None, country: str | None) -> bool:
    return bool(place_name and country and place_name in _country_names(country))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _places_compatible(a: Signature, b: Signature, params: DedupParams) -> bool:
    if (a.place_name is None and a.geonameid is None) or (
        b.place_name is None and b.geonameid is None
    ):
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.place_name and a.place_name == b.place_name:
        return True
    if _is_country(a.place_name, a.country) or _is_country(b.place_name, b.country):
        return bool(a.country) and a.country == b.country
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return _km(a.lat, a.lon, b.lat, b.lon) <= params.location_km  # type: ignore[arg-type]
    return False


def _story_compatible(a: Signature, b: Signature, params: DedupParams) -> bool:
    if params.min_shared_terms <= 0 or a.terms is None or b.terms is None:
        return True
    same_document = a.document_id is not None and a.document_id == b.document_id
    if params.same_document_exempt and same_document:
        return True
    return same_story(a.terms, b.terms, params.min_shared_terms, params.min_term_overlap)


def compatible(mention: Signature, event: Signature, params: DedupParams) -> bool:
    """Whether ``mention`` may join ``event`` under the rule (module docstring)."""
    if mention.type_key != event.type_key:
        return False
    if params.match_flags and mention.flags != event.flags:
        return False
    return (
        _dates_compatible(mention, event, params)
        and _actors_compatible(
            mention.source,
            event.source,
            params,
            empty_ok=False,
            by_name=mention.type_key in params.named_actor_types,
        )
        and _actors_compatible(mention.target, event.target, params, empty_ok=True)
        and _places_compatible(mention, event, params)
        and _story_compatible(mention, event, params)
    )


def best_match(
    mention: Signature,
    candidates: Iterable[tuple[int, Signature, int]],
    params: DedupParams,
) -> int | None:
    """The id of the event ``mention`` joins, from ``(event_id, signature, num_mentions)``
    candidates; ``None`` when none is compatible (or dedup is disabled)."""
    if not params.enabled:
        return None
    best: tuple[int, int, int] | None = None
    for event_id, sig, num in candidates:
        if not compatible(mention, sig, params):
            continue
        gap = date_gap(mention, sig)
        key = (gap if gap is not None else 0, -num, event_id)
        if best is None or key < best:
            best = key
    return best[2] if best else None
