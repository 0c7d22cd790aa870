"""Attitude attributions beyond speech: beliefs, intentions, desires, stances, judgments,
and nominal cues ("X's call for …", "according to X")."""

from __future__ import annotations

import pytest

from eventwire.extract.quote_lexicon import SPEAKER_CLASSES, load_lexicon
from quotes_support import quotes_extract


@pytest.fixture(scope="module")
def extract(nlp):
    """Extract one text with only the stages quotes depend on (actors, quotes)."""
    return quotes_extract(nlp)


def _texts(record) -> list[str]:
    return [q.text for q in record.quotes]


# -- lexicon ---------------------------------------------------------------------------------------
def test_lexicon_has_attitude_classes():
    lex = load_lexicon()
    assert lex.cue_for("intend", set()).cls == "intention"
    assert lex.cue_for("prefer", set()).cls == "desire"
    assert lex.cue_for("vote", set()).cls == "stance"
    assert lex.cue_for("lambaste", set()).cls == "evaluation"
    assert lex.cue_for("lash", {"out"}).preps == {"at", "against"}
    assert {"intention", "desire", "stance"} <= SPEAKER_CLASSES


# -- one statement per cue: content and source ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        pytest.param(
            "Officials rejected Mayor Ana Ruiz's claim that the audit was rigged.",
            "claim",
            "that the audit was rigged",
            "Ana Ruiz",
            id="possessor-of-a-claim-is-the-source",
        ),
        pytest.param(
            "Senator Tom Vale took a swipe at the governor during the rally.",
            "swipe",
            "the governor",
            "Tom Vale",
            id="light-verb-subject-holds-the-nominal-cue",
        ),
        pytest.param(
            "The tax plan was criticized by Senator Ada Cole.",
            "criticized",
            "The tax plan",
            "Ada Cole",
            id="passive-judgment-takes-its-subject",
        ),
        pytest.param(
            "Mayor Ivo Sand has won support from the teachers' union.",
            "support",
            "Mayor Ivo Sand",
            "union",
            id="received-support-has-the-giver-as-source",
        ),
        pytest.param(
            "Senator Ada Cole has been critical of the new dam project.",
            "critical",
            "the new dam project",
            "Ada Cole",
            id="predicate-adjective-with-preposition",
        ),
        pytest.param(
            "Haddad: The Harbor Bridge Will Reopen in May\n\nThe council met on Monday.",
            ":",
            "The Harbor Bridge Will Reopen in May",
            "Haddad",
            id="headline-colon-after-a-short-capitalized-name",
        ),
        pytest.param(
            "While the storm raged, the harbor crew appeared unable to close the gate.",
            "appeared",
            "the harbor crew appeared unable to close the gate",
            None,
            id="evidential-verb-gives-a-sourceless-clause",
        ),
    ],
)
def test_cue_gives_content_and_source(extract, text, cue, content, speaker):
    q = next(q for q in extract(text).quotes if q.cue == cue)
    assert q.text == content
    if speaker is None:
        assert q.speaker is None
    else:
        assert q.speaker.endswith(speaker)


# -- contents found ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "Governor Lee Park said in a statement that the port would reopen.",
            "that the port would reopen",
            id="that-clause-on-the-frame-noun",
        ),
        pytest.param(
            "Senator Mia Holt is calling for the city to repair the dam.",
            "the city to repair the dam",
            id="call-for-someone-to-act",
        ),
        pytest.param(
            "Half of the farmers said so in the spring survey.",
            "so",
            id="pro-form-stands-for-the-statement",
        ),
        pytest.param(
            "Most voters see Governor Park as the stronger candidate.",
            "Governor Park as the stronger candidate",
            id="see-as-frame",
        ),
        pytest.param(
            "Senator Ana Ruiz endorsed Tom Vale, a former mayor, on Tuesday.",
            "Tom Vale",
            id="scene-phrase-and-apposition-are-not-content",
        ),
        pytest.param(
            "Mayor Lena Ortiz calculated that the budget would pass.",
            "that the budget would pass",
            id="unlisted-verb-with-speaker-and-that-clause",
        ),
        pytest.param(
            "The farmers are confident that the harvest will be good.",
            "that the harvest will be good",
            id="predicate-adjective-with-that-clause",
        ),
        pytest.param(
            "The mayor reportedly plans to sell the old ferry.",
            "The mayor reportedly plans to sell the old ferry",
            id="evidential-adverb-marks-its-clause",
        ),
    ],
)
def test_content_is_found(extract, text, content):
    assert content in _texts(extract(text))


# -- no attribution ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The new rules favor large farms over small ones.", id="stance-needs-a-speaker"
        ),
        pytest.param(
            "The delay meant that the budget would not pass.",
            id="unlisted-verb-with-thing-subject",
        ),
        pytest.param("The bridge was ready for traffic by noon.", id="adjective-needs-a-speaker"),
        pytest.param(
            "The mayor appeared at the harbor on Monday.",
            id="appear-without-a-complement-is-not-evidential",
        ),
        pytest.param("The campaign reported $40,000 in new donations.", id="amount-is-not-said"),
        pytest.param(
            "As the debate went on, the room grew louder and louder.",
            id="as-clause-needs-a-reporting-verb",
        ),
    ],
)
def test_no_attribution(extract, text):
    assert extract(text).quotes == []


# -- other verbs and cues ----------------------------------------------------------------------------
def test_intention_verb_with_infinitive(extract):
    rec = extract("Mayor Lena Ortiz intends to close the old harbor bridge next spring.")
    assert _texts(rec) == ["to close the old harbor bridge next spring"]
    assert rec.quotes[0].speaker == "Lena Ortiz"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "The governor mocked her rival for skipping the debate.",
            "her rival for skipping the debate",
            id="judgment-verb-takes-its-object",
        ),
        pytest.param(
            "Half of the voters prefer a candidate from outside politics.",
            "a candidate from outside politics",
            id="share-of-a-group-is-a-speaker",
        ),
    ],
)
def test_only_statement(extract, text, content):
    assert _texts(extract(text)) == [content]


def test_stance_verb_with_preposition(extract):
    rec = extract("Senator Paul Brandt voted against the farm bill on Tuesday.")
    assert any(t.startswith("the farm bill") for t in _texts(rec))


def test_markup_tag_is_not_a_cue(extract):
    rec = extract('<tweet author="x">Rain again today</tweet>.\n\nThe town council met on Monday.')
    assert not any(q.cue == "tweet" for q in rec.quotes)


def test_nominal_cue_without_a_speaker_is_dropped(extract):
    rec = extract("The bill's call for new taxes surprised nobody.")
    assert not any(q.cue == "call" for q in rec.quotes)


def test_time_phrase_is_not_the_content_of_a_nominal_cue(extract):
    rec = extract("Senator Ada Cole made remarks on Thursday about the harbor.")
    assert not any(q.text == "Thursday" for q in rec.quotes)


# -- helpers ---------------------------------------------------------------------------------------
def test_tweet_body_leaves_out_the_embed_tags():
    from eventwire.ingest.cleanup import _tweet_body

    text = 'x <tweet id="1" author="@a">Rain again</tweet>.'
    s, e = _tweet_body(text, 2, text.index("</tweet>") + 8)
    assert text[s:e] == "Rain again"


def test_content_leaves_out_a_wire_dateline():
    from eventwire.extract.quote_indirect import trim

    text = "LIMA, Peru (AP) — The port will reopen"
    s, e = trim(text, 0, len(text))
    assert text[s:e] == "The port will reopen"
    text = "The plan — a bold one — failed"
    assert trim(text, 0, len(text)) == (0, len(text))


def test_evidential_list_loads():
    from eventwire.extract.quote_evidential import load_evidentials

    words = load_evidentials()
    assert words["seem"] == "verb"
    assert words["reportedly"] == "adverb"
