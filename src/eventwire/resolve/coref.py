"""Within-document reference helpers: acronyms, in-text abbreviation definitions, pronouns.

Pronouns refer back to the previous fitting subject: he/she/his to a person, it/its to an
organization or country, they/their to a group or organization; first-person pronouns inside
an embedded tweet to the tweet's author. Pleonastic "it" ("it is important to …") refers to
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from spacy.tokens import Doc, Token

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
WINDOW_SENTENCES = 2


class MentionLike(Protocol):
    """What the resolver needs of a mention: its token range, head, sentence and type."""

    start: int
    end: int
    head: int
    sentence: int
    type: str


def initials(name: str) -> str:
    """Upper-case initials of the capitalized words of a name ("Inter-Services Public
    Relations" -> "ISPR"), so that an acronym can be matched against it."""
    words = re.findall(r"[A-Za-z][A-Za-z']*", name)
    return "".join(w[0] for w in words if w[0].isupper())


def defined_abbreviations(doc: Doc) -> dict[int, str]:
    """In-text definitions "Long Name (ABBR)": doc index of the abbreviation token -> ABBR.

    The caller checks the abbreviation against the initials of the phrase before it.
    """
    out: dict[int, str] = {}
    for tok in doc[1:-1]:
        if tok.text != "(":
            continue
        abbr, close = doc[tok.i + 1], doc[min(tok.i + 2, len(doc) - 1)]
        if close.text == ")" and re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]", abbr.text):
            out[abbr.i] = abbr.text
    return out


def pleonastic(tok: Token) -> bool:
    """Is this "it" an expletive subject ("it is important to …", "it seems that …")?"""
    if tok.dep_ == "expl":
        return True
    return tok.head.lemma_ in ("be", "seem", "appear", "become") and any(
        c.dep_ in ("acomp", "attr", "ccomp", "xcomp") for c in tok.head.children
    )


def _is_subject(doc: Doc, m: MentionLike) -> bool:
    return doc[m.head].dep_ in SUBJECT_DEPS


def antecedent(
    doc: Doc,
    pronoun: Token,
    sentence: int,
    mentions: Sequence[MentionLike],
    fits: Callable[[MentionLike], bool],
) -> MentionLike | None:
    """The mention a pronoun refers to: the nearest fitting mention earlier in its own
    sentence, else the last fitting subject of the previous sentences, else the last
    fitting mention there. ``mentions`` are in document order."""
    before = [m for m in mentions if m.end <= pronoun.i and fits(m)]
    same = [
        m
        for m in before
        if m.sentence == sentence
        and doc[m.head].head != pronoun.head
        and not any(t.tag_ == "''" for t in doc[m.end : pronoun.i])  # not across a quote
    ]
    if same:
        return same[-1]
    window = [m for m in before if sentence - WINDOW_SENTENCES <= m.sentence < sentence]
    subjects = [m for m in window if _is_subject(doc, m)]
    if subjects:
        return subjects[-1]
    return window[-1] if window else None
