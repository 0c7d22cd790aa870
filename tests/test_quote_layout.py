"""Quotes stage: headline colons whose speaker the tagger took for a common noun."""

from __future__ import annotations

import pytest

from quotes_support import quotes_extract


@pytest.fixture(scope="module")
def extract(nlp):
    return quotes_extract(nlp)


def test_headline_speaker_named_later_in_the_article(extract):
    text = (
        "Waters: Harbour Tax Has Failed.\n\n"
        "Senator Grace Waters spoke to dock workers in Lagos on Friday about the new tax."
    )
    quotes = [q for q in extract(text).quotes if q.text == "Harbour Tax Has Failed"]
    assert len(quotes) == 1
    assert quotes[0].speaker_span == (0, len("Waters"))


def test_headline_label_that_names_no_actor_is_no_speaker(extract):
    text = "Update: Harbour Tax Has Failed.\n\nThe dock workers met in Lagos on Friday."
    assert not [q for q in extract(text).quotes if q.text == "Harbour Tax Has Failed"]


def test_a_name_addressed_before_a_colon_is_no_speaker(extract):
    text = (
        "Dig away, Grace Waters:\n\n"
        "The harbour tax has failed the dock workers of Lagos for years now."
    )
    assert not [q for q in extract(text).quotes if q.cue == ":"]


def test_a_titled_name_before_a_colon_is_the_speaker(extract):
    text = "Senator Grace Waters: The harbour tax has failed the dock workers of Lagos."
    [quote] = [q for q in extract(text).quotes if q.cue == ":"]
    assert text[quote.speaker_span[0] : quote.speaker_span[1]].endswith("Grace Waters")
