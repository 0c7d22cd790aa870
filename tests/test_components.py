"""eventwire's spaCy components."""

from __future__ import annotations

from eventwire.nlp.components import PARAGRAPH_BREAKS


def test_component_is_registered_before_the_parser(nlp):
    names = nlp.pipe_names
    assert PARAGRAPH_BREAKS in names
    assert names.index(PARAGRAPH_BREAKS) < names.index("parser")


def test_no_sentence_spans_a_line_break(nlp):
    text = (
        "Talks resumed in Doha — Minister Jane Doe (@jdoe) March 7, 2024\n\n"
        "Rebels were attacked on Friday in the north.\nHeadline without a full stop\nPolice said so."
    )
    doc = nlp(text)
    for sent in doc.sents:
        assert "\n" not in sent.text.strip(), sent.text
    starts = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert "Rebels were attacked on Friday in the north." in starts
    assert "Headline without a full stop" in starts
