"""Small repairs of the dependency parse shared by the extractors (events, quotes)."""

from __future__ import annotations

from spacy.tokens import Token

PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def coordination_head(verb: Token) -> Token:
    """The head ``verb`` hangs on, repairing a conjunct hung on a reported clause.

    In "the ministry said that Addis Ababa condemns violence and urged restraint" the parser
    joins "urged" to "condemns"; a past-tense conjunct without a subject of its own, joined to
    a present-tense reported clause under a past-tense reporting verb, continues the reporting
    clause instead. Any other token's head is returned unchanged.
    """
    head = verb.head
    if (
        verb.dep_ == "conj"
        and verb.tag_ in PAST_TAGS
        and head.dep_ == "ccomp"
        and head.tag_ in PRESENT_TAGS
        and head.head.tag_ in PAST_TAGS
        and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    ):
        return head.head
    return head
