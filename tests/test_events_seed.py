"""End-to-end events on the canonical seed article (skipped when ../shared is absent)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="module")
def seed(shared_dir, nlp):
    from eventwire.extract import actors, events, quotes, times
    from eventwire.ingest import read_inputs
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    pipeline = Pipeline(Settings(), nlp=nlp, stages=(actors.run, times.run, quotes.run, events.run))
    path = shared_dir / "examples" / "seed_article.txt"
    items = list(read_inputs([str(path)], pipeline.settings, published=dt.date(2020, 1, 4)))
    (record,) = list(pipeline.process(items))
    return record


def _has(refs, country, sectors=None):
    return any(r.country == country and (sectors is None or r.sector in sectors) for r in refs)


def _find(record, predicate):
    found = [e for e in record.events if predicate(e)]
    assert found, [(e.trigger.text, e.cameo, e.rule) for e in record.events]
    return found


def test_pompeo_telephoned_bajwa(seed):
    (ev,) = _find(seed, lambda e: e.trigger.text == "telephoned")
    assert ev.cameo.startswith("04") and ev.plover.type == "CONSULT" and ev.plover.mode == "phone"
    assert _has(ev.source, "USA", {"GOV"}) and any("Pompeo" in r.name for r in ev.source)
    assert _has(ev.target, "PAK", {"MIL"}) and any("Bajwa" in r.name for r in ev.target)


def test_us_killed_soleimani(seed):
    evs = _find(
        seed,
        lambda e: (
            e.cameo.startswith("18")
            and e.plover.type == "ASSAULT"
            and _has(e.source, "USA")
            and _has(e.target, "IRN", {"MIL"})
        ),
    )
    assert all(r.sector in (None, "MIL", "GOV") for e in evs for r in e.source)


def test_trump_ordered_the_killing(seed):
    (ev,) = _find(seed, lambda e: e.trigger.text == "killing")
    assert any(r.name.endswith("Trump") for r in ev.source)
    assert ev.rule.startswith("frame.order>")
    assert _has(ev.target, "IRN")


def test_siege_of_the_embassy(seed):
    evs = _find(seed, lambda e: e.trigger.text in ("laid", "siege"))
    assert evs[0].plover.type in ("PROTEST", "ASSAULT")
    assert _has(evs[0].target, "USA")


def test_foreign_office_appeals_for_restraint(seed):
    _find(seed, lambda e: e.cameo.startswith("02") and _has(e.source, "PAK", {"GOV"}))


def test_army_chief_urges_restraint(seed):
    _find(
        seed,
        lambda e: (
            e.trigger.text == "urged"
            and e.cameo.startswith("02")
            and _has(e.source, "PAK", {"MIL"})
        ),
    )


def test_pompeo_criticises_iran(seed):
    _find(
        seed,
        lambda e: e.cameo.startswith("11") and _has(e.target, "IRN") and _has(e.source, "USA"),
    )


def test_no_event_from_the_promotional_line(seed):
    follow = seed.text.index("Follow SAMAA")
    assert all(e.trigger.span[0] < follow for e in seed.events)


def test_spans_point_into_the_text(seed):
    for ev in seed.events:
        s, e = ev.trigger.span
        assert seed.text[s:e] == ev.trigger.text
        assert ev.sentence >= 0 and 0.0 <= ev.confidence <= 1.0
