"""Attitude attributions beyond speech: beliefs, intentions, desires, stances, judgments,
and nominal cues ("X's call for …", "according to X")."""

from __future__ import annotations

import pytest

from eventwire.extract.quote_lexicon import SPEAKER_CLASSES, load_lexicon


@pytest.fixture(scope="module")
def quotes_pipeline(nlp):
    from eventwire.extract import actors, quotes
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    return Pipeline(Settings(), nlp=nlp, stages=[actors.run, quotes.run])


@pytest.fixture()
def extract(quotes_pipeline):
    from eventwire.ingest import RawDocument
    from eventwire.schema import DocumentRecord

    def _extract(text: str) -> DocumentRecord:
        result = quotes_pipeline.process_one(RawDocument(id="t", text=text, origin="t"))
        assert isinstance(result, DocumentRecord), result
        return result

    return _extract


def _texts(record) -> list[str]:
    return [q.text for q in record.quotes]


def _speaker(record, text_start: str) -> str | None:
    q = next(q for q in record.quotes if q.text.startswith(text_start))
    return q.speaker


# -- lexicon ---------------------------------------------------------------------------------------
def test_lexicon_has_attitude_classes():
    lex = load_lexicon()
    assert lex.cue_for("intend", set()).cls == "intention"
    assert lex.cue_for("prefer", set()).cls == "desire"
    assert lex.cue_for("vote", set()).cls == "stance"
    assert lex.cue_for("lambaste", set()).cls == "evaluation"
    assert lex.cue_for("lash", {"out"}).preps == {"at", "against"}
    assert {"intention", "desire", "stance"} <= SPEAKER_CLASSES


# -- verbs -----------------------------------------------------------------------------------------
def test_intention_verb_with_infinitive(extract):
    rec = extract("Mayor Lena Ortiz intends to close the old harbor bridge next spring.")
    assert _texts(rec) == ["to close the old harbor bridge next spring"]
    assert rec.quotes[0].speaker == "Lena Ortiz"


def test_stance_verb_with_preposition(extract):
    rec = extract("Senator Paul Brandt voted against the farm bill on Tuesday.")
    assert any(t.startswith("the farm bill") for t in _texts(rec))


def test_judgment_verb_takes_its_object(extract):
    rec = extract("The governor mocked her rival for skipping the debate.")
    assert _texts(rec) == ["her rival for skipping the debate"]


def test_stance_needs_a_speaker_subject(extract):
    rec = extract("The new rules favor large farms over small ones.")
    assert rec.quotes == []


def test_share_of_a_group_is_a_speaker(extract):
    rec = extract("Half of the voters prefer a candidate from outside politics.")
    assert _texts(rec) == ["a candidate from outside politics"]


def test_markup_tag_is_not_a_cue(extract):
    rec = extract('<tweet author="x">Rain again today</tweet>.\n\nThe town council met on Monday.')
    assert not any(q.cue == "tweet" for q in rec.quotes)


# -- nominal cues ----------------------------------------------------------------------------------
def test_possessor_of_a_claim_is_the_source(extract):
    rec = extract("Officials rejected Mayor Ana Ruiz's claim that the audit was rigged.")
    q = next(q for q in rec.quotes if q.cue == "claim")
    assert q.text == "that the audit was rigged"
    assert q.speaker.endswith("Ana Ruiz")


def test_light_verb_subject_holds_the_nominal_cue(extract):
    rec = extract("Senator Tom Vale took a swipe at the governor during the rally.")
    q = next(q for q in rec.quotes if q.cue == "swipe")
    assert q.text.startswith("the governor")
    assert q.speaker == "Tom Vale"


def test_nominal_cue_without_a_speaker_is_dropped(extract):
    rec = extract("The bill's call for new taxes surprised nobody.")
    assert not any(q.cue == "call" for q in rec.quotes)


# -- content frames --------------------------------------------------------------------------------
def test_that_clause_on_the_frame_noun(extract):
    rec = extract("Governor Lee Park said in a statement that the port would reopen.")
    assert "that the port would reopen" in _texts(rec)


def test_call_for_someone_to_act(extract):
    rec = extract("Senator Mia Holt is calling for the city to repair the dam.")
    assert "the city to repair the dam" in _texts(rec)


def test_pro_form_stands_for_the_statement(extract):
    rec = extract("Half of the farmers said so in the spring survey.")
    assert "so" in _texts(rec)


def test_passive_judgment_takes_its_subject(extract):
    rec = extract("The tax plan was criticized by Senator Ada Cole.")
    q = next(q for q in rec.quotes if q.cue == "criticized")
    assert q.text == "The tax plan"
    assert q.speaker.endswith("Ada Cole")


def test_see_as_frame(extract):
    rec = extract("Most voters see Governor Park as the stronger candidate.")
    assert "Governor Park as the stronger candidate" in _texts(rec)


def test_received_support_has_the_giver_as_source(extract):
    rec = extract("Mayor Ivo Sand has won support from the teachers' union.")
    q = next(q for q in rec.quotes if q.cue == "support")
    assert q.text == "Mayor Ivo Sand"
    assert "union" in q.speaker


def test_scene_phrase_and_apposition_are_not_content(extract):
    rec = extract("Senator Ana Ruiz endorsed Tom Vale, a former mayor, on Tuesday.")
    assert "Tom Vale" in _texts(rec)


def test_unlisted_verb_with_speaker_and_that_clause(extract):
    rec = extract("Mayor Lena Ortiz calculated that the budget would pass.")
    assert any(q.text == "that the budget would pass" for q in rec.quotes)


def test_unlisted_verb_with_thing_subject_is_no_attribution(extract):
    rec = extract("The delay meant that the budget would not pass.")
    assert rec.quotes == []


# -- adjective cues --------------------------------------------------------------------------------
def test_predicate_adjective_with_preposition(extract):
    rec = extract("Senator Ada Cole has been critical of the new dam project.")
    q = next(q for q in rec.quotes if q.cue == "critical")
    assert q.text == "the new dam project"
    assert q.speaker.endswith("Ada Cole")


def test_predicate_adjective_with_that_clause(extract):
    rec = extract("The farmers are confident that the harvest will be good.")
    assert "that the harvest will be good" in _texts(rec)


def test_adjective_needs_a_speaker_subject(extract):
    rec = extract("The bridge was ready for traffic by noon.")
    assert rec.quotes == []


# -- layout ----------------------------------------------------------------------------------------
def test_headline_colon_after_a_short_capitalized_name(extract):
    rec = extract("Haddad: The Harbor Bridge Will Reopen in May\n\nThe council met on Monday.")
    q = next(q for q in rec.quotes if q.cue == ":")
    assert q.text == "The Harbor Bridge Will Reopen in May"
    assert q.speaker == "Haddad"


def test_tweet_body_leaves_out_the_embed_tags():
    from eventwire.extract.quotes import _without_markup

    text = 'x <tweet id="1" author="@a">Rain again</tweet>.'
    s, e = _without_markup(text, 2, text.index("</tweet>") + 8)
    assert text[s:e] == "Rain again"


def test_content_leaves_out_a_wire_dateline():
    from eventwire.extract.quote_indirect import trim

    text = "LIMA, Peru (AP) — The port will reopen"
    s, e = trim(text, 0, len(text))
    assert text[s:e] == "The port will reopen"
    text = "The plan — a bold one — failed"
    assert trim(text, 0, len(text)) == (0, len(text))


# -- evidentials -----------------------------------------------------------------------------------
def test_evidential_verb_gives_a_sourceless_clause(extract):
    rec = extract("While the storm raged, the harbor crew appeared unable to close the gate.")
    q = next(q for q in rec.quotes if q.cue == "appeared")
    assert q.text == "the harbor crew appeared unable to close the gate"
    assert q.speaker is None


def test_evidential_adverb_marks_its_clause(extract):
    rec = extract("The mayor reportedly plans to sell the old ferry.")
    assert any(q.text == "The mayor reportedly plans to sell the old ferry" for q in rec.quotes)


def test_appear_without_a_complement_is_not_evidential(extract):
    rec = extract("The mayor appeared at the harbor on Monday.")
    assert rec.quotes == []


def test_evidential_list_loads():
    from eventwire.extract.quote_evidential import load_evidentials

    words = load_evidentials()
    assert words["seem"] == "verb"
    assert words["reportedly"] == "adverb"


def test_an_amount_is_not_what_was_said(extract):
    rec = extract("The campaign reported $40,000 in new donations.")
    assert rec.quotes == []


def test_as_clause_needs_a_reporting_verb(extract):
    rec = extract("As the debate went on, the room grew louder and louder.")
    assert rec.quotes == []


def test_time_phrase_is_not_the_content_of_a_nominal_cue(extract):
    rec = extract("Senator Ada Cole made remarks on Thursday about the harbor.")
    assert not any(q.text == "Thursday" for q in rec.quotes)
