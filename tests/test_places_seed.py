"""Places and event locations on the canonical seed article (skipped when ../shared is absent).

Uses the real gazetteer index (built once into the cache directory on first use).
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed(shared_dir, pipeline):
    import datetime as dt

    from eventwire.ingest import read_inputs

    path = shared_dir / "examples" / "seed_article.txt"
    items = list(read_inputs([str(path)], pipeline.settings, published=dt.date(2020, 1, 4)))
    (record,) = list(pipeline.process(items))
    assert not hasattr(record, "reason"), record
    return record


@pytest.mark.parametrize(
    ("text", "country", "feature"),
    [
        ("Baghdad", "IRQ", "PPLC"),
        ("Iraq", "IRQ", "PCLI"),
        ("Iran", "IRN", "PCLI"),
        ("Pakistan", "PAK", "PCLI"),
        ("Middle East", None, "RGN"),
        ("United States", "USA", "PCLI"),
    ],
)
def test_seed_places_resolve(seed, text, country, feature):
    hits = [p for p in seed.places if p.text == text]
    assert hits, f"{text!r} not found in {[p.text for p in seed.places]}"
    for p in hits:
        assert (p.country, p.feature) == (country, feature)
        assert seed.text[p.span[0] : p.span[1]] == text
        assert p.lat is not None and p.lon is not None


def test_seed_baghdad_point_and_id(seed):
    baghdad = next(p for p in seed.places if p.text == "Baghdad")
    assert baghdad.geonameid == 98182
    assert abs(baghdad.lat - 33.34) < 0.2 and abs(baghdad.lon - 44.40) < 0.2


def test_seed_demonyms_are_marked_and_handles_are_not_places(seed):
    named = {p.text for p in seed.places if p.form == "name"}
    assert not named & {"Iranian", "Pakistani", "American", "@SecPompeo", "SAMAA"}
    demonyms = {p.text: p.country for p in seed.places if p.form == "demonym"}
    assert demonyms.get("Iranian") == "IRN" and demonyms.get("Pakistani") == "PAK"
    assert not {p.text for p in seed.places} & {"@SecPompeo", "SAMAA"}


def test_seed_soleimani_killing_is_in_baghdad(seed):
    start = seed.text.index("Soleimani was killed")
    sentence_end = seed.text.index(".", start)
    killings = [e for e in seed.events if start <= e.trigger.span[0] < sentence_end]
    if not killings:
        pytest.skip("the events stage reports no event in the killing sentence yet")
    for event in killings:
        assert event.location is not None, event
        assert event.location.name == "Baghdad"
        assert event.location_source == "sentence"
