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
