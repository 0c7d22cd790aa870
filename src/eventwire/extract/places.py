"""Places stage: find toponyms, resolve them to GeoNames places, fill ``ctx.places``.

Detection is :class:`eventwire.geo.toponyms.ToponymFinder`, resolution
:class:`eventwire.geo.resolver.Resolver`, both built once per pipeline over the cached gazetteer
(:mod:`eventwire.geo.gazetteer`). A toponym the gazetteer cannot resolve is still reported, with
no coordinates and low confidence. For the later event-location stage the dateline place and
the document's demonym countries are left in ``ctx.scratch``.
"""

from __future__ import annotations

import logging
from importlib import resources

from ..geo.gazetteer import Candidate, Gazetteer
from ..geo.resolver import Resolution, Resolver
from ..geo.toponyms import Demonym, ToponymFinder
from ..nlp.context import DocContext
from ..schema import Place

log = logging.getLogger(__name__)

GAZETTEER_KEY = "places.gazetteer"
FINDER_KEY = "places.finder"
RESOLVER_KEY = "places.resolver"
#: ``ctx.scratch`` keys written here
DATELINE_KEY = "places.dateline"
DEMONYMS_KEY = "places.demonyms"
#: confidence of a country known only from a demonym
DEMONYM_CONFIDENCE = 0.4


def load_word_list(name: str) -> list[str]:
    """A one-word-per-line list from ``data/places`` (``#`` starts a comment line)."""
    path = resources.files("eventwire") / "data" / "places" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def _gazetteer(ctx: DocContext) -> Gazetteer:
    return ctx.resources.get(GAZETTEER_KEY, Gazetteer.open_default)


def _finder(ctx: DocContext) -> ToponymFinder:
    return ctx.resources.get(
        FINDER_KEY,
        lambda: ToponymFinder(
            _gazetteer(ctx),
            load_word_list("stopnames.txt"),
            load_word_list("generic_words.txt"),
            load_word_list("institution_words.txt"),
        ),
    )


def _resolver(ctx: DocContext) -> Resolver:
    return ctx.resources.get(RESOLVER_KEY, lambda: Resolver(_gazetteer(ctx)))


def to_place(ctx: DocContext, res: Resolution) -> Place:
    """The schema record of one resolved (or unresolved) toponym."""
    top, cand = res.toponym, res.place
    span = ctx.span(top.start, top.end)
    place = Place(
        id=ctx.next_id("P"),
        text=ctx.text[span[0] : span[1]],
        span=span,
        sentence=ctx.sentence_of(top.start),
        confidence=res.confidence if cand is not None else 0.1,
    )
    return _at(place, cand) if cand is not None else place


def _at(place: Place, cand: Candidate) -> Place:
    """``place`` with the gazetteer entry it resolves to."""
    place.geonameid = cand.geonameid
    place.name = cand.name
    place.lat = cand.lat
    place.lon = cand.lon
    place.country = cand.iso3 or None
    place.admin1 = cand.admin1 or None
    place.feature = cand.fcode
    return place


def run(ctx: DocContext) -> None:
    """Find and resolve the places of the document."""
    finder, resolver = _finder(ctx), _resolver(ctx)
    toponyms, demonyms = finder.find(ctx.doc)
    resolutions = resolver.resolve(ctx.work, toponyms, demonyms)
    dateline = resolver.dateline(ctx.work, toponyms)
    places: list[Place] = []
    ctx.scratch[DATELINE_KEY] = None
    for i, res in enumerate(resolutions):
        if res.place is None:
            # NER's unknown "places" are mostly people and firms: report resolved ones only
            log.debug("unresolved toponym %r", res.toponym.text)
            continue
        place = to_place(ctx, res)
        places.append(place)
        if i == dateline:
            ctx.scratch[DATELINE_KEY] = place
    places.extend(_demonym_places(ctx, demonyms, places))
    places.sort(key=lambda p: p.span[0])
    ctx.places.extend(places)
    ctx.scratch[DEMONYMS_KEY] = [d.country for d in demonyms]


def _demonym_places(ctx: DocContext, demonyms: list[Demonym], named: list[Place]) -> list[Place]:
    """Demonyms as references to their country ("Russian officials" -> Russia), marked
    ``form="demonym"``: where the text locates nothing, they still say which country it is about."""
    gazetteer = _gazetteer(ctx)
    taken = [(p.span[0], p.span[1]) for p in named]
    out: list[Place] = []
    for dem in demonyms:
        span = ctx.span(dem.start, dem.end)
        if any(s < span[1] and span[0] < e for s, e in taken):
            continue
        country = gazetteer.country(dem.country)
        if country is None:
            continue
        place = Place(
            id=ctx.next_id("P"),
            text=ctx.text[span[0] : span[1]],
            span=span,
            sentence=ctx.sentence_of(dem.start),
            confidence=DEMONYM_CONFIDENCE,
            form="demonym",
        )
        out.append(_at(place, country))
    return out
