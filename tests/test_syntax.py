"""Parse repairs shared by the extractors (``eventwire.nlp.syntax``)."""

from __future__ import annotations

from eventwire.nlp.syntax import coordination_head


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_past_conjunct_of_present_reported_clause_joins_the_reporting_verb(nlp):
    doc = nlp("The ministry said that Kampala supports the ceasefire and urged both sides to stop.")
    urged = _token(doc, "urged")
    assert urged.head.text == "supports"  # the parser's reading this test repairs
    assert coordination_head(urged).text == "said"


def test_other_heads_are_kept(nlp):
    doc = nlp("The ministry said that Kampala supported the ceasefire and urged rebels to stop.")
    urged = _token(doc, "urged")
    assert coordination_head(urged) == urged.head
    assert coordination_head(_token(doc, "Kampala")) == _token(doc, "Kampala").head
