"""Targets and countries found beyond the verb's own object: the one country a sentence
names, the actor a threat's condition names, stance phrases ("in defiance of X"), objects
the parser hangs on "as", and the author of a deed the verb acts on. Sentences are written
for these tests."""

from __future__ import annotations

from events_support import countries as _countries
from events_support import event_by_trigger as _event


# -- the one country a sentence names ---------------------------------------------------------
def test_group_takes_the_only_country_the_sentence_names(run):
    ev = _event(run("Aid workers sent food to refugees fleeing the war in Sudan."), "sent")
    assert _countries(ev.target) == {"SDN"}


def test_international_body_takes_no_country_from_the_sentence(run):
    ev = _event(run("The United Nations sent food to refugees fleeing the war in Sudan."), "sent")
    assert _countries(ev.source) == {None}
    assert _countries(ev.target) == {"SDN"}


def test_no_country_when_a_nationality_names_no_single_country(run):
    rec = run("Rebels attacked a camp for Congolese refugees near the Burundian border.")
    ev = _event(rec, "attacked")
    assert "BDI" not in _countries(ev.target)


def test_no_country_when_the_sentence_names_two(run):
    rec = run("Rebels attacked a convoy of refugees between Kenya and Somalia.")
    ev = _event(rec, "attacked")
    assert _countries(ev.source) == {None}


# -- the condition of a threat ----------------------------------------------------------------
def test_threat_condition_names_the_target(run):
    rec = run("Moscow threatened to halt the talks if Japan goes ahead with the new radar base.")
    ev = _event(rec, "threatened")
    assert _countries(ev.target) == {"JPN"}


def test_condition_is_no_target_of_other_acts(run):
    rec = run("Pakistan will sign the accord if India agrees to the new border talks.")
    for ev in rec.events:
        if ev.trigger.text == "sign":
            assert "IND" not in _countries(ev.target)


# -- stance phrases ---------------------------------------------------------------------------
def test_in_defiance_of_names_the_target(run):
    ev = _event(run("Thousands marched in London in defiance of Burmese generals."), "marched")
    assert "MMR" in _countries(ev.target)


def test_purpose_clause_stance_names_the_target(run):
    rec = run(
        "Students in Cairo blocked a bridge to show their anger at the United States' policies."
    )
    ev = _event(rec, "blocked")
    assert _countries(ev.target) == {"USA"}


def test_non_stance_phrase_names_no_target(run):
    rec = run("Students in Cairo blocked a bridge in the hope of a meeting with American envoys.")
    ev = _event(rec, "blocked")
    assert "USA" not in _countries(ev.target)


# -- objects the parser hangs on "as" ---------------------------------------------------------
def test_object_apposed_to_an_as_phrase(run):
    ev = _event(run("Tokyo condemned as a provocation North Korea's missile launch."), "condemned")
    assert _countries(ev.target) == {"PRK"}


# -- the author of a deed the verb acts on ----------------------------------------------------
def test_author_of_the_deed_acted_on_is_the_target(run):
    rec = run("Turkish police prevented a march organized by Kurdish students in Diyarbakir.")
    ev = _event(rec, "prevented")
    assert [r.name for r in ev.target] == ["Kurdish students"]


def test_host_of_a_setting_is_no_target(run):
    rec = run("Moroccan diplomats held a meeting with Chinese envoys at a dinner hosted by Spain.")
    ev = _event(rec, "held")
    assert "ESP" not in _countries(ev.target)
    assert "CHN" in _countries(ev.target)


def test_resisted_pressure_names_the_target(run):
    rec = run("The mayor refused to resign despite pressure from the Kenyan parliament.")
    ev = _event(rec, "refused")
    assert [r.name for r in ev.target] == ["the Kenyan parliament"]


# -- content clauses of nouns and complements of pattern words -------------------------------
def test_content_clause_of_an_accusation_noun_names_the_target(run):
    rec = run(
        "The Liberian army repeated its allegation that Guinean troops had crossed the border."
    )
    ev = _event(rec, "allegation")
    assert _countries(ev.target) == {"GIN"}


def test_partner_below_a_multiword_noun_pattern(run):
    ev = _event(
        run("Spain announced a suspension of flights with Morocco on Monday."), "suspension"
    )
    assert _countries(ev.target) == {"MAR"}


def test_pattern_noun_complement_before_a_helper(run):
    ev = _event(run("The EU would tighten the blockade of Libya with Malta's help."), "tighten")
    assert _countries(ev.target) == {"LBY"}


# -- an actor is not its own target -----------------------------------------------------------
def test_a_source_is_not_also_the_target(run):
    rec = run("Uganda plans to impose limits on its exports of coffee.")
    ev = _event(rec, "plans")
    source_ids = {r.actor_id for r in ev.source}
    assert source_ids and not source_ids & {r.actor_id for r in ev.target}


def test_distinct_targets_keeps_other_actors():
    from eventwire.extract.events import distinct_targets
    from eventwire.schema import ActorRef

    greece = ActorRef(name="Greece", country="GRC", actor_id="A1", span=(0, 6))
    turkey = ActorRef(name="Turkey", country="TUR", actor_id="A2", span=(40, 46))
    unlinked = ActorRef(name="Greece", country="GRC", span=(0, 6))
    assert distinct_targets([greece], [greece, turkey, unlinked]) == [turkey]
    assert distinct_targets([], [greece]) == [greece]


# -- a conjunct hung on a reported clause -----------------------------------------------------
def test_past_conjunct_of_a_present_reported_clause_takes_the_reporter(run):
    rec = run(
        "The Ugandan foreign ministry said that Kampala supports the ceasefire and urged "
        "both sides to respect it."
    )
    ev = _event(rec, "urged")
    assert [r.name for r in ev.source] == ["The Ugandan foreign ministry"]


def test_conjunct_in_the_same_tense_keeps_the_reported_subject(run):
    rec = run("The ministry said that Kampala supported the ceasefire and urged rebels to stop.")
    ev = _event(rec, "urged")
    assert [r.name for r in ev.source] == ["Kampala"]


# -- a meeting's place is not its target ------------------------------------------------------
def test_meeting_place_is_not_the_target(run):
    for text, trigger in (
        ("Kenya and Ethiopia held talks on border security in Nairobi.", "held"),
        ("Kenya and Ethiopia will hold talks on border security in Nairobi.", "hold"),
    ):
        ev = _event(run(text), trigger)
        assert _countries(ev.source) == {"KEN", "ETH"}
        assert ev.target == []


def test_material_event_place_is_still_the_target(run):
    ev = _event(run("Rebels attacked a convoy in Nairobi."), "attacked")
    assert _countries(ev.target) == {"KEN"}


def test_place_target_is_named_by_the_whole_place(run):
    ev = _event(run("Militants attacked a bus in Port Harcourt."), "attacked")
    assert [(r.name, r.country) for r in ev.target] == [("Port Harcourt", "NGA")]


# -- the one acting around a meeting took part in it ------------------------------------------
def test_meeting_noun_takes_the_subject_of_the_clause_it_sets(run):
    rec = run("The Kenyan president told reporters during a meeting with Ethiopian officials.")
    ev = _event(rec, "meeting")
    assert _countries(ev.source) == {"KEN"}
    assert _countries(ev.target) == {"ETH"}


def test_setting_subject_is_only_for_joint_acts(run):
    rec = run("Kenyan police said after the attack on Ethiopian traders that two men died.")
    ev = _event(rec, "attack")
    assert ev.source == []


def test_the_place_a_phrase_is_in_beats_its_nationality_word(run):
    ev = _event(run("A pro-Iran mob laid siege to the US embassy in Iraq this week."), "laid")
    assert _countries(ev.source) == {"IRQ"}
