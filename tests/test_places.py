"""Toponym detection and resolution on a small hand-made gazetteer, plus the places stage."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract import places as places_stage
from eventwire.geo.resolver import Resolver
from eventwire.geo.toponyms import Toponym, ToponymFinder
from eventwire.ingest import RawDocument
from eventwire.nlp import Pipeline
from eventwire.nlp.context import Resources
from eventwire.settings import Settings
from test_places_fixture import fixture_gazetteer


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    return fixture_gazetteer(tmp_path_factory.mktemp("gz"))


def _tops(text: str, *names: str) -> list[Toponym]:
    """Toponyms at the first occurrence of each name after the previous one."""
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append(Toponym(start, start + len(name), name, "ner"))
        pos = start + len(name)
    return out


def _resolve(gz, text, *names):
    return Resolver(gz).resolve(text, _tops(text, *names))


# -- resolver (no model needed) ------------------------------------------------------------------
def test_a_country_name_never_lands_on_a_same_named_town(gz):
    (res,) = _resolve(gz, "Talks on Iraq resumed.", "Iraq")
    assert (res.place.fcode, res.place.iso3) == ("PCLI", "IRQ")


def test_without_context_the_largest_town_wins(gz):
    (res,) = _resolve(gz, "He moved to Alexandria.", "Alexandria")
    assert res.place.cc == "EG"


def test_explicit_parent_after_a_comma_wins(gz):
    text = "She lives in Alexandria, Louisiana, and works in Pineville."
    res = _resolve(gz, text, "Alexandria", "Louisiana", "Pineville")
    assert (res[0].place.cc, res[0].place.admin1) == ("US", "LA")
    assert res[1].place.fcode == "ADM1"


def test_parent_abbreviation_resolves_to_the_division(gz):
    tops = [*_tops("ALEXANDRIA, La. - A fire", "ALEXANDRIA")]
    tops.append(Toponym(12, 15, "La.", "parent"))
    res = Resolver(gz).resolve("ALEXANDRIA, La. - A fire", tops)
    assert res[0].place.admin1 == "LA"
    assert (res[1].place.name, res[1].place.fcode) == ("Louisiana", "ADM1")


def test_x_in_y_is_a_parent(gz):
    (paris, _texas) = _resolve(gz, "A fair in Paris in Texas drew crowds.", "Paris", "Texas")
    assert paris.place.cc == "US"


def test_document_division_biases_the_rest(gz):
    text = "Deputies in Rapides Parish searched a home. Alexandria police helped."
    res = _resolve(gz, text, "Rapides Parish", "Alexandria")
    assert (res[1].place.cc, res[1].place.admin1) == ("US", "LA")


def test_document_country_turns_georgia_into_the_us_state(gz):
    text = "Officials in Texas and Virginia met. Georgia sent observers."
    res = _resolve(gz, text, "Texas", "Virginia", "Georgia")
    assert res[2].place.fcode == "ADM1"
    alone = _resolve(gz, "Georgia sent observers.", "Georgia")
    assert alone[0].place.fcode == "PCLI"


def test_names_that_share_a_division_pick_it(gz):
    text = "The Athens council met. Henderson County deputies attended."
    athens, county = _resolve(gz, text, "Athens", "Henderson County")
    assert (athens.place.admin1, athens.place.admin2) == ("TX", "213")
    assert county.place.admin1 == "TX"


def test_one_sense_per_document(gz):
    text = "Athens, Georgia, voted. Later Athens counted the ballots."
    res = _resolve(gz, text, "Athens", "Georgia", "Athens")
    assert res[0].place.cc == res[2].place.cc == "US"


def test_unknown_toponym_stays_unresolved_and_others_survive(gz):
    res = _resolve(gz, "From Zzyzxville to Baghdad.", "Zzyzxville", "Baghdad")
    assert res[0].place is None and res[0].confidence == 0.0
    assert res[1].place.name == "Baghdad"


def test_no_toponyms_no_resolutions(gz):
    assert Resolver(gz).resolve("Nothing here.", []) == []


def test_abbreviation_in_lower_case_is_not_a_country(gz):
    res = Resolver(gz).resolve("see Usa", [Toponym(4, 7, "Usa", "ner")])
    assert res[0].place is None


@pytest.mark.parametrize(
    ("text", "index"),
    [("BAGHDAD (Reuters) - Rockets hit.", 0), ("ALEXANDRIA, La. — A fire", 0)],
)
def test_dateline(text, index):
    tops = [Toponym(0, text.index(" ") if "," not in text else text.index(","), "x", "ner")]
    assert Resolver.dateline(text, tops) == index


def test_no_dateline_in_running_text():
    text = "Rockets hit Baghdad on Friday - officials said."
    assert Resolver.dateline(text, _tops(text, "Baghdad")) is None


# -- detection (needs the spaCy model) -------------------------------------------------------------
@pytest.fixture(scope="module")
def finder(gz):
    stop = places_stage.load_word_list("stopnames.txt")
    generic = places_stage.load_word_list("generic_words.txt")
    institutions = places_stage.load_word_list("institution_words.txt")
    return ToponymFinder(gz, stop, generic, institutions)


def test_possessive_and_organisation_names_hold_places(nlp, finder):
    doc = nlp("The strike hit Baghdad's international airport near Aleppo University.")
    found, _ = finder.find(doc)
    assert [t.text for t in found] == ["Baghdad", "Aleppo"]


def test_demonyms_are_evidence_not_places(nlp, finder):
    doc = nlp("Iraqi officials met French diplomats in Baghdad.")
    found, demonyms = finder.find(doc)
    assert [t.text for t in found] == ["Baghdad"]
    assert {d.country for d in demonyms} == {"IRQ", "FRA"}


def test_generic_words_are_not_places(nlp, finder):
    doc = nlp("The North and the Middle East were discussed in Paris and the United States.")
    names = [t.text for t in finder.find(doc)[0]]
    assert "North" not in names
    assert {"Middle East", "Paris", "United States"} <= set(names)


def test_names_found_once_are_found_everywhere(nlp, finder):
    doc = nlp("Pineville is quiet. The Pineville Police Department said Pineville was calm.")
    found, _ = finder.find(doc)
    assert sum(t.text == "Pineville" for t in found) >= 2


def _without_entities(doc):
    doc.ents = []
    return doc


def test_small_town_after_a_locative_preposition_is_a_place(nlp, finder):
    doc = _without_entities(nlp("Syrian troops shelled villages near Qarqur on Sunday."))
    found, _ = finder.find(doc)
    assert [(t.text, t.source) for t in found] == [("Qarqur", "prep")]


def test_prepositional_town_needs_a_country_the_document_names(nlp, finder):
    doc = _without_entities(nlp("Troops shelled villages near Qarqur on Sunday."))
    assert finder.find(doc)[0] == []
    doc = _without_entities(nlp("Syrian scouts met volunteers from Pack on Sunday."))
    assert "Pack" not in [t.text for t in finder.find(doc)[0]]


def test_prepositional_town_is_not_a_person_or_possessed(nlp, finder):
    doc = nlp("Syrian officials met Qarqur at Ahmed's Qarqur on Sunday.")
    doc.ents = [doc.char_span(0, 6, label="NORP")]
    assert "prep" not in {t.source for t in finder.find(doc)[0]}


def test_surname_of_a_named_person_is_no_small_town(nlp, finder):
    from spacy.tokens import Span

    doc = nlp("Tom Pineville met Anne Paris. Pineville and Paris said Alexandria was calm.")
    doc.ents = [
        Span(doc, 0, 2, "PERSON"),
        Span(doc, 3, 5, "PERSON"),
        Span(doc, 6, 7, "GPE"),
        Span(doc, 8, 9, "GPE"),
        Span(doc, 10, 11, "GPE"),
    ]
    names = [t.text for t in finder.find(doc)[0]]
    assert "Pineville" not in names  # a small town: the surname wins
    assert {"Paris", "Alexandria"} <= set(names)  # a capital stays a place


# -- the stage ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def places_pipeline(nlp, gz):
    resources = Resources(Settings(), preset={places_stage.GAZETTEER_KEY: gz})
    return Pipeline(Settings(), nlp=nlp, resources=resources, stages=[places_stage.run])


def _run(pipeline, text):
    raw = RawDocument(id="t", text=text, origin="t", published=dt.date(2020, 1, 4))
    return pipeline.process_one(raw)


def test_stage_fills_places_with_original_spans(places_pipeline):
    text = "Rockets  hit Baghdad, the capital of Iraq, on Friday."
    record = _run(places_pipeline, text)
    by_text = {p.text: p for p in record.places}
    assert set(by_text) == {"Baghdad", "Iraq"}
    for p in record.places:
        assert text[p.span[0] : p.span[1]] == p.text
        assert p.id.startswith("P") and p.sentence == 0
    baghdad = by_text["Baghdad"]
    assert (baghdad.country, baghdad.feature, baghdad.geonameid) == ("IRQ", "PPLC", 20)
    assert baghdad.lat == pytest.approx(33.34)
    assert 0.5 < baghdad.confidence <= 1.0
    assert by_text["Iraq"].feature == "PCLI"


def test_demonyms_are_country_places_marked_as_such(places_pipeline):
    record = _run(places_pipeline, "Iraqi officials met French diplomats in Baghdad.")
    by_text = {p.text: p for p in record.places}
    assert by_text["Baghdad"].form == "name"
    iraqi, french = by_text["Iraqi"], by_text["French"]
    assert (iraqi.form, iraqi.country, iraqi.feature, iraqi.geonameid) == (
        "demonym",
        "IRQ",
        "PCLI",
        1,
    )
    assert (french.form, french.country) == ("demonym", "FRA")
    assert iraqi.confidence < by_text["Baghdad"].confidence
    assert [p.text for p in record.places] == ["Iraqi", "French", "Baghdad"]  # text order


def test_small_town_before_an_institution_word_is_a_place(nlp, finder):
    doc = nlp("Officers of the Pineville Police Department arrested two men.")
    assert [t.text for t in finder.find(doc)[0]] == ["Pineville"]
    doc = nlp("Officers of the Pineville Mattress Company arrived.")
    assert "Pineville" not in [t.text for t in finder.find(doc)[0]]


def _hand_doc(nlp, words, ents):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, ents=ents)


def test_place_closing_an_institution_name_after_of(nlp, finder):
    words = ["The", "Kidney", "Foundation", "of", "Iraq", "met", "."]
    doc = _hand_doc(nlp, words, ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert [t.text for t in finder.find(doc)[0]] == ["Iraq"]


def test_strong_name_tagged_as_a_person_is_a_place(nlp, finder):
    doc = _hand_doc(
        nlp, ["Middle", "East", "talks", "ended", "."], ["B-PERSON", "I-PERSON"] + ["O"] * 3
    )
    assert [t.text for t in finder.find(doc)[0]] == ["Middle East"]
    doc = _hand_doc(nlp, ["Paris", "Hilton", "smiled", "."], ["B-PERSON", "I-PERSON", "O", "O"])
    assert finder.find(doc)[0] == []
