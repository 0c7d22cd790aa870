"""Clause tense from the dependency parse (uses the spaCy model)."""

from __future__ import annotations

import pytest

from eventwire.resolve.tense import clause_tense, has_future_cue


def tense_of(nlp, text, word, **kw):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return clause_tense(token, **kw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister resigned on Friday.", "PAST"),
        ("The minister has resigned on Friday.", "PAST"),
        ("The minister will resign on Friday.", "FUTURE"),
        ("The minister would resign on Friday, aides said.", "FUTURE"),
        ("The minister plans to resign on Friday.", "FUTURE"),
        ("The leaders are meeting on Friday.", "FUTURE"),
        ("Talks are set to resume on Friday.", "FUTURE"),
        ("On Friday, the government planned new taxes.", "PAST"),
    ],
)
def test_clause_tense(nlp, text, expected):
    assert tense_of(nlp, text, "Friday") == expected


def test_future_cue_unless_past_perfect(nlp):
    assert tense_of(nlp, "The deadline was extended until Friday.", "Friday", future_cue=True) == (
        "FUTURE"
    )
    assert (
        tense_of(nlp, "Until Friday, they had not named a suspect.", "Friday", future_cue=True)
        == "PAST"
    )


def test_has_future_cue():
    assert has_future_cue("extended the deadline until ", "Friday")
    assert has_future_cue("", "until 9 a.m. Tuesday")
    assert not has_future_cue("met on ", "Friday")
