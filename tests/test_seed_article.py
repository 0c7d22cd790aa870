"""End-to-end on the canonical seed article (skipped when ../shared is absent)."""

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


def _actor(record, name):
    for a in record.actors:
        if a.name == name:
            return a
    raise AssertionError(f"no actor {name!r} in {[a.name for a in record.actors]}")


@pytest.mark.parametrize("name", ["Mike Pompeo", "Qamar Javed Bajwa", "Qassem Soleimani"])
def test_named_people_are_actors_with_exact_spans(seed, name):
    actor = _actor(seed, name)
    assert actor.mentions
    for m in actor.mentions:
        assert seed.text[m.span[0] : m.span[1]] == m.text
    assert any(m.text == name for m in actor.mentions)


def test_surnames_join_the_full_name(seed):
    assert any(m.text == "Bajwa" for m in _actor(seed, "Qamar Javed Bajwa").mentions)
    assert any(m.text == "Soleimani" for m in _actor(seed, "Qassem Soleimani").mentions)


def test_embedded_tweet_is_a_tweet_by_secpompeo_with_its_date(seed):
    embedded = seed.text.index("#Pakistan")
    tweets = [q for q in seed.quotes if q.medium == "tweet" and q.span[0] == embedded]
    assert len(tweets) == 1
    tweet = tweets[0]
    assert seed.text[tweet.speaker_span[0] : tweet.speaker_span[1]] == "@SecPompeo"
    assert tweet.date == "2020-01-03"
    assert tweet.text.startswith("#Pakistan")
    assert tweet.text.endswith("will not waver.")
    assert _actor(seed, "Mike Pompeo").handle == "@SecPompeo"
    assert tweet.speaker_actor_id == _actor(seed, "Mike Pompeo").id


def test_promotional_line_yields_nothing(seed):
    follow = seed.text.index("Follow SAMAA")
    for a in seed.actors:
        assert all(m.span[0] < follow for m in a.mentions), a
    assert all(e.trigger.span[0] < follow for e in seed.events)
