"""Countries of event participants from places, from the state faced, and trustworthy
context only. Sentences are written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def located_pipeline(nlp):
    """Events with the places stage before them (resolved places give countries)."""
    from eventwire.extract import actors, events, places, quotes, times
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    return Pipeline(
        Settings(), nlp=nlp, stages=(actors.run, times.run, places.run, quotes.run, events.run)
    )


@pytest.fixture()
def run(located_pipeline):
    from eventwire.ingest import RawDocument
    from eventwire.schema import DocumentRecord

    def _run(text: str):
        result = located_pipeline.process_one(RawDocument(id="t", text=text, origin="t"))
        assert isinstance(result, DocumentRecord), result
        return result

    return _run


def _event(record, trigger):
    found = [e for e in record.events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.cameo) for e in record.events]
    return found[0]


def _countries(refs):
    return {r.country for r in refs}


def test_event_place_is_the_target_of_an_act_without_one(run):
    ev = _event(run("Gunmen shelled a crowded market in Mosul on Monday."), "shelled")
    assert "IRQ" in _countries(ev.target)


def test_non_state_source_takes_the_event_place(run):
    ev = _event(run("Thousands of farmers blocked highways in Kenya on Tuesday."), "blocked")
    assert _countries(ev.source) == {"KEN"}


def test_participant_own_place(run):
    ev = _event(run("Police in Nigeria arrested two journalists on Friday."), "arrested")
    assert _countries(ev.source) == {"NGA"}


def test_domestic_group_takes_the_country_of_the_state_it_faces(run):
    rec = run("The Chadian government accused northern rebels of attacking a convoy.")
    ev = _event(rec, "accused")
    assert _countries(ev.source) == {"TCD"}
    assert _countries(ev.target) == {"TCD"}


def test_person_is_not_placed_by_where_the_event_happens(run):
    ev = _event(run("Unknown gunmen kidnapped John Harper in Kabul."), "kidnapped")
    harper = [r for r in ev.target if r.name == "John Harper"]
    assert harper and harper[0].country is None
    assert "AFG" in _countries(ev.target)


def test_statements_take_no_place_target(run):
    rec = run("The Kenyan foreign minister said in Geneva that talks would continue.")
    for ev in rec.events:
        if ev.cameo.startswith("01"):
            assert "CHE" not in _countries(ev.target)


def test_arguments_never_come_from_another_paragraph(run):
    # Sentences end at line breaks (nlp.components), so the envoy in the first paragraph
    # cannot become the one arrested in the second.
    ev = _event(
        run("Talks with the envoy Jane Roe\n\nAhmed Karimi was arrested by police."), "arrested"
    )
    assert [r.name for r in ev.target] == ["Ahmed Karimi"]


def test_author_of_a_deed_is_the_target(run):
    ev = _event(run("Inspectors investigated abuses by Bolivian militias."), "investigated")
    assert "BOL" in _countries(ev.target)
