"""Event locations from hand-built events over the places of a small fixture gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract import event_locations, places
from eventwire.ingest import RawDocument
from eventwire.nlp import Pipeline
from eventwire.nlp.context import DocContext, Resources
from eventwire.schema import DocumentRecord, Event, PlaceRef, Trigger
from eventwire.settings import Settings
from test_places_fixture import fixture_gazetteer


@pytest.fixture(scope="module")
def locate(nlp, tmp_path_factory):
    """``locate(text, trigger_word)`` -> the record after places + one event + locations."""
    gz = fixture_gazetteer(tmp_path_factory.mktemp("gz"))
    resources = Resources(Settings(), preset={places.GAZETTEER_KEY: gz})

    def _locate(text: str, trigger: str, location: PlaceRef | None = None) -> DocumentRecord:
        def add_event(ctx: DocContext) -> None:
            start = text.index(trigger)
            ctx.events.append(
                Event(
                    id="E1",
                    trigger=Trigger(text=trigger, span=(start, start + len(trigger))),
                    sentence=ctx.sentence_of_original(start),
                    location=location,
                )
            )

        stages = [places.run, add_event, event_locations.run]
        pipe = Pipeline(Settings(), nlp=nlp, resources=resources, stages=stages)
        raw = RawDocument(id="t", text=text, origin="t", published=dt.date(2020, 1, 4))
        record = pipe.process_one(raw)
        assert isinstance(record, DocumentRecord), record
        return record

    return _locate


def test_place_under_a_locative_preposition_of_the_trigger(locate):
    record = locate("Soleimani was killed on Friday in a US strike on Baghdad's airport.", "killed")
    event = record.events[0]
    assert event.location.name == "Baghdad"
    assert event.location_source == "sentence"
    assert event.location.country == "IRQ"
    place = next(p for p in record.places if p.id == event.location.place_id)
    assert place.span == event.location.span


def test_a_place_that_only_modifies_a_noun_is_not_the_location(locate):
    record = locate("US officials met the delegation on Monday.", "met")
    assert record.events[0].location is None
    assert record.events[0].location_source is None


def test_dateline_stands_in_when_the_sentence_has_no_place(locate):
    record = locate("ALEXANDRIA, La. — Deputies arrested a man on Tuesday.", "arrested")
    event = record.events[0]
    assert event.location_source == "dateline"
    assert event.location.name == "Alexandria"
    assert event.location.lat == pytest.approx(31.31)


def test_place_of_another_sentence_is_not_used(locate):
    record = locate("Talks were held in Paris. Later the ministers signed a deal.", "signed")
    assert record.events[0].location is None


def test_a_location_set_earlier_is_kept(locate):
    given = PlaceRef(name="Aleppo", lat=36.2, lon=37.16, country="SYR")
    record = locate("Troops attacked positions in Baghdad.", "attacked", location=given)
    assert record.events[0].location.name == "Aleppo"


def test_governing_prep_climbs_through_names(nlp):
    doc = nlp("They met in the city of Baghdad.")
    baghdad = next(t for t in doc if t.text == "Baghdad")
    assert event_locations.governing_prep(baghdad).lower_ == "in"
    doc = nlp("The Iraqi parliament in Baghdad voted.")
    assert event_locations.governing_prep(doc[1]) is None


def test_a_demonym_place_is_never_the_location(locate):
    record = locate("Syrian officials met the delegation on Monday.", "met")
    assert [p.form for p in record.places] == ["demonym"]
    assert record.events[0].location is None
