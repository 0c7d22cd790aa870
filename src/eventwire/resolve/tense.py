"""The tense of the clause a word sits in, read from a spaCy dependency parse.

HeidelTime resolves underspecified expressions ("Friday", "in March") by the tense of the
governing verb: past → the latest such date before the reference, future → the next one.
We climb from the expression to its governing verb and read its morphology and auxiliaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import yaml
from spacy.tokens import Span, Token

from ..errors import ResourceError

Tense = Literal["PAST", "PRESENT", "FUTURE"]

_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "gonna"})
# "could" is left out: in news it is mostly past ability ("could not be reached Friday").
_MODAL_AUX = frozenset({"would", "might", "may", "should", "must", "can", "ca"})
_PAST_AUX = frozenset({"did", "had", "was", "were", "'d"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve", "having"})
_PROGRESSIVE_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m", "be"})
# Heads of a to-infinitive that point to the future ("plans to meet on Friday").
_FUTURE_HEADS = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "due",
        "set",
        "hope",
        "intend",
        "aim",
        "prepare",
        "agree",
        "promise",
        "vow",
        "threaten",
        "want",
        "decide",
        "likely",
        "poised",
        "go",
        "seek",
        "propose",
        "pledge",
        "arrange",
        "ready",
    }
)
# Verbs whose time adverbial names when something is to happen.
_SCHEDULING = frozenset({"plan", "schedule", "reschedule", "postpone", "delay", "adjourn"})
# Of those, the ones whose object's date follows the object ("scheduled a vote Thursday").
_PLANNING = frozenset({"plan", "schedule", "reschedule"})
# Dependents of a participle that is used as a reduced clause ("the ruling, announced Friday").
_REDUCED_DEPS = frozenset({"acl", "amod", "relcl", "advcl"})
# Words right before an expression that make it a future point ("until Tuesday").
_FUTURE_CUES = ("until", "till", "as soon as", "as early as", "no later than")
# "since" right before or opening an expression makes it a past point ("since May").
_SINCE_BEFORE = re.compile(r"\bsince\s*$", re.IGNORECASE)
_MAX_CLIMB = 8
# Tokens that close a sentence of running text (a headline has none: "Police arrest suspect").
_FINAL = frozenset({".", "!", "?", "...", "…"})
_TRAILING = frozenset({'"', "'", "”", "’", ")", "]", "''"})


def governing_verb(token: Token) -> tuple[Token | None, bool]:
    """The nearest verb or auxiliary above ``token`` (``token`` itself if it is a verb), and
    whether the path to it passes through a noun ("a rally on Saturday")."""
    t = token
    via_noun = False
    for _ in range(_MAX_CLIMB):
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            return t, via_noun
        if t is not token and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "pobj":
            via_noun = True
        if t.head.i == t.i:
            return None, via_noun
        t = t.head
    return None, via_noun


def has_past_cue(before: str, expression: str = "") -> bool:
    """Whether the word right before (or opening) an expression makes it a past point
    ("since May")."""
    return bool(_SINCE_BEFORE.search(before)) or expression.lower().startswith("since ")


def has_future_cue(before: str, expression: str = "") -> bool:
    """Whether the words right before (or opening) an expression make it a future point."""
    return before.lower().rstrip().endswith(_FUTURE_CUES) or expression.lower().startswith(
        _FUTURE_CUES
    )


def verb_tense(verb: Token, depth: int = 0) -> Tense | None:
    """Tense of one verb from its tag and auxiliaries; ``None`` when it cannot tell."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modal = any(a in _FUTURE_AUX or a in _MODAL_AUX for a in auxes)
    if modal and "have" in auxes:
        return "PAST"  # "may have been", "would have met": a modal perfect looks back
    if modal:
        return "FUTURE"
    if verb.lower_ in _FUTURE_AUX or verb.lower_ in _MODAL_AUX:
        return "FUTURE"
    if "to" in auxes and verb.head.i != verb.i and depth < 3:
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS:
            if _past_perfect(head):
                return "PAST"  # "it had been due to expire Friday"
            return "FUTURE"  # "planned to leave on Thursday", "set to resume Monday"
        head_tense = verb_tense(head, depth + 1)
        if head.lemma_.lower() == "be" and head_tense == "PRESENT":
            return "FUTURE"  # "is to resume trading Tuesday"
        return head_tense
    if any(a in _PAST_AUX for a in auxes):
        return "PAST"
    if any(a in _PERFECT_AUX for a in auxes):
        return "PAST"
    tag = verb.tag_
    if tag == "VBD":
        return "PAST"
    if tag == "VBG" and any(a in _PROGRESSIVE_AUX for a in auxes):
        # present progressive with a time adverbial is a planned future ("are meeting Friday")
        return "FUTURE"
    if tag == "VBN" and verb.dep_ in _REDUCED_DEPS and not auxes:
        return "PAST"  # "the ruling, announced Friday, ..."
    if tag in ("VBZ", "VBP"):
        return "PRESENT"
    if tag == "VBN" and any(a in _PROGRESSIVE_AUX for a in auxes):
        return "PRESENT"
    if verb.head.i != verb.i and depth < 3 and verb.dep_ in ("xcomp", "ccomp", "conj", "advcl"):
        return verb_tense(verb.head, depth + 1)
    return None


def _past_perfect(word: Token) -> bool:
    """Whether ``word`` (or the verb an adjective hangs on: "had been due") has "had"."""
    holders = [word] if word.pos_ in ("VERB", "AUX") else [word, word.head]
    return any(c.lower_ == "had" and c.dep_ == "aux" for h in holders for c in h.children)


def _plans_ahead(token: Token, verb: Token) -> bool:
    """A planning verb whose time adverbial dates what is planned: the adverbial follows the
    verb's object ("has scheduled a news conference Thursday"), or the verb is a present
    intention with an infinitive ("On Tuesday, the league plans to hold a news conference")."""
    lemma = verb.lemma_.lower()
    if lemma in _PLANNING:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and token.i > objects[0].i:
            return True
    if lemma in _FUTURE_HEADS and verb.tag_ in ("VBZ", "VBP"):
        return any(c.dep_ == "xcomp" for c in verb.children)
    return False


def sentence_tense(token: Token) -> Tense | None:
    """Tense of the root of ``token``'s sentence."""
    return verb_tense(token.sent.root)


def clause_tense(token: Token, default: Tense = "PAST", future_cue: bool = False) -> Tense:
    """Tense of the clause governing ``token``: its verb, else the sentence root, else ``default``.

    ``future_cue`` ("until Tuesday") makes the expression future unless the clause is in the
    past perfect ("Until Thursday, they had not called him a suspect").
    """
    verb, via_noun = governing_verb(token)
    if verb is not None and via_noun and verb.lemma_.lower() in _SCHEDULING:
        return "FUTURE"  # "planned a rally on Saturday"
    if verb is not None and _plans_ahead(token, verb):
        return "FUTURE"
    if future_cue:
        auxes = {c.lower_ for c in verb.children} if verb is not None else set()
        if "had" not in auxes:
            return "FUTURE"
    tense = verb_tense(verb) if verb is not None else None
    if tense is None:
        tense = sentence_tense(token)
    return tense or default


@dataclass(frozen=True)
class VerbLists:
    """Verb lemmas the tense rules treat apart (``data/times/tense.yaml``)."""

    reporting: frozenset[str]
    stative: frozenset[str]
    invariant_past: frozenset[str]  # "hurt", "cut": a VBP tag may be a past tense


def load_verb_lists(text: str | None = None) -> VerbLists:
    """Load the verb lists (the shipped file unless ``text`` is given)."""
    if text is None:
        text = resources.files("eventwire.data").joinpath("times/tense.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    keys = ("reporting", "stative", "invariant_past")
    missing = [k for k in keys if not isinstance(data.get(k), list)]
    if missing:
        raise ResourceError(f"[E310] times tense lists lack section(s): {', '.join(missing)}")
    return VerbLists(**{k: frozenset(str(w).lower() for w in data[k]) for k in keys})


def is_headline(sent: Span) -> bool:
    """Whether a sentence lacks closing punctuation, as a headline or a caption does."""
    words = [t for t in sent if not t.is_space and t.text not in _TRAILING]
    return not words or words[-1].text not in _FINAL


def scheduled_present(token: Token, verbs: VerbLists) -> bool:
    """Whether a bare weekday dates a simple-present action in running text, which news
    writes for what is scheduled ("The court hears the case Thursday", "the two leaders meet
    Monday with the envoy"): the coming day then, as HeidelTime's tense rules have it.

    The weekday must hang on the verb itself (``npadvmod``) or through "on"; the verb must be
    a present-tense form without auxiliaries, neither a reporting verb ("says Monday") nor a
    state ("remains closed Monday"), and not a form the past shares ("cut", "hurt").
    Headlines are left out: their present is historic ("Police arrest suspect Monday")."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "on" and head.dep_ == "prep":
        verb = head.head
    elif token.dep_ == "npadvmod":
        verb = head
    else:
        return False
    if verb.tag_ not in ("VBZ", "VBP") or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in verbs.reporting or lemma in verbs.stative:
        return False
    if verb.tag_ == "VBP" and lemma in verbs.invariant_past:
        return False  # "stocks hurt the index on Friday" is as likely a past tense
    return not is_headline(token.sent)
