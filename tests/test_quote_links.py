"""Quote links: events that are statements point to their quote."""

from __future__ import annotations

from eventwire.extract.quote_links import link_event
from eventwire.schema import ActorRef, Event, Quote, Trigger


def _event(cameo, trigger, sentence=0, source_id=None):
    return Event(
        id="E1",
        cameo=cameo,
        trigger=Trigger(text="x", span=trigger),
        sentence=sentence,
        source=[ActorRef(actor_id=source_id, name="x")] if source_id else [],
    )


def _quote(span, cue_span, speaker_actor_id="A1", qid="Q1"):
    return Quote(id=qid, text="x", span=span, cue_span=cue_span, speaker_actor_id=speaker_actor_id)


def test_event_triggered_by_the_cue_is_linked():
    q = _quote((30, 60), (20, 26))
    assert link_event(_event("0251", (20, 26)), [(q, 0)]) is q


def test_verbal_event_by_the_speaker_in_the_frame_is_linked():
    q = _quote((30, 60), (20, 24))
    event = _event("112", (10, 18), source_id="A1")
    assert link_event(event, [(q, 0)]) is q


def test_statement_reported_inside_an_indirect_quote_is_linked_to_it():
    q = _quote((30, 60), (20, 24))
    q.kind = "indirect"
    assert link_event(_event("0256", (35, 40), source_id="A7"), [(q, 0)]) is q


def test_material_event_inside_the_content_is_not_linked():
    q = _quote((30, 60), (20, 24))
    q.kind = "indirect"
    assert link_event(_event("190", (35, 40), source_id="A1"), [(q, 0)]) is None


def test_material_event_or_other_speaker_is_not_linked():
    q = _quote((30, 60), (20, 24))
    assert link_event(_event("190", (10, 18), source_id="A1"), [(q, 0)]) is None
    assert link_event(_event("112", (10, 18), source_id="A9"), [(q, 0)]) is None
    assert link_event(_event("112", (10, 18), sentence=3, source_id="A1"), [(q, 0)]) is None
