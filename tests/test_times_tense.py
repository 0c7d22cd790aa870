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
        # a modal perfect looks back
        ("Fear of a strike may have been behind the fall in shares on Friday.", "PAST"),
        # a past perfect before a future head: the date has passed
        ("The permit had been due to lapse Friday.", "PAST"),
        # a participle used as a reduced clause is past, whatever the main clause says
        ("The plan, unveiled Friday, would cut fuel subsidies.", "PAST"),
        # a planning verb: the adverbial after its object dates what is planned
        ("The mayor has scheduled a press briefing Friday to explain the budget.", "FUTURE"),
        ("Farmers planned a large march through the capital on Friday.", "FUTURE"),
        # a present intention with an infinitive
        ("On Friday, the union intends to hold a vote on the offer.", "FUTURE"),
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


@pytest.fixture(scope="module")
def verb_lists():
    from eventwire.resolve.tense import load_verb_lists

    return load_verb_lists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two ministers meet Monday with the envoy.", True),
        ("The court hears the appeal on Thursday.", True),
        ("Officials say the leaders meet Monday in Geneva.", True),
        ("The orchestra performs Saturday at the new hall, organizers said.", True),
        # a reporting verb reports; a state holds; an auxiliary or negation is another tense
        ("The minister says Monday that the talks failed.", False),
        ("The bridge remains closed Monday.", False),
        ("The team does not play Friday.", False),
        # a form the past shares may be a past tense
        ("Falling prices hurt the two carmakers on Friday.", False),
        # a headline's present is historic
        ("Rebels free hostages Friday", False),
    ],
)
def test_scheduled_present(nlp, verb_lists, text, expected):
    from eventwire.resolve.tense import scheduled_present

    doc = nlp(text)
    token = next(t for t in doc if t.text.endswith("day"))
    assert scheduled_present(token, verb_lists) is expected


def test_verb_lists_need_both_sections():
    from eventwire.errors import ResourceError
    from eventwire.resolve.tense import load_verb_lists

    with pytest.raises(ResourceError):
        load_verb_lists("reporting: [say]\nstative: [be]\n")
    assert (
        "say"
        in load_verb_lists("reporting: [Say]\nstative: [be]\ninvariant_past: [cut]\n").reporting
    )


def test_is_headline(nlp):
    from eventwire.resolve.tense import is_headline

    assert is_headline(next(nlp("Storm cuts power to thousands").sents))
    assert not is_headline(next(nlp('"The storm cut power," he said.').sents))
