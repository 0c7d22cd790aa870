"""Quotes stage: where a statement's content starts and ends (PolNeAR-style envelopes)."""

from __future__ import annotations

import pytest

from quotes_support import quotes_extract


@pytest.fixture(scope="module")
def quotes_of(nlp):
    """The quotes of one text, in text order (only the actors and quotes stages run)."""
    extract = quotes_extract(nlp)
    return lambda text: sorted(extract(text).quotes, key=lambda q: q.span)


def _only(quotes, kind):
    found = [q for q in quotes if q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text) for q in quotes]
    return found[0]


def test_interrupted_quote_goes_on_past_a_subordinate_cue(quotes_of):
    text = (
        "“We will not give up on the harbour,” the mayor said, referring to a plan called "
        "Harbour First. “We will finish it by June.”"
    )
    q = _only(quotes_of(text), "direct")
    assert q.text.startswith("“We will not give up")
    assert q.text.endswith("by June.”")
    assert q.speaker == "the mayor"


def test_interrupted_quote_goes_on_after_a_connective(quotes_of):
    text = "“The vote was close,” she said after the count. But “the result is clear to everyone.”"
    q = _only(quotes_of(text), "direct")
    assert q.text.endswith("clear to everyone.”")


def test_quote_before_a_frame_joins_the_quote_the_parse_chose_after_it(quotes_of):
    text = "“Looking at the numbers again,” Jones continued, “we should lower the tax on bread.”"
    q = _only(quotes_of(text), "direct")
    assert q.text.startswith("“Looking at")
    assert q.text.endswith("on bread.”")
    assert q.speaker == "Jones"


def test_content_ends_before_its_own_speaker(quotes_of):
    text = "“Yes, I back the plan,” Anna Berg, head of the farmers’ union, tells the radio station."
    q = _only(quotes_of(text), "direct")
    assert q.text == "“Yes, I back the plan,”"
    assert q.speaker == "Anna Berg"


def test_phrase_quoted_deep_in_the_clause_is_not_the_statement(quotes_of):
    text = (
        "The senator says the new law that passed the chamber last week appeals to the "
        "“worst instincts” of voters."
    )
    quotes = quotes_of(text)
    assert all(q.text != "“worst instincts”" for q in quotes)
    assert any(q.text.startswith("the new law") and q.speaker == "The senator" for q in quotes)


def test_phrase_right_after_the_cue_is_the_statement(quotes_of):
    q = _only(quotes_of("The governor said “no new taxes” at the rally."), "direct")
    assert q.text == "“no new taxes”"


def test_frame_set_aside_by_the_parser_takes_the_whole_sentence(quotes_of):
    text = "The new bridge, the ministry said, will open to traffic in the spring of next year."
    q = _only(quotes_of(text), "indirect")
    assert q.text == text[:-1]
    assert q.speaker == "the ministry"


@pytest.mark.parametrize("cue", ["answered", "shot back", "went on"])
def test_reply_cues(quotes_of, cue):
    text = f"“We are ready for the final and we will win it,” the coach {cue}."
    q = _only(quotes_of(text), "direct")
    assert q.cue == cue
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "the coach"


def test_quotation_after_a_colon_belongs_to_the_clause_subject(quotes_of):
    text = "The minister turned to the crowd: “We will build the road this year.”"
    q = _only(quotes_of(text), "direct")
    assert q.text == "“We will build the road this year.”"
    assert q.cue == "turned"
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "The minister"


def test_colon_after_a_verbless_heading_gives_no_speaker_clause(quotes_of):
    quotes = quotes_of("Forecast for the weekend:\n\n“Rain is expected on the coast tonight.”")
    assert quotes == [] or all(q.speaker_span is None for q in quotes)


def test_interrupted_quote_goes_on_past_a_long_frame(quotes_of):
    text = (
        "“The old gym will always be a home for young boxers,” said Maria Lopez, who has run "
        "the gym since it reopened in 2010 and who trained three national champions there, as "
        "a class of teenagers worked out on the heavy bags behind her, while outside "
        "passers-by stopped to read the old posters. “We will keep the doors open.”"
    )
    q = _only(quotes_of(text), "direct")
    assert q.text.endswith("doors open.”")
    assert text[q.speaker_span[0] : q.speaker_span[1]].startswith("Maria Lopez")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor said the bridge will open in May, though many residents doubt it.",
            "the bridge will open in May",
        ),
        (
            "The report found that the plan helped Smith, who later left the party.",
            "that the plan helped Smith",
        ),
        (
            "The mayor said the bridge will open after the river falls.",
            "the bridge will open after the river falls",
        ),
    ],
)
def test_content_ends_before_an_aside_set_off_by_a_comma(quotes_of, text, content):
    assert [q.text for q in quotes_of(text)] == [content]


def test_content_ends_before_a_participle_after_a_closing_quotation(quotes_of):
    text = "The mayor said the bridge “will be finished by June,” referring to the harbour bridge."
    q = next(q for q in quotes_of(text) if q.cue == "said")
    assert q.text == "the bridge “will be finished by June,”"
