"""Countries of event participants from places, from the state faced, and trustworthy
context only. Sentences are written for these tests."""

from __future__ import annotations

from events_support import countries as _countries
from events_support import event_by_trigger as _event


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
