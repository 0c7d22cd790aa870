"""The seed article end to end: its three statements come out with the right speakers.

Skipped when ../shared is absent (the article is third-party text and stays there).
"""

from __future__ import annotations

import pytest

from quotes_support import quotes_pipeline


@pytest.fixture(scope="module")
def seed(shared_dir, nlp):
    import datetime as dt

    from eventwire.ingest import read_inputs

    pipeline = quotes_pipeline(nlp)
    path = shared_dir / "examples" / "seed_article.txt"
    items = list(read_inputs([str(path)], pipeline.settings, published=dt.date(2020, 1, 4)))
    (record,) = list(pipeline.process(items))
    return record


def _quotes_with(record, phrase):
    found = [q for q in record.quotes if phrase in q.text]
    assert found, f"no quote containing {phrase!r}: {[q.text for q in record.quotes]}"
    return found


def _actor(record, actor_id):
    return next(a for a in record.actors if a.id == actor_id)


def test_pompeos_tweet_and_its_quotation_are_his(seed):
    for q in _quotes_with(seed, "spoke today about U.S. defensive action"):
        assert q.medium == "tweet"
        assert _actor(seed, q.speaker_actor_id).name == "Mike Pompeo"


def test_foreign_office_statement_in_two_quotes(seed):
    (first,) = _quotes_with(seed, "views “with deep concern")
    (second,) = _quotes_with(seed, "Respect for sovereignty")
    assert "foreign office" in first.speaker.lower()
    assert first.medium == "statement"
    assert seed.text[second.speaker_span[0] : second.speaker_span[1]] == "it"
    assert second.speaker == first.speaker
    assert second.kind == "direct"
    assert second.text.endswith("use of force.”")


def test_ispr_reports_bajwa_urging_restraint(seed):
    (q,) = [q for q in _quotes_with(seed, "maximum restraint") if q.cue == "said"]
    assert "Inter-Services Public Relations" in q.speaker
    assert q.text.startswith("The COAS urged")
    assert q.kind == "mixed"


def test_statement_events_point_to_their_quotes(shared_dir, pipeline):
    """Full pipeline: the FO's "asked" appeal and Bajwa's "urged" carry their quote ids."""
    import datetime as dt

    from eventwire.ingest import read_inputs
    from eventwire.schema import DocumentRecord

    path = shared_dir / "examples" / "seed_article.txt"
    items = list(read_inputs([str(path)], pipeline.settings, published=dt.date(2020, 1, 4)))
    (record,) = list(pipeline.process(items))
    if not isinstance(record, DocumentRecord):
        pytest.skip(f"another stage rejected the seed: {record.reason}")
    quotes = {q.id: q for q in record.quotes}
    linked = {e.trigger.text: quotes[e.quote_id] for e in record.events if e.quote_id}
    if "urged" in linked:
        assert "Inter-Services Public Relations" in linked["urged"].speaker
    if "asked" in linked:
        assert "foreign office" in linked["asked"].speaker.lower()
    assert linked, "no event linked to a quote"
