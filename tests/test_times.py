"""The times stage end to end on short texts written for these tests.

The pipeline here runs the times stage alone, so that other stages cannot break these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="module")
def extract(nlp):
    from eventwire.extract import times
    from eventwire.ingest import RawDocument
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    pipeline = Pipeline(Settings(), nlp=nlp, stages=[times.run])

    def _extract(text, published=None):
        raw = RawDocument(
            id="t",
            text=text,
            origin="t",
            published=dt.date.fromisoformat(published) if published else None,
        )
        return pipeline.process_one(raw)

    return _extract


def _times(record):
    return [(t.text, t.type, t.value) for t in record.times]


def test_spans_index_the_original_text(extract):
    text = "\u201cWe met on Friday,\u201d the envoy said.\u00a0Talks resume next week."
    record = extract(text, published="2020-01-04")
    for t in record.times:
        assert record.text[t.span[0] : t.span[1]] == t.text
    assert _times(record) == [
        ("Friday", "DATE", "2020-01-03"),
        ("next week", "DATE", "2020-W02"),
    ]


def test_future_clause_takes_the_next_weekday(extract):
    record = extract("The ministers will meet in Geneva on Monday.", published="2020-01-04")
    assert _times(record) == [("Monday", "DATE", "2020-01-06")]


def test_past_clause_on_thursday_at_the_year_boundary(extract):
    record = extract("The ministers met in Geneva on Monday.", published="2020-01-02")
    assert _times(record) == [("Monday", "DATE", "2019-12-30")]


def test_without_publication_date_relative_values_stay_unresolved(extract):
    record = extract("Rebels attacked the town on Friday and last week.")
    assert [(t.value, t.anchor) for t in record.times] == [
        ("XXXX-XX-XX", "unresolved"),
        ("XXXX-WXX", "unresolved"),
    ]


def test_expressions_in_an_embedded_tweet_use_the_tweet_date(extract):
    text = (
        "The minister wrote online.\n\n"
        "We spoke today about the border. \u2014 Jane Doe (@janedoe) March 7, 2024\n\n"
        "Officials confirmed the call."
    )
    record = extract(text, published="2024-03-09")
    assert ("today", "DATE", "2024-03-07") in _times(record)
    assert ("March 7, 2024", "DATE", "2024-03-07") in _times(record)


def test_sentence_index_and_ids(extract):
    record = extract("Nothing happened. Rebels struck on Tuesday.", published="2020-01-04")
    (t,) = record.times
    assert t.sentence == 1
    assert t.id.startswith("T")


def test_simple_present_action_takes_the_coming_weekday(extract):
    # published Thursday 2 January 2020: the meeting is scheduled for Monday 6 January
    record = extract("The two ministers meet Monday with the envoy.", published="2020-01-02")
    assert _times(record) == [("Monday", "DATE", "2020-01-06")]


def test_simple_present_report_or_headline_keeps_the_past_weekday(extract):
    record = extract("The minister says Monday that the talks failed.", published="2020-01-02")
    assert _times(record) == [("Monday", "DATE", "2019-12-30")]
    record = extract("Rebels free two hostages Monday", published="2020-01-02")
    assert _times(record) == [("Monday", "DATE", "2019-12-30")]


def test_present_clause_takes_the_nearest_month(extract):
    # a present-tense clause says nothing of past or future: the nearest February
    record = extract("The plan is to repay the loan by February.", published="1995-10-30")
    assert _times(record) == [("February", "DATE", "1996-02")]
    record = extract("The company repaid the loan in February.", published="1995-10-30")
    assert _times(record) == [("February", "DATE", "1995-02")]


def test_since_looks_back_whatever_the_tense(extract):
    record = extract("Crossings are down 78% since May, officials say.", published="2021-01-30")
    assert [v for _, _, v in _times(record)] == ["2020-05"]
