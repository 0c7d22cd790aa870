"""Events on short sentences written for these tests: triggers, arguments, codes, modality."""

from __future__ import annotations

import datetime as dt

import pytest

NO_EVENT_SENTENCES = [
    "Manchester United beat Chelsea 2-1 on Saturday after a late goal.",
    "The striker scored twice as the home side attacked relentlessly in the second half.",
    "Heavy rain is expected across the region tomorrow, forecasters said.",
    "Temperatures will fall below freezing overnight in the northern valleys.",
    "Add the flour, then stir the sauce gently for five minutes.",
    "Preheat the oven and bake the bread until golden.",
    "The museum opened a new wing devoted to Impressionist painting.",
    "Shares of the carmaker rose three percent in early trading.",
    "The novel follows a young woman who moves to the city.",
    "Subscribe to our newsletter and follow us on Twitter and Facebook.",
]


@pytest.fixture(scope="module")
def events_pipeline(nlp):
    """Only the stages events depend on, so that these tests isolate the events stage."""
    from eventwire.extract import actors, events, quotes, times
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    return Pipeline(Settings(), nlp=nlp, stages=(actors.run, times.run, quotes.run, events.run))


@pytest.fixture()
def extract(events_pipeline):
    from eventwire.ingest import RawDocument
    from eventwire.schema import DocumentRecord

    def _extract(text: str, published: str | None = None):
        raw = RawDocument(
            id="t",
            text=text,
            origin="t",
            published=dt.date.fromisoformat(published) if published else None,
        )
        result = events_pipeline.process_one(raw)
        assert isinstance(result, DocumentRecord), result
        return result

    return _extract


def _events(record, trigger=None):
    evs = record.events
    if trigger is not None:
        evs = [e for e in evs if e.trigger.text == trigger]
    return evs


def _one(record, trigger):
    evs = _events(record, trigger)
    assert len(evs) == 1, [(e.trigger.text, e.cameo, e.rule) for e in record.events]
    return evs[0]


def _countries(refs):
    return {r.country for r in refs}


def test_telephone_call_is_consult_phone(extract):
    rec = extract(
        "Russian President Vladimir Putin telephoned German Chancellor Olaf Scholz on Monday."
    )
    ev = _one(rec, "telephoned")
    assert ev.cameo == "041"
    assert ev.plover.type == "CONSULT" and ev.plover.mode == "phone"
    assert _countries(ev.source) == {"RUS"} and _countries(ev.target) == {"DEU"}
    assert ev.quad_class == 1 and ev.goldstein == pytest.approx(1.0)
    assert ev.rule == "consult.phone"
    assert rec.text[ev.trigger.span[0] : ev.trigger.span[1]] == "telephoned"
    assert 0.0 <= ev.confidence <= 1.0


def test_passive_takes_its_source_from_an_attack_modifier(extract):
    rec = extract("Two Kenyan soldiers were killed in a Somali militant attack near the border.")
    ev = _one(rec, "killed")
    assert ev.cameo.startswith("18") and ev.plover.type == "ASSAULT"
    assert "SOM" in _countries(ev.source)
    assert "KEN" in _countries(ev.target)
    assert not _events(rec, "attack")  # the attack noun is absorbed by the killing


def test_nominal_event_with_by_agent_and_of_patient(extract):
    rec = extract("The killing of the journalist by Saudi agents in Istanbul shocked the world.")
    ev = _one(rec, "killing")
    assert "SAU" in _countries(ev.source)
    assert ev.target and ev.target[0].sector == "JRN"


def test_noun_event_with_on_target(extract):
    rec = extract("France condemned the Russian strike on Kyiv.")
    strike = _one(rec, "strike")
    assert strike.plover.type == "ASSAULT"
    assert "RUS" in _countries(strike.source) and "UKR" in _countries(strike.target)
    condemn = _one(rec, "condemned")
    assert condemn.cameo == "111" and "FRA" in _countries(condemn.source)


def test_conjoined_subjects_are_all_sources(extract):
    rec = extract("Brazil and Argentina signed a trade agreement on Tuesday.")
    ev = _one(rec, "signed")
    assert ev.cameo == "057"
    assert _countries(ev.source) == {"BRA", "ARG"}


def test_reported_speech_codes_the_reported_event(extract):
    rec = extract(
        "The Egyptian foreign ministry said that Turkish troops attacked Kurdish fighters."
    )
    assert not _events(rec, "said")  # the statement yields to the more specific event
    ev = _one(rec, "attacked")
    assert ev.plover.type == "ASSAULT" and "TUR" in _countries(ev.source)


def test_bare_statement_is_coded_when_nothing_else_is_found(extract):
    rec = extract("The Brazilian president said on Friday the economy would recover soon.")
    ev = _one(rec, "said")
    assert ev.cameo == "010" and ev.plover is None and ev.quad_class == 1


def test_negation_is_flagged(extract):
    ev = _one(extract("Japan did not attack the Chinese vessel."), "attack")
    assert ev.negated and not ev.hypothetical


def test_conditional_is_hypothetical(extract):
    rec = extract("If Iran attacks Israel, the United States would retaliate.")
    ev = _one(rec, "attacks")
    assert ev.hypothetical


def test_future_aid_is_an_intent(extract):
    ev = _one(extract("Turkey will send humanitarian aid to Syria."), "send")
    assert ev.future
    assert ev.cameo == "0333" and ev.plover.type == "AGREE"
    assert "TUR" in _countries(ev.source) and "SYR" in _countries(ev.target)


def test_threat_frame_recodes_the_threatened_act(extract):
    ev = _one(extract("North Korea threatened to attack South Korea."), "threatened")
    assert ev.cameo.startswith("13") and ev.plover.type == "THREATEN"
    assert "KOR" in _countries(ev.target)
    assert not _events(extract("North Korea threatened to attack South Korea."), "attack")


def test_request_frame_recodes_the_requested_act(extract):
    rec = extract("The Egyptian government urged Ethiopia to exercise restraint.")
    ev = _one(rec, "urged")
    assert ev.cameo == "0256"
    assert "EGY" in _countries(ev.source) and "ETH" in _countries(ev.target)


def test_intent_frame_recodes_the_promised_act(extract):
    ev = _one(extract("Norway agreed to provide military aid to Ukraine."), "agreed")
    assert ev.cameo == "0332" and ev.future


def test_refusal_of_a_cooperative_act(extract):
    ev = _one(extract("Hungary refused to release the detained Romanian activists."), "refused")
    assert ev.cameo.startswith("124") and ev.plover.type == "REJECT"


def test_obligation_in_reported_speech_is_a_demand(extract):
    rec = extract("Poland said that Russia must release the captured Polish sailors.")
    ev = _one(rec, "said")
    assert ev.cameo == "1053" and "RUS" in _countries(ev.target)


def test_cause_frame_makes_the_orderer_the_source(extract):
    rec = extract("President Lukashenko ordered the arrest of opposition leaders in Minsk.")
    ev = _one(rec, "arrest")
    assert ev.cameo == "173" and ev.rule.startswith("frame.order>")
    assert any(r.name.endswith("Lukashenko") for r in ev.source)


def test_sanctions_are_plover_sanction(extract):
    ev = _one(extract("Germany imposed sanctions on Belarus."), "imposed")
    assert ev.cameo == "163" and ev.plover.type == "SANCTION"
    assert "BLR" in _countries(ev.target)


def test_military_killing_is_fighting(extract):
    ev = _one(extract("The Nigerian army killed ten Boko Haram fighters."), "killed")
    assert ev.cameo == "190" and ev.source[0].sector == "MIL"


def test_protest_against_a_place(extract):
    ev = _one(
        extract("Thousands of Kenyans protested in Nairobi against the new tax law."), "protested"
    )
    assert ev.plover.type == "PROTEST" and ev.cameo == "141"
    assert "KEN" in _countries(ev.source)


def test_evaluation_by_the_speaker(extract):
    rec = extract("The Canadian foreign minister said that Russia's actions were unacceptable.")
    ev = _one(rec, "unacceptable")
    assert ev.cameo == "111"
    assert "CAN" in _countries(ev.source) and "RUS" in _countries(ev.target)


def test_historical_event_is_flagged(extract):
    ev = _one(extract("In 1990, Iraq invaded Kuwait.", published="2020-01-04"), "invaded")
    assert ev.historical
    recent = _one(extract("On Friday, Iraq invaded Kuwait.", published="2020-01-04"), "invaded")
    assert not recent.historical


def test_unknown_verbs_yield_no_event(extract):
    assert not extract("Germany photographed Belarus from a balloon.").events


def test_no_political_actor_no_event(extract):
    found = sum(bool(extract(s).events) for s in NO_EVENT_SENTENCES)
    specificity = 1 - found / len(NO_EVENT_SENTENCES)
    assert specificity >= 0.8


def test_event_ids_and_spans_are_consistent(extract):
    rec = extract(
        "Germany imposed sanctions on Belarus. France condemned the Russian strike on Kyiv."
    )
    ids = [e.id for e in rec.events]
    assert len(ids) == len(set(ids)) and all(i.startswith("E") for i in ids)
    for ev in rec.events:
        assert rec.text[ev.trigger.span[0] : ev.trigger.span[1]] == ev.trigger.text
        for ref in ev.source + ev.target:
            if ref.span is not None:
                assert 0 <= ref.span[0] < ref.span[1] <= len(rec.text)
