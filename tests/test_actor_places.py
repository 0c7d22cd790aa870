"""Countries of state actors from the resolved places around them."""

from __future__ import annotations

from collections import Counter

from eventwire.extract.actor_places import (
    needs_place_context,
    place_country,
    places_by_sentence,
    relocate,
)
from eventwire.schema import Actor, Mention, Place


def _actor(**kw: object) -> Actor:
    base: dict = dict(
        id="A1",
        name="police",
        type="GROUP",
        country="ETH",
        sector="COP",
        code="ETHCOP",
        mentions=[Mention(text="police", span=(0, 6), sentence=3, kind="phrase")],
        confidence=0.3,
        rule="country=context:document; sector=role:police",
    )
    base.update(kw)
    return Actor(**base)


def _place(country: str | None, sentence: int | None) -> Place:
    return Place(id="P", text="x", span=(0, 1), country=country, sentence=sentence)


def test_only_weakly_placed_state_bodies_need_place_context() -> None:
    assert needs_place_context(_actor())
    assert needs_place_context(_actor(country=None, code="COP", rule="sector=role:police"))
    assert not needs_place_context(_actor(rule="country=context:sentence; sector=role:police"))
    assert not needs_place_context(_actor(type="PERSON", rule="country=context:document"))
    assert not needs_place_context(_actor(sector="CVL", code="ETHCVL"))
    assert not needs_place_context(_actor(sector=None, code="ETH"))


def test_an_opposition_figure_is_placed_like_a_state_body() -> None:
    opp = dict(type="PERSON", sector="OPP", code="ETHOPP", rule="country=context:document")
    assert needs_place_context(_actor(**opp))
    assert not needs_place_context(_actor(**{**opp, "rule": "country=adjective:Ethiopia"}))


def test_places_counted_per_sentence_skip_unresolved() -> None:
    counts = places_by_sentence(
        [_place("KEN", 2), _place("KEN", 2), _place(None, 2), _place("ETH", None)]
    )
    assert counts == {2: Counter({"KEN": 2})}


def test_place_country_prefers_own_sentence_then_previous() -> None:
    counts = {2: Counter({"KEN": 1}), 3: Counter({"SOM": 2})}
    assert place_country(counts, 3) == "SOM"
    assert place_country(counts, 4) == "SOM"  # nothing in 4: the sentence before
    assert place_country({2: Counter({"KEN": 1})}, 3) == "KEN"
    assert place_country({3: Counter({"KEN": 1, "ETH": 1})}, 3) is None  # disagreement
    assert place_country({}, 0) is None


def test_relocate_rebuilds_code_rule_and_confidence() -> None:
    actor = _actor()
    relocate(actor, "KEN")
    assert (actor.country, actor.code) == ("KEN", "KENCOP")
    assert actor.rule == "country=context:place; sector=role:police"
    assert actor.confidence == 0.3
    bare = _actor(country=None, code="COP", rule="sector=role:police", confidence=0.9)
    relocate(bare, "KEN")
    assert (bare.code, bare.confidence) == ("KENCOP", 0.5)
    assert bare.rule == "country=context:place; sector=role:police"


def test_police_take_the_country_of_the_town_in_their_sentence(extract) -> None:
    text = (
        "Ethiopia and Sudan signed a trade deal in Addis Ababa on Monday. "
        "Ethiopian officials praised the deal. "
        "The Sudanese minister thanked his hosts. "
        "Separately, gunmen attacked a market in Kisumu, police said."
    )
    record = extract(text)
    police = next(a for a in record.actors if a.name == "police")
    assert police.country == "KEN"
    assert "context:place" in (police.rule or "")


def test_gazetteer_hits_inside_organization_names_do_not_count(extract) -> None:
    text = (
        "The Drug Enforcement Administration said on Monday that agents had seized the shipment. "
        "The agency gave no further details."
    )
    record = extract(text, published="2021-05-04")
    for actor in record.actors:
        assert "context:place" not in (actor.rule or ""), actor


def test_a_place_inside_the_actors_own_name_gives_its_country() -> None:
    from eventwire.extract.actor_places import own_place_country

    actor = _actor(
        name="Kisumu County Police",
        mentions=[Mention(text="Kisumu County Police", span=(10, 30), sentence=0)],
    )
    kisumu = Place(id="P1", text="Kisumu", span=(10, 16), country="KEN", sentence=0)
    elsewhere = Place(id="P2", text="Moyale", span=(40, 46), country="ETH", sentence=0)
    assert own_place_country(actor, [kisumu, elsewhere], {"kisumu"}) == "KEN"
    assert own_place_country(actor, [kisumu, elsewhere], set()) is None  # one word, never NER
    assert own_place_country(actor, [elsewhere], {"moyale"}) is None
