"""Quotes stage: where an object frame's content ends ("praised X [for Y]", "listed X [in Y]")."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.extract.quote_frames import np_content
from quotes_support import quotes_extract


@pytest.fixture(scope="module")
def quotes_of(nlp):
    """The quotes of one text, in text order (only the actors and quotes stages run)."""
    extract = quotes_extract(nlp)
    return lambda text: sorted(extract(text).quotes, key=lambda q: q.span)


def _one(quotes):
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a phrase on the verb that completes the object is content
        (
            "He then listed the skills necessary in a good judge.",
            "the skills necessary in a good judge",
        ),
        ("The coach praised his players in glowing terms.", "his players in glowing terms"),
        # a phrase on a medium says where it was said, not what
        ("The union listed its demands in a letter to the board.", "its demands"),
        ("The mayor defended the budget on her weekly radio show.", "the budget"),
        # time is scene, not content
        ("The mayor praised the plan on Tuesday.", "the plan"),
    ],
)
def test_object_content_takes_completing_phrases_but_not_medium_or_time(quotes_of, text, content):
    q = _one(quotes_of(text))
    assert q.text == content


def _doc(words, heads, deps, pos):
    spaces = [i + 1 < len(words) and words[i + 1] != "," for i in range(len(words))]
    return Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_listed_names_parsed_as_apposition_stay_in_the_object():
    # "Adams, Baker, and Clarke" with "Baker" parsed as an apposition of "Adams"
    words = ["Adams", ",", "Baker", ",", "and", "Clarke"]
    doc = _doc(
        words,
        heads=[0, 0, 0, 2, 2, 2],
        deps=["ROOT", "punct", "appos", "punct", "cc", "conj"],
        pos=["PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN"],
    )
    assert np_content(doc[0]) == (0, len(doc.text))


def test_a_gloss_set_off_after_the_object_is_left_out():
    words = ["Adams", ",", "the", "new", "mayor"]
    doc = _doc(
        words,
        heads=[0, 0, 4, 4, 0],
        deps=["ROOT", "punct", "det", "amod", "appos"],
        pos=["PROPN", "PUNCT", "DET", "ADJ", "NOUN"],
    )
    assert np_content(doc[0]) == (0, len("Adams"))


def test_a_wish_keeps_the_subject_of_its_infinitive(quotes_of):
    q = _one(quotes_of("The farmers want the new road to be finished by spring."))
    assert q.text == "the new road to be finished by spring"


def test_a_request_leaves_out_its_addressee(quotes_of):
    q = _one(quotes_of("The farmers urged the council to finish the road by spring."))
    assert q.text.startswith("to finish the road")
