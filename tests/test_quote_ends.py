"""Quotes stage: where a content ends (quote_ends) — asides and clauses after an infinitive."""

from __future__ import annotations

import pytest

from quotes_support import quotes_extract


@pytest.fixture(scope="module")
def quotes_of(nlp):
    """The quote texts of one text, in text order (only the actors and quotes stages run)."""
    extract = quotes_extract(nlp)
    return lambda text: [q.text for q in sorted(extract(text).quotes, key=lambda q: q.span)]


def test_infinitive_ends_before_a_finite_verb_coordinated_with_it(quotes_of):
    text = "The governor called on the army to guard the dam and proposed a new tax for the region."
    assert quotes_of(text) == ["to guard the dam", "a new tax for the region"]


def test_infinitive_ends_before_a_past_clause_of_what_happened(quotes_of):
    text = "The senator refused to speak to reporters as she left the hall on Monday."
    assert quotes_of(text) == ["to speak to reporters"]


def test_infinitive_keeps_a_present_clause_of_what_is_meant(quotes_of):
    text = "The mayor promised to build the bridge before the rains come."
    assert quotes_of(text) == ["to build the bridge before the rains come"]


def test_content_ends_before_a_gloss_on_its_last_noun(quotes_of):
    text = "The union said the strike would hurt Ann Lee, the new harbour master."
    assert quotes_of(text) == ["the strike would hurt Ann Lee"]


def test_content_ends_before_a_noun_phrase_set_off_by_a_dash(quotes_of):
    text = "The mayor said she would build the new bridge — a promise that nobody believed."
    assert quotes_of(text) == ["she would build the new bridge"]
