"""Actors of the canonical seed article (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed(shared_dir, pipeline):
    import datetime as dt

    from eventwire.ingest import read_inputs

    path = shared_dir / "examples" / "seed_article.txt"
    items = list(read_inputs([str(path)], pipeline.settings, published=dt.date(2020, 1, 4)))
    (record,) = list(pipeline.process(items))
    return record


def _actor(record, needle):
    for a in record.actors:
        if needle.lower() in a.name.lower():
            return a
    raise AssertionError(f"no actor {needle!r} in {[a.name for a in record.actors]}")


def _texts(actor):
    return {m.text for m in actor.mentions}


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("Mike Pompeo", "USA", "GOV"),
        ("Qamar Javed Bajwa", "PAK", "MIL"),
        ("Qassem Soleimani", "IRN", "MIL"),
        ("Pentagon", "USA", "MIL"),
        ("foreign office", "PAK", "GOV"),
        ("Inter-Services Public Relations", "PAK", "MIL"),
        ("Pakistani military", "PAK", "MIL"),
        ("Trump", "USA", "GOV"),
        ("mob", None, "CVL"),
    ],
)
def test_seed_actor_codes(seed, name, country, sector):
    a = _actor(seed, name)
    assert (a.country, a.sector) == (country, sector)
    assert a.code == (country or "") + sector


def test_pompeo_mentions_and_title(seed):
    a = _actor(seed, "Mike Pompeo")
    assert a.title == "Secretary of State"
    assert {"Pompeo", "@SecPompeo", "the US secretary of state", "he"} <= _texts(a)


def test_bajwa_mentions(seed):
    a = _actor(seed, "Qamar Javed Bajwa")
    assert {"General Bajwa", "Bajwa", "The COAS"} <= _texts(a)


def test_foreign_office_and_fo_are_one_actor(seed):
    a = _actor(seed, "foreign office")
    assert "The FO" in _texts(a)
    assert not [b for b in seed.actors if b is not a and "FO" in _texts(b)]


def test_one_usa_country_actor(seed):
    usa = [a for a in seed.actors if a.type == "GPE" and a.country == "USA"]
    assert len(usa) == 1
    assert {"US", "U.S.", "United States"} <= _texts(usa[0])


def test_every_actor_has_a_code_and_exact_spans(seed):
    for a in seed.actors:
        assert a.code, a
        for m in a.mentions:
            assert seed.text[m.span[0] : m.span[1]] == m.text
